/**
 * `<kb-operator-reports>`: the operator console's performance report over all the operator's
 * partners — the partner portal's report screen (filters, nested groupings, columns, chart, totals,
 * sorting, paging, currency conversion, billed commissions) with the partner as a filter and a grouping, asked through
 * the operator's own backend (`api-base` forwards `/v1/reports/performance`, its `/export` and `/v1/reports/options`
 * with the secret key added). The columns are kept in this browser per `api-base`; the question is
 * not written to the page's address (the console is one element on the operator's admin page,
 * whose address is the admin's own).
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { commonMessages } from '../../internal/account/account-section.messages.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { expectOk } from '../../internal/api-client.ts';
import { campaignMessages } from '../../internal/campaign/campaign.messages.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import { localeContext } from '../../internal/contexts.ts';
import { createLocaleState } from '../../internal/i18n.ts';
import { ReportController } from '../../internal/statistics/report/report-controller.ts';
import { ReportDownload } from '../../internal/statistics/report/report-download.ts';
import { columnsKey } from '../../internal/statistics/report/report-setup.ts';
import { reportsStyles } from '../../internal/statistics/report/report.styles.ts';
import { statisticsStyles } from '../../internal/statistics/statistics.styles.ts';

/**
 * The operator's performance report (every partner). Attributes: `api-base` (the operator backend's
 * prefix that forwards to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 * Uses `<kb-stats-chart>` (defined by kabinet-operator.js).
 *
 * @csspart heading, hint - The heading and help text. @csspart filters, filter-fields, field, label, input, field-error - The form.
 * @csspart fieldset, group-by, grouping-list, grouping, grouping-name, add-grouping, row-actions, move-up, move-down, remove - Group by.
 * @csspart currency-fields, actions, button, primary, show, retry - Currency, rates date and buttons.
 * @csspart columns-panel, columns-summary, column-list, column, drag-handle, checkbox, column-name, move-status - Columns.
 * @csspart results, chart, note, warning, sort-controls, status, error, error-detail - The report around its table.
 * @csspart table-wrap, report-table, header-row, header-cell, sort-button, sort-arrow, sort-label - The table and headers.
 * @csspart report-row, totals-row, cell, grouping-cell, metric-cell, value, amount-line - Rows (`grouping-partner`: partner names).
 * @csspart download, download-format, download-report, download-status, save-file, download-error - The download control.
 * @csspart pager, page-status, previous, next - Paging. @csspart empty, empty-message, empty-hint, empty-action, clear-filters - No data.
 * @csspart commissions, commissions-caption, commissions-note, commissions-none, commission-cards, commission-card, commission-list,
 *   commission-kind, commission-total, commission-name, commission-value - The billed commissions (as `<kb-reports>`).
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-link, --kb-color-primary, --kb-color-on-primary - Chart, drop marker and primary button.
 * @cssproperty --kb-color-danger, --kb-color-danger-bg, --kb-color-warning, --kb-color-warning-bg - Errors and missing rates.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbOperatorReports extends ConsoleElement {
  static override styles = [accountSectionStyles, campaignStyles, statisticsStyles, reportsStyles];

  /** The chart reads the language from the portal's context; in the console this element gives it. */
  private readonly localeProvider = new ContextProvider(this, {
    context: localeContext,
    initialValue: createLocaleState(this.uiLocale),
  });
  private readonly screen = new ReportController(this, {
    locale: () => this.uiLocale,
    fetchOptions: () => expectOk(this.api.client.v1.reports.options.$get()),
    fetchReport: (query) => expectOk(this.api.client.v1.reports.performance.$get({ query })),
    failure: (error) => this.failure(error),
  });
  /** The shown report as a file, through the console's backend like every other call. */
  private readonly download = new ReportDownload(this, {
    question: () => this.screen.question,
    fetchFile: async (query) =>
      (await this.api.client.v1.reports.performance.export.$get({ query })) as unknown as Response,
    failure: (error) => this.failure(error),
    labels: () => this.screen.labels,
  });
  /** The `api-base` the shown options came from. */

  protected get networkErrorMessage(): string {
    return commonMessages(this.uiLocale, 'error.network');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.localeProvider.value.locale !== this.uiLocale)
      this.localeProvider.setValue(createLocaleState(this.uiLocale));
  }

  protected override apiBaseChanged(): void {
    void this.load();
  }

  private load(): Promise<void> {
    return this.screen.load(columnsKey('operator-console', this.apiBase));
  }

  protected override render(): TemplateResult {
    const locale = this.uiLocale;
    return this.screen.render({
      audience: 'operator',
      download: this.download.render(),
      retryLabel: commonMessages(locale, 'retry'),
      clearLabel: campaignMessages(locale, 'clearFilters'),
      loadingNote: html`<p part="status" role="status" aria-busy="true">${commonMessages(locale, 'loading')}</p>`,
      loadError: (message) => html`<div part="error" role="alert">
        <p part="error-detail">${message}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${commonMessages(locale, 'retry')}</button>
      </div>`,
    });
  }
}
