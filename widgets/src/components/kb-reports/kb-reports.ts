/**
 * `<kb-reports>`: the performance report. Filters (relative or custom period, brand, plan, campaign,
 * promo, promo code, country, device, operating system, landing, traffic source; the values from the
 * options endpoint), up to four nested groupings in the chosen order, the partner's columns (chosen and
 * ordered by drag or keyboard, kept per operator and user), a chart of the first count column, a
 * totals row, sorting by a column, paging, and amounts per currency or converted to one at one
 * date's rates (the partner's default currency first).
 */
import type { TemplateResult } from 'lit';
import { fieldErrorsOf } from '../../internal/account/account-section.ts';
import { ApiError, type ApiClient } from '../../internal/api-client.ts';
import { alertMessage } from '../../internal/problem-messages.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { formatCount } from '../../internal/statistics/format.ts';
import { memoLast } from '../../internal/statistics/memo.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import { statisticsStyles } from '../../internal/statistics/statistics.styles.ts';
import {
  metricKind,
  type Grouping,
  type Metric,
  type MetricValue,
  type Report,
  type ReportOptions,
  type ReportRow,
} from '../../internal/statistics/statistics-types.ts';
import type { StatisticsKey } from '../../internal/statistics/statistics.messages.ts';
import { ReportColumns } from './column-chooser.ts';
import { reportsMessages, type ReportsKey } from './kb-reports.messages.ts';
import { reportsStyles } from './kb-reports.styles.ts';
import { DEFAULT_VIEW, ReportAddress, fromAddress, toAddress } from './report-address.ts';
import { buildChart, type ReportChart } from './report-chart.ts';
import { renderReportScreen, type ReportLabels } from './report-view.ts';
import {
  NO_FILTERS,
  chartMetric,
  chartQuery,
  columnsKey,
  hasFilterValues,
  initialSetup,
  reportQuery,
  setupProblems,
  type ReportSetup,
  type ReportView,
} from './report-setup.ts';

const isCount = (metric: Metric) => metricKind(metric) === 'count';
/** Fields whose problems show beside their input (a 422's others are spelled out in the alert). */
const FIELDS_SHOWN = new Set(['from', 'to', 'ratesDate', 'promoCode', 'parameter']);

