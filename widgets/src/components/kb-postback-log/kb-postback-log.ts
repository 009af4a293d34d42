/**
 * `<kb-postback-log>`: every attempt to deliver a postback, newest first, filtered by time, URL
 * (partial), action, the tracker's answer (an exact code, a class like 4xx, or none), campaign
 * name (partial) or id, promo code or id; paged with "Load more" (the server's `nextBefore`).
 * `campaign-id` / `promo-id` keep it to one campaign's or promo's attempts.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { dateRange, selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import { formValues } from '../../internal/campaign/campaign-types.ts';
import { ACTION_LABELS } from '../../internal/postback/postback-labels.ts';
import {
  POSTBACK_ACTIONS,
  type PostbackAction,
  type PostbackAttempt,
  type PostbackLogQuery,
} from '../../internal/postback/postback-types.ts';
import { logMessages, type LogKey } from './kb-postback-log.messages.ts';
import { logStyles } from './kb-postback-log.styles.ts';
import { renderLogTable } from './log-table.ts';
import { localDayRange } from '../../internal/local-days.ts';
import { PagedLog } from '../../internal/paged-log.ts';

/** Attempts per page (the server allows up to 200). */
const PAGE = 50;
const RESPONSE_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'none'] as const;
type Filters = Omit<NonNullable<PostbackLogQuery>, 'before' | 'limit'>;

