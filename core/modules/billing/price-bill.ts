/**
 * A bill's maths, pure: what a chain (partner × brand × plan) earned in one period under one plan
 * version, as lines that explain themselves. Rules (the README repeats them):
 * - every line is in the brand's currency and rounded once, half away from zero, to its minor unit;
 *   the bill's amount is the sum of its rounded lines;
 * - an event in another currency is converted at its day's rate (through the euro); a plan amount in
 *   another currency at the rate of the period's last day; no rate → the bill waits, nothing guessed;
 * - RevShare pays a percentage of the period's NGR plus the NGR carried in; a negative result pays
 *   nothing and, with carry-over on, is carried into the chain's next bill;
 * - volume tiers count the period's qualified players (or its NGR): `whole_period` pays the reached
 *   step's rate for every unit, `above_threshold` pays each step's rate only beyond its threshold.
 */
import type { StoredMoney, StoredPlanTerms } from '../commissions/terms.ts';
import type { BillLineDetail, BillLineKind } from './table.ts';
import { minorRate } from './rates.ts';
import { ZERO, add, compare, fraction, percentOf, round, sum, times, toDecimal, type Fraction } from './exact.ts';

/** Units of the bill's currency per unit of `currency` on `day`, or null while that day's rate is unknown. */
export type RateLookup = (currency: string, day: string) => { perUnit: Fraction; rateDate: string } | null;

export interface QualifiedUnit {
  playerId: string;
  qualifiedAt: number;
  /** Set when the unit belongs to an earlier period (its first day). */
  lateFrom?: string | undefined;
}
export interface CountedEvents {
  country: string | null;
  count: number;
  lateFrom?: string | undefined;
}
export interface NgrAmount {
  currency: string;
  /** The local day the amounts happened on (their conversion date). */
  day: string;
  minor: number;
  lateFrom?: string | undefined;
}

export interface PricingInput {
  currency: string;
  brandId: string;
  terms: StoredPlanTerms;
  /** The period's last local day: plan amounts in other currencies convert at its rate. */
  lastDay: string;
  qualified: QualifiedUnit[];
  cplEvents: CountedEvents[];
  ngr: NgrAmount[];
  /** Negative NGR carried in from the chain's previous bill (≤ 0, minor units of `currency`). */
  carryInMinor: number;
  rates: RateLookup;
}

export interface PricedLine {
  kind: BillLineKind;
  quantity: number | null;
  basisMinor: number | null;
  basisCurrency: string | null;
  rate: string | null;
  amountMinor: number;
  detail: BillLineDetail;
}

export type Pricing =
  | { waitingFor: null; lines: PricedLine[]; issuedMinor: number; carryOutMinor: number }
  | { waitingFor: string; lines: []; issuedMinor: 0; carryOutMinor: 0 };

/** Thrown inside pricing when a rate is missing; `priceBill` turns it into a waiting bill. */
class MissingRate extends Error {
  constructor(
    readonly currency: string,
    readonly day: string,
  ) {
    super(`no exchange rate for ${currency} on ${day}`);
  }
}

interface Converted {
  value: Fraction;
  exchange?: { from: string; rate: string; rateDate: string };
}

function convert(input: PricingInput, minor: number, currency: string, day: string): Converted {
  if (currency === input.currency) return { value: fraction(minor) };
  const found = input.rates(currency, day);
  // Name the rate that is missing: the bill's own currency's (then the lookup of it fails too) or the other's.
  if (!found) throw new MissingRate(input.rates(input.currency, day) ? currency : input.currency, day);
  return {
    value: times(fraction(minor), minorRate(found.perUnit, currency, input.currency)),
    exchange: { from: currency, rate: toDecimal(found.perUnit, 12), rateDate: found.rateDate },
  };
}

/** A plan amount in the bill's currency (exact), converted at the period's last day when needed. */
const planAmount = (input: PricingInput, amount: StoredMoney) =>
  convert(input, amount.minor, amount.currency, input.lastDay);

/** The CPA amount for this brand: its own amount before the plan's general one, its currency first. */
function cpaAmountFor(input: PricingInput): StoredMoney | null {
  const amounts = input.terms.cpa?.amounts ?? [];
  const ranked = [
    amounts.find((a) => a.brandId === input.brandId && a.currency === input.currency),
    amounts.find((a) => a.brandId === input.brandId),
    amounts.find((a) => !a.brandId && a.currency === input.currency),
    amounts.find((a) => !a.brandId),
  ];
  return ranked.find((a) => a !== undefined) ?? null;
}

