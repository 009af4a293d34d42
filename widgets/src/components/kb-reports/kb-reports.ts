/**
 * `<kb-reports>`: the performance report. Filters (relative or custom period, brand, plan, campaign,
 * promo, promo code, country, device, operating system, landing, traffic source; the values from the
 * options endpoint), up to four nested groupings in the chosen order, the partner's columns (chosen and
 * ordered by drag or keyboard, kept per operator and user), a chart of the first count column, a
 * totals row, sorting by a column, paging, and amounts per currency or converted to one at one
 * date's rates (the partner's default currency first); under it the commissions billed for those
 * dates, brands and plans, per currency and kind. The section's other views (report-views.ts: the
 * saved favorites at `#/reports/favorites`…) are elements of their own, shown through the view switch.
 */
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import { SectionAddress } from '../../internal/router.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import { statisticsStyles } from '../../internal/statistics/statistics.styles.ts';
import { QueryAddress } from '../../internal/statistics/query-address.ts';
import { ReportController, SLOW_REPORT_MS } from '../../internal/statistics/report/report-controller.ts';
import { ReportDownload } from '../../internal/statistics/report/report-download.ts';
import { ReportRequest, requestStyles } from '../../internal/statistics/report/report-request.ts';
import { columnsKey, saveColumns } from '../../internal/statistics/report/report-setup.ts';
import { FavoritesBar } from '../../internal/statistics/report/favorites-bar.ts';
import { favoriteAddress, favoriteMetrics } from '../../internal/statistics/report/report-favorites.ts';
import { reportsStyles } from '../../internal/statistics/report/report.styles.ts';
import {
  PERFORMANCE_VIEW,
  pathOf,
  renderReportView,
  renderReportViewSwitch,
  reportViewsStyles,
  viewOf,
} from '../../internal/statistics/report/report-views.ts';
import { reportViewsMessages } from '../../internal/statistics/report/report-views.messages.ts';

