import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { darkTokens } from '../../themes/dark.ts';
import type { SectionRoute } from '../../internal/router.ts';
import { mountStatistics } from '../../internal/statistics/statistics-test-kit.ts';
import { KbSubaffiliateReport, type SubAffiliateReport } from './kb-subaffiliate-report.ts';

define('kb-subaffiliate-report', KbSubaffiliateReport);

const REPORT = 'GET /v1/partner/reports/sub_affiliates';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const METRICS = ['clicks', 'registrations', 'ftdCount', 'depositAmount', 'ngr'] as const;

const values = (clicks: number, registrations: number, ftd: number, deposits: object, ngr: object) => ({
  clicks,
  registrations,
  ftdCount: ftd,
  depositAmount: deposits as Record<string, string>,
  ngr: ngr as Record<string, string>,
});
const partner = (id: string, name: string, status: 'active' | 'pending' = 'active') => ({
  id,
  name,
  status,
  signedUpAt: '2026-10-02T10:00:00.000Z',
});

const TREE: SubAffiliateReport = {
  period: { from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Malta' },
  metrics: [...METRICS],
  rowsPerLevel: 100,
  complete: true,
  levels: [
    {
      level: 1,
      subAffiliates: 3,
      values: values(1234, 5, 2, { EUR: '140.00', USD: '10.50' }, { EUR: '1250.50' }),
      earned: { EUR: '50.02', USD: '1.05' },
      rows: [
        {
          partner: partner('p_alpha', 'Alpha Media'),
          values: values(1230, 5, 2, { EUR: '140.00', USD: '10.50' }, { EUR: '1250.50' }),
          earned: { EUR: '50.02', USD: '1.05' },
        },
        { partner: partner('p_delta', 'Delta Deals', 'pending'), values: values(4, 0, 0, {}, {}), earned: {} },
      ],
    },
    {
      level: 2,
      subAffiliates: 1,
      values: values(2, 1, 1, { EUR: '60.00' }, { EUR: '400.00' }),
      earned: { EUR: '8.00' },
      rows: [
        {
          partner: partner('p_beta', 'Beta Traffic'),
          values: values(2, 1, 1, { EUR: '60.00' }, { EUR: '400.00' }),
          earned: { EUR: '8.00' },
        },
      ],
    },
  ],
  totals: {
    subAffiliates: 4,
    values: values(1236, 6, 3, { EUR: '200.00', USD: '10.50' }, { EUR: '1650.50' }),
    earned: { EUR: '58.02', USD: '1.05' },
  },
};
const EMPTY: SubAffiliateReport = {
  ...TREE,
  levels: [],
  totals: { subAffiliates: 0, values: values(0, 0, 0, {}, {}), earned: {} },
};

function reportApi(answer: (q: URLSearchParams) => Response | SubAffiliateReport): ApiMock {
  return mockApi(({ method, path, query: q }) => {
    if (`${method} ${path}` !== REPORT) return undefined;
    const a = answer(q);
    return a instanceof Response ? a : json(a);
  });
}
async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbSubaffiliateReport>('kb-subaffiliate-report', { locale });
  return el;
}
const levelOf = (el: Element, level: number) => query(el, `[part~="level"][data-level="${level}"]`)!;
const cellOf = (row: Element | null | undefined, part: string) => text(row?.querySelector(`[part~="${part}"]`));
/** A cell's values, one per currency line. */
const linesOf = (node: Element | null | undefined) => [...(node?.querySelectorAll('[part~="value"]') ?? [])].map(text);