/** The tier step reached at `basis` (1-based), or 0 below the first step. */
function stepAt(input: PricingInput, basis: Fraction): number {
  const tiers = input.terms.tiers!;
  let reached = 0;
  tiers.steps.forEach((step, i) => {
    const threshold =
      tiers.basis === 'qualified_players'
        ? fraction(step.minPlayers ?? 0)
        : step.minNgr
          ? planAmount(input, step.minNgr).value
          : ZERO;
    if (compare(basis, threshold) >= 0) reached = i + 1;
  });
  return reached;
}

/** The highest step at or below `step` that sets `field` (steps set a CPA amount or a percentage), or 0. */
function withField(input: PricingInput, step: number, field: 'cpa' | 'percent'): number {
  for (let at = step; at > 0; at--) if (input.terms.tiers!.steps[at - 1]![field] !== undefined) return at;
  return 0;
}

function cpaLines(input: PricingInput): PricedLine[] {
  const base = cpaAmountFor(input);
  if (!input.terms.cpa || input.qualified.length === 0) return [];
  const tiers = input.terms.tiers?.basis === 'qualified_players' ? input.terms.tiers : undefined;
  const onTime = input.qualified.filter((q) => !q.lateFrom).sort((a, b) => a.qualifiedAt - b.qualifiedAt);
  // CPA steps by NGR: the step the period's NGR reaches pays every player (players have no NGR bands).
  const byNgr = input.terms.tiers?.basis === 'ngr' ? withField(input, stepAt(input, periodNgr(input)), 'cpa') : 0;
  const wholeStep =
    tiers?.pays === 'whole_period' ? withField(input, stepAt(input, fraction(onTime.length)), 'cpa') : byNgr;
  const groups = new Map<string, { step: number; lateFrom: string | undefined; count: number }>();
  const place = (step: number, lateFrom: string | undefined) => {
    const key = `${step}|${lateFrom ?? ''}`;
    const group = groups.get(key) ?? { step, lateFrom, count: 0 };
    group.count += 1;
    groups.set(key, group);
  };
  onTime.forEach((_, i) =>
    place(
      tiers?.pays === 'above_threshold' ? withField(input, stepAt(input, fraction(i + 1)), 'cpa') : wholeStep,
      undefined,
    ),
  );
  // A late player is paid what this period's players are paid at its close.
  const lateStep =
    tiers?.pays === 'above_threshold' ? withField(input, stepAt(input, fraction(onTime.length)), 'cpa') : wholeStep;
  for (const q of input.qualified) if (q.lateFrom) place(lateStep, q.lateFrom);
  const lines: PricedLine[] = [];
  for (const { step, lateFrom, count } of groups.values()) {
    const stepAmount = step > 0 ? input.terms.tiers!.steps[step - 1]!.cpa : undefined;
    const amount = stepAmount ?? base;
    if (!amount) continue;
    const unit = planAmount(input, amount);
    lines.push({
      kind: 'cpa',
      quantity: count,
      basisMinor: null,
      basisCurrency: null,
      rate: toDecimal(unit.value, 4),
      amountMinor: round(times(unit.value, fraction(count))),
      detail: detailOf({ tier: stepAmount ? step : undefined, exchange: unit.exchange, lateFrom }),
    });
  }
  return lines;
}

function cplLines(input: PricingInput): PricedLine[] {
  const cpl = input.terms.cpl;
  if (!cpl) return [];
  const groups = new Map<string, { amount: StoredMoney; country: string | null; lateFrom?: string; count: number }>();
  for (const e of input.cplEvents) {
    const ranked = (list: StoredMoney[]) => list.find((a) => a.currency === input.currency) ?? list[0];
    const own = ranked(cpl.amounts.filter((a) => a.country && a.country === e.country));
    const amount = own ?? ranked(cpl.amounts.filter((a) => !a.country));
    if (!amount) continue;
    const country = own ? e.country : null;
    const key = `${country}|${e.lateFrom ?? ''}`;
    const group = groups.get(key) ?? { amount, country, ...(e.lateFrom && { lateFrom: e.lateFrom }), count: 0 };
    group.count += e.count;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const unit = planAmount(input, g.amount);
    return {
      kind: 'cpl' as const,
      quantity: g.count,
      basisMinor: null,
      basisCurrency: null,
      rate: toDecimal(unit.value, 4),
      amountMinor: round(times(unit.value, fraction(g.count))),
      detail: detailOf({ per: cpl.per, country: g.country, exchange: unit.exchange, lateFrom: g.lateFrom }),
    };
  });
}

const detailOf = (detail: BillLineDetail): BillLineDetail =>
  Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined)) as BillLineDetail;

