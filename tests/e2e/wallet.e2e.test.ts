/**
 * The wallet in real Chromium against a real server with the demo data: the demo partner's
 * `<kb-wallet>` in the hosted portal shows the balances the ledger holds (read from the database
 * file through the ledger's own operation and from the Operator API, never from the UI), and a
 * balance correction made through the Operator API appears in the transactions list and in Activity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { withTenant } from '../../core/lib/context.ts';
import { currencyExponent } from '../../core/lib/money.ts';
import { balancesOf } from '../../core/modules/ledger/service.ts';
import { launchChromium, pickAccountEntry } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let portal: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // More clicks than the default: the demo partner then has approved bills of its own.
  [server, browser] = await Promise.all([startLiveServer({ KABINET_SEED_CLICKS: '8000' }), launchChromium()]);
  portal = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  portal.on('pageerror', (e) => pageErrors.push(String(e)));
  await portal.goto(`${server.baseUrl}/portal/${lucky.id}`);
  await portal.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
  await portal.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await portal.getByRole('button', { name: 'Sign in', exact: true }).click();
  await portal.locator('kb-dashboard').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const wallet = () => portal.locator('kb-wallet');
const operatorApi = (path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${lucky.apiKey}`, 'content-type': 'application/json', ...init.headers },
  });

/** An amount as the screen writes it (`€1,234.50`) in minor units, without floats. */
function shownMinor(text: string, currency: string): number {
  const digits = text.replace(/[^\d.]/g, '');
  expect(digits, `an amount in "${text}"`).toMatch(/^\d+(\.\d+)?$/);
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = digits.split('.');
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0').slice(0, exponent) || '0');
}

/** The balance cards as shown: currency → available and pending, in minor units. */
async function shownBalances(): Promise<Record<string, { available: number; pending: number }>> {
  const cards = await wallet()
    .locator('[part~="balance"]')
    .evaluateAll((lis) =>
      lis.map((li) => ({
        currency: li.getAttribute('data-currency') ?? '',
        available: li.querySelector('[part~="balance-available"] [part~="money"]')?.textContent ?? '',
        pending: li.querySelector('[part~="balance-pending"] [part~="money"]')?.textContent ?? '',
      })),
    );
  return Object.fromEntries(
    cards.map((c) => [
      c.currency,
      { available: shownMinor(c.available, c.currency), pending: shownMinor(c.pending, c.currency) },
    ]),
  );
}

/** The ledger's balances, asked of the database file through the ledger's own operation. */
async function ledgerBalances() {
  const balances = await balancesOf(withTenant(server.deps, lucky.id), { partnerId: lucky.partnerId });
  return Object.fromEntries(
    balances.map((b) => [b.currency, { available: b.available.minor, pending: b.pending.minor }]),
  );
}

describe('the wallet', () => {
  it("shows the demo partner's balances as the ledger and the Operator API hold them", async () => {
    // The Wallet section is in the portal's row (its address is #/wallet).
    await portal.locator('kb-portal').getByText('Wallet', { exact: true }).first().click();
    await wallet().locator('[part~="balance"]').first().waitFor();
    const ledger = await ledgerBalances();
    expect(Object.keys(ledger).length, 'the demo partner has money').toBeGreaterThan(0);
    expect(Object.values(ledger).some((b) => b.available > 0)).toBe(true);
    await poll(shownBalances).toEqual(ledger);
    const api = (await (await operatorApi(`/v1/partners/${lucky.partnerId}/wallet/balances`)).json()) as {
      data: Array<{ currency: string; available: string; pending: string }>;
    };
    expect(
      Object.fromEntries(
        api.data.map((b) => [
          b.currency,
          { available: shownMinor(b.available, b.currency), pending: shownMinor(b.pending, b.currency) },
        ]),
      ),
    ).toEqual(ledger);
    // The demo seed's corrections and the approved bills are both in the list.
    const types = await wallet().locator('[part~="transaction-type"]').allTextContents();
    expect(types).toEqual(expect.arrayContaining(['Balance correction', 'Bill']));
  });

  it('lists a correction made through the Operator API, with its comment, and the partner reads it in Activity', async () => {
    const comment = 'E2E: a goodwill bonus for the December promotion';
    const res = await operatorApi(`/v1/partners/${lucky.partnerId}/wallet/corrections`, {
      method: 'POST',
      body: JSON.stringify({ action: 'add', amount: '12.34', currency: 'EUR', comment, idempotencyKey: 'e2e-1' }),
    });
    expect(res.status).toBe(201);
    const posted = (await res.json()) as { id: string };
    await portal.reload();
    const row = wallet().locator(`[part~="transaction-row"][data-transaction-id="${posted.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect((await row.locator('[part~="transaction-type"]').textContent())?.trim()).toBe('Balance correction');
    expect((await row.locator('[part~="comment"]').textContent())?.trim()).toBe(`Comment: ${comment}`);
    expect(shownMinor((await row.locator('[part~="money"]').textContent()) ?? '', 'EUR')).toBe(1234);
    await poll(shownBalances).toEqual(await ledgerBalances());
    // Filtered to corrections that subtract, the new one (an addition) is not there.
    await wallet().getByLabel('Type', { exact: true }).selectOption('balance_correction', { timeout: 5_000 });
    await wallet().getByLabel('Action', { exact: true }).selectOption('subtract', { timeout: 5_000 });
    await wallet().getByRole('button', { name: 'Apply', exact: true }).click();
    await poll(() => row.count()).toBe(0);
    await poll(() => wallet().locator('[part~="transaction-row"]').count()).toBeGreaterThan(0);

    await pickAccountEntry(portal, 'Activity');
    const activity = portal.locator('kb-activity');
    await activity
      .locator('[part~="event-type"]', { hasText: 'Balance corrected' })
      .first()
      .waitFor({ timeout: 10_000 });
    await activity.getByText(`Comment: ${comment}`, { exact: true }).waitFor({ timeout: 5_000 });
    await activity.getByText('Added €12.34 to your balance.', { exact: true }).first().waitFor({ timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  });
});
