/**
 * `<kb-reports>`' two blocks: the form (filters, group-by builder, currency, Show report) and the
 * report itself (chart, conversion notes, sort controls, table, pager).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../internal/i18n.ts';
import { formatDay } from '../../internal/statistics/format.ts';
import { renderGroupBy, type GroupByView } from './group-by-builder.ts';
import type { ReportChart } from './report-chart.ts';
import { renderCurrencyFields, renderFilterFields, type FiltersView } from './report-filters.ts';
import { renderPager, renderReportTable, renderSortControls, type TableView } from './report-table.ts';

export interface FormView {
  filters: FiltersView;
  groupBy: GroupByView;
  onSubmit(event: Event): void;
}

export function renderReportForm({ filters, groupBy, onSubmit }: FormView): TemplateResult {
  return html`<form part="filters" aria-label=${filters.m('filters')} novalidate @submit=${onSubmit}>
    <div part="filter-fields">${renderFilterFields(filters)}</div>
    ${renderGroupBy(groupBy)}
    <div part="currency-fields">${renderCurrencyFields(filters)}</div>
    <div part="actions"><button part="button primary show" type="submit">${filters.m('show')}</button></div>
  </form>`;
}

/** The chart (when there is one), what the conversion did, then the table with its controls. */
export function renderReportBody(table: TableView, chart: ReportChart | null, locale: Locale): TemplateResult {
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
