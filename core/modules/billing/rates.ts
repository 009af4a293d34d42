/**
 * Exchange rates as billing uses them: a day's rate is the latest published on or before it (the
 * ECB publishes none on weekends), and a day counts only once a rate on or after it exists, so a
 * bill never guesses today's rate from yesterday's: it waits for the rate instead.
 */
import type { TenantRead } from '../../lib/context.ts';
import { currencyExponent } from '../../lib/money.ts';
import { listRateSeries } from '../statistics/exchange-rates.ts';
import { decimal, fraction, times, type Fraction } from './exact.ts';
import type { RateLookup } from './price-bill.ts';

export type RateSeries = Map<string, Array<{ day: string; perEur: string }>>;

export const loadRateSeries = (ctx: TenantRead, input: { currencies: Iterable<string>; from: string; to: string }) =>
  listRateSeries(ctx, input);

function perEurOn(series: RateSeries, currency: string, day: string): { value: Fraction; day: string } | null {
  if (currency === 'EUR') return { value: fraction(1), day };
  const rows = series.get(currency) ?? [];
  const settled = rows.some((r) => r.day >= day);
  const found = rows.findLast((r) => r.day <= day);
  return settled && found ? { value: decimal(found.perEur), day: found.day } : null;
}

/** Units of `billCurrency` per unit of another currency on a day, through the euro. */
export function rateLookup(series: RateSeries, billCurrency: string): RateLookup {
  return (currency, day) => {
    const to = perEurOn(series, billCurrency, day);
    const from = perEurOn(series, currency, day);
    if (!to || !from) return null;
    return {
      perUnit: times(to.value, fraction(from.value.d, from.value.n)),
      rateDate: from.day < to.day ? to.day : from.day,
    };
  };
}

/** A rate between units (`perUnit` of `to` per `from`) as a factor between their minor units. */
export function minorRate(perUnit: Fraction, from: string, to: string): Fraction {
  const shift = currencyExponent(to) - currencyExponent(from);
  return times(perUnit, shift >= 0 ? fraction(10n ** BigInt(shift)) : fraction(1n, 10n ** BigInt(-shift)));
}
