/**
 * What a report screen (`<kb-reports>`, `<kb-operator-reports>`) shows once its options are in: the
 * form (filters, group-by builder, currency, Show report), the columns chooser, and the report
 * (chart, conversion notes, sort controls, table, pager, then the billed commissions) or its empty,
 * loading and failed states.
 * The report controller hands in its state and actions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmptyState } from '../../empty-state.ts';
import type { Locale } from '../../i18n.ts';
import { formatDay } from '../format.ts';
import type { StatisticsLabels } from '../statistics-labels.ts';
import { BILLED_METRICS, type Report, type ReportOptions } from '../statistics-types.ts';
import { renderColumns, type ReportColumns } from './column-chooser.ts';
import { renderCommissions } from './report-commissions.ts';
import { renderGroupBy } from './group-by-builder.ts';
import type { ReportsKey } from './report.messages.ts';
import type { ReportChart } from './report-chart.ts';
import { renderCurrencyFields, renderFilterFields, type FiltersView } from './report-filters.ts';
import { moved, type ReportSetup, type ReportView } from './report-setup.ts';
import { renderPager, renderReportTable, renderSortControls, type TableView } from './report-table.ts';

/** The words and formats every part of the screen uses, in the reader's language. */
export interface ReportLabels extends StatisticsLabels {
  m(key: ReportsKey, params?: Record<string, string | number>): string;
}

export interface ScreenView {
  labels: ReportLabels;
  /** Whose screen: a partner's own traffic, or the operator's (every partner's). */
  audience: 'partner' | 'operator';
  options: ReportOptions;
  /** The form's values; `current()` is the same, read when an edit lands (edits between renders build up). */
  setup: ReportSetup;
  current(): ReportSetup;
  problems: Record<string, string | undefined>;
  columns: ReportColumns;
  report: Report | null;
  chart: ReportChart | null;
  view: ReportView;
  loading: boolean;
  error: string | null;
  /** The shown report was asked with filters (its empty state offers to clear them). */
  filtered: boolean;
  /** The shared words: Retry, Clear filters. */
  retryLabel: string;
  clearLabel: string;
  loadingNote: TemplateResult;
  change(change: Partial<ReportSetup>): void;
  submit(event: Event): void;
  sortBy(key: string, order?: 'asc' | 'desc'): void;
  page(offset: number, limit?: number): void;
  retry(): void;
  clearFilters(): void;
  /** The partner's way to a tracking link when the period has no clicks (none on the operator's screen). */
  openCampaigns?: () => void;
  /** The report as a file (the element's download control), shown with the report. */
  download?: TemplateResult | undefined;
}

export function renderReportScreen(v: ScreenView): TemplateResult {
  const { labels, options, columns } = v;
  return html`<h2 part="heading">${labels.m('heading')}</h2>
    <p part="hint">${labels.m(v.audience === 'operator' ? 'intro.operator' : 'intro', { timeZone: options.timeZone })}</p>
    ${renderForm(v)}
    ${renderColumns({
      ...labels,
      available: options.metrics,
      chosen: columns.chosen,
      announcement: columns.announcement,
      drag: columns.drag,
      toggle: columns.toggle,
      move: columns.move,
    })}
    ${renderResults(v)}`;
}

function renderForm(v: ScreenView): TemplateResult {
  const { labels, options, setup } = v;
  const filters: FiltersView = {
    ...labels,
    options,
    setup,
    errors: v.problems,
    changePeriod: (change) => v.change({ period: { ...v.current().period, ...change } }),
    changeFilters: (change) => v.change({ filters: { ...v.current().filters, ...change } }),
    changeSetup: (change) => v.change(change),
  };
  return html`<form part="filters" aria-label=${labels.m('filters')} novalidate @submit=${v.submit}>
    <div part="filter-fields">${renderFilterFields(filters)}</div>
    ${renderGroupBy({
      ...labels,
      options,
      groupBy: setup.groupBy,
      parameter: setup.parameter,
      parameterError: v.problems.parameter,
      move: (from, to) => v.change({ groupBy: moved(v.current().groupBy, from, to) }),
      remove: (i) => v.change({ groupBy: v.current().groupBy.filter((_, j) => j !== i) }),
      add: (g) => v.change({ groupBy: [...v.current().groupBy, g] }),
      setParameter: (parameter) => v.change({ parameter }),
    })}
    <div part="currency-fields">${renderCurrencyFields(filters)}</div>
    <div part="actions"><button part="button primary show" type="submit">${labels.m('show')}</button></div>
  </form>`;
}