/** RevShare lines and the NGR carried on; see the module comment for the rules. */
function revshareLines(input: PricingInput): { lines: PricedLine[]; carryOutMinor: number } {
  const revshare = input.terms.revshare;
  if (!revshare) return { lines: [], carryOutMinor: 0 };
  const converted = input.ngr.map((a) => ({ ...a, ...convert(input, a.minor, a.currency, a.day) }));
  const ngr = sum(converted.map((c) => c.value));
  const carryIn = revshare.negativeCarryOver ? input.carryInMinor : 0;
  const total = add(ngr, fraction(carryIn));
  // One entry per currency and day, in that order, whatever order the amounts came in.
  const exchanges = [
    ...new Map(
      converted.flatMap((c) =>
        c.exchange ? [[`${c.day}|${c.exchange.from}`, { ...c.exchange, day: c.day }] as const] : [],
      ),
    ).values(),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.from.localeCompare(b.from));
  const shared: BillLineDetail = detailOf({
    ngrMinor: round(ngr),
    ...(exchanges.length > 0 && { exchanges }),
    ...(converted.some((c) => c.lateFrom) && { includesLate: true }),
  });
  const lines: PricedLine[] = [];
  // Carried NGR is shown as its own line and taken off the basis the percentage applies to.
  if (carryIn !== 0)
    lines.push(
      line('carry_in', { basisMinor: carryIn, basisCurrency: input.currency, rate: null, amountMinor: 0 }, {}),
    );
  const positive = compare(total, ZERO) > 0;
  const bands = positive ? revshareBands(input, total) : [{ percent: revshare.percent, basis: total, step: 0 }];
  for (const band of bands)
    lines.push(
      line(
        'revshare',
        {
          basisMinor: round(band.basis),
          basisCurrency: input.currency,
          rate: band.percent,
          amountMinor: positive ? round(times(band.basis, percentOf(band.percent))) : 0,
        },
        { ...shared, ...(band.step > 0 && { tier: band.step }) },
      ),
    );
  return { lines, carryOutMinor: !positive && revshare.negativeCarryOver ? round(total) : 0 };
}

const line = (
  kind: BillLineKind,
  values: Pick<PricedLine, 'basisMinor' | 'basisCurrency' | 'rate' | 'amountMinor'>,
  detail: BillLineDetail,
): PricedLine => ({ kind, quantity: null, ...values, detail });

/** The period's own NGR in the bill's currency (exact), what NGR-based tiers of CPA count. */
const periodNgr = (input: PricingInput) =>
  sum(input.ngr.filter((a) => !a.lateFrom).map((a) => convert(input, a.minor, a.currency, a.day).value));

/** The NGR basis split by tier: one band at the reached (or base) rate, or one band per step crossed. */
function revshareBands(input: PricingInput, total: Fraction) {
  const revshare = input.terms.revshare!;
  const all = input.terms.tiers;
  const percentOfStep = (step: number) => (step > 0 ? all!.steps[step - 1]!.percent : undefined) ?? revshare.percent;
  // Percent steps by qualified players: the step the period's player count reaches pays all of the NGR.
  if (all?.basis === 'qualified_players') {
    const step = withField(
      input,
      stepAt(input, fraction(input.qualified.filter((q) => !q.lateFrom).length)),
      'percent',
    );
    return [{ percent: percentOfStep(step), basis: total, step }];
  }
  const tiers = all?.basis === 'ngr' ? all : undefined;
  if (!tiers) return [{ percent: revshare.percent, basis: total, step: 0 }];
  const percentAt = percentOfStep;
  if (tiers.pays === 'whole_period') {
    const step = stepAt(input, total);
    return [{ percent: percentAt(step), basis: total, step }];
  }
  const thresholds = tiers.steps.map((s) => (s.minNgr ? planAmount(input, s.minNgr).value : ZERO));
  const bands: Array<{ percent: string; basis: Fraction; step: number }> = [];
  let from = ZERO;
  for (let step = 0; step <= thresholds.length; step++) {
    const to = thresholds[step];
    const upper = to && compare(to, total) < 0 ? to : total;
    if (compare(upper, from) > 0)
      bands.push({ percent: percentAt(step), basis: add(upper, fraction(-from.n, from.d)), step });
    if (!to || compare(to, total) >= 0) break;
    from = to;
  }
  return bands;
}

/** Prices one bill; a missing exchange rate makes it wait with the reason instead. */
export function priceBill(input: PricingInput): Pricing {
  try {
    const revshare = revshareLines(input);
    const lines = [...cpaLines(input), ...cplLines(input), ...revshare.lines];
    const issuedMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
    return { waitingFor: null, lines, issuedMinor, carryOutMinor: revshare.carryOutMinor };
  } catch (error) {
    if (!(error instanceof MissingRate)) throw error;
    return { waitingFor: `rate:${error.currency}:${error.day}`, lines: [], issuedMinor: 0, carryOutMinor: 0 };
  }
}
