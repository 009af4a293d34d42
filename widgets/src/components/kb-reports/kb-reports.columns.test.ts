/** The report's columns: chosen, reordered by pointer and by keyboard, kept per operator and user. */
import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $in, cleanupFixtures, deepActiveElement, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { find } from '../../internal/account/account-test-kit.ts';
import {
  eachTestApi,
  fakeStatisticsApi,
  mountStatistics,
  report,
  REPORT_PATH,
  row,
} from '../../internal/statistics/statistics-test-kit.ts';
import type { Report } from '../../internal/statistics/statistics-types.ts';

define('kb-reports', KbReports);
define('kb-stats-chart', KbStatsChart);

const KEY = 'kabinet.report-columns:op_demo_luckyspin:usr_owner';
const answer = (q: URLSearchParams): Report => {
  const metrics = (q.get('metrics') ?? '').split(',') as Report['metrics'];
  const values = Object.fromEntries(metrics.map((m, i) => [m, i]));
  return report({ groupBy: ['day'], metrics, rows: [row({ day: '2026-11-02' }, values)], totals: values, total: 1 });
};
const headers = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="header-cell"] [part~="sort-label"]')].map((h) => h.textContent);
const chosen = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="column-chosen"]')].map((li) => li.getAttribute('data-metric'));
const kept = () => JSON.parse(localStorage.getItem(KEY) ?? 'null');

async function mounted(options: { userId?: string; operatorId?: string } = {}) {
  const { el } = await mountStatistics<KbReports>('kb-reports', options);
  await find(el, '[part~="report-row"]');
  $in<HTMLElement>(el, '[part~="columns-summary"]').click();
  await el.updateComplete;
  return el;
}

