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
import type { Bill, BillDetail } from './bill-format.ts';
import { KbBills } from './kb-bills.ts';

define('kb-bills', KbBills);

const LIST = 'GET /v1/partner/bills';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const bill = (over: Partial<Bill> = {}): Bill => ({
  id: 'bill_nov_eur',
  partner: { id: 'prt_1', name: 'Acme Media' },
  brand: { id: 'br_1', name: 'LuckySpin Casino' },
  plan: { id: 'pln_1', name: 'Hybrid EU' },
  source: 'direct',
  period: { kind: 'monthly', from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Berlin' },
  planVersion: '2026-01-01',
  currency: 'EUR',
  coin: false,
  issued: '1250.00',
  corrections: '-50.00',
  toPay: '1200.00',
  carriedIn: null,
  carriedOut: null,
  state: 'pending',
  waitingFor: null,
  createdAt: '2026-12-01T01:05:00.000Z',
  processedAt: null,
  ...over,
});
const BTC = bill({ id: 'bill_nov_btc', currency: 'BTC', coin: true, issued: '0.01500000', toPay: '0.01500000' });
const WAITING = bill({
  id: 'bill_nov_usd',
  currency: 'USD',
  issued: '0.00',
  corrections: '0.00',
  toPay: '0.00',
  waitingFor: { reason: 'exchange_rate', currency: 'USD', date: '2026-11-03', billId: null },
});
const TOTALS = [
  { currency: 'BTC', coin: true, count: 1, issued: '0.01500000', toPay: '0.01500000' },
  { currency: 'EUR', coin: false, count: 1, issued: '1250.00', toPay: '1200.00' },
];
const detail = (b: Bill, over: Partial<BillDetail> = {}): BillDetail => ({
  ...b,
  lines: [
    {
      kind: 'cpa',
      quantity: 8,
      basis: null,
      rate: '15000',
      amount: '1200.00',
      tier: 2,
      lateFrom: null,
      country: null,
      exchange: null,
      text: { en: '8 qualified players × €150.00 (tier 2)', ru: '8 квалифицированных игроков × 150,00 € (уровень 2)' },
    },
  ],
  correctionList: [
    {
      id: 'bcor_1',
      action: 'subtract',
      amount: '50.00',
      comment: 'Fraudulent player removed',
      createdAt: '2026-12-01T09:30:00.000Z',
    },
  ],
  ...over,
});

function billsApi(pages: Record<string, unknown>, details: Record<string, BillDetail> = {}): ApiMock {
  return mockApi(({ method, path, query: q }) => {
    if (`${method} ${path}` === 'GET /v1/partner/catalog')
      return json({
        brands: [
          { id: 'br_1', name: 'LuckySpin Casino' },
          { id: 'br_2', name: 'Spinia' },
        ],
        plans: [],
        landings: [],
      });
    if (`${method} ${path}` === LIST) return json(pages[q.get('after') ?? q.get('state') ?? 'first']);
    const id = path.match(/^\/v1\/partner\/bills\/(.+)$/)?.[1];
    if (method === 'GET' && id) return details[id] ? json(details[id]) : problem(404, 'not_found', 'Bill not found');
    return undefined;
  });
}

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbBills>('kb-bills', { locale });
  return el;
}
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="bill-row"]')];

