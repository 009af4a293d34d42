/**
 * Properties of a bill's maths (`priceBill`) and of billing periods, over random plans, units,
 * currencies and exchange rates. Plans are generated in the API's shape and go through the schema
 * and `storeTerms`, so every plan here is one an operator could save. Where a property needs the
 * expected amount, it is computed independently here with BigInt rationals (not with exact.ts).
 *
 * Not here: "corrections never lose a minor unit" (bill-actions.ts, database) is covered elsewhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS, formatMoney, money } from '../../lib/money.ts';
import { addDays, localDateAt } from '../../lib/time-zones.ts';
import { PlanTermsSchema, storeTerms, type PlanTerms } from '../commissions/terms.ts';
import { dayStarts, daysOf, periodHolding, segmentFrom, type BillingPeriod, type Version } from './periods.ts';
import {
  priceBill,
  type CountedEvents,
  type NgrAmount,
  type PricedLine,
  type PricingInput,
  type QualifiedUnit,
  type RateLookup,
} from './price-bill.ts';

// ---------------------------------------------------------------------------------------------
// An independent rational model (BigInt), rounding half away from zero.

interface Q {
  n: bigint;
  d: bigint;
}
const q = (n: bigint | number, d: bigint | number = 1n): Q => {
  const N = BigInt(n);
  const D = BigInt(d);
  return D < 0n ? { n: -N, d: -D } : { n: N, d: D };
};
const qAdd = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const qSub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const qMul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const qCmp = (a: Q, b: Q) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const qMin = (a: Q, b: Q) => (qCmp(a, b) <= 0 ? a : b);
/** Half away from zero, by integer division on the absolute value. */
const roundHalfAway = (x: Q): bigint => {
  const abs = x.n < 0n ? -x.n : x.n;
  const whole = abs / x.d;
  const rest = abs - whole * x.d;
  const up = 2n * rest >= x.d ? whole + 1n : whole;
  return x.n < 0n ? -up : up;
};
/** "12.34" → 1234/10000 as a fraction of one ("35" → 35/100). */
const percentQ = (text: string): Q => {
  const [whole, part = ''] = text.split('.');
  return q(BigInt(whole! + part), 100n * 10n ** BigInt(part.length));
};

// ---------------------------------------------------------------------------------------------
// Currencies and rates.

const BRAND_CURRENCIES = ['EUR', 'USD', 'JPY', 'BTC'] as const;
const ALL_CURRENCIES = ['EUR', 'USD', 'JPY', 'BTC', 'GBP', 'USDT', 'KWD'] as const;
type Currency = (typeof ALL_CURRENCIES)[number];
const exponent = (c: string) => CURRENCY_EXPONENTS[c as Currency];

/** Plausible units per euro: [min, max] as integers over 10^scale. */
const PER_EUR_RANGE: Record<Currency, [number, number, number]> = {
  EUR: [1, 1, 0],
  USD: [9_000, 13_000, 4],
  JPY: [1_300_000, 1_800_000, 4],
  BTC: [80_000, 200_000, 10],
  GBP: [7_500, 9_500, 4],
  USDT: [9_000, 13_000, 4],
  KWD: [3_000, 4_000, 4],
};
/** Plausible plan amounts (€1–€1,000 or so) in minor units. */
const AMOUNT_RANGE: Record<Currency, [number, number]> = {
  EUR: [100, 100_000],
  USD: [100, 100_000],
  GBP: [100, 100_000],
  JPY: [150, 150_000],
  BTC: [1_000, 10_000_000],
  USDT: [1_000_000, 1_000_000_000],
  KWD: [300, 300_000],
};

/** Per-euro rates: two per currency (odd and even days), so conversions differ by day. */
type PerEur = Record<Currency, [Q, Q]>;
const perEurArb: fc.Arbitrary<PerEur> = fc.record(
  Object.fromEntries(
    ALL_CURRENCIES.map((c) => {
      const [lo, hi, scale] = PER_EUR_RANGE[c];
      const one = fc.integer({ min: lo, max: hi }).map((n) => q(n, 10n ** BigInt(scale)));
      return [c, fc.tuple(one, one)];
    }),
  ) as { [K in Currency]: fc.Arbitrary<[Q, Q]> },
);

