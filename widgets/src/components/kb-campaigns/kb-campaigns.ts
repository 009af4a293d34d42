/**
 * `<kb-campaigns>`: the "Campaigns" section. Active and Archived tabs, filters (name, brand,
 * plan, created from/to) and the table; a campaign's name opens `<kb-campaign-detail>` in place,
 * "Create campaign" (owners and admins) opens `<kb-campaign-wizard>` in place, and an active
 * campaign's "Add promo" (owners and admins) opens the wizard's add-a-promo steps for it.
 * Inside `<kb-portal>` each view has an address (`#/campaigns/camp_123`, `/new`, `/camp_123/add-promo`),
 * so Back, Forward and a refresh keep it.
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
  type CampaignQuery,
  type CampaignStatus,
  type Catalog,
} from '../../internal/campaign/campaign-types.ts';
import { campaignsMessages, type CampaignsKey } from './kb-campaigns.messages.ts';
import { campaignsStyles } from './kb-campaigns.styles.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { SectionAddress } from '../../internal/router.ts';
import { hasFilters, renderEmptyState } from '../../internal/empty-state.ts';

type View =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'add-promo'; campaignId: string }
  | { kind: 'detail'; campaignId: string };
type Created = CustomEvent<{ campaignId: string; promoId: string }>;
/** A view's place inside the section: [] list, ['new'] wizard, [id] a campaign, [id, 'add-promo'] its new promo. */
const viewAt = ([id, sub, ...rest]: readonly string[]): View =>
  !id || rest.length
    ? { kind: 'list' }
    : sub === undefined
      ? id === 'new'
        ? { kind: 'create' }
        : { kind: 'detail', campaignId: id }
      : sub === 'add-promo'
        ? { kind: 'add-promo', campaignId: id }
        : { kind: 'list' };
const pathOf = (view: View): string[] =>
  view.kind === 'list'
    ? []
    : view.kind === 'create'
      ? ['new']
      : view.kind === 'detail'
        ? [view.campaignId]
        : [view.campaignId, 'add-promo'];
const TABS = ['active', 'archived'] as const satisfies readonly CampaignStatus[];
const TAB_KEYS: Record<string, (i: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  Home: () => 0,
  End: () => TABS.length - 1,
};

