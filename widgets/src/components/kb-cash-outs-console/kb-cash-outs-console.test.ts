import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
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
import { darkTokens } from '../../themes/dark.ts';
import type { OperatorCashOut } from './cash-outs-types.ts';
import { KbCashOutsConsole } from './kb-cash-outs-console.ts';

define('kb-cash-outs-console', KbCashOutsConsole);

const BASE = `${API}/admin/kabinet`;
const V1 = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const CSV = '\uFEFFcash_out_id,partner_name\r\ncout_1,Иван Петров\r\n';

const cashOut = (over: Partial<OperatorCashOut> = {}): OperatorCashOut => ({
  id: 'cout_1',
  partnerId: 'prt_acme',
  state: 'pending',
  amount: '150.00',
  currency: 'EUR',
  paymentAccount: { id: 'pacc_1', summary: '•••• 3000', method: { id: 'pm_1', name: 'SEPA' } },
  idempotencyKey: 'k1',
  reference: null,
  cancelledBy: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

function cashOutsApi(
  route: (r: { method: string; path: string; query: URLSearchParams; body: unknown }) => Response | undefined = () =>
    undefined,
): ApiMock {
  return mockApi((request) => {
    const answer = route(request);
    if (answer) return answer;
    const key = `${request.method} ${request.path}`;
    if (key === `GET ${V1}/cash_outs`) return json({ data: [cashOut()], nextBefore: null });
    if (key === `GET ${V1}/partners`)
      return json({
        data: [
          { id: 'prt_acme', name: 'Acme Media' },
          { id: 'prt_zeta', name: 'Zeta Traffic' },
        ],
      });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbCashOutsConsole>(
    html`<kb-cash-outs-console api-base=${BASE} locale=${locale}></kb-cash-outs-console>`,
  );
  await find(el, '[part~="cash-out-row"]');
  await find(el, '#cash-outs-partnerId');
  return el;
}
const actions = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="action"]')].map(text);
const dialog = (el: Element) => query<HTMLDialogElement>(el, 'dialog[part~="move-dialog"]')!;

describe('<kb-cash-outs-console>', () => {
  const stub = eachTestApi();

  it('lists pending cash-outs first, with partner, amount, method and masked account, and filters by state and partner', async () => {
    const api = stub(cashOutsApi());
    const el = await mounted();
    expect(Object.fromEntries(api.sent(`GET ${V1}/cash_outs`)[0]!.query)).to.deep.equal({ state: 'pending' });
    expect(text(query(el, '[part~="partner"]'))).to.equal('Acme Media');
    expect(text(query(el, '[part~="amount"]'))).to.equal('€150.00');
    expect(text(query(el, '[part~="method"]'))).to.equal('SEPA •••• 3000');
    expect(text(query(el, '[part~="state-badge"]'))).to.equal('Pending');
    expect(actions(el)).to.deep.equal(['Mark paid', 'Cancel']);
    expect(query(el, '[part~="action-pay"]')!.getAttribute('aria-label')).to.equal('Mark paid: €150.00 to Acme Media');
    fill(query<HTMLSelectElement>(el, '#cash-outs-state')!, '');
    fill(query<HTMLSelectElement>(el, '#cash-outs-partnerId')!, 'prt_zeta');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await waitFor(() => api.sent(`GET ${V1}/cash_outs`).length === 2, 1000, 'filtered list');
    expect(Object.fromEntries(api.sent(`GET ${V1}/cash_outs`)[1]!.query)).to.deep.equal({ partnerId: 'prt_zeta' });
  });

  it('marks paid only with a reference, then shows the paid row with its reference and Refund', async () => {
    const api = stub(
      cashOutsApi((r) =>
        r.path === `${V1}/cash_outs/cout_1/success`
          ? json(cashOut({ state: 'success', reference: (r.body as { reference: string }).reference }))
          : undefined,
      ),
    );
    const el = await mounted();
    const opener = $in<HTMLButtonElement>(el, '[part~="action-pay"]');
    opener.click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el).open && el.shadowRoot!.activeElement === opener, 1000, 'Esc closes, focus back');
    opener.click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open again');
    expect(text(query(el, '[part~="dialog-text"]'))).to.equal(
      'Only after you have sent €150.00 to Acme Media (SEPA, •••• 3000). The held amount leaves the partner’s balance.',
    );
    expect(el.shadowRoot!.activeElement?.id).to.equal('cash-out-reference');
    $in<HTMLButtonElement>(el, '[part~="confirm-pay"]').click();
    const error = await find(el, '#cash-out-reference-error');
    expect(text(error)).to.equal('Enter the payment system’s reference.');
    expect(api.sent(`POST ${V1}/cash_outs/cout_1/success`).length, 'nothing sent without a reference').to.equal(0);
    fill(query<HTMLInputElement>(el, '#cash-out-reference')!, '  SEPA-2026-12-01-7  ');
    $in<HTMLButtonElement>(el, '[part~="confirm-pay"]').click();
    await waitFor(() => !dialog(el).open, 1000, 'dialog closed');
    expect(api.sent(`POST ${V1}/cash_outs/cout_1/success`)[0]!.body).to.deep.equal({ reference: 'SEPA-2026-12-01-7' });
    await waitFor(() => actions(el).join() === 'Refund', 1000, 'paid: only Refund');
    expect(text(query(el, '[part~="state-badge"]'))).to.equal('Paid');
    expect(text(query(el, 'code[part~="reference"]'))).to.equal('SEPA-2026-12-01-7');
    expect(text(query(el, '[part~="notice"]'))).to.equal('Cash-out to Acme Media marked paid.');
  });

  it('refunds a paid one after saying the money returns to the available balance; Back sends nothing', async () => {
    const paid = cashOut({ state: 'success', reference: 'PAY-1' });
    const api = stub(
      cashOutsApi((r) => {
        if (r.method === 'GET' && r.path === `${V1}/cash_outs`) return json({ data: [paid], nextBefore: null });
        if (r.path === `${V1}/cash_outs/cout_1/refund`) return json({ ...paid, state: 'refunded' });
        return undefined;
      }),
    );
    const el = await mounted();
    const refund = $in<HTMLButtonElement>(el, '[part~="action-refund"]');
    refund.click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open');
    expect(text(query(el, '[part~="dialog-text"]'))).to.include('returns to the partner’s available balance');
    $in<HTMLButtonElement>(el, '[part~="move-keep"]').click();
    await waitFor(() => !dialog(el).open, 1000, 'closed by Back');
    expect(api.sent(`POST ${V1}/cash_outs/cout_1/refund`).length).to.equal(0);
    expect(el.shadowRoot!.activeElement, 'focus back on Refund').to.equal(refund);
    refund.click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open again');
    $in<HTMLButtonElement>(el, '[part~="confirm-refund"]').click();
    await waitFor(() => text(query(el, '[part~="state-badge"]')) === 'Refunded', 1000, 'refunded');
    expect(actions(el)).to.deep.equal([]);
  });

  it('a 409 says someone else changed it (in Russian) and reloads the list', async () => {
    let lists = 0;
    const api = stub(
      cashOutsApi((r) => {
        if (r.method === 'GET' && r.path === `${V1}/cash_outs`) {
          lists++;
          return json({
            data: [lists === 1 ? cashOut() : cashOut({ state: 'cancelled', cancelledBy: 'partner' })],
            nextBefore: null,
          });
        }
        if (r.path === `${V1}/cash_outs/cout_1/cancel`)
          return problem(409, 'conflict', 'Cash-out cout_1 is cancelled: it cannot be cancelled', [], {
            resource: 'cash_out',
            state: 'status',
            status: 'cancelled',
            action: 'cancel',
          });
        return undefined;
      }),
    );
    const el = await mounted('ru');
    expect(actions(el)).to.deep.equal(['Отметить выплаченной', 'Отменить']);
    $in<HTMLButtonElement>(el, '[part~="action-cancel"]').click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open');
    expect(text(query(el, '[part~="dialog-text"]'))).to.include('вернётся на доступный баланс партнёра Acme Media');
    $in<HTMLButtonElement>(el, '[part~="confirm-cancel"]').click();
    const notice = await find(el, '[part~="notice"][role="alert"]');
    expect(text(notice)).to.equal('Эту выплату уже изменил кто-то другой — список обновлён.');
    await waitFor(() => api.sent(`GET ${V1}/cash_outs`).length === 2, 1000, 'reloaded');
    await waitFor(() => text(query(el, '[part~="state"]')) === 'Отменена партнёром', 1000, 'the reloaded row');
    expect(dialog(el).open).to.equal(false);
  });

  it('downloads the payment-run CSV under the filters through the console’s backend and offers it as a file', async () => {
    const api = stub(
      cashOutsApi((r) =>
        r.path === `${V1}/cash_outs/export`
          ? new Response(new TextEncoder().encode(CSV), {
              headers: {
                'content-type': 'text/csv; charset=utf-8',
                'content-disposition': 'attachment; filename="cash-outs-2026-12-01.csv"',
              },
            })
          : undefined,
      ),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="download-csv"]').click();
    const link = await find<HTMLAnchorElement>(el, '[part~="save-file"]');
    expect(Object.fromEntries(api.sent(`GET ${V1}/cash_outs/export`)[0]!.query)).to.deep.equal({ state: 'pending' });
    expect(link.getAttribute('download')).to.equal('cash-outs-2026-12-01.csv');
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(link);
    const saved = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
    expect(Array.from(saved.slice(0, 3)), 'the byte-order mark kept').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(saved)).to.equal(CSV.slice(1));
    // All states of one partner: the export is asked for the same filters as the list.
    fill(query<HTMLSelectElement>(el, '#cash-outs-state')!, '');
    fill(query<HTMLSelectElement>(el, '#cash-outs-partnerId')!, 'prt_acme');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await waitFor(() => !query(el, '[part~="save-file"]'), 1000, 'the old file dropped with the filters');
    $in<HTMLButtonElement>(el, '[part~="download-csv"]').click();
    await waitFor(() => api.sent(`GET ${V1}/cash_outs/export`).length === 2, 1000, 'second export');
    expect(Object.fromEntries(api.sent(`GET ${V1}/cash_outs/export`)[1]!.query)).to.deep.equal({
      state: 'all',
      partnerId: 'prt_acme',
    });
  });

  it('says why the file could not be made', async () => {
    stub(
      cashOutsApi((r) =>
        r.path === `${V1}/cash_outs/export`
          ? problem(422, 'validation_failed', 'Too many', [
              { path: 'query.state', reason: 'too_many', params: { maximum: 10000 }, message: 'More than 10000' },
            ])
          : undefined,
      ),
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="download-csv"]').click();
    const error = await find(el, '[part~="download-error"]');
    expect(text(error).length).to.be.greaterThan(0);
    expect(query(el, '[part~="save-file"]')).to.equal(null);
  });

  it('390 px in the dark theme: rows are cards, the dialog fits, and it reads the dark tokens', async () => {
    await setViewport({ width: 390, height: 844 });
    stub(cashOutsApi());
    const el = await mounted();
    el.setAttribute('style', darkTokens.cssText.replace(/\n/g, ' '));
    await el.updateComplete;
    const row = query(el, '[part~="cash-out-row"]')!;
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(el.scrollWidth).to.be.at.most(390);
    $in<HTMLButtonElement>(el, '[part~="action-pay"]').click();
    await waitFor(() => dialog(el).open, 1000, 'dialog open');
    const box = dialog(el).getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(390);
    expect(getComputedStyle(dialog(el)).backgroundColor).to.equal('rgb(17, 19, 24)');
    expect(getComputedStyle(dialog(el)).color).to.equal('rgb(232, 234, 238)');
    await setViewport({ width: 800, height: 600 });
  });
});