const dayParity = (day: string) => (Number(day.slice(-2)) % 2) as 0 | 1;
/** The model's factor from minor units of `from` to minor units of `to` on `day`. */
function minorFactor(perEur: PerEur, from: string, to: string, day: string): Q {
  if (from === to) return q(1);
  const p = dayParity(day);
  const perUnit = qMul(perEur[to as Currency][p], q(perEur[from as Currency][p].d, perEur[from as Currency][p].n));
  const shift = exponent(to) - exponent(from);
  return qMul(perUnit, shift >= 0 ? q(10n ** BigInt(shift)) : q(1n, 10n ** BigInt(-shift)));
}
/** A RateLookup for a bill in `brand` from the same per-euro rates; `missing` currencies have none. */
function lookupFor(perEur: PerEur, brand: string, missing: ReadonlySet<string> = new Set()): RateLookup {
  return (currency, day) => {
    if (missing.has(currency)) return null;
    const p = dayParity(day);
    const to = perEur[brand as Currency][p];
    const from = perEur[currency as Currency][p];
    return { perUnit: { n: to.n * from.d, d: to.d * from.n }, rateDate: day };
  };
}

// ---------------------------------------------------------------------------------------------
// Plans in the API's shape.

const apiMoney = (currency: Currency, minor: number) => ({ amount: formatMoney(money(minor, currency)), currency });
const moneyIn = (currency: Currency) =>
  fc.integer({ min: AMOUNT_RANGE[currency][0], max: AMOUNT_RANGE[currency][1] }).map((m) => apiMoney(currency, m));
const anyMoney = fc.constantFrom(...ALL_CURRENCIES).chain(moneyIn);
/** 0–100 with up to two decimals, spelled as an operator might ("35.00", "12.5"). */
const percentArb = fc
  .integer({ min: 0, max: 10_000 })
  .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);
const periodArb = fc.constantFrom<BillingPeriod>('daily', 'weekly', 'monthly');
const paysArb = fc.constantFrom('whole_period' as const, 'above_threshold' as const);
/** Strictly increasing integers in [min, max]. */
const rising = (min: number, max: number, minLength: number, maxLength: number) =>
  fc.uniqueArray(fc.integer({ min, max }), { minLength, maxLength }).map((a) => [...a].sort((x, y) => x - y));

const cpaArb = fc.record(
  {
    amounts: fc
      .uniqueArray(
        fc.record({
          money: anyMoney,
          brandId: fc.constantFrom(undefined, 'brand_main', 'brand_other'),
        }),
        { minLength: 1, maxLength: 3, selector: (a) => `${a.money.currency}|${a.brandId}` },
      )
      .map((list) => list.map((a) => ({ ...a.money, ...(a.brandId && { brandId: a.brandId }) }))),
    qualification: fc.record({
      minFirstDeposit: fc.array(anyMoney, { minLength: 1, maxLength: 2 }),
      withinDays: fc.integer({ min: 1, max: 90 }),
    }),
  },
  { requiredKeys: ['amounts'] },
);
const revshareArb = fc.record({ percent: percentArb, negativeCarryOver: fc.boolean() });
const COUNTRIES = ['DE', 'FR', 'GB', 'BR'] as const;
const cplArb = fc
  .record({
    per: fc.constantFrom('lead' as const, 'registration' as const),
    general: fc.option(anyMoney, { nil: undefined }),
    byCountry: fc.uniqueArray(fc.record({ country: fc.constantFrom(...COUNTRIES), money: anyMoney }), {
      maxLength: 4,
      selector: (c) => c.country,
    }),
  })
  .filter((c) => c.general !== undefined || c.byCountry.length > 0)
  .map((c) => ({
    per: c.per,
    amounts: [...(c.general ? [c.general] : []), ...c.byCountry.map((b) => ({ ...b.money, country: b.country }))],
  }));
