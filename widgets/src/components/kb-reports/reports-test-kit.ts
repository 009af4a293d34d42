/**
 * Test-only fixtures of `<kb-reports>`' browser tests: a report answer built from the query (two
 * days, 120 rows in all; the chart's one-metric answer those days), and what the tests read and
 * click. Nothing outside *.test.ts imports this.
 */
import { $in } from '../../internal/test-helpers.ts';
import type { ApiMock } from '../../internal/account/account-test-kit.ts';
import { REPORT_PATH, report, row } from '../../internal/statistics/statistics-test-kit.ts';
import type { Report } from '../../internal/statistics/statistics-types.ts';

export const COLUMNS = 'clicks,registrations,cr,ftdCount,ftdAmount,depositAmount,ngr';
/** The table's answer: two days, a total of 120 rows; the chart's (one metric): those days. */
export function answer(q: URLSearchParams): Report {
  const groupBy = (q.get('groupBy') ?? '').split(',').filter(Boolean) as Report['groupBy'];
  const metrics = (q.get('metrics') ?? '').split(',') as Report['metrics'];
  const converted = q.get('currency');
  const money = (eur: string, usd: string) => (converted ? { [converted]: eur } : { EUR: eur, USD: usd });
  const values = (clicks: number): Report['totals'] => ({
    clicks,
    registrations: clicks / 10,
    cr: clicks ? 10 : null,
    ftdCount: 2,
    ftdAmount: money('1250.50', '14.00'),
    depositAmount: money('3000.00', '20.00'),
    ngr: money('-3.20', '0.00'),
  });
  const pick = (v: Report['totals']) => Object.fromEntries(metrics.map((m) => [m, v[m] ?? null]));
  const key = (day: string) => Object.fromEntries(groupBy.map((g) => [g, g === 'day' ? day : `${g}_1`]));
  const labels = Object.fromEntries(groupBy.filter((g) => g === 'campaign').map((g) => [g, 'Summer push']));
  return report({
    groupBy,
    metrics,
    currency: converted
      ? { mode: 'converted', currency: converted, ratesDate: q.get('ratesDate') ?? '2026-11-30', missingRates: [] }
      : { mode: 'each', currency: null, ratesDate: null, missingRates: [] },
    rows: [row(key('2026-11-02'), pick(values(40)), labels), row(key('2026-11-05'), pick(values(0)), labels)],
    totals: pick(values(40)),
    total: metrics.length === 1 ? 2 : 120,
  });
}
export const tableCalls = (api: ApiMock) =>
  api.sent(`GET ${REPORT_PATH}`).filter((r) => r.query.get('metrics') !== 'clicks');
export const headers = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="report-table"] [part~="header-cell"] [part~="sort-label"]')].map(
    (h) => h.textContent,
  );
export const submit = (el: Element) => $in<HTMLButtonElement>(el, '[part~="show"]').click();
/** The options of a multi-select filter (`campaignId`, `country`) by their names. */
export const multiOptions = (el: Element, key: string) =>
  [...el.shadowRoot!.querySelectorAll(`#report-${key} [part~="multi-option"]`)].map((o) => o.textContent?.trim());
/** Ticks (or unticks) one value of a multi-select filter, as a click would. */
export function tick(el: Element, key: string, value: string): void {
  $in<HTMLInputElement>(el, `#report-${key} input[value="${value}"]`).click();
}
