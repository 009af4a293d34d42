/**
 * `<kb-bills-console>`: the operator console's bills — by period and state (pending and on hold
 * first: what waits for a decision), partner, brand and plan, with the totals per currency and
 * "Load more"; "Run billing now" (what the hourly run does, by hand) and a bill's panel with its
 * actions and corrections (bill-panel.ts). Calls go through the operator's own backend (`api-base`
 * forwards `/v1/bills…` and `/v1/billing/runs`, and reads `/v1/partners`, `/v1/brands` and `/v1/plans`
 * for the filters, with the secret key added).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { BILL_STATES, billTotals } from '../../internal/billing/bill-format.ts';
import { BillPanel } from './bill-panel.ts';
import { BillsConsoleElement } from './bills-console-element.ts';
import { renderBillsTable } from './bills-table.ts';
import type { OperatorBill, OperatorBillDetail, OperatorBillList } from './bills-console-types.ts';

type Named = { id: string; name: string };
type Filters = { from?: string; to?: string; state?: string; partnerId?: string; brandId?: string; planId?: string };
type RunResult = { qualified: number; issued: number; priced: number; complete: boolean };
const OPEN_STATES = 'pending,on_hold';

/** A list for a filter: ids and names; none when it could not load (the filter is then left out). */
const namesOf = (call: Promise<{ data: Array<{ id: string; name: string | null }> }>): Promise<Named[]> =>
  call.then(
    (r) => r.data.map((x) => ({ id: x.id, name: x.name ?? x.id })),
    () => [],
  );

