import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, deepActiveElement, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbWallet } from './kb-wallet.ts';
import { BALANCES, cashOut, mountWallet, PROFILE, text, TRANSACTIONS, walletApi, WITHDRAW } from './wallet-test-kit.ts';

define('kb-wallet', KbWallet);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const dialogOf = (el: Element) => query<HTMLDialogElement>(el, 'dialog[part~="withdraw-dialog"]')!;
const options = (select: HTMLSelectElement | null) => [...(select?.options ?? [])].map((o) => o.text);

/** Opens the dialog from a balance card's Withdraw and waits for its form (or what replaces it). */
async function openFrom(el: Element, currency: string, ready = '#withdraw-amount') {
  const opener = await find<HTMLButtonElement>(el, `[part~="balance"][data-currency="${currency}"] [part~="withdraw"]`);
  opener.click();
  await find(el, ready);
  return opener;
}

function enter(el: Element, amount: string, code = '123 456') {
  fill(query<HTMLInputElement>(el, '#withdraw-amount')!, amount);
  fill(query<HTMLInputElement>(el, '#withdraw-code')!, code);
  query<HTMLFormElement>(el, 'form[part~="withdraw-form"]')!.requestSubmit();
}

describe('<kb-wallet> withdraw', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('withdraws with the code and one key per opening: a double click sends once, a retry after a lost answer sends the same key', async () => {
    let attempts = 0;
    const answer = () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return json(cashOut({ id: `cout_${attempts}`, amount: '100.00' }), 201);
    };
    api = walletApi({ routes: { [WITHDRAW]: answer } });
    const { el } = await mountWallet();
    const moved: unknown[] = [];
    el.addEventListener('kb-balance-changed', (e) => moved.push((e as CustomEvent).detail));
    const opener = await openFrom(el, 'EUR');
    const dialog = dialogOf(el);
    expect(dialog.open, 'a modal dialog').to.equal(true);
    // Only currencies with money available that an account pays in; only the accounts paying in the chosen one.
    expect(options(query(el, '#withdraw-currency'))).to.deep.equal(['EUR', 'BTC']);
    expect(query<HTMLSelectElement>(el, '#withdraw-currency')!.value).to.equal('EUR');
    expect(options(query(el, '#withdraw-paymentAccountId'))).to.deep.equal(['Bank transfer (SEPA) · •••• 3000']);
    expect(text(query(el, '#withdraw-amount-hint'))).to.equal('Available: €1,175.50. From 10.00 to 5,000.00 EUR.');

    enter(el, '100');
    query<HTMLFormElement>(el, 'form[part~="withdraw-form"]')!.requestSubmit(); // the double click
    await waitFor(() => text(query(el, '#withdraw-form-error')), 2000, 'the network error');
    expect(text(query(el, '#withdraw-form-error'))).to.equal(
      'The server could not be reached. Try again: the same request is sent, so nothing is withdrawn twice.',
    );
    expect(api.sent(WITHDRAW), 'one request for two clicks').to.have.length(1);
    expect(dialog.open).to.equal(true);

    query<HTMLFormElement>(el, 'form[part~="withdraw-form"]')!.requestSubmit();
    await waitFor(() => !dialog.open, 2000, 'the dialog to close');
    const [first, retry] = api.sent(WITHDRAW).map((r) => r.body as Record<string, string>);
    expect(first).to.deep.include({ currency: 'EUR', paymentAccountId: 'pa_sepa', amount: '100', code: '123456' });
    expect(first!.idempotencyKey).to.match(UUID);
    expect(retry).to.deep.equal(first);
    await waitFor(() => text(query(el, '[part~="notice"]')), 2000, 'the notice');
    expect(text(query(el, '[part~="notice"]'))).to.equal(
      'Cash-out of €100.00 requested. It waits for the program to pay it.',
    );
    expect(query(el, '[part~="notice"]')!.getAttribute('role')).to.equal('status');
    await waitFor(() => deepActiveElement() === opener, 1000, 'focus back on the Withdraw button');
    await waitFor(() => api!.sent(BALANCES).length === 2 && api!.sent(TRANSACTIONS).length === 2, 2000, 'a refresh');
    expect(moved, 'the portal is told to show the new balance').to.deep.equal([{ currency: null }]);

    // Another opening is another withdrawal: a new key.
    await openFrom(el, 'EUR');
    enter(el, '50');
    await waitFor(() => api!.sent(WITHDRAW).length === 3, 2000, 'the second withdrawal');
    expect((api.sent(WITHDRAW)[2]!.body as { idempotencyKey: string }).idempotencyKey).not.to.equal(
      first!.idempotencyKey,
    );
  });

  it('checks the method’s limits and the balance exactly before sending, and words the server’s limits naming both', async () => {
    const tooBig = () =>
      problem(422, 'validation_failed', 'body.amount: too big', [
        {
          path: 'body.amount',
          reason: 'too_big',
          message: 'Bank transfer (SEPA) pays from 10.00 to 1000.00 EUR per cash-out',
          params: { minimum: '10.00', maximum: '1000.00' },
        },
      ]);
    api = walletApi({ routes: { [WITHDRAW]: tooBig } });
    const { el } = await mountWallet();
    await openFrom(el, 'EUR');
    const error = () => text(query(el, '#withdraw-amount-error'));

    enter(el, '9.99');
    await waitFor(error, 1000, 'the limits error');
    expect(error()).to.equal('Bank transfer (SEPA) pays from 10.00 to 5,000.00 EUR per cash-out.');
    expect(query(el, '#withdraw-amount')!.getAttribute('aria-describedby')).to.include('withdraw-amount-error');
    expect(deepActiveElement()?.id).to.equal('withdraw-amount');

    enter(el, '1175.51'); // a cent above the available 1175.50: compared as decimals, never floats
    await waitFor(() => error().startsWith('This is more'), 1000, 'the balance error');
    expect(error()).to.equal('This is more than your available €1,175.50.');
    expect(api.sent(WITHDRAW), 'nothing sent').to.have.length(0);

    enter(el, '1000,5'); // the decimal comma as typed in Russian; the server's limits changed meanwhile
    await waitFor(() => api!.sent(WITHDRAW).length === 1, 1000, 'the request');
    expect((api.sent(WITHDRAW)[0]!.body as { amount: string }).amount).to.equal('1000.5');
    await waitFor(() => error().includes('1,000.00'), 2000, 'the server’s limits');
    expect(error()).to.equal('Bank transfer (SEPA) pays from 10.00 to 1,000.00 EUR per cash-out.');
  });

  it('with two-factor authentication off: the way to the Security page instead of the form, also on the server’s 403', async () => {
    let twoFactorOn = false;
    api = walletApi({
      routes: {
        [PROFILE]: () => json({ user: { twoFactorEnabled: twoFactorOn } }),
        [WITHDRAW]: () =>
          problem(403, 'forbidden', 'Turn on two-factor authentication', [], { resource: 'two_factor', state: 'off' }),
      },
    });
    const { el } = await mountWallet();
    const opener = await openFrom(el, 'EUR', '[part~="two-factor-off"]');
    const link = query<HTMLAnchorElement>(el, '[part~="security-link"]')!;
    expect(text(link)).to.equal('Turn on two-factor authentication on the Security page');
    expect(link.getAttribute('href')).to.equal('#/security');
    expect(query(el, 'form[part~="withdraw-form"]'), 'no form').to.equal(null);
    expect(deepActiveElement()).to.equal(link);
    const opened: string[] = [];
    el.addEventListener('kb-open-section', (e) => opened.push(e.detail.section));
    link.click();
    expect(opened).to.deep.equal(['security']);
    expect(dialogOf(el).open).to.equal(false);

    // The profile said on (a stale session, or 2FA turned off elsewhere since): the server's 403 says so.
    twoFactorOn = true;
    await openFrom(el, 'EUR');
    enter(el, '100');
    await find(el, '[part~="two-factor-off"] [part~="security-link"]');
    expect(api.sent(WITHDRAW)).to.have.length(1);

    // Esc closes the dialog and gives focus back to the button that opened it.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(el).open, 1000, 'Esc to close');
    await waitFor(() => deepActiveElement() === opener, 1000, 'focus back');
  });

  it('says when no account pays in the currency, with the way to the payment methods', async () => {
    api = walletApi();
    const { el, gone } = await mountWallet();
    await openFrom(el, 'GBP', '[part~="unpaid"]');
    expect(text(query(el, '[part~="unpaid"]'))).to.equal(
      'None of your payment accounts pays in GBP. Add one under Payment methods',
    );
    expect(query<HTMLSelectElement>(el, '#withdraw-currency')!.value, 'another currency offered').to.equal('EUR');
    query<HTMLAnchorElement>(el, '[part~="unpaid"] [part~="methods-link"]')!.click();
    await find(el, 'kb-payment-accounts');
    expect(gone).to.deep.equal([['methods']]);
    expect(dialogOf(el).open).to.equal(false);
  });

  it('390 px: the dialog fits the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    api = walletApi();
    const { el } = await mountWallet();
    await openFrom(el, 'EUR');
    const dialog = dialogOf(el);
    expect(dialog.getBoundingClientRect().width).to.be.at.most(390);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
  });
});
