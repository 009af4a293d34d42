/**
 * Billing periods on the operator's calendar: a day, an ISO week (Monday to Sunday) or a month,
 * cut at local midnight in its IANA zone, so a period across a DST change is 23 or 25 hours (or
 * a month an hour short or long) and never shifts. A plan version that starts inside a period
 * splits it: each part is billed under its own version.
 */
import { addDays, dayStartIn } from '../../lib/time-zones.ts';
import type { StoredPlanTerms } from '../commissions/terms.ts';

export type BillingPeriod = StoredPlanTerms['billingPeriod'];

/** The period holding `date`: its first day and the day after its last ("YYYY-MM-DD"). */
export function periodHolding(kind: BillingPeriod, date: string): { start: string; end: string } {
  if (kind === 'daily') return { start: date, end: addDays(date, 1) };
  if (kind === 'weekly') {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    const start = addDays(date, -weekday);
    return { start, end: addDays(start, 7) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const [y, m] = start.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start, end: next };
}

export interface Version {
  effectiveFrom: string;
  terms: StoredPlanTerms | null;
}

export interface BillingSegment {
  /** Local dates: [start, end). */
  start: string;
  end: string;
  version: Version;
}

/**
 * The part of a period billed next from `position` (a local date): the version in effect there
 * decides the period kind, and the next version's first day ends the part early. Null before the
 * plan's first version.
 */
export function segmentFrom(versions: Version[], position: string): BillingSegment | null {
  const index = versions.findLastIndex((v) => v.effectiveFrom <= position);
  if (index < 0) return null;
  const version = versions[index]!;
  const next = versions[index + 1]?.effectiveFrom;
  const period = periodHolding(version.terms?.billingPeriod ?? 'monthly', position);
  const end = next && next < period.end ? next : period.end;
  return { start: position, end, version };
}

/** Each local day's first instant from `start` up to and including `end`'s (the period as instants). */
export function dayStarts(zone: string, start: string, end: string): number[] {
  const out: number[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) out.push(dayStartIn(zone, day));
  return out;
}

/** The local days from `start` (inclusive) to `end` (exclusive). */
export function daysOf(start: string, end: string): string[] {
  const out: string[] = [];
  for (let day = start; day < end; day = addDays(day, 1)) out.push(day);
  return out;
}
