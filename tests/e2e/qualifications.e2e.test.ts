/**
 * Qualified players in real Chromium against a real server with the demo data: the partner opens
 * `#/bills/qualified` in the hosted portal and the operator opens the qualifications panel on the
 * demo's /operator/ page (through the demo backend's proxy). What both show is checked against the
 * database file's rows (the qualifications the demo's billing run wrote) and the Operator API asked
 * with the secret key, never against numbers read from the UI itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { and, desc, eq } from 'drizzle-orm';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { currencyExponent } from '../../core/lib/money.ts';
import { qualifications } from '../../core/modules/billing/table.ts';
import { partners } from '../../core/modules/identity/table.ts';
import { launchChromium, signInToDemoPortal } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startLiveServer({ KABINET_SEED_CLICKS: '8000' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page): Promise<void> {
  await signInToDemoPortal(page, server.baseUrl);
}

/** axe-core's serious and critical violations on the page (it walks open shadow roots), as "rule: targets". */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } })
      .axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

type Row = typeof qualifications.$inferSelect;
const dbRows = (partnerId?: string): Promise<Row[]> =>
  server.deps.db
    .select()
    .from(qualifications)
    .where(
      and(eq(qualifications.operatorId, lucky.id), partnerId ? eq(qualifications.partnerId, partnerId) : undefined),
    )
    .orderBy(desc(qualifications.qualifiedAt));

/** An amount cell's text ("€1,250.50", "-€7.25", "25.000000 USDT") in minor units of its currency. */
const minorOf = (text: string, currency: string) => {
  const [whole, fraction = ''] = text.replace(/[^\d.-]/g, '').split('.');
  const exponent = currencyExponent(currency);
  const sign = whole!.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 10 ** exponent + Number(fraction.padEnd(exponent, '0').slice(0, exponent)));
};

/** Each shown row as the values a reader takes from it, keyed by player id (read at once: a re-render cannot split it). */
function shownRows(element: Locator): Promise<Record<string, Record<string, string>>> {
  return element.evaluate((el) => {
    const out: Record<string, Record<string, string>> = {};
    for (const row of el.shadowRoot!.querySelectorAll('[part~="qualification-row"]')) {
      const cell = (part: string) => row.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? '';
      out[row.getAttribute('data-player-id')!] = Object.fromEntries(
        ['brand', 'plan', 'firstDeposit', 'deposits', 'wager', 'ngr', 'partner'].map((key) => [
          key,
          cell(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)),
        ]),
      );
    }
    return out;
  });
}

function expectRowsMatch(shown: Record<string, Record<string, string>>, rows: Row[]) {
  expect(Object.keys(shown).sort()).toEqual(rows.map((r) => r.playerId).sort());
  for (const r of rows) {
    const s = shown[r.playerId]!;
    const v = r.values;
    expect(minorOf(s.firstDeposit!, v.currency), r.playerId).toBe(v.firstDepositMinor);
    expect(Number(s.deposits), r.playerId).toBe(v.deposits);
    expect(minorOf(s.wager!, v.currency), r.playerId).toBe(v.wagerMinor);
    expect(minorOf(s.ngr!, v.currency), r.playerId).toBe(v.ngrMinor);
  }
}

