/**
 * `<kb-requested-reports>`: the reports a partner requested as files (`GET /v1/partner/reports/requested`,
 * newest first), including those too big to show on screen. The list (requested-views.ts), one
 * request's page (`#/reports/requested/<id>`, where the "ready" e-mail links), renaming
 * (requested-rename.ts) and downloads through the partner's session (requested-file.ts). While any
 * shown request is processing it asks again every `refreshEvery` ms, and stops when none is or the
 * element leaves the page.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { SectionAddress } from '../../internal/router.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import type { ReportOptions } from '../../internal/statistics/statistics-types.ts';
import { questionWords } from '../../internal/statistics/report/question-words.ts';
import { getRequested, listRequested, type RequestedReport } from '../../internal/statistics/report/requested-api.ts';
import { requestedMessages, type RequestedKey } from './kb-requested-reports.messages.ts';
import { requestedStyles } from './kb-requested-reports.styles.ts';
import { RequestedFiles } from './requested-file.ts';
import { RequestedRename } from './requested-rename.ts';
import { renderDetail, renderList, type RequestedView } from './requested-views.ts';

/** A calm pace for asking again while a file is being made (a job takes seconds to minutes). */
export const REFRESH_EVERY_MS = 10_000;

/**
 * The partner's requested reports. Must sit inside `<kb-portal>` (api, session, locale contexts);
 * `<kb-reports>` shows it at `#/reports/requested`. Its heading is an h3 under the section's.
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart subheading - The heading (also `request-page-name` on a request's page). @csspart hint - Help text
 *   (also `refreshing`, `expired-note`). @csspart success - What changed (renamed, ready, failed), announced.
 * @csspart empty - No request yet (with `empty-message`, `empty-hint`).
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart requests - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart request-row - One request (`data-request-id`, `data-state`). @csspart cell - A cell (also `request-name`,
 *   `request-id`, `request-parameters`, `request-actor`, `request-state`, `request-requested-at`, `request-file`).
 * @csspart request-link - A name, linking its page. @csspart mono - An ID.
 * @csspart parameters - The question in words. @csspart parameter - One line (also `parameter-period`,
 *   `parameter-groupings`, `parameter-filters`, `parameter-currency`). @csspart filter - One filter with its values.
 * @csspart state-badge - The state (also `state-processing`, `state-successful`, `state-failed`).
 * @csspart failure-reason - Why it failed. @csspart preparing - "Being prepared" in place of Download.
 * @csspart expired - "Expired" in place of Download. @csspart download-status - The file's link, announced.
 * @csspart save-file - The file's link. @csspart download-error - Why the file could not be had (also `error`).
 * @csspart rename-form - Renaming in place. @csspart rename-input - Its field (also `input`).
 * @csspart field-error - Its problem. @csspart request-page - One request's page (`data-request-id`, `data-state`).
 * @csspart back-link - Back to the list. @csspart request-page-title - The page's name with Rename. @csspart facts - Its facts.
 * @csspart fact - One (also `fact-id`, `fact-state`, `fact-format`, `fact-actor`, `fact-requested-at`, `fact-finished-at`,
 *   `fact-rows`, `fact-size`, `fact-expires-at`). @csspart parameters-heading - "Report parameters".
 * @csspart page-file - The page's Download (also `toolbar`). @csspart toolbar - A row's buttons. @csspart actions - Save and Cancel.
 * @csspart button - Any button (also `primary`, `download`, `rename`, `rename-save`, `rename-cancel`, `load-more`, `retry`).
 * @csspart error - An error. @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints, labels, "being prepared".
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, badges.
 * @cssproperty --kb-color-bg - Inputs. @cssproperty --kb-color-primary - Save, a successful badge's edge.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - Links.
 * @cssproperty --kb-color-danger - Errors and failed requests. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-color-warning - A processing badge's edge.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbRequestedReports extends StatisticsSection {
  static override styles = [accountSectionStyles, requestedStyles];
  static override properties: PropertyDeclarations = {
    ...StatisticsSection.properties,
    requestId: { attribute: 'request-id' },
    requests: { state: true },
    more: { state: true },
    page: { state: true },
    loadError: { state: true },
    notice: { state: true },
  };

  /** The request whose page is shown (null: the list); inside a portal the address sets it. */
  declare requestId: string | null;
  /** How often (ms) to ask again while a shown request is processing. */
  refreshEvery = REFRESH_EVERY_MS;
  /** The list (null while loading). */
  declare private requests: RequestedReport[] | null;
  /** The cursor of the older requests (null: none), and whether they are being asked for. */
  declare private more: { before: string | null; busy: boolean };
  /** The shown request's page: the request, 'missing' (404), or null while loading. */
  declare private page: RequestedReport | 'missing' | null;
  declare private loadError: string | null;
  declare private notice: string | null;
  private options: ReportOptions | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loadedId: string | null | undefined = undefined;
  /** Where focus goes once a followed link's page or list has loaded. */
  private focusNext: string | null = null;

  private readonly address = new SectionAddress(this, (path) => {
    if (path[0] === 'requested') this.requestId = path[1] ?? null;
  });
  private readonly files = new RequestedFiles(this, {
    api: () => this.api,
    m: (key, params) => this.m(key, params),
    failure: (error) => this.errorMessage(error),
  });
  private readonly rename = new RequestedRename(this, {
    api: () => this.api,
    m: (key, params) => this.m(key, params),
    failure: (error) => this.errorMessage(error),
    renamed: (report) => {
      this.take([report]);
      this.notice = this.m('renamed', { name: report.name });
    },
  });

  constructor() {
    super();
    this.requestId = null;
    this.requests = null;
    this.more = { before: null, busy: false };
    this.page = null;
    this.loadError = null;
    this.notice = null;
  }

  private m(key: RequestedKey, params?: MessageParams): string {
    return requestedMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.loadedId = this.requestId;
    this.loadError = null;
    // The options name the filters' ids; without them the ids are shown, and the list still loads.
    const options = this.options ? null : this.fetchOptions(api).catch(() => null);
    await Promise.all([this.fetchShown(api, false), options?.then((o) => (this.options = o))]);
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (changed.has('requestId') && this.loadedId !== undefined && this.loadedId !== this.requestId && api) {
      this.loadedId = this.requestId;
      this.notice = null;
      this.rename.editing = null;
      void this.fetchShown(api, false);
    }
  }

  /** Asks for what is shown (the list, or one request); `again`: a refresh, which keeps the shown rows meanwhile. */
  private async fetchShown(api: ApiClient, again: boolean): Promise<void> {
    clearTimeout(this.timer);
    const id = this.requestId;
    if (!again) {
      if (id) this.page = null;
      else this.requests = null;
    }
    try {
      if (id) this.take([await getRequested(api, id)]);
      else {
        const page = await listRequested(api);
        // A refresh updates the rows shown (older pages loaded stay); a load starts the list again.
        if (!again) this.more = { before: page.nextBefore, busy: false };
        this.take(page.data, !again);
      }
      this.loadError = null;
    } catch (error) {
      if (id && error instanceof ApiError && error.status === 404) this.page = 'missing';
      else if (!again) this.loadError = this.errorMessage(error);
    }
    this.schedule();
    if (this.focusNext) this.focusAfterRender(this.focusNext);
    this.focusNext = null;
  }

  /** The next older page, added under the shown ones. */
  private async showMore(): Promise<void> {
    const api = this.api;
    const { before } = this.more;
    if (!api || !before || this.more.busy) return;
    this.more = { before, busy: true };
    try {
      const page = await listRequested(api, before);
      const shown = new Set((this.requests ?? []).map((r) => r.id));
      this.requests = [...(this.requests ?? []), ...page.data.filter((r) => !shown.has(r.id))];
      this.more = { before: page.nextBefore, busy: false };
    } catch (error) {
      this.more = { before, busy: false };
      this.notice = this.errorMessage(error);
    }
    this.schedule();
  }

  /**
   * Takes the server's requests (`all`: the whole list, else these rows updated and new ones put first); a
   * processing one that finished is announced.
   */
  private take(reports: RequestedReport[], all = false): void {
    const before = new Map(
      [...(this.requests ?? []), ...(this.page && this.page !== 'missing' ? [this.page] : [])].map((r) => [r.id, r]),
    );
    for (const r of reports) {
      if (before.get(r.id)?.status !== 'processing' || r.status === 'processing') continue;
      this.notice = this.m(r.status === 'successful' ? 'ready' : 'failedNow', { name: r.name });
    }
    const byId = new Map(reports.map((r) => [r.id, r]));
    if (all) this.requests = reports;
    else if (this.requests) {
      const shown = new Set(this.requests.map((r) => r.id));
      const added = this.requestId ? [] : reports.filter((r) => !shown.has(r.id));
      this.requests = [...added, ...this.requests.map((r) => byId.get(r.id) ?? r)];
    }
    if (this.requestId && byId.has(this.requestId)) this.page = byId.get(this.requestId)!;
  }

  /** Another look in a while, only while a shown request is processing and the element is on the page. */
  private schedule(): void {
    clearTimeout(this.timer);
    const shown = this.requestId ? (this.page && this.page !== 'missing' ? [this.page] : []) : (this.requests ?? []);
    if (!this.isConnected || !shown.some((r) => r.status === 'processing')) return;
    this.timer = setTimeout(() => {
      const api = this.api;
      if (api && this.isConnected) void this.fetchShown(api, true);
    }, this.refreshEvery);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** A link to a request's page or the list: the portal's address when inside one, else in place. */
  private readonly open = (event: Event, id: string | null): void => {
    event.preventDefault();
    this.focusNext = id ? '#request-page-name' : '#requested-heading';
    if (!this.address.go(id ? ['requested', id] : ['requested'])) this.requestId = id;
  };

  private get view(): RequestedView {
    const locale = this.i18n.locale;
    return {
      locale,
      m: (key, params) => this.m(key, params),
      dateTime: (value) => this.dateTime(value),
      words: (r) => questionWords(locale, r.query, this.options, r.period),
      files: this.files,
      rename: this.rename,
      open: this.open,
    };
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const processing = (this.requestId ? [this.page] : (this.requests ?? [])).some(
      (r) => r && r !== 'missing' && r.status === 'processing',
    );
    const interval = new Intl.NumberFormat(this.i18n.locale, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    }).format(this.refreshEvery / 1000);
    return html`<h3 part="subheading" id="requested-heading" tabindex="-1">${this.m('heading')}</h3>
      <p part="hint">${this.m('intro')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${processing ? html`<p part="hint refreshing">${this.m('refreshing', { interval })}</p>` : nothing}
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (this.loadError) return this.renderLoadError(this.loadError);
    if (this.requestId) {
      const page = this.page;
      if (page === null) return this.renderLoading();
      if (page === 'missing')
        return html`<p><a part="back-link" href="#/reports/requested" @click=${(e: Event) => this.open(e, null)}>${this.m('back')}</a></p>
          <div part="error" role="alert"><p part="error-detail">${this.m('notFound')}</p></div>`;
      return renderDetail(this.view, page);
    }
    const requests = this.requests;
    if (!requests) return this.renderLoading();
    if (!requests.length) return renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') });
    const { before, busy } = this.more;
    return html`${renderList(this.view, requests)}${
      before
        ? html`<div part="actions"><button part="button load-more" type="button" ?disabled=${busy}
            aria-busy=${busy ? 'true' : 'false'} @click=${() => this.showMore()}>${this.m(busy ? 'more.busy' : 'more')}</button></div>`
        : nothing
    }`;
  }
}
