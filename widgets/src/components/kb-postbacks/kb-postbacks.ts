/**
 * `<kb-postbacks>`: the partner's postbacks, by scope (all, account, campaign, promo tabs) with
 * action and status filters; owners and admins create, edit, enable or disable and delete them
 * (in `<kb-postback-editor>`, shown in place). With `campaign-id` or `promo-id` it lists that
 * campaign's or promo's own postbacks and new ones get that scope, so a campaign page can embed
 * it. A second tab shows the delivery log (`<kb-postback-log>`).
 */
import { renderEmptyState } from '../../internal/empty-state.ts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import type { Campaign } from '../../internal/campaign/campaign-types.ts';
import { ACTION_LABELS, SCOPE_LABELS } from '../../internal/postback/postback-labels.ts';
import { panelId, renderTabs } from '../../internal/postback/postback-tabs.ts';
import {
  POSTBACK_ACTIONS,
  POSTBACK_SCOPES,
  type Postback,
  type PostbackQuery,
  type PostbackScope,
} from '../../internal/postback/postback-types.ts';
import { renderPostbacksTable, type TableView } from './postbacks-table.ts';
import { postbacksMessages, type PostbacksKey } from './kb-postbacks.messages.ts';
import { postbacksStyles } from './kb-postbacks.styles.ts';

type ScopeTab = 'all' | PostbackScope;
type View = 'list' | 'log';
type Updatable = HTMLElement & { updateComplete?: Promise<unknown> };

