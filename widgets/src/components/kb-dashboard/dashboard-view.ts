/**
 * What `<kb-dashboard>` draws: the period and campaign form, and from its answers the quick stats
 * cards (with the billed commission), the two charts' series (days without traffic as zeros), the campaign performance table
 * and the period's block around them (loading, failure with Retry, no traffic).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { Locale } from '../../internal/i18n.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { ChartSeries } from '../../internal/statistics/kb-stats-chart.ts';
import { renderCommissionTotals } from '../../internal/statistics/commissions.ts';
import { amountNumber, currenciesOf, formatDays, formatPeriodKey } from '../../internal/statistics/format.ts';
import { periodKeys } from '../../internal/statistics/period-keys.ts';
import { periodError, renderPeriodPicker, type PeriodChoice } from '../../internal/statistics/period-picker.ts';
import type { StatisticsKey } from '../../internal/statistics/statistics.messages.ts';
import type {
  Grouping,
  Metric,
  MetricValue,
  QuickStats,
  Report,
  ReportOptions,
  ReportRow,
  ReportValues,
} from '../../internal/statistics/statistics-types.ts';
import type { DashboardKey } from './kb-dashboard.messages.ts';

/** What the views need from the element. */
export interface DashboardView {
  locale: Locale;
  m(key: DashboardKey, params?: Record<string, string | number>): string;
  s(key: StatisticsKey, params?: Record<string, string | number>): string;
  metricLabel(metric: Metric): string;
  keyLabel(row: ReportRow, grouping: Grouping): string;
  renderValue(metric: Metric, value: MetricValue | undefined): TemplateResult;
}

export const CARD_METRICS: readonly Metric[] = ['clicks', 'registrations', 'ftdCount', 'ftdAmount'];
export const TRAFFIC_METRICS: readonly Metric[] = ['clicks', 'registrations'];
export const DEPOSIT_METRICS: readonly Metric[] = ['ftdCount', 'depositAmount'];
export const CAMPAIGN_METRICS: readonly Metric[] = ['clicks', 'registrations', 'ftdCount', 'depositAmount', 'ngr'];

/** The period picker and, when the partner has campaigns, the campaign select. */
export function renderFilters(
  v: DashboardView,
  options: ReportOptions,
  question: { choice: PeriodChoice; campaignId: string },
  on: { period(change: Partial<PeriodChoice>): void; campaign(id: string): void },
): TemplateResult {
  const { locale } = v;
  return html`<form part="filters" aria-label=${v.m('filters')} novalidate @submit=${(e: Event) => e.preventDefault()}>
      ${renderPeriodPicker({ id: 'dashboard', locale, value: question.choice, error: periodError(locale, question.choice), onChange: on.period })}
      ${
        options.campaigns.length > 0
          ? selectField({
              id: 'dashboard-campaign',
              name: 'campaignId',
              label: v.m('campaign'),
              value: question.campaignId,
              options: [['', v.m('allCampaigns')], ...options.campaigns.map((c) => [c.id, c.name] as const)],
              onChange: on.campaign,
            })
          : nothing
      }
    </form>`;
}

/**
 * The four quick stats cards: each period's dates and its values (only metrics the operator shows),
 * then its billed commission (per currency; a dash for none) with the note saying what "billed"
 * means, or why there is none with a campaign chosen (bills are per brand and plan).
 */
