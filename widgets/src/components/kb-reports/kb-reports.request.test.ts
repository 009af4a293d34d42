import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, query, textOf } from '../../internal/account/account-test-kit.ts';
import {
  eachTestApi,
  fakeStatisticsApi,
  mountStatistics,
  OPTIONS_PATH,
  REPORT_PATH,
} from '../../internal/statistics/statistics-test-kit.ts';
import { gate, recordKeys, requested, REQUESTED_PATH } from '../../internal/statistics/report/requested-test-kit.ts';
import { COLUMNS, answer } from './reports-test-kit.ts';
import { darkTokens } from '../../themes/dark.ts';

define('kb-reports', KbReports);
define('kb-stats-chart', KbStatsChart);

const QUESTION = { period: 'last_30_days', groupBy: 'day', metrics: COLUMNS, currency: 'EUR' };

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountStatistics<KbReports>('kb-reports', { locale });
  await find(el, '[part~="report-row"]');
  return el;
}

const posts = (api: { sent(route: string): Array<{ body: unknown }> }) =>
  api.sent(`POST ${REQUESTED_PATH}`).map((r) => r.body);

describe('<kb-reports> request report', () => {
  const stub = eachTestApi();

  it('requests the shown question under a name made from it, in the chosen format, and links the request', async () => {
    let fail = true;
    const api = stub(
      fakeStatisticsApi(answer, (r) => {
        if (r.method !== 'POST' || r.path !== REQUESTED_PATH) return undefined;
        // The first answer is lost on the way: the retry must be the same request.
        if (fail) {
          fail = false;
          throw new TypeError('Failed to fetch');
        }
        const body = r.body as { name: string; format: 'xlsx' };
        return json(requested({ id: 'rr_7', name: body.name, format: body.format }), 201);
      }),
    );
    const keys = recordKeys();
    const el = await mounted();
    const open = $in<HTMLButtonElement>(el, '[part~="request-report"]');
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    open.click();
    const name = await find<HTMLInputElement>(el, '[part~="request-name"]');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(name.value).to.equal('Last 30 days by day');
    await waitFor(() => el.shadowRoot!.activeElement === name, 1000, 'the name focused');

    fill(name, '   ');
    $in<HTMLButtonElement>(el, '[part~="request-submit"]').click();
    expect((await find(el, '[part~="request-form"] [part~="field-error"]')).textContent).to.equal(
      'Give the report a name.',
    );
    expect(posts(api)).to.deep.equal([]);

    fill(name, 'November by day');
    $in<HTMLInputElement>(el, 'input[value="xlsx"]').click();
    $in<HTMLButtonElement>(el, '[part~="request-submit"]').click();
    const error = await find(el, '[part~="request-error"]');
    expect(error.textContent!.trim().length).to.be.greaterThan(0);
    $in<HTMLButtonElement>(el, '[part~="request-submit"]').click();
    const link = await find<HTMLAnchorElement>(el, '[part~="request-done"] [part~="requested-link"]');

    expect(posts(api)).to.deep.equal([
      { name: 'November by day', format: 'xlsx', query: QUESTION },
      { name: 'November by day', format: 'xlsx', query: QUESTION },
    ]);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f]{32}$/);
    expect(keys[1], 'the retry sends the same key').to.equal(keys[0]);
    expect($in(el, '[part~="request-done"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '“November by day” is being prepared. We will e-mail owner@partner.test when it is ready. Open it in Requested reports',
    );
    expect(link.getAttribute('href')).to.equal('#/reports/requested/rr_7');
    await waitFor(() => el.shadowRoot!.activeElement === link, 1000, 'the link focused');
    expect(query(el, '[part~="request-form"]')).to.equal(null);

    // A new form is a new request: a new key.
    $in<HTMLButtonElement>(el, '[part~="request-report"]').click();
    await find(el, '[part~="request-name"]');
    $in<HTMLButtonElement>(el, '[part~="request-submit"]').click();
    await waitFor(() => keys.length === 3, 2000, 'a third request');
    expect(keys[2]).to.not.equal(keys[0]);
  });

  it('fits 390 px in the dark theme', async () => {
    await setViewport({ width: 390, height: 844 });
    stub(fakeStatisticsApi(answer));
    const el = await mounted();
    el.setAttribute('style', darkTokens.cssText.replace(/\n/g, ' '));
    $in<HTMLButtonElement>(el, '[part~="request-report"]').click();
    const form = await find(el, '[part~="request-form"]');
    expect(form.getBoundingClientRect().right).to.be.at.most(390);
    expect(form.scrollWidth).to.be.at.most(form.clientWidth);
    expect($in(el, '[part~="request-name"]').getBoundingClientRect().right).to.be.at.most(390);
    expect(getComputedStyle($in(el, '[part~="request-heading"]')).color).to.equal('rgb(232, 234, 238)');
    await setViewport({ width: 1280, height: 800 });
  });

  it('speaks Russian', async () => {
    stub(fakeStatisticsApi(answer));
    const el = await mounted('ru');
    $in<HTMLButtonElement>(el, '[part~="request-report"]').click();
    const name = await find<HTMLInputElement>(el, '[part~="request-name"]');
    expect(name.value).to.equal('Последние 30 дней, группировка: день');
    expect(textOf(el)).to.contain('CSV в ZIP-архиве (строки и итоги)');
    expect($in(el, '[part~="request-submit"]').textContent?.trim()).to.equal('Запросить');
  });
});

