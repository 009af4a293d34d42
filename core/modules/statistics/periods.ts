/**
 * A report's dates in its time zone: the relative periods, and the local hours, days, weeks,
 * months or years a time grouping cuts the period into (each a UTC interval and its label).
 */
import { addDays, dayStartIn, isoWeek, localDateAt, zonedStart } from '../../lib/time-zones.ts';
import { fieldProblem } from '../../lib/errors.ts';
import type { RELATIVE_PERIODS, TIME_GROUPINGS } from './schemas.ts';

export type TimeGrouping = (typeof TIME_GROUPINGS)[number];
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

/** First and last local date (inclusive), and the UTC instants they begin and end at. */
export interface DateRange {
  from: string;
  to: string;
  start: number;
  end: number;
}

/** Reports and their groupings read at most this many days. */
export const MAX_PERIOD_DAYS = 400;
/** Hour groupings and custom parameters read quarter- and hour-sized rows: their periods are shorter. */
export const MAX_FINE_PERIOD_DAYS = 31;

export function localToday(zone: string, now: number): string {
  return localDateAt(zone, now);
}

export function dateRange(zone: string, from: string, to: string): DateRange {
  return { from, to, start: dayStartIn(zone, from), end: dayStartIn(zone, addDays(to, 1)) };
}

/** The dates a relative period means today in `zone`. */
export function relativeRange(period: RelativePeriod, zone: string, now: number): DateRange {
  const today = localToday(zone, now);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthStart = `${addDays(monthStart, -1).slice(0, 8)}01`;
  const ranges: Record<RelativePeriod, [string, string]> = {
    today: [today, today],
    yesterday: [addDays(today, -1), addDays(today, -1)],
    last_7_days: [addDays(today, -6), today],
    last_30_days: [addDays(today, -29), today],
    this_month: [monthStart, today],
    last_month: [lastMonthStart, addDays(monthStart, -1)],
  };
  const [from, to] = ranges[period];
  return dateRange(zone, from, to);
}

/** The period a query names, checked: custom needs both dates in order and no longer than the limit. */
export function resolvePeriod(
  query: { period: RelativePeriod | 'custom'; from?: string | undefined; to?: string | undefined },
  zone: string,
  now: number,
): DateRange {
  if (query.period !== 'custom') return relativeRange(query.period, zone, now);
  if (!query.from) throw fieldProblem('query.from', 'required', 'a custom period needs its first day');
  if (!query.to) throw fieldProblem('query.to', 'required', 'a custom period needs its last day');
  if (query.to < query.from)
    throw fieldProblem('query.to', 'too_small', 'the last day comes before the first', { minimum: query.from });
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS)
    throw fieldProblem('query.to', 'too_big', `a report covers at most ${MAX_PERIOD_DAYS} days`, {
      maximum: MAX_PERIOD_DAYS,
    });
  return dateRange(zone, query.from, query.to);
}

export const periodDays = (range: DateRange) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;

/** One cut of the period: its label and UTC interval [start, end). A repeated local hour is one cut. */
export interface PeriodCut {
  label: string;
  start: number;
  end: number;
}

export function dayLabel(grouping: Exclude<TimeGrouping, 'hour'>, date: string): string {
  if (grouping === 'day') return date;
  if (grouping === 'week') return isoWeek(date);
  if (grouping === 'month') return date.slice(0, 7);
  return date.slice(0, 4);
}

/** The period cut by local hours, days, weeks (ISO, from Monday), months or years; cuts at the period's edges are partial. */
export function cutPeriod(range: DateRange, zone: string, grouping: TimeGrouping | null): PeriodCut[] {
  if (!grouping) return [{ label: '', start: range.start, end: range.end }];
  const cuts: PeriodCut[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const start = dayStartIn(zone, date);
    const end = dayStartIn(zone, addDays(date, 1));
    if (grouping === 'hour') {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      // A day without a change of offset has 24 equal hours; otherwise each hour is looked up.
      const plain = end - start === 86_400_000;
      let hourStart = start;
      for (let h = 0; h < 24; h++) {
        const hourEnd = h === 23 ? end : plain ? start + (h + 1) * 3_600_000 : zonedStart(zone, y, m, d, h + 1);
        if (hourEnd > hourStart)
          cuts.push({ label: `${date}T${String(h).padStart(2, '0')}:00`, start: hourStart, end: hourEnd });
        hourStart = Math.max(hourStart, hourEnd);
      }
      continue;
    }
    const label = dayLabel(grouping, date);
    const last = cuts[cuts.length - 1];
    if (last && last.label === label) last.end = end;
    else cuts.push({ label, start, end });
  }
  return cuts;
}
