/**
 * The schedules' calendar, pure: a slot is a local calendar date (YYYY-MM-DD) in the operator's
 * time zone, read with Intl alone (core/lib/time-zones.ts), so Node, Deno and Workers agree.
 * A date is due by its plan: every day; on its ISO weekdays; or on its dates of the month, where
 * 29–31 fall back to the month's last day (two dates landing on one day make one slot).
 */
import { wallClock } from '../../lib/time-zones.ts';
import type { ScheduleKind } from './table.ts';

/** A schedule's plan: weekdays are ISO 1 (Monday) – 7 (Sunday), dates 1–31. */
export interface SchedulePlan {
  kind: ScheduleKind;
  weekdays: readonly number[];
  dates: readonly number[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The date the operator's clocks show at `instant` (a date a zone skipped, like Apia's 2011-12-30, never comes). */
export function localDateOf(instant: Date | number, timeZone: string): string {
  const w = wallClock(timeZone, typeof instant === 'number' ? instant : instant.getTime());
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(date: string): CalendarDate {
  const m = DATE.exec(date);
  if (!m) throw new Error(`cash-out schedules: "${date}" is not a YYYY-MM-DD date`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days in a month of the proleptic Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The days of this month a monthly plan lands on: each date, or the last day when the month is shorter. */
export function monthlySlotDays(dates: readonly number[], year: number, month: number): number[] {
  const last = daysInMonth(year, month);
  return [...new Set(dates.map((d) => Math.min(d, last)))].sort((a, b) => a - b);
}

/** Whether the plan has a slot on this local date. */
export function isDueOn(plan: SchedulePlan, date: string): boolean {
  switch (plan.kind) {
    case 'daily':
      return true;
    case 'weekly':
      return plan.weekdays.includes(isoWeekday(date));
    case 'monthly': {
      const { year, month, day } = parseLocalDate(date);
      return monthlySlotDays(plan.dates, year, month).includes(day);
    }
  }
}

/**
 * The first due date on or after `from`. A plan with at least one weekday or date is due within
 * 31 days of any date (every month has a day for every date, by the fallback), so 62 is a bound.
 */
export function nextDueDate(plan: SchedulePlan, from: string): string | null {
  for (let i = 0; i < 62; i++) {
    const date = addDays(from, i);
    if (isDueOn(plan, date)) return date;
  }
  return null;
}
