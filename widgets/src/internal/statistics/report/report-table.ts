/**
 * The report's table (the responsive pattern: columns hide by priority as the table narrows, the
 * partner's first columns last; rows become cards on a phone): one column per grouping, then the
 * chosen metrics in their order, a totals row, headers that sort, and the pager. On a phone the
 * headers are out of sight, so a Sort by select does their job there.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { selectField } from '../../campaign/campaign-fields.ts';
import { cell, columns, scrollRegion, type Column, type ColumnSpec } from '../../responsive-table.ts';
import type { Grouping, Metric, MetricValue, Report, ReportRow } from '../statistics-types.ts';
import type { ReportsKey } from './report.messages.ts';
import { PAGE_SIZES, type ReportView } from './report-setup.ts';

export interface TableView {
  m(key: ReportsKey, params?: Record<string, string | number>): string;
  total: string;
  formatCount(n: number): string;
  groupingLabel(g: Grouping): string;
  metricLabel(metric: Metric): string;
  keyLabel(row: ReportRow, grouping: Grouping): string;
  renderValue(metric: Metric, value: MetricValue | undefined): TemplateResult;
  report: Report;
  /** The chosen columns, in order (those the answer carries). */
  metrics: readonly Metric[];
  view: ReportView;
  busy: boolean;
  sortBy(key: string, order?: 'asc' | 'desc'): void;
  page(offset: number, limit?: number): void;
}

/**
 * A metric column's priority by its place in the table (groupings first, never hidden: a hidden one
 * would make rows look repeated): four columns always, six from 48rem, eight from 60rem, all from
 * 72rem; the partner's first metric always shows.
 */
function priorityOf(groupings: number, index: number): Column['priority'] {
  const position = groupings + index;
  if (index === 0 || position < 4) return 1;
  return position < 6 ? 2 : position < 8 ? 3 : 4;
}

function header(v: TableView, key: string, col: Column, metric: boolean): TemplateResult {
  const sorted = v.view.sort === key;
  const ariaSort = sorted ? (v.view.order === 'asc' ? 'ascending' : 'descending') : nothing;
  const next = sorted && v.view.order === 'desc' ? 'asc' : sorted ? 'desc' : undefined;
  const arrow = sorted ? (v.view.order === 'asc' ? '▲' : '▼') : '';
  return html`<th part=${metric ? 'header-cell metric-header' : 'header-cell'} scope="col" aria-sort=${ariaSort} data-priority=${col.priority > 1 ? String(col.priority) : nothing}
    data-sort-key=${key}>
    <button part=${sorted ? 'sort-button sort-button-active' : 'sort-button'} type="button"
      aria-label=${v.m('sortColumn', { name: col.label })} @click=${() => v.sortBy(key, next)}>${col.label}<span part="sort-arrow" aria-hidden="true">${arrow}</span></button>
    <span part="sort-label">${col.label}</span>
  </th>`;
}

export function renderReportTable(v: TableView): TemplateResult {
  const { report, metrics } = v;
  const groupings = report.groupBy;
  const specs: Record<string, ColumnSpec> = {};
  groupings.forEach((g, i) => {
    specs[`g:${g}`] = i === 0 ? { label: v.groupingLabel(g), primary: true } : { label: v.groupingLabel(g) };
  });
  metrics.forEach((metric, i) => {
    specs[`m:${metric}`] = { label: v.metricLabel(metric), priority: priorityOf(groupings.length, i) };
  });
  const cols = columns(specs);
  const col = (key: string) => (cols as unknown as Record<string, Column>)[key]!;
  const metricCells = (values: Report['totals']) =>
    metrics.map(
      (metric) =>
        html`<td part=${`cell metric-cell metric-${metric}`} ${cell(col(`m:${metric}`))}>${v.renderValue(metric, values[metric])}</td>`,
    );
  const totalsTitle = html`<th part="cell total-label" scope="row">${v.total}</th>`;
  return html`<div part="table-wrap" ${scrollRegion(v.m('table'))}>
    <table part="report-table" aria-busy=${v.busy ? 'true' : 'false'}>
      <thead><tr part="header-row">
        ${groupings.map((g) => header(v, g, col(`g:${g}`), false))}
        ${metrics.map((metric) => header(v, metric, col(`m:${metric}`), true))}
      </tr></thead>
      <tbody>
        ${report.rows.map(
          (row) => html`<tr part="report-row" data-key=${groupings.map((g) => row.key[g] ?? '').join('|')}>
            ${groupings.map((g, i) =>
              i === 0
                ? html`<th part=${`cell grouping-cell grouping-${g}`} scope="row" ${cell(col(`g:${g}`))}>${v.keyLabel(row, g)}</th>`
                : html`<td part=${`cell grouping-cell grouping-${g}`} ${cell(col(`g:${g}`))}>${v.keyLabel(row, g)}</td>`,
            )}
            ${metricCells(row.values)}
          </tr>`,
        )}
        <tr part="totals-row">
          ${groupings.length ? totalsTitle : nothing}
          ${groupings.slice(1).map((g) => html`<td part="cell" ${cell(col(`g:${g}`))}></td>`)}
          ${groupings.length ? nothing : totalsTitle}
          ${metricCells(report.totals)}
        </tr>
      </tbody>
    </table>
  </div>`;
}

/** Sort by and its order, for the card layout (the headers' buttons are out of sight there). */
export function renderSortControls(v: TableView): TemplateResult {
  const keys: Array<readonly [string, string]> = [
    ['', v.m('sortDefault')],
    ...v.report.groupBy.map((g) => [g, v.groupingLabel(g)] as const),
    ...v.metrics.map((metric) => [metric, v.metricLabel(metric)] as const),
  ];
  return html`<div part="sort-controls">
    ${selectField({
      id: 'report-sort',
      name: 'sort',
      label: v.m('sortBy'),
      value: v.view.sort,
      options: keys,
      onChange: (sort) => v.sortBy(sort, v.view.order),
    })}
    ${
      v.view.sort
        ? selectField({
            id: 'report-order',
            name: 'order',
            label: v.m('order'),
            value: v.view.order,
            options: [
              ['desc', v.m('order.desc')],
              ['asc', v.m('order.asc')],
            ],
            onChange: (order) => v.sortBy(v.view.sort, order === 'asc' ? 'asc' : 'desc'),
          })
        : nothing
    }
  </div>`;
}

/** "Rows 51–100 of 230", Previous and Next, rows per page. */
export function renderPager(v: TableView): TemplateResult {
  const { limit, offset } = v.view;
  const { total, rows } = v.report;
  const from = total === 0 ? 0 : offset + 1;
  const to = offset + rows.length;
  return html`<nav part="pager" aria-label=${v.m('paging')}>
    <p part="page-status">${v.m('rows', { from: v.formatCount(from), to: v.formatCount(to), total: v.formatCount(total) })}</p>
    <div part="actions">
      <button part="button previous" type="button" ?disabled=${offset === 0}
        @click=${() => v.page(Math.max(0, offset - limit))}>${v.m('previous')}</button>
      <button part="button next" type="button" ?disabled=${to >= total}
        @click=${() => v.page(offset + limit)}>${v.m('next')}</button>
    </div>
    ${selectField({
      id: 'report-limit',
      name: 'limit',
      label: v.m('pageSize'),
      value: String(limit),
      // A link's own page size joins the usual ones.
      options: [...new Set([...PAGE_SIZES, limit])].sort((a, b) => a - b).map((n) => [String(n), String(n)] as const),
      onChange: (n) => v.page(0, Number(n)),
    })}
  </nav>`;
}
