/**
 * Getting paid, end to end in real Chromium against a real server with the demo data: the operator
 * approves a pending bill (Operator API) → the partner's wallet and header show the new balance →
 * the partner turns on 2FA on the Security page and withdraws in the dialog with a TOTP code the
 * test computes → the operator marks the cash-out paid with the payment system's reference
 * (Operator API: the console panel has its own browser tests) → the partner's cash-outs show it
 * paid and the transactions show the cash-out. Every figure is checked against the ledger in the
 * database file, never against the screen alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { withTenant } from '../../core/lib/context.ts';
import { balancesOf } from '../../core/modules/ledger/service.ts';
import { launchChromium, pickAccountEntry, signInToDemoPortal } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let portal: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // More clicks than the default: the demo partner then has bills of its own, some pending.
  [server, browser] = await Promise.all([startLiveServer({ KABINET_SEED_CLICKS: '8000' }), launchChromium()]);
  portal = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  portal.on('pageerror', (e) => pageErrors.push(String(e)));
  await signInToDemoPortal(portal, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const wallet = () => portal.locator('kb-wallet');
const operatorApi = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${lucky.apiKey}`, 'content-type': 'application/json', ...init.headers },
  });
  return { status: res.status, body: (await res.json()) as T };
};
/** The demo partner's EUR balance in the ledger (the database file), in minor units. */
const ledgerEur = async () => {
  const balances = await balancesOf(withTenant(server.deps, lucky.id), { partnerId: lucky.partnerId });
  const eur = balances.find((b) => b.currency === 'EUR');
  return { available: eur?.available.minor ?? 0, pending: eur?.pending.minor ?? 0 };
};
/** "€1,234.50" → 123450, without floats. */
const minorOf = (text: string) => {
  const [whole = '0', fraction = ''] = text.replace(/[^\d.]/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};
const shownEurAvailable = async () =>
  minorOf(
    (await wallet()
      .locator('[part~="balance"][data-currency="EUR"] [part~="balance-available"] [part~="money"]')
      .textContent()) ?? '',
  );

let cashOutId = '';

describe('getting paid', () => {
  it('an approved bill shows in the wallet and in the header', async () => {
    const before = await ledgerEur();
    const pending = await operatorApi<{ data: Array<{ id: string; currency: string; toPay: string }> }>(
      `/v1/bills?partnerId=${lucky.partnerId}&state=pending&limit=50`,
    );
    const bill = pending.body.data.find((b) => b.currency === 'EUR' && minorOf(b.toPay) > 0);
    expect(bill, 'the demo partner has a pending EUR bill').toBeTruthy();
    const approved = await operatorApi(`/v1/bills/${bill!.id}/state`, {
      method: 'POST',
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(approved.status).toBe(200);
    const after = await ledgerEur();
    expect(after.available - before.available).toBe(minorOf(bill!.toPay));

    await portal.locator('kb-portal').getByText('Wallet', { exact: true }).first().click();
    await poll(shownEurAvailable).toBe(after.available);
    // The header asks again on opening the wallet: it shows the same figure.
    const header = portal.locator('kb-portal').locator('[part~="balance"]').first();
    await poll(async () => (await header.getAttribute('aria-label')) ?? '').toContain(
      (await wallet()
        .locator('[part~="balance"][data-currency="EUR"] [part~="balance-available"] [part~="money"]')
        .textContent())!,
    );
  });

  it('withdraws with a TOTP code after turning 2FA on, and the operator marks it paid', async () => {
    await pickAccountEntry(portal, 'Security');
    await portal.getByRole('button', { name: 'Enable 2FA' }).click();
    const key = portal.locator('kb-security').locator('[part~="secret"]');
    await poll(() => key.count()).toBe(1);
    const secret = (await key.textContent())!.replace(/\s+/g, '');
    // Confirmed with the previous step's code, so the current step's is still unspent for the withdrawal.
    const previous = Math.floor(Date.now() / 1000) - 30;
    await portal
      .getByLabel('6-digit code from your authenticator app')
      .fill(await generate({ secret, epoch: previous }));
    await portal.getByRole('button', { name: 'Confirm' }).click();
    await poll(() => portal.getByText('Save your recovery codes').count()).toBe(1);

    await portal.locator('kb-portal').getByText('Wallet', { exact: true }).first().click();
    const before = await ledgerEur();
    await poll(shownEurAvailable).toBe(before.available);
    await wallet().getByRole('button', { name: 'Withdraw EUR' }).click();
    const dialog = wallet().locator('dialog');
    const accounts = await dialog.locator('#withdraw-paymentAccountId option').allTextContents();
    const skrill = accounts.find((o) => o.startsWith('Skrill'));
    expect(skrill, `a Skrill account among ${accounts.join(' | ')}`).toBeTruthy();
    await dialog.locator('#withdraw-paymentAccountId').selectOption({ label: skrill! });
    await dialog.getByLabel('Amount', { exact: true }).fill('25.50');
    await dialog.getByLabel('Two-factor code', { exact: true }).fill(await generate({ secret }));
    await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await wallet().getByText('Cash-out of €25.50 requested. It waits for the program to pay it.').waitFor();
    const held = await ledgerEur();
    expect(held).toEqual({ available: before.available - 2550, pending: before.pending + 2550 });
    await poll(shownEurAvailable).toBe(held.available);

    const list = await operatorApi<{ data: Array<{ id: string; amount: string; state: string }> }>(
      `/v1/cash_outs?partnerId=${lucky.partnerId}&state=pending`,
    );
    const mine = list.body.data.find((c) => c.amount === '25.50');
    expect(mine).toBeTruthy();
    cashOutId = mine!.id;
    const paid = await operatorApi<{ state: string }>(`/v1/cash_outs/${cashOutId}/success`, {
      method: 'POST',
      body: JSON.stringify({ reference: 'SKRILL-E2E-7781' }),
    });
    expect(paid).toMatchObject({ status: 200, body: { state: 'success' } });
    expect(await ledgerEur()).toEqual({ available: held.available, pending: before.pending });
  });

  it('the partner sees it paid with the reference, and the cash-out in the transactions', async () => {
    await wallet().getByRole('button', { name: 'Cash-outs', exact: true }).click();
    const row = wallet().locator(`[part~="cash-out-row"][data-cash-out-id="${cashOutId}"]`);
    await poll(() => row.getAttribute('data-state')).toBe('success');
    expect((await row.locator('[part~="reference"]').textContent())?.trim()).toBe('SKRILL-E2E-7781');
    await wallet().getByRole('button', { name: 'Overview', exact: true }).click();
    const cashOut = wallet().locator('[part~="transaction-row"]', { hasText: 'Payment: cash-out' }).first();
    await cashOut.waitFor();
    expect(minorOf((await cashOut.locator('[part~="money"]').textContent()) ?? '')).toBe(2550);
    expect(pageErrors).toEqual([]);
  });
});
