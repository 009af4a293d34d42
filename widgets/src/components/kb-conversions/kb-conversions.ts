/**
 * `<kb-conversions>`: the conversion log, in two tabs. "Player events": events attributed to this
 * partner's links, newest first, filtered by event type, campaign, click id and date range.
 * "Statuses from trackers and networks" (statuses-view.ts): what the operator's
 * tracker and CPA networks reported on the partner's clicks, loaded when that tab is first opened.
 * Amounts are shown exactly as the server sends them (a decimal string and a currency code).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { dateRange, selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import {
  formValues,
  type Campaign,
  type PlayerEventEntry,
  type PlayerEventQuery,
} from '../../internal/campaign/campaign-types.ts';
import {
  ATTRIBUTION_LABELS,
  CONVERSION_TYPES,
  CONVERSION_TYPE_LABELS,
  conversionsMessages,
  type ConversionsKey,
} from './kb-conversions.messages.ts';
import { conversionsStyles } from './kb-conversions.styles.ts';
import { localDayRange } from '../../internal/local-days.ts';
import { panelId, renderTabs, tabId } from '../../internal/postback/postback-tabs.ts';
import { StatusesView } from './statuses-view.ts';
import { hasFilters, renderEmptyState } from '../../internal/empty-state.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

/** The server's page size (at most 500); the log has no cursor, so narrower filters reach older events. */
const LIMIT = 100;
/** The tab strip's id: `conversions-views-tab-events`, `conversions-views-tab-statuses`, `conversions-views-panel`. */
const VIEWS = 'conversions-views';
type View = 'events' | 'statuses';