const playerTiersArb = fc.record({
  basis: fc.constant('qualified_players' as const),
  pays: paysArb,
  steps: rising(1, 25, 1, 4).chain((mins) =>
    fc.tuple(...mins.map((minPlayers) => anyMoney.map((cpa) => ({ minPlayers, cpa })))),
  ),
});
/** NGR steps in one currency (thresholds compare in it), rising; each pays a percentage. */
const ngrTiersArb = fc.record({
  basis: fc.constant('ngr' as const),
  pays: paysArb,
  steps: fc.tuple(fc.constantFrom(...ALL_CURRENCIES), rising(0, 2_000, 1, 4)).chain(([currency, units]) =>
    fc.tuple(
      ...units.map((u) =>
        percentArb.map((percent) => ({
          minNgr: apiMoney(currency, u * AMOUNT_RANGE[currency][0] * 50),
          percent,
        })),
      ),
    ),
  ),
});

const termsArb: fc.Arbitrary<PlanTerms> = fc
  .oneof(
    fc.record({ billingPeriod: periodArb, cpa: cpaArb, tiers: fc.option(playerTiersArb, { nil: undefined }) }),
    fc.record({ billingPeriod: periodArb, cpl: cplArb }),
    fc.record({ billingPeriod: periodArb, revshare: revshareArb, tiers: fc.option(ngrTiersArb, { nil: undefined }) }),
    fc.record({
      billingPeriod: periodArb,
      cpa: cpaArb,
      revshare: revshareArb,
      tiers: fc.option(fc.oneof(playerTiersArb, ngrTiersArb), { nil: undefined }),
    }),
  )
  .map((t) => JSON.parse(JSON.stringify(t)) as PlanTerms); // drops undefined keys, as JSON bodies do

const stored = (terms: PlanTerms) => storeTerms(PlanTermsSchema.parse(terms));

// ---------------------------------------------------------------------------------------------
// Units of a November 2026 bill.

const NOVEMBER = daysOf('2026-11-01', '2026-12-01');
const LAST_DAY = '2026-11-30';
const dayArb = fc.constantFrom(...NOVEMBER);
const lateArb = fc.option(fc.constantFrom('2026-10-01', '2026-09-01'), { nil: undefined, freq: 4 });

const qualifiedArb = fc
  .array(fc.record({ at: fc.integer({ min: 0, max: 30 * 86_400_000 - 1 }), lateFrom: lateArb }), { maxLength: 30 })
  .map((list): QualifiedUnit[] =>
    list.map((u, i) => ({
      playerId: `player_${i}`,
      qualifiedAt: Date.UTC(2026, 10, 1) + u.at,
      ...(u.lateFrom && { lateFrom: u.lateFrom }),
    })),
  );
const cplEventsArb: fc.Arbitrary<CountedEvents[]> = fc.array(
  fc
    .record({
      country: fc.constantFrom<string | null>(...COUNTRIES, 'US', null),
      count: fc.integer({ min: 1, max: 50 }),
      lateFrom: lateArb,
    })
    .map((e) => ({ country: e.country, count: e.count, ...(e.lateFrom && { lateFrom: e.lateFrom }) })),
  { maxLength: 8 },
);
const ngrArb = (brand: string): fc.Arbitrary<NgrAmount[]> =>
  fc.array(
    fc
      .record({
        currency: fc.oneof(fc.constant(brand), fc.constantFrom(...ALL_CURRENCIES)),
        day: dayArb,
        minor: fc.oneof(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: -1_000, max: 1_000 })),
        lateFrom: lateArb,
      })
      .map((a) => ({ currency: a.currency, day: a.day, minor: a.minor, ...(a.lateFrom && { lateFrom: a.lateFrom }) })),
    { maxLength: 8 },
  );

