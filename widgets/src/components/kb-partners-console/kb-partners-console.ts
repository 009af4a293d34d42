/**
 * `<kb-partners-console>`: the operator console's partners — search (name, company, e-mail, id),
 * status chips with counts (pending first: what waits for a decision), sort and "Load more"; and a
 * partner's page at `#partners/<id>` (Back returns to the list) with the decisions its status
 * allows, history, team, plans, manager, documents and sign-up answers (partner-page.ts). Calls go
 * through the operator's own backend (`api-base` forwards `/v1/partners…` with the secret key).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { PartnerPage } from './partner-page.ts';
import { PartnersConsoleElement } from './partners-console-element.ts';
import { renderPartnersTable } from './partners-table.ts';
import { PARTNER_STATUSES, type PartnerList, type PartnerRow, type PartnerStatus } from './partners-types.ts';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;
const ROUTE = /^#partners\/([A-Za-z0-9_-]{3,64})$/;
type Sort = 'newest' | 'oldest' | 'name';

/**
 * The operator's partners. Attributes: `api-base` (the operator backend's prefix that forwards to
 * Kabinet), `locale` (`en`, `ru`; else the browser's languages) and `documents-href` (optional: the
 * console's documents view for one partner, `{partnerId}` replaced, e.g. `#documents/{partnerId}`).
 *
 * @csspart heading, intro, hint, status, error, error-detail, retry, empty, button, primary, danger - The panel and its states.
 * @csspart toolbar, field, label, input, search, sort, sort-field, chips, chip, chip-count, count, load-more, actions - Search, filters, paging.
 * @csspart table-wrap, partners, header-row, header-cell, partner-row, cell, open, partner-code, owner-email, status-badge - The list.
 * @csspart page, page-header, back, page-section, subheading, facts, fact, fact-label, fact-value, referrer-link - A partner's page.
 * @csspart decisions, action, confirm, confirm-text, confirm-yes, confirm-no, history, history-entry, when - Its status.
 * @csspart team, member-row, plans, plan-list, plan, plan-name, plan-badge, plan-terms, inline-form, offer, offer-submit - Team and plans.
 * @csspart manager, manager-save, documents, documents-list, document, documents-link, fields, field-list, field-answer - Optional parts.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-link, --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-color-warning, --kb-color-warning-bg - Pending partners and confirmations.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbPartnersConsole extends PartnersConsoleElement {
  static override properties = {
    ...PartnersConsoleElement.properties,
    documentsHref: { attribute: 'documents-href' },
    rows: { state: true },
    loadError: { state: true },
    loading: { state: true },
    status: { state: true },
  };

  declare documentsHref: string | null;
  declare private rows: PartnerRow[] | null;
  declare private loadError: string | null;
  declare private loading: boolean;
  /** The status chip: one status, or '' for all. Pending first: it is what waits for the operator. */
  declare private status: PartnerStatus | '';
  private q = '';
  private sort: Sort = 'newest';
  private total = 0;
  private counts: PartnerList['counts'] | null = null;
  private seq = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the shown partner page was opened from the list (then Back is the browser's Back). */
  private openedFromList = false;
  private readonly page = new PartnerPage(this, (partner) => this.changed(partner));
  private readonly onHash = () => this.route();

  constructor() {
    super();
    this.documentsHref = null;
    this.rows = null;
    this.loadError = null;
    this.loading = false;
    this.status = 'pending';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.route();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    clearTimeout(this.searchTimer);
  }

  protected override apiBaseChanged(): void {
    void this.fetchPage(false);
    if (this.page.partnerId) void this.page.open(this.page.partnerId);
  }

  /** `#partners/<id>` shows that partner's page; any other address shows the list. */
  private route(): void {
    const id = ROUTE.exec(window.location.hash)?.[1] ?? null;
    if (id === this.page.partnerId) return;
    if (id) {
      if (this.apiBase) void this.page.open(id);
      else this.page.partnerId = id;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#partner-page-heading')?.focus());
      return;
    }
    const was = this.page.partnerId;
    this.page.close();
    this.openedFromList = false;
    // Back to the list: the row that was opened takes focus. Not when the page went to another
    // section (`#bills`): focusing here would scroll away from it.
    const hash = window.location.hash;
    if (was && (hash === '' || hash === '#partners'))
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[data-partner-id="${was}"] [part~="open"]`)?.focus(),
      );
  }

  private open(partnerId: string): void {
    this.openedFromList = true;
    window.location.hash = `#partners/${partnerId}`;
  }

  /** Back to the list: the browser's Back when the list opened the page (its scroll and filters are still there). */
  back(): void {
    if (this.openedFromList) window.history.back();
    else window.location.hash = '#partners';
  }

  documentsLink(partnerId: string): string | null {
    return this.documentsHref ? this.documentsHref.replaceAll('{partnerId}', encodeURIComponent(partnerId)) : null;
  }

  /** The first page under the search and chip (`more` false) or the next one; only the newest request writes. */
  private async fetchPage(more: boolean): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.loadError = null;
    try {
      const query: Record<string, string> = { sort: this.sort, limit: String(PAGE_SIZE) };
      if (this.q) query.q = this.q;
      if (this.status) query.status = this.status;
      if (more && this.rows) query.offset = String(this.rows.length);
      const page = await expectOk(this.client.v1.partners.$get({ query }));
      if (seq !== this.seq) return;
      this.rows = more ? [...(this.rows ?? []), ...page.data] : page.data;
      this.total = page.total;
      this.counts = page.counts;
    } catch (error) {
      if (seq === this.seq) this.loadError = this.failure(error);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** A decision changed a partner: its row and the counts follow (the list is asked again, quietly). */
  private changed(partner: PartnerRow): void {
    this.rows = this.rows?.map((r) => (r.id === partner.id ? { ...r, status: partner.status } : r)) ?? null;
    void this.fetchPage(false);
  }

  private readonly onSearch = (event: InputEvent): void => {
    const value = (event.currentTarget as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    // Typing is not a request per key: the list is asked once the operator pauses.
    this.searchTimer = setTimeout(() => {
      if (value === this.q) return;
      this.q = value;
      void this.fetchPage(false);
    }, SEARCH_DELAY_MS);
  };

  private pick(status: PartnerStatus | ''): void {
    this.status = status;
    void this.fetchPage(false);
  }

  private readonly onSort = (event: Event): void => {
    this.sort = (event.currentTarget as HTMLSelectElement).value as Sort;
    void this.fetchPage(false);
  };

  protected override render(): TemplateResult {
    if (!this.apiBase)
      return html`<h2 part="heading">${this.m('heading')}</h2><p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    if (this.page.partnerId) return this.page.render();
    return html`<h2 part="heading">${this.m('heading')}</h2><p part="intro hint">${this.m('intro')}</p>
      ${this.renderToolbar()} ${this.renderList()}`;
  }

  private renderToolbar(): TemplateResult {
    const chips: Array<PartnerStatus | ''> = [...PARTNER_STATUSES, ''];
    const countOf = (s: PartnerStatus | '') =>
      this.counts ? (s ? this.counts[s] : PARTNER_STATUSES.reduce((n, k) => n + this.counts![k], 0)) : null;
    return html`<div part="toolbar">
        <div part="field"><label part="label" for="partners-q">${this.m('search')}</label>
          <input part="input search" id="partners-q" type="search" maxlength="100" autocomplete="off"
            placeholder=${this.m('searchHint')} .value=${this.q} @input=${this.onSearch} /></div>
        <div part="field sort-field"><label part="label" for="partners-sort">${this.m('sort')}</label>
          <select part="input sort" id="partners-sort" @change=${this.onSort}>${(
            ['newest', 'oldest', 'name'] as const
          ).map(
            (s) => html`<option value=${s} ?selected=${s === this.sort}>${this.m(`sort.${s}`)}</option>`,
          )}</select></div>
      </div>
      <fieldset part="chips"><legend>${this.m('filter')}</legend>${chips.map((s) => {
        const n = countOf(s);
        return html`<button part=${`chip chip-${s || 'all'}`} type="button" aria-pressed=${s === this.status ? 'true' : 'false'}
          @click=${() => this.pick(s)}>${this.m(s ? `status.${s}` : 'status.all')}${
            n === null ? nothing : html` <span part="chip-count">(${n})</span>`
          }</button>`;
      })}</fieldset>`;
  }

  private renderList(): TemplateResult {
    const rows = this.rows;
    if (!rows) {
      return this.loadError
        ? html`<div part="error" role="alert"><p part="error-detail">${this.loadError}</p>
            <button part="button retry" type="button" @click=${() => this.fetchPage(false)}>${this.m('retry')}</button></div>`
        : html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    }
    return html`<p part="count" role="status" aria-busy=${this.loading ? 'true' : 'false'}>${
      rows.length ? this.m('count', { shown: rows.length, count: this.total }) : nothing
    }</p>
      ${this.loadError ? html`<p part="error" role="alert">${this.loadError}</p>` : nothing}
      ${
        rows.length === 0
          ? html`<p part="empty">${this.m(this.status === 'pending' && !this.q ? 'emptyPending' : 'empty')}</p>`
          : renderPartnersTable(this, rows, (id) => this.open(id))
      }
      ${
        rows.length < this.total
          ? html`<div part="actions"><button part="button load-more" type="button" ?disabled=${this.loading}
            @click=${() => this.fetchPage(true)}>${this.m('loadMore')}</button></div>`
          : nothing
      }`;
  }
}