/**
 * The conversion log. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - The empty list's "Get a tracking link": `detail: { section: 'campaigns' }`
 *   (`<kb-portal>` shows Campaigns).
 *
 * @csspart heading - Section heading. @csspart hint - Help text and the "only the latest" note.
 * @csspart tab-list - The events/statuses tabs.
 * @csspart tab - A tab (also `tab-selected`).
 * @csspart tab-panel - The tabs' panel.
 * @csspart view - One tab's content (also `events-view`, `statuses-view`).
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart count - How many conversions are shown.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart conversions - The table.
 * @csspart header-row - The header row.
 * @csspart header-cell - A column header.
 * @csspart conversion-row - One conversion.
 * @csspart cell - A cell (also `conversion-time`, `conversion-type`, `conversion-player`,
 *   `conversion-amount`, `conversion-campaign`,
 * `conversion-promo`, `conversion-click`, `conversion-by`, and in the statuses view `reported-time`,
 *   `reported-status`, `reported-payout`,
 * `reported-campaign`, `reported-promo`, `reported-click`, `reported-external`, `reported-source`,
 *   `reported-reason`).
 * @csspart reported-conversions - The statuses table. @csspart reported-row - One reported conversion.
 * @csspart badge - A status badge (also `status-badge`, `status-hold`, `status-approve`, `status-cancel`,
 *   `status-trash`).
 * @csspart button - Any button (also `primary`, `apply`, `retry`).
 * @csspart empty - No conversions (with `empty-message` and the `empty-action` button: `get-link` or
 *   `clear-filters`).
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Table header. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-surface - Badges.
 * @cssproperty --kb-color-primary - Primary button, the selected tab and Approved.
 * @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors, Cancelled and Trash.
 * @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbConversions extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, conversionsStyles];
  static override properties = {
    view: { state: true },
    conversions: { state: true },
    campaigns: { state: true },
    dateError: { state: true },
  };

  declare private view: View;
  declare private conversions: PlayerEventEntry[] | null;
  /** Active and archived campaigns for the filter; without them the filter is not shown. */
  declare private campaigns: Campaign[];
  declare private dateError: string | null;
  private filters: NonNullable<PlayerEventQuery> = { limit: LIMIT };
  private readonly reported = new StatusesView(this, {
    api: () => this.api,
    errorMessage: (error) => this.errorMessage(error),
    focusAfterRender: (selector) => this.focusAfterRender(selector),
  });

  constructor() {
    super();
    this.view = 'events';
    this.conversions = null;
    this.campaigns = [];
    this.dateError = null;
  }

  private m(key: ConversionsKey, params?: MessageParams): string {
    return conversionsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.conversions = null;
    this.reported.reset(this.view === 'statuses');
    const list = (status: 'active' | 'archived') =>
      expectOk(api.client.v1.partner.campaigns.$get({ query: { status } })).then((r) => r.data);
    await Promise.all([
      this.fetch(api),
      Promise.all([list('active'), list('archived')]).then(
        ([active, archived]) => {
          this.campaigns = [...active, ...archived];
        },
        () => {
          this.campaigns = [];
        },
      ),
    ]);
  }

  private fetch(api: ApiClient): Promise<void> {
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.events.$get({ query: this.filters })),
      ({ data }) => {
        this.conversions = data;
      },
    );
  }

  private selectView = (view: View, focus: boolean): void => {
    if (focus) this.focusAfterRender(`#${tabId(VIEWS, view)}`);
    this.view = view;
    if (view === 'statuses') this.reported.open();
  };

  private apply = (event: SubmitEvent): void => {
    event.preventDefault();
    const { type, campaignId, clickId, from, to } = formValues(event.currentTarget as HTMLFormElement);
    this.dateError = from && to && to < from ? this.c('toBeforeFrom') : null;
    if (this.dateError) {
      this.focusAfterRender('#conversions-to');
      return;
    }
    this.filters = {
      type: type as PlayerEventEntry['type'] | undefined,
      campaignId,
      clickId,
      limit: LIMIT,
      ...localDayRange(from, to),
    };
    const api = this.api;
    if (api) void this.fetch(api);
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      ${renderTabs({
        id: VIEWS,
        label: this.m('views'),
        current: this.view,
        onSelect: this.selectView,
        tabs: [
          ['events', this.m('view.events')],
          ['statuses', this.m('view.statuses')],
        ],
      })}
      <div part="tab-panel" role="tabpanel" id=${panelId(VIEWS)} aria-labelledby=${tabId(VIEWS, this.view)}>
        <div part="view events-view" ?hidden=${this.view !== 'events'}>
          <p part="hint">${this.m('intro')}</p>
          ${this.renderFilters()}
          ${this.renderResults()}
        </div>
        ${
          this.reported.opened
            ? html`<div part="view statuses-view" ?hidden=${this.view !== 'statuses'}>${this.reported.render({
                locale: this.i18n.locale,
                m: (key, params) => this.m(key, params),
                c: (key) => this.c(key),
                tc: (key) => this.tc(key),
                dateTime: (value) => this.dateTime(value),
                campaignOptions: this.campaignOptions(),
                getLink: this.getLink,
              })}</div>`
            : nothing
        }
      </div>`;
  }

  /** The campaign filter's options (active and archived, marked), or null while there are none. */
  private campaignOptions(): Array<readonly [string, string]> | null {
    if (this.campaigns.length === 0) return null;
    const archived = this.c('status.archived');
    return [
      ['', this.m('allCampaigns')],
      ...this.campaigns.map((c) => [c.id, c.status === 'archived' ? `${c.name} (${archived})` : c.name] as const),
    ];
  }

  private renderFilters(): TemplateResult {
    const labels = CONVERSION_TYPE_LABELS[this.i18n.locale];
    const campaigns = this.campaignOptions();
    return html`<form part="filters" aria-label=${this.c('filters')} novalidate @submit=${this.apply}>
      ${selectField({
        id: 'conversions-type',
        name: 'type',
        label: this.m('type'),
        options: [['', this.m('allTypes')], ...CONVERSION_TYPES.map((t) => [t, labels[t]] as const)],
      })}
      ${campaigns ? selectField({ id: 'conversions-campaign', name: 'campaignId', label: this.m('campaign'), options: campaigns }) : nothing}
      ${textField({ id: 'conversions-click', name: 'clickId', label: this.m('clickId'), maxlength: 100 })}
      ${dateRange('conversions', { from: this.c('from'), to: this.c('to') }, this.dateError)}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.loading}>${this.c('filter')}</button></div>
    </form>`;
  }

  /** Filtered: "no match" and Clear filters; nothing yet: where events come from and the way to a tracking link. */
  private renderEmpty(): TemplateResult {
    if (hasFilters({ ...this.filters, limit: undefined })) {
      return renderEmptyState({
        message: this.m('empty'),
        action: { label: this.c('clearFilters'), part: 'clear-filters', onClick: this.clearFilters },
      });
    }
    return renderEmptyState({
      message: this.m('nothingYet'),
      action: { label: this.m('getLink'), part: 'get-link', onClick: this.getLink },
    });
  }

  private readonly getLink = (): void => {
    this.emit('kb-open-section', { section: 'campaigns' });
  };

  /** Empties the events filter form and loads the newest events again. */
  private readonly clearFilters = (event: Event): void => {
    const view = (event.currentTarget as Element).closest('[part~="view"]');
    view?.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    this.filters = { limit: LIMIT };
    const api = this.api;
    if (api) void this.fetch(api);
    this.focusAfterRender('#conversions-type');
  };

  private renderResults(): TemplateResult {
    const rows = this.conversions;
    if (!rows) return this.error ? this.renderLoadError(this.error) : this.renderLoading();
    const types = CONVERSION_TYPE_LABELS[this.i18n.locale];
    const methods = ATTRIBUTION_LABELS[this.i18n.locale];
    const none = this.tc('none');
    const cols = columns({
      time: { label: this.m('col.time') },
      type: { label: this.m('type'), primary: true },
      player: { label: this.m('col.player'), priority: 2 },
      amount: { label: this.m('col.amount') },
      campaign: { label: this.m('campaign'), priority: 2 },
      promo: { label: this.m('col.promo'), priority: 3 },
      click: { label: this.m('clickId'), priority: 3 },
      by: { label: this.m('col.by'), priority: 4 },
    });
    return html`<p part="count" role="status" aria-busy=${this.loading ? 'true' : 'false'}>${this.m('count', { count: rows.length })}</p>
      ${rows.length >= LIMIT ? html`<p part="hint">${this.m('limit', { count: LIMIT })}</p>` : nothing}
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        rows.length === 0
          ? this.renderEmpty()
          : html`<div part="table-wrap" ${scrollRegion(this.m('view.events'))}>
        <table part="conversions">
          <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr part="conversion-row" data-conversion-id=${r.id}>
            <td part="cell conversion-time" ${cell(cols.time)}><time datetime=${r.occurredAt}>${this.dateTime(r.occurredAt)}</time></td>
            <th part="cell conversion-type" scope="row" ${cell(cols.type)}>${types[r.type] ?? r.type}</th>
            <td part="cell conversion-player" ${cell(cols.player)}><code>${r.playerId}</code></td>
            <td part="cell conversion-amount" ${cell(cols.amount)}>${r.amount === null ? none : `${r.amount} ${r.currency ?? ''}`.trim()}</td>
            <td part="cell conversion-campaign" ${cell(cols.campaign)}>${r.campaignName ?? none}</td>
            <td part="cell conversion-promo" ${cell(cols.promo)}>${r.promoTitle ?? none}</td>
            <td part="cell conversion-click" ${cell(cols.click)}>${r.clickId ? html`<code>${r.clickId}</code>` : none}</td>
            <td part="cell conversion-by" ${cell(cols.by)}>${r.attributedBy ? methods[r.attributedBy] : none}</td>
          </tr>`,
          )}</tbody>
        </table>
      </div>`
      }`;
  }
}
