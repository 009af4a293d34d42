/**
 * The cash-outs view of `<kb-wallet>` (`#/wallet/cash_outs`): the partner's cash-outs
 * (`GET /v1/partner/wallet/cash_outs`), newest first with "Load more", filtered by state; a pending
 * one can be cancelled after a confirmation (`POST …/cash_outs/{id}/cancel`), which puts its amount
 * back into the available balance. Asking for and cancelling cash-outs is for the money roles; the
 * others see the list without its actions column.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import { money, moneyText } from '../../internal/billing/bill-format.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { formValues } from '../../internal/campaign/campaign-types.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { cashOutMessages, type CashOutKey } from './cash-out.messages.ts';
import { CASH_OUT_STATES, compact, type CashOut, type CashOutQuery, type CashOutState } from './wallet-format.ts';

type Filters = { state?: CashOutState | undefined };

export interface CashOutsHost {
  element: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  api(): ApiClient | undefined;
  locale(): Locale;
  dateTime(value: string): string;
  /** Whether the user may cancel (and ask for) cash-outs. */
  canMove(): boolean;
  /** True when the currency's balance is a crypto one (its amounts get the coin mark). */
  coin(currency: string): boolean;
  fail(error: unknown): string;
  loading(): TemplateResult;
  /** The Withdraw button at the top of the view (nothing for a role that may not withdraw). */
  withdrawButton(): TemplateResult | typeof nothing;
  /** A cash-out was cancelled (its amount is available again); `notice` says so. */
  cancelled(notice: string): void;
}

export class CashOutsView {
  /** The row asking "Cancel this cash-out?", and the one whose cancel is on its way. */
  private confirmingId: string | null = null;
  private busyId: string | null = null;
  /** A cancel the server refused. */
  private error: string | null = null;
  private readonly log: PagedLog<CashOut, Filters>;

  constructor(private readonly h: CashOutsHost) {
    this.log = new PagedLog<CashOut, Filters>(
      h.element,
      {},
      {
        fetchPage: async (filters, before) => {
          const api = h.api();
          if (!api) throw new Error('No API client');
          const query = compact({ ...filters, before }) as CashOutQuery;
          return expectOk(api.client.v1.partner.wallet.cash_outs.$get({ query }));
        },
        errorMessage: (error) => h.fail(error),
        onLastPage: () => this.focus('#cash-outs-heading'),
      },
    );
  }

  private m(key: CashOutKey, params?: MessageParams): string {
    return cashOutMessages(this.h.locale(), key, params);
  }