/**
 * The performance report. Must sit inside `<kb-portal>` (api, session, locale and branding contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - "Open Campaigns" when the period has no data yet (`detail: { section: 'campaigns' }`).
 *
 * @csspart heading - Section heading. @csspart hint - Help text. @csspart filters - The report form.
 * @csspart filter-fields - Its filters. @csspart field - A label with its control. @csspart label - A label.
 * @csspart input - A select or input (also `period-select`). @csspart field-error - A field's problem.
 * @csspart fieldset - A group of controls (also `group-by`). @csspart group-by - The group-by builder.
 * @csspart grouping-list - The chosen groupings. @csspart grouping - One (`data-grouping`).
 * @csspart grouping-name - Its position and name. @csspart add-grouping - Adding one.
 * @csspart row-actions - A row's buttons. @csspart move-up, move-down, remove - Their parts.
 * @csspart currency-fields - The currency choice and rates date. @csspart actions - Buttons row.
 * @csspart columns-panel - The columns chooser (a `<details>`). @csspart columns-summary - Its summary.
 * @csspart column-list - The columns. @csspart column - One (`column-chosen`, `column-dragging`, `drop-before`,
 *   `drop-after`; `data-metric`). @csspart drag-handle - Its handle. @csspart checkbox - Its checkbox.
 * @csspart column-name - Its name. @csspart move-status - The last move, for screen readers.
 * @csspart results - The report: chart, notes, table, pager. @csspart chart - The chart (`<kb-stats-chart>`).
 * @csspart note - The conversion note. @csspart warning - Missing exchange rates.
 * @csspart sort-controls - Sort by and order (card layout only).
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart report-table - The table. @csspart header-row - Its header row. @csspart header-cell - A header.
 * @csspart sort-button - A header's sort button (`sort-button-active`). @csspart sort-arrow - Its arrow.
 * @csspart sort-label - The header's text in the card layout.
 * @csspart report-row - A row (`data-key`: its grouping values joined by `|`). @csspart totals-row - The totals.
 * @csspart cell - A cell (also `grouping-cell`, `grouping-<name>`, `metric-cell`, `metric-<name>`, `total-label`).
 * @csspart value - A formatted value (also `amount-line`, one per currency).
 * @csspart pager - Paging. @csspart page-status - Rows shown and total. @csspart previous, next - Its buttons.
 * @csspart empty - No data (`empty-message`, `empty-hint`, `empty-action`: `open-campaigns` or `clear-filters`).
 * @csspart button - Any button (also `primary`, `show`, `retry`). @csspart error - An error.
 * @csspart error-detail - Its text. @csspart status - Loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header and panels.
 * @cssproperty --kb-color-bg - Inputs. @cssproperty --kb-color-link - The chart and the drop marker.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-warning - Missing rates border. @cssproperty --kb-color-warning-bg - Its background.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Panels and table corners. @cssproperty --kb-radius-small - Inputs.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap.
 * @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbReports extends StatisticsSection {
  static override styles = [accountSectionStyles, campaignStyles, statisticsStyles, reportsStyles];
  static override properties = {
    options: { state: true },
    optionsError: { state: true },
    setup: { state: true },
    view: { state: true },
    report: { state: true },
    chartData: { state: true },
    problems: { state: true },
  };

  declare private options: ReportOptions | null;
  declare private optionsError: string | null;
  /** What the form shows; `applied` is what the table shows. */
  declare private setup: ReportSetup | null;
  declare private view: ReportView;
  declare private report: Report | null;
  /** The chart's answer and metric; drawn (in the current language) by `chartOf`. */
  declare private chartData: { report: Report; metric: Metric } | null;
  /** Problems by field: the form's own checks, or the server's 422 reasons worded. */
  declare private problems: Record<string, string | undefined>;
  private applied: ReportSetup | null = null;
  /** The chart's last query: paging and sorting do not ask for it again. */
  private chartKey = '';
  /** Inside a portal the report's question is in the address: a refresh or a link shows the same report. */
  private readonly address = new ReportAddress(this, (query) => {
    this.ask(query);
    void this.run();
  });
  private readonly columns = new ReportColumns(this, {
    refetch: () => void this.run(),
    moved: (metric, position, count) => this.m('moved', { name: this.metricLabel(metric), position, count }),
  });

  constructor() {
    super();
    this.options = null;
    this.optionsError = null;
    this.setup = null;
    this.view = { ...DEFAULT_VIEW };
    this.report = null;
    this.chartData = null;
    this.problems = {};
  }

  private m(key: ReportsKey, params?: MessageParams): string {
    return reportsMessages(this.i18n.locale, key, params);
  }

  /** The words and formats every part of the screen uses, in the partner's language. */
  private get labels(): ReportLabels {
    const { locale } = this.i18n;
    return {
      locale,
      m: (key: ReportsKey, params?: MessageParams) => this.m(key, params),
      s: (key: StatisticsKey) => this.s(key),
      metricLabel: (metric: Metric) => this.metricLabel(metric),
      groupingLabel: (g: Grouping) => this.groupingLabel(g),
      keyLabel: (row: ReportRow, g: Grouping) => this.keyLabel(row, g),
      renderValue: (metric: Metric, value: MetricValue | undefined) => this.renderValue(metric, value),
      formatCount: (n: number) => formatCount(locale, n),
    };
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.options = null;
    this.optionsError = null;
    this.report = null;
    this.chartData = null;
    this.chartKey = '';
    try {
      this.options = await this.fetchOptions(api);
    } catch (error) {
      this.optionsError = this.errorMessage(error);
      return;
    }
    this.ask(this.address.take());
    this.columns.load(columnsKey(this.operatorId, this.user?.id ?? 'anonymous'), this.options.metrics);
    await this.run(api);
  }

  /** Asks for the applied report (and its chart, when that question changed). */
  private run(api = this.api): Promise<void> {
    const setup = this.applied;
    if (!api || !setup) return Promise.resolve();
    const query = reportQuery(setup, this.columns.chosen, this.view);
    const metric = chartMetric(this.columns.chosen, isCount);
    const forChart = metric ? chartQuery(setup, metric) : null;
    const key = JSON.stringify(forChart);
    const askChart = forChart && key !== this.chartKey;
    return this.loadNewest(
      async () => {
        try {
          return await Promise.all([
            this.fetchReport(api, query),
            askChart ? this.fetchReport(api, forChart) : Promise.resolve(null),
          ]);
        } catch (error) {
          this.problems = fieldErrorsOf(error, this.i18n.locale);
          throw error;
        }
      },
      ([report, chartReport]) => {
        this.problems = {};
        this.report = report;
        if (!forChart || !metric) this.chartData = null;
        else if (chartReport) this.chartData = { report: chartReport, metric };
        this.chartKey = forChart ? key : '';
      },
    );
  }

  private readonly chartOf = memoLast(
    (data: { report: Report; metric: Metric } | null, locale: string): ReportChart | null =>
      data &&
      buildChart(data.report, data.metric, {
        heading: (g) =>
          this.m('chart.line', {
            metric: this.metricLabel(data.metric),
            grouping: this.groupingLabel(g).toLocaleLowerCase(locale),
          }),
        metricLabel: this.metricLabel(data.metric),
        keyLabel: (row, g, short) => this.keyLabel(row, g, short),
      }),
  );

  /** Takes the question an address asks (the default report for none) as the form's and the table's. */
  private ask(query: string): void {
    const { options } = this;
    if (!options) return;
    const asked = fromAddress(query, options);
    this.setup = asked?.setup ?? initialSetup(options);
    this.view = asked?.view ?? { ...DEFAULT_VIEW };
    this.applied = this.setup;
    this.problems = {};
  }

  private writeAddress(replace: boolean): void {
    if (this.applied) this.address.write(toAddress(this.applied, this.view), replace);
  }

  /** A 422 names the fields the form does not show in its alert; other problems in their words. */
  protected override errorMessage(error: unknown): string {
    if (error instanceof ApiError && error.code === 'validation_failed')
      return alertMessage(this.i18n.locale, error, (path) => FIELDS_SHOWN.has(path.replace(/^query\./, '')));
    return super.errorMessage(error);
  }

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    const setup = this.setup;
    if (!setup) return;
    const problems = setupProblems(setup, this.i18n.locale, this.m('needParameter'));
    this.problems = problems;
    const first = Object.keys(problems)[0];
    if (first) {
      this.focusAfterRender(`#report-${first}`);
      return;
    }
    this.applied = setup;
    this.view = { ...this.view, offset: 0 };
    this.writeAddress(false);
    void this.run();
  };

  /** The form's values now (edits between two renders build on each other). */
  private get current(): ReportSetup {
    return this.setup ?? initialSetup(this.options!);
  }

  private change(change: Partial<ReportSetup>): void {
    if (this.setup) this.setup = { ...this.setup, ...change };
  }

  private readonly sortBy = (sort: string, order?: 'asc' | 'desc'): void => {
    const isMetric = (this.options?.metrics as readonly string[] | undefined)?.includes(sort) ?? false;
    this.view = { ...this.view, sort, order: order ?? (isMetric ? 'desc' : 'asc'), offset: 0 };
    this.writeAddress(true);
    void this.run();
  };

  private readonly page = (offset: number, limit = this.view.limit): void => {
    this.view = { ...this.view, offset, limit };
    this.writeAddress(true);
    void this.run();
  };

  private readonly clearFilters = (): void => {
    if (!this.setup) return;
    this.setup = { ...this.setup, filters: { ...NO_FILTERS } };
    this.applied = this.setup;
    this.problems = {};
    this.view = { ...this.view, offset: 0 };
    this.writeAddress(false);
    void this.run();
  };

  private readonly openCampaigns = (): void => {
    this.emit('kb-open-section', { section: 'campaigns' });
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const { options, setup } = this;
    if (!options || !setup) return this.optionsError ? this.renderLoadError(this.optionsError) : this.renderLoading();
    return renderReportScreen({
      labels: this.labels,
      options,
      setup,
      current: () => this.current,
      problems: this.problems,
      columns: this.columns,
      report: this.report,
      chart: this.chartOf(this.chartData, this.i18n.locale),
      view: this.view,
      loading: this.loading,
      error: this.error,
      filtered: Boolean(this.applied && hasFilterValues(this.applied.filters)),
      retryLabel: this.tc('retry'),
      clearLabel: this.c('clearFilters'),
      loadingNote: this.renderLoading(),
      change: (change: Partial<ReportSetup>) => this.change(change),
      submit: this.submit,
      sortBy: this.sortBy,
      page: this.page,
      retry: () => void this.run(),
      clearFilters: this.clearFilters,
      openCampaigns: this.openCampaigns,
    });
  }
}
