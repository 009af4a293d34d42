/**
 * `<kb-wallet>`: the partner's balance per currency (`GET /v1/partner/wallet/balances`: available
 * and pending) and the transactions list (`GET /v1/partner/wallet/transactions`), newest first with
 * "Load more", filtered by type, action, currency, amount range and dates. What it shows is what the
 * ledger holds today: approved bills, corrections of them, and the program's balance corrections.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { money } from '../../internal/billing/bill-format.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { dateRange, selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import { formValues } from '../../internal/campaign/campaign-types.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { walletMessages, type WalletKey } from './kb-wallet.messages.ts';
import { walletStyles } from './kb-wallet.styles.ts';
import {
  details,
  signedAmount,
  TRANSACTION_TYPES,
  typeWords,
  type Balance,
  type Transaction,
  type TransactionQuery,
} from './wallet-format.ts';

type Filters = Omit<TransactionQuery, 'limit' | 'before'>;
type FieldErrors = Partial<Record<'amountFrom' | 'amountTo' | 'to', string>>;

const DECIMAL = /^\d+(\.\d+)?$/;
/** "12,50" as people type it in Russian is 12.50. */
const decimalOf = (value: string | undefined) => value?.replace(',', '.').replace(/\s/g, '');
/** Exact comparison of two decimal strings (never floats): padded to the same number of decimals. */
function lessThan(a: string, b: string): boolean {
  const [aw = '0', af = ''] = a.split('.');
  const [bw = '0', bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  return BigInt(aw + af.padEnd(width, '0')) < BigInt(bw + bf.padEnd(width, '0'));
}

/**
 * The partner's wallet. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The section heading. @csspart subheading - The balances and transactions headings.
 * @csspart hint - Help text. @csspart balances - The balances. @csspart balance-list - Their list.
 * @csspart balance - One currency (with `balance-currency`, `balance-available`, `balance-pending`,
 *   `balance-label`, `balance-value`). @csspart money - An amount. @csspart coin-badge - "coin" beside a crypto amount.
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart transactions - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart transaction-row - One transaction. @csspart cell - A cell (also `transaction-when`, `transaction-type`,
 *   `transaction-details`, `transaction-amount`). @csspart signed - A signed amount (also `action-add`, `action-subtract`).
 * @csspart bill-ref - The bill a transaction came from. @csspart comment - A correction's comment.
 * @csspart count - How many transactions are shown.
 * @csspart empty - No balance or no transactions (with `empty-message`, `empty-hint`, and `clear-filters` when filtered).
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and labels.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Balance cards and table header.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbWallet extends AccountSection {
  static override styles = [accountSectionStyles, billingStyles, walletStyles];
  static override properties = {
    balances: { state: true },
    balanceError: { state: true },
    fieldErrors: { state: true },
  };

  /** null while loading. */
  declare private balances: Balance[] | null;
  declare private balanceError: string | null;
  declare private fieldErrors: FieldErrors;
  private readonly log = new PagedLog<Transaction, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, before) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query = Object.fromEntries(
          Object.entries({ ...filters, before }).filter(([, v]) => v),
        ) as TransactionQuery;
        return expectOk(api.client.v1.partner.wallet.transactions.$get({ query }));
      },
      errorMessage: (error) => this.errorMessage(error),
      onLastPage: () => this.focusAfterRender('#wallet-transactions-heading'),
    },
  );

  constructor() {
    super();
    this.balances = null;
    this.balanceError = null;
    this.fieldErrors = {};
  }

  private m(key: WalletKey, params?: MessageParams): string {
    return walletMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.log.reset();
    this.balances = null;
    this.balanceError = null;
    const balances = expectOk(api.client.v1.partner.wallet.balances.$get()).then(
      (body) => {
        this.balances = body.data;
      },
      (error: unknown) => {
        this.balanceError = this.errorMessage(error);
      },
    );
    await Promise.all([this.log.fetch(false), balances]);
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const amountFrom = decimalOf(values.amountFrom);
    const amountTo = decimalOf(values.amountTo);
    const errors: FieldErrors = {};
    if (amountFrom && !DECIMAL.test(amountFrom)) errors.amountFrom = this.m('badAmount');
    if (amountTo && !DECIMAL.test(amountTo)) errors.amountTo = this.m('badAmount');
    else if (amountFrom && amountTo && !errors.amountFrom && lessThan(amountTo, amountFrom))
      errors.amountTo = this.m('amountOrder');
    if (values.from && values.to && values.to < values.from) errors.to = this.m('toBeforeFrom');
    this.fieldErrors = errors;
    const first = (['amountFrom', 'amountTo', 'to'] as const).find((k) => errors[k]);
    if (first) return this.focusAfterRender(`#wallet-${first === 'to' ? 'to' : first}`);
    const { type, action, currency, from, to } = values;
    if (this.api) void this.log.apply({ type, action, currency, amountFrom, amountTo, from, to } as Filters);
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.fieldErrors = {};
    if (this.api) void this.log.clear();
    this.focusAfterRender('#wallet-type');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading" id="wallet-heading" tabindex="-1">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderBalances()}
      <section aria-labelledby="wallet-transactions-heading">
        <h3 part="subheading" id="wallet-transactions-heading" tabindex="-1">${this.m('transactions')}</h3>
        ${this.renderFilters()}
        ${this.log.render({
          count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
          empty: { message: this.m('empty'), hint: this.m('emptyHint') },
          noMatch: { message: this.m('noMatch'), clear: this.m('clearFilters'), onClear: this.clearFilters },
          loadMore: this.m('loadMore'),
          loadingMore: this.m('loadingMore'),
          table: (rows) => this.renderTable(rows),
          loading: () => this.renderLoading(),
          loadError: (message) => this.renderLoadError(message),
        })}
      </section>`;
  }

  private renderBalances(): TemplateResult {
    const locale = this.i18n.locale;
    const balances = this.balances;
    const body = this.balanceError
      ? html`<div part="error" role="alert"><p part="error-detail">${this.balanceError}</p></div>`
      : !balances
        ? this.renderLoading()
        : balances.length === 0
          ? renderEmptyState({ message: this.m('noBalance'), hint: this.m('noBalanceHint') })
          : html`<ul part="balance-list">${balances.map(
              (b) => html`<li part="balance" data-currency=${b.currency}>
                <span part="balance-currency">${b.currency}</span>
                <span part="balance-available"><span part="balance-label">${this.m('available')}</span>
                  <strong part="balance-value">${money(locale, b.available, b.currency, b.coin)}</strong></span>
                <span part="balance-pending"><span part="balance-label">${this.m('pending')}</span>
                  <span part="balance-value">${money(locale, b.pending, b.currency, b.coin)}</span></span>
              </li>`,
            )}</ul>`;
    return html`<section part="balances" aria-labelledby="wallet-balances-heading">
      <h3 part="subheading" id="wallet-balances-heading">${this.m('balances')}</h3>
      ${body}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const currencies = this.balances?.map((b) => b.currency) ?? [];
    const errors = this.fieldErrors;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      ${selectField({
        id: 'wallet-type',
        name: 'type',
        label: this.m('type'),
        options: [['', this.m('anyType')], ...TRANSACTION_TYPES.map((t) => [t, this.m(`type.${t}`)] as const)],
      })}
      ${selectField({
        id: 'wallet-action',
        name: 'action',
        label: this.m('action'),
        options: [
          ['', this.m('anyAction')],
          ['add', this.m('action.add')],
          ['subtract', this.m('action.subtract')],
        ],
      })}
      ${
        currencies.length > 1
          ? selectField({
              id: 'wallet-currency',
              name: 'currency',
              label: this.m('currency'),
              options: [['', this.m('anyCurrency')], ...currencies.map((c) => [c, c] as const)],
            })
          : nothing
      }
      ${textField({ id: 'wallet-amountFrom', name: 'amountFrom', label: this.m('amountFrom'), error: errors.amountFrom, alert: true, maxlength: 40 })}
      ${textField({ id: 'wallet-amountTo', name: 'amountTo', label: this.m('amountTo'), error: errors.amountTo, alert: true, maxlength: 40 })}
      ${dateRange('wallet', { from: this.m('from'), to: this.m('to') }, errors.to ?? null)}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }

  private renderTable(rows: Transaction[]): TemplateResult {
    const locale = this.i18n.locale;
    const cols = columns({
      when: { label: this.m('col.when'), primary: true },
      type: { label: this.m('col.type') },
      details: { label: this.m('col.details'), priority: 2 },
      amount: { label: this.m('col.amount') },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('transactions'))}>
      <table part="transactions" aria-labelledby="wallet-transactions-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (t) => html`<tr part="transaction-row" data-transaction-id=${t.id}>
            <th part="cell transaction-when" scope="row" ${cell(cols.when)}>${this.dateTime(t.createdAt)}</th>
            <td part="cell transaction-type" ${cell(cols.type)}>${typeWords(locale, t)}</td>
            <td part="cell transaction-details" ${cell(cols.details)}>${details(locale, t)}</td>
            <td part="cell transaction-amount" ${cell(cols.amount)}>${signedAmount(locale, t)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