describe('<kb-subaffiliate-report>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 1200, height: 800 });
  });

  it('shows each level with its totals and sub-affiliates, amounts per currency, and the overall totals', async () => {
    await setViewport({ width: 1400, height: 900 });
    api = reportApi(() => TREE);
    const el = await mounted();
    await find(el, '[part~="level"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Sub-affiliates report');
    expect(text($in(el, '[part~="time-zone"]'))).to.include('Europe/Malta');
    expect(text($in(el, '[part~="period"]'))).to.equal('Period: Nov 1 – 30, 2026');
    expect(api.sent(REPORT)[0]!.query.get('period')).to.equal('last_30_days');

    const overall = (item: string) =>
      text(query(el, `[part~="overall"] [data-item="${item}"] [part~="summary-value"]`));
    expect(overall('subAffiliates')).to.equal('4');
    expect(overall('clicks')).to.equal('1,236');
    expect(linesOf(query(el, '[part~="overall"] [data-item="earned"]'))).to.deep.equal(['€58.02', '$1.05']);

    const one = levelOf(el, 1);
    expect(text(one.querySelector('[part~="level-heading"]'))).to.equal('Level 1 3 sub-affiliates');
    expect(text(one.querySelector('[part~="note"]'))).to.equal(
      'The 2 most active of 3 are listed; the level’s total covers all of them.',
    );
    const rows = [...one.querySelectorAll('[part~="row"]')];
    expect(rows.map((r) => r.getAttribute('data-partner-id'))).to.deep.equal(['p_alpha', 'p_delta']);
    expect(cellOf(rows[0], 'partner')).to.equal('Alpha Media');
    expect(cellOf(rows[0], 'metric-clicks')).to.equal('1,230');
    expect(linesOf(rows[0]!.querySelector('[part~="metric-depositAmount"]'))).to.deep.equal(['€140.00', '$10.50']);
    expect(linesOf(rows[0]!.querySelector('[part~="earned"]'))).to.deep.equal(['€50.02', '$1.05']);
    expect(cellOf(rows[1], 'status')).to.equal('Awaiting approval');
    expect(cellOf(rows[1], 'metric-ngr')).to.equal('—');
    expect(cellOf(rows[1], 'earned')).to.equal('—');
    const total = one.querySelector('[part~="totals-row"]');
    expect(cellOf(total, 'total-label')).to.equal('Level 1 total');
    expect(cellOf(total, 'metric-ngr')).to.equal('€1,250.50');
    expect(linesOf(total!.querySelector('[part~="earned"]'))).to.deep.equal(['€50.02', '$1.05']);
    expect(text(levelOf(el, 2).querySelector('[part~="level-heading"]'))).to.equal('Level 2 1 sub-affiliate');
    expect(levelOf(el, 2).querySelector('[part~="note"]'), 'every row shown').to.equal(null);
    // Headers name the metrics the server sent, no more.
    const headers = [...one.querySelectorAll('[part~="header-cell"]')].map((h) => text(h));
    expect(headers).to.have.length(3 + METRICS.length + 1);
    expect(text($in(el, '[part~="results"] > [part~="note"]'))).to.include('bills whose period starts in these dates');
  });

  it('asks for another period, refuses custom dates out of order before asking', async () => {
    api = reportApi((q) =>
      q.get('period') === 'custom'
        ? { ...TREE, period: { ...TREE.period, from: q.get('from')!, to: q.get('to')! } }
        : TREE,
    );
    const el = await mounted();
    await find(el, '[part~="level"]');
    fill($in<HTMLSelectElement>(el, '#sar-period'), 'custom');
    await el.updateComplete;
    fill($in<HTMLInputElement>(el, '#sar-from'), '2026-11-10');
    fill($in<HTMLInputElement>(el, '#sar-to'), '2026-11-01');
    $in<HTMLButtonElement>(el, '[part~="show"]').click();
    await el.updateComplete;
    expect(api.sent(REPORT)).to.have.length(1);
    expect(textOf(el)).to.include('before');
    fill($in<HTMLInputElement>(el, '#sar-to'), '2026-11-12');
    $in<HTMLButtonElement>(el, '[part~="show"]').click();
    await waitFor(() => api!.sent(REPORT).length === 2, 1000, 'second ask');
    const q = api.sent(REPORT)[1]!.query;
    expect([q.get('period'), q.get('from'), q.get('to')]).to.deep.equal(['custom', '2026-11-10', '2026-11-12']);
    await waitFor(() => text(query(el, '[part~="period"]')).includes('10'), 1000, 'new dates shown');
    expect(text($in(el, '[part~="period"]'))).to.equal('Period: Nov 10 – 12, 2026');
  });

  it('with no sub-affiliates says how to get them and links to the Sub-affiliates page', async () => {
    api = reportApi(() => EMPTY);
    const el = await mounted();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(text(empty.querySelector('[part~="empty-message"]'))).to.equal('You have no sub-affiliates yet.');
    expect(text(empty.querySelector('[part~="empty-hint"]'))).to.include('referral code or link');
    const link = empty.querySelector<HTMLAnchorElement>('[part~="empty-action"]')!;
    expect(link.getAttribute('href')).to.equal('#/sub-affiliates');
    expect(text(link)).to.equal('Get your referral link');
    expect(query(el, '[part~="level-table"]')).to.equal(null);
  });

  it('shows a failure with a retry', async () => {
    let fail = true;
    api = reportApi(() => (fail ? problem(500, 'internal', 'Something went wrong') : TREE));
    const el = await mounted();
    const retry = await find<HTMLButtonElement>(el, '[part~="retry"]');
    fail = false;
    retry.click();
    await find(el, '[part~="level"]');
    expect(query(el, '[part~="error"]')).to.equal(null);
  });

  it('speaks Russian', async () => {
    api = reportApi(() => TREE);
    const el = await mounted('ru');
    await find(el, '[part~="level"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Отчёт по субпартнёрам');
    expect(text(levelOf(el, 1).querySelector('[part~="level-count"]'))).to.equal('3 субпартнёра');
    expect(text(levelOf(el, 2).querySelector('[part~="level-count"]'))).to.equal('1 субпартнёр');
    const row = levelOf(el, 1).querySelector('[part~="row"]');
    expect(linesOf(row!.querySelector('[part~="earned"]')).map((l) => l.replace(/\s/g, ' '))).to.deep.equal([
      '50,02 €',
      '1,05 $',
    ]);
    expect(cellOf(levelOf(el, 1).querySelector('[part~="totals-row"]'), 'total-label')).to.equal('Итого по уровню 1');
  });

  it('390 px in the dark theme: rows and totals are cards, nothing wider than the screen', async () => {
    await setViewport({ width: 390, height: 844 });
    api = reportApi(() => TREE);
    const el = await mounted();
    el.setAttribute('style', darkTokens.cssText.replace(/\n/g, ' '));
    await find(el, '[part~="level"]');
    const row = query(el, '[part~="row"]')!;
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(getComputedStyle(query(el, '[part~="totals-row"]')!).display).to.equal('grid');
    const earned = row.querySelector('[part~="earned"]')!;
    expect(getComputedStyle(earned, '::before').content).to.include('Earned');
    expect(getComputedStyle(query(el, '[part~="partner"]')!).color).to.equal('rgb(232, 234, 238)');
    for (const wrap of el.shadowRoot!.querySelectorAll('[part~="table-wrap"]'))
      expect(wrap.scrollWidth).to.be.at.most(wrap.clientWidth + 1);
    expect(el.scrollWidth).to.be.at.most(390);
    expect(el.getBoundingClientRect().right).to.be.at.most(390);
  });

  it('keeps the dates in the portal’s address: opens with them, writes new ones, follows Back', async () => {
    api = reportApi(() => TREE);
    const moves: Array<{ path: string[]; query: string | undefined }> = [];
    const at = (address: string): SectionRoute => ({
      route: { section: 'reports', path: ['sub_affiliates'], query: address },
      go: (path, options) => void moves.push({ path: [...path], query: options?.query }),
    });
    const { el, providers } = await mountStatistics<KbSubaffiliateReport>('kb-subaffiliate-report', {
      route: at('period=last_month'),
    });
    await find(el, '[part~="level"]');
    expect(api.sent(REPORT)[0]!.query.get('period')).to.equal('last_month');
    expect($in<HTMLSelectElement>(el, '#sar-period').value).to.equal('last_month');

    fill($in<HTMLSelectElement>(el, '#sar-period'), 'this_month');
    $in<HTMLButtonElement>(el, '[part~="show"]').click();
    await waitFor(() => api!.sent(REPORT).length === 2, 1000, 'asked again');
    expect(api.sent(REPORT)[1]!.query.get('period')).to.equal('this_month');
    expect(moves).to.deep.equal([{ path: ['sub_affiliates'], query: 'period=this_month' }]);

    providers.route.setValue(at('period=custom&from=2026-10-01&to=2026-10-31')); // Back to a link's dates
    await waitFor(() => api!.sent(REPORT).length === 3, 1000, 'followed the address');
    const q = api.sent(REPORT)[2]!.query;
    expect([q.get('period'), q.get('from'), q.get('to')]).to.deep.equal(['custom', '2026-10-01', '2026-10-31']);
    await el.updateComplete;
    expect($in<HTMLInputElement>(el, '#sar-from').value).to.equal('2026-10-01');
    // Another view of the section is the portal leaving: not followed.
    providers.route.setValue({ ...at('period=today'), route: { section: 'reports', path: [], query: 'period=today' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.sent(REPORT)).to.have.length(3);
  });
});
