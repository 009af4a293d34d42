import { define } from '../../internal/base-element.ts';
import { KbDashboard } from './kb-dashboard.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, problem, query, textOf, type ApiMock } from '../../internal/account/account-test-kit.ts';
import {
  QUICK_PATH,
  REPORT_PATH,
  commissions,
  fakeStatisticsApi,
  mountStatistics,
  quickStatsBilled,
  queryText,
  report,
  reportOptions,
  sentTo,
} from '../../internal/statistics/statistics-test-kit.ts';
import { answer, byCampaign, daily } from './dashboard-test-kit.ts';

define('kb-dashboard', KbDashboard);
define('kb-stats-chart', KbStatsChart);

const reports = (api: ApiMock) => api.sent(`GET ${REPORT_PATH}`);
const card = (el: Element, period: string, metric: string) =>
  $in(el, `[data-period="${period}"] [data-metric="${metric}"] [part~="stat-value"]`);
/** A card's commission, its lines (one per currency). */
const commissionLines = (el: Element, period: string) =>
  [...card(el, period, 'commission').querySelectorAll('[part~="value"]')].map((e) => e.textContent);
const commissionNote = (el: Element) => $in(el, '[part~="commission-note"]').textContent?.replace(/\s+/g, ' ').trim();
/** Quick stats answered with `quick` (the rest as the statistics kit answers). */
const quickAnswer = (quick: ReturnType<typeof quickStatsBilled>) =>
  fakeStatisticsApi(answer, ({ path }) => (path === QUICK_PATH ? json(quick) : undefined));

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountStatistics<KbDashboard>('kb-dashboard', { locale });
  await find(el, '[part~="campaign-row"]');
  return el;
}

