/**
 * Report values in the partner's language: counts, rates (percentages, null when nothing to divide
 * by) and amounts, which arrive as maps of currency to a decimal string (`{ EUR: '12.50' }`) and are
 * formatted with Intl.NumberFormat from the string itself, never through a float, so 0.1 + 0.2
 * stays 0.30 and a BTC amount keeps its eight decimals. Period keys (`2026-11-30`, `2026-W48`…)
 * become readable labels.
 */
import type { Locale } from '../i18n.ts';
import { formatAmount } from '../money-format.ts';
import { statisticsMessages } from './statistics.messages.ts';
import { metricKind, type Amounts, type MetricValue } from './statistics-types.ts';

const DASH = '—';

export { formatAmount };

/** Each currency of an amounts map formatted, sorted by currency code. */
export function formatAmounts(locale: Locale, amounts: Amounts | null | undefined): string[] {
  const entries = Object.entries(amounts ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.map(([currency, decimal]) => formatAmount(locale, currency, decimal));
}

export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A percentage number (8.33) as `8.33%` / `8,33 %`; null (nothing to divide by) as a dash. */
export function formatRate(locale: Locale, value: number | null): string {
  if (value === null) return DASH;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/**
 * A metric's value as text lines (amounts one line per currency; an empty map or a missing value is
 * a dash, a count of nothing is 0).
 */
export function formatMetric(locale: Locale, metric: string, value: MetricValue | undefined): string[] {
  const kind = metricKind(metric);
  if (kind === 'amount') {
    const lines = formatAmounts(locale, value && typeof value === 'object' ? value : null);
    return lines.length ? lines : [DASH];
  }
  if (kind === 'rate') return [formatRate(locale, typeof value === 'number' ? value : null)];
  return [typeof value === 'number' ? formatCount(locale, value) : DASH];
}

/** An amount map's number for a chart (one currency), 0 when absent. */
export const amountNumber = (amounts: MetricValue | undefined, currency: string): number =>
  amounts && typeof amounts === 'object' ? Number(amounts[currency] ?? 0) : 0;

/** The currencies present in any of `values`' `metric` maps, sorted by code. */
export function currenciesOf(values: ReadonlyArray<Record<string, MetricValue>>, metric: string): string[] {
  const found = new Set<string>();
  for (const v of values) {
    const amounts = v[metric];
    if (amounts && typeof amounts === 'object') for (const c of Object.keys(amounts)) found.add(c);
  }
  return [...found].sort();
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A date (`2026-11-30`) in the locale's medium style, read as a calendar day (no time zone shift). */
export function formatDay(locale: Locale, day: string, style: 'medium' | 'short' = 'medium'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(utc(day));
}

/**
 * Two days as one range, as the language writes it, the shared month and year once: `Nov 1 – 30, 2026`,
 * `1–30 нояб. 2026 г.`; one day alone when they are the same.
 */
export function formatDays(locale: Locale, from: string, to: string): string {
  if (from === to) return formatDay(locale, from);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utc(from), utc(to));
}

/**
 * A time grouping's key as a label: hour `2026-11-30T14:00` → `30 Nov, 14:00`, day → `30 Nov 2026`
 * (`short`: `30 Nov`), week `2026-W48` → `Week 48, 2026`, month `2026-11` → `November 2026`, year as is.
 */
export function formatPeriodKey(locale: Locale, grouping: string, key: string, short = false): string {
  const m = (k: 'week', params: Record<string, string>) => statisticsMessages(locale, k, params);
  if (grouping === 'hour' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(key)) {
    const [day, time] = key.split('T') as [string, string];
    return `${formatDay(locale, day, 'short')}, ${time}`;
  }
  if (grouping === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) return formatDay(locale, key, short ? 'short' : 'medium');
  if (grouping === 'week') {
    const match = /^(\d{4})-W(\d{2})$/.exec(key);
    if (match) return m('week', { week: String(Number(match[2])), year: match[1]! });
  }
  if (grouping === 'month' && /^\d{4}-\d{2}$/.test(key)) {
    const options: Intl.DateTimeFormatOptions = { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(locale, options).format(utc(`${key}-01`));
  }
  return key;
}

/** A country code (`DE`) as its name in the locale (`Germany`, `Германия`); unknown codes as given. */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