/**
 * The postbacks list. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-postback-saved - Bubbles up from the editor; `detail: { postback }`.
 * @event kb-postback-cancelled - Bubbles up from the editor; `detail: { postbackId }`.
 * @event kb-postback-deleted - A postback was deleted after the user confirmed; `detail: { postbackId }`.
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart header - Heading row.
 * @csspart heading - The heading.
 * @csspart hint - Help text.
 * @csspart note - Read-only or archived note.
 * @csspart tab-list - The list/log tabs and the scope tabs.
 * @csspart tab - A tab (also `tab-selected`).
 * @csspart tab-panel - A tab's panel.
 * @csspart filters - Action and status filters.
 * @csspart field - A label with its select.
 * @csspart label - A label.
 * @csspart input - A select.
 * @csspart editor - The `<kb-postback-editor>` (new or edit). @csspart log - The `<kb-postback-log>`.
 * @csspart count - How many postbacks are shown.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart postbacks - The table.
 * @csspart header-row - Its header row. @csspart header-cell - A column header. @csspart postback-row - One postback.
 * @csspart cell - A cell (also `postback-action`, `postback-scope`, `postback-method`, `postback-url`,
 *   `postback-status`, `postback-actions`).
 * @csspart url - The URL template.
 * @csspart row-warning - A warning about it.
 * @csspart badge - Method and status (also `method-badge`,
 *   `status-badge`, `status-on`, `status-off`). @csspart confirm-delete - "Delete this postback?".
 * @csspart actions - Buttons row.
 * @csspart button - Any button (also `primary`, `danger`, `new`, `edit`, `toggle`, `enable`, `disable`,
 *   `delete`, `confirm-delete-button`, `keep`, `retry`).
 * @csspart empty - No postbacks (with `empty-message`, `empty-hint` and the `empty-action` button: `add` or
 *   `clear-filters`).
 * @csspart success - Done note.
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Table header and badges. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button and the selected tab. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors and Delete. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-color-warning - Warnings.
 * @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap.
 * @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbPostbacks extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, postbacksStyles];
  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    promoId: { attribute: 'promo-id' },
    readOnly: { type: Boolean, attribute: 'read-only' },
    view: { state: true },
    scopeTab: { state: true },
    postbacks: { state: true },
    campaigns: { state: true },
    actionFilter: { state: true },
    statusFilter: { state: true },
    editing: { state: true },
    confirmingId: { state: true },
    busyId: { state: true },
    notice: { state: true },
  };

  /** Only this campaign's own (campaign-scope) postbacks; new ones are for it. */
  declare campaignId: string | null;
  /** Only this promo's postbacks; new ones are for it. */
  declare promoId: string | null;
  /** No changes (an archived campaign's postbacks). */
  declare readOnly: boolean;
  declare private view: View;
  declare private scopeTab: ScopeTab;
  declare private postbacks: Postback[] | null;
  /** Names for the scope column; without them ids are shown. */
  declare private campaigns: Campaign[];
  declare private actionFilter: string;
  declare private statusFilter: '' | 'on' | 'off';
  declare private editing: Postback | 'new' | null;
  declare private confirmingId: string | null;
  declare private busyId: string | null;
  declare private notice: string | null;
  /** The scope tab when "New postback" was pressed: the new one starts there (a later tab change keeps the draft). */
  private newScope: PostbackScope | null = null;

  constructor() {
    super();
    this.campaignId = null;
    this.promoId = null;
    this.readOnly = false;
    this.view = 'list';
    this.scopeTab = 'all';
    this.postbacks = null;
    this.campaigns = [];
    this.actionFilter = '';
    this.statusFilter = '';
    this.editing = null;
    this.confirmingId = null;
    this.busyId = null;
    this.notice = null;
  }

  private m(key: PostbacksKey, params?: MessageParams): string {
    return postbacksMessages(this.i18n.locale, key, params);
  }

  private get restricted(): 'campaign' | 'promo' | null {
    return this.promoId ? 'promo' : this.campaignId ? 'campaign' : null;
  }

  private get writable(): boolean {
    return this.canWrite && !this.readOnly;
  }

  private get query(): NonNullable<PostbackQuery> {
    if (this.promoId) return { scope: 'promo', promoId: this.promoId };
    if (this.campaignId) return { scope: 'campaign', campaignId: this.campaignId };
    return this.scopeTab === 'all' ? {} : { scope: this.scopeTab };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const moved = ['campaignId', 'promoId'].some((key) => changed.has(key) && changed.get(key) !== undefined);
    if (moved && this.api && this.ready) void this.load(this.api);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.postbacks = null;
    this.editing = null;
    this.confirmingId = null;
    await Promise.all([this.fetch(api), this.restricted ? null : this.loadNames(api)]);
  }

  private async loadNames(api: ApiClient): Promise<void> {
    const list = (status: 'active' | 'archived') =>
      expectOk(api.client.v1.partner.campaigns.$get({ query: { status } })).then((r) => r.data);
    this.campaigns = await Promise.all([list('active'), list('archived')]).then(
      ([a, b]) => [...a, ...b],
      () => [],
    );
  }

  private fetch(api: ApiClient): Promise<void> {
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.postbacks.$get({ query: this.query })),
      ({ data }) => {
        this.postbacks = data;
      },
    );
  }

  private reload(): void {
    const api = this.api;
    if (api) void this.fetch(api);
  }

  private selectScope = (tab: ScopeTab, focus: boolean): void => {
    if (focus) this.focusAfterRender(`#postbacks-scopes-tab-${tab}`);
    if (tab === this.scopeTab) return;
    this.scopeTab = tab;
    this.reload();
  };

  /** The log's "Go to postbacks" (its empty state): the list tab here, not another section. */
  private readonly logOpensPostbacks = (event: CustomEvent<{ section: string }>): void => {
    if (event.detail.section !== 'postbacks') return;
    event.stopPropagation();
    this.selectView('list', true);
  };

  private selectView = (view: View, focus: boolean): void => {
    if (focus) this.focusAfterRender(`#postbacks-views-tab-${view}`);
    this.view = view;
  };

  /** Opens the editor in place and moves focus to its heading. */
  private edit(target: Postback | 'new'): void {
    this.editing = target;
    this.newScope = this.scopeTab === 'all' ? null : this.scopeTab;
    this.notice = null;
    this.confirmingId = null;
    void this.updateComplete.then(async () => {
      const editor = this.renderRoot.querySelector<Updatable>('kb-postback-editor');
      await editor?.updateComplete;
      editor?.shadowRoot?.querySelector<HTMLElement>('#postback-editor-heading')?.focus();
    });
  }

  private saved = (event: CustomEvent<{ postback: Postback }>): void => {
    this.editing = event.detail.postback;
    this.reload();
  };

  private closed = (): void => {
    this.editing = null;
    this.focusAfterRender(this.writable ? '[part~="new"]' : '#postbacks-heading');
  };

  /** Runs one row change; its outcome goes to the live regions. */
  private async act(p: Postback, work: (api: ApiClient) => Promise<string>): Promise<void> {
    const api = this.api;
    if (!api || this.busyId) return;
    this.busyId = p.id;
    this.error = null;
    this.notice = null;
    try {
      this.notice = await work(api);
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busyId = null;
    }
  }

  private toggle = (p: Postback): void =>
    void this.act(p, async (api) => {
      const changed = await expectOk(
        api.client.v1.partner.postbacks[':postbackId'].$patch({
          param: { postbackId: p.id },
          json: { enabled: !p.enabled },
        }),
      );
      this.postbacks = (this.postbacks ?? []).map((row) => (row.id === p.id ? changed : row));
      if (this.editing !== 'new' && this.editing?.id === p.id) this.editing = changed;
      return this.m(changed.enabled ? 'enabledNotice' : 'disabledNotice');
    });

  private deletePostback = (p: Postback): void =>
    void this.act(p, async (api) => {
      await expectOk(api.client.v1.partner.postbacks[':postbackId'].$delete({ param: { postbackId: p.id } }));
      this.postbacks = (this.postbacks ?? []).filter((row) => row.id !== p.id);
      this.confirmingId = null;
      if (this.editing !== 'new' && this.editing?.id === p.id) this.editing = null;
      this.emit('kb-postback-deleted', { postbackId: p.id });
      this.focusAfterRender('#postbacks-heading');
      return this.m('deleted');
    });

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const heading = this.restricted
      ? this.m(this.restricted === 'promo' ? 'heading.promo' : 'heading.campaign')
      : this.m('heading');
    return html`<div part="header">
        <h2 part="heading" id="postbacks-heading" tabindex="-1">${heading}</h2>
        ${this.writable && this.view === 'list' && !this.editing ? html`<button part="button primary new" type="button" @click=${() => this.edit('new')}>${this.m('new')}</button>` : nothing}
      </div>
      ${this.restricted ? nothing : html`<p part="hint">${this.m('intro')}</p>`}
      ${renderTabs({
        id: 'postbacks-views',
        label: this.m('views'),
        current: this.view,
        onSelect: this.selectView,
        tabs: [
          ['list', this.m('view.list')],
          ['log', this.m('view.log')],
        ],
      })}
      <div part="tab-panel" role="tabpanel" id=${panelId('postbacks-views')} aria-labelledby=${`postbacks-views-tab-${this.view}`}>
        ${
          this.view === 'log'
            ? html`<kb-postback-log part="log" campaign-id=${this.campaignId ?? nothing} promo-id=${this.promoId ?? nothing}
                @kb-open-section=${this.logOpensPostbacks}></kb-postback-log>`
            : this.renderList()
        }
      </div>`;
  }

  private renderList(): TemplateResult {
    const editing = this.editing;
    return html`${this.readOnly ? html`<p part="note">${this.m('archived')}</p>` : !this.canWrite ? html`<p part="note">${this.m('readOnly')}</p>` : nothing}
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${
        editing && this.writable
          ? html`<kb-postback-editor part="editor" .postback=${editing === 'new' ? null : editing}
        campaign-id=${this.campaignId ?? nothing} promo-id=${this.promoId ?? nothing} scope=${this.newScope ?? nothing}
        @kb-postback-saved=${this.saved} @kb-postback-cancelled=${this.closed}></kb-postback-editor>`
          : nothing
      }
      ${
        this.restricted
          ? this.renderResults()
          : html`${renderTabs({
              id: 'postbacks-scopes',
              label: this.m('scopes'),
              current: this.scopeTab,
              onSelect: this.selectScope,
              tabs: [
                ['all', this.m('scope.all')],
                ...POSTBACK_SCOPES.map((s) => [s, SCOPE_LABELS[this.i18n.locale][s]] as const),
              ],
            })}
        <div part="tab-panel" role="tabpanel" id=${panelId('postbacks-scopes')} aria-labelledby=${`postbacks-scopes-tab-${this.scopeTab}`}
          aria-busy=${this.loading ? 'true' : 'false'}>${this.renderResults()}</div>`
      }`;
  }

  /** The action and status filters work on the loaded rows: clearing them shows those rows again. */
  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.actionFilter = '';
    this.statusFilter = '';
    this.focusAfterRender('#postbacks-action');
  };

  private renderResults(): TemplateResult {
    const all = this.postbacks;
    if (!all) return this.error ? this.renderLoadError(this.error) : this.renderLoading();
    const rows = all.filter(
      (p) =>
        (!this.actionFilter || p.action === this.actionFilter) &&
        (!this.statusFilter || p.enabled === (this.statusFilter === 'on')),
    );
    const labels = ACTION_LABELS[this.i18n.locale];
    const view: TableView = {
      locale: this.i18n.locale,
      m: this.m.bind(this),
      canWrite: this.writable,
      busyId: this.busyId,
      confirmingId: this.confirmingId,
      campaignName: (id) => this.campaigns.find((c) => c.id === id)?.name ?? null,
      onEdit: (p) => this.edit(p),
      onToggle: this.toggle,
      onConfirmDelete: this.deletePostback,
      onDelete: (p) => {
        this.confirmingId = p.id;
        this.notice = null;
        this.focusAfterRender('[part~="confirm-delete-button"]');
      },
      onKeep: (p) => {
        this.confirmingId = null;
        this.focusAfterRender(`[data-postback-id="${p.id}"] [part~="delete"]`);
      },
    };
    return html`${
      all.length > 0
        ? html`<form part="filters" aria-label=${this.m('filters')} @submit=${(e: Event) => e.preventDefault()}>
        ${selectField({
          id: 'postbacks-action',
          name: 'action',
          label: this.m('action'),
          value: this.actionFilter,
          onChange: (v) => {
            this.actionFilter = v;
          },
          options: [['', this.m('allActions')], ...POSTBACK_ACTIONS.map((a) => [a, labels[a]] as const)],
        })}
        ${selectField({
          id: 'postbacks-status',
          name: 'status',
          label: this.m('status'),
          value: this.statusFilter,
          onChange: (v) => {
            this.statusFilter = v as '' | 'on' | 'off';
          },
          options: [
            ['', this.m('status.any')],
            ['on', this.m('status.on')],
            ['off', this.m('status.off')],
          ],
        })}
      </form>`
        : nothing
    }
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        all.length === 0
          ? renderEmptyState({
              message: this.m('empty'),
              hint: this.writable ? this.m('emptyWrite') : undefined, // the note above says who may add
              action: this.writable ? { label: this.m('add'), part: 'add', onClick: () => this.edit('new') } : null,
            })
          : rows.length === 0
            ? renderEmptyState({
                message: this.m('noMatch'),
                action: { label: this.m('clearFilters'), part: 'clear-filters', onClick: this.clearFilters },
              })
            : html`<p part="count" role="status">${this.m('count', { count: rows.length })}</p>${renderPostbacksTable(view, rows)}`
      }`;
  }
}
