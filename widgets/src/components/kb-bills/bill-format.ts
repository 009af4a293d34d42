/**
 * A bill's values in the partner's words: amounts (decimal strings, never floats), the coin mark
 * beside a crypto amount, the period, the state and what a bill not priced yet waits for.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { Locale } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/statistics/format.ts';
import { billsMessages } from './kb-bills.messages.ts';

type ListCall = KabinetClient['v1']['partner']['bills']['$get'];
type DetailCall = KabinetClient['v1']['partner']['bills'][':billId']['$get'];
export type BillList = SuccessBody<Awaited<ReturnType<ListCall>>>;
export type Bill = BillList['data'][number];
export type BillTotal = BillList['totals'][number];
export type BillDetail = SuccessBody<Awaited<ReturnType<DetailCall>>>;
export type BillState = Bill['state'];
export const BILL_STATES: readonly BillState[] = ['pending', 'approved', 'on_hold', 'cancelled', 'paid'];

/**
 * An amount in the bill's currency; a crypto currency gets the "coin" mark the program's own
 * words use ("fiat and coin amount"), so a partner never reads 0.015 BTC as money of the brand.
 */
export function money(locale: Locale, amount: string, currency: string, coin: boolean): TemplateResult {
  return html`<span part="money">${formatAmount(locale, currency, amount)}</span>${
    coin ? html` <span part="coin-badge">${billsMessages(locale, 'coin')}</span>` : nothing
  }`;
}

/** Local dates (`2026-11-01`) as written in the locale, read at UTC noon so no time zone moves the day. */
const day = (value: string) => new Date(`${value}T12:00:00Z`);

/** The period's first and last day (`to` is inclusive): "1–30 Nov 2026" / "1–30 нояб. 2026 г.". */
export function period(locale: Locale, p: { from: string; to: string }): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return p.from === p.to ? format.format(day(p.from)) : format.formatRange(day(p.from), day(p.to));
}

export function localDay(locale: Locale, value: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day(value));
}

/** What a bill not priced yet waits for, in words; null once it is priced. */
export function waitingWords(locale: Locale, bill: Pick<Bill, 'waitingFor'>): string | null {
  const w = bill.waitingFor;
  if (!w) return null;
  if (w.reason === 'exchange_rate')
    return billsMessages(locale, 'waiting.exchange_rate', {
      currency: w.currency ?? '',
      date: w.date ? localDay(locale, w.date) : '',
    });
  return billsMessages(locale, 'waiting.previous_bill', { bill: w.billId ?? '' });
}

/** The state as a badge (`state-<state>` for its colour). */
export function stateBadge(locale: Locale, state: BillState): TemplateResult {
  return html`<span part=${`state-badge state-${state}`}>${billsMessages(locale, `state.${state}`)}</span>`;
}
