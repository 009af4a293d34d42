import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import {
  API,
  fill,
  find,
  json,
  mockApi,
  problem,
  query,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import type { OperatorBill, OperatorBillDetail } from './bills-console-types.ts';
import { KbBillsConsole } from './kb-bills-console.ts';

define('kb-bills-console', KbBillsConsole);

const BASE = `${API}/admin/kabinet`;
const V1 = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const PENDING: OperatorBill = {
  id: 'bill_1',
  partner: { id: 'prt_acme', name: 'Acme Media' },
  brand: { id: 'br_1', name: 'LuckySpin Casino' },
  plan: { id: 'pln_1', name: 'Hybrid EU' },
  source: 'direct',
  period: { kind: 'monthly', from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Berlin' },
  planVersion: '2026-01-01',
  currency: 'EUR',
  coin: false,
  issued: '1250.00',
  corrections: '0.00',
  toPay: '1250.00',
  carriedIn: null,
  carriedOut: null,
  state: 'pending',
  waitingFor: null,
  createdAt: '2026-12-01T01:05:00.000Z',
  processedAt: null,
};
const detail = (over: Partial<OperatorBillDetail> = {}): OperatorBillDetail => ({
  ...PENDING,
  lines: [
    {
      kind: 'cpa',
      quantity: 8,
      basis: null,
      rate: '15000',
      amount: '1200.00',
      tier: null,
      lateFrom: null,
      country: null,
      exchange: null,
      text: { en: '8 qualified players × €150.00', ru: '8 квалифицированных игроков × 150,00 €' },
    },
  ],
  correctionList: [],
  ...over,
});

function billsApi(
  route: (r: { method: string; path: string; body: unknown }) => Response | undefined = () => undefined,
): ApiMock {
  return mockApi((request) => {
    const answer = route(request);
    if (answer) return answer;
    const key = `${request.method} ${request.path}`;
    if (key === `GET ${V1}/bills`)
      return json({
        data: [PENDING],
        next: null,
        totals: [{ currency: 'EUR', coin: false, count: 1, issued: '1250.00', toPay: '1250.00' }],
      });
    if (key === `GET ${V1}/bills/bill_1`) return json(detail());
    if (key === `GET ${V1}/partners`) return json({ data: [{ id: 'prt_acme', name: 'Acme Media' }] });
    if (key === `GET ${V1}/brands`)
      return json({
        data: [
          { id: 'br_1', name: 'LuckySpin Casino' },
          { id: 'br_2', name: 'Spinia' },
        ],
      });
    if (key === `GET ${V1}/plans`) return json({ data: [{ id: 'pln_1', name: 'Hybrid EU' }] });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbBillsConsole>(
    html`<kb-bills-console api-base=${BASE} locale=${locale}></kb-bills-console>`,
  );
  await find(el, '[part~="bill-row"]');
  return el;
}
async function openBill(el: KbBillsConsole) {
  $in<HTMLButtonElement>(el, '[data-bill-id="bill_1"] [part~="open"]').click();
  return find(el, '[part~="bill-actions"]');
}
const actionLabels = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="action"]')].map(text);

describe('<kb-bills-console>', () => {
  const stub = eachTestApi();

  it('lists pending and on-hold bills by default, with totals, and filters by partner and brand', async () => {
    const api = stub(billsApi());
    const el = await mounted();
    expect(api.sent(`GET ${V1}/bills`)[0]!.query.get('state')).to.equal('pending,on_hold');
    expect(text(query(el, '[part~="total"]'))).to.equal('€1,250.00 to pay on 1 bill, issued €1,250.00');
    expect(text(query(el, '[part~="bill-partner"]'))).to.equal('Acme Media');
    await find(el, '#bills-brandId');
    fill(query<HTMLSelectElement>(el, '#bills-partnerId')!, 'prt_acme');
    fill(query<HTMLSelectElement>(el, '#bills-brandId')!, 'br_2');
    fill(query<HTMLSelectElement>(el, '#bills-state')!, '');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await waitFor(() => api.sent(`GET ${V1}/bills`).length === 2, 1000, 'filtered list');
    expect(Object.fromEntries(api.sent(`GET ${V1}/bills`)[1]!.query)).to.deep.equal({
      partnerId: 'prt_acme',
      brandId: 'br_2',
    });
  });

  it('runs billing and says what the run did', async () => {
    const api = stub(
      billsApi((r) =>
        r.path === `${V1}/billing/runs` ? json({ qualified: 3, issued: 2, priced: 1, complete: true }) : undefined,
      ),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="run"]').click();
    await waitFor(() => text(query(el, '[part~="run-status"]')).length > 0, 1000, 'run note');
    expect(text(query(el, '[part~="run-status"]'))).to.equal(
      'Billing run: 3 players qualified, 2 bills issued, 1 waiting bills priced.',
    );
    expect(api.sent(`POST ${V1}/billing/runs`)[0]!.body).to.deep.equal({});
    await waitFor(() => api.sent(`GET ${V1}/bills`).length === 2, 1000, 'the list again after the run');
  });

  it('shows only the actions the state allows, and asks before approving', async () => {
    let state: OperatorBill['state'] = 'pending';
    const api = stub(
      billsApi((r) => {
        if (r.path === `${V1}/bills/bill_1/state`) {
          state = 'approved';
          return json(detail({ state, processedAt: '2026-12-02T10:00:00.000Z' }));
        }
        return undefined;
      }),
    );
    const el = await mounted();
    await openBill(el);
    expect(text(query(el, '[part~="line-text"]'))).to.equal('8 qualified players × €150.00');
    expect(actionLabels(el)).to.deep.equal(['Approve', 'Hold', 'Cancel bill']);
    $in<HTMLButtonElement>(el, '[part~="action-approve"]').click();
    await find(el, '[part~="confirm"]');
    expect(api.sent(`POST ${V1}/bills/bill_1/state`).length, 'nothing sent before confirming').to.equal(0);
    expect(text(query(el, '[part~="confirm-text"]'))).to.equal(
      'Approve the bill for Nov 1 – 30, 2026? €1,250.00 will be added to Acme Media’s balance.',
    );
    $in<HTMLButtonElement>(el, '[part~="confirm-yes"]').click();
    await waitFor(() => actionLabels(el).join() === 'Mark paid', 1000, 'approved: only Mark paid');
    expect(api.sent(`POST ${V1}/bills/bill_1/state`)[0]!.body).to.deep.equal({ action: 'approve' });
    expect(text(query(el, '[data-bill-id="bill_1"] [part~="bill-state"]')), 'the row too').to.equal('Approved');
    expect(state).to.equal('approved');
  });

  it('an on-hold bill can be approved or cancelled; a 409 is worded in the console’s language', async () => {
    stub(
      billsApi((r) => {
        if (r.method === 'GET' && r.path === `${V1}/bills/bill_1`) return json(detail({ state: 'on_hold' }));
        if (r.path === `${V1}/bills/bill_1/state`)
          return problem(409, 'conflict', 'Bill bill_1 is cancelled: it cannot be cancelled', [], {
            resource: 'bill',
            state: 'status',
            status: 'cancelled',
            action: 'cancel',
          });
        return undefined;
      }),
    );
    const el = await mounted('ru');
    await openBill(el);
    expect(actionLabels(el)).to.deep.equal(['Одобрить', 'Отменить счёт']);
    $in<HTMLButtonElement>(el, '[part~="action-cancel"]').click();
    (await find<HTMLButtonElement>(el, '[part~="confirm-yes"]')).click();
    const alert = await find(el, '[part~="bill-actions"] [part~="error"]');
    expect(text(alert)).to.not.include('it cannot be cancelled');
    expect(text(alert).length).to.be.greaterThan(0);
  });

  it('adds a correction: required fields checked first, the server’s amount problem shown beside the amount', async () => {
    const api = stub(
      billsApi((r) => {
        if (r.path !== `${V1}/bills/bill_1/corrections`) return undefined;
        const body = r.body as { amount: string };
        if (body.amount === '5000')
          return problem(422, 'validation_failed', 'Invalid', [
            {
              path: 'body.amount',
              reason: 'too_big',
              params: { maximum: '1250.00' },
              message: 'The amount to pay cannot go below zero',
            },
          ]);
        return json(
          detail({
            corrections: '-50.00',
            toPay: '1200.00',
            correctionList: [
              {
                id: 'bcor_1',
                action: 'subtract',
                amount: '50.00',
                comment: 'Duplicate player',
                createdAt: '2026-12-02T09:00:00.000Z',
              },
            ],
          }),
          201,
        );
      }),
    );
    const el = await mounted();
    await openBill(el);
    const form = query<HTMLFormElement>(el, 'form[part~="correction-form"]')!;
    form.requestSubmit();
    await find(el, '#correction-amount-error');
    expect(text(query(el, '#correction-comment-error'))).to.equal('Required.');
    expect(api.sent(`POST ${V1}/bills/bill_1/corrections`).length).to.equal(0);

    fill(query<HTMLSelectElement>(el, '#correction-action')!, 'subtract');
    fill(query<HTMLInputElement>(el, '#correction-amount')!, '5000');
    fill(query<HTMLInputElement>(el, '#correction-comment')!, 'Duplicate player');
    form.requestSubmit();
    await waitFor(() => api.sent(`POST ${V1}/bills/bill_1/corrections`).length === 1, 1000, 'sent');
    const amountError = await find(el, '#correction-amount-error');
    expect(text(amountError).length).to.be.greaterThan(0);
    expect(query(el, '#correction-amount')!.getAttribute('aria-invalid')).to.equal('true');

    fill(query<HTMLInputElement>(el, '#correction-amount')!, '50');
    form.requestSubmit();
    await find(el, '[part~="correction"]');
    expect(api.sent(`POST ${V1}/bills/bill_1/corrections`)[1]!.body).to.deep.equal({
      action: 'subtract',
      amount: '50',
      comment: 'Duplicate player',
    });
    expect(text(query(el, '[part~="correction-comment"]'))).to.equal('Duplicate player');
    expect(text(query(el, '[part~="fact-to-pay"] [part~="fact-value"]'))).to.equal('€1,200.00');
  });

  it('a waiting bill says what it waits for and offers no action', async () => {
    stub(
      billsApi((r) =>
        r.method === 'GET' && r.path === `${V1}/bills/bill_1`
          ? json(
              detail({
                lines: [],
                waitingFor: { reason: 'exchange_rate', currency: 'USD', date: '2026-11-03', billId: null },
              }),
            )
          : undefined,
      ),
    );
    const el = await mounted();
    await openBill(el);
    expect(text(query(el, '[part~="waiting"]'))).to.equal('Waiting for the USD rate of Nov 3, 2026.');
    expect(actionLabels(el)).to.deep.equal([]);
    expect(query(el, 'form[part~="correction-form"]')).to.equal(null);
  });
});