/**
 * The delivery log. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - The empty log's "Go to postbacks": `detail: { section: 'postbacks' }`
 *   (`<kb-portal>` shows Postbacks; `<kb-postbacks>` its list tab).
 *
 * @csspart heading - Section heading.
 * @csspart hint - Help text.
 * @csspart filters - The filter form.
 * @csspart field - A label with its input.
 * @csspart label - A label.
 * @csspart input - A filter input or select.
 * @csspart field-error - A filter's error.
 * @csspart actions - Buttons row.
 * @csspart subheading - "Attempts".
 * @csspart count - How many attempts are shown.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart attempts - The table.
 * @csspart header-row - Its header row.
 * @csspart header-cell - A column header.
 * @csspart attempt-row - One attempt (also `test-row`).
 * @csspart cell - A cell (also `attempt-time`, `attempt-url`, `attempt-action`, `attempt-response`,
 *   `attempt-duration`, `attempt-campaign`, `attempt-promo`).
 * @csspart url - The URL as sent. @csspart badge - Method and test badges (also `method-badge`, `test-badge`).
 * @csspart ref-name - A campaign's name or a promo's title.
 * @csspart ref-secondary - Under it, the promo code (`ref-code`) and the id (`ref-id`, also `mono`) the
 *   filters take.
 * @csspart response-code - The tracker's HTTP code (also `response-2xx`, `response-3xx`, `response-4xx`,
 *   `response-5xx`).
 * @csspart response-none - No answer, with the reason. @csspart response-error - An error beside a code.
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`).
 * @csspart empty - No attempts (with `empty-message`, `empty-hint` and the `empty-action` button:
 *   `to-postbacks` or `clear-filters`).
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Table header and badges. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors, 5xx and no answer.
 * @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-color-warning - 4xx.
 * @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbPostbackLog extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, logStyles];
  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    promoId: { attribute: 'promo-id' },
    exactCode: { state: true },
    filterErrors: { state: true },
  };

  /** Only this campaign's attempts (its filters are then not shown). */
  declare campaignId: string | null;
  /** Only this promo's attempts. */
  declare promoId: string | null;
  /** "Exact code…" is picked: the code input shows. */
  declare private exactCode: boolean;
  declare private filterErrors: Record<string, string>;
  private readonly log = new PagedLog<PostbackAttempt, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, before) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query: NonNullable<PostbackLogQuery> = {
          ...filters,
          ...(this.campaignId ? { campaignId: this.campaignId } : {}),
          ...(this.promoId ? { promoId: this.promoId } : {}),
          ...(before ? { before } : {}),
          limit: PAGE,
        };
        return expectOk(api.client.v1.partner.postbacks.log.$get({ query }));
      },
      errorMessage: (error) => this.errorMessage(error),
      // The Load more button disappears on the last page; keep keyboard focus in the section.
      onLastPage: () => this.focusAfterRender('#log-results'),
    },
  );

  constructor() {
    super();
    this.campaignId = null;
    this.promoId = null;
    this.exactCode = false;
    this.filterErrors = {};
  }

  private m(key: LogKey, params?: MessageParams): string {
    return logMessages(this.i18n.locale, key, params);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const moved = ['campaignId', 'promoId'].some((key) => changed.has(key) && changed.get(key) !== undefined);
    if (moved && this.api && this.ready) void this.load(this.api);
  }

  protected override async load(_api: ApiClient): Promise<void> {
    this.log.reset();
    await this.log.fetch(false);
  }

  private apply = (event: SubmitEvent): void => {
    event.preventDefault();
    const { from, to, url, action, response, code, campaign, campaignId, promoCode, promoId } = formValues(
      event.currentTarget as HTMLFormElement,
    );
    const errors: Record<string, string> = {};
    if (from && to && to < from) errors.to = this.c('toBeforeFrom');
    if (response === 'exact' && !/^[1-5]\d\d$/.test(code ?? '')) errors.code = this.m('codeError');
    this.filterErrors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      this.focusAfterRender(`#log-${first}`);
      return;
    }
    const filters: Filters = {
      url,
      action: action as PostbackAction | undefined,
      campaign,
      campaignId,
      promoCode,
      promoId,
      responseCode: response === 'exact' ? code : response,
      ...localDayRange(from, to),
    };
    if (this.api) void this.log.apply(filters);
  };

  /** Postbacks are set up in their own section (or the tab next to this log inside `<kb-postbacks>`). */
  private readonly toPostbacks = (): void => {
    this.emit('kb-open-section', { section: 'postbacks' });
  };

  /** Empties the filter form and loads the newest attempts again. */
  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.exactCode = false;
    this.filterErrors = {};
    if (this.api) void this.log.clear();
    this.focusAfterRender('#log-from');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderFilters()}
      <h3 part="subheading" id="log-results" tabindex="-1">${this.m('results')}</h3>
      ${this.renderResults()}`;
  }

  private renderFilters(): TemplateResult {
    const labels = ACTION_LABELS[this.i18n.locale];
    const errors = this.filterErrors;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.apply}>
      ${dateRange('log', { from: this.c('from'), to: this.c('to') }, errors.to ?? null)}
      ${textField({ id: 'log-url', name: 'url', label: this.m('url'), type: 'search', maxlength: 500 })}
      ${selectField({
        id: 'log-action',
        name: 'action',
        label: this.m('action'),
        options: [['', this.m('allActions')], ...POSTBACK_ACTIONS.map((a) => [a, labels[a]] as const)],
      })}
      ${selectField({
        id: 'log-response',
        name: 'response',
        label: this.m('response'),
        onChange: (value) => {
          this.exactCode = value === 'exact';
        },
        options: [
          ['', this.m('response.any')],
          ...RESPONSE_CLASSES.map((r) => [r, this.m(`response.${r}`)] as const),
          ['exact', this.m('response.exact')],
        ],
      })}
      ${this.exactCode ? textField({ id: 'log-code', name: 'code', label: this.m('code'), maxlength: 3, error: errors.code, alert: true, placeholder: '200' }) : nothing}
      ${
        this.campaignId || this.promoId
          ? nothing
          : html`
        ${textField({ id: 'log-campaign', name: 'campaign', label: this.m('campaign'), type: 'search', maxlength: 200 })}
        ${textField({ id: 'log-campaignId', name: 'campaignId', label: this.m('campaignId'), maxlength: 64 })}`
      }
      ${
        this.promoId
          ? nothing
          : html`
        ${textField({ id: 'log-promoCode', name: 'promoCode', label: this.m('promoCode'), maxlength: 64 })}
        ${textField({ id: 'log-promoId', name: 'promoId', label: this.m('promoId'), maxlength: 64 })}`
      }
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.c('filter')}</button></div>
    </form>`;
  }

  private renderResults(): TemplateResult {
    const view = {
      locale: this.i18n.locale,
      m: this.m.bind(this),
      none: this.tc('none'),
      dateTime: (value: string) => this.dateTime(value),
      number: (value: number) => this.i18n.formatNumber(value),
    };
    return this.log.render({
      count: (rows) => this.m('count', { count: rows.length }),
      empty: {
        message: this.m('nothingYet'),
        hint: this.m('nothingYetHint'),
        action: { label: this.m('toPostbacks'), part: 'to-postbacks', onClick: this.toPostbacks },
      },
      noMatch: { message: this.m('empty'), clear: this.c('clearFilters'), onClear: this.clearFilters },
      loadMore: this.m('loadMore'),
      loadingMore: this.m('loadingMore'),
      table: (rows) => renderLogTable(view, rows),
      loading: () => this.renderLoading(),
      loadError: (message) => this.renderLoadError(message),
    });
  }
}
