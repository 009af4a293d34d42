/** The report's question in the portal's address: read on open, written on a change, followed on Back. */
import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find } from '../../internal/account/account-test-kit.ts';
import {
  eachTestApi,
  fakeAddress,
  fakeStatisticsApi,
  mountStatistics,
  queryText,
} from '../../internal/statistics/statistics-test-kit.ts';
import { COLUMNS, answer, submit, tableCalls } from './reports-test-kit.ts';

define('kb-reports', KbReports);
define('kb-stats-chart', KbStatsChart);

describe('<kb-reports> in the address', () => {
  const stub = eachTestApi();

  it('keeps its question in the portal’s address: a link opens that report, Back shows the one before', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const address = fakeAddress(
      'reports',
      'period=last_7_days&groupBy=campaign,day&brandId=brd_lucky&currency=&sort=clicks&order=asc&limit=25',
    );
    const { el, providers } = await mountStatistics<KbReports>('kb-reports', { route: address.route });
    address.attach(providers.route);
    await find(el, '[part~="report-row"]');
    expect(queryText(tableCalls(api)[0]!.query)).to.equal(
      `period=last_7_days&groupBy=campaign,day&metrics=${COLUMNS}&brandId=brd_lucky&sort=clicks&order=asc&limit=25&offset=0`,
    );
    expect($in<HTMLSelectElement>(el, '#report-brandId').value).to.equal('brd_lucky');
    expect($in<HTMLSelectElement>(el, '#report-currency').value, 'each currency, as the link says').to.equal('');
    expect(address.moves, 'opening writes nothing').to.deep.equal([]);

    fill($in<HTMLSelectElement>(el, '#report-period'), 'yesterday');
    submit(el);
    await waitFor(() => tableCalls(api).length === 2);
    expect(address.moves.at(-1)).to.deep.equal({
      query: 'period=yesterday&groupBy=campaign,day&brandId=brd_lucky&currency=&sort=clicks&order=asc&limit=25',
      replace: false,
    });
    $in<HTMLButtonElement>(el, '[part~="next"]').click();
    await waitFor(() => address.moves.length === 2);
    expect(address.moves[1]!.replace, 'a page replaces its entry').to.equal(true);
    expect(address.moves[1]!.query).to.match(/&offset=25$/);

    address.back();
    await waitFor(() => tableCalls(api).at(-1)!.query.get('period') === 'last_7_days');
    expect($in<HTMLSelectElement>(el, '#report-period').value).to.equal('last_7_days');
    expect(tableCalls(api).at(-1)!.query.get('offset')).to.equal('0');
  });

  it('an address with values the options do not allow falls back to what they allow', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const address = fakeAddress(
      'reports',
      'period=forever&groupBy=day,week,partner,campaign&sort=hacked&limit=5000&currency=%3Cb%3E',
    );
    const { el } = await mountStatistics<KbReports>('kb-reports', { route: address.route });
    await find(el, '[part~="report-row"]');
    expect(queryText(tableCalls(api)[0]!.query)).to.equal(
      `period=last_30_days&groupBy=day,campaign&metrics=${COLUMNS}&currency=EUR&limit=50&offset=0`,
    );
  });

  it('a link may ask for a page of up to 1000 rows; the page size select shows it', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const address = fakeAddress('reports', 'period=last_30_days&groupBy=country&limit=1000');
    const { el } = await mountStatistics<KbReports>('kb-reports', { route: address.route });
    await find(el, '[part~="report-row"]');
    expect(tableCalls(api)[0]!.query.get('limit')).to.equal('1000');
    expect($in<HTMLSelectElement>(el, '#report-limit').value).to.equal('1000');
  });
});