describe('<kb-reports> too slow to show', () => {
  const stub = eachTestApi();

  /** Mounts with the options held until the bound is set, each report answering after `delay` ms (or its own). */
  async function slowMount(
    delay: number | ((query: URLSearchParams) => number),
    onPost: () => Response | Promise<Response>,
  ) {
    const options = gate();
    const api = stub(
      fakeStatisticsApi(answer, async (r) => {
        if (r.path === OPTIONS_PATH) return void (await options.promise);
        if (r.method === 'POST' && r.path === REQUESTED_PATH) return onPost();
        const ms = typeof delay === 'number' ? delay : delay(r.query);
        if (r.path === REPORT_PATH) await new Promise((resolve) => setTimeout(resolve, ms));
        return undefined;
      }),
    );
    const keys = recordKeys();
    const { el } = await mountStatistics<KbReports>('kb-reports');
    el.slowAfter = 300;
    options.open();
    return { el, api, keys };
  }

  it('stops waiting, requests the report as zipped CSV and says so, with the link; the late answer is dropped', async () => {
    let fail = true;
    const { el, api, keys } = await slowMount(1200, () => {
      if (!fail) return json(requested({ id: 'rr_slow' }), 201);
      fail = false;
      return new Response('upstream down', { status: 503 });
    });
    const failed = await find(el, '[part~="slow"][data-state="failed"]', 3000);
    expect(failed.textContent).to.contain('This report is too big to show here, and requesting it as a file failed');
    $in<HTMLButtonElement>(el, '[part~="slow-retry"]').click();
    const done = await find(el, '[part~="slow"][data-state="requested"]');
    expect(done.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'This report is too big to show here (it took longer than 0.3 seconds), so it is being prepared as a file ' +
        '(zipped CSV). We will e-mail owner@partner.test when it is ready. Open it in Requested reports',
    );
    expect($in<HTMLAnchorElement>(el, '[part~="slow"] [part~="requested-link"]').getAttribute('href')).to.equal(
      '#/reports/requested/rr_slow',
    );
    expect(posts(api)).to.deep.equal([
      { name: 'Last 30 days by day', format: 'csv_zip', query: QUESTION },
      { name: 'Last 30 days by day', format: 'csv_zip', query: QUESTION },
    ]);
    expect(keys[1], 'the retry is the same request').to.equal(keys[0]);
    // The report's late answer (1.2 s) does not replace the note.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(query(el, '[part~="report-table"]')).to.equal(null);
    expect(query(el, '[part~="slow"][data-state="requested"]')).to.not.equal(null);
    expect(posts(api)).to.have.length(2);
  });

  it('keeps a newer question’s bound when an older answer lands meanwhile', async () => {
    // Last 30 days answers in 250 ms (within the bound); last 7 days, asked meanwhile, never in time.
    const { el, api } = await slowMount(
      (q) => (q.get('period') === 'last_7_days' ? 5000 : 250),
      () => json(requested({ id: 'rr_7' }), 201),
    );
    await waitFor(() => api.sent(`GET ${REPORT_PATH}`).length > 0, 2000, 'the first report asked');
    fill(await find<HTMLSelectElement>(el, '#report-period'), 'last_7_days');
    $in<HTMLButtonElement>(el, '[part~="show"]').click();
    await find(el, '[part~="slow"][data-state="requested"]', 3000);
    expect(posts(api)).to.deep.equal([
      { name: 'Last 7 days by day', format: 'csv_zip', query: { ...QUESTION, period: 'last_7_days' } },
    ]);
  });

  it('shows a report that answers in time, and requests nothing', async () => {
    const { el, api } = await slowMount(50, () => json(requested(), 201));
    await find(el, '[part~="report-row"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(query(el, '[part~="slow"]')).to.equal(null);
    expect(posts(api)).to.deep.equal([]);
  });
});
