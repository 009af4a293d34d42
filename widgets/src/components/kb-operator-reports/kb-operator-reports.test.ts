import { html } from 'lit';
import { define } from '../../internal/base-element.ts';
import { KbOperatorReports } from './kb-operator-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
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
import {
  commissions,
  commissionsShown,
  eachTestApi,
  queryText,
  report,
  reportOptions,
  row,
  sentTo,
} from '../../internal/statistics/statistics-test-kit.ts';
import type { Report } from '../../internal/statistics/statistics-types.ts';

define('kb-operator-reports', KbOperatorReports);
define('kb-stats-chart', KbStatsChart);

/** The operator backend's prefix (the console's `api-base`): it forwards to the operator routes. */
const BASE = `${API}/admin/kabinet`;
const REPORT = '/admin/kabinet/v1/reports/performance';
const OPTIONS = '/admin/kabinet/v1/reports/options';
const PARTNERS = [
  { id: 'prt_acme', name: 'Acme Media' },
  { id: 'prt_zed', name: 'Zed Traffic' },
];
const options = reportOptions({
  groupings: [...reportOptions().groupings, 'partner'],
  defaultCurrency: null,
  partners: PARTNERS,
});

/** Per partner when grouped by partner (names in `labels`), else one day. */
function answer(q: URLSearchParams): Report {
  const groupBy = (q.get('groupBy') ?? '').split(',').filter(Boolean) as Report['groupBy'];
  const metrics = (q.get('metrics') ?? '').split(',') as Report['metrics'];
  const values = (clicks: number) => Object.fromEntries(metrics.map((m) => [m, m === 'clicks' ? clicks : null]));
  const keyed = (partner: { id: string; name: string }, clicks: number) =>
    row(
      Object.fromEntries(groupBy.map((g) => [g, g === 'partner' ? partner.id : '2026-11-02'])),
      values(clicks),
      groupBy.includes('partner') ? { partner: partner.name } : {},
    );
  const rows = groupBy.includes('partner')
    ? [keyed(PARTNERS[0]!, 70), keyed(PARTNERS[1]!, 30)]
    : [keyed(PARTNERS[0]!, 100)];
  return report({ groupBy, metrics, rows, totals: values(100), total: rows.length });
}

