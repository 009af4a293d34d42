/**
 * `<kb-subaffiliates>`: the partners this partner brought into the program, down to five levels
 * (`GET /v1/partner/sub_affiliates`), newest sign-up first with "Load more", filtered by level;
 * above them the partner's referral code and link, the way to get more.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { sessionContext } from '../../internal/contexts.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { subAffiliatesMessages, type SubAffiliatesKey } from './kb-subaffiliates.messages.ts';
import { subAffiliatesStyles } from './kb-subaffiliates.styles.ts';

type ListCall = KabinetClient['v1']['partner']['sub_affiliates']['$get'];
export type SubAffiliate = SuccessBody<Awaited<ReturnType<ListCall>>>['data'][number];
type Filters = { level?: string | undefined };

/** Levels the server walks (SUB_AFFILIATE_MAX_LEVEL). */
const LEVELS = ['1', '2', '3', '4', '5'] as const;

/**
 * The partner's sub-affiliates. Must sit inside `<kb-portal>` (api, session and locale contexts).
 * The referral link (this page with `?ref=`, where `<kb-sign-up>` picks the code up) shows only in
 * a password session: an embedding page is the operator's own, where visitors may not sign up.
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - Section heading. @csspart subheading - The invite and results headings.
 * @csspart hint - Help text. @csspart panel - The invite box.
 * @csspart facts - The referral code and link. @csspart fact - One of them (also `fact-label`, `fact-value`).
 * @csspart referral-code - The code. @csspart referral-link - The link.
 * @csspart filters - The level filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - The level select (also `level-filter`). @csspart actions - Buttons row.
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart sub-affiliates - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart row - One sub-partner. @csspart cell - A cell (also `name`, `level`, `campaign`, `promo`, `signed-up`,
 *   `status`, `deal`). @csspart deal-list - The commission lines. @csspart deal-item - One plan's line.
 * @csspart status-badge - The sub-partner's status (also `status-<status>`).
 * @csspart count - How many are shown.
 * @csspart empty - Nothing yet or nothing at this level (with `empty-message`, `empty-hint`, `clear-filters`).
 * @csspart button - Any button (also `copy-button`, `apply`, `load-more`, `retry`).
 * @csspart copy-status - "Copied" note. @csspart error - Error message. @csspart error-detail - A load error's text.
 * @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header and code background.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-danger - Errors.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Corners.
 * @cssproperty --kb-radius-small - Small corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbSubaffiliates extends AccountSection {
  static override styles = [accountSectionStyles, subAffiliatesStyles];
  static override properties = { referralCode: { state: true } };

  /** From the profile; null until it loads (or when it could not, which hides the invite box). */
  declare private referralCode: string | null;
  private readonly session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  private readonly log = new PagedLog<SubAffiliate, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, before) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query = { ...(filters.level ? { level: filters.level } : {}), ...(before ? { before } : {}) };
        return expectOk(api.client.v1.partner.sub_affiliates.$get({ query }));
      },
      errorMessage: (error) => this.errorMessage(error),
      onLastPage: () => this.focusAfterRender('#sub-results-heading'),
    },
  );

  constructor() {
    super();
    this.referralCode = null;
  }

  private m(key: SubAffiliatesKey, params?: MessageParams): string {
    return subAffiliatesMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.log.reset();
    this.referralCode = null;
    await Promise.all([this.log.fetch(false), this.loadReferralCode(api)]);
  }

  /** The invite box is a help, not the list: without the profile it is simply not shown. */
  private async loadReferralCode(api: ApiClient): Promise<void> {
    try {
      this.referralCode = (await expectOk(api.client.v1.partner.profile.$get())).partner.referralCode;
    } catch {
      this.referralCode = null;
    }
  }

  /** This page with `?ref=`: the portal's sign-up form there reads the code. Password sessions only. */
  private get referralLink(): string | null {
    if (!this.referralCode || this.session.value?.status !== 'signed_in') return null;
    const url = new URL(location.href);
    url.search = '';
    url.hash = '';
    url.searchParams.set('ref', this.referralCode);
    return url.toString();
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const select = (event.currentTarget as HTMLFormElement).elements.namedItem('level') as HTMLSelectElement | null;
    if (this.api) void this.log.apply({ level: select?.value || undefined });
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    if (this.api) void this.log.clear();
    this.focusAfterRender('#sub-level');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderInvite()}
      <h3 part="subheading" id="sub-results-heading" tabindex="-1">${this.m('results')}</h3>
      ${this.renderFilters()}
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
        empty: {
          message: this.m('nothingYet'),
          // Points only at what this page shows: the link and code, the code alone, or the profile.
          hint: this.m(
            this.referralLink ? 'nothingYetHint' : this.referralCode ? 'nothingYetHintCode' : 'nothingYetHintProfile',
          ),
        },
        noMatch: { message: this.m('empty'), clear: this.m('clearFilters'), onClear: this.clearFilters },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loadingMore'),
        table: (rows) => this.renderTable(rows),
        loading: () => this.renderLoading(),
        loadError: (message) => this.renderLoadError(message),
      })}`;
  }

  private renderInvite(): TemplateResult | typeof nothing {
    const code = this.referralCode;
    if (!code) return nothing;
    const link = this.referralLink;
    return html`<section part="panel invite" aria-labelledby="sub-invite-heading">
      <h3 part="subheading" id="sub-invite-heading">${this.m('invite')}</h3>
      <div part="facts">
        <div part="fact">
          <span part="fact-label">${this.m('referralCode')}</span>
          <p part="fact-value"><code part="referral-code">${code}</code>${this.renderCopy('code', code, this.m('copyCode'))}</p>
        </div>
        ${
          link
            ? html`<div part="fact">
          <span part="fact-label">${this.m('referralLink')}</span>
          <p part="fact-value"><code part="referral-link">${link}</code>${this.renderCopy('link', link, this.m('copyLink'))}</p>
        </div>`
            : nothing
        }
      </div>
      <p part="hint">${this.m('inviteHint')}</p>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      <div part="field">
        <label part="label" for="sub-level">${this.m('level')}</label>
        <select part="input level-filter" id="sub-level" name="level">
          <option value="">${this.m('allLevels')}</option>
          ${LEVELS.map((level) => html`<option value=${level}>${this.m('levelN', { level })}</option>`)}
        </select>
      </div>
      <div part="actions">
        <button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button>
      </div>
    </form>`;
  }

  private renderTable(rows: SubAffiliate[]): TemplateResult {
    const cols = columns({
      name: { label: this.m('col.name'), primary: true },
      level: { label: this.m('col.level') },
      campaign: { label: this.m('col.campaign'), priority: 2 },
      promo: { label: this.m('col.promo'), priority: 3 },
      signedUp: { label: this.m('col.signedUp'), priority: 2 },
      status: { label: this.m('col.status') },
      deal: { label: this.m('col.deal') },
    });
    const unknown = this.m('unknownSource');
    return html`<div part="table-wrap" ${scrollRegion(this.m('results'))}>
      <table part="sub-affiliates" aria-labelledby="sub-results-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr part="row" data-partner-id=${row.id} data-level=${row.level}>
            <th part="cell name" scope="row" ${cell(cols.name)}>${row.name}</th>
            <td part="cell level" ${cell(cols.level)}>${row.level}</td>
            <td part="cell campaign" ${cell(cols.campaign)}>${row.campaign?.name ?? unknown}</td>
            <td part="cell promo" ${cell(cols.promo)}>${
              row.promo?.title ?? html`<span title=${this.m('noPromo')} aria-label=${this.m('noPromo')}>—</span>`
            }</td>
            <td part="cell signed-up" ${cell(cols.signedUp)}><time datetime=${row.signedUpAt}>${this.i18n.formatDate(row.signedUpAt)}</time></td>
            <td part="cell status" ${cell(cols.status)}><span part=${`status-badge status-${row.status}`}>${this.m(`status.${row.status}`)}</span></td>
            <td part="cell deal" ${cell(cols.deal)}>${this.renderDeals(row)}</td>
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** One line per plan paying a sub-affiliate commission at the row's level, the percent in the user's numbers. */
  private renderDeals(row: SubAffiliate): TemplateResult | string {
    if (row.deals.length === 0) return this.m('noDeal');
    const percent = (value: string) =>
      this.i18n.formatNumber(Number(value) / 100, { style: 'percent', maximumFractionDigits: 4 });
    return html`<ul part="deal-list">${row.deals.map(
      (deal) =>
        html`<li part="deal-item">${this.m('deal', { plan: deal.planName, percent: percent(deal.percent), level: row.level })}</li>`,
    )}</ul>`;
  }
}
