/**
 * `<kb-subaffiliate-report>`: the partner's sub-affiliates' results by level
 * (`GET /v1/partner/reports/sub_affiliates`): a period (relative or custom dates), overall totals,
 * then a table per level with the level's totals and its sub-affiliates, each with its traffic and
 * players (the metrics the operator lets partners see) and the sub-affiliate commission earned from it.
 * Inside a portal the period is in the address (`#/reports/sub_affiliates?period=last_month`), so a
 * refresh, Back and a shared link show the same dates.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { expectOk } from '../../internal/api-client.ts';
import { routeContext } from '../../internal/contexts.ts';
import type { SectionRoute } from '../../internal/router.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { cell, columns, headerCells, scrollRegion, type Column } from '../../internal/responsive-table.ts';
import { formatAmounts, formatDays } from '../../internal/statistics/format.ts';
import {
  periodError,
  periodQuery,
  renderPeriodPicker,
  type PeriodChoice,
} from '../../internal/statistics/period-picker.ts';
import { readPeriod, writePeriod } from '../../internal/statistics/query-address.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import { statisticsStyles } from '../../internal/statistics/statistics.styles.ts';
import { subAffiliateReportMessages, type SubAffiliateReportKey } from './kb-subaffiliate-report.messages.ts';
import { subAffiliateReportStyles } from './kb-subaffiliate-report.styles.ts';

type ReportCall = KabinetClient['v1']['partner']['reports']['sub_affiliates']['$get'];
export type SubAffiliateReport = SuccessBody<Awaited<ReturnType<ReportCall>>>;
type Level = SubAffiliateReport['levels'][number];
type Row = Level['rows'][number];
type Values = Level['values'];

const placeOf = (state: SectionRoute) => [state.route.section, ...state.route.path].join('/');

/** One figure of the overall summary. */
const summaryItem = (name: string, value: TemplateResult | string, key: string) =>
  html`<div part="summary-item" data-item=${key}><dt part="summary-name">${name}</dt><dd part="summary-value">${value}</dd></div>`;

/** The tree size the server reads at most (SUB_AFFILIATE_TREE_CAP), for the note when it was cut. */
const TREE_CAP = 5000;

