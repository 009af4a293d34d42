/**
 * The second view of `<kb-conversions>`: conversions the operator's tracker and CPA networks
 * reported on the partner's clicks (`GET /v1/partner/conversions`), with their status,
 * latest change first. It keeps its own rows, filters and "newest load wins" counter, so it loads
 * only when its tab is first opened and never races the player-events view. Payouts are shown
 * exactly as the server sends them (a decimal string and a currency code), never re-formatted.
 */
import { hasFilters, renderEmptyState } from '../../internal/empty-state.ts';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { localDayRange } from '../../internal/local-days.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { dateRange, selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import type { CampaignKey } from '../../internal/campaign/campaign.messages.ts';
import { formValues } from '../../internal/campaign/campaign-types.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import {
  REPORTED_SOURCE_LABELS,
  REPORTED_STATUSES,
  REPORTED_STATUS_LABELS,
  type ConversionsKey,
} from './kb-conversions.messages.ts';

type ConversionsCall = KabinetClient['v1']['partner']['conversions']['$get'];
export type PartnerConversion = SuccessBody<Awaited<ReturnType<ConversionsCall>>>['data'][number];
export type ConversionQuery = NonNullable<NonNullable<Parameters<ConversionsCall>[0]>['query']>;

/** The server's default page size (at most 500); there is no cursor, so narrower filters reach older ones. */
export const REPORTED_LIMIT = 100;

/** What the view needs from `<kb-conversions>`: the API, its error handling and focus moves. */
export interface ReportedViewDeps {
  api(): ApiClient | undefined;
  /** The message for a failed call (a 401 also ends the session). */
  errorMessage(error: unknown): string;
  focusAfterRender(selector: string): void;
}

/** The host's strings and formatting at render time. */
export interface ReportedViewText {
  locale: Locale;
  m(key: ConversionsKey, params?: MessageParams): string;
  c(key: CampaignKey): string;
  tc(key: CommonKey): string;
  dateTime(value: string): string;
  /** The events view's campaign picker options, or null while there are no campaigns to pick. */
  campaignOptions: ReadonlyArray<readonly [string, string]> | null;
  /** "Get a tracking link": asks the portal for Campaigns. */
  getLink(): void;
}

