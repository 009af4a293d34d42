/**
 * A bill's values in words, the same for the partner's `<kb-bills>` and the operator's
 * `<kb-bills-console>`: amounts (decimal strings, never floats) with the coin mark beside a crypto
 * one, the period, the state badge, what a bill not priced yet waits for and the totals per currency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n.ts';
import { formatAmount } from '../statistics/format.ts';
import { billingMessages } from './billing.messages.ts';

export type BillState = 'pending' | 'approved' | 'on_hold' | 'cancelled' | 'paid';
export const BILL_STATES: readonly BillState[] = ['pending', 'approved', 'on_hold', 'cancelled', 'paid'];

/** What a bill not priced yet waits for, as both bill APIs send it. */
export interface WaitingFor {
  reason: 'exchange_rate' | 'previous_bill';
  currency?: string | null;
  date?: string | null;
  billId?: string | null;
}
/** One currency's line of a list's totals. */
export interface BillTotal {
  currency: string;
  coin: boolean;
  count: number;
  issued: string;
  toPay: string;
}

/**
 * An amount as the locale writes money; a crypto currency gets the "coin" mark the program's own
 * words use ("fiat and coin amount"), so nobody reads 0.015 BTC as money of the brand.
 */
export function money(locale: Locale, amount: string, currency: string, coin: boolean): TemplateResult {
  return html`<span part="money">${formatAmount(locale, currency, amount)}</span>${
    coin ? html` <span part="coin-badge">${billingMessages(locale, 'coin')}</span>` : nothing
  }`;
}

/** The same as plain text (for a sentence): "coin" after a crypto amount. */
export function moneyText(locale: Locale, amount: string, currency: string, coin: boolean): string {
  return formatAmount(locale, currency, amount) + (coin ? ` ${billingMessages(locale, 'coin')}` : '');
}

/** A bill's amount to pay in a list: "Not priced yet" while it waits. */
export function toPay(
  locale: Locale,
  bill: { waitingFor: WaitingFor | null; toPay: string; currency: string; coin: boolean },
): TemplateResult {
  return bill.waitingFor
    ? html`<span part="not-priced">${billingMessages(locale, 'notPriced')}</span>`
    : money(locale, bill.toPay, bill.currency, bill.coin);
}

/** Local dates (`2026-11-01`) read at UTC noon, so no time zone moves the day. */
const day = (value: string) => new Date(`${value}T12:00:00Z`);
const dayFormat = (locale: Locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** A local day as the locale writes it: "1 Nov 2026" / "1 нояб. 2026 г.". */
export function localDay(locale: Locale, value: string): string {
  return dayFormat(locale).format(day(value));
}

/** The period's first and last day (`to` is inclusive): "1–30 Nov 2026" / "1–30 нояб. 2026 г.". */
export function period(locale: Locale, p: { from: string; to: string }): string {
  return p.from === p.to ? localDay(locale, p.from) : dayFormat(locale).formatRange(day(p.from), day(p.to));
}

/** What a bill not priced yet waits for, in words; null once it is priced. */
export function waitingWords(locale: Locale, bill: { waitingFor: WaitingFor | null }): string | null {
  const w = bill.waitingFor;
  if (!w) return null;
  if (w.reason === 'exchange_rate')
    return billingMessages(locale, 'waiting.exchange_rate', {
      currency: w.currency ?? '',
      date: w.date ? localDay(locale, w.date) : '',
    });
  return billingMessages(locale, 'waiting.previous_bill', { bill: w.billId ?? '' });
}

/** The state as a badge (`state-<state>` for its colour). */
export function stateBadge(locale: Locale, state: BillState): TemplateResult {
  return html`<span part=${`state-badge state-${state}`}>${billingMessages(locale, `state.${state}`)}</span>`;
}

/** The totals per currency under a heading (and a note); nothing while no currency has a bill. */
export function billTotals(
  locale: Locale,
  totals: readonly BillTotal[],
  words: { heading: string; note?: string },
): TemplateResult | typeof nothing {
  const shown = totals.filter((t) => t.count > 0);
  if (shown.length === 0) return nothing;
  return html`<section part="totals" aria-labelledby="bills-totals-heading">
    <h3 part="subheading" id="bills-totals-heading">${words.heading}</h3>
    <ul part="total-list">${shown.map(
      (
        t,
      ) => html`<li part="total" data-currency=${t.currency}><strong>${money(locale, t.toPay, t.currency, t.coin)}</strong>
        ${billingMessages(locale, 'totalLine', { count: t.count, issued: moneyText(locale, t.issued, t.currency, t.coin) })}</li>`,
    )}</ul>
    ${words.note ? html`<p part="hint">${words.note}</p>` : nothing}
  </section>`;
}
