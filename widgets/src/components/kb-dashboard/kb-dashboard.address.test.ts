/** The dashboard's period and campaign in the portal's address: read on open, written on a change, followed on Back. */
import { define } from '../../internal/base-element.ts';
import { KbDashboard } from './kb-dashboard.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import {
  QUICK_PATH,
  REPORT_PATH,
  eachTestApi,
  fakeStatisticsApi,
  mountAddressed,
  queryText,
} from '../../internal/statistics/statistics-test-kit.ts';
import { answer } from './dashboard-test-kit.ts';

define('kb-dashboard', KbDashboard);
define('kb-stats-chart', KbStatsChart);

const reports = (api: ApiMock) => api.sent(`GET ${REPORT_PATH}`);
const quicks = (api: ApiMock) => api.sent(`GET ${QUICK_PATH}`).map((r) => queryText(r.query));
/** The period part of each report asked (the campaign included), in order. */
const asked = (api: ApiMock) =>
  reports(api).map((r) =>
    ['period', 'from', 'to', 'campaignId']
      .filter((k) => r.query.has(k))
      .map((k) => `${k}=${r.query.get(k)}`)
      .join('&'),
  );

const opened = (text: string) =>
  mountAddressed<KbDashboard>('kb-dashboard', 'dashboard', text, '[part~="campaign-row"]');

describe('<kb-dashboard> in the address', () => {
  const stub = eachTestApi();

  it('a link with a period and a campaign opens that dashboard, and opening writes nothing', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el, address } = await opened('period=last_7_days&campaignId=camp_2');
    expect($in<HTMLSelectElement>(el, '#dashboard-period').value).to.equal('last_7_days');
    expect($in<HTMLSelectElement>(el, '#dashboard-campaign').value).to.equal('camp_2');
    expect(asked(api)).to.deep.equal(['period=last_7_days&campaignId=camp_2', 'period=last_7_days&campaignId=camp_2']);
    expect(quicks(api)).to.deep.equal(['campaignId=camp_2']);
    expect(address.moves).to.deep.equal([]);
  });

  it('a custom range in the address shows its dates and asks for them', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el } = await opened('period=custom&from=2026-11-01&to=2026-11-15');
    expect($in<HTMLSelectElement>(el, '#dashboard-period').value).to.equal('custom');
    expect($in<HTMLInputElement>(el, '#dashboard-from').value).to.equal('2026-11-01');
    expect($in<HTMLInputElement>(el, '#dashboard-to').value).to.equal('2026-11-15');
    expect(asked(api)[0]).to.equal('period=custom&from=2026-11-01&to=2026-11-15');
  });

  for (const [bad, why] of [
    ['period=forever&campaignId=camp_999', 'an unknown period and a campaign the partner does not have'],
    ['period=custom&from=2026-11-20&to=2026-11-10', 'a range that ends before it starts'],
    ['period=custom&from=yesterday', 'dates that are not dates'],
    ['campaignId=%3Cscript%3E&period=', 'no id at all'],
  ] as const) {
    it(`falls back to the default dashboard, without an error, for ${why}`, async () => {
      const api = stub(fakeStatisticsApi(answer));
      const { el, address } = await opened(bad);
      expect($in<HTMLSelectElement>(el, '#dashboard-period').value).to.equal('last_30_days');
      expect($in<HTMLSelectElement>(el, '#dashboard-campaign').value).to.equal('');
      expect(asked(api)).to.deep.equal(['period=last_30_days', 'period=last_30_days']);
      expect(quicks(api), 'quick stats of every campaign').to.deep.equal(['']);
      expect(query(el, '[part~="field-error"]:not(:empty)'), 'no field error').to.equal(null);
      expect(query(el, '[part~="error-detail"]'), 'no alert').to.equal(null);
      expect(address.moves).to.deep.equal([]);
    });
  }

  it('writes each new period and campaign; custom dates refine one entry; Back shows the dashboard before', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el, address } = await opened('');
    fill($in<HTMLSelectElement>(el, '#dashboard-period'), 'yesterday');
    fill($in<HTMLSelectElement>(el, '#dashboard-campaign'), 'camp_1');
    await waitFor(() => reports(api).length === 6);
    expect(address.moves).to.deep.equal([
      { query: 'period=yesterday', replace: false },
      { query: 'period=yesterday&campaignId=camp_1', replace: false },
    ]);

    fill($in<HTMLSelectElement>(el, '#dashboard-period'), 'custom');
    await el.updateComplete;
    expect(address.moves.length, 'no dates yet: the address stays').to.equal(2);
    fill($in<HTMLInputElement>(el, '#dashboard-from'), '2026-11-01');
    fill($in<HTMLInputElement>(el, '#dashboard-to'), '2026-11-10');
    await el.updateComplete;
    fill($in<HTMLInputElement>(el, '#dashboard-to'), '2026-11-12');
    await waitFor(() => address.moves.length === 4);
    expect(address.moves.slice(2)).to.deep.equal([
      { query: 'period=custom&from=2026-11-01&to=2026-11-10&campaignId=camp_1', replace: false },
      { query: 'period=custom&from=2026-11-01&to=2026-11-12&campaignId=camp_1', replace: true },
    ]);

    const before = reports(api).length;
    address.back();
    await waitFor(() => reports(api).length === before + 2);
    expect($in<HTMLSelectElement>(el, '#dashboard-period').value).to.equal('yesterday');
    expect($in<HTMLSelectElement>(el, '#dashboard-campaign').value).to.equal('camp_1');
    expect(asked(api).slice(-2)).to.deep.equal([
      'period=yesterday&campaignId=camp_1',
      'period=yesterday&campaignId=camp_1',
    ]);

    address.back();
    await waitFor(() => reports(api).length === before + 4);
    expect($in<HTMLSelectElement>(el, '#dashboard-campaign').value).to.equal('');
    expect(quicks(api).at(-1), 'quick stats follow the campaign').to.equal('');
    expect(address.moves.length, 'following writes nothing').to.equal(4);
  });
});