interface Scenario {
  brand: (typeof BRAND_CURRENCIES)[number];
  terms: PlanTerms;
  perEur: PerEur;
  qualified: QualifiedUnit[];
  cplEvents: CountedEvents[];
  ngr: NgrAmount[];
  carryInMinor: number;
}
const scenarioArb = (terms: fc.Arbitrary<PlanTerms> = termsArb): fc.Arbitrary<Scenario> =>
  fc.constantFrom(...BRAND_CURRENCIES).chain((brand) =>
    fc.record({
      brand: fc.constant(brand),
      terms,
      perEur: perEurArb,
      qualified: qualifiedArb,
      cplEvents: cplEventsArb,
      ngr: ngrArb(brand),
      carryInMinor: fc.oneof(fc.constant(0), fc.integer({ min: -100_000_000, max: 0 })),
    }),
  );

const inputOf = (s: Scenario, missing?: ReadonlySet<string>): PricingInput => ({
  currency: s.brand,
  brandId: 'brand_main',
  terms: stored(s.terms),
  lastDay: LAST_DAY,
  qualified: s.qualified,
  cplEvents: s.cplEvents,
  ngr: s.ngr,
  carryInMinor: s.carryInMinor,
  rates: lookupFor(s.perEur, s.brand, missing),
});

/** The period's NGR plus what a carry-over plan carries in, exactly, in minor units of the brand. */
function ngrTotal(s: Scenario): Q {
  let total = q(0);
  for (const a of s.ngr) total = qAdd(total, qMul(q(a.minor), minorFactor(s.perEur, a.currency, s.brand, a.day)));
  return s.terms.revshare?.negativeCarryOver ? qAdd(total, q(s.carryInMinor)) : total;
}

