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

export const TRANSACTION_TYPES = ['bill', 'balance_correction'] as const;

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
export function details(locale: Locale, t: Transaction): TemplateResult {
  const bill = t.bill;
  return html`${
    bill
      ? html`<span part="bill-ref">${walletMessages(locale, 'billFor', { period: period(locale, bill.period) })}${
          bill.brand.name ? html` · ${bill.brand.name}` : nothing
        }</span>`
      : nothing
  }${t.comment ? html`<span part="comment">${walletMessages(locale, 'comment', { comment: t.comment })}</span>` : nothing}`;
}