function filterSelect(
  name: string,
  label: string,
  options: ReadonlyArray<readonly [string, string]>,
  value = '',
): TemplateResult {
  return html`<div part="field"><label part="label" for=${`bills-${name}`}>${label}</label>
    <select part="input" id=${`bills-${name}`} name=${name}>${options.map(
      ([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`,
    )}</select></div>`;
}

/**
 * The operator's bills. Attributes: `api-base` (the operator backend's prefix that forwards to
 * Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, hint, status, error, retry, empty, button, primary, danger - The panel and its states.
 * @csspart toolbar, run, run-status, filters, field, label, input, field-error, apply, actions - Filters and the run.
 * @csspart totals, total-list, total, count, load-more - The totals per currency and the list's count and paging.
 * @csspart table-wrap, bills, header-row, header-cell, bill-row, cell, open, bill-code, money, coin-badge, state-badge - The list.
 * @csspart panel, bill-panel, panel-header, subheading, close, facts, fact, fact-label, fact-value, waiting - A bill.
 * @csspart bill-actions, action, confirm, confirm-text, confirm-yes, confirm-no - Its state actions.
 * @csspart minor-heading, lines, line, line-text, line-amount, corrections, correction - Its lines and corrections.
 * @csspart correction-form, field-row, submit-correction - The correction form.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-link, --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-color-warning, --kb-color-warning-bg - Bills waiting for a decision or a rate.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbBillsConsole extends BillsConsoleElement {
  static override properties = {
    ...BillsConsoleElement.properties,
    rows: { state: true },
    loadError: { state: true },
    loading: { state: true },
    running: { state: true },
    runNote: { state: true },
    dateError: { state: true },
    choices: { state: true },
  };

  declare private rows: OperatorBill[] | null;
  declare private loadError: string | null;
  declare private loading: boolean;
  declare private running: boolean;
  declare private runNote: { ok: boolean; text: string } | null;
  declare private dateError: string | null;
  /** Partners, brands and plans for the filters (a list that could not load leaves its filter out). */
  declare private choices: { partners: Named[]; brands: Named[]; plans: Named[] };
  private next: string | null = null;
  private totals: OperatorBillList['totals'] = [];
  private filters: Filters = { state: OPEN_STATES };
  private seq = 0;
  private readonly panel = new BillPanel(this, (bill) => this.changed(bill));

  constructor() {
    super();
    this.rows = null;
    this.loadError = null;
    this.loading = false;
    this.running = false;
    this.runNote = null;
    this.dateError = null;
    this.choices = { partners: [], brands: [], plans: [] };
  }

  protected override apiBaseChanged(): void {
    void this.fetchPage(false);
    void this.loadChoices();
  }

  private async loadChoices(): Promise<void> {
    const v1 = this.client.v1;
    const [partners, brands, plans] = await Promise.all([
      namesOf(expectOk(v1.partners.$get({ query: {} }))),
      namesOf(expectOk(v1.brands.$get())),
      namesOf(expectOk(v1.plans.$get({ query: {} }))),
    ]);
    this.choices = { partners, brands, plans };
  }

  /** The first page under the filters (`more` false) or the next one; only the newest request writes. */
  private async fetchPage(more: boolean): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.loadError = null;
    try {
      const query = { ...this.filters, ...(more && this.next ? { after: this.next } : {}) };
      const page = await expectOk(this.client.v1.bills.$get({ query }));
      if (seq !== this.seq) return;
      this.rows = more ? [...(this.rows ?? []), ...page.data] : page.data;
      this.next = page.next;
      if (!more) this.totals = page.totals;
    } catch (error) {
      if (seq === this.seq) this.loadError = this.failure(error);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  /** A bill changed in the panel: its row shows the new state and amount, and the totals are asked again. */
  private changed(bill: OperatorBillDetail): void {
    this.rows = this.rows?.map((r) => (r.id === bill.id ? bill : r)) ?? null;
    void expectOk(this.client.v1.bills.$get({ query: { ...this.filters, limit: '1' } })).then(
      (page) => {
        this.totals = page.totals;
        this.requestUpdate();
      },
      () => {},
    );
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const filters: Filters = Object.fromEntries(
      ['from', 'to', 'state', 'partnerId', 'brandId', 'planId'].map((k) => [k, value(k)]).filter(([, v]) => v),
    );
    this.dateError = filters.from && filters.to && filters.to < filters.from ? this.m('toBeforeFrom') : null;
    if (this.dateError) return;
    this.filters = filters;
    void this.fetchPage(false);
  };

  private async run(): Promise<void> {
    this.running = true;
    this.runNote = null;
    try {
      const r: RunResult = await expectOk(this.client.v1.billing.runs.$post({ json: {} }));
      const counts = { qualified: r.qualified, issued: r.issued, priced: r.priced };
      this.runNote = { ok: true, text: this.m(r.complete ? 'ran' : 'ranPartly', counts) };
      await this.fetchPage(false);
    } catch (error) {
      this.runNote = { ok: false, text: this.failure(error) };
    } finally {
      this.running = false;
    }
  }

  private async openBill(billId: string): Promise<void> {
    const opening = this.panel.open(billId);
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#bill-panel-heading');
    heading?.focus();
    heading?.scrollIntoView?.({ block: 'nearest' });
    await opening;
  }

  closePanel(): void {
    const id = this.panel.billId;
    this.panel.close();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-bill-id="${id}"] [part~="open"]`)?.focus(),
    );
  }

  protected override render(): TemplateResult {
    const intro = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro hint">${this.m('intro')}</p>`;
    if (!this.apiBase) return html`${intro}<p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    return html`${intro}
      <div part="toolbar">
        <button part="button run" type="button" ?disabled=${this.running} aria-busy=${this.running ? 'true' : 'false'}
          @click=${() => this.run()}>${this.m(this.running ? 'running' : 'run')}</button>
        <p part=${this.runNote?.ok === false ? 'error run-status' : 'status run-status'} role="status">${this.runNote?.text ?? nothing}</p>
      </div>
      ${this.renderFilters()}
      ${this.panel.render()}
      ${this.renderList()}`;
  }

  private renderFilters(): TemplateResult {
    const any = ['', this.m('any')] as const;
    const pick = (list: Named[]) => [any, ...list.map((x) => [x.id, x.name] as const)];
    const { partners, brands, plans } = this.choices;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      <div part="field"><label part="label" for="bills-from">${this.m('from')}</label>
        <input part="input" id="bills-from" name="from" type="date" /></div>
      <div part="field"><label part="label" for="bills-to">${this.m('to')}</label>
        <input part="input" id="bills-to" name="to" type="date" aria-invalid=${this.dateError ? 'true' : 'false'}
          aria-describedby=${this.dateError ? 'bills-to-error' : nothing} />
        ${this.dateError ? html`<p part="field-error" id="bills-to-error" role="alert">${this.dateError}</p>` : nothing}</div>
      ${filterSelect(
        'state',
        this.m('state'),
        [
          [OPEN_STATES, this.m('state.open')],
          ...BILL_STATES.map((s) => [s, this.m(`state.${s}`)] as const),
          ['', this.m('state.all')],
        ],
        OPEN_STATES,
      )}
      ${partners.length ? filterSelect('partnerId', this.m('partner'), pick(partners)) : nothing}
      ${brands.length > 1 ? filterSelect('brandId', this.m('brand'), pick(brands)) : nothing}
      ${plans.length > 1 ? filterSelect('planId', this.m('plan'), pick(plans)) : nothing}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.loading}>${this.m('apply')}</button></div>
    </form>`;
  }

  private renderList(): TemplateResult {
    const rows = this.rows;
    if (!rows) {
      return this.loadError
        ? html`<div part="error" role="alert"><p part="error-detail">${this.loadError}</p>
            <button part="button retry" type="button" @click=${() => this.fetchPage(false)}>${this.m('retry')}</button></div>`
        : html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    }
    return html`${billTotals(this.uiLocale, this.totals, { heading: this.m('totals') })}
      <p part="count" role="status">${rows.length ? this.m('count', { count: rows.length }) : nothing}</p>
      ${this.loadError ? html`<p part="error" role="alert">${this.loadError}</p>` : nothing}
      ${
        rows.length === 0
          ? html`<p part="empty">${this.m('empty')}</p>`
          : renderBillsTable(this, rows, this.panel.billId, (billId) => this.openBill(billId))
      }
      ${
        this.next
          ? html`<div part="actions"><button part="button load-more" type="button" ?disabled=${this.loading}
            @click=${() => this.fetchPage(true)}>${this.m('loadMore')}</button></div>`
          : nothing
      }`;
  }
}
