/**
 * `<kb-dashboard>`: the partner's landing section after sign-in. Quick stats for today, yesterday,
 * this month and last month, with the commission billed for each (bills whose period starts in
 * it); over a chosen period (and optionally one campaign) the clicks and
 * registrations per day as lines, the first deposits (count and deposit amounts per currency) as
 * bars, and the campaigns' performance. Amounts stay in their own currencies. Charts load their
 * library only when there is something to draw. Inside a portal the period and the campaign are in
 * the address (dashboard-address.ts); what is asked is dashboard-data.ts, what is drawn dashboard-view.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import { expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { memoLast } from '../../internal/statistics/memo.ts';
import { periodError, type PeriodChoice } from '../../internal/statistics/period-picker.ts';
import { QueryAddress } from '../../internal/statistics/query-address.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import { statisticsStyles } from '../../internal/statistics/statistics.styles.ts';
import type {
  Grouping,
  Metric,
  QuickStats,
  Report,
  ReportOptions,
} from '../../internal/statistics/statistics-types.ts';
import {
  DEFAULT_QUESTION,
  dashboardAddress,
  knownCampaign,
  readDashboardAddress,
  refines,
  type DashboardQuestion,
} from './dashboard-address.ts';
import { periodQueries, quickQuery } from './dashboard-data.ts';
import {
  CARD_METRICS,
  chartData,
  renderFilters,
  renderQuickStats,
  renderResults,
  type DashboardView,
} from './dashboard-view.ts';
import { dashboardMessages, type DashboardKey } from './kb-dashboard.messages.ts';
import { dashboardStyles } from './kb-dashboard.styles.ts';
import { renderBalances, type DashboardBalance } from './dashboard-balance.ts';

/**
 * The partner dashboard. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - "Open Campaigns" when the period has no clicks (`detail: { section: 'campaigns' }`),
 *   "Open Reports" under a long campaign list (`{ section: 'reports' }`).
 *
 * @csspart heading - Section heading. @csspart subheading - A block's heading. @csspart hint - Help text.
 * @csspart filters - The period and campaign form. @csspart field - A label with its control.
 * @csspart label - A label. @csspart input - A select or date input (also `period-select`).
 * @csspart field-error - A date's problem.
 * @csspart quick-stats - The quick stats block. @csspart stat-cards - Its list of cards.
 * @csspart balances - "Your balance" (when the session has the wallet). @csspart balance-list - Its currencies.
 * @csspart balance - One currency (with `balance-available`, `balance-pending` when some is held, `balance-label`,
 *   `balance-value`). @csspart balances-empty - No money yet (also `hint`). @csspart open-wallet - Opens the wallet.
 * @csspart stat-card - One period's card (`data-period`: today, yesterday, this_month, last_month).
 * @csspart stat-period - Its title. @csspart stat-range - Its dates. @csspart stat-list - Its values.
 * @csspart stat - One metric (`data-metric`). @csspart stat-name - Its name. @csspart stat-value - Its value.
 * @csspart stat-commission - The billed commission (also `stat`; `data-metric="commission"`, `data-billed`:
 *   `no` when a campaign is chosen). @csspart stat-caption - Its "billed" caption.
 * @csspart commission-note - What the billed commission is, or why there is none for a campaign (also `hint`).
 * @csspart value - A formatted value (also `amount-line`, one per currency).
 * @csspart results - The period's charts and table. @csspart charts - The two charts.
 * @csspart chart-traffic - The clicks and registrations chart (`<kb-stats-chart>`, line).
 * @csspart chart-deposits - The first deposits chart (`<kb-stats-chart>`, bar).
 * @csspart campaigns - The campaign performance block.
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart campaign-table - The table. @csspart header-row - Its header row. @csspart header-cell - A header.
 * @csspart campaign-row - A campaign. @csspart cell - A cell (also `campaign-name`, `metric-cell`, `metric-<name>`).
 * @csspart more - The note under a long list with its `open-reports` button.
 * @csspart empty - No clicks in the period (`empty-message`, `empty-hint`, `empty-action`: `open-campaigns`
 *   or `all-campaigns`).
 * @csspart button - Any button (also `retry`). @csspart error - An error. @csspart error-detail - Its text.
 * @csspart status - Loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and dates.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Cards and table header.
 * @cssproperty --kb-color-bg - Inputs. @cssproperty --kb-color-link - First chart series.
 * @cssproperty --kb-color-accent-ui - Second chart series.
 * @cssproperty --kb-color-primary - Primary buttons. @cssproperty --kb-color-on-primary - Their text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Cards and table corners. @cssproperty --kb-radius-small - Inputs.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap.
 * @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbDashboard extends StatisticsSection {
  static override styles = [accountSectionStyles, campaignStyles, statisticsStyles, dashboardStyles];
  static override properties = {
    options: { state: true },
    quick: { state: true },
    quickError: { state: true },
    daily: { state: true },
    byCampaign: { state: true },
    question: { state: true },
    optionsError: { state: true },
    balances: { state: true },
  };

  declare private options: ReportOptions | null;
  declare private optionsError: string | null;
  /** The wallet's balances; null while loading or when this session has no wallet. */
  declare private balances: DashboardBalance[] | null;
  declare private quick: QuickStats | null;
  declare private quickError: string | null;
  /** The period per day (or week, month), for the charts; null while loading. */
  declare private daily: { report: Report; grouping: Grouping } | null;
  declare private byCampaign: Report | null;
  /** The period and campaign the form shows (and, once valid, the address and the answers). */
  declare private question: DashboardQuestion;
  /** The question the address holds (read or written): a new one is a new history entry. */
  private addressed: DashboardQuestion = DEFAULT_QUESTION;

  /** Inside a portal the period and campaign are in the address: a refresh or a link opens the same dashboard. */
  private readonly address = new QueryAddress(this, (query) => this.follow(query));

  constructor() {
    super();
    this.options = null;
    this.optionsError = null;
    this.balances = null;
    this.quick = null;
    this.quickError = null;
    this.daily = null;
    this.byCampaign = null;
    this.question = DEFAULT_QUESTION;
  }

  private m(key: DashboardKey, params?: MessageParams): string {
    return dashboardMessages(this.i18n.locale, key, params);
  }

  private get view(): DashboardView {
    return {
      locale: this.i18n.locale,
      m: (key, params) => this.m(key, params),
      s: (key, params) => this.s(key, params),
      metricLabel: (metric) => this.metricLabel(metric),
      keyLabel: (row, grouping) => this.keyLabel(row, grouping),
      renderValue: (metric, value) => this.renderValue(metric, value),
    };
  }

  /** The metrics the operator shows this partner, among `wanted`. */
  private readonly shown = (wanted: readonly Metric[]): Metric[] => {
    const allowed = this.options?.metrics ?? [];
    return wanted.filter((metric) => allowed.includes(metric));
  };

  /** Takes the address's question (its campaign once the options say the partner has it), then asks for it all. */
  protected override async load(api: ApiClient): Promise<void> {
    this.options = null;
    this.optionsError = null;
    this.daily = null;
    this.byCampaign = null;
    this.question = this.addressed = readDashboardAddress(this.address.take());
    const options = this.fetchOptions(api).then(
      (answer) => {
        this.options = answer;
        this.question = { ...this.question, campaignId: knownCampaign(this.question.campaignId, answer) };
      },
      (error: unknown) => {
        this.optionsError = this.errorMessage(error);
        this.question = { ...this.question, campaignId: '' };
      },
    );
    // The balance is extra: a session without the wallet (or a failed answer) shows the dashboard without it.
    this.balances = null;
    void expectOk(api.client.v1.partner.wallet.balances.$get()).then(
      (body) => (this.balances = body.data),
      () => (this.balances = null),
    );
    // A campaign from the address is asked for only once the options know it.
    const quick = this.question.campaignId ? options.then(() => this.fetchQuick(api)) : this.fetchQuick(api);
    await Promise.all([options, quick]);
    if (this.options) await this.fetchPeriod(api);
  }

  /** Back, Forward or a link brought another question: shows it (a bad one as the default). */
  private follow(query: string): void {
    const asked = readDashboardAddress(query);
    const { options } = this;
    if (options) asked.campaignId = knownCampaign(asked.campaignId, options);
    const campaignChanged = asked.campaignId !== this.question.campaignId;
    this.question = this.addressed = asked;
    // Before the options are in, the load under way asks with this question.
    const api = this.api;
    if (!options || !api) return;
    if (campaignChanged) void this.fetchQuick(api);
    void this.fetchPeriod(api);
  }

  private async fetchQuick(api: ApiClient): Promise<void> {
    this.quick = null;
    this.quickError = null;
    try {
      const query = quickQuery(this.question);
      this.quick = await expectOk(api.client.v1.partner.reports.quick_stats.$get({ query }));
    } catch (error) {
      this.quickError = this.errorMessage(error);
    }
  }

  private fetchPeriod(api: ApiClient): Promise<void> {
    const { grouping, daily, campaigns } = periodQueries(this.question, this.shown);
    return this.loadNewest(
      () => Promise.all([this.fetchReport(api, daily), this.fetchReport(api, campaigns)]),
      ([report, byCampaign]) => {
        this.daily = { report, grouping };
        this.byCampaign = byCampaign;
      },
    );
  }

  /** A complete question goes to the address (custom dates refine their entry) and is asked for. */
  private showQuestion(): void {
    const api = this.api;
    const { question } = this;
    if (!api || periodError(this.i18n.locale, question.choice)) return;
    this.address.write(dashboardAddress(question), refines(this.addressed, question));
    this.addressed = question;
    void this.fetchPeriod(api);
  }

  private readonly choosePeriod = (change: Partial<PeriodChoice>): void => {
    this.question = { ...this.question, choice: { ...this.question.choice, ...change } };
    this.showQuestion();
  };

  private readonly chooseCampaign = (campaignId: string): void => {
    this.question = { ...this.question, campaignId };
    const api = this.api;
    if (api) void this.fetchQuick(api);
    this.showQuestion();
  };

  /** The charts' series, the same arrays while the answer and the language stay (no redraw on other updates). */
  private readonly charts = memoLast(
    (daily: { report: Report; grouping: Grouping }, metrics: readonly Metric[], _locale: string) =>
      chartData(this.view, daily.report, daily.grouping, metrics),
  );

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const { options, question } = this;
    const metrics = options?.metrics ?? [];
    return html`<h2 part="heading">${this.m('heading')}</h2>
      ${options ? html`<p part="hint">${this.m('intro', { timeZone: options.timeZone })}</p>` : nothing}
      ${this.optionsError ? this.renderLoadError(this.optionsError) : nothing}
      ${options ? renderFilters(this.view, options, question, { period: this.choosePeriod, campaign: this.chooseCampaign }) : nothing}
      ${renderBalances(
        this.i18n.locale,
        (key) => this.m(key),
        this.balances,
        () => this.emit('kb-open-section', { section: 'wallet' }),
      )}
      ${this.renderQuick()}
      ${
        options
          ? renderResults(this.view, {
              daily: this.daily,
              byCampaign: this.byCampaign,
              charts: (daily) => this.charts(daily, metrics, this.i18n.locale),
              metrics,
              campaignId: question.campaignId,
              loading: this.loading,
              error: this.error,
              retryLabel: this.tc('retry'),
              retry: () => this.showQuestion(),
              allCampaigns: () => this.chooseCampaign(''),
              openCampaigns: () => this.emit('kb-open-section', { section: 'campaigns' }),
              openReports: () => this.emit('kb-open-section', { section: 'reports' }),
            })
          : this.optionsError
            ? nothing
            : this.renderLoading()
      }`;
  }

  private renderQuick(): TemplateResult | typeof nothing {
    if (this.quickError)
      return html`<div part="error" role="alert">
        <p part="error-detail">${this.quickError}</p>
        <button part="button retry" type="button" @click=${() => this.api && void this.fetchQuick(this.api)}>${this.tc('retry')}</button>
      </div>`;
    if (!this.quick || !this.options) return nothing;
    return renderQuickStats(this.view, this.quick, this.shown(CARD_METRICS));
  }
}