describe('qualified players in the browser', { timeout: 120_000 }, () => {
  it('the partner opens #/bills/qualified and reads its own qualified players, as the database and the API have them', async () => {
    const mine = await dbRows(lucky.partnerId);
    expect(mine.length, 'the demo partner has qualified players').toBeGreaterThanOrEqual(1);
    const api = await fetch(`${server.baseUrl}/v1/qualifications?partnerId=${lucky.partnerId}`, {
      headers: { authorization: `Bearer ${lucky.apiKey}` },
    });
    const listed = (await api.json()) as { data: Array<{ playerId: string; plan: { name: string } }> };
    expect(listed.data.map((q) => q.playerId)).toEqual(mine.map((r) => r.playerId));

    const portal = await newPage();
    await signIn(portal);
    await portal.evaluate(() => {
      location.hash = '#/bills/qualified';
    });
    const view = portal.locator('kb-qualifications');
    await view.locator('[part~="qualification-row"]').first().waitFor();
    await poll(async () => view.locator('[part~="qualification-row"]').count()).toBe(mine.length);
    const shown = await shownRows(view);
    expectRowsMatch(shown, mine);
    for (const q of listed.data) expect(shown[q.playerId]!.plan).toBe(q.plan.name);
    const current = portal.locator('kb-bills [part~="view-current"]');
    expect(await current.textContent()).toBe('Qualified players');

    // The switch moves the address; Back comes back to the qualified players, and a refresh keeps them.
    await portal.locator('kb-bills [part~="view"][data-view="bills"]').click();
    await poll(() => new URL(portal.url()).hash).toBe('#/bills');
    await portal.locator('kb-bills [part~="bill-row"]').first().waitFor();
    await portal.goBack();
    await poll(() => new URL(portal.url()).hash).toBe('#/bills/qualified');
    await view.locator('[part~="qualification-row"]').first().waitFor();
    await portal.reload();
    await portal.locator('kb-qualifications [part~="qualification-row"]').first().waitFor();

    // A period before the first qualification: the truth, with a way back.
    const first = mine.at(-1)!.qualifiedAt;
    const before = new Date(first.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    await view.locator('#qualified-from').fill('2020-01-01');
    await view.locator('#qualified-to').fill(before);
    await view.locator('[part~="apply"]').click();
    await poll(() => view.locator('[part~="empty-message"]').textContent()).toBe(
      'No player has qualified in this period.',
    );
    await view.locator('[part~="clear-filters"]').click();
    await poll(async () => view.locator('[part~="qualification-row"]').count()).toBe(mine.length);
    await portal.close();
  });

  it('the operator console lists every partner’s qualified players and filters by partner', async () => {
    const all = await dbRows();
    const names = new Map(
      (await server.deps.db.select().from(partners).where(eq(partners.operatorId, lucky.id))).map((p) => [
        p.id,
        p.name,
      ]),
    );
    const page = await newPage();
    await page.goto(`${server.baseUrl}/operator/`);
    const panel = page.locator('kb-qualifications-console');
    await panel.locator('[part~="qualification-row"]').first().waitFor();
    await poll(async () => panel.locator('[part~="qualification-row"]').count()).toBe(all.length);
    const shown = await shownRows(panel);
    expectRowsMatch(shown, all);
    for (const r of all) expect(shown[r.playerId]!.partner).toBe(names.get(r.partnerId));

    const mine = all.filter((r) => r.partnerId === lucky.partnerId);
    await panel.locator(`#qualified-partnerId option[value="${lucky.partnerId}"]`).waitFor({ state: 'attached' });
    await panel.locator('#qualified-partnerId').selectOption(lucky.partnerId);
    await panel.locator('[part~="apply"]').click();
    await poll(async () => Object.keys(await shownRows(panel)).sort()).toEqual(mine.map((r) => r.playerId).sort());

    await panel.locator('#qualified-partnerId').selectOption('');
    await panel.locator('#qualified-playerId').fill(all[0]!.playerId);
    await panel.locator('[part~="apply"]').click();
    await poll(async () => Object.keys(await shownRows(panel))).toEqual([all[0]!.playerId]);
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('has no serious or critical axe violation: the partner view in both themes at 1440 and 390 px, and the console panel', async () => {
    const found: string[] = [];
    for (const width of [1440, 390]) {
      // The pages' CSP (script-src 'self') would refuse the injected axe script.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page);
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => {
          document.querySelector('kb-portal')!.setAttribute('theme', t);
          location.hash = '#/bills/qualified';
        }, theme);
        await page.locator('kb-qualifications [part~="qualification-row"]').first().waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `${width} ${theme}: ${v}`));
      }
      await page.goto(`${server.baseUrl}/operator/#qualifications`);
      await page.locator('kb-qualifications-console [part~="qualification-row"]').first().waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${width} console: ${v}`));
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
