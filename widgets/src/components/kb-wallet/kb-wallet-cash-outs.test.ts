import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, deepActiveElement, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { find, json, makeUser, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbWallet } from './kb-wallet.ts';
import { BALANCES, CASH_OUTS, cashOut, mountWallet, text, walletApi } from './wallet-test-kit.ts';

define('kb-wallet', KbWallet);

const PENDING = cashOut({ id: 'cout_2', createdAt: '2026-12-03T09:00:00.000Z' });
const PAID = cashOut({ id: 'cout_1', amount: '500.00', state: 'success', reference: 'SEPA-REF-77' });
const CANCEL = 'POST /v1/partner/wallet/cash_outs/cout_2/cancel';

const views = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view"]')];
const current = (el: Element) => views(el).map((b) => b.getAttribute('aria-current'));
const row = (el: Element, id: string) => query(el, `[part~="cash-out-row"][data-cash-out-id="${id}"]`);
const cellText = (el: Element, id: string, name: string) =>
  text(row(el, id)?.querySelector(`[part~="cash-out-${name}"]`));

describe('<kb-wallet> views and cash-outs', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the view its address names, and moves between the views through the address', async () => {
    api = walletApi({ cashOuts: [PENDING, PAID] });
    const { el, gone } = await mountWallet({ path: ['cash_outs'] });
    await find(el, '[part~="cash-out-row"]');
    expect(views(el).map(text)).to.deep.equal(['Overview', 'Cash-outs', 'Payment methods', 'Automatic cash-outs']);
    expect(current(el)).to.deep.equal(['false', 'page', 'false', 'false']);
    expect(query(el, '[part~="overview"]')!.hidden, 'the overview waits hidden').to.equal(true);

    views(el)[2]!.click();
    await find(el, 'kb-payment-accounts[part~="payment-accounts"]');
    expect(gone.at(-1)).to.deep.equal(['methods']);
    expect(current(el)).to.deep.equal(['false', 'false', 'page', 'false']);
    expect(query(el, '[part~="cash-outs-view"]')!.hidden).to.equal(true);

    views(el)[3]!.click();
    await find(el, 'kb-cash-out-schedules[part~="schedules"]');
    expect(gone.at(-1)).to.deep.equal(['schedules']);
    expect(query(el, 'kb-payment-accounts')).to.equal(null);

    views(el)[0]!.click();
    await waitFor(() => !query(el, '[part~="overview"]')!.hidden, 1000, 'the overview');
    expect(gone.at(-1)).to.deep.equal([]);
    expect(query(el, 'kb-cash-out-schedules')).to.equal(null);
    views(el)[1]!.click();
    await waitFor(() => !query(el, '[part~="cash-outs-view"]')!.hidden, 1000, 'the cash-outs again');
    expect(api.sent(CASH_OUTS), 'loaded once, kept while hidden').to.have.length(1);
  });

  it('a deep link to the payment methods shows them first; an unknown address is the overview', async () => {
    api = walletApi();
    const methods = await mountWallet({ path: ['methods'] });
    await find(methods.el, 'kb-payment-accounts');
    expect(current(methods.el)).to.deep.equal(['false', 'false', 'page', 'false']);
    cleanupFixtures();
    const unknown = await mountWallet({ path: ['nothing-here'] });
    await find(unknown.el, '[part~="balance"]');
    expect(current(unknown.el)).to.deep.equal(['page', 'false', 'false', 'false']);
    expect(api.sent(CASH_OUTS), 'the cash-outs load when shown').to.have.length(0);
  });

  it('lists cash-outs newest first with their state in words and the reference once paid; filters by state', async () => {
    api = walletApi({
      routes: {
        [CASH_OUTS]: ({ query: q }) =>
          json(
            q.get('state') === 'success'
              ? { data: [PAID], nextBefore: null }
              : q.get('before') === 'cout_2'
                ? { data: [PAID], nextBefore: null }
                : { data: [PENDING], nextBefore: 'cout_2' },
          ),
      },
    });
    const { el } = await mountWallet({ path: ['cash_outs'] });
    await find(el, '[part~="cash-out-row"]');
    expect(cellText(el, 'cout_2', 'amount')).to.equal('€250.00');
    expect(cellText(el, 'cout_2', 'account')).to.equal('Bank transfer (SEPA) •••• 3000');
    expect(cellText(el, 'cout_2', 'state')).to.equal('Pending');
    expect(cellText(el, 'cout_2', 'reference')).to.equal('None yet');
    query<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await find(el, '[part~="cash-out-row"][data-cash-out-id="cout_1"]');
    expect(cellText(el, 'cout_1', 'state')).to.equal('Paid');
    expect(cellText(el, 'cout_1', 'reference')).to.equal('SEPA-REF-77');
    expect(row(el, 'cout_1')!.querySelector('[part~="cancel-cash-out"]'), 'only a pending one cancels').to.equal(null);
    expect(text(query(el, '[part~="cash-outs-view"] [part~="count"]'))).to.equal('2 cash-outs shown');

    const states = [...query<HTMLSelectElement>(el, '#cash-outs-state')!.options].map((o) => o.text);
    expect(states).to.deep.equal(['All states', 'Pending', 'Paid', 'Cancelled', 'Refunded']);
    query<HTMLSelectElement>(el, '#cash-outs-state')!.value = 'success';
    query<HTMLFormElement>(el, '[part~="cash-outs-view"] form[part~="filters"]')!.requestSubmit();
    await waitFor(() => !row(el, 'cout_2'), 2000, 'the filtered list');
    expect(api.sent(CASH_OUTS).at(-1)!.query.toString()).to.equal('state=success');
  });

  it('cancels a pending cash-out after confirming; the balances come again', async () => {
    api = walletApi({
      cashOuts: [PENDING, PAID],
      routes: { [CANCEL]: () => json({ ...PENDING, state: 'cancelled', cancelledBy: 'partner' }) },
    });
    const { el } = await mountWallet({ path: ['cash_outs'] });
    const cancel = await find<HTMLButtonElement>(el, '[part~="cancel-cash-out"]');
    expect(cancel.getAttribute('aria-label')).to.equal('Cancel the cash-out of €250.00');
    cancel.click();
    const confirm = await find<HTMLButtonElement>(el, '[part~="confirm-cancel-button"]');
    expect(text(query(el, '[part~="confirm-cancel"]'))).to.equal(
      'Cancel this cash-out? €250.00 goes back to your available balance.',
    );
    await waitFor(() => deepActiveElement() === confirm, 1000, 'focus on the confirmation');
    expect(api.sent(CANCEL), 'nothing before the confirmation').to.have.length(0);
    confirm.click();
    await waitFor(() => cellText(el, 'cout_2', 'state') === 'Cancelled by you', 2000, 'the cancelled row');
    expect(api.sent(CANCEL)).to.have.length(1);
    expect(text(query(el, '[part~="notice"]'))).to.equal(
      'The cash-out of €250.00 is cancelled: the amount is available again.',
    );
    await waitFor(() => api!.sent(BALANCES).length === 2, 2000, 'the balances again');
    expect(query(el, '[part~="cancel-cash-out"]'), 'nothing left to cancel').to.equal(null);
  });

  it('an analyst sees the balances and the cash-outs, but no Withdraw and no Cancel', async () => {
    api = walletApi({ cashOuts: [PENDING] });
    const { el } = await mountWallet({
      path: ['cash_outs'],
      user: makeUser({ role: 'analyst', twoFactorEnabled: true }),
    });
    await find(el, '[part~="cash-out-row"]');
    expect(query(el, '[part~="cash-out-actions"]'), 'no actions column').to.equal(null);
    views(el)[0]!.click();
    await find(el, '[part~="balance"]');
    expect(query(el, '[part~="withdraw"]'), 'no Withdraw').to.equal(null);
    expect(query(el, 'dialog'), 'no dialog').to.equal(null);
  });

  it('speaks Russian: the views, the states and the dialog', async () => {
    api = walletApi({ cashOuts: [PENDING, cashOut({ id: 'cout_3', state: 'cancelled', cancelledBy: 'operator' })] });
    const { el } = await mountWallet({ path: ['cash_outs'], locale: 'ru' });
    await find(el, '[part~="cash-out-row"]');
    expect(views(el).map(text)).to.deep.equal(['Обзор', 'Выплаты', 'Платёжные реквизиты', 'Автовыплаты']);
    expect(cellText(el, 'cout_2', 'state')).to.equal('В ожидании');
    expect(cellText(el, 'cout_3', 'state')).to.equal('Отменена программой');
    expect(text(query(el, '[part~="cash-outs-view"] [part~="count"]'))).to.equal('Показаны 2 выплаты');
    const withdraw = query<HTMLButtonElement>(el, '[part~="view-header"] [part~="withdraw"]')!;
    expect(text(withdraw)).to.equal('Вывести');
    withdraw.click();
    await find(el, '#withdraw-amount');
    expect(text(query(el, '#withdraw-heading'))).to.equal('Вывод средств');
    expect(text(query(el, '#withdraw-amount-hint'))).to.equal('Доступно: 1 175,50 €. От 10,00 до 5 000,00 EUR.');
    expect(text(query(el, 'label[for="withdraw-code"]'))).to.equal('Код двухфакторной аутентификации');
  });

  it('390 px: each cash-out is a card with its actions, nothing wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    api = walletApi({ cashOuts: [PENDING, PAID] });
    const { el } = await mountWallet({ path: ['cash_outs'] });
    const card = await find(el, '[part~="cash-out-row"]');
    expect(getComputedStyle(card).display).to.equal('grid');
    expect(query(el, '[part~="cash-outs-view"] [part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);
    expect(query(el, '[part~="cancel-cash-out"]')!.getBoundingClientRect().width).to.be.greaterThan(0);
  });
});