describe('<kb-dashboard>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows quick stats for the four periods with amounts per currency', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    expect(queryText(api.sent(`GET ${QUICK_PATH}`)[0]!.query), 'no campaign, no conversion').to.equal('');
    const titles = [...el.shadowRoot!.querySelectorAll('[part~="stat-period"]')].map((e) => e.textContent);
    expect(titles).to.deep.equal(['Today', 'Yesterday', 'This month', 'Last month']);
    expect(card(el, 'this_month', 'clicks').textContent?.trim()).to.equal('4,500');
    expect(card(el, 'this_month', 'registrations').textContent?.trim()).to.equal('450');
    expect(card(el, 'this_month', 'ftdCount').textContent?.trim()).to.equal('90');
    const lines = [...card(el, 'this_month', 'ftdAmount').querySelectorAll('[part~="amount-line"]')].map(
      (e) => e.textContent,
    );
    expect(lines, 'one line per currency').to.deep.equal(['€1,250.50', '$14.00']);
    expect(card(el, 'yesterday', 'ftdAmount').textContent?.trim()).to.equal('€0.00');
    expect($in(el, '[data-period="this_month"] [part~="stat-range"]').textContent, 'month and year once').to.equal(
      'Nov 1 – 30, 2026',
    );
    expect($in(el, '[data-period="today"] [part~="stat-range"]').textContent).to.equal('Nov 30, 2026');
    expect(textOf(el)).to.include('program’s time zone (Europe/Berlin)');
  });

  it('shows each period’s billed commission per currency, captioned as billed, with what that means', async () => {
    api = quickAnswer(
      quickStatsBilled({
        yesterday: commissions(['revshare', 'EUR', '-12.40']),
        this_month: commissions(['cpa', 'EUR', '450.00'], ['revshare', 'EUR', '120.25'], ['cpa', 'USDT', '114.000000']),
        last_month: commissions(['cpa', 'BTC', '0.00120000'], ['correction', 'BTC', '0.00001000']),
      }),
    );
    const el = await mounted();
    const stat = $in(el, '[data-period="this_month"] [part~="stat-commission"]');
    expect(stat.querySelector('[part~="stat-name"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Commission billed',
    );
    expect(stat.querySelector('[part~="stat-caption"]')?.textContent).to.equal('billed');
    expect(commissionLines(el, 'this_month'), 'the total of each currency, crypto with its code').to.deep.equal([
      '€570.25',
      '114.00 USDT',
    ]);
    expect(commissionLines(el, 'last_month'), 'corrections in the total; crypto as the other amounts').to.deep.equal([
      'BTC\u00a00.00121',
    ]);
    expect(commissionLines(el, 'yesterday'), 'a negative total as the bills have it').to.deep.equal(['-€12.40']);
    expect(commissionLines(el, 'today'), 'no bills: a dash, as amounts show nothing').to.deep.equal(['—']);
    const stats = [...$in(el, '[data-period="today"] [part~="stat-list"]').children].map((s) =>
      s.getAttribute('data-metric'),
    );
    expect(stats, 'after the traffic').to.deep.equal([
      'clicks',
      'registrations',
      'ftdCount',
      'ftdAmount',
      'commission',
    ]);
    expect(commissionNote(el)).to.equal(
      'Commission: bills whose period starts in this period; the current period is billed after it closes.',
    );
  });

  it('the kit’s quick stats: this month’s €450 CPA bill shows', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    expect(commissionLines(el, 'this_month')).to.deep.equal(['€450.00']);
    expect(card(el, 'this_month', 'commission').closest('[data-billed]')?.getAttribute('data-billed')).to.equal('yes');
  });

  it('with a campaign chosen: no commission (bills are per brand and plan), said once under the cards', async () => {
    const perCampaign = quickStatsBilled({ today: null, yesterday: null, this_month: null, last_month: null });
    api = fakeStatisticsApi(answer, ({ path, query: q }) =>
      path === QUICK_PATH && q.get('campaignId') ? json(perCampaign) : undefined,
    );
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#dashboard-campaign'), 'camp_2');
    await waitFor(() => query(el, '[data-period="this_month"] [data-billed="no"]'));
    for (const period of ['today', 'yesterday', 'this_month', 'last_month'])
      expect(commissionLines(el, period), period).to.deep.equal(['—']);
    expect(commissionNote(el)).to.equal('Commissions are billed per brand and plan, not per campaign.');
  });

  it('asks for the period per day and the campaigns by clicks, and shows the campaign table', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    const [day, campaigns] = reports(api).map((r) => queryText(r.query));
    expect(day).to.equal(
      'period=last_30_days&groupBy=day&metrics=clicks,registrations,ftdCount,depositAmount&sort=day&order=asc&limit=1000',
    );
    expect(campaigns).to.equal(
      'period=last_30_days&groupBy=campaign&metrics=clicks,registrations,ftdCount,depositAmount,ngr&sort=clicks&order=desc&limit=20',
    );
    const headers = [...el.shadowRoot!.querySelectorAll('[part~="campaign-table"] [part~="header-cell"]')].map(
      (h) => h.textContent,
    );
    expect(headers).to.deep.equal(['Campaign', 'Clicks', 'Registrations', 'FTD', 'Deposits amount', 'NGR']);
    const first = $in(el, '[data-campaign-id="camp_1"]');
    expect(first.querySelector('[part~="campaign-name"]')?.textContent).to.equal('Summer push');
    expect(first.querySelector('[part~="metric-clicks"]')?.textContent?.trim()).to.equal('1,200');
    const amounts = [...first.querySelectorAll('[part~="metric-depositAmount"] [part~="amount-line"]')];
    expect(amounts.map((e) => e.textContent)).to.deep.equal(['€1,250.50', '$14.00']);
    expect(first.querySelector('[part~="metric-ngr"]')?.textContent?.trim()).to.equal('-€3.20');
    expect(
      $in(el, '[data-campaign-id="camp_2"] [part~="metric-depositAmount"]').textContent?.trim(),
      'no amount',
    ).to.equal('—');
    expect(query(el, '[part~="more"]'), 'every campaign shown').to.equal(null);
  });

  it('draws the period with days without traffic as zeros: clicks and registrations, FTD and deposits per currency', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    const traffic = $in<KbStatsChart>(el, '[part~="chart-traffic"]');
    expect(traffic.kind).to.equal('line');
    expect(traffic.heading).to.equal('Traffic per day');
    expect(traffic.labels.length, 'every day of November').to.equal(30);
    expect(traffic.labels[1]).to.equal('Nov 2');
    expect(
      traffic.series.map((s) => `${s.label}:${s.axis}`),
      'registrations on their own scale',
    ).to.deep.equal(['Clicks:count', 'Registrations:count-right']);
    expect(traffic.series[0]!.values.slice(0, 6)).to.deep.equal([0, 40, 0, 0, 12, 0]);
    const deposits = $in<KbStatsChart>(el, '[part~="chart-deposits"]');
    expect(deposits.kind).to.equal('bar');
    expect(deposits.series.map((s) => `${s.label}:${s.axis}`)).to.deep.equal([
      'FTD:count',
      'Deposits amount, EUR:amount',
      'Deposits amount, USD:amount',
    ]);
    expect(deposits.series[2]!.values[4]).to.equal(5.5);
  });

  it('sends a custom period and a campaign to every call; an end before the start asks nothing', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#dashboard-period'), 'custom');
    await el.updateComplete;
    fill($in<HTMLInputElement>(el, '#dashboard-from'), '2026-11-20');
    fill($in<HTMLInputElement>(el, '#dashboard-to'), '2026-11-10');
    await el.updateComplete;
    expect($in(el, '#dashboard-to-error').textContent).to.equal('The end date is before the start date.');
    expect(reports(api).length, 'nothing asked for a wrong range').to.equal(2);
    fill($in<HTMLInputElement>(el, '#dashboard-to'), '2026-11-25');
    const sent = await sentTo(api, REPORT_PATH, 4);
    expect(queryText(sent[2]!.query)).to.match(/^period=custom&from=2026-11-20&to=2026-11-25&groupBy=day&/);
    fill($in<HTMLSelectElement>(el, '#dashboard-campaign'), 'camp_2');
    const withCampaign = await sentTo(api, REPORT_PATH, 6);
    expect(withCampaign[4]!.query.get('campaignId')).to.equal('camp_2');
    expect(withCampaign[5]!.query.get('campaignId')).to.equal('camp_2');
    const quick = await sentTo(api, QUICK_PATH, 2);
    expect(queryText(quick[1]!.query)).to.equal('campaignId=camp_2');
  });

  it('a long custom range is drawn per week', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#dashboard-period'), 'custom');
    await el.updateComplete;
    fill($in<HTMLInputElement>(el, '#dashboard-from'), '2026-01-01');
    fill($in<HTMLInputElement>(el, '#dashboard-to'), '2026-11-30');
    const sent = await sentTo(api, REPORT_PATH, 4);
    expect(sent.at(-2)!.query.get('groupBy')).to.equal('week');
  });

  it('leaves out what the operator hides', async () => {
    const options = reportOptions({ metrics: ['clicks', 'registrations', 'ftdCount', 'ftdAmount'] });
    api = fakeStatisticsApi(answer, undefined, options);
    const el = await mounted();
    expect(reports(api).map((r) => r.query.get('metrics'))).to.deep.equal([
      'clicks,registrations,ftdCount',
      'clicks,registrations,ftdCount',
    ]);
    const headers = [...el.shadowRoot!.querySelectorAll('[part~="header-cell"]')].map((h) => h.textContent);
    expect(headers).to.deep.equal(['Campaign', 'Clicks', 'Registrations', 'FTD']);
    expect($in<KbStatsChart>(el, '[part~="chart-deposits"]').series.map((s) => s.label)).to.deep.equal(['FTD']);
  });

  it('with no clicks in the period says so and opens Campaigns; no chart is drawn', async () => {
    api = fakeStatisticsApi(() => report({ rows: [] }));
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    const empty = await find(el, '[part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No clicks in this period yet.');
    expect(query(el, 'kb-stats-chart')).to.equal(null);
    expect(query(el, 'table')).to.equal(null);
    const opened: string[] = [];
    document.addEventListener('kb-open-section', (e) => opened.push(e.detail.section), { once: true });
    const action = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(action.textContent).to.equal('Open Campaigns');
    action.click();
    expect(opened).to.deep.equal(['campaigns']);
  });

  it('a campaign with no clicks offers all campaigns again', async () => {
    api = fakeStatisticsApi((q) => (q.get('campaignId') ? report({ rows: [] }) : answer(q)));
    const el = await mounted();
    fill($in<HTMLSelectElement>(el, '#dashboard-campaign'), 'camp_2');
    const empty = await find(el, '[part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal(
      'No clicks on this campaign in this period.',
    );
    empty.querySelector<HTMLButtonElement>('[part~="all-campaigns"]')!.click();
    await find(el, '[part~="campaign-row"]');
    expect($in<HTMLSelectElement>(el, '#dashboard-campaign').value).to.equal('');
  });

  it('more campaigns than shown: a note and the way to Reports', async () => {
    api = fakeStatisticsApi((q) => (q.get('groupBy') === 'campaign' ? { ...byCampaign(), total: 45 } : daily()));
    const el = await mounted();
    expect($in(el, '[part~="top-campaigns"]').textContent).to.equal(
      'The 2 campaigns with the most clicks are shown; Reports has them all.',
    );
    const opened: string[] = [];
    document.addEventListener('kb-open-section', (e) => opened.push(e.detail.section), { once: true });
    $in<HTMLButtonElement>(el, '[part~="open-reports"]').click();
    expect(opened).to.deep.equal(['reports']);
  });

  it('shows loading, then a worded failure with Retry', async () => {
    let fail = true;
    api = fakeStatisticsApi(answer, ({ path }) =>
      path === REPORT_PATH && fail ? problem(500, 'internal', 'in progress') : undefined,
    );
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    const alert = await find(el, '[part~="results"] [role="alert"] [part~="error-detail"]');
    expect(alert.textContent).to.equal(
      'Something went wrong on our side. Try again; if it keeps happening, contact support.',
    );
    fail = false;
    $in<HTMLButtonElement>(el, '[part~="results"] [part~="retry"]').click();
    await find(el, '[part~="campaign-row"]');
    expect(query(el, '[part~="results"] [part~="error-detail"]')).to.equal(null);
  });

  it('a failed quick stats call does not hide the period', async () => {
    api = fakeStatisticsApi(answer, ({ path }) => (path === QUICK_PATH ? problem(403, 'forbidden', 'no') : undefined));
    const el = await mounted();
    expect(query(el, '[part~="stat-card"]')).to.equal(null);
    expect($in(el, '[role="alert"] [part~="error-detail"]').textContent).to.not.equal('');
  });

  it('speaks Russian, with amounts as Russian writes them', async () => {
    api = fakeStatisticsApi(answer);
    const el = await mounted('ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Сводка');
    expect($in(el, '[data-period="this_month"] [part~="stat-period"]').textContent).to.equal('Этот месяц');
    expect($in(el, '[data-period="this_month"] [part~="stat-range"]').textContent).to.equal('1–30 нояб. 2026 г.');
    const lines = [...card(el, 'this_month', 'ftdAmount').querySelectorAll('[part~="amount-line"]')].map(
      (e) => e.textContent,
    );
    expect(lines).to.deep.equal(['1\u00a0250,50\u00a0€', '14,00\u00a0$']);
    expect(card(el, 'this_month', 'clicks').textContent?.trim()).to.equal('4\u00a0500');
    expect($in<HTMLSelectElement>(el, '#dashboard-period').selectedOptions[0]!.textContent).to.equal(
      'Последние 30 дней',
    );
    expect($in<KbStatsChart>(el, '[part~="chart-traffic"]').heading).to.equal('Трафик по дням');
    expect($in(el, '[data-period="this_month"] [part~="stat-commission"] [part~="stat-name"]').textContent).to.match(
      /^Комиссия\s+по счетам$/,
    );
    expect(commissionLines(el, 'this_month')).to.deep.equal(['450,00\u00a0€']);
    expect(commissionNote(el)).to.include(
      'Комиссия — по счетам, период которых начинается в этом периоде; текущий период попадает в счёт после закрытия.',
    );
  });

  it('keeps every decimal of a crypto amount', async () => {
    api = fakeStatisticsApi(answer, ({ path }) =>
      path === QUICK_PATH
        ? json({
            currency: null,
            timeZone: 'UTC',
            periods: [
              {
                period: 'today',
                from: '2026-11-30',
                to: '2026-11-30',
                values: { clicks: 0, ftdAmount: { BTC: '0.00012345' } },
              },
            ],
          })
        : undefined,
    );
    const el = await mounted();
    expect(card(el, 'today', 'ftdAmount').textContent?.trim(), 'eight decimals kept').to.equal('BTC\u00a00.00012345');
    await waitFor(() => query(el, '[part~="chart-traffic"]'));
  });
});