/** JSON with sorted keys: equal lines compare equal whatever order their fields were set in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
const multiset = (lines: PricedLine[]) => lines.map(canonical).sort();

/** A seeded Fisher–Yates shuffle (fast-check shrinks the seed, not the permutation). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('priceBill: properties', () => {
  it('lines sum to the issued amount; amounts are integers, never negative; carry out only from a carry-over loss', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const result = priceBill(inputOf(s));
        expect(result.waitingFor).toBeNull();
        expect(result.lines.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(result.issuedMinor);
        for (const line of result.lines) {
          expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
          expect(line.amountMinor).toBeGreaterThanOrEqual(0);
          if (line.basisMinor !== null) expect(Number.isSafeInteger(line.basisMinor)).toBe(true);
        }
        expect(result.issuedMinor).toBeGreaterThanOrEqual(0);
        expect(result.carryOutMinor).toBeLessThanOrEqual(0);
        const total = ngrTotal(s);
        const carries = Boolean(s.terms.revshare?.negativeCarryOver) && qCmp(total, q(0)) <= 0;
        if (result.carryOutMinor !== 0) expect(carries).toBe(true);
        // …and a carry-over plan's loss is carried exactly, rounded once.
        expect(result.carryOutMinor).toBe(carries ? Number(roundHalfAway(total)) : 0);
        // RevShare pays nothing on a non-positive total.
        if (s.terms.revshare && qCmp(total, q(0)) <= 0)
          for (const line of result.lines) if (line.kind === 'revshare') expect(line.amountMinor).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  const reorder = (s: Scenario, seed: number): Scenario => ({
    ...s,
    qualified: shuffled(s.qualified, seed),
    cplEvents: shuffled(s.cplEvents, seed + 1),
    ngr: shuffled(s.ngr, seed + 2),
  });
  /** A line with its per-day exchanges listed in one order (by day, then currency). */
  const withSortedExchanges = (line: PricedLine): PricedLine =>
    line.detail.exchanges
      ? {
          ...line,
          detail: {
            ...line.detail,
            exchanges: [...line.detail.exchanges].sort((a, b) => canonical(a).localeCompare(canonical(b))),
          },
        }
      : line;

  it('is deterministic and ignores the order of its units (amounts, bases, rates, tiers)', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.integer(), (s, seed) => {
        const first = priceBill(inputOf(s));
        expect(priceBill(inputOf(s))).toEqual(first);
        const reordered = priceBill(inputOf(reorder(s, seed)));
        expect(reordered.issuedMinor).toBe(first.issuedMinor);
        expect(reordered.carryOutMinor).toBe(first.carryOutMinor);
        expect(multiset(reordered.lines.map(withSortedExchanges))).toEqual(
          multiset(first.lines.map(withSortedExchanges)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same lines, details included, whatever the order of its units', () => {
    // Stricter than the one above: a bill's stored lines (and so its words) must not depend on the
    // order the database returned the period's NGR in.
    fc.assert(
      fc.property(scenarioArb(), fc.integer(), (s, seed) => {
        const first = priceBill(inputOf(s));
        const reordered = priceBill(inputOf(reorder(s, seed)));
        expect(multiset(reordered.lines)).toEqual(multiset(first.lines));
      }),
      { numRuns: 200 },
    );
  });

  it('RevShare without tiers pays exactly round(percent × (NGR + carry in)), rounded once', () => {
    const plain = fc.record({ billingPeriod: periodArb, revshare: revshareArb }) as fc.Arbitrary<PlanTerms>;
    fc.assert(
      fc.property(scenarioArb(plain), fc.boolean(), (generated, oneCurrency) => {
        // One currency: every amount in the brand's; otherwise as generated (converted per day).
        const s = oneCurrency
          ? { ...generated, ngr: generated.ngr.map((a) => ({ ...a, currency: generated.brand })) }
          : generated;
        const result = priceBill(inputOf(s));
        const total = ngrTotal(s);
        const expected = qCmp(total, q(0)) > 0 ? roundHalfAway(qMul(total, percentQ(s.terms.revshare!.percent))) : 0n;
        expect(BigInt(result.issuedMinor)).toBe(expected);
        const line = result.lines.find((l) => l.kind === 'revshare')!;
        expect(line.basisMinor).toBe(Number(roundHalfAway(total)));
      }),
      { numRuns: 300 },
    );
  });

  it('CPA tiers by players: above_threshold pays Σ a(step(i)), whole_period N × a(step(N)); above ≤ whole when steps go up', () => {
    // With base amount a0 ≤ a1 ≤ … ≤ ak (steps going up) at thresholds t1 < … < tk, and step(i) the
    // last step whose threshold ≤ i (0: the base), N on-time players in the brand's currency:
    //   whole = N × a(step(N)),  above = Σ_{i=1..N} a(step(i)),  above ≤ whole (step(i) ≤ step(N)),
    // with equality exactly when every player is paid the same amount.
    const ladder = fc.constantFrom(...BRAND_CURRENCIES).chain((brand) =>
      fc.record({
        brand: fc.constant(brand),
        thresholds: rising(1, 30, 1, 5),
        raises: fc.array(fc.integer({ min: 0, max: AMOUNT_RANGE[brand][1] }), { minLength: 6, maxLength: 6 }),
        base: fc.integer({ min: AMOUNT_RANGE[brand][0], max: AMOUNT_RANGE[brand][1] }),
        players: fc.integer({ min: 0, max: 40 }),
      }),
    );
    fc.assert(
      fc.property(ladder, perEurArb, ({ brand, thresholds, raises, base, players }, perEur) => {
        const amounts = [base];
        thresholds.forEach((_, i) => amounts.push(amounts[i]! + raises[i]!));
        const terms = (pays: 'whole_period' | 'above_threshold'): PlanTerms => ({
          billingPeriod: 'monthly',
          cpa: { amounts: [apiMoney(brand, base)] },
          tiers: {
            basis: 'qualified_players',
            pays,
            steps: thresholds.map((minPlayers, i) => ({ minPlayers, cpa: apiMoney(brand, amounts[i + 1]!) })),
          },
        });
        const stepOf = (i: number) => thresholds.filter((t) => t <= i).length;
        const paid = (i: number) => BigInt(amounts[stepOf(i)]!);
        const whole = BigInt(players) * paid(players);
        let above = 0n;
        for (let i = 1; i <= players; i++) above += paid(i);
        const s = (pays: 'whole_period' | 'above_threshold'): Scenario => ({
          brand,
          terms: terms(pays),
          perEur,
          qualified: Array.from({ length: players }, (_, i) => ({
            playerId: `p${i}`,
            qualifiedAt: Date.UTC(2026, 10, 1) + i,
          })),
          cplEvents: [],
          ngr: [],
          carryInMinor: 0,
        });
        const wholeBill = priceBill(inputOf(s('whole_period')));
        const aboveBill = priceBill(inputOf(s('above_threshold')));
        expect(BigInt(wholeBill.issuedMinor)).toBe(whole);
        expect(BigInt(aboveBill.issuedMinor)).toBe(above);
        expect(aboveBill.issuedMinor).toBeLessThanOrEqual(wholeBill.issuedMinor);
        const samePay = players === 0 || paid(1) === paid(players);
        expect(aboveBill.issuedMinor === wholeBill.issuedMinor).toBe(samePay);
        // Each line pays quantity × its shown rate (minor units per player).
        for (const line of [...wholeBill.lines, ...aboveBill.lines])
          expect(line.amountMinor).toBe(line.quantity! * Number(line.rate));
      }),
      { numRuns: 200 },
    );
  });

  it('RevShare tiers by NGR: bands and whole period match the model; exactly, above ≤ whole when percentages go up', () => {
    // Base percent p0 ≤ p1 ≤ … ≤ pk at NGR thresholds t1 < … < tk, total T > 0 (brand currency):
    //   whole = round(T × p(step(T))),  above = Σ_j round(band_j × p_j), band_j = [t_j, t_{j+1}) ∩ [0, T].
    // Exactly (before rounding) above ≤ whole; each band is rounded once, so the rounded above can
    // exceed the rounded whole by at most ⌊(bands + 1) / 2⌋ minor units — never more.
    const ladder = fc.constantFrom(...BRAND_CURRENCIES).chain((brand) =>
      fc.record({
        brand: fc.constant(brand),
        thresholds: rising(0, 1_000, 1, 4).map((t) => t.map((u) => u * AMOUNT_RANGE[brand][0] * 100)),
        percents: fc
          .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 })
          .map((p) => [...p].sort((a, b) => a - b)),
        ngr: fc.array(fc.integer({ min: -AMOUNT_RANGE[brand][1] * 100, max: AMOUNT_RANGE[brand][1] * 1_000 }), {
          minLength: 1,
          maxLength: 5,
        }),
      }),
    );
    fc.assert(
      fc.property(ladder, perEurArb, ({ brand, thresholds, percents, ngr }, perEur) => {
        const spelled = percents.map((p) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`);
        const terms = (pays: 'whole_period' | 'above_threshold'): PlanTerms => ({
          billingPeriod: 'monthly',
          revshare: { percent: spelled[0]!, negativeCarryOver: false },
          tiers: {
            basis: 'ngr',
            pays,
            steps: thresholds.map((t, i) => ({ minNgr: apiMoney(brand, t), percent: spelled[i + 1]! })),
          },
        });
        const s = (pays: 'whole_period' | 'above_threshold'): Scenario => ({
          brand,
          terms: terms(pays),
          perEur,
          qualified: [],
          cplEvents: [],
          ngr: ngr.map((minor, i) => ({ currency: brand, day: NOVEMBER[i]!, minor })),
          carryInMinor: 0,
        });
        const T = q(ngr.reduce((a, b) => a + b, 0));
        const p = (step: number) => percentQ(spelled[step]!);
        const positive = qCmp(T, q(0)) > 0;
        const step = thresholds.filter((t) => qCmp(q(t), T) <= 0).length;
        const wholeExact = positive ? qMul(T, p(step)) : q(0);
        const bounds = [0, ...thresholds];
        let aboveExact = q(0);
        let aboveRounded = 0n;
        let bands = 0;
        if (positive)
          bounds.forEach((from, j) => {
            const to = j + 1 < bounds.length ? qMin(q(bounds[j + 1]!), T) : T;
            const width = qSub(to, q(from));
            if (qCmp(width, q(0)) <= 0) return;
            bands += 1;
            aboveExact = qAdd(aboveExact, qMul(width, p(j)));
            aboveRounded += roundHalfAway(qMul(width, p(j)));
          });
        const wholeBill = priceBill(inputOf(s('whole_period')));
        const aboveBill = priceBill(inputOf(s('above_threshold')));
        expect(BigInt(wholeBill.issuedMinor)).toBe(roundHalfAway(wholeExact));
        expect(BigInt(aboveBill.issuedMinor)).toBe(aboveRounded);
        expect(qCmp(aboveExact, wholeExact)).toBeLessThanOrEqual(0);
        expect(aboveBill.issuedMinor - wholeBill.issuedMinor).toBeLessThanOrEqual(Math.floor((bands + 1) / 2));
        if (positive) expect(aboveBill.lines.filter((l) => l.kind === 'revshare')).toHaveLength(bands);
        // The bands' bases (whole minor units here: thresholds and NGR in the brand's currency) add up
        // to the NGR.
        if (positive) expect(aboveBill.lines.reduce((sum, l) => sum + l.basisMinor!, 0)).toBe(Number(T.n));
      }),
      { numRuns: 200 },
    );
  });

  it('a missing rate makes the bill wait for it: no lines, nothing issued, nothing carried', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), (s, pick) => {
        const full = priceBill(inputOf(s));
        const shown = new Set<string>();
        for (const line of full.lines) {
          if (line.detail.exchange) shown.add(line.detail.exchange.from);
          for (const e of line.detail.exchanges ?? []) shown.add(e.from);
        }
        fc.pre(shown.size > 0);
        const dropped = [...shown][pick % shown.size]!;
        const waiting = priceBill(inputOf(s, new Set([dropped])));
        expect(waiting.lines).toEqual([]);
        expect(waiting.issuedMinor).toBe(0);
        expect(waiting.carryOutMinor).toBe(0);
        const [kind, currency, day] = (waiting.waitingFor ?? '').split(':');
        expect(kind).toBe('rate');
        expect(currency).toBe(dropped);
        const days = new Set([LAST_DAY, ...s.ngr.filter((a) => a.currency === dropped).map((a) => a.day)]);
        expect(days.has(day!)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Periods.

const ZONES = [
  'Europe/Berlin',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/New_York',
] as const;
const HOUR = 3_600_000;
/** Lengths a local day may have in each zone: 24 h, and the DST days' 23/25 h (Lord Howe: ±30 min). */
const DAY_LENGTHS: Record<(typeof ZONES)[number], number[]> = {
  'Europe/Berlin': [23 * HOUR, 24 * HOUR, 25 * HOUR],
  'America/Santiago': [23 * HOUR, 24 * HOUR, 25 * HOUR],
  'America/New_York': [23 * HOUR, 24 * HOUR, 25 * HOUR],
  'Australia/Lord_Howe': [23.5 * HOUR, 24 * HOUR, 24.5 * HOUR],
  'Asia/Kathmandu': [24 * HOUR],
};
const dateArb = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2026-01-01', n));
const zoneArb = fc.constantFrom(...ZONES);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('billing periods: properties', () => {
  it('periods hold their date, tile the calendar, and have their kind’s shape', () => {
    fc.assert(
      fc.property(periodArb, dateArb, (kind, date) => {
        const { start, end } = periodHolding(kind, date);
        expect(start <= date && date < end).toBe(true);
        // Tiling: the next period starts where this one ends, the previous one ends where it starts,
        // and every day inside is held by this very period.
        expect(periodHolding(kind, end).start).toBe(end);
        expect(periodHolding(kind, addDays(start, -1)).end).toBe(start);
        for (const day of daysOf(start, end)) expect(periodHolding(kind, day)).toEqual({ start, end });
        if (kind === 'daily') expect(end).toBe(addDays(start, 1));
        if (kind === 'weekly') {
          expect(weekdayOf(start)).toBe(1);
          expect(end).toBe(addDays(start, 7));
        }
        if (kind === 'monthly') {
          expect(start.slice(8)).toBe('01');
          expect(end.slice(8)).toBe('01');
          expect(start.slice(0, 7)).toBe(date.slice(0, 7));
          expect(addDays(end, -1).slice(0, 7)).toBe(date.slice(0, 7));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('dayStarts are each local day’s first instant, increasing by 23, 24 or 25 hours (Lord Howe: 23.5/24.5)', () => {
    fc.assert(
      fc.property(zoneArb, periodArb, dateArb, (zone, kind, date) => {
        const { start, end } = periodHolding(kind, date);
        const days = daysOf(start, end);
        const starts = dayStarts(zone, start, end);
        expect(starts).toHaveLength(days.length + 1);
        [...days, end].forEach((day, i) => {
          // The first instant of `day`: it shows `day` there, and a minute earlier the day before.
          expect(localDateAt(zone, starts[i]!)).toBe(day);
          expect(localDateAt(zone, starts[i]! - 60_000)).toBe(addDays(day, -1));
        });
        for (let i = 1; i < starts.length; i++) {
          expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
          expect(DAY_LENGTHS[zone]).toContain(starts[i]! - starts[i - 1]!);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a year of local days adds up to the year, with its DST days where the zone has them', () => {
    const odd: Record<string, Array<[string, number]>> = {};
    for (const zone of ZONES) {
      const starts = dayStarts(zone, '2026-01-01', '2027-01-01');
      expect(starts.at(-1)! - starts[0]!).toBe(365 * 24 * HOUR);
      odd[zone] = daysOf('2026-01-01', '2027-01-01')
        .map((day, i): [string, number] => [day, (starts[i + 1]! - starts[i]!) / HOUR])
        .filter(([, hours]) => hours !== 24);
    }
    expect(odd).toEqual({
      'Europe/Berlin': [
        ['2026-03-29', 23],
        ['2026-10-25', 25],
      ],
      // Chile changes at local midnight: 5 Sep has no 00:00, so 6 Sep starts at 01:00 and is 23 h.
      'America/Santiago': [
        ['2026-04-04', 25],
        ['2026-09-06', 23],
      ],
      'Australia/Lord_Howe': [
        ['2026-04-05', 24.5],
        ['2026-10-04', 23.5],
      ],
      'Asia/Kathmandu': [],
      'America/New_York': [
        ['2026-03-08', 23],
        ['2026-11-01', 25],
      ],
    });
  });

  it('segmentFrom splits a period exactly where a version starts, and nowhere else', () => {
    const termsFor = (billingPeriod: BillingPeriod) =>
      stored({ billingPeriod, cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } });
    const versionsArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 4 })
      .chain((offsets) =>
        fc.tuple(
          ...[...offsets]
            .sort((a, b) => a - b)
            .map((o) => fc.tuple(fc.constant(o), fc.option(periodArb, { nil: null }))),
        ),
      )
      .map((list): Version[] =>
        list.map(([o, kind]) => ({ effectiveFrom: addDays('2026-01-01', o), terms: kind ? termsFor(kind) : null })),
      );
    fc.assert(
      fc.property(versionsArb, (versions) => {
        const first = versions[0]!.effectiveFrom;
        expect(segmentFrom(versions, addDays(first, -1))).toBeNull();
        const horizon = addDays(versions.at(-1)!.effectiveFrom, 70);
        const starts = new Set<string>();
        let position = first;
        while (position < horizon) {
          const segment = segmentFrom(versions, position)!;
          expect(segment.start).toBe(position);
          expect(segment.end > segment.start).toBe(true);
          const inEffect = versions.findLast((v) => v.effectiveFrom <= position)!;
          expect(segment.version).toBe(inEffect);
          const kind = inEffect.terms?.billingPeriod ?? 'monthly';
          const period = periodHolding(kind, position);
          // Inside one period of the version's kind…
          expect(segment.end <= period.end).toBe(true);
          // …with no version starting inside it, and cut short only by a version's start.
          for (const v of versions)
            expect(v.effectiveFrom > segment.start && v.effectiveFrom < segment.end).toBe(false);
          if (segment.end < period.end) expect(versions.some((v) => v.effectiveFrom === segment.end)).toBe(true);
          starts.add(segment.start);
          position = segment.end;
        }
        for (const v of versions) expect(starts.has(v.effectiveFrom)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
