/**
 * The performance report in real Chromium against a real server with the demo data: what the
 * partner reads in the report's table, row by row, equals a GROUP BY this test computes from the
 * server's raw click and event rows (with Intl for the operator's days, nothing shared with the
 * engine). The earnings favorite shows per month the billed columns the Operator API answers. Then a
 * click and a registration sent now show up after Show report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { clicks } from '../../core/modules/tracking/table.ts';
import { playerEvents } from '../../core/modules/events/table.ts';
import { users } from '../../core/modules/identity/table.ts';
import { operators } from '../../core/modules/operators/table.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';
import { expectedReport, type RawClick, type RawEvent } from '../helpers/statistics-world.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const dayIn = (zone: string, ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function signedInPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
  await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('kb-dashboard').waitFor();
  return page;
}

/** The rows the table shows: the grouping values (data-key) → the counts in the asked metrics' cells. */
async function tableRows(page: Page, metrics: string[]) {
  const table = page.locator('kb-reports [part~="report-table"][aria-busy="false"]');
  const empty = page.locator('kb-reports [part~="empty"]');
  // A period without data shows the empty state, not a table: "today" just after midnight in the
  // operator's zone has no rows yet, and that is an answer too.
  await table.or(empty).first().waitFor();
  if ((await empty.count()) > 0) return {};
  const rows = await table.locator('[part~="report-row"]').all();
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const key = (await row.getAttribute('data-key'))!;
    out[key] = {};
    for (const m of metrics)
      out[key][m] = Number(((await row.locator(`[part~="metric-${m}"]`).textContent()) ?? '').replace(/\D/g, ''));
  }
  return out;
}

async function rawRows(partnerId: string) {
  const db = server.deps.db;
  return {
    clicks: (await db.select().from(clicks).where(eq(clicks.partnerId, partnerId))) as RawClick[],
    events: (await db.select().from(playerEvents).where(eq(playerEvents.partnerId, partnerId))) as RawEvent[],
  };
}

describe('the performance report in the browser', { timeout: 90_000 }, () => {
  it('shows, row by row, what a GROUP BY over the raw rows gives, for nested groupings in the operator’s days', async () => {
    const db = server.deps.db;
    const [user] = await db.select().from(users).where(eq(users.email, lucky.signInEmail));
    const [op] = await db.select().from(operators).where(eq(operators.id, lucky.id));
    const zone = op!.timeZone;
    const today = dayIn(zone, Date.now());
    const page = await signedInPage();
    const metrics = ['clicks', 'registrations', 'ftdCount'];
    for (const [period, groupBy, from] of [
      ['last_30_days', ['country'], addDays(today, -29)],
      ['last_7_days', ['day', 'device'], addDays(today, -6)],
    ] as const) {
      await page.goto(
        `${server.baseUrl}/portal/${lucky.id}#/reports?period=${period}&groupBy=${groupBy.join(',')}&limit=1000`,
      );
      const shown = await tableRows(page, metrics);
      const raw = await rawRows(user!.partnerId);
      const expected = expectedReport(raw.clicks, raw.events, {
        timeZone: zone,
        from,
        to: today,
        groupBy: [...groupBy],
        filters: {},
        partnerId: user!.partnerId,
      });
      const wanted = Object.fromEntries(
        [...expected].map(([key, v]) => [
          (JSON.parse(key) as string[]).join('|'),
          { clicks: v.clicks, registrations: v.registrations, ftdCount: v.ftdCount },
        ]),
      );
      expect(Object.keys(shown).length).toBeGreaterThan(1);
      expect(shown).toEqual(wanted);
    }
  });

  it('opens the earnings favorite: per month the commission, profit, ROI and EPC the Operator API answers', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/portal/${lucky.id}#/reports`);
    const favorite = page.locator('kb-reports [part~="open-favorite"]', { hasText: 'Earnings' });
    const name = (await favorite.textContent())!.trim();
    await favorite.click();
    const billed = ['commission', 'profit', 'roi', 'epc'];
    const cells = async () => {
      const table = page.locator('kb-reports [part~="report-table"][aria-busy="false"]');
      await table.waitFor();
      const out: Record<string, string[]> = {};
      for (const row of await table.locator('[part~="report-row"]').all())
        out[(await row.getAttribute('data-key'))!] = await Promise.all(
          billed.map(async (m) =>
            ((await row.locator(`[part~="metric-${m}"]`).textContent()) ?? '').replace(/[^\d-]/g, ''),
          ),
        );
      return out;
    };
    await expect.poll(async () => Object.keys(await cells()).length).toBe(3);
    // The same question through the Operator API for this partner: the favorite's dates (in the address), months, EUR.
    const address = () => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    await expect.poll(() => address().get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    const [user] = await server.deps.db.select().from(users).where(eq(users.email, lucky.signInEmail));
    const query = new URLSearchParams({
      period: 'custom',
      from: address().get('from')!,
      to: address().get('to')!,
      groupBy: 'month',
      metrics: billed.join(','),
      currency: 'EUR',
      partnerId: user!.partnerId,
    });
    const api = (await (
      await fetch(`${server.baseUrl}/v1/reports/performance?${query}`, {
        headers: { authorization: `Bearer ${lucky.apiKey}` },
      })
    ).json()) as {
      rows: Array<{ key: { month: string }; values: Record<string, Record<string, string> | number | null> }>;
    };
    const digits = (v: Record<string, string> | number | null | undefined) =>
      v === null || v === undefined ? '' : (typeof v === 'number' ? String(v) : (v.EUR ?? '')).replace(/[^\d-]/g, '');
    const expected = Object.fromEntries(api.rows.map((r) => [r.key.month, billed.map((m) => digits(r.values[m]))]));
    expect(
      Object.values(expected).some(([commission]) => Number(commission) > 0),
      name,
    ).toBe(true);
    expect(await cells()).toEqual(expected);
  });

  it('counts a click and its registration made now once the partner asks again', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/portal/${lucky.id}#/reports?period=today&groupBy=device`);
    const before = await tableRows(page, ['clicks', 'registrations']);
    const res = await fetch(`${server.baseUrl}/t/LU0X0KKK?sub1=e2e`, {
      redirect: 'manual',
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36' },
    });
    const visitId = new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
    const sent = await fetch(`${server.baseUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lucky.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: `e2e-${visitId}`,
            type: 'registration',
            playerId: `e2e-${visitId}`,
            brand: lucky.brands[0]!.id,
            visitId,
            occurredAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(sent.status).toBe(200);
    await page.locator('kb-reports').getByRole('button', { name: 'Show report' }).click();
    await expect
      .poll(async () => (await tableRows(page, ['clicks', 'registrations'])).desktop)
      .toEqual({
        clicks: (before.desktop?.clicks ?? 0) + 1,
        registrations: (before.desktop?.registrations ?? 0) + 1,
      });
  });
});