describe('<kb-reports> columns', () => {
  const stub = eachTestApi();

  it('moves a column with the keyboard: Up and Down, announced, focus kept, the order kept for this user', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    expect($in(el, '[part~="columns-summary"]').textContent).to.equal('Columns (7 shown)');
    const down = $in<HTMLButtonElement>(el, '[data-metric="clicks"] [part~="move-down"]');
    expect(down.getAttribute('aria-label')).to.equal('Move Clicks down');
    down.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => chosen(el)[1] === 'clicks', 1000, 'moved down');
    expect($in(el, '[part~="move-status"]').textContent).to.equal('Clicks: position 2 of 7.');
    await waitFor(() => deepActiveElement()?.closest('[data-metric]')?.getAttribute('data-metric') === 'clicks');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => chosen(el)[2] === 'clicks', 1000, 'moved down again');
    expect(headers(el).slice(0, 4)).to.deep.equal(['Day', 'Registrations', 'Registration rate', 'Clicks']);
    expect(kept()).to.deep.equal(['registrations', 'cr', 'clicks', 'ftdCount', 'ftdAmount', 'depositAmount', 'ngr']);
    $in<HTMLButtonElement>(el, '[data-metric="clicks"] [part~="move-up"]').click();
    await waitFor(() => chosen(el)[1] === 'clicks', 1000, 'moved up');
    expect($in<HTMLButtonElement>(el, '[data-metric="registrations"] [part~="move-up"]').disabled, 'first').to.equal(
      true,
    );

    cleanupFixtures();
    const again = await mounted();
    expect(chosen(again).slice(0, 3), 'kept for the next visit').to.deep.equal(['registrations', 'clicks', 'cr']);
    expect(headers(again).slice(1, 3)).to.deep.equal(['Registrations', 'Clicks']);
    const metrics = api.sent(`GET ${REPORT_PATH}`).at(-2)!.query.get('metrics');
    expect(metrics, 'asked in that order').to.equal('registrations,clicks,cr,ftdCount,ftdAmount,depositAmount,ngr');
    cleanupFixtures();
    const colleague = await mounted({ userId: 'usr_analyst' });
    expect(chosen(colleague).slice(0, 2), 'another user has their own').to.deep.equal(['clicks', 'registrations']);
    cleanupFixtures();
    const elsewhere = await mounted({ operatorId: 'op_other' });
    expect(chosen(elsewhere).slice(0, 2), 'and so has another operator’s portal').to.deep.equal([
      'clicks',
      'registrations',
    ]);
  });

  it('moves a column by dragging its handle with the pointer', async () => {
    stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const handle = $in(el, '[data-metric="ngr"] [part~="drag-handle"]');
    handle.scrollIntoView({ block: 'center' });
    const from = handle.getBoundingClientRect();
    const target = $in(el, '[data-metric="registrations"]').getBoundingClientRect();
    const x = Math.round(from.left + from.width / 2);
    await sendMouse({ type: 'move', position: [x, Math.round(from.top + from.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, Math.round(target.top + 4)] });
    await waitFor(() => el.shadowRoot!.querySelector('[part~="drop-before"]'), 1000, 'the drop marker');
    expect($in(el, '[part~="column-dragging"]').getAttribute('data-metric')).to.equal('ngr');
    await sendMouse({ type: 'up' });
    await waitFor(() => chosen(el)[1] === 'ngr', 1000, 'dropped');
    expect(chosen(el)).to.deep.equal([
      'clicks',
      'ngr',
      'registrations',
      'cr',
      'ftdCount',
      'ftdAmount',
      'depositAmount',
    ]);
    expect(headers(el).slice(1, 3)).to.deep.equal(['Clicks', 'NGR']);
    expect(kept()[1]).to.equal('ngr');
    expect(el.shadowRoot!.querySelector('[part~="column-dragging"]'), 'drag over').to.equal(null);
  });

  it('chooses columns: one off asks without it, one on adds it last; the last one cannot go', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const calls = () => api.sent(`GET ${REPORT_PATH}`).filter((r) => (r.query.get('metrics') ?? '').includes(','));
    $in<HTMLInputElement>(el, '#report-column-cr').click();
    await waitFor(() => calls().length === 2);
    expect(calls()[1]!.query.get('metrics')).to.equal('clicks,registrations,ftdCount,ftdAmount,depositAmount,ngr');
    $in<HTMLInputElement>(el, '#report-column-uniqueClicks').click();
    await waitFor(() => calls().length === 3);
    expect(calls()[2]!.query.get('metrics')).to.equal(
      'clicks,registrations,ftdCount,ftdAmount,depositAmount,ngr,uniqueClicks',
    );
    await waitFor(() => headers(el).at(-1) === 'Unique clicks');
    expect(kept()).to.include('uniqueClicks');
    localStorage.setItem(KEY, JSON.stringify(['ngr']));
    cleanupFixtures();
    const single = await mounted();
    expect($in<HTMLInputElement>(single, '#report-column-ngr').disabled, 'at least one column').to.equal(true);
    expect(single.shadowRoot!.querySelector('kb-stats-chart'), 'no count column: no chart').to.equal(null);
  });

  it('after columns move between the lists each box still shows its own metric’s choice', async () => {
    stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const boxesAgree = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="column"] input[type="checkbox"]')].every(
        (box) => box.checked === chosen(el).includes(box.id.replace('report-column-', '')),
      );
    for (const metric of ['cr', 'ftdCount', 'commission', 'clicks']) {
      $in<HTMLInputElement>(el, `#report-column-${metric}`).click();
      await el.updateComplete;
      expect(boxesAgree(), `after ${metric}`).to.equal(true);
    }
  });

  it('a billed column on a report by day says under the table when billed columns fill in', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    const hint = () => el.shadowRoot!.querySelector('[part~="commissions-columns"]');
    expect(hint(), 'no billed column: no hint').to.equal(null);
    $in<HTMLInputElement>(el, '#report-column-commission').click();
    await waitFor(() => api.sent(`GET ${REPORT_PATH}`).some((r) => r.query.get('metrics')?.endsWith(',commission')));
    await waitFor(() => hint() !== null);
    expect(hint()!.textContent).to.contain('grouped by month or year');
    expect(headers(el).at(-1)).to.equal('Commission');
  });

  it('the chart follows the first count column', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[data-metric="registrations"] [part~="move-up"]').click();
    await waitFor(() => api.sent(`GET ${REPORT_PATH}`).some((r) => r.query.get('metrics') === 'registrations'));
    await waitFor(() => $in<KbStatsChart>(el, '[part~="chart"]').heading === 'Registrations by day');
  });
});
