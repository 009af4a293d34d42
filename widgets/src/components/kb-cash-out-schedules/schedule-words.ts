/**
 * The schedule routes' shapes from the typed client, and a schedule in words: its plan ("Every
 * Wednesday", "On the 15th and 31st (last day in shorter months)"), its amounts, its next date and
 * what its latest slot did. Also the decimal checks the form makes before the server does, on the
 * strings themselves (never through a float).
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/money-format.ts';
import { formatDay } from '../../internal/statistics/format.ts';
import type { SchedulesKey } from './kb-cash-out-schedules.messages.ts';

type Partner = KabinetClient['v1']['partner'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type CashOutSchedule = BodyOf<Partner['wallet']['schedules']['$get']>['data'][number];
export type ScheduleInput = NonNullable<Parameters<Partner['wallet']['schedules']['$put']>[0]>['json'];
export type ScheduleKind = CashOutSchedule['kind'];
export type OfferedMethod = BodyOf<Partner['payment_methods']['$get']>['data'][number];
export type PaymentAccount = BodyOf<Partner['payment_accounts']['$get']>['data'][number];

export const KINDS: readonly ScheduleKind[] = ['daily', 'weekly', 'monthly'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface Words {
  m(key: SchedulesKey, params?: MessageParams): string;
  locale: Locale;
}

const list = (locale: Locale, items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

function ordinal(words: Words, n: number): string {
  const rule = new Intl.PluralRules(words.locale, { type: 'ordinal' }).select(n);
  const key = rule === 'one' || rule === 'two' || rule === 'few' ? rule : 'other';
  return words.m(`ordinal.${key}`, { n });
}

/** The plan as a partner says it: "Every day", "Every Monday and Thursday", "On the 15th and 31st (…)". */
export function planWords(words: Words, plan: Pick<CashOutSchedule, 'kind' | 'weekdays' | 'dates'>): string {
  const { m } = words;
  if (plan.kind === 'daily') return m('plan.daily');
  if (plan.kind === 'weekly') {
    const days = [...plan.weekdays].sort((a, b) => a - b).map((d) => m(`weekday.${d}` as SchedulesKey));
    return m('plan.weekly', { days: list(words.locale, days) });
  }
  const dates = [...plan.dates].sort((a, b) => a - b);
  const text = m('plan.monthly', {
    dates: list(
      words.locale,
      dates.map((d) => ordinal(words, d)),
    ),
  });
  return dates.some((d) => d >= 29) ? `${text}${m('plan.lastDay')}` : text;
}

export const amountRange = (words: Words, s: Pick<CashOutSchedule, 'currency' | 'min' | 'max'>) =>
  words.m('range', {
    min: formatAmount(words.locale, s.currency, s.min),
    max: formatAmount(words.locale, s.currency, s.max),
  });

/** The next date, or "Paused". */
export const nextWords = (words: Words, s: Pick<CashOutSchedule, 'nextSlot'>) =>
  s.nextSlot ? formatDay(words.locale, s.nextSlot) : words.m('paused');

/** What the latest slot did: "Dec 2, 2026: cash-out of €800.00 requested", "…: skipped, balance … below minimum …". */
export function lastWords(words: Words, s: Pick<CashOutSchedule, 'lastRun' | 'currency'>): string {
  const run = s.lastRun;
  if (!run) return words.m('last.none');
  const date = formatDay(words.locale, run.slot);
  const money = (decimal: string | null) => (decimal === null ? '—' : formatAmount(words.locale, s.currency, decimal));
  if (run.outcome === 'requested') return words.m('last.requested', { date, amount: money(run.amount) });
  const reason = run.reason ?? 'refused';
  return words.m(`last.${reason}`, {
    date,
    balance: money(run.amount),
    minimum: money(run.minimum),
    currency: s.currency,
  });
}

/** "SEPA •••• 3000": the method and the masked account, as the list and the questions name it. */
export function accountWords(words: Words, s: Pick<CashOutSchedule, 'paymentAccount'>): string {
  const { method, summary } = s.paymentAccount;
  if (summary === null) return words.m('accountGone');
  return method ? `${method.name} ${summary}` : summary;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A plain decimal string (`50`, `50.00`), as the server reads amounts. */
export const isDecimal = (value: string) => value.length <= 40 && DECIMAL.test(value);

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const [aWhole = '0', aFraction = ''] = a.split('.');
  const [bWhole = '0', bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  const x = BigInt(aWhole + aFraction.padEnd(width, '0'));
  const y = BigInt(bWhole + bFraction.padEnd(width, '0'));
  return x === y ? 0 : x < y ? -1 : 1;
}

/** A 6-digit code (a space in the middle is fine) or a recovery code, as the server's schema takes them. */
export const isSecondFactorShape = (code: string) => /^(\d{3}\s?\d{3}|[0-9A-Za-z]{5}-[0-9A-Za-z]{5})$/.test(code);