export function renderQuickStats(v: DashboardView, quick: QuickStats, metrics: readonly Metric[]): TemplateResult {
  const billed = quick.periods.some((p) => p.commissions);
  const perCampaign = quick.periods.some((p) => !p.commissions);
  return html`<section part="quick-stats" aria-labelledby="dashboard-quick">
    <h3 part="subheading" id="dashboard-quick">${v.m('quick')}</h3>
    <ul part="stat-cards">
      ${quick.periods.map((p) => {
        const range = formatDays(v.locale, p.from.slice(0, 10), p.to.slice(0, 10));
        return html`<li part="stat-card" data-period=${p.period}>
          <h4 part="stat-period">${v.s(`period.${p.period}`)}</h4>
          <p part="stat-range">${range}</p>
          <dl part="stat-list">
            ${metrics.map(
              (metric) => html`<div part="stat" data-metric=${metric}>
                <dt part="stat-name">${v.metricLabel(metric)}</dt>
                <dd part="stat-value">${v.renderValue(metric, p.values[metric])}</dd>
              </div>`,
            )}
            <div part="stat stat-commission" data-metric="commission" data-billed=${p.commissions ? 'yes' : 'no'}>
              <dt part="stat-name">${v.m('commission')} <span part="stat-caption">${v.s('commission.billed')}</span></dt>
              <dd part="stat-value">${renderCommissionTotals(v.locale, p.commissions)}</dd>
            </div>
          </dl>
        </li>`;
      })}
    </ul>
    <p part="hint commission-note" id="dashboard-commission-note">
      ${billed ? v.m('commissionNote') : nothing} ${perCampaign ? v.m('commissionPerCampaign') : nothing}
    </p>
  </section>`;
}

/** Chart labels and each key's row (keys with no row are zeros). */
function series(report: Report, grouping: Grouping, locale: Locale) {
  const byKey = new Map(report.rows.map((r) => [r.key[grouping] ?? '', r.values] as const));
  const keys =
    periodKeys(grouping, report.period.from, report.period.to) ?? [...byKey.keys()].sort((a, b) => a.localeCompare(b));
  return {
    labels: keys.map((k) => formatPeriodKey(locale, grouping, k, true)),
    rows: keys.map((k): ReportValues => byKey.get(k) ?? {}),
  };
}

const count = (values: ReportValues, metric: Metric): number => {
  const value = values[metric];
  return typeof value === 'number' ? value : 0;
};

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

/** Clicks and registrations (lines), FTD count and deposit amounts per currency (bars): those the operator shows. */
export function chartData(v: DashboardView, report: Report, grouping: Grouping, shown: readonly Metric[]) {
  const { labels, rows } = series(report, grouping, v.locale);
  const counts = (metrics: readonly Metric[]): ChartSeries[] =>
    metrics
      .filter((metric) => shown.includes(metric))
      .map((metric, i) => ({
        label: v.metricLabel(metric),
        values: rows.map((r) => count(r, metric)),
        // The second count (registrations, far fewer than clicks) on its own scale, on the right.
        axis: i === 0 ? 'count' : 'count-right',
      }));
  const amounts: ChartSeries[] = shown.includes('depositAmount')
    ? currenciesOf(rows, 'depositAmount').map((currency) => ({
        label: `${v.metricLabel('depositAmount')}, ${currency}`,
        values: rows.map((r) => amountNumber(r.depositAmount, currency)),
        axis: 'amount',
        currency,
      }))
    : [];
  return {
    traffic: { labels, series: counts(TRAFFIC_METRICS) } satisfies ChartData,
    deposits: { labels, series: [...counts(['ftdCount']), ...amounts] } satisfies ChartData,
  };
}

