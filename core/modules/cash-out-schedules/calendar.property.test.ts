/**
 * The schedules' calendar against oracles written separately here: the Gregorian leap rule, a
 * weekday counted from a known Monday, and the one date a zone on the list skipped (Apia, which
 * jumped over 2011-12-30). Hourly runs across a month in zones with DST (Berlin, New York),
 * half-hour DST (Lord Howe), a fall-back at midnight that repeats a day's last hour (Santiago) and odd offsets
 * (Kathmandu, Chatham) see every local date of the month that exists, so the due count is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isDueOn, isoWeekday, localDateOf, nextDueDate, type SchedulePlan } from './calendar.ts';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days from 2000-01-03 (a Monday) by counting whole days of UTC midnights. */
const oracleWeekday = (date: string) => {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse('2000-01-03T00:00:00Z')) / 86_400_000);
  return (((days % 7) + 7) % 7) + 1;
};
const SKIPPED: Record<string, string[]> = { 'Pacific/Apia': ['2011-12-30'] };
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'America/Santiago',
  'Asia/Kathmandu',
  'Pacific/Chatham',
];

const subset = (max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { minLength: 1, maxLength: max });
const plan: fc.Arbitrary<SchedulePlan> = fc.oneof(
  fc.constant<SchedulePlan>({ kind: 'daily', weekdays: [], dates: [] }),
  subset(7).map((weekdays) => ({ kind: 'weekly' as const, weekdays, dates: [] })),
  subset(31).map((dates) => ({ kind: 'monthly' as const, weekdays: [], dates })),
  subset(3).map((d) => ({ kind: 'monthly' as const, weekdays: [], dates: d.map((x) => x + 28) })),
);
const month = fc.record({ year: fc.integer({ min: 1995, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) });

/** The dates of the month the plan is due on, by the oracles. */
function expectedDue(p: SchedulePlan, year: number, m: number): string[] {
  const length = monthLength(year, m);
  const days = Array.from({ length }, (_, i) => i + 1);
  const due = days.filter((d) =>
    p.kind === 'daily'
      ? true
      : p.kind === 'weekly'
        ? p.weekdays.includes(oracleWeekday(dateOf(year, m, d)))
        : p.dates.some((x) => (x > length ? length : x) === d),
  );
  return due.map((d) => dateOf(year, m, d));
}

describe('schedule calendar', () => {
  it('dates 29–31 land on the last day exactly once in shorter months, February 29 only in leap years', () => {
    fc.assert(
      fc.property(month, subset(3), ({ year, month: m }, d) => {
        const dates = d.map((x) => x + 28);
        const due = expectedDue({ kind: 'monthly', weekdays: [], dates }, year, m);
        const got = Array.from({ length: monthLength(year, m) }, (_, i) => dateOf(year, m, i + 1)).filter((date) =>
          isDueOn({ kind: 'monthly', weekdays: [], dates }, date),
        );
        expect(got).toEqual(due);
        const length = monthLength(year, m);
        if (dates.every((x) => x >= length)) expect(got).toEqual([dateOf(year, m, length)]);
        if (m === 2) expect(got.at(-1)).toBe(dateOf(year, 2, isLeap(year) ? 29 : 28));
      }),
      { numRuns: 500 },
    );
    for (const [y, last] of [
      [2024, 29],
      [2100, 28],
      [2000, 29],
      [2026, 28],
    ] as const) {
      const got = [28, 29].map((d) => isDueOn({ kind: 'monthly', weekdays: [], dates: [31] }, dateOf(y, 2, d)));
      expect(got).toEqual([last === 28, last === 29]);
    }
    // The 31st in 30-day months falls on the 30th; the 15th stays put.
    expect(expectedDue({ kind: 'monthly', weekdays: [], dates: [15, 31] }, 2026, 4)).toEqual([
      '2026-04-15',
      '2026-04-30',
    ]);
  });

  it('weekly plans are due on exactly their weekdays: |weekdays| days in any seven', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), subset(7), (offset, weekdays) => {
        const start = addDays('1990-01-01', offset);
        const week = Array.from({ length: 7 }, (_, i) => addDays(start, i));
        const due = week.filter((d) => isDueOn({ kind: 'weekly', weekdays, dates: [] }, d));
        expect(due).toHaveLength(weekdays.length);
        for (const d of week) expect(isoWeekday(d)).toBe(oracleWeekday(d));
        for (const d of due) expect(weekdays).toContain(oracleWeekday(d));
      }),
      { numRuns: 300 },
    );
  });

  it('the next due date is due, on or after the day asked, with no due date before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), plan, (offset, p) => {
        const from = addDays('1990-01-01', offset);
        const next = nextDueDate(p, from)!;
        expect(next >= from).toBe(true);
        expect(isDueOn(p, next)).toBe(true);
        for (let d = from; d < next; d = addDays(d, 1)) expect(isDueOn(p, d)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('hourly runs across a month see every local date that exists once as a slot, so the due count is exact', () => {
    const special = fc.constantFrom(
      { zone: 'Europe/Berlin', year: 2026, month: 3 },
      { zone: 'Europe/Berlin', year: 2026, month: 10 },
      { zone: 'America/New_York', year: 2026, month: 11 },
      { zone: 'Australia/Lord_Howe', year: 2026, month: 4 },
      { zone: 'Australia/Lord_Howe', year: 2026, month: 10 },
      { zone: 'Pacific/Apia', year: 2011, month: 12 },
      { zone: 'America/Santiago', year: 2025, month: 4 },
      { zone: 'America/Santiago', year: 2025, month: 9 },
      { zone: 'UTC', year: 2024, month: 2 },
    );
    const anyMonth = fc.record({
      zone: fc.constantFrom(...ZONES),
      year: fc.integer({ min: 1995, max: 2037 }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.oneof(special, anyMonth), plan, fc.integer({ min: 0, max: 59 }), (c, p, minute) => {
        const first = Date.UTC(c.year, c.month - 1, 1) - 2 * 86_400_000;
        const last = Date.UTC(c.year, c.month, 1) + 2 * 86_400_000;
        const prefix = `${c.year}-${pad(c.month)}-`;
        const seen: string[] = [];
        const slots = new Map<string, number>();
        for (let hour = first; hour < last; hour += 3_600_000) {
          const date = localDateOf(hour + minute * 60_000, c.zone);
          if (!date.startsWith(prefix)) continue;
          if (seen.at(-1) !== date) seen.push(date);
          // A runner makes a slot's cash-out once (its key is the date): the first hour that sees it.
          if (isDueOn(p, date) && !slots.has(date)) slots.set(date, hour);
        }
        const skipped = SKIPPED[c.zone] ?? [];
        const real = Array.from({ length: monthLength(c.year, c.month) }, (_, i) => dateOf(c.year, c.month, i + 1));
        expect([...new Set(seen)].sort()).toEqual(real.filter((d) => !skipped.includes(d)));
        const expected = expectedDue(p, c.year, c.month).filter((d) => !skipped.includes(d));
        expect([...slots.keys()].sort()).toEqual(expected);
      }),
      { numRuns: 250 },
    );
  });

  it('reads local dates across zone edges: Apia skipped 2011-12-30, Santiago repeats a day’s last hour', () => {
    expect(localDateOf(Date.parse('2011-12-30T09:59:00Z'), 'Pacific/Apia')).toBe('2011-12-29');
    expect(localDateOf(Date.parse('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe('2011-12-31');
    // Chile fell back at 24:00 on 2025-04-05 to 23:00: the 5th's last hour comes twice, then the 6th.
    expect(localDateOf(Date.parse('2025-04-06T02:30:00Z'), 'America/Santiago')).toBe('2025-04-05');
    expect(localDateOf(Date.parse('2025-04-06T03:30:00Z'), 'America/Santiago')).toBe('2025-04-05');
    expect(localDateOf(Date.parse('2025-04-06T04:30:00Z'), 'America/Santiago')).toBe('2025-04-06');
    // Lord Howe moves by half an hour: 02:00 → 01:30 on 2026-04-05.
    expect(localDateOf(Date.parse('2026-04-04T13:15:00Z'), 'Australia/Lord_Howe')).toBe('2026-04-05');
  });
});
