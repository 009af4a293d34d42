/**
 * The report screen's state and actions, the same for the partner's `<kb-reports>` and the
 * operator console's `<kb-operator-reports>`: the options, the form's setup and the applied one,
 * sort and page, the columns, the report and its chart (asked apart, only when its question
 * changed), problems by field, and "newest answer wins". The element says where answers come from
 * (the partner's or the operator's routes), the language, how a failure is worded, and where the
 * question is kept in the address (if anywhere).
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { fieldErrorsOf } from '../../account/account-section.ts';
import { ApiError } from '../../api-client.ts';
import type { Locale, MessageParams } from '../../i18n.ts';
import { alertMessage } from '../../problem-messages.ts';
import { memoLast } from '../memo.ts';
import { statisticsLabels } from '../statistics-labels.ts';
import { metricKind, type Metric, type Report, type ReportOptions, type ReportQuery } from '../statistics-types.ts';
import { ReportColumns } from './column-chooser.ts';
import { DEFAULT_VIEW, fromAddress, toAddress } from './report-address.ts';
import { buildChart, type ReportChart } from './report-chart.ts';
import { reportsMessages, type ReportsKey } from './report.messages.ts';
import {
  NO_FILTERS,
  chartMetric,
  chartQuery,
  hasFilterValues,
  initialSetup,
  reportQuery,
  setupProblems,
  type ReportSetup,
  type ReportView,
} from './report-setup.ts';
import { renderReportScreen, type ReportLabels, type ScreenView } from './report-view.ts';

const isCount = (metric: Metric) => metricKind(metric) === 'count';
/** Fields whose problems show beside their input (a 422's others are spelled out in the alert). */
const FIELDS_SHOWN = new Set(['from', 'to', 'ratesDate', 'promoCode', 'parameter']);
/**
 * How long a report may take before the screen stops waiting (a screen that answers `tooSlow`). Past
 * this a partner's browser would sit on a spinner for a report better made as a file.
 */
export const SLOW_REPORT_MS = 20_000;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface ReportSource {
  /** The reader's language now. */
  locale(): Locale;
  fetchOptions(): Promise<ReportOptions>;
  fetchReport(query: ReportQuery): Promise<Report>;
  /** A failed call in words (the portal's also ends an expired session). */
  failure(error: unknown): string;
  /** Where the question is kept (`take` the asked one, `write` a new one), when the screen has an address. */
  address?: { take(): string; write(query: string, replace: boolean): void };
  /**
   * A report that takes longer than `after()` ms (default SLOW_REPORT_MS) is not waited for: its answer is
   * dropped and `handle` gets the question (the partner's screen requests it as a file).
   */
  tooSlow?: { after?(): number; handle(query: ReportQuery, seconds: number): void };
}

/** What the element adds around the screen: its shared words, its notes and, for a partner, the way to campaigns. */
export interface ReportChrome {
  audience: ScreenView['audience'];
  retryLabel: string;
  clearLabel: string;
  loadingNote: TemplateResult;
  loadError(message: string): TemplateResult;
  openCampaigns?: () => void;
  /** The download control, shown with the report. */
  download?: TemplateResult;
  /** Shown where the report would be when it was too slow (`tooSlow`). */
  slowNote?: TemplateResult;
}

export class ReportController {
  options: ReportOptions | null = null;
  optionsError: string | null = null;
  /** What the form shows; `applied` is what the table shows. */
  setup: ReportSetup | null = null;
  view: ReportView = { ...DEFAULT_VIEW };
  report: Report | null = null;
  /** Problems by field: the form's own checks, or the server's 422 reasons worded. */
  problems: Record<string, string | undefined> = {};
  loading = false;
  error: string | null = null;
  /** The applied question took too long and was handed to `tooSlow` (no report shown). */
  slow = false;
  readonly columns: ReportColumns;
  /** The chart's answer and metric; drawn (in the current language) by `chartOf`. */
  private chartData: { report: Report; metric: Metric } | null = null;
  private applied: ReportSetup | null = null;
  /** The chart's last query: paging and sorting do not ask for it again. */
  private chartKey = '';
  private newest = 0;

  constructor(
    private readonly host: Host,
    private readonly source: ReportSource,
  ) {
    this.columns = new ReportColumns(host, {
      refetch: () => void this.run(),
      moved: (metric, position, count) =>
        this.labels.m('moved', { name: this.labels.metricLabel(metric), position, count }),
    });
  }

  /** The words and formats every part of the screen uses, in the reader's language. */
  get labels(): ReportLabels {
    return this.labelsIn(this.source.locale());
  }

  private readonly labelsIn = memoLast(
    (locale: Locale): ReportLabels => ({
      ...statisticsLabels(locale),
      m: (key: ReportsKey, params?: MessageParams) => reportsMessages(locale, key, params),
    }),
  );

  /** The shown report's question (what a download asks for), or null before one is applied. */
  get question(): ReportQuery | null {
    return this.applied ? reportQuery(this.applied, this.columns.chosen, this.view) : null;
  }

