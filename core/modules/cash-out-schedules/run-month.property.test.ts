/**
 * The real hourly job, run at a random minute of every hour across a month (and a day either
 * side) in a zone with DST, half-hour DST or a skipped date, against a real libSQL file: exactly
 * one cash-out per due local date of the month that exists, each under its slot's key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleWorld } from '../../../tests/helpers/schedule-world.ts';
import { unwrap } from '../../sdk/index.ts';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const pad = (n: number) => String(n).padStart(2, '0');
const weekdayOf = (date: string) => {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse('2000-01-03T00:00:00Z')) / 86_400_000);
  return (((days % 7) + 7) % 7) + 1;
};
const SKIPPED: Record<string, string[]> = { 'Pacific/Apia': ['2011-12-30'] };

type Plan = { kind: 'daily' } | { kind: 'weekly'; weekdays: number[] } | { kind: 'monthly'; dates: number[] };
const subset = (max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { minLength: 1, maxLength: max });
const plans: fc.Arbitrary<Plan> = fc.oneof(
  fc.constant<Plan>({ kind: 'daily' }),
  subset(7).map((weekdays): Plan => ({ kind: 'weekly', weekdays })),
  subset(31).map((dates): Plan => ({ kind: 'monthly', dates })),
  subset(3).map((d): Plan => ({ kind: 'monthly', dates: d.map((x) => x + 28) })),
);

function expectedSlots(plan: Plan, year: number, month: number, zone: string): string[] {
  const length = monthLength(year, month);
  const all = Array.from({ length }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
  return all.filter((date, i) => {
    if ((SKIPPED[zone] ?? []).includes(date)) return false;
    if (plan.kind === 'daily') return true;
    if (plan.kind === 'weekly') return plan.weekdays.includes(weekdayOf(date));
    return plan.dates.some((d) => Math.min(d, length) === i + 1);
  });
}

describe('the hourly job across a month', () => {
  it('makes exactly one cash-out per due local date, whatever the zone does to its days', async () => {
    const months = fc.constantFrom(
      { zone: 'Europe/Berlin', year: 2026, month: 3 },
      { zone: 'America/New_York', year: 2026, month: 11 },
      { zone: 'Australia/Lord_Howe', year: 2026, month: 4 },
      { zone: 'Pacific/Apia', year: 2011, month: 12 },
      { zone: 'America/Santiago', year: 2025, month: 4 },
      { zone: 'Asia/Kathmandu', year: 2028, month: 2 },
    );
    await fc.assert(
      fc.asyncProperty(months, plans, fc.integer({ min: 0, max: 59 }), async (c, plan, minute) => {
        const start = Date.UTC(c.year, c.month - 1, 1) - 86_400_000;
        const end = Date.UTC(c.year, c.month, 1) + 86_400_000;
        const w = await scheduleWorld({
          timeZone: c.zone,
          balance: '100000',
          limits: { min: '1', max: '1000' },
          at: new Date(start).toISOString(),
        });
        try {
          const saved = await unwrap(
            w.partner.wallet.schedules.$put({
              json: {
                paymentAccountId: w.account.id,
                currency: 'EUR',
                weekdays: plan.kind === 'weekly' ? plan.weekdays : undefined,
                dates: plan.kind === 'monthly' ? plan.dates : undefined,
                kind: plan.kind,
                min: '5',
                max: '10',
                code: await w.nextCode(),
              },
            }),
          );
          for (let hour = start; hour < end; hour += 3_600_000) {
            w.t.clock.set(new Date(hour + minute * 60_000));
            await w.runJob();
          }
          const prefix = `schedule:${saved.id}:${c.year}-${pad(c.month)}-`;
          const keys = (await w.cashOutRows()).map((r) => r.idempotencyKey);
          expect(new Set(keys).size).toBe(keys.length);
          const inMonth = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(`schedule:${saved.id}:`.length));
          expect(inMonth.sort()).toEqual(expectedSlots(plan, c.year, c.month, c.zone));
          expect(w.t.errors).toEqual([]);
        } finally {
          w.t.dispose();
        }
      }),
      { numRuns: 6 },
    );
  }, 240_000);
});