function fakeOperatorApi(onReport: (q: URLSearchParams) => Response = (q) => json(answer(q))): ApiMock {
  return mockApi((request) => {
    if (request.method !== 'GET') return undefined;
    if (request.path === OPTIONS) return json(options);
    if (request.path === REPORT) return onReport(request.query);
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbOperatorReports>(
    html`<kb-operator-reports api-base=${BASE} locale=${locale}></kb-operator-reports>`,
  );
  await find(el, '[part~="show"]');
  return el;
}

const submit = (el: Element) => $in<HTMLButtonElement>(el, '[part~="show"]').click();
const tableCalls = (api: ApiMock) => api.sent(`GET ${REPORT}`).filter((r) => r.query.get('metrics') !== 'clicks');

describe('<kb-operator-reports>', () => {
  const stub = eachTestApi();

  it('groups by partner through the operator backend: the cells show the partners’ names', async () => {
    const api = stub(fakeOperatorApi());
    const el = await mounted();
    expect(api.sent(`GET ${OPTIONS}`).length, 'the options through api-base').to.equal(1);
    $in<HTMLButtonElement>(el, '[data-grouping="day"] [part~="remove"]').click();
    await el.updateComplete;
    fill($in<HTMLSelectElement>(el, '#report-add-grouping'), 'partner');
    $in<HTMLButtonElement>(el, '[part~="add-grouping-button"]').click();
    await el.updateComplete;
    submit(el);
    await find(el, '[part~="grouping-partner"]');
    const last = tableCalls(api).at(-1)!;
    expect(last.query.get('groupBy')).to.equal('partner');
    const cells = [...el.shadowRoot!.querySelectorAll('[part~="report-row"] [part~="grouping-partner"]')];
    expect(cells.map((c) => c.textContent)).to.deep.equal(['Acme Media', 'Zed Traffic']);
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="report-row"]')].map((r) => r.getAttribute('data-key')),
    ).to.deep.equal(['prt_acme', 'prt_zed']);
    expect($in(el, '[part~="heading"]').textContent).to.equal('Reports');
    expect($in(el, '[part~="hint"]').textContent).to.contain('Every partner’s traffic');
  });

  it('sends the chosen partner as a filter; the columns are kept for this console', async () => {
    const api = stub(fakeOperatorApi());
    const el = await mounted();
    const partners = [...$in<HTMLSelectElement>(el, '#report-partnerId').options].map((o) => o.textContent);
    expect(partners).to.deep.equal(['Any', 'Acme Media', 'Zed Traffic']);
    fill($in<HTMLSelectElement>(el, '#report-partnerId'), 'prt_zed');
    submit(el);
    const calls = await sentTo(api, REPORT, 3);
    expect(queryText(calls[2]!.query)).to.equal(
      'period=last_30_days&groupBy=day&metrics=clicks,registrations,cr,ftdCount,ftdAmount,depositAmount,ngr' +
        '&partnerId=prt_zed&limit=50&offset=0',
    );
    $in<HTMLInputElement>(el, '#report-column-ngr').click();
    await el.updateComplete;
    const kept = JSON.parse(localStorage.getItem(`kabinet.report-columns:operator-console:${BASE}`) ?? '[]');
    expect(kept).to.not.include('ngr');
    expect(kept[0]).to.equal('clicks');
  });

  it('shows a 422 problem in the console’s language, beside its field and in the alert', async () => {
    stub(
      fakeOperatorApi((q) =>
        q.get('metrics') === 'clicks'
          ? json(answer(q))
          : problem(422, 'validation_failed', 'bad', [
              { path: 'query.promoCode', reason: 'too_long', params: { maximum: 40 }, message: 'too long' },
              { path: 'query.partnerId', reason: 'too_long', params: { maximum: 64 }, message: 'too long' },
            ]),
      ),
    );
    const el = await mounted('ru');
    const alert = await find(el, '[part~="results"] [part~="error-detail"]');
    expect(alert.textContent).to.equal('partnerId: Максимум 64 символа.');
    expect($in(el, '#report-promoCode-error').textContent).to.equal('Максимум 40 символов.');
    expect(query(el, '[part~="retry"]')).to.not.equal(null);
    expect($in(el, 'label[for="report-partnerId"]').textContent).to.equal('Партнёр');
  });

  it('an empty period says so, with the operator’s hint and no way to a partner’s campaigns', async () => {
    stub(
      fakeOperatorApi((q) =>
        json(report({ groupBy: ['day'], metrics: q.get('metrics')!.split(',') as Report['metrics'] })),
      ),
    );
    const el = await mounted();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No clicks in this period yet.');
    expect(empty.querySelector('[part~="empty-hint"]')?.textContent).to.equal(
      'The report fills once players follow your partners’ tracking links.',
    );
    expect(empty.querySelector('[part~="open-campaigns"]')).to.equal(null);
  });

  it('options that fail show the problem and a retry that asks again', async () => {
    let fail = true;
    stub(
      mockApi((request) => {
        if (request.path === OPTIONS) return fail ? problem(403, 'forbidden', 'no') : json(options);
        if (request.path === REPORT) return json(answer(request.query));
        return undefined;
      }),
    );
    const el = await fixture<KbOperatorReports>(
      html`<kb-operator-reports api-base=${BASE} locale="en"></kb-operator-reports>`,
    );
    const retry = await find<HTMLButtonElement>(el, '[part~="retry"]');
    expect($in(el, '[part~="error-detail"]').textContent).to.not.equal('');
    fail = false;
    retry.click();
    await find(el, '[part~="report-row"]');
  });

  it('shows the partners’ billed commissions per currency and kind; a finer filter says why there are none', async () => {
    const api = stub(
      fakeOperatorApi((q) =>
        json({
          ...answer(q),
          commissions: q.has('campaignId')
            ? null
            : q.get('partnerId') === 'prt_zed'
              ? commissions(['cpl', 'USD', '30.00'])
              : commissions(['cpa', 'EUR', '900.00'], ['revshare', 'EUR', '210.00'], ['cpl', 'USD', '30.00']),
        }),
      ),
    );
    const el = await mounted();
    await find(el, '[part~="commissions"]');
    expect(commissionsShown(el)).to.deep.include({
      state: 'billed',
      heading: 'Commissions billed',
      cards: {
        EUR: ['CPA: €900.00', 'RevShare: €210.00', 'Total: €1,110.00'],
        USD: ['CPL: $30.00', 'Total: $30.00'],
      },
    });
    fill($in<HTMLSelectElement>(el, '#report-partnerId'), 'prt_zed');
    submit(el);
    await sentTo(api, REPORT, 3);
    await waitFor(() => !commissionsShown(el)?.cards.EUR);
    expect(commissionsShown(el)?.cards, 'the chosen partner’s bills').to.deep.equal({
      USD: ['CPL: $30.00', 'Total: $30.00'],
    });
    $in<HTMLInputElement>(el, '#report-campaignId input[value="camp_1"]').click();
    submit(el);
    await waitFor(() => commissionsShown(el)?.state === 'not-billed');
    expect(commissionsShown(el)?.note).to.equal(
      'Commissions are billed per partner, brand and plan, so a report filtered by campaign, promo, ' +
        'promo code, country, device, operating system, landing page or traffic source has none.',
    );
  });

  it('downloads the shown report as a file through the operator backend', async () => {
    const api = stub(
      mockApi((request) => {
        if (request.path === `${REPORT}/export`)
          return new Response('<?xml version="1.0" encoding="UTF-8"?>\n<report/>\n', {
            headers: { 'content-disposition': 'attachment; filename="performance-2026-11-01-2026-11-30.xml"' },
          });
        if (request.path === OPTIONS) return json(options);
        if (request.path === REPORT) return json(answer(request.query));
        return undefined;
      }),
    );
    const el = await mounted();
    await find(el, '[part~="report-row"]');
    fill($in<HTMLSelectElement>(el, '[part~="download-format"]'), 'xml');
    $in<HTMLButtonElement>(el, '[part~="download-report"]').click();
    const link = await find<HTMLAnchorElement>(el, '[part~="save-file"]');
    expect(link.getAttribute('download')).to.equal('performance-2026-11-01-2026-11-30.xml');
    const asked = api.sent(`GET ${REPORT}/export`)[0]!.query;
    expect(asked.get('format')).to.equal('xml');
    expect(asked.get('groupBy')).to.equal(tableCalls(api).at(-1)!.query.get('groupBy'));
    expect(asked.has('limit')).to.equal(false);
  });
});