  /** Asks for the options, takes the address's question (or the default one) and the kept columns, then the report. */
  async load(columnsKey: string): Promise<void> {
    this.options = null;
    this.optionsError = null;
    this.report = null;
    this.chartData = null;
    this.chartKey = '';
    this.host.requestUpdate();
    try {
      this.options = await this.source.fetchOptions();
    } catch (error) {
      this.optionsError = this.failure(error);
      this.host.requestUpdate();
      return;
    }
    this.ask(this.source.address?.take() ?? '');
    this.columns.load(columnsKey, this.options.metrics);
    await this.run();
  }

  /** Another question came through the address (Back, Forward, a link): shows it. */
  follow(query: string): void {
    this.ask(query);
    void this.run();
  }

  /** Asks for the applied report (and its chart, when that question changed); only the newest answer lands. */
  async run(): Promise<void> {
    const setup = this.applied;
    if (!setup) return;
    const query = reportQuery(setup, this.columns.chosen, this.view);
    const metric = chartMetric(this.columns.chosen, isCount);
    const forChart = metric ? chartQuery(setup, metric) : null;
    const key = JSON.stringify(forChart);
    const askChart = forChart && key !== this.chartKey;
    const seq = ++this.newest;
    this.loading = true;
    this.error = null;
    this.slow = false;
    this.host.requestUpdate();
    const patience = this.patience(seq, query);
    try {
      const [report, chartReport] = await Promise.all([
        this.source.fetchReport(query),
        askChart ? this.source.fetchReport(forChart) : Promise.resolve(null),
      ]);
      if (seq !== this.newest) return;
      this.problems = {};
      this.report = report;
      if (!forChart || !metric) this.chartData = null;
      else if (chartReport) this.chartData = { report: chartReport, metric };
      this.chartKey = forChart ? key : '';
    } catch (error) {
      if (seq !== this.newest) return;
      this.problems = fieldErrorsOf(error, this.source.locale());
      this.error = this.failure(error);
    } finally {
      clearTimeout(patience);
      if (seq === this.newest) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /**
   * The bound's timer (when the source has `tooSlow`): past it, while `seq` is still the newest question
   * on a connected screen, the screen stops waiting: a newer `seq` drops the late answer, the report is
   * cleared and the question handed over.
   */
  private patience(seq: number, query: ReportQuery): ReturnType<typeof setTimeout> | undefined {
    const slow = this.source.tooSlow;
    if (!slow) return undefined;
    const after = slow.after?.() ?? SLOW_REPORT_MS;
    return setTimeout(() => {
      if (seq !== this.newest || !this.host.isConnected) return;
      this.newest++;
      Object.assign(this, { loading: false, slow: true, report: null, chartData: null, chartKey: '' });
      slow.handle(query, after / 1000);
      this.host.requestUpdate();
    }, after);
  }

  /** A 422 names the fields the form does not show in its alert; other problems in the element's words. */
  private failure(error: unknown): string {
    if (error instanceof ApiError && error.code === 'validation_failed')
      return alertMessage(this.source.locale(), error, (path) => FIELDS_SHOWN.has(path.replace(/^query\./, '')));
    return this.source.failure(error);
  }

  private readonly chartOf = memoLast(
    (data: { report: Report; metric: Metric } | null, labels: ReportLabels): ReportChart | null =>
      data &&
      buildChart(data.report, data.metric, {
        heading: (g) =>
          labels.m('chart.line', {
            metric: labels.metricLabel(data.metric),
            grouping: labels.groupingLabel(g).toLocaleLowerCase(labels.locale),
          }),
        metricLabel: labels.metricLabel(data.metric),
        keyLabel: (row, g, short) => labels.keyLabel(row, g, short),
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
    this.host.requestUpdate();
  }

  private writeAddress(replace: boolean): void {
    if (this.applied) this.source.address?.write(toAddress(this.applied, this.view), replace);
  }

  readonly submit = (event: Event): void => {
    event.preventDefault();
    const setup = this.setup;
    if (!setup) return;
    const problems = setupProblems(setup, this.source.locale(), this.labels.m('needParameter'));
    this.problems = problems;
    const first = Object.keys(problems)[0];
    if (first) {
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>(`#report-${first}`)?.focus(),
      );
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
    if (!this.setup) return;
    this.setup = { ...this.setup, ...change };
    this.host.requestUpdate();
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

  /** The screen: the loading note or the options' failure until the options are in, then the form and the report. */
  render(chrome: ReportChrome): TemplateResult {
    const { options, setup } = this;
    if (!options || !setup) return this.optionsError ? chrome.loadError(this.optionsError) : chrome.loadingNote;
    const labels = this.labels;
    return renderReportScreen({
      ...chrome,
      loadingNote: this.slow && chrome.slowNote ? chrome.slowNote : chrome.loadingNote,
      labels,
      options,
      setup,
      current: () => this.current,
      problems: this.problems,
      columns: this.columns,
      report: this.report,
      chart: this.chartOf(this.chartData, labels),
      view: this.view,
      loading: this.loading,
      error: this.error,
      filtered: Boolean(this.applied && hasFilterValues(this.applied.filters)),
      change: (change: Partial<ReportSetup>) => this.change(change),
      submit: this.submit,
      sortBy: this.sortBy,
      page: this.page,
      retry: () => void this.run(),
      clearFilters: this.clearFilters,
    });
  }
}