/**
 * The sub-affiliates report. Must sit inside `<kb-portal>` (api, session, locale and branding contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - Section heading. @csspart hint - Help text (also `time-zone`).
 * @csspart filters - The period form. @csspart field - A label with its control. @csspart label - A label.
 * @csspart input - A select or date input (also `period-select`). @csspart field-error - A date's problem.
 * @csspart actions - Buttons row. @csspart button - Any button (also `primary`, `show`, `retry`).
 * @csspart results - The report. @csspart period - The dates shown.
 * @csspart overall - The totals over every level (`summary` list: `summary-item`, `summary-name`, `summary-value`).
 * @csspart level - One level's section (`data-level`). @csspart level-heading - Its heading.
 * @csspart level-count - How many sub-affiliates it has. @csspart note - Notes (rows shown of how many, earnings rule).
 * @csspart warning - The tree was larger than the report reads.
 * @csspart table-wrap - A level's table box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart level-table - The table. @csspart header-row - Its header row. @csspart header-cell - A header.
 * @csspart row - A sub-affiliate (`data-partner-id`). @csspart totals-row - The level's totals.
 * @csspart cell - A cell (also `partner`, `status`, `signed-up`, `metric-cell`, `metric-<name>`, `earned`, `total-label`).
 * @csspart status-badge - A sub-affiliate's status (also `status-<status>`).
 * @csspart value - A formatted value (also `amount-line`, one per currency).
 * @csspart empty - No sub-affiliates (`empty-message`, `empty-hint`, `empty-action`: the link to the Sub-affiliates page).
 * @csspart error - An error. @csspart error-detail - Its text. @csspart status - Loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, totals and panels.
 * @cssproperty --kb-color-bg - Inputs. @cssproperty --kb-color-link - The empty state's link.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-warning - The cut tree's border. @cssproperty --kb-color-warning-bg - Its background.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Panels and table corners. @cssproperty --kb-radius-small - Inputs.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap.
 * @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbSubaffiliateReport extends StatisticsSection {
  static override styles = [accountSectionStyles, campaignStyles, statisticsStyles, subAffiliateReportStyles];
  static override properties = {
    choice: { state: true },
    report: { state: true },
    dateError: { state: true },
  };

  declare private choice: PeriodChoice;
  declare private report: SubAffiliateReport | null;
  /** A custom range's problem, found before asking. */
  declare private dateError: string | null;
  /** Where the report was first shown (section and path) and the address query its dates answer. */
  private place: string | null = null;
  private shownQuery = '';
  private readonly route = new ContextConsumer(this, {
    context: routeContext,
    subscribe: true,
    callback: (state) => this.followAddress(state),
  });

  constructor() {
    super();
    this.choice = { period: 'last_30_days', from: '', to: '' };
    this.report = null;
    this.dateError = null;
  }

  private m(key: SubAffiliateReportKey, params?: MessageParams): string {
    return subAffiliateReportMessages(this.i18n.locale, key, params);
  }

  protected override load(): Promise<void> {
    const state = this.route.value;
    if (state) {
      this.place = placeOf(state);
      this.adopt(state.route.query);
    }
    return this.fetch();
  }

  /** The dates an address query names (none or unknown: the ones shown stay). */
  private adopt(query: string): void {
    this.shownQuery = query;
    const choice = readPeriod(new URLSearchParams(query));
    if (choice) this.choice = choice;
    this.dateError = null;
  }

  /** Back, Forward or a link brought other dates to this place: show them. */
  private followAddress(state: SectionRoute | undefined): void {
    if (!state || this.place === null || placeOf(state) !== this.place || state.route.query === this.shownQuery) return;
    this.adopt(state.route.query);
    void this.fetch();
  }

  /** Asked dates go into the address (a new history entry), where the portal has one. */
  private writeAddress(): void {
    const state = this.route.value;
    if (!state || this.place === null || placeOf(state) !== this.place) return;
    const q = new URLSearchParams();
    writePeriod(q, this.choice);
    const query = q.toString();
    if (query === this.shownQuery) return;
    this.shownQuery = query;
    state.go(state.route.path, { query });
  }

  private fetch(): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    const query = periodQuery(this.choice);
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.reports.sub_affiliates.$get({ query })),
      (report) => (this.report = report),
    );
  }

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.dateError = periodError(this.i18n.locale, this.choice);
    if (this.dateError) return;
    this.writeAddress();
    void this.fetch();
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const report = this.report;
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}${
        report
          ? html` <span part="time-zone">${this.m('timeZone', { timeZone: report.period.timeZone })}</span>`
          : nothing
      }</p>
      <form part="filters" aria-label=${this.m('form')} novalidate @submit=${this.submit}>
        ${renderPeriodPicker({
          id: 'sar',
          locale: this.i18n.locale,
          value: this.choice,
          error: this.dateError,
          onChange: (change) => {
            this.choice = { ...this.choice, ...change };
            this.dateError = null;
          },
        })}
        <div part="actions">
          <button part="button primary show" type="submit" ?disabled=${this.loading}>${this.m('show')}</button>
        </div>
      </form>
      ${this.error ? this.renderLoadError(this.error) : nothing}
      ${!report && this.loading ? html`<p part="status" role="status">${this.m('loading')}</p>` : nothing}
      ${report ? this.renderReport(report) : nothing}`;
  }

  private renderReport(report: SubAffiliateReport): TemplateResult {
    const dates = formatDays(this.i18n.locale, report.period.from, report.period.to);
    if (report.levels.length === 0)
      return html`<div part="empty" role="status">
        <p part="empty-message">${this.m('empty')}</p>
        <p part="empty-hint">${this.m('emptyHint')}</p>
        <p><a part="empty-action" href="#/sub-affiliates">${this.m('emptyAction')}</a></p>
      </div>`;
    return html`<section part="results" aria-busy=${this.loading ? 'true' : 'false'}>
      <p part="period">${this.m('period', { dates })}</p>
      ${report.complete ? nothing : html`<p part="warning">${this.m('incomplete', { cap: this.statistics.formatCount(TREE_CAP) })}</p>`}
      ${this.renderOverall(report)}
      ${report.levels.map((level) => this.renderLevel(report, level))}
      <p part="note hint">${this.m('earnedNote')}</p>
    </section>`;
  }

  private renderOverall(report: SubAffiliateReport): TemplateResult {
    const { totals } = report;
    return html`<section part="overall" aria-labelledby="sar-overall">
      <h3 part="subheading" id="sar-overall">${this.m('overall')}</h3>
      <dl part="summary">
        ${summaryItem(this.m('subAffiliates'), this.statistics.formatCount(totals.subAffiliates), 'subAffiliates')}
        ${summaryItem(this.m('earned'), this.renderEarned(totals.earned), 'earned')}
        ${report.metrics.map((metric) => summaryItem(this.metricLabel(metric), this.renderValue(metric, totals.values[metric]), metric))}
      </dl>
    </section>`;
  }

  private renderEarned(earned: Record<string, string>): TemplateResult {
    const lines = formatAmounts(this.i18n.locale, earned);
    if (lines.length === 0) return html`<span part="value">—</span>`;
    return lines.length === 1
      ? html`<span part="value">${lines[0]}</span>`
      : html`${lines.map((line) => html`<span part="value amount-line">${line}</span>`)}`;
  }

  private renderLevel(report: SubAffiliateReport, level: Level): TemplateResult {
    const headingId = `sar-level-${level.level}`;
    const metricColumns = Object.fromEntries(
      report.metrics.map((metric, i) => [
        `metric-${metric}`,
        { label: this.metricLabel(metric), priority: i < 3 ? 1 : i < 5 ? 2 : 3 } as const,
      ]),
    );
    const cols = columns({
      partner: { label: this.m('col.partner'), primary: true },
      status: { label: this.m('col.status'), priority: 4 },
      signedUp: { label: this.m('col.signedUp'), priority: 4 },
      ...metricColumns,
      earned: { label: this.m('earned') },
    });
    const metricCells = (values: Values) =>
      report.metrics.map(
        (metric) =>
          html`<td part=${`cell metric-cell metric-${metric}`} ${cell((cols as unknown as Record<string, Column>)[`metric-${metric}`]!)}>${this.renderValue(metric, values[metric])}</td>`,
      );
    const count = this.m('subAffiliateCount', { count: level.subAffiliates });
    return html`<section part="level" data-level=${level.level} aria-labelledby=${headingId}>
      <h3 part="subheading level-heading" id=${headingId}>${this.m('levelN', { level: level.level })}
        <span part="level-count">${count}</span></h3>
      ${
        level.rows.length < level.subAffiliates
          ? html`<p part="note hint">${this.m('shownOf', {
              shown: this.statistics.formatCount(level.rows.length),
              count: this.statistics.formatCount(level.subAffiliates),
            })}</p>`
          : nothing
      }
      <div part="table-wrap" ${scrollRegion(this.m('levelN', { level: level.level }))}>
        <table part="level-table" aria-labelledby=${headingId}>
          <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
          <tbody>
            ${level.rows.map(
              (row: Row) => html`<tr part="row" data-partner-id=${row.partner.id}>
                <th part="cell partner" scope="row" ${cell(cols.partner)}>${row.partner.name}</th>
                <td part="cell status" ${cell(cols.status)}><span part=${`status-badge status-${row.partner.status}`}>${this.m(`status.${row.partner.status}`)}</span></td>
                <td part="cell signed-up" ${cell(cols.signedUp)}><time datetime=${row.partner.signedUpAt}>${this.date(row.partner.signedUpAt)}</time></td>
                ${metricCells(row.values)}
                <td part="cell earned" ${cell(cols.earned)}>${this.renderEarned(row.earned)}</td>
              </tr>`,
            )}
            <tr part="totals-row">
              <th part="cell total-label" scope="row" ${cell(cols.partner)}>${this.m('levelTotal', { level: level.level })}</th>
              <td part="cell status" ${cell(cols.status)}></td>
              <td part="cell signed-up" ${cell(cols.signedUp)}></td>
              ${metricCells(level.values)}
              <td part="cell earned" ${cell(cols.earned)}>${this.renderEarned(level.earned)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>`;
  }
}
