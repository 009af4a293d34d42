/**
 * `<kb-bills>`: the partner's bills (`GET /v1/partner/bills`), newest period first with "Load more",
 * filtered by period, brand and state, with the totals per currency of the bills that match; a
 * bill's id opens its page (`GET /v1/partner/bills/{id}`) in place. Inside `<kb-portal>` the page
 * has an address (`#/bills/bill_123`), so Back, a refresh and a shared link keep it. A switch at the
 * top shows the other view, the qualified players (`<kb-qualifications>`, `#/bills/qualified`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { dateRange, selectField } from '../../internal/campaign/campaign-fields.ts';
import { formValues, type Catalog } from '../../internal/campaign/campaign-types.ts';
import { BILL_STATES, billTotals, period, stateBadge, toPay } from '../../internal/billing/bill-format.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { SectionAddress } from '../../internal/router.ts';
import type { Bill, BillDetail, BillTotal } from './bill-format.ts';
import { renderBillPage } from './bill-page.ts';
import { QUALIFIED_PATH, renderViewSwitch, type BillsView } from './bills-views.ts';
import { billsMessages, type BillsKey } from './kb-bills.messages.ts';
import { billsStyles } from './kb-bills.styles.ts';

type Filters = { from?: string | undefined; to?: string | undefined; brandId?: string | undefined; state?: string };
type Page = { kind: 'loading' } | { kind: 'ready'; bill: BillDetail } | { kind: 'failed'; message: string };

/**
 * The partner's bills. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - Section or bill heading. @csspart subheading - The totals, lines and corrections headings.
 * @csspart hint - Help text (also `state-hint`, `no-corrections`).
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart totals - The totals per currency. @csspart total - One currency's line.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart bills - The bills table. @csspart header-row - A header row. @csspart header-cell - A column header.
 * @csspart bill-row - One bill. @csspart cell - A cell (also `bill-id`, `bill-brand`, `bill-plan`,
 *   `bill-to-pay`, `bill-state`, `bill-created`, `line-text`, `line-amount`, `correction-id`, `correction-when`,
 *   `correction-action`, `correction-amount`, `correction-comment`).
 * @csspart open - A bill's period, the button that opens it. @csspart bill-code - Its id under it.
 * @csspart money - An amount. @csspart coin-badge - "coin" beside a crypto amount.
 * @csspart state-badge - A bill's state (also `state-<state>`). @csspart not-priced - "Not priced yet".
 * @csspart bill - A bill's page. @csspart back - "Back to bills". @csspart waiting - What a bill not priced waits
 *   for (with `waiting-for`). @csspart facts - The bill's facts. @csspart fact - One (also `fact-<name>`, with
 *   `fact-label` and `fact-value`). @csspart lines - The lines table. @csspart line - A line (also `line-late`).
 * @csspart corrections - The corrections table. @csspart correction - A correction.
 * @csspart count - How many bills are shown. @csspart list - The list view (hidden while a bill shows).
 * @csspart empty - No bills (with `empty-message`, `empty-hint`, and `clear-filters` when filtered).
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 * @csspart views - The switch between bills and qualified players. @csspart view - One of its buttons
 *   (also `view-current`). @csspart qualifications - The `<kb-qualifications>` of the qualified players' view.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header and fact backgrounds.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - The bill id buttons.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbBills extends AccountSection {
  static override styles = [accountSectionStyles, billingStyles, billsStyles];
  static override properties = {
    billId: { state: true },
    view: { state: true },
    page: { state: true },
    totals: { state: true },
    brands: { state: true },
    dateError: { state: true },
  };

  /** The bill whose page shows; null for the list. */
  declare private billId: string | null;
  /** The bills (with a bill's page when `billId` is set), or the qualified players. */
  declare private view: BillsView;
  declare private page: Page;
  declare private totals: BillTotal[];
  /** The partner's brands for the filter; without them the brand filter is not shown. */
  declare private brands: Catalog['brands'] | null;
  declare private dateError: string | null;
  private readonly address = new SectionAddress(this, (path, first) => {
    this.view = path[0] === QUALIFIED_PATH ? 'qualified' : 'bills';
    const id = path.length === 1 && this.view === 'bills' ? path[0]! : null;
    if (first) this.billId = id;
    else this.open(id, 'address');
  });
  private readonly log = new PagedLog<Bill, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, after) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query = Object.fromEntries(Object.entries({ ...filters, after }).filter(([, v]) => v)) as Filters;
        const page = await expectOk(api.client.v1.partner.bills.$get({ query }));
        // The totals are of the filters, not of a page: the first page brings them (a newer filter wins).
        if (!after && filters === this.log.filters) this.totals = page.totals;
        return { data: page.data, nextBefore: page.next };
      },
      errorMessage: (error) => this.errorMessage(error),
      onLastPage: () => this.focusAfterRender('#bills-heading'),
    },
  );

  constructor() {
    super();
    this.billId = null;
    this.view = 'bills';
    this.page = { kind: 'loading' };
    this.totals = [];
    this.brands = null;
    this.dateError = null;
  }

  private m(key: BillsKey, params?: MessageParams): string {
    return billsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.log.reset();
    this.totals = [];
    const brands = expectOk(api.client.v1.partner.catalog.$get()).then(
      (catalog) => {
        this.brands = catalog.brands;
      },
      () => {
        this.brands = null;
      },
    );
    await Promise.all([this.log.fetch(false), brands, this.billId ? this.loadBill(api, this.billId) : null]);
  }

  private async loadBill(api: ApiClient, billId: string): Promise<void> {
    this.page = { kind: 'loading' };
    try {
      const bill = await expectOk(api.client.v1.partner.bills[':billId'].$get({ param: { billId } }));
      if (this.billId === billId) this.page = { kind: 'ready', bill };
    } catch (error) {
      if (this.billId !== billId) return;
      const message = error instanceof ApiError && error.status === 404 ? this.m('notFound') : this.errorMessage(error);
      this.page = { kind: 'failed', message };
    }
  }

  /** `push`: the partner opened a bill or went back (its address first, inside a portal); `address`: the address moved. */
  private open(billId: string | null, how: 'push' | 'address' = 'push'): void {
    if (how === 'push' && this.address.go(billId ? [billId] : [])) return;
    this.billId = billId;
    if (billId) {
      if (this.api) void this.loadBill(this.api, billId).then(() => this.focusAfterRender('#bill-heading'));
      this.focusAfterRender('[part~="back"]');
    } else {
      this.focusAfterRender('#bills-heading');
    }
  }

  /** Shows a view: through its address inside a portal, else in place. */
  private readonly show = (view: BillsView): void => {
    if (this.address.go(view === 'qualified' ? [QUALIFIED_PATH] : [])) return;
    this.view = view;
    this.billId = null;
  };

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const { from, to, brandId, state } = formValues(event.currentTarget as HTMLFormElement);
    this.dateError = from && to && to < from ? this.m('toBeforeFrom') : null;
    if (this.dateError) return this.focusAfterRender('#bills-to');
    if (this.api) void this.log.apply({ from, to, brandId, ...(state ? { state } : {}) });
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    if (this.api) void this.log.clear();
    this.focusAfterRender('#bills-from');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const views = { label: this.m('views'), bills: this.m('view.bills'), qualified: this.m('view.qualified') };
    // The list stays in the DOM while a bill or the other view shows, so its filters and loaded pages are there on the way back.
    return html`${this.billId ? nothing : renderViewSwitch(this.view, views, this.show)}
      ${this.billId ? this.renderPage() : nothing}
      ${this.view === 'qualified' ? html`<kb-qualifications part="qualifications"></kb-qualifications>` : nothing}
      <div part="list" ?hidden=${Boolean(this.billId) || this.view === 'qualified'}>${this.renderList()}</div>`;
  }

  private renderPage(): TemplateResult {
    const { page } = this;
    return html`<button part="button back" type="button" @click=${() => this.open(null)}>${this.m('back')}</button>
      ${
        page.kind === 'ready'
          ? renderBillPage(page.bill, { locale: this.i18n.locale, dateTime: (v) => this.dateTime(v) })
          : page.kind === 'failed'
            ? html`<div part="error" role="alert"><p part="error-detail">${page.message}</p></div>`
            : this.renderLoading()
      }`;
  }

  private renderList(): TemplateResult {
    return html`<h2 part="heading" id="bills-heading" tabindex="-1">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderFilters()}
      ${this.renderTotals()}
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
        empty: { message: this.m('empty'), hint: this.m('emptyHint') },
        noMatch: { message: this.m('noMatch'), clear: this.m('clearFilters'), onClear: this.clearFilters },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loadingMore'),
        table: (rows) => this.renderTable(rows),
        loading: () => this.renderLoading(),
        loadError: (message) => this.renderLoadError(message),
      })}`;
  }

  private renderFilters(): TemplateResult {
    const brands = this.brands;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      ${dateRange('bills', { from: this.m('from'), to: this.m('to') }, this.dateError)}
      ${
        brands && brands.length > 1
          ? selectField({
              id: 'bills-brand',
              name: 'brandId',
              label: this.m('brand'),
              options: [['', this.m('anyBrand')], ...brands.map((b) => [b.id, b.name] as const)],
            })
          : nothing
      }
      ${selectField({
        id: 'bills-state',
        name: 'state',
        label: this.m('state'),
        options: [['', this.m('anyState')], ...BILL_STATES.map((s) => [s, this.m(`state.${s}`)] as const)],
      })}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }

  /** One line per currency; nothing while there is nothing to add up. */
  private renderTotals(): TemplateResult | typeof nothing {
    if (!this.log.rows?.length) return nothing;
    return billTotals(this.i18n.locale, this.totals, { heading: this.m('totals'), note: this.m('totalsNote') });
  }

  private renderTable(rows: Bill[]): TemplateResult {
    const locale = this.i18n.locale;
    const cols = columns({
      bill: { label: this.m('col.bill'), primary: true },
      brand: { label: this.m('col.brand'), priority: 2 },
      plan: { label: this.m('col.plan'), priority: 3 },
      toPay: { label: this.m('col.toPay') },
      state: { label: this.m('col.state') },
      created: { label: this.m('col.created'), priority: 3 },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('heading'))}>
      <table part="bills" aria-labelledby="bills-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (b) => html`<tr part="bill-row" data-bill-id=${b.id}>
          <th part="cell bill-id" scope="row" ${cell(cols.bill)}>
            <button part="button open" type="button" aria-describedby=${`bill-code-${b.id}`}
              @click=${() => this.open(b.id)}>${period(locale, b.period)}</button>
            <code part="bill-code" id=${`bill-code-${b.id}`}>${b.id}</code>
          </th>
          <td part="cell bill-brand" ${cell(cols.brand)}>${b.brand.name ?? b.brand.id}</td>
          <td part="cell bill-plan" ${cell(cols.plan)}>${b.plan.name ?? b.plan.id}</td>
          <td part="cell bill-to-pay" ${cell(cols.toPay)}>${toPay(locale, b)}</td>
          <td part="cell bill-state" ${cell(cols.state)}>${stateBadge(locale, b.state)}</td>
          <td part="cell bill-created" ${cell(cols.created)}>${this.i18n.formatDate(b.createdAt)}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
