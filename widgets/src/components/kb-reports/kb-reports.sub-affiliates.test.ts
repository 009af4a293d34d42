import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { describe, it } from '../../internal/test-helpers.ts';
import { find, json, mockApi } from '../../internal/account/account-test-kit.ts';
import {
  eachTestApi,
  mountStatistics,
  OPTIONS_PATH,
  REPORT_PATH,
  reportOptions,
} from '../../internal/statistics/statistics-test-kit.ts';
import { KbReports } from './kb-reports.ts';

define('kb-reports', KbReports);

describe('<kb-reports> Sub-affiliates view', () => {
  const stub = eachTestApi();

  it('shows <kb-subaffiliate-report> at #/reports/sub_affiliates, marked current, without asking the performance report', async () => {
    const api = stub(
      mockApi(({ method, path }) => (method === 'GET' && path === OPTIONS_PATH ? json(reportOptions()) : undefined)),
    );
    const moves: string[][] = [];
    const { el } = await mountStatistics<KbReports>('kb-reports', {
      route: { route: { section: 'reports', path: ['sub_affiliates'], query: '' }, go: (p) => void moves.push([...p]) },
    });
    const button = await find(el, '[part~="view"][data-view="sub_affiliates"]');
    expect(button.getAttribute('aria-current')).to.equal('page');
    expect(button.textContent?.trim()).to.equal('Sub-affiliates');
    const view = await find(el, 'kb-subaffiliate-report');
    expect(view.getAttribute('part')).to.equal('sub-affiliates');
    expect(api.sent(`GET ${REPORT_PATH}`), 'the performance report is not asked').to.have.length(0);
    // The switch moves between the views by address.
    (await find<HTMLButtonElement>(el, '[part~="view"][data-view="performance"]')).click();
    expect(moves).to.deep.equal([[]]);
  });
});
