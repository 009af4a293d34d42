import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  mockApi,
  mountSection,
  problem,
  query,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import type { Balance, Transaction } from './wallet-format.ts';
import { KbWallet } from './kb-wallet.ts';

define('kb-wallet', KbWallet);

const LIST = 'GET /v1/partner/wallet/transactions';
const BALANCES = 'GET /v1/partner/wallet/balances';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const EUR: Balance = { currency: 'EUR', coin: false, available: '1175.50', pending: '0.00' };
const BTC: Balance = { currency: 'BTC', coin: true, available: '0.01500000', pending: '0.00000000' };
const transaction = (over: Partial<Transaction> = {}): Transaction => ({
  id: 'ltr_1',
  createdAt: '2026-12-02T10:00:00.000Z',
  type: 'bill',
  action: 'add',
  amount: '1200.00',
  currency: 'EUR',
  coin: false,
  bill: {
    id: 'bill_nov',
    period: { from: '2026-11-01', to: '2026-11-30' },
    brand: { id: 'br_1', name: 'LuckySpin Casino' },
    correctionId: null,
  },
  comment: null,
  cashOutId: null,
  ...over,
});
const CORRECTION = transaction({
  id: 'ltr_2',
  createdAt: '2026-12-03T09:00:00.000Z',
  type: 'balance_correction',
  action: 'subtract',
  amount: '24.50',
  bill: null,
  comment: 'Chargeback of player 4821',
});

function walletApi(pages: Record<string, unknown>, balances: Balance[] = [EUR, BTC]): ApiMock {
  return mockApi(({ method, path, query: q }) => {
    const route = `${method} ${path}`;
    if (route === BALANCES) return json({ data: balances });
    if (route === LIST) {
      const key = q.get('before') ?? (q.toString() ? q.toString() : 'first');
      return pages[key] ? json(pages[key]) : problem(422, 'validation_failed', 'Unexpected query');
    }
    return undefined;
  });
}

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbWallet>('kb-wallet', { locale });
  return el;
}
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="transaction-row"]')];
const cellText = (row: Element, name: string) => text(row.querySelector(`[part~="transaction-${name}"]`));

