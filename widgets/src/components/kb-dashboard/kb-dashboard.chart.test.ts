/**
 * chart.js is fetched only when a chart has something to draw. Its own file (a fresh page per test
 * file), in order: first a dashboard without traffic, then one with.
 */
import { define } from '../../internal/base-element.ts';
import { KbDashboard } from './kb-dashboard.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { find, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { fakeStatisticsApi, mountStatistics, report, row } from '../../internal/statistics/statistics-test-kit.ts';

define('kb-dashboard', KbDashboard);
define('kb-stats-chart', KbStatsChart);

const chartCodeRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => url.includes('/node_modules/chart.js/') || url.includes('chart-runtime'));

describe('<kb-dashboard> loads chart.js only to draw', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('a period without clicks loads no chart code', async () => {
    api = fakeStatisticsApi(() => report({ rows: [] }));
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    await find(el, '[part~="empty"]');
    await find(el, '[part~="stat-card"]');
    expect(query(el, 'kb-stats-chart')).to.equal(null);
    expect(chartCodeRequests()).to.deep.equal([]);
  });

  it('a period with clicks loads it and draws on the canvas', async () => {
    api = fakeStatisticsApi(() =>
      report({
        groupBy: ['day'],
        rows: [
          row({ day: '2026-11-02', campaign: 'camp_1' }, { clicks: 40, registrations: 4 }, { campaign: 'Summer' }),
        ],
      }),
    );
    const { el } = await mountStatistics<KbDashboard>('kb-dashboard');
    const chart = await find<KbStatsChart>(el, '[part~="chart-traffic"]');
    const figure = await waitFor(
      () => chart.shadowRoot?.querySelector('[part~="chart"][data-state="ready"]'),
      4000,
      'chart drawn',
    );
    expect(chartCodeRequests().some((url) => url.includes('/node_modules/chart.js/'))).to.equal(true);
    const canvas = figure.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).to.equal('Traffic per day');
    expect(canvas.width).to.be.above(0);
    const drawn = () =>
      canvas
        .getContext('2d')!
        .getImageData(0, 0, canvas.width, canvas.height)
        .data.some((value, i) => i % 4 === 3 && value > 0);
    await waitFor(drawn, 2000, 'something drawn on the canvas');
    const points = [...figure.querySelectorAll('li')].map((li) => li.textContent);
    expect(points[1], 'the values for screen readers').to.equal('Nov 2: Clicks 40, Registrations 4');
  });
});
