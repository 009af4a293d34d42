/**
 * The wallet's types from the typed client, and how a transaction reads: its type in words (a
 * bill's correction apart from the bill), its signed amount, and the bill or comment it came with.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { money, period } from '../../internal/billing/bill-format.ts';
import type { Locale } from '../../internal/i18n.ts';
import { walletMessages } from './kb-wallet.messages.ts';

type BalancesCall = KabinetClient['v1']['partner']['wallet']['balances']['$get'];
type TransactionsCall = KabinetClient['v1']['partner']['wallet']['transactions']['$get'];
export type Balance = SuccessBody<Awaited<ReturnType<BalancesCall>>>['data'][number];
export type Transaction = SuccessBody<Awaited<ReturnType<TransactionsCall>>>['data'][number];
export type TransactionQuery = NonNullable<Parameters<TransactionsCall>[0]>['query'];

export const TRANSACTION_TYPES = ['bill', 'balance_correction', 'cash_out', 'refund'] as const;

/** "Bill", "Bill correction" or "Balance correction". */
export function typeWords(locale: Locale, t: Transaction): string {
  if (t.type === 'bill' && t.bill?.correctionId) return walletMessages(locale, 'billCorrection');
  return walletMessages(locale, `type.${t.type}`);
}

/** The amount with its sign ("+€100.00", "−€10.00"): the action is part of how much moved. */
export function signedAmount(locale: Locale, t: Transaction): TemplateResult {
  const sign = t.action === 'add' ? '+' : '−';
  return html`<span part=${`signed action-${t.action}`}><span aria-hidden="true">${sign}</span><span class="visually-hidden"
    >${walletMessages(locale, `action.${t.action}`)} </span>${money(locale, t.amount, t.currency, t.coin)}</span>`;
}

/** The bill it came from (period and brand) and the comment of a correction. */
/** What a cash-out's transfer did, in words: the hold, its release on a cancel, or the money back on a refund. */
function cashOutWords(locale: Locale, t: Transaction): string | null {
  if (t.type === 'refund') return walletMessages(locale, 'detail.refund');
  if (t.type !== 'cash_out') return null;
  return walletMessages(locale, t.action === 'add' ? 'detail.cashOutReleased' : 'detail.cashOutHeld');
}

export function details(locale: Locale, t: Transaction): TemplateResult {
  const bill = t.bill;
  const cashOut = cashOutWords(locale, t);
  return html`${cashOut ? html`<span part="cash-out-words">${cashOut}</span>` : nothing}${
    bill
      ? html`<span part="bill-ref">${walletMessages(locale, 'billFor', { period: period(locale, bill.period) })}${
          bill.brand.name ? html` · ${bill.brand.name}` : nothing
        }</span>`
      : nothing
  }${t.comment ? html`<span part="comment">${walletMessages(locale, 'comment', { comment: t.comment })}</span>` : nothing}`;
}

type CashOutsCall = KabinetClient['v1']['partner']['wallet']['cash_outs']['$get'];
type AccountsCall = KabinetClient['v1']['partner']['payment_accounts']['$get'];
type MethodsCall = KabinetClient['v1']['partner']['payment_methods']['$get'];
export type CashOut = SuccessBody<Awaited<ReturnType<CashOutsCall>>>['data'][number];
export type CashOutQuery = NonNullable<Parameters<CashOutsCall>[0]>['query'];
export type CashOutState = CashOut['state'];
export type PaymentAccount = SuccessBody<Awaited<ReturnType<AccountsCall>>>['data'][number];
export type OfferedMethod = SuccessBody<Awaited<ReturnType<MethodsCall>>>['data'][number];

/** The states of core/modules/wallet/table.ts, in the order a cash-out moves through them. */
export const CASH_OUT_STATES = [
  'pending',
  'success',
  'cancelled',
  'refunded',
] as const satisfies readonly CashOutState[];
// Fails to compile when the server gains a state this list (and its words) lacks.
const everyState: Record<CashOutState, true> = { pending: true, success: true, cancelled: true, refunded: true };
void everyState;

/** The roles the server lets ask for and cancel cash-outs (as it lets them change payment details). */
export const MONEY_ROLES: readonly string[] = ['owner', 'admin', 'finance'];

export const DECIMAL = /^\d+(\.\d+)?$/;
/** "12,50" as people type it in Russian is 12.50; spaces (thousands) go. */
export const decimalOf = (value: string | undefined) => value?.replace(',', '.').replace(/\s/g, '');
/** Exact comparison of two decimal strings (never floats): padded to the same number of decimals. */
export function lessThan(a: string, b: string): boolean {
  const [aw = '0', af = ''] = a.split('.');
  const [bw = '0', bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  return BigInt(aw + af.padEnd(width, '0')) < BigInt(bw + bf.padEnd(width, '0'));
}
/** True for a decimal string above zero ("0.00" is not). */
export const isPositive = (value: string): boolean => /[1-9]/.test(value);

/** The query without its empty values (an unset filter is not sent). */
export const compact = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v));
