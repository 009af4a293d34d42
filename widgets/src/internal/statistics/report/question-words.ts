/**
 * A report's question in words, for a person reading a list of requested reports or a name typed
 * for them: the period (its days once known), the groupings, each filter with its values named (the
 * options' names for ids, country and device names), and the currency. Tolerant of lists sent as
 * `day,campaign` or as arrays, since a stored question may come back either way.
 */
import type { Locale } from '../../i18n.ts';
import { countryName, formatDays } from '../format.ts';
import { isPeriod } from '../period-picker.ts';
import { statisticsLabels } from '../statistics-labels.ts';
import { DEVICES, type Grouping, type ReportOptions } from '../statistics-types.ts';
import { reportsMessages, type ReportsKey } from './report.messages.ts';
import { requestMessages } from './report-request.messages.ts';

export interface QuestionWords {
  period: string;
  groupings: string;
  filters: string[];
  currency: string;
}

type Named = ReadonlyArray<{ id: string; name: string }>;
/** Each filter: its label's key and where its ids' names are. */
const FILTERS: ReadonlyArray<[string, ReportsKey | 'creative', (o: ReportOptions) => Named | null]> = [
  ['partnerId', 'partner', (o) => o.partners],
  ['brandId', 'brand', (o) => o.brands],
  ['planId', 'plan', (o) => o.plans],
  ['campaignId', 'campaign', (o) => o.campaigns],
  ['promoId', 'promo', (o) => o.promos],
  ['promoCode', 'promoCode', () => null],
  ['landingId', 'landing', (o) => o.landings],
  ['creativeId', 'creative', () => null],
  ['trafficSourceId', 'trafficSource', (o) => o.trafficSources],
  ['country', 'country', () => null],
  ['device', 'device', () => null],
  ['os', 'os', () => null],
];

/** A list however it was stored: `a,b`, `['a', 'b']`, or nothing. */
export function listIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' ? value.split(',').filter(Boolean) : [];
}

export function questionWords(
  locale: Locale,
  query: Readonly<Record<string, unknown>>,
  options: ReportOptions | null,
  period: { from: string; to: string } | null = null,
): QuestionWords {
  const labels = statisticsLabels(locale);
  const r = (key: ReportsKey, params?: Record<string, string>) => reportsMessages(locale, key, params);
  const w = requestMessages;
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');

  const asked = text('period') || 'last_30_days';
  const relative = isPeriod(asked) && asked !== 'custom' ? labels.s(`period.${asked}`) : '';
  const days = period ?? (text('from') && text('to') ? { from: text('from'), to: text('to') } : null);
  const shownDays = days ? formatDays(locale, days.from, days.to) : '';
  const periodWords = relative && shownDays ? `${relative} (${shownDays})` : relative || shownDays;

  const groupBy = listIn(query.groupBy) as Grouping[];
  const groupings = groupBy.length
    ? groupBy
        .map((g) => {
          const name = labels.groupingLabel(g);
          return g === 'parameter' && text('parameter')
            ? w(locale, 'words.parameter', { name, parameter: text('parameter') })
            : name;
        })
        .join(', ')
    : w(locale, 'words.totals');

  const filters: string[] = [];
  for (const [key, label, namesOf] of FILTERS) {
    const values = listIn(query[key]);
    if (!values.length) continue;
    const names = options ? namesOf(options) : null;
    const named = values.map((v) => {
      if (key === 'country') return countryName(locale, v);
      if (key === 'device' && (DEVICES as readonly string[]).includes(v))
        return labels.s(`device.${v as (typeof DEVICES)[number]}`);
      return names?.find((n) => n.id === v)?.name ?? v;
    });
    const name = label === 'creative' ? labels.groupingLabel('creative') : r(label);
    filters.push(w(locale, 'words.filter', { name, values: named.join(', ') }));
  }

  const currency = text('currency');
  const ratesDate = text('ratesDate');
  const currencyWords = !currency
    ? r('currency.each')
    : ratesDate
      ? w(locale, 'words.rates', {
          currency: r('currency.convert', { currency }),
          date: formatDays(locale, ratesDate, ratesDate),
        })
      : r('currency.convert', { currency });

  return { period: periodWords, groupings, filters, currency: currencyWords };
}

/** A name for a request of this question: its period and groupings (at most 100 characters, as the server takes). */
export function questionName(locale: Locale, query: Readonly<Record<string, unknown>>): string {
  const words = questionWords(locale, query, null);
  const groupBy = listIn(query.groupBy);
  const name = groupBy.length
    ? requestMessages(locale, 'words.by', {
        period: words.period,
        groupings: words.groupings.toLocaleLowerCase(locale),
      })
    : `${words.period}: ${words.groupings.toLocaleLowerCase(locale)}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}