export class StatusesView {
  /** The tab has been opened (since the last reset): the view is rendered and has loaded. */
  opened = false;
  private rows: PartnerConversion[] | null = null;
  private loading = false;
  private error: string | null = null;
  private dateError: string | null = null;
  private filters: ConversionQuery = { limit: REPORTED_LIMIT };
  /** Only the newest load may write: a slow answer must not land after a newer filter. */
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: ReportedViewDeps,
  ) {}

  /** Loads on the first opening; later openings keep the rows and the filters. */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    void this.fetch();
  }

  /**
   * A new client or user: drop what was loaded and the filters (the form is re-created with the
   * view); load again now if the tab is showing, else when it is next opened.
   */
  reset(showing: boolean): void {
    this.seq++;
    this.opened = false;
    this.rows = null;
    this.loading = false;
    this.error = null;
    this.dateError = null;
    this.filters = { limit: REPORTED_LIMIT };
    if (showing) this.open();
  }

  private async fetch(): Promise<void> {
    const api = this.deps.api();
    if (!api) return;
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const { data } = await expectOk(api.client.v1.partner.conversions.$get({ query: this.filters }));
      if (seq === this.seq) this.rows = data;
    } catch (error) {
      if (seq === this.seq) this.error = this.deps.errorMessage(error);
    } finally {
      if (seq === this.seq) this.loading = false;
      this.host.requestUpdate();
    }
  }

  private apply(form: HTMLFormElement, toBeforeFrom: string): void {
    const { status, campaignId, clickId, from, to } = formValues(form);
    this.dateError = from && to && to < from ? toBeforeFrom : null;
    if (this.dateError) {
      this.deps.focusAfterRender('#reported-to');
      return;
    }
    this.filters = {
      status: status as PartnerConversion['status'] | undefined,
      campaignId,
      clickId,
      limit: REPORTED_LIMIT,
      ...localDayRange(from, to),
    };
    void this.fetch();
  }

  render(t: ReportedViewText): TemplateResult {
    const labels = REPORTED_STATUS_LABELS[t.locale];
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      this.apply(event.currentTarget as HTMLFormElement, t.c('toBeforeFrom'));
    };
    return html`<p part="hint">${t.m('statuses.intro')}</p>
      <form part="filters" aria-label=${t.c('filters')} novalidate @submit=${submit}>
        ${selectField({
          id: 'reported-status',
          name: 'status',
          label: t.m('statuses.status'),
          options: [['', t.m('statuses.anyStatus')], ...REPORTED_STATUSES.map((s) => [s, labels[s]] as const)],
        })}
        ${t.campaignOptions ? selectField({ id: 'reported-campaign', name: 'campaignId', label: t.m('campaign'), options: t.campaignOptions }) : nothing}
        ${textField({ id: 'reported-click', name: 'clickId', label: t.m('clickId'), maxlength: 100 })}
        ${dateRange('reported', { from: t.c('from'), to: t.c('to') }, this.dateError)}
        <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.loading}>${t.c('filter')}</button></div>
      </form>
      ${this.renderResults(t)}`;
  }

  /** Filtered: "no match" and Clear filters; nothing yet: where reported conversions come from. */
  private renderEmpty(t: ReportedViewText): TemplateResult {
    if (hasFilters({ ...this.filters, limit: undefined })) {
      return renderEmptyState({
        message: t.m('statuses.empty'),
        action: { label: t.c('clearFilters'), part: 'clear-filters', onClick: (e) => this.clearFilters(e) },
      });
    }
    return renderEmptyState({
      message: t.m('statuses.nothingYet'),
      action: { label: t.m('getLink'), part: 'get-link', onClick: () => t.getLink() },
    });
  }

  /** Empties this view's filter form and loads the newest reported conversions again. */
  private clearFilters(event: Event): void {
    const view = (event.currentTarget as Element).closest('[part~="view"]');
    view?.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    this.filters = { limit: REPORTED_LIMIT };
    void this.fetch();
    this.deps.focusAfterRender('#reported-status');
  }

  private renderResults(t: ReportedViewText): TemplateResult {
    const rows = this.rows;
    if (!rows) {
      return this.error
        ? html`<div part="error" role="alert">
            <p part="error-detail">${this.error}</p>
            <button part="button retry" type="button" @click=${() => void this.fetch()}>${t.tc('retry')}</button>
          </div>`
        : html`<p part="status" role="status" aria-busy="true">${t.tc('loading')}</p>`;
    }
    const statuses = REPORTED_STATUS_LABELS[t.locale];
    const sources = REPORTED_SOURCE_LABELS[t.locale];
    const none = t.tc('none');
    const cols = columns({
      time: { label: t.m('col.updated') },
      status: { label: t.m('statuses.status'), primary: true },
      payout: { label: t.m('col.payout') },
      campaign: { label: t.m('campaign'), priority: 2 },
      promo: { label: t.m('col.promo'), priority: 3 },
      click: { label: t.m('clickId'), priority: 3 },
      // For network conversions the order id is the click id the operator passed as sub id: the
      // column shows only when some row's order id says something the click id does not.
      external: rows.some(ownOrderId) ? { label: t.m('col.externalId'), priority: 4 } : undefined,
      source: { label: t.m('col.source'), priority: 2 },
      reason: { label: t.m('col.reason'), priority: 2 },
    });
    return html`<p part="count" role="status" aria-busy=${this.loading ? 'true' : 'false'}>${t.m('count', { count: rows.length })}</p>
      ${rows.length >= REPORTED_LIMIT ? html`<p part="hint">${t.m('limit', { count: REPORTED_LIMIT })}</p>` : nothing}
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        rows.length === 0
          ? this.renderEmpty(t)
          : html`<div part="table-wrap" ${scrollRegion(t.m('view.statuses'))}>
        <table part="reported-conversions">
          <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr part="reported-row" data-reported-id=${r.id}>
            <td part="cell reported-time" ${cell(cols.time)}><time datetime=${r.updatedAt}>${t.dateTime(r.updatedAt)}</time></td>
            <th part="cell reported-status" scope="row" ${cell(cols.status)}><span part=${`badge status-badge status-${r.status}`}>${statuses[r.status] ?? r.status}</span></th>
            <td part="cell reported-payout" ${cell(cols.payout)}>${r.payout === null ? none : `${r.payout} ${r.currency ?? ''}`.trim()}</td>
            <td part="cell reported-campaign" ${cell(cols.campaign)}>${r.campaignName ?? none}</td>
            <td part="cell reported-promo" ${cell(cols.promo)}>${r.promoTitle ?? none}</td>
            <td part="cell reported-click" ${cell(cols.click)}>${r.clickId ? html`<code>${r.clickId}</code>` : none}</td>
            ${cols.external ? html`<td part="cell reported-external" ${cell(cols.external)}>${ownOrderId(r) ? html`<code>${r.externalId}</code>` : none}</td>` : nothing}
            <td part="cell reported-source" ${cell(cols.source)}>${sources[r.source] ?? r.source}</td>
            <td part="cell reported-reason" ${cell(cols.reason)}>${renderReason(t, r, none)}</td>
          </tr>`,
          )}</tbody>
        </table>
      </div>`
      }`;
  }
}

/** An order id that is not just the click id again (networks echo the sub id as their order id). */
const ownOrderId = (r: PartnerConversion): boolean => Boolean(r.externalId) && r.externalId !== r.clickId;

/** A bare token, not a sentence: a network's own reason code such as IKON's `7`. */
const REASON_CODE = /^[\w.-]{1,24}$/;

/**
 * The reason a sender gave: a network's bare code labelled as that network's own code ("Network
 * reason code 7"), words as they came; the sender's comment next to it when there is one.
 */
function renderReason(t: ReportedViewText, r: PartnerConversion, none: string): TemplateResult | string {
  const reason = r.reason?.trim() || null;
  const comment = r.comment?.trim() || null;
  if (!reason && !comment) return none;
  const text =
    reason && r.source === 'network' && REASON_CODE.test(reason) ? t.m('reason.networkCode', { code: reason }) : reason;
  return html`${text ? html`<span part="reason-text">${text}</span>` : nothing}${
    comment
      ? html`${text ? ' ' : nothing}<span part="reason-comment">${t.m('reason.comment', { comment })}</span>`
      : nothing
  }`;
}