  private focus(selector: string): void {
    this.h.element.requestUpdate();
    void this.h.element.updateComplete.then(() =>
      this.h.element.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  /** Loads the first page under the current filters; `ifShown`: only when a page was loaded before (a refresh). */
  reload(ifShown = false): Promise<void> {
    if (ifShown && this.log.rows === null && !this.log.loading) return Promise.resolve();
    this.confirmingId = null;
    this.error = null;
    return this.log.fetch(false);
  }

  /** Once shown, the view stays in the DOM (hidden under the others), so its filter keeps what the partner chose. */
  shown = false;

  /** Shows the view; `fetch`: its first page too, unless one is there or on its way (false before the section's first load). */
  show(fetch: boolean): void {
    this.shown = true;
    if (fetch && this.log.rows === null && !this.log.loading && this.h.api()) void this.log.fetch(false);
  }

  /** A new user or client: nothing of the last one's shows. */
  reset(): void {
    this.log.reset();
    this.confirmingId = null;
    this.error = null;
  }

  private readonly applyFilter = (event: SubmitEvent): void => {
    event.preventDefault();
    const { state } = formValues(event.currentTarget as HTMLFormElement);
    this.error = null;
    if (this.h.api()) void this.log.apply(state ? { state: state as CashOutState } : {});
  };

  private readonly clearFilter = (): void => {
    this.error = null;
    if (this.h.api()) void this.log.clear();
    this.focus('#cash-outs-state');
  };

  private ask(c: CashOut): void {
    this.confirmingId = c.id;
    this.error = null;
    this.focus(`#cash-out-${c.id}-confirm-button`);
  }

  private keep(c: CashOut): void {
    this.confirmingId = null;
    this.focus(`#cash-out-${c.id}-cancel`);
  }

  private async cancel(c: CashOut): Promise<void> {
    const api = this.h.api();
    if (!api || this.busyId) return;
    this.busyId = c.id;
    this.h.element.requestUpdate();
    try {
      const cancelled = await expectOk(
        api.client.v1.partner.wallet.cash_outs[':cashOutId'].cancel.$post({ param: { cashOutId: c.id } }),
      );
      this.log.rows = (this.log.rows ?? []).map((row) => (row.id === c.id ? cancelled : row));
      this.confirmingId = null;
      const amount = moneyText(this.h.locale(), c.amount, c.currency, this.h.coin(c.currency));
      this.h.cancelled(this.m('cancelledNotice', { amount }));
      this.focus('#cash-outs-heading');
    } catch (error) {
      this.error = this.h.fail(error);
      this.confirmingId = null;
      // Paid or cancelled by the program meanwhile (409): show the list as it is now.
      if (error instanceof ApiError && error.status === 409) void this.log.fetch(false);
      this.focus('#cash-outs-error');
    } finally {
      this.busyId = null;
      this.h.element.requestUpdate();
    }
  }

  render(hidden: boolean): TemplateResult {
    return html`<section part="cash-outs-view" aria-labelledby="cash-outs-heading" ?hidden=${hidden}>
      <div part="view-header">
        <h3 part="subheading" id="cash-outs-heading" tabindex="-1">${this.m('heading')}</h3>
        ${this.h.withdrawButton()}
      </div>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderFilter()}
      <div part="error" role="alert" id="cash-outs-error" tabindex="-1">${this.error ?? nothing}</div>
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
        empty: { message: this.m('empty'), hint: this.m('emptyHint') },
        noMatch: { message: this.m('noMatch'), clear: this.m('clearFilters'), onClear: this.clearFilter },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loadingMore'),
        table: (rows) => this.renderTable(rows),
        loading: () => this.h.loading(),
        loadError: (message) => html`<div part="error" role="alert"><p part="error-detail">${message}</p>
          <button part="button retry" type="button" @click=${() => void this.reload()}>${this.m('retry')}</button></div>`,
      })}
    </section>`;
  }

  private renderFilter(): TemplateResult {
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilter}>
      ${selectField({
        id: 'cash-outs-state',
        name: 'state',
        label: this.m('state'),
        options: [['', this.m('anyState')], ...CASH_OUT_STATES.map((s) => [s, this.m(`state.${s}`)] as const)],
      })}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }

  private renderState(c: CashOut): TemplateResult {
    const by = c.state === 'cancelled' && c.cancelledBy ? ` ${this.m(`cancelledBy.${c.cancelledBy}`)}` : '';
    return html`<span part=${`state-badge state-${c.state}`}>${this.m(`state.${c.state}`)}</span>${
      by ? html`<span part="cancelled-by">${by}</span>` : nothing
    }`;
  }

  private renderActions(c: CashOut): TemplateResult | typeof nothing {
    if (c.state !== 'pending') return nothing;
    const amount = moneyText(this.h.locale(), c.amount, c.currency, this.h.coin(c.currency));
    if (this.confirmingId === c.id) {
      const busy = this.busyId === c.id;
      return html`<p part="confirm-cancel" id=${`cash-out-${c.id}-confirm`}>${this.m('confirmCancel', { amount })}</p>
        <div part="actions">
          <button part="button danger confirm-cancel-button" type="button" id=${`cash-out-${c.id}-confirm-button`}
            ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} aria-describedby=${`cash-out-${c.id}-confirm`}
            @click=${() => void this.cancel(c)}>${this.m('confirmCancelButton')}</button>
          <button part="button keep" type="button" ?disabled=${busy} @click=${() => this.keep(c)}>${this.m('keep')}</button>
        </div>`;
    }
    return html`<div part="actions"><button part="button danger cancel-cash-out" type="button" id=${`cash-out-${c.id}-cancel`}
      aria-label=${this.m('cancelLabel', { amount })} ?disabled=${Boolean(this.busyId)}
      @click=${() => this.ask(c)}>${this.m('cancelCashOut')}</button></div>`;
  }

  private renderTable(rows: CashOut[]): TemplateResult {
    const locale = this.h.locale();
    const cols = columns({
      requested: { label: this.m('col.requested'), primary: true },
      amount: { label: this.m('col.amount') },
      account: { label: this.m('col.account'), priority: 2 },
      state: { label: this.m('col.state') },
      reference: { label: this.m('col.reference'), priority: 3 },
      actions: this.h.canMove() ? { label: this.m('col.actions'), actions: true, hiddenHeader: true } : undefined,
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('heading'))}>
      <table part="cash-outs" aria-labelledby="cash-outs-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (c) => html`<tr part="cash-out-row" data-cash-out-id=${c.id} data-state=${c.state}>
            <th part="cell cash-out-requested" scope="row" ${cell(cols.requested)}>${this.h.dateTime(c.createdAt)}</th>
            <td part="cell cash-out-amount" ${cell(cols.amount)}>${money(locale, c.amount, c.currency, this.h.coin(c.currency))}</td>
            <td part="cell cash-out-account" ${cell(cols.account)}><span part="method-name">${c.paymentAccount.method.name}</span>
              <span part="account-summary">${c.paymentAccount.summary}</span></td>
            <td part="cell cash-out-state" ${cell(cols.state)}>${this.renderState(c)}</td>
            <td part="cell cash-out-reference" ${cell(cols.reference)}>${
              c.reference
                ? html`<code part="reference">${c.reference}</code>`
                : html`<span part="no-reference">${c.state === 'pending' ? this.m('noReference') : '—'}</span>`
            }</td>
            ${cols.actions ? html`<td part="cell cash-out-actions" ${cell(cols.actions)}>${this.renderActions(c)}</td>` : nothing}
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
