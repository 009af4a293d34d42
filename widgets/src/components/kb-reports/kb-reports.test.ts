import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, problem, query } from '../../internal/account/account-test-kit.ts';
import {
  commissions,
  commissionsShown,
  eachTestApi,
  fakeStatisticsApi,
  mountStatistics,
  queryText,
  report,
  REPORT_PATH,
  sentTo,
} from '../../internal/statistics/statistics-test-kit.ts';
import { COLUMNS, answer, headers, multiOptions, submit, tableCalls, tick } from './reports-test-kit.ts';
import { createLocaleState } from '../../internal/i18n.ts';

define('kb-reports', KbReports);

/** The kit's answer with these commissions, or none billed this fine when a campaign or a country is asked. */
const billed =
  (c: ReturnType<typeof commissions>) =>
  (q: URLSearchParams): ReturnType<typeof answer> => ({
    ...answer(q),
    commissions: q.has('campaignId') || q.has('country') ? null : c,
  });
define('kb-stats-chart', KbStatsChart);

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountStatistics<KbReports>('kb-reports', { locale });
  await find(el, '[part~="report-row"]');
  return el;
}

describe('<kb-reports>', () => {
  const stub = eachTestApi();

  it('starts per day in the partner’s default currency, with the default columns, and asks for its chart apart', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const [table, chart] = api.sent(`GET ${REPORT_PATH}`).map((r) => queryText(r.query));
    expect(table).to.equal(`period=last_30_days&groupBy=day&metrics=${COLUMNS}&currency=EUR&limit=50&offset=0`);
    expect(chart).to.equal('period=last_30_days&groupBy=day&metrics=clicks&sort=day&order=asc&limit=1000&offset=0');
    expect($in<HTMLSelectElement>(el, '#report-currency').value).to.equal('EUR');
    expect(headers(el)).to.deep.equal([
      'Day',
      'Clicks',
      'Registrations',
      'Registration rate',
      'FTD',
      'FTD amount',
      'Deposits amount',
      'NGR',
    ]);
  });

  it('sends every filter in the query string', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#report-period'), 'custom');
    await el.updateComplete;
    fill($in<HTMLInputElement>(el, '#report-from'), '2026-10-01');
    fill($in<HTMLInputElement>(el, '#report-to'), '2026-10-31');
    fill($in<HTMLSelectElement>(el, '#report-brandId'), 'brd_north');
    fill($in<HTMLSelectElement>(el, '#report-planId'), 'pln_rev');
    tick(el, 'campaignId', 'camp_2');
    await el.updateComplete;
    const promos = [...$in<HTMLSelectElement>(el, '#report-promoId').options].map((o) => o.textContent);
    expect(promos, 'the campaign’s promos only').to.deep.equal(['Any', 'Spring link']);
    fill($in<HTMLSelectElement>(el, '#report-promoId'), 'promo_3');
    fill($in<HTMLInputElement>(el, '#report-promoCode'), ' SUMMER25 ');
    expect(multiOptions(el, 'country'), 'names, sorted').to.deep.equal(['Austria', 'France', 'Germany']);
    tick(el, 'country', 'DE');
    fill($in<HTMLSelectElement>(el, '#report-device'), 'mobile');
    fill($in<HTMLSelectElement>(el, '#report-os'), 'Android');
    fill($in<HTMLSelectElement>(el, '#report-landingId'), 'lnd_main');
    fill($in<HTMLSelectElement>(el, '#report-trafficSourceId'), 'ts_seo');
    submit(el);
    const calls = await sentTo(api, REPORT_PATH, 3);
    expect(queryText(calls[2]!.query)).to.equal(
      `period=custom&from=2026-10-01&to=2026-10-31&groupBy=day&metrics=${COLUMNS}&brandId=brd_north&planId=pln_rev` +
        '&campaignId=camp_2&promoId=promo_3&promoCode=SUMMER25&country=DE&device=mobile&os=Android&landingId=lnd_main' +
        '&trafficSourceId=ts_seo&currency=EUR&limit=50&offset=0',
    );
  });

  it('a custom range needs both dates, the end not before the start; nothing is asked until it is right', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#report-period'), 'custom');
    await el.updateComplete;
    submit(el);
    await el.updateComplete;
    expect($in(el, '#report-to-error').textContent).to.equal('Choose both dates.');
    fill($in<HTMLInputElement>(el, '#report-from'), '2026-10-31');
    fill($in<HTMLInputElement>(el, '#report-to'), '2026-10-01');
    submit(el);
    await el.updateComplete;
    expect($in(el, '#report-to-error').textContent).to.equal('The end date is before the start date.');
    expect(api.sent(`GET ${REPORT_PATH}`).length).to.equal(2);
  });

  it('nests up to four groupings in the chosen order; one time grouping; the link parameter by name', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const add = async (grouping: string) => {
      fill($in<HTMLSelectElement>(el, '#report-add-grouping'), grouping);
      $in<HTMLButtonElement>(el, '[part~="add-grouping-button"]').click();
      await el.updateComplete;
    };
    const offered = () => [...$in<HTMLSelectElement>(el, '#report-add-grouping').options].map((o) => o.value);
    expect(offered(), 'no second time grouping').to.not.include.members(['hour', 'week', 'month']);
    await add('campaign');
    await add('parameter');
    expect($in<HTMLSelectElement>(el, '#report-parameter').value).to.equal('sub1');
    fill($in<HTMLSelectElement>(el, '#report-parameter'), 'utm_source');
    $in<HTMLButtonElement>(el, '[data-grouping="parameter"] [part~="move-up"]').click();
    await el.updateComplete;
    await add('country');
    expect(query(el, '#report-add-grouping'), 'four: no more').to.equal(null);
    const names = [...el.shadowRoot!.querySelectorAll('[part~="grouping-name"]')].map((n) => n.textContent);
    expect(names).to.deep.equal(['1. Day', '2. Link parameter', '3. Campaign', '4. Country']);
    $in<HTMLButtonElement>(el, '[data-grouping="day"] [part~="remove"]').click();
    await el.updateComplete;
    expect(offered(), 'a time grouping again').to.include('week');
    submit(el);
    const calls = await sentTo(api, REPORT_PATH, 4);
    const [table, chart] = calls.slice(2).map((r) => r.query);
    expect(table!.get('groupBy')).to.equal('parameter,campaign,country');
    expect(table!.get('parameter')).to.equal('utm_source');
    expect(queryText(chart!), 'the chart: the first grouping, its 20 largest').to.equal(
      'period=last_30_days&groupBy=parameter&parameter=utm_source&metrics=clicks&sort=clicks&order=desc&limit=20&offset=0',
    );
    await waitFor(() => headers(el)[0] === 'Link parameter');
    expect(headers(el).slice(0, 3)).to.deep.equal(['Link parameter', 'Campaign', 'Country']);
    expect($in<KbStatsChart>(el, '[part~="chart"]').kind, 'bars for a non-time grouping').to.equal('bar');
  });

  it('shows rows and the totals row with amounts per currency, and a line chart with the missing days as zeros', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const first = $in(el, '[data-key="2026-11-02"]');
    expect(first.querySelector('[part~="grouping-day"]')?.textContent).to.equal('Nov 2, 2026');
    expect(first.querySelector('[part~="metric-clicks"]')?.textContent?.trim()).to.equal('40');
    expect(first.querySelector('[part~="metric-cr"]')?.textContent?.trim()).to.equal('10%');
    expect(first.querySelector('[part~="metric-ftdAmount"]')?.textContent?.trim()).to.equal('€1,250.50');
    expect($in(el, '[data-key="2026-11-05"] [part~="metric-cr"]').textContent?.trim(), 'nothing to divide').to.equal(
      '—',
    );
    const totals = $in(el, '[part~="totals-row"]');
    expect(totals.querySelector('[part~="total-label"]')?.textContent).to.equal('Total');
    expect(totals.querySelector('[part~="metric-ngr"]')?.textContent?.trim()).to.equal('-€3.20');
    const chart = $in<KbStatsChart>(el, '[part~="chart"]');
    expect(chart.kind).to.equal('line');
    expect(chart.heading).to.equal('Clicks by day');
    expect(chart.labels.length).to.equal(30);
    expect(chart.series[0]!.values.slice(0, 5)).to.deep.equal([0, 40, 0, 0, 0]);
    fill($in<HTMLSelectElement>(el, '#report-currency'), '');
    submit(el);
    await waitFor(() => query(el, '[data-key="2026-11-02"] [part~="metric-ftdAmount"] [part~="amount-line"]'));
    const lines = [
      ...el.shadowRoot!.querySelectorAll('[data-key="2026-11-02"] [part~="metric-ftdAmount"] [part~="amount-line"]'),
    ];
    expect(lines.map((l) => l.textContent)).to.deep.equal(['€1,250.50', '$14.00']);
    expect(tableCalls(api).at(-1)!.query.has('currency'), 'each currency: no conversion asked').to.equal(false);
  });

  it('converts to a currency at a rates date, says so, and warns about currencies without rates', async () => {
    const api = stub(
      fakeStatisticsApi((q) => {
        const r = answer(q);
        return q.get('currency') === 'USD' ? { ...r, currency: { ...r.currency, missingRates: ['GBP'] } } : r;
      }),
    );
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#report-currency'), 'USD');
    await el.updateComplete;
    const rates = $in<HTMLInputElement>(el, '#report-ratesDate');
    expect([rates.min, rates.max]).to.deep.equal(['2026-01-02', '2026-11-30']);
    fill(rates, '2026-11-15');
    submit(el);
    await waitFor(() => query(el, '[part~="warning"]'));
    const sent = tableCalls(api).at(-1)!.query;
    expect([sent.get('currency'), sent.get('ratesDate')]).to.deep.equal(['USD', '2026-11-15']);
    expect($in(el, '[part~="note"]').textContent).to.equal('Amounts converted to USD at the rates of Nov 15, 2026.');
    expect($in(el, '[part~="warning"]').textContent).to.equal(
      'No exchange rates for GBP on that date: those amounts are left out of the converted sums.',
    );
    expect($in(el, '[data-key="2026-11-02"] [part~="metric-ftdAmount"]').textContent?.trim()).to.equal('$1,250.50');
  });

  it('sorts by a clicked header, descending first for a metric, then ascending', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const clicks = () => $in(el, '[data-sort-key="clicks"]');
    clicks().querySelector('button')!.click();
    await waitFor(() => clicks().getAttribute('aria-sort') === 'descending');
    expect(tableCalls(api).at(-1)!.query.toString()).to.include('sort=clicks&order=desc');
    expect(api.sent(`GET ${REPORT_PATH}`).length, 'the chart is not asked again').to.equal(3);
    clicks().querySelector('button')!.click();
    await waitFor(() => clicks().getAttribute('aria-sort') === 'ascending');
    expect(tableCalls(api).at(-1)!.query.toString()).to.include('sort=clicks&order=asc');
    $in(el, '[data-sort-key="day"] button').click();
    await waitFor(() => tableCalls(api).length === 4);
    expect(tableCalls(api).at(-1)!.query.toString(), 'a grouping: ascending first').to.include('sort=day&order=asc');
  });

  it('pages with limit and offset, and the total from the answer', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    expect($in(el, '[part~="page-status"]').textContent).to.equal('Rows 1–2 of 120');
    expect($in<HTMLButtonElement>(el, '[part~="previous"]').disabled).to.equal(true);
    $in<HTMLButtonElement>(el, '[part~="next"]').click();
    await waitFor(() => tableCalls(api).length === 2);
    expect(tableCalls(api).at(-1)!.query.toString()).to.include('limit=50&offset=50');
    await waitFor(() => $in(el, '[part~="page-status"]').textContent === 'Rows 51–52 of 120');
    fill($in<HTMLSelectElement>(el, '#report-limit'), '25');
    await waitFor(() => tableCalls(api).length === 3);
    expect(tableCalls(api).at(-1)!.query.toString()).to.include('limit=25&offset=0');
  });

  it('with no data yet opens Campaigns; with filters and no match, Clear filters asks again without them', async () => {
    const api = stub(fakeStatisticsApi(() => report({ rows: [], total: 0 })));
    const { el } = await mountStatistics<KbReports>('kb-reports');
    const empty = await find(el, '[part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No clicks in this period yet.');
    expect(query(el, 'kb-stats-chart')).to.equal(null);
    const opened: string[] = [];
    document.addEventListener('kb-open-section', (e) => opened.push(e.detail.section), { once: true });
    empty.querySelector<HTMLButtonElement>('[part~="open-campaigns"]')!.click();
    expect(opened).to.deep.equal(['campaigns']);
    fill($in<HTMLSelectElement>(el, '#report-brandId'), 'brd_lucky');
    submit(el);
    await waitFor(() => query(el, '[part~="clear-filters"]'));
    expect($in(el, '[part~="empty-message"]').textContent).to.equal('No data matches these filters in this period.');
    $in<HTMLButtonElement>(el, '[part~="clear-filters"]').click();
    await waitFor(() => $in<HTMLSelectElement>(el, '#report-brandId').value === '');
    await waitFor(() => !api.sent(`GET ${REPORT_PATH}`).at(-1)!.query.has('brandId'));
  });

  it('words the server’s problems: a field’s beside it, others in the alert, a failure with Retry', async () => {
    let mode: 'field' | 'fail' | 'ok' = 'ok';
    stub(
      fakeStatisticsApi(answer, ({ path }) => {
        if (path !== REPORT_PATH || mode === 'ok') return undefined;
        if (mode === 'fail') return problem(500, 'internal', 'boom');
        return problem(422, 'validation_failed', 'bad', [
          { path: 'query.ratesDate', reason: 'invalid_format', params: { format: 'date' }, message: 'must be a date' },
          { path: 'query.sort', reason: 'too_long', params: { maximum: 40 }, message: 'too long' },
        ]);
      }),
    );
    const el = await mounted();
    mode = 'field';
    submit(el);
    const fieldError = await find(el, '#report-ratesDate-error');
    expect(fieldError.textContent).to.equal('Enter a date like 2026-11-24.');
    expect($in(el, '[part~="results"] [part~="error-detail"]').textContent).to.equal('sort: At most 40 characters.');
    mode = 'fail';
    submit(el);
    await waitFor(() =>
      query(el, '[part~="results"] [part~="error-detail"]')?.textContent?.startsWith(
        'Something went wrong on our side',
      ),
    );
    mode = 'ok';
    $in<HTMLButtonElement>(el, '[part~="results"] [part~="retry"]').click();
    await waitFor(() => !query(el, '[part~="results"] [part~="error-detail"]'));
  });

  it('a language switch rewords the table and the chart without asking again', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el, providers } = await mountStatistics<KbReports>('kb-reports');
    await find(el, '[part~="report-row"]');
    const chart = $in<KbStatsChart>(el, '[part~="chart"]');
    const before = chart.series;
    el.requestUpdate();
    await el.updateComplete;
    expect(chart.series, 'the same series on an unrelated update: no redraw').to.equal(before);
    providers.locale.setValue(createLocaleState('ru'));
    await waitFor(() => chart.heading === 'Клики: день');
    expect(chart.labels[1]).to.equal('2 нояб.');
    expect(headers(el)[1]).to.equal('Клики');
    expect(api.sent(`GET ${REPORT_PATH}`).length).to.equal(2);
  });

  it('speaks Russian, with amounts and dates as Russian writes them', async () => {
    stub(fakeStatisticsApi(answer));
    const el = await mounted('ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Отчёты');
    expect(headers(el).slice(0, 3)).to.deep.equal(['День', 'Клики', 'Регистрации']);
    expect($in(el, '[data-key="2026-11-02"] [part~="grouping-day"]').textContent).to.equal('2 нояб. 2026 г.');
    expect($in(el, '[part~="totals-row"] [part~="metric-depositAmount"]').textContent?.trim()).to.equal(
      '3\u00a0000,00\u00a0€',
    );
    expect($in(el, '[part~="page-status"]').textContent).to.equal('Строки 1–2 из 120');
    expect($in<HTMLSelectElement>(el, '#report-currency').selectedOptions[0]!.textContent).to.equal('Всё в EUR');
  });

  it('shows the billed commissions under the table: per currency the kinds and the total, captioned as billed', async () => {
    stub(
      fakeStatisticsApi(
        billed(
          commissions(
            ['cpa', 'EUR', '450.00'],
            ['revshare', 'EUR', '1020.40'],
            ['sub_affiliate', 'EUR', '35.10'],
            ['correction', 'EUR', '-50.00'],
            ['cpl', 'USDT', '114.000000'],
          ),
        ),
      ),
    );
    const el = await mounted();
    const shown = commissionsShown(el)!;
    expect(shown.state).to.equal('billed');
    expect(shown.heading).to.equal('Commissions billed');
    expect(shown.note).to.equal(
      'Bills whose period starts in the report’s dates, in their own currencies; the current period is billed after it closes.',
    );
    expect(shown.cards).to.deep.equal({
      EUR: [
        'CPA: €450.00',
        'RevShare: €1,020.40',
        'Sub-affiliates: €35.10',
        'Corrections: -€50.00',
        'Total: €1,455.50',
      ],
      USDT: ['CPL: 114.00 USDT', 'Total: 114.00 USDT'],
    });
    const results = $in(el, '[part~="results"]');
    const order = [...results.children].map((c) => c.getAttribute('part'));
    expect(order.indexOf('commissions'), 'under the table and its pager').to.be.greaterThan(order.indexOf('pager'));
  });

  it('no bills in the dates: says so; filtered by a campaign: no figure, and why', async () => {
    stub(fakeStatisticsApi(billed(commissions())));
    const el = await mounted();
    expect(commissionsShown(el)).to.deep.include({ state: 'none', none: 'No bills in these dates.', cards: {} });
    tick(el, 'campaignId', 'camp_1');
    submit(el);
    await waitFor(() => commissionsShown(el)?.state === 'not-billed');
    expect(commissionsShown(el)).to.deep.include({
      heading: 'Commissions billed',
      note:
        'Commissions are billed per brand and plan, so a report filtered by campaign, promo, promo code, ' +
        'country, device, operating system, landing page or traffic source has none.',
      none: null,
      cards: {},
    });
  });

  it('a period without clicks may still be billed: the commissions show under the empty state', async () => {
    stub(
      fakeStatisticsApi(() => report({ rows: [], total: 0, commissions: commissions(['revshare', 'EUR', '80.00']) })),
    );
    const { el } = await mountStatistics<KbReports>('kb-reports');
    await find(el, '[part~="empty"]');
    expect(commissionsShown(el)?.cards).to.deep.equal({ EUR: ['RevShare: €80.00', 'Total: €80.00'] });
  });

  it('words the commissions in Russian', async () => {
    stub(
      fakeStatisticsApi(
        billed(commissions(['cpa', 'EUR', '450.00'], ['sub_affiliate', 'EUR', '10.00'], ['correction', 'EUR', '5.00'])),
      ),
    );
    const el = await mounted('ru');
    expect(commissionsShown(el)).to.deep.include({
      heading: 'Комиссии по счетам',
      note: 'Счета, период которых начинается в датах отчёта, в их валютах; текущий период попадает в счёт после закрытия.',
      cards: {
        EUR: ['CPA: 450,00\u00a0€', 'Субпартнёры: 10,00\u00a0€', 'Корректировки: 5,00\u00a0€', 'Итого: 465,00\u00a0€'],
      },
    });
    tick(el, 'country', 'DE');
    submit(el);
    await waitFor(() => commissionsShown(el)?.state === 'not-billed');
    expect(commissionsShown(el)?.note).to.equal(
      'Комиссии начисляются в счетах по бренду и плану, поэтому у отчёта с фильтром по кампании, ' +
        'промо, промокоду, стране, устройству, операционной системе, лендингу или источнику трафика их ' +
        'нет.',
    );
  });
});