/**
 * The performance report. Must sit inside `<kb-portal>` (api, session, locale and branding contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - "Open Campaigns" when the period has no data yet (`detail: { section: 'campaigns' }`).
 *
 * @csspart views - The switch between the section's views. @csspart view - One of its buttons (also `view-current`;
 *   `data-view`: `performance`, `favorites`…). @csspart performance - The performance view.
 * @csspart favorites - The `<kb-report-favorites>` of the favorites view.
 * @csspart favorites-bar - "Save as favorite" and the newest favorites under the report (`subheading`, `hint`).
 * @csspart save-favorite - Its form (`save-favorite-row`, `favorite-name` (also `input`), `save-favorite-button`
 *   (also `button primary`), `field-error`). @csspart favorite-quick - The quick list (`favorite-quick-list`,
 *   `favorite-quick-item`, `open-favorite` with `data-favorite`, `show-all-favorites`, `favorites-none`).
 * @csspart requested - The `<kb-requested-reports>` of the requested view (`#/reports/requested`, `…/requested/<id>`).
 * @csspart heading - Section heading. @csspart hint - Help text. @csspart filters - The report form.
 * @csspart filter-fields - Its filters. @csspart field - A label with its control. @csspart label - A label.
 * @csspart input - A select or input (also `period-select`). @csspart field-error - A field's problem.
 * @csspart multi-field - Campaign or country, which take several values (also `field`).
 * @csspart multi-select - Its `<details>`. @csspart multi-summary - Its summary (also `input`).
 * @csspart multi-value - What is chosen. @csspart multi-options - The list that opens.
 * @csspart multi-option - One value with its `checkbox`. @csspart multi-clear - Unticks them all (also `button`).
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
 * @csspart commissions - The billed commissions (`data-state`: `billed`, `none`, `not-billed` for a finer filter).
 * @csspart commissions-caption - Its "billed" caption. @csspart commissions-note - What they are, or why there are none
 *   (also `hint`). @csspart commissions-none - No bills. @csspart commission-cards - A card per currency.
 * @csspart commission-card - One (`data-currency`). @csspart commission-list - Its kinds and total.
 * @csspart commission-kind - One kind (`data-kind`). @csspart commission-total - The total.
 * @csspart commission-name - A kind's name or Total. @csspart commission-value - Its amount.
 * @csspart empty - No data (`empty-message`, `empty-hint`, `empty-action`: `open-campaigns` or `clear-filters`).
 * @csspart button - Any button (also `primary`, `show`, `retry`). @csspart error - An error.
 * @csspart error-detail - Its text. @csspart status - Loading notes.
 * @csspart download - The download control: `download-format` (CSV, CSV for Excel, JSON, XML; also `input`),
 *   `download-report` (also `button`), `download-status` with the `save-file` link, `download-error`.
 * @csspart request - Requesting the report as a file: `request-report` (also `button`), `request-form` (also `form`)
 *   with `request-heading`, `request-name` (also `input`), `request-format` (also `fieldset`) and its `format-option`s,
 *   `request-submit`, `request-cancel`, `request-error`; `request-done` (also `success`) with the `requested-link`.
 * @csspart slow - Where a report too slow to show was requested as a file instead: `slow-status` (also `success`)
 *   with the `requested-link`, or `slow-error` (also `error`) with `slow-retry` (also `button`).
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
  static override styles = [
    accountSectionStyles,
    campaignStyles,
    statisticsStyles,
    reportsStyles,
    reportViewsStyles,
    requestStyles,
  ];
  static override properties: PropertyDeclarations = { ...StatisticsSection.properties, view: { state: true } };

  /** The shown view (report-views.ts: '' for the performance report) and the address below it. */
  declare private view: string;
  private rest: readonly string[] = [];
  /** The performance screen asks for its options and report the first time it is shown ('deferred': the section loaded on another view). */
  private screenLoad: 'waiting' | 'deferred' | 'loaded' = 'waiting';
  /** The performance view's last question in the address, so switching back to it shows the same report. */
  private performanceQuery = '';
  /** Made before the query's address, so a route's view is known when its query arrives. */
  private readonly sectionAddress = new SectionAddress(this, (path) => this.showView(path));
  /** Inside a portal the report's question is in the address: a refresh or a link shows the same report. */
  private readonly address = new QueryAddress(this, (query) => {
    if (this.view !== PERFORMANCE_VIEW) return;
    this.performanceQuery = query;
    this.screen.follow(query);
  });
  private readonly screenAddress = {
    // Outside a portal there is no address: the question last shown (or a favorite opened) is kept here.
    take: () => (this.sectionAddress.routed ? (this.performanceQuery = this.address.take()) : this.performanceQuery),
    write: (query: string, replace: boolean) => {
      this.performanceQuery = query;
      this.address.write(query, replace);
    },
  };
  private readonly screen = new ReportController(this, {
    locale: () => this.i18n.locale,
    fetchOptions: () => this.fetchOptions(this.client),
    fetchReport: (query) => this.fetchReport(this.client, query),
    failure: (error) => this.errorMessage(error),
    address: this.screenAddress,
    tooSlow: { after: () => this.slowAfter, handle: (query, seconds) => this.request.fallback(query, seconds) },
  });
  /** "Request report" (a file made in the background), and where a too-slow report is requested instead. */
  private readonly request = new ReportRequest(this, {
    question: () => this.screen.question,
    api: () => this.api,
    locale: () => this.i18n.locale,
    failure: (error) => this.errorMessage(error),
  });
  /** How long (ms) a report may take before the screen stops waiting and requests it as a file instead. */
  slowAfter = SLOW_REPORT_MS;
  /** The shown report as a file, through the partner's own session. */
  private readonly download = new ReportDownload(this, {
    question: () => this.screen.question,
    fetchFile: async (query) =>
      (await this.client.client.v1.partner.reports.performance.export.$get({ query })) as unknown as Response,
    failure: (error) => this.errorMessage(error),
    labels: () => this.screen.labels,
  });

  /** "Save as favorite" and the newest favorites under the report. */
  private readonly favoritesBar = new FavoritesBar(this, {
    api: () => this.api ?? null,
    locale: () => this.i18n.locale,
    question: () => this.screen.question,
    failure: (error) => this.errorMessage(error),
    open: (favorite) => this.openReport(favoriteAddress(favorite.query), favoriteMetrics(favorite.query)),
    showAll: () => this.show('favorites'),
  });

  /** The portal's client (the screen asks only once the section is ready, so there is one). */
  private get client(): ApiClient {
    const api = this.api;
    if (!api) throw new TypeError('No API client yet');
    return api;
  }

  constructor() {
    super();
    this.view = PERFORMANCE_VIEW;
    // A favorite opened in the favorites view: shown here, on the performance view.
    this.addEventListener('kb-open-report', (event) => {
      event.stopPropagation();
      this.openReport(event.detail.query, event.detail.metrics);
    });
  }

  protected override load(): Promise<void> {
    this.screenLoad = this.view === PERFORMANCE_VIEW ? 'loaded' : 'deferred';
    return this.screenLoad === 'loaded' ? this.loadScreen() : Promise.resolve();
  }

  /**
   * Shows a saved report: its columns become the user's (kept as a choice in the column chooser
   * is), then its question goes into the address, so Back returns to where the user was.
   */
  private openReport(query: string, metrics: readonly string[]): void {
    const key = columnsKey(this.operatorId, this.user?.id ?? 'anonymous');
    const allowed = this.screen.options?.metrics;
    if (metrics.length) {
      saveColumns(key, metrics as never);
      if (allowed) this.screen.columns.load(key, allowed);
    }
    const same = this.view === PERFORMANCE_VIEW && query === this.performanceQuery;
    this.show(PERFORMANCE_VIEW, [], query);
    // The same question again (its columns may differ): ask once more.
    if (same) void this.screen.run();
  }

  private loadScreen(): Promise<void> {
    void this.favoritesBar.load();
    return this.screen.load(columnsKey(this.operatorId, this.user?.id ?? 'anonymous'));
  }

  private showView(path: readonly string[]): void {
    const { view, rest } = viewOf(path);
    // Back from another view (the favorites may have changed there): the quick list asks again.
    if (view === PERFORMANCE_VIEW && this.view !== view && this.screenLoad === 'loaded') void this.favoritesBar.load();
    this.view = view;
    this.rest = rest;
    this.requestUpdate();
    if (view === PERFORMANCE_VIEW && this.screenLoad === 'deferred') {
      this.screenLoad = 'loaded';
      void this.loadScreen();
    }
  }

  /** Shows a view: through its address inside a portal (the performance report with its last question), else in place. */
  protected readonly show = (view: string, rest: readonly string[] = [], query?: string): void => {
    const path = pathOf(view, rest);
    const asked = query ?? (view === PERFORMANCE_VIEW ? this.performanceQuery : '');
    if (this.sectionAddress.go(path, { query: asked })) return;
    const loaded = this.screenLoad === 'loaded';
    if (query !== undefined && view === PERFORMANCE_VIEW) this.performanceQuery = query;
    this.showView(path);
    // A screen loading now takes the question itself; a loaded one follows it.
    if (loaded && query !== undefined && view === PERFORMANCE_VIEW) this.screen.follow(query);
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const locale = this.i18n.locale;
    return html`${renderReportViewSwitch(this.view, locale, reportViewsMessages(locale, 'views'), this.show)}
      <div part="performance" ?hidden=${this.view !== PERFORMANCE_VIEW}>${this.renderPerformance()}</div>
      ${renderReportView(this.view, this.rest)}`;
  }

  private renderPerformance(): TemplateResult {
    return this.screen.render({
      audience: 'partner',
      retryLabel: this.tc('retry'),
      clearLabel: this.c('clearFilters'),
      loadingNote: this.renderLoading(),
      loadError: (message) => this.renderLoadError(message),
      openCampaigns: () => this.emit('kb-open-section', { section: 'campaigns' }),
      download: html`${this.download.render()}${this.request.render()}${this.favoritesBar.render()}`,
      slowNote: this.request.renderSlow(),
    });
  }
}
