/**
 * Report favorites in the widgets: their types (from the typed client), the question a favorite
 * saves from the shown report (no paging; the period as chosen, so "last 7 days" stays relative),
 * the report address that opens one, and how its period, groupings and currency read.
 */
import type { KabinetClient, SuccessBody } from '../../../../../core/sdk/index.ts';
import { formatDay } from '../format.ts';
import type { StatisticsLabels } from '../statistics-labels.ts';
import type { Grouping, Metric, ReportQuery } from '../statistics-types.ts';

type Favorites = KabinetClient['v1']['partner']['reports']['favorites'];
export type Favorite = SuccessBody<Awaited<ReturnType<Favorites[':favoriteId']['$get']>>>;
export type FavoriteQuestion = Favorite['query'];
export type FavoriteFormat = NonNullable<
  NonNullable<Parameters<Favorites[':favoriteId']['export']['$get']>[0]>['query']['format']
>;

/** The shown report's question as a favorite keeps it: no paging, no empty values. */
export function favoriteQuestion(query: ReportQuery): FavoriteQuestion {
  const { limit: _limit, offset: _offset, partnerId: _partnerId, ...question } = query;
  const kept = Object.entries(question).filter(([, value]) => typeof value === 'string' && value !== '');
  return Object.fromEntries(kept) as FavoriteQuestion;
}

const ADDRESS_KEYS = [
  'period',
  'from',
  'to',
  'groupBy',
  'parameter',
  'brandId',
  'planId',
  'campaignId',
  'promoId',
  'promoCode',
  'country',
  'device',
  'os',
  'landingId',
  'trafficSourceId',
  'currency',
  'ratesDate',
  'sort',
  'order',
] as const;

/**
 * The performance report's address query that shows a favorite: its period (relative stays
 * relative), groupings, filters, currency (none: each currency on its own) and sort.
 */
export function favoriteAddress(question: FavoriteQuestion): string {
  const q = new URLSearchParams();
  const asked = question as Record<string, string | undefined>;
  for (const key of ADDRESS_KEYS) if (asked[key]) q.set(key, asked[key]);
  if (!q.has('period')) q.set('period', 'last_30_days');
  if (!q.has('groupBy')) q.set('groupBy', '');
  if (!q.has('currency')) q.set('currency', '');
  return q.toString().replaceAll('%2C', ',');
}

/** The favorite's columns in their order (none saved: the report's own). */
export const favoriteMetrics = (question: FavoriteQuestion): Metric[] =>
  (question.metrics ?? '').split(',').filter(Boolean) as Metric[];

/** "Last 7 days" for a relative period, "1 Nov 2026 – 30 Nov 2026" for fixed dates. */
export function periodWords(question: FavoriteQuestion, labels: StatisticsLabels): string {
  const period = question.period ?? 'last_30_days';
  if (period !== 'custom') return labels.s(`period.${period}`);
  const day = (value: string | undefined) => (value ? formatDay(labels.locale, value) : '…');
  return `${day(question.from)} – ${day(question.to)}`;
}

/** The groupings in their order, by name ("Day › Campaign"), or null for none. */
export function groupingWords(question: FavoriteQuestion, labels: StatisticsLabels): string | null {
  const groupings = (question.groupBy ?? '').split(',').filter(Boolean) as Grouping[];
  return groupings.length ? groupings.map((g) => labels.groupingLabel(g)).join(' › ') : null;
}
