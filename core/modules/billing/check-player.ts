/**
 * The exact qualification check in JavaScript, for the players SQL leaves undecided (an amount in
 * another currency, two first deposits, thresholds in another currency): each event converted at
 * its day's rate as exact fractions, the moment the player met every rule. It is also the reference
 * the SQL answer is tested against (qualification.property.test.ts).
 */
import type { TenantContext } from '../../lib/context.ts';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import type { StoredMoney, StoredPlanTerms } from '../commissions/terms.ts';
import type { listMoneyEventsOfPlayers } from '../events/billing-facts.ts';
import { add, compare, fraction, round, times, type Fraction } from './exact.ts';
import { loadRateSeries, minorRate, rateLookup, type RateSeries } from './rates.ts';
import type { QualificationValues } from './table.ts';

const DAY = 86_400_000;

export type Cpa = NonNullable<StoredPlanTerms['cpa']>;

/** The registration a check is about. */
export interface Candidate {
  brandId: string;
  playerId: string;
  registeredAt: Date;
  country: string | null;
}

export type MoneyEvent = Awaited<ReturnType<typeof listMoneyEventsOfPlayers>>[number];

/** Events grouped by player (brand|player), oldest first per player. */
export function histories(events: MoneyEvent[]): Map<string, MoneyEvent[]> {
  const out = new Map<string, MoneyEvent[]>();
  for (const e of events) {
    const key = `${e.brandId}|${e.playerId}`;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  const order = (a: MoneyEvent, b: MoneyEvent) =>
    a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of out.values()) list.sort(order);
  return out;
}

export interface PlayerCheck {
  candidate: Candidate;
  cpa: Cpa;
  currency: string;
  zone: string;
  until: number;
  history: MoneyEvent[];
  rates: RateSeries;
}

/** Rates for every currency the check may meet, from the earliest registration to now: one read per run. */
export async function rateSeriesFor(
  ctx: TenantContext,
  input: { candidates: Candidate[]; zone: string; until: number },
): Promise<RateSeries> {
  if (input.candidates.length === 0) return new Map();
  // A loop, not Math.min(...list): a first run may check many players.
  let earliest = Number.POSITIVE_INFINITY;
  for (const c of input.candidates) earliest = Math.min(earliest, c.registeredAt.getTime());
  const to = localDateAt(input.zone, input.until);
  // A registration dated after `until` (a sender's clock ahead) must not start the range after its end.
  const from = [localDateAt(input.zone, earliest), to].sort()[0]!;
  return loadRateSeries(ctx, { currencies: [...CURRENCY_CODES].filter((c) => c !== 'EUR'), from, to });
}

/** The moment the player met every rule and the values then, null if not (yet), 'waiting' without a rate. */
export function checkPlayer(input: PlayerCheck) {
  const { candidate, cpa, currency } = input;
  const rules = cpa.qualification ?? {};
  if (rules.countries && !(candidate.country && rules.countries.includes(candidate.country))) return null;
  const registered = candidate.registeredAt.getTime();
  // Everything received so far counts, even an event dated after now (a sender's clock runs ahead):
  // the player would otherwise never be checked again, having no newer arrival.
  const windowEnd = rules.withinDays ? registered + rules.withinDays * DAY : Number.POSITIVE_INFINITY;
  const events = input.history.filter(
    (e) => e.occurredAt.getTime() >= registered && e.occurredAt.getTime() < windowEnd,
  );
  const registrationDay = localDateAt(input.zone, registered);
  const rate = rateLookup(input.rates, currency);
  const inBrand = (minor: number, from: string, at: number | string): Fraction | 'waiting' => {
    if (from === currency) return fraction(minor);
    // The local day only when a conversion needs it (Intl is the slow part of a check).
    const found = rate(from, typeof at === 'string' ? at : localDateAt(input.zone, at));
    return found ? times(fraction(minor), minorRate(found.perUnit, from, currency)) : 'waiting';
  };
  const threshold = (list: StoredMoney[] | undefined) => {
    if (!list) return null;
    const own = list.find((m) => m.currency === currency) ?? list[0]!;
    return inBrand(own.minor, own.currency, registrationDay);
  };
  const limits = {
    ftd: threshold(rules.minFirstDeposit),
    wager: threshold(rules.minWager),
    ngr: threshold(rules.minNgr),
  };
  if (Object.values(limits).includes('waiting')) return 'waiting';
  let ftd: Fraction | null = null;
  let deposits = 0;
  let wager = fraction(0);
  let ngr = fraction(0);
  for (const event of events) {
    const value =
      event.amountMinor !== null && event.currency
        ? inBrand(event.amountMinor, event.currency, event.occurredAt.getTime())
        : fraction(0);
    if (value === 'waiting') return 'waiting';
    if (event.type === 'first_deposit') ftd ??= value;
    if (event.type === 'first_deposit' || event.type === 'deposit') deposits += 1;
    if (event.type === 'wager') wager = add(wager, value);
    if (event.type === 'ngr') ngr = add(ngr, value);
    const met =
      ftd !== null &&
      (!limits.ftd || compare(ftd, limits.ftd as Fraction) >= 0) &&
      deposits >= (rules.minDeposits ?? 0) &&
      (!limits.wager || compare(wager, limits.wager as Fraction) >= 0) &&
      (!limits.ngr || compare(ngr, limits.ngr as Fraction) >= 0);
    if (!met) continue;
    const values: QualificationValues = {
      currency,
      firstDepositMinor: round(ftd!),
      deposits,
      wagerMinor: round(wager),
      ngrMinor: round(ngr),
      country: candidate.country,
    };
    return { at: event.occurredAt.getTime(), values };
  }
  return null;
}
