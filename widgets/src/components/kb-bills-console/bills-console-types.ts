/** The operator's bill types (from the typed client) and the few formatters the console's list and panel share. */
import { html, nothing, type TemplateResult } from 'lit';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { Locale } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/statistics/format.ts';
import { billsConsoleMessages } from './kb-bills-console.messages.ts';

type V1 = KabinetClient['v1'];
export type OperatorBillList = SuccessBody<Awaited<ReturnType<V1['bills']['$get']>>>;
export type OperatorBill = OperatorBillList['data'][number];
export type OperatorBillDetail = SuccessBody<Awaited<ReturnType<V1['bills'][':billId']['$get']>>>;
export type BillAction = 'approve' | 'hold' | 'cancel' | 'mark_paid';
export type BillState = OperatorBill['state'];
export const BILL_STATES: readonly BillState[] = ['pending', 'approved', 'on_hold', 'cancelled', 'paid'];

/** What each state allows (the server's moves, so no button is shown that it would refuse). */
export const ACTIONS_BY_STATE: Record<BillState, readonly BillAction[]> = {
  pending: ['approve', 'hold', 'cancel'],
  on_hold: ['approve', 'cancel'],
  approved: ['mark_paid'],
  cancelled: [],
  paid: [],
};
/** States a correction may still change. */
export const CORRECTABLE: readonly BillState[] = ['pending', 'on_hold', 'approved'];

/** An amount as the locale writes money; a crypto one marked "coin" as the program's words say. */
export function money(locale: Locale, amount: string, currency: string, coin: boolean): TemplateResult {
  return html`<span part="money">${formatAmount(locale, currency, amount)}</span>${
    coin ? html` <span part="coin-badge">${billsConsoleMessages(locale, 'coin')}</span>` : nothing
  }`;
}

const day = (value: string) => new Date(`${value}T12:00:00Z`);

/** A period's first and last local day (`to` inclusive), read at UTC noon so no time zone moves the day. */
export function period(locale: Locale, p: { from: string; to: string }): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return p.from === p.to ? format.format(day(p.from)) : format.formatRange(day(p.from), day(p.to));
}

export function waitingWords(locale: Locale, bill: Pick<OperatorBill, 'waitingFor'>): string | null {
  const w = bill.waitingFor;
  if (!w) return null;
  if (w.reason === 'exchange_rate') {
    const date = w.date
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day(w.date))
      : '';
    return billsConsoleMessages(locale, 'waiting.exchange_rate', { currency: w.currency ?? '', date });
  }
  return billsConsoleMessages(locale, 'waiting.previous_bill', { bill: w.billId ?? '' });
}

export function stateBadge(locale: Locale, state: BillState): TemplateResult {
  return html`<span part=${`state-badge state-${state}`}>${billsConsoleMessages(locale, `state.${state}`)}</span>`;
}