/** The campaign performance table (the responsive pattern: cards on a phone). */
export function renderCampaignTable(
  v: DashboardView,
  report: Report,
  shown: readonly Metric[],
  openReports: () => void,
): TemplateResult {
  const metrics = CAMPAIGN_METRICS.filter((metric) => shown.includes(metric));
  const cols = columns({
    campaign: { label: v.s('grouping.campaign'), primary: true },
    ...Object.fromEntries(
      metrics.map((metric, i) => [metric, { label: v.metricLabel(metric), priority: i < 3 ? 1 : 2 }] as const),
    ),
  });
  const byKey = cols as unknown as Record<string, (typeof cols.list)[number]>;
  return html`<div part="table-wrap" ${scrollRegion(v.m('campaignsTable'))}>
      <table part="campaign-table">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>
          ${report.rows.map(
            (row) => html`<tr part="campaign-row" data-campaign-id=${row.key.campaign ?? ''}>
              <th part="cell campaign-name" scope="row" ${cell(cols.campaign)}>${v.keyLabel(row, 'campaign')}</th>
              ${metrics.map(
                (metric) =>
                  html`<td part=${`cell metric-cell metric-${metric}`} ${cell(byKey[metric]!)}>${v.renderValue(metric, row.values[metric])}</td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      report.total > report.rows.length
        ? html`<div part="more">
            <p part="hint top-campaigns">${v.m('topCampaigns', { count: report.rows.length })}</p>
            <button part="button open-reports" type="button" @click=${openReports}>${v.m('openReports')}</button>
          </div>`
        : nothing
    }`;
}

/** The period's answers and what the block around them offers. */
export interface PeriodResults {
  /** The period per day (or week, month), for the charts; null while loading. */
  daily: { report: Report; grouping: Grouping } | null;
  byCampaign: Report | null;
  /** The charts' series of `daily` (the element keeps them while the answer stays: no redraw). */
  charts(daily: { report: Report; grouping: Grouping }): ReturnType<typeof chartData>;
  /** The metrics the operator shows this partner. */
  metrics: readonly Metric[];
  campaignId: string;
  loading: boolean;
  error: string | null;
  retryLabel: string;
  retry(): void;
  allCampaigns(): void;
  openCampaigns(): void;
  openReports(): void;
}

/** The charts and the campaign table; loading, a failure with Retry, or no traffic instead when so. */
export function renderResults(v: DashboardView, r: PeriodResults): TemplateResult {
  const { daily, byCampaign } = r;
  let content: TemplateResult | typeof nothing = nothing;
  if (!daily || !byCampaign) {
    content = r.error ? nothing : html`<p part="status" role="status">${v.m('loadingPeriod')}</p>`;
  } else if (daily.report.rows.length === 0) {
    content = r.campaignId
      ? renderEmptyState({
          message: v.m('noCampaignTraffic'),
          action: { label: v.m('allCampaignsAction'), part: 'all-campaigns', onClick: r.allCampaigns },
        })
      : renderEmptyState({
          message: v.m('noTraffic'),
          hint: v.m('noTrafficHint'),
          action: { label: v.m('openCampaigns'), part: 'open-campaigns', onClick: r.openCampaigns },
        });
  } else {
    const charts = r.charts(daily);
    const unit = daily.grouping as 'day' | 'week' | 'month';
    content = html`<div part="charts">
        ${
          charts.traffic.series.length
            ? html`<kb-stats-chart part="chart-traffic" kind="line" .heading=${v.m(`chart.traffic.${unit}`)}
                .labels=${charts.traffic.labels} .series=${charts.traffic.series}></kb-stats-chart>`
            : nothing
        }
        ${
          charts.deposits.series.length
            ? html`<kb-stats-chart part="chart-deposits" kind="bar" .heading=${v.m(`chart.deposits.${unit}`)}
                .labels=${charts.deposits.labels} .series=${charts.deposits.series}></kb-stats-chart>`
            : nothing
        }
      </div>
      <section part="campaigns" aria-labelledby="dashboard-campaigns">
        <h3 part="subheading" id="dashboard-campaigns">${v.m('campaigns')}</h3>
        ${renderCampaignTable(v, byCampaign, r.metrics, r.openReports)}
      </section>`;
  }
  return html`<div part="results" aria-busy=${r.loading ? 'true' : 'false'}>
    <div part="error" role="alert">${
      r.error
        ? html`<p part="error-detail">${r.error}</p>
            <button part="button retry" type="button" @click=${r.retry}>${r.retryLabel}</button>`
        : nothing
    }</div>
    ${content}
  </div>`;
}
