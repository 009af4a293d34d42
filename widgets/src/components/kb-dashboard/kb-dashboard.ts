/**
 * `<kb-dashboard>`: the partner's landing section after sign-in. Quick stats for today, yesterday,
 * this month and last month; over a chosen period (and optionally one campaign) the clicks and
 * registrations per day as lines, the first deposits (count and deposit amounts per currency) as
 * bars, and the campaigns' performance. Amounts stay in their own currencies. Charts load their
 * library only when there is something to draw.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { expectOk } from '../../internal/api-client.ts';
import { memoLast } from '../../internal/statistics/memo.ts';
import { daysBetween } from '../../internal/statistics/period-keys.ts';
import {
  periodError,
  periodQuery,
  renderPeriodPicker,
  type PeriodChoice,
} from '../../internal/statistics/period-picker.ts';
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
  CAMPAIGN_METRICS,
  CARD_METRICS,
  DEPOSIT_METRICS,
  TRAFFIC_METRICS,
  chartData,
  renderCampaignTable,
  renderQuickStats,
  type DashboardView,
} from './dashboard-view.ts';
import { dashboardMessages, type DashboardKey } from './kb-dashboard.messages.ts';
import { dashboardStyles } from './kb-dashboard.styles.ts';

/** Campaigns in the performance table (by clicks); Reports lists them all. */
const TOP_CAMPAIGNS = 20;

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
 * @csspart stat-card - One period's card (`data-period`: today, yesterday, this_month, last_month).
 * @csspart stat-period - Its title. @csspart stat-range - Its dates. @csspart stat-list - Its values.
 * @csspart stat - One metric (`data-metric`). @csspart stat-name - Its name. @csspart stat-value - Its value.
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
    choice: { state: true },
    campaignId: { state: true },
    optionsError: { state: true },
  };

  declare private options: ReportOptions | null;
  declare private optionsError: string | null;
  declare private quick: QuickStats | null;
  declare private quickError: string | null;
  /** The period per day (or week, month), for the charts; null while loading. */
  declare private daily: { report: Report; grouping: Grouping } | null;
  declare private byCampaign: Report | null;
  declare private choice: PeriodChoice;
  declare private campaignId: string;

  constructor() {
    super();
    this.options = null;
    this.optionsError = null;
    this.quick = null;
    this.quickError = null;
    this.daily = null;
    this.byCampaign = null;
    this.choice = { period: 'last_30_days', from: '', to: '' };
    this.campaignId = '';
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
  private shown(wanted: readonly Metric[]): Metric[] {
    const allowed = this.options?.metrics ?? [];
    return wanted.filter((metric) => allowed.includes(metric));
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.options = null;
    this.optionsError = null;
    this.daily = null;
    this.byCampaign = null;
    const options = this.fetchOptions(api).then(
      (answer) => {
        this.options = answer;
      },
      (error: unknown) => {
        this.optionsError = this.errorMessage(error);
      },
    );
    await Promise.all([options, this.fetchQuick(api)]);
    if (this.options) await this.fetchPeriod(api);
  }

  private async fetchQuick(api: ApiClient): Promise<void> {
    this.quick = null;
    this.quickError = null;
    const query = this.campaignId ? { campaignId: this.campaignId } : {};
    try {
      this.quick = await expectOk(api.client.v1.partner.reports.quick_stats.$get({ query }));
    } catch (error) {
      this.quickError = this.errorMessage(error);
    }
  }

  /** Day by day for a month or so; a longer custom range by week, or by month beyond two years. */
  private chartGrouping(): Grouping {
    const { period, from, to } = this.choice;
    if (period !== 'custom') return 'day';
    const days = daysBetween(from, to);
    return days <= 92 ? 'day' : days <= 731 ? 'week' : 'month';
  }

  private fetchPeriod(api: ApiClient): Promise<void> {
    const grouping = this.chartGrouping();
    const common = { ...periodQuery(this.choice), campaignId: this.campaignId || undefined };
    const campaignMetrics = this.shown(CAMPAIGN_METRICS);
    const dailyMetrics = this.shown([...TRAFFIC_METRICS, ...DEPOSIT_METRICS]);
    return this.loadNewest(
      () =>
        Promise.all([
          this.fetchReport(api, {
            ...common,
            groupBy: grouping,
            metrics: dailyMetrics.join(','),
            sort: grouping,
            order: 'asc',
            limit: '1000',
          }),
          this.fetchReport(api, {
            ...common,
            groupBy: 'campaign',
            metrics: campaignMetrics.join(','),
            sort: campaignMetrics[0],
            order: 'desc',
            limit: String(TOP_CAMPAIGNS),
          }),
        ]),
      ([report, campaigns]) => {
        this.daily = { report, grouping };
        this.byCampaign = campaigns;
      },
    );
  }

  private reloadPeriod(): void {
    const api = this.api;
    if (!api || periodError(this.i18n.locale, this.choice)) return;
    void this.fetchPeriod(api);
  }

  private readonly choosePeriod = (change: Partial<PeriodChoice>): void => {
    this.choice = { ...this.choice, ...change };
    this.reloadPeriod();
  };

  private chooseCampaign(campaignId: string): void {
    this.campaignId = campaignId;
    const api = this.api;
    if (api) void this.fetchQuick(api);
    this.reloadPeriod();
  }

  /** The charts' series, the same arrays while the answer and the language stay (no redraw on other updates). */
  private readonly charts = memoLast(
    (daily: { report: Report; grouping: Grouping }, metrics: readonly Metric[], _locale: string) =>
      chartData(this.view, daily.report, daily.grouping, metrics),
  );

  private readonly openCampaigns = (): void => {
    this.emit('kb-open-section', { section: 'campaigns' });
  };

  private readonly openReports = (): void => {
    this.emit('kb-open-section', { section: 'reports' });
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const options = this.options;
    return html`<h2 part="heading">${this.m('heading')}</h2>
      ${options ? html`<p part="hint">${this.m('intro', { timeZone: options.timeZone })}</p>` : nothing}
      ${this.optionsError ? this.renderLoadError(this.optionsError) : nothing}
      ${options ? this.renderFilters(options) : nothing}
      ${this.renderQuick()}
      ${options ? this.renderResults() : this.optionsError ? nothing : this.renderLoading()}`;
  }

  private renderFilters(options: ReportOptions): TemplateResult {
    const locale = this.i18n.locale;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${(e: Event) => e.preventDefault()}>
      ${renderPeriodPicker({ id: 'dashboard', locale, value: this.choice, error: periodError(locale, this.choice), onChange: this.choosePeriod })}
      ${
        options.campaigns.length > 0
          ? selectField({
              id: 'dashboard-campaign',
              name: 'campaignId',
              label: this.m('campaign'),
              value: this.campaignId,
              options: [['', this.m('allCampaigns')], ...options.campaigns.map((c) => [c.id, c.name] as const)],
              onChange: (id) => this.chooseCampaign(id),
            })
          : nothing
      }
    </form>`;
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

  private renderResults(): TemplateResult {
    const { daily, byCampaign } = this;
    const busy = this.loading ? 'true' : 'false';
    let content: TemplateResult | typeof nothing = nothing;
    if (!daily || !byCampaign) {
      content = this.error ? nothing : html`<p part="status" role="status">${this.m('loadingPeriod')}</p>`;
    } else if (daily.report.rows.length === 0) {
      content = this.campaignId
        ? renderEmptyState({
            message: this.m('noCampaignTraffic'),
            action: {
              label: this.m('allCampaignsAction'),
              part: 'all-campaigns',
              onClick: () => this.chooseCampaign(''),
            },
          })
        : renderEmptyState({
            message: this.m('noTraffic'),
            hint: this.m('noTrafficHint'),
            action: { label: this.m('openCampaigns'), part: 'open-campaigns', onClick: this.openCampaigns },
          });
    } else {
      const charts = this.charts(daily, this.options?.metrics ?? [], this.i18n.locale);
      const unit = daily.grouping as 'day' | 'week' | 'month';
      content = html`<div part="charts">
          ${
            charts.traffic.series.length
              ? html`<kb-stats-chart part="chart-traffic" kind="line" .heading=${this.m(`chart.traffic.${unit}`)}
                  .labels=${charts.traffic.labels} .series=${charts.traffic.series}></kb-stats-chart>`
              : nothing
          }
          ${
            charts.deposits.series.length
              ? html`<kb-stats-chart part="chart-deposits" kind="bar" .heading=${this.m(`chart.deposits.${unit}`)}
                  .labels=${charts.deposits.labels} .series=${charts.deposits.series}></kb-stats-chart>`
              : nothing
          }
        </div>
        <section part="campaigns" aria-labelledby="dashboard-campaigns">
          <h3 part="subheading" id="dashboard-campaigns">${this.m('campaigns')}</h3>
          ${renderCampaignTable(this.view, byCampaign, this.options?.metrics ?? [], this.openReports)}
        </section>`;
    }
    return html`<div part="results" aria-busy=${busy}>
      <div part="error" role="alert">${
        this.error
          ? html`<p part="error-detail">${this.error}</p>
              <button part="button retry" type="button" @click=${() => this.reloadPeriod()}>${this.tc('retry')}</button>`
          : nothing
      }</div>
      ${content}
    </div>`;
  }
}