/**
 * The campaigns section. Must sit inside `<kb-portal>` (api, session and locale contexts).
 * Analysts and finance users see everything but cannot create or change.
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart header - Heading and the create button. @csspart heading - Section heading. @csspart hint - Help text.
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart tab-list - The status tabs.
 * @csspart tab - A tab (also `tab-selected`).
 * @csspart tab-panel - The list under the tabs.
 * @csspart count - How many campaigns are shown.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart campaigns - The table.
 * @csspart header-row - The header row.
 * @csspart header-cell - A column header.
 * @csspart campaign-row - A campaign.
 * @csspart cell - A cell (also `campaign-name`,
 * `campaign-actions`, `campaign-brand`, `campaign-plan`, `campaign-promos`, `campaign-created`).
 * @csspart open - A campaign's name button.
 * @csspart add-promo - An active campaign's "Add promo" button (owners and admins).
 * @csspart list - The list view (hidden while a campaign or the wizard shows).
 * @csspart back - "Back to campaigns".
 * @csspart wizard - The wizard.
 * @csspart detail - The campaign's page.
 * @csspart button - Any button (also `primary`, `create`, `add-promo`, `apply`, `retry`).
 * @csspart empty - No campaigns (with `empty-message`, `empty-hint` and the `empty-action` button:
 *   `create-first` or `clear-filters`).
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Table header. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button and the selected tab.
 * @cssproperty --kb-color-on-primary - Primary button text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbCampaigns extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, campaignsStyles];
  static override properties = {
    view: { state: true },
    tab: { state: true },
    campaigns: { state: true },
    catalog: { state: true },
    dateError: { state: true },
  };

  declare private view: View;
  declare private tab: CampaignStatus;
  declare private campaigns: Campaign[] | null;
  /** Brands and plans for the filters; without it those two filters are not shown. */
  declare private catalog: Catalog | null;
  declare private dateError: string | null;
  private filters: Omit<NonNullable<CampaignQuery>, 'status'> = {};
  /** The view's address inside the portal: the first view comes from it (a deep link, a refresh), Back/Forward move it. */
  private readonly address = new SectionAddress(this, (path, first) => {
    if (first) this.view = viewAt(path);
    else this.show(viewAt(path), 'address');
  });

  constructor() {
    super();
    this.view = { kind: 'list' };
    this.tab = 'active';
    this.campaigns = null;
    this.catalog = null;
    this.dateError = null;
  }

  private m(key: CampaignsKey, params?: MessageParams): string {
    return campaignsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.campaigns = null;
    this.view = viewAt(this.address.path);
    await Promise.all([
      this.fetchList(api),
      expectOk(api.client.v1.partner.catalog.$get()).then(
        (catalog) => {
          this.catalog = catalog;
        },
        () => {
          this.catalog = null;
        },
      ),
    ]);
  }

  private fetchList(api: ApiClient): Promise<void> {
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.campaigns.$get({ query: { status: this.tab, ...this.filters } })),
      ({ data }) => {
        this.campaigns = data;
      },
    );
  }

  private reload(): void {
    const api = this.api;
    if (api) void this.fetchList(api);
  }

  private selectTab(tab: CampaignStatus, focus = false): void {
    if (focus) this.focusAfterRender(`#campaigns-tab-${tab}`);
    if (tab === this.tab) return;
    this.tab = tab;
    this.reload();
  }

  private tabKey = (event: KeyboardEvent): void => {
    const move = TAB_KEYS[event.key];
    if (!move) return;
    event.preventDefault();
    const next = (move(TABS.indexOf(this.tab)) + TABS.length) % TABS.length;
    this.selectTab(TABS[next]!, true);
  };

  private apply = (event: SubmitEvent): void => {
    event.preventDefault();
    const { q, brandId, planId, from, to } = formValues(event.currentTarget as HTMLFormElement);
    this.dateError = from && to && to < from ? this.c('toBeforeFrom') : null;
    if (this.dateError) {
      this.focusAfterRender('#campaigns-to');
      return;
    }
    this.filters = { q, brandId, planId, from, to };
    this.reload();
  };

  /** `push`/`replace`: a new view the partner chose (its address first, inside a portal); `address`: the address moved. */
  private show(view: View, how: 'push' | 'replace' | 'address' = 'push'): void {
    if (how !== 'address' && this.address.go(pathOf(view), { replace: how === 'replace' })) return;
    this.view = view;
    if (view.kind === 'list') {
      this.reload(); // promo counts and statuses may have changed meanwhile
      this.focusAfterRender('#campaigns-heading');
    } else {
      this.focusAfterRender('[part~="back"]');
    }
  }

  /** The wizard finished: its campaign's page shows the new campaign or promo. */
  private created = (event: Event): void => {
    this.show({ kind: 'detail', campaignId: (event as Created).detail.campaignId }, 'replace');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const { view } = this;
    // The list stays in the DOM while a campaign or the wizard shows, so its filters keep what the partner typed.
    return html`${
      view.kind === 'list'
        ? nothing
        : html`<button part="button back" type="button" @click=${() => this.show({ kind: 'list' })}>${this.c('back')}</button>
        ${
          view.kind === 'create'
            ? html`<kb-campaign-wizard part="wizard" @kb-campaign-created=${this.created}></kb-campaign-wizard>`
            : view.kind === 'add-promo'
              ? html`<kb-campaign-wizard part="wizard" campaign-id=${view.campaignId} @kb-promo-created=${this.created}></kb-campaign-wizard>`
              : html`<kb-campaign-detail part="detail" campaign-id=${view.campaignId}></kb-campaign-detail>`
        }`
    }
      <div part="list" ?hidden=${view.kind !== 'list'}>${this.renderListView()}</div>`;
  }

  private renderListView(): TemplateResult {
    return html`<div part="header">
        <h2 part="heading" id="campaigns-heading" tabindex="-1">${this.m('heading')}</h2>
        ${this.canWrite ? html`<button part="button primary create" type="button" @click=${() => this.show({ kind: 'create' })}>${this.m('create')}</button>` : nothing}
      </div>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderFilters()}
      <div part="tab-list" role="tablist" aria-label=${this.m('tabs')} @keydown=${this.tabKey}>
        ${TABS.map(
          (
            tab,
          ) => html`<button part=${tab === this.tab ? 'button tab tab-selected' : 'button tab'} role="tab" type="button"
          id=${`campaigns-tab-${tab}`} aria-selected=${tab === this.tab ? 'true' : 'false'} aria-controls="campaigns-panel"
          tabindex=${tab === this.tab ? '0' : '-1'} @click=${() => this.selectTab(tab)}>${this.c(`status.${tab}`)}</button>`,
        )}
      </div>
      <div part="tab-panel" role="tabpanel" id="campaigns-panel" aria-labelledby=${`campaigns-tab-${this.tab}`} aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.renderList()}
      </div>`;
  }

  private renderFilters(): TemplateResult {
    const any = ['', this.c('any')] as const;
    const catalog = this.catalog;
    return html`<form part="filters" aria-label=${this.c('filters')} novalidate @submit=${this.apply}>
      ${textField({ id: 'campaigns-q', name: 'q', label: this.m('search'), type: 'search', maxlength: 120 })}
      ${catalog ? selectField({ id: 'campaigns-brand', name: 'brandId', label: this.c('brand'), options: [any, ...catalog.brands.map((b) => [b.id, b.name] as const)] }) : nothing}
      ${catalog ? selectField({ id: 'campaigns-plan', name: 'planId', label: this.c('plan'), options: [any, ...catalog.plans.map((p) => [p.id, p.name] as const)] }) : nothing}
      ${dateRange('campaigns', { from: this.c('from'), to: this.c('to') }, this.dateError)}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.loading}>${this.c('filter')}</button></div>
    </form>`;
  }

  /** Filtered: "no match" and Clear filters; archived: a sentence; active: the way to the first campaign. */
  private renderEmpty(): TemplateResult {
    if (hasFilters(this.filters)) {
      return renderEmptyState({
        message: this.m(this.tab === 'archived' ? 'noMatchArchived' : 'noMatch'),
        action: { label: this.c('clearFilters'), part: 'clear-filters', onClick: this.clearFilters },
      });
    }
    if (this.tab === 'archived') return renderEmptyState({ message: this.m('emptyArchived') });
    return renderEmptyState({
      message: this.m('empty'),
      hint: this.canWrite ? undefined : this.m('emptyReadOnly'),
      action: this.canWrite
        ? { label: this.m('createFirst'), part: 'create-first', onClick: () => this.show({ kind: 'create' }) }
        : null,
    });
  }

  /** Empties the filter form and shows the tab's campaigns again. */
  private clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    this.filters = {};
    this.reload();
    this.focusAfterRender('#campaigns-q');
  };

  private renderList(): TemplateResult {
    const { campaigns } = this;
    if (!campaigns) return this.error ? this.renderLoadError(this.error) : this.renderLoading();
    // Promos are added to active campaigns only; the column shows while such a row does (a tab switch keeps the old rows until the new ones arrive).
    const adding = this.canWrite && campaigns.some((c) => c.status === 'active');
    const cols = columns({
      name: { label: this.m('col.name'), primary: true },
      actions: adding ? { label: this.m('col.actions'), actions: true } : undefined,
      brand: { label: this.c('brand'), priority: 2 },
      plan: { label: this.c('plan'), priority: 2 },
      promos: { label: this.c('promos'), priority: 3 },
      created: { label: this.c('created'), priority: 3 },
    });
    return html`<p part="count" role="status">${this.m('count', { count: campaigns.length })}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        campaigns.length === 0
          ? this.renderEmpty()
          : html`<div part="table-wrap" ${scrollRegion(this.m('heading'))}>
        <table part="campaigns">
          <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
          <tbody>${campaigns.map(
            (c) => html`<tr part="campaign-row" data-campaign-id=${c.id}>
            <th part="cell campaign-name" scope="row" ${cell(cols.name)}>
              <button part="button open" type="button" @click=${() => this.show({ kind: 'detail', campaignId: c.id })}>${c.name}</button>
            </th>
            ${
              cols.actions
                ? html`<td part="cell campaign-actions" ${cell(cols.actions)}>${
                    c.status === 'active'
                      ? html`<button part="button add-promo" type="button"
              aria-label=${this.m('addPromoTo', { name: c.name })} @click=${() => this.show({ kind: 'add-promo', campaignId: c.id })}>${this.m('addPromo')}</button>`
                      : nothing
                  }</td>`
                : nothing
            }
            <td part="cell campaign-brand" ${cell(cols.brand)}>${c.brand.name}</td>
            <td part="cell campaign-plan" ${cell(cols.plan)}>${c.plan.name}</td>
            <td part="cell campaign-promos" ${cell(cols.promos)}>${this.i18n.formatNumber(c.promoCount)}</td>
            <td part="cell campaign-created" ${cell(cols.created)}>${this.date(c.createdAt)}</td>
          </tr>`,
          )}</tbody>
        </table>
      </div>`
      }`;
  }
}