function renderResults(v: ScreenView): TemplateResult {
  const { report, labels } = v;
  const alert = html`<div part="error" role="alert">${
    v.error
      ? html`<p part="error-detail">${v.error}</p>
          <button part="button retry" type="button" @click=${v.retry}>${v.retryLabel}</button>`
      : nothing
  }</div>`;
  if (!report) return html`<div part="results">${alert}${v.error ? nothing : v.loadingNote}</div>`;
  const table: TableView = {
    ...labels,
    total: labels.s('total'),
    report,
    metrics: v.columns.chosen.filter((m) => report.metrics.includes(m)),
    view: v.view,
    busy: v.loading,
    sortBy: v.sortBy,
    page: v.page,
  };
  return html`<div part="results" aria-busy=${v.loading ? 'true' : 'false'}>
    ${alert}
    <p part="status" role="status">${v.loading ? labels.m('updating') : nothing}</p>
    ${v.download ?? nothing}
    ${report.total === 0 && report.rows.length === 0 ? renderEmpty(v) : renderReportBody(table, v.chart, labels.locale)}
    ${renderCommissions(
      labels,
      report.commissions,
      v.audience,
      BILLED_METRICS.some((b) => table.metrics.includes(b)) && !rowsAreWholeBills(report),
    )}
  </div>`;
}

/**
 * The server's rule for billed columns per row (report-commissions.ts): no finer filter (the
 * commissions block is there), grouped by month, year, partner, brand or plan only.
 */
const BILL_GROUPINGS: readonly string[] = ['month', 'year', 'partner', 'brand', 'plan'];
const rowsAreWholeBills = (report: Report) =>
  report.commissions !== null && report.groupBy.every((g) => BILL_GROUPINGS.includes(g));

/** Filtered: no match and Clear filters; otherwise nothing yet, and (for a partner) the way to a tracking link. */
function renderEmpty(v: ScreenView): TemplateResult {
  const { m } = v.labels;
  if (v.filtered)
    return renderEmptyState({
      message: m('empty'),
      action: { label: v.clearLabel, part: 'clear-filters', onClick: v.clearFilters },
    });
  const { openCampaigns } = v;
  return renderEmptyState({
    message: m('nothingYet'),
    hint: m(v.audience === 'operator' ? 'nothingYetHint.operator' : 'nothingYetHint'),
    action: openCampaigns ? { label: m('openCampaigns'), part: 'open-campaigns', onClick: openCampaigns } : null,
  });
}

/** The chart (when there is one), what the conversion did, then the table with its controls. */
function renderReportBody(table: TableView, chart: ReportChart | null, locale: Locale): TemplateResult {
  const { currency } = table.report;
  return html`${
    chart
      ? html`<kb-stats-chart part="chart" .kind=${chart.kind} .heading=${chart.heading} .labels=${chart.labels}
          .series=${chart.series}></kb-stats-chart>`
      : nothing
  }
    ${
      currency.mode === 'converted' && currency.currency
        ? html`<p part="note">${table.m('converted', {
            currency: currency.currency,
            date: currency.ratesDate ? formatDay(locale, currency.ratesDate) : '—',
          })}</p>`
        : nothing
    }
    ${
      currency.missingRates.length
        ? html`<p part="warning">${table.m('missingRates', { currencies: currency.missingRates.join(', ') })}</p>`
        : nothing
    }
    ${renderSortControls(table)} ${renderReportTable(table)} ${renderPager(table)}`;
}
