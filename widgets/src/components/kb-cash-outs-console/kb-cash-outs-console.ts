/**
 * `<kb-cash-outs-console>`: the operator console's cash-outs — pending first (the payment run),
 * by state and partner with "Load more"; "Mark paid" with the payment system's reference, "Cancel"
 * and "Refund" (cash-out-moves.ts), and the run as a CSV (cash-outs-download.ts). Calls go through
 * the operator's own backend (`api-base` forwards `/v1/cash_outs…` and reads `/v1/partners` for
 * names and the filter, with the secret key added).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KabinetClient } from '../../../../core/sdk/index.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { expectOk } from '../../internal/api-client.ts';
import { moneyText } from '../../internal/billing/bill-format.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { CashOutMoves, type MovesHost } from './cash-out-moves.ts';
import { CashOutsDownload } from './cash-outs-download.ts';
import { renderCashOutsTable } from './cash-outs-table.ts';
import {
  CASH_OUT_STATES,
  type CashOutFilters,
  type CashOutMove,
  type CashOutState,
  type OperatorCashOut,
} from './cash-outs-types.ts';
import { cashOutsConsoleMessages, type CashOutsConsoleKey } from './kb-cash-outs-console.messages.ts';
import { cashOutsConsoleStyles } from './kb-cash-outs-console.styles.ts';

const PENDING: CashOutFilters = { state: 'pending' };
const isState = (value: string): value is CashOutState => (CASH_OUT_STATES as readonly string[]).includes(value);

/**
 * The operator's cash-outs. Attributes: `api-base` (the operator backend's prefix that forwards to
 * Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, hint, status, notice, error, error-detail, retry, empty, empty-message, button, primary, danger - The panel and its states.
 * @csspart filters, field, label, input, apply, actions, empty-action, clear-filters, count, load-more - Filters and paging.
 * @csspart download, download-csv, download-hint, download-status, save-file, download-error - The payment-run file.
 * @csspart table-wrap, cash-outs, header-row, header-cell, cash-out-row, cell, requested, requested-at, cash-out-code - The list.
 * @csspart partner, amount, money, method, method-name, account-summary, state, state-badge, cancelled-by, reference - Its cells.
 * @csspart state-pending, state-success, state-cancelled, state-refunded - The state badge, by state.
 * @csspart row-actions, action, action-pay, action-cancel, action-refund - The moves a row's state allows.
 * @csspart move-dialog, move-form, dialog-heading, dialog-text, reference-input, field-error - The move's dialog.
 * @csspart move-confirm, confirm-pay, confirm-cancel, confirm-refund, move-keep - Its buttons.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-link, --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-color-warning, --kb-color-warning-bg - Pending cash-outs.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbCashOutsConsole extends ConsoleElement implements MovesHost {
  static override styles = [...accountSectionStyles, billingStyles, cashOutsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    partners: { state: true },
    notice: { state: true },
  };

  /** Partner names by id, for the rows and the filter (empty when the list could not load: ids show). */
  declare private partners: Map<string, string>;
  /** What the last move did, or that someone else moved the cash-out first. */
  declare private notice: { text: string; alert: boolean } | null;
  private readonly moves = new CashOutMoves(this);
  private readonly file = new CashOutsDownload(this);
  private readonly log = new PagedLog<OperatorCashOut, CashOutFilters>(this, PENDING, {
    fetchPage: async (filters, before) => {
      const query = { ...filters, ...(before ? { before } : {}) };
      const page = await expectOk(this.client.v1.cash_outs.$get({ query }));
      return { data: page.data, nextBefore: page.nextBefore };
    },
    errorMessage: (error) => this.failure(error),
    // Pending is where the list starts: only another state or a partner narrows it.
    isFiltered: (filters) => filters.state !== 'pending' || Boolean(filters.partnerId),
  });

  constructor() {
    super();
    this.partners = new Map();
    this.notice = null;
  }

  m(key: CashOutsConsoleKey, params?: MessageParams): string {
    return cashOutsConsoleMessages(this.uiLocale, key, params);
  }

  get client(): KabinetClient {
    return this.api.client;
  }

  uiLocaleOf(): Locale {
    return this.uiLocale;
  }

  failureOf(error: unknown): string {
    return this.failure(error);
  }

  when(value: string): string {
    return this.dateTime(value);
  }

  wordsFor(c: OperatorCashOut) {
    return {
      partner: this.partners.get(c.partnerId) ?? c.partnerId,
      amount: moneyText(this.uiLocale, c.amount, c.currency, false),
      method: c.paymentAccount.method.name,
      account: c.paymentAccount.summary,
    };
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }

  protected override apiBaseChanged(): void {
    this.log.reset();
    void this.log.fetch(false);
    void this.loadPartners();
  }

  private async loadPartners(): Promise<void> {
    try {
      const { data } = await expectOk(this.client.v1.partners.$get({ query: {} }));
      this.partners = new Map(data.map((p) => [p.id, p.name]));
    } catch {
      // Without names the rows show partner ids and the filter is left out; the list itself still works.
    }
  }

  moved(saved: OperatorCashOut, move: CashOutMove): void {
    this.log.rows = this.log.rows?.map((r) => (r.id === saved.id ? saved : r)) ?? null;
    this.say({ text: this.m(`done.${move}`, { partner: this.wordsFor(saved).partner }), alert: false });
  }

  conflicted(): void {
    this.say({ text: this.m('conflict'), alert: true });
    void this.log.fetch(false);
  }

  /** The note replaces the pressed button (which may be gone with its state) as the place focus stays. */
  private say(notice: { text: string; alert: boolean }): void {
    this.notice = notice;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus());
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const state = String(data.get('state') ?? '');
    const partnerId = String(data.get('partnerId') ?? '');
    this.notice = null;
    this.file.forget();
    void this.log.apply({ ...(isState(state) ? { state } : {}), ...(partnerId ? { partnerId } : {}) });
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.file.forget();
    void this.log.clear();
  };

  protected override render(): TemplateResult {
    const intro = html`<h2 part="heading" id="cash-outs-heading">${this.m('heading')}</h2>
      <p part="intro hint">${this.m('intro')}</p>`;
    if (!this.apiBase) return html`${intro}<p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    const notice = this.notice;
    return html`${intro}
      ${this.renderFilters()}
      ${this.file.render(this.log.filters)}
      ${
        notice
          ? html`<p part=${notice.alert ? 'error notice' : 'status notice'} role=${notice.alert ? 'alert' : 'status'}
            tabindex="-1">${notice.text}</p>`
          : nothing
      }
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
        empty: this.m('empty'),
        noMatch: { message: this.m('noMatch'), clear: this.m('clearFilters'), onClear: this.clearFilters },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loading'),
        table: (rows) => renderCashOutsTable(this, rows, (c, move, opener) => void this.moves.open(c, move, opener)),
        loading: () => html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`,
        loadError: (message) => html`<div part="error" role="alert"><p part="error-detail">${message}</p>
          <button part="button retry" type="button" @click=${() => this.log.fetch(false)}>${this.m('retry')}</button></div>`,
      })}
      ${this.moves.render()}`;
  }

  private renderFilters(): TemplateResult {
    const states = [
      ...CASH_OUT_STATES.map((s) => [s, this.m(`state.${s}`)] as const),
      ['', this.m('state.all')] as const,
    ];
    const partners = [...this.partners].sort((a, b) => a[1].localeCompare(b[1], this.uiLocale));
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      <div part="field"><label part="label" for="cash-outs-state">${this.m('state')}</label>
        <select part="input" id="cash-outs-state" name="state">${states.map(
          ([v, text]) => html`<option value=${v} ?selected=${v === 'pending'}>${text}</option>`,
        )}</select></div>
      ${
        partners.length
          ? html`<div part="field"><label part="label" for="cash-outs-partnerId">${this.m('partner')}</label>
        <select part="input" id="cash-outs-partnerId" name="partnerId"><option value="">${this.m('anyPartner')}</option>${partners.map(
          ([id, name]) => html`<option value=${id}>${name}</option>`,
        )}</select></div>`
          : nothing
      }
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }
}