describe('<kb-bills>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists bills with the totals per currency, coin beside crypto, "Not priced yet" for a waiting bill, and Load more by the cursor', async () => {
    api = billsApi({
      first: { data: [bill(), BTC], next: 'cur_2', totals: TOTALS },
      cur_2: { data: [WAITING], next: null, totals: [] },
    });
    const el = await mounted();
    await find(el, '[part~="bill-row"]');
    expect(text(query(el, '[part~="heading"]'))).to.equal('Bills');
    const [eur, btc] = rows(el);
    expect(text(eur!.querySelector('[part~="open"]')), 'a bill is named by its period').to.equal('Nov 1 – 30, 2026');
    expect(text(eur!.querySelector('[part~="bill-code"]'))).to.equal('bill_nov_eur');
    expect(text(eur!.querySelector('[part~="bill-to-pay"]'))).to.equal('€1,200.00');
    expect(text(eur!.querySelector('[part~="bill-state"]'))).to.equal('Pending');
    expect(text(btc!.querySelector('[part~="bill-to-pay"]'))).to.equal('BTC 0.015 coin');
    const totals = [...el.shadowRoot!.querySelectorAll('[part~="total"]')].map(text);
    expect(totals).to.deep.equal([
      'BTC 0.015 coin to pay on 1 bill, issued BTC 0.015 coin',
      '€1,200.00 to pay on 1 bill, issued €1,250.00',
    ]);

    query<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => rows(el).length === 3, 2000, 'the next page');
    expect(api.sent(LIST)[1]!.query.get('after')).to.equal('cur_2');
    expect(text(rows(el)[2]!.querySelector('[part~="bill-to-pay"]'))).to.equal('Not priced yet');
    expect(query(el, '[part~="load-more"]'), 'the last page').to.equal(null);
  });

  it('says honestly when there are no bills yet, and "no match" with Clear filters when filtered', async () => {
    api = billsApi({ first: { data: [], next: null, totals: [] }, paid: { data: [], next: null, totals: [] } });
    const el = await mounted();
    await find(el, '[part~="empty"]');
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No bills yet.');
    expect(text(query(el, '[part~="empty-hint"]'))).to.include('issued after each billing period of your plan closes');

    const form = query<HTMLFormElement>(el, 'form[part~="filters"]')!;
    query<HTMLSelectElement>(el, '#bills-state')!.value = 'paid';
    query<HTMLInputElement>(el, '#bills-from')!.value = '2026-10-01';
    query<HTMLSelectElement>(el, '#bills-brand')!.value = 'br_2';
    form.requestSubmit();
    await find(el, '[part~="clear-filters"]');
    const sent = api.sent(LIST).at(-1)!.query;
    expect(Object.fromEntries(sent)).to.deep.equal({ from: '2026-10-01', brandId: 'br_2', state: 'paid' });
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No bills match these filters.');
  });

  it('opens a bill: facts, the lines in the server’s words, the corrections (ru)', async () => {
    const b = bill({ state: 'approved', processedAt: '2026-12-02T10:00:00.000Z' });
    api = billsApi({ first: { data: [b], next: null, totals: TOTALS } }, { [b.id]: detail(b) });
    const el = await mounted('ru');
    (await find<HTMLButtonElement>(el, '[part~="open"]')).click();
    await find(el, '[part~="bill"]');
    expect(query(el, '[part~="list"]')!.hidden, 'the list waits hidden').to.equal(true);
    const fact = (name: string) => text(query(el, `[part~="fact-${name}"] [part~="fact-value"]`));
    expect(fact('id')).to.equal('bill_nov_eur');
    expect(fact('issued')).to.equal('1 250,00 €');
    expect(fact('corrections')).to.equal('-50,00 €');
    expect(fact('to-pay')).to.equal('1 200,00 €');
    expect(fact('brand')).to.equal('LuckySpin Casino');
    expect(fact('plan')).to.equal('Hybrid EU');
    expect(fact('state')).to.equal('Одобрен');
    expect(fact('processed')).to.include('2 дек. 2026');
    expect(text(query(el, '[part~="state-hint"]'))).to.equal('Сумма к выплате зачислена на ваш баланс.');
    expect(text(query(el, '[part~="line-text"]'))).to.equal('8 квалифицированных игроков × 150,00 € (уровень 2)');
    const correction = query(el, '[part~="correction"]')!;
    expect(text(correction.querySelector('[part~="correction-action"]'))).to.equal('Списание');
    expect(text(correction.querySelector('[part~="correction-comment"]'))).to.equal('Fraudulent player removed');
    query<HTMLButtonElement>(el, '[part~="back"]')!.click();
    await waitFor(() => !query(el, '[part~="list"]')!.hidden, 1000, 'back to the list');
  });

  it('a waiting bill says what it waits for, and no amounts', async () => {
    api = billsApi(
      { first: { data: [WAITING], next: null, totals: [] } },
      { [WAITING.id]: detail(WAITING, { lines: [] }) },
    );
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[part~="open"]')).click();
    await find(el, '[part~="waiting"]');
    expect(text(query(el, '[part~="waiting-for"]'))).to.equal('Waiting for the USD rate of Nov 3, 2026.');
    expect(text(query(el, '[part~="fact-to-pay"] [part~="fact-value"]'))).to.equal('Not priced yet');
    expect(query(el, '[part~="lines"]')).to.equal(null);
  });

  it('a bill that is not the partner’s (404) says so', async () => {
    api = billsApi({ first: { data: [bill()], next: null, totals: TOTALS } });
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[part~="open"]')).click();
    await find(el, '[part~="error"] [part~="error-detail"]');
    expect(text(query(el, '[part~="error-detail"]'))).to.include('This bill was not found');
  });

  it('switches between the bills and the qualified players (outside a portal, in place)', async () => {
    api = billsApi({ first: { data: [bill()], next: null, totals: TOTALS } });
    const el = await mounted('ru');
    await find(el, '[part~="bill-row"]');
    const views = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view"]')];
    expect(views().map(text)).to.deep.equal(['Счета', 'Квалифицированные игроки']);
    expect(views().map((b) => b.getAttribute('aria-current'))).to.deep.equal(['page', 'false']);
    expect(query(el, 'kb-qualifications')).to.equal(null);
    views()[1]!.click();
    await find(el, 'kb-qualifications');
    expect(query(el, '[part~="list"]')!.hidden, 'the bills wait hidden').to.equal(true);
    expect(views().map((b) => b.getAttribute('aria-current'))).to.deep.equal(['false', 'page']);
    views()[0]!.click();
    await waitFor(() => !query(el, '[part~="list"]')!.hidden, 1000, 'back to the bills');
    expect(query(el, 'kb-qualifications')).to.equal(null);
    // A bill's page has its own way back: no switch over it.
    (await find<HTMLButtonElement>(el, '[part~="open"]')).click();
    await find(el, '[part~="back"]');
    expect(query(el, '[part~="views"]')).to.equal(null);
  });

  it('390 px: each bill is a card with its id as the title', async () => {
    await setViewport({ width: 390, height: 844 });
    api = billsApi({ first: { data: [bill()], next: null, totals: TOTALS } });
    const el = await mounted();
    const row = await find(el, '[part~="bill-row"]');
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(el.shadowRoot!.querySelector('[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
  });
});