describe('<kb-wallet>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the balance per currency and the transactions with their bill or comment, and Load more by the cursor', async () => {
    api = walletApi({
      first: { data: [CORRECTION], nextBefore: 'ltr_2' },
      ltr_2: { data: [transaction()], nextBefore: null },
    });
    const el = await mounted();
    await find(el, '[part~="transaction-row"]');
    expect(text(query(el, '[part~="heading"]'))).to.equal('Wallet');
    const balance = (currency: string, part: string) =>
      text(query(el, `[part~="balance"][data-currency="${currency}"] [part~="${part}"] [part~="balance-value"]`));
    expect(balance('EUR', 'balance-available')).to.equal('€1,175.50');
    expect(balance('EUR', 'balance-pending')).to.equal('€0.00');
    expect(balance('BTC', 'balance-available')).to.equal('BTC 0.015 coin');
    const [correction] = rows(el);
    expect(cellText(correction!, 'type')).to.equal('Balance correction');
    expect(cellText(correction!, 'details')).to.equal('Comment: Chargeback of player 4821');
    expect(cellText(correction!, 'amount')).to.equal('−Subtracted €24.50');
    query<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => rows(el).length === 2, 2000, 'the next page');
    expect(api.sent(LIST)[1]!.query.get('before')).to.equal('ltr_2');
    const bill = rows(el)[1]!;
    expect(cellText(bill, 'type')).to.equal('Bill');
    expect(cellText(bill, 'details')).to.equal('Bill for Nov 1 – 30, 2026 · LuckySpin Casino');
    expect(cellText(bill, 'amount')).to.equal('+Added €1,200.00');
    expect(query(el, '[part~="load-more"]'), 'the last page').to.equal(null);
    // Each balance with money available has its Withdraw (an owner may withdraw), named by its currency.
    const withdraws = [...el.shadowRoot!.querySelectorAll('[part~="balance"] [part~="withdraw"]')];
    expect(withdraws.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Withdraw EUR', 'Withdraw BTC']);
  });

  it('sends the filters (a decimal comma read as a point), refuses a bad amount, and says when nothing matches', async () => {
    const filtered = 'type=balance_correction&action=subtract&currency=EUR&amountFrom=10.5&from=2026-12-01';
    api = walletApi({ first: { data: [CORRECTION], nextBefore: null }, [filtered]: { data: [], nextBefore: null } });
    const el = await mounted();
    await find(el, '[part~="transaction-row"]');
    const form = query<HTMLFormElement>(el, 'form[part~="filters"]')!;
    query<HTMLSelectElement>(el, '#wallet-type')!.value = 'balance_correction';
    query<HTMLSelectElement>(el, '#wallet-action')!.value = 'subtract';
    query<HTMLSelectElement>(el, '#wallet-currency')!.value = 'EUR';
    query<HTMLInputElement>(el, '#wallet-amountFrom')!.value = '12,5x';
    form.requestSubmit();
    await find(el, '#wallet-amountFrom-error');
    expect(text(query(el, '#wallet-amountFrom-error'))).to.equal('Enter an amount like 12.50.');
    expect(api.sent(LIST)).to.have.length(1);
    query<HTMLInputElement>(el, '#wallet-amountFrom')!.value = '10,5';
    query<HTMLInputElement>(el, '#wallet-from')!.value = '2026-12-01';
    form.requestSubmit();
    await find(el, '[part~="clear-filters"]');
    expect(api.sent(LIST).at(-1)!.query.toString()).to.equal(filtered);
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No transactions match these filters.');
    query<HTMLButtonElement>(el, '[part~="clear-filters"]')!.click();
    await find(el, '[part~="transaction-row"]');
  });

  it('says honestly that there is no balance and no transaction yet (ru)', async () => {
    api = walletApi({ first: { data: [], nextBefore: null } }, []);
    const el = await mounted('ru');
    await find(el, '[part~="transactions"], [part~="empty"] [part~="empty-hint"]');
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="empty"]').length === 2, 2000, 'both empty states');
    const empties = [...el.shadowRoot!.querySelectorAll('[part~="empty-message"]')].map(text);
    expect(empties).to.deep.equal(['Баланса пока нет.', 'Транзакций пока нет.']);
    expect(query(el, '#wallet-currency'), 'no currency to choose').to.equal(null);
  });

  it('says what each cash-out transaction did: the hold, its release on a cancel, the money back on a refund', async () => {
    const cashOut = (id: string, type: 'cash_out' | 'refund', action: 'add' | 'subtract') =>
      transaction({ id, type, action, amount: '100.00', bill: null, cashOutId: 'cout_1' });
    const list = [
      cashOut('ltr_5', 'refund', 'add'),
      cashOut('ltr_4', 'cash_out', 'add'),
      cashOut('ltr_3', 'cash_out', 'subtract'),
    ];
    api = walletApi({ first: { data: list, nextBefore: null } });
    const el = await mounted();
    await find(el, '[part~="transaction-row"]');
    expect(rows(el).map((r) => cellText(r, 'details'))).to.deep.equal([
      'The payment came back',
      'Cash-out cancelled: the amount is available again',
      'Withdrawal asked for: held until the program pays it',
    ]);
    expect(rows(el).map((r) => cellText(r, 'type'))).to.deep.equal([
      'Payment: refund',
      'Payment: cash-out',
      'Payment: cash-out',
    ]);
  });

  it('390 px: each transaction is a card, nothing wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    api = walletApi({ first: { data: [CORRECTION, transaction()], nextBefore: null } });
    const el = await mounted();
    const row = await find(el, '[part~="transaction-row"]');
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(el.shadowRoot!.querySelector('[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
