/**
 * Exchange rates the operator keeps (API or the ECB CSV importer): units of a currency per euro
 * on a date. A report converting to one currency uses one date's rates for every amount (the
 * latest rate on or before that date, per currency), as partners expect from "rates of date".
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { TenantContext, TenantRead } from '../../lib/context.ts';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { currencyExponent } from '../../lib/money.ts';
import { addDays } from '../../lib/time-zones.ts';
import { exchangeRates } from './table.ts';

export interface ExchangeRate {
  date: string;
  currency: string;
  perEur: string;
}

/** Adds or replaces rates (same date and currency: the new rate wins). Returns how many were saved. */
export async function saveExchangeRates(ctx: Pick<TenantContext, 'db' | 'operatorId'>, rates: ExchangeRate[]) {
  const latest = new Map(rates.map((r) => [`${r.currency}:${r.date}`, r]));
  const rows = [...latest.values()].map((r) => ({
    operatorId: ctx.operatorId,
    day: r.date,
    currency: r.currency,
    perEur: r.perEur,
  }));
  // 20 rows of 4 values a statement: within D1's 100 bound parameters; all statements one batch.
  const chunks = Array.from({ length: Math.ceil(rows.length / 20) }, (_, i) => rows.slice(i * 20, i * 20 + 20));
  await insertManyAtomically(
    ctx.db,
    chunks.map((chunk) => ({
      query: ctx.db
        .insert(exchangeRates)
        .values(chunk)
        .onConflictDoUpdate({
          target: [exchangeRates.operatorId, exchangeRates.currency, exchangeRates.day],
          set: { perEur: sql`excluded.per_eur` },
        }),
    })),
  );
  return rows.length;
}

export async function listExchangeRates(
  ctx: Pick<TenantContext, 'db' | 'operatorId' | 'clock'>,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<ExchangeRate[]> {
  const to = query.to ?? ctx.clock.now().toISOString().slice(0, 10);
  const from = query.from ?? addDays(to, -30);
  const rows = await ctx.db
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.operatorId, ctx.operatorId), gte(exchangeRates.day, from), lte(exchangeRates.day, to)))
    .orderBy(asc(exchangeRates.day), asc(exchangeRates.currency));
  return rows.map((r) => ({ date: r.day, currency: r.currency, perEur: r.perEur }));
}

/** The first and last date with rates (the report's date picker bounds). */
export async function exchangeRateDates(ctx: TenantRead): Promise<{ first: string | null; last: string | null }> {
  const first = await ctx.db
    .select({ day: exchangeRates.day })
    .from(exchangeRates)
    .where(eq(exchangeRates.operatorId, ctx.operatorId))
    .orderBy(asc(exchangeRates.day))
    .limit(1);
  const last = await ctx.db
    .select({ day: exchangeRates.day })
    .from(exchangeRates)
    .where(eq(exchangeRates.operatorId, ctx.operatorId))
    .orderBy(desc(exchangeRates.day))
    .limit(1);
  return { first: first[0]?.day ?? null, last: last[0]?.day ?? null };
}

/** Each currency's latest rate on or before `date` (EUR is 1 by definition). One query per currency. */
export async function ratesOn(
  ctx: TenantRead,
  { date, currencies }: { date: string; currencies: Iterable<string> },
): Promise<Map<string, string>> {
  const out = new Map<string, string>([['EUR', '1']]);
  for (const currency of new Set(currencies)) {
    if (currency === 'EUR') continue;
    const [row] = await ctx.db
      .select({ perEur: exchangeRates.perEur })
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.operatorId, ctx.operatorId),
          eq(exchangeRates.currency, currency),
          lte(exchangeRates.day, date),
        ),
      )
      .orderBy(desc(exchangeRates.day))
      .limit(1);
    if (row) out.set(currency, row.perEur);
  }
  return out;
}

const SCALE = 10n ** 10n;
/** A decimal string as an integer scaled by 10^10 (rates carry at most 10 decimals). */
function scaled(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(whole!) * SCALE + BigInt(fraction.padEnd(10, '0').slice(0, 10));
}

/**
 * `minor` units of `from` in minor units of `to`, through the euro, rounded half away from zero
 * once, in integers: amount × (to per euro) ÷ (from per euro), with the currencies' decimals.
 */
export function convertMinor(minor: number, from: string, to: string, rates: Map<string, string>): number | null {
  if (from === to) return minor;
  const fromRate = rates.get(from);
  const toRate = rates.get(to);
  if (!fromRate || !toRate) return null;
  const shift = currencyExponent(to) - currencyExponent(from);
  let numerator = BigInt(minor) * scaled(toRate);
  let denominator = scaled(fromRate);
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return Number(negative ? -rounded : rounded);
}

/**
 * Rates of these currencies from the latest one on or before `from` up to `to`, per currency,
 * ascending by date (billing converts each day's amounts at that day's rate).
 */
export async function listRateSeries(
  ctx: TenantRead,
  input: { currencies: Iterable<string>; from: string; to: string },
): Promise<Map<string, Array<{ day: string; perEur: string }>>> {
  const out = new Map<string, Array<{ day: string; perEur: string }>>();
  for (const currency of new Set(input.currencies)) {
    if (currency === 'EUR') continue;
    const own = and(eq(exchangeRates.operatorId, ctx.operatorId), eq(exchangeRates.currency, currency));
    const columns = { day: exchangeRates.day, perEur: exchangeRates.perEur };
    const [before] = await ctx.db
      .select(columns)
      .from(exchangeRates)
      .where(and(own, lte(exchangeRates.day, input.from)))
      .orderBy(desc(exchangeRates.day))
      .limit(1);
    const within = await ctx.db
      .select(columns)
      .from(exchangeRates)
      .where(and(own, gte(exchangeRates.day, input.from), lte(exchangeRates.day, input.to)))
      .orderBy(asc(exchangeRates.day));
    // The series also says whether a later day is known: a day is settled once a rate on or after it exists.
    const [after] = await ctx.db
      .select(columns)
      .from(exchangeRates)
      .where(and(own, gte(exchangeRates.day, input.to)))
      .orderBy(asc(exchangeRates.day))
      .limit(1);
    const series = [...(before ? [before] : []), ...within, ...(after ? [after] : [])];
    out.set(currency, [...new Map(series.map((r) => [r.day, r])).values()]);
  }
  return out;
}
