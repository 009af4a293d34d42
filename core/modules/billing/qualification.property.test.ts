/**
 * Qualification in SQL (window functions over each player's events) against the exact check in
 * JavaScript (check-player.ts), over random players, events and rules (fast-check): the same
 * players qualify, at the same moment, with the same values. The histories have what SQL must get
 * right or hand over: events at the same instant, two first deposits, amounts without a currency,
 * amounts in the other brand's currency (with a rate missing now and then), events before the
 * registration or after its window, countries, thresholds in another currency, and a second run
 * that only looks at players with newly arrived events (from a waiting player's latest arrival).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../tests/helpers/test-app.ts';
import { insertMany } from '../../db/insert-many.ts';
import { createOutbox } from '../../jobs/outbox.ts';
import { manualClock } from '../../lib/clock.ts';
import { withTenant, type TenantContext } from '../../lib/context.ts';
import { createSecretBox } from '../../lib/crypto.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import { createGuardedOutbound } from '../../../edge/outbound-http.ts';
import { createBrand } from '../catalog/service.ts';
import { commissionPlans, planVersions } from '../commissions/table.ts';
import { storeTerms, type StoredPlanTerms } from '../commissions/terms.ts';
import { playerEvents } from '../events/table.ts';
import { createOperator, updateOperator } from '../operators/service.ts';
import { saveExchangeRates } from '../statistics/exchange-rates.ts';
import { checkPlayer, histories, type MoneyEvent } from './check-player.ts';
import { qualifyPlayers } from './qualify-players.ts';
import { loadRateSeries } from './rates.ts';
import { qualifications } from './table.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2026, 9, 1);
const T1 = START + 25 * DAY;
const T2 = START + 50 * DAY;
const MONEY = ['first_deposit', 'deposit', 'wager', 'ngr'] as const;

const money = (currencies: string[]) =>
  fc.option(
    fc.array(
      fc.record({ amount: fc.integer({ min: 1, max: 20 }).map(String), currency: fc.constantFrom(...currencies) }),
      { minLength: 1, maxLength: 2 },
    ),
    { nil: undefined, freq: 2 },
  );

const cpaArb = fc.record({
  minFirstDeposit: money(['EUR', 'EUR', 'USD']),
  minDeposits: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  minWager: money(['EUR', 'USD']),
  minNgr: money(['EUR', 'USD']),
  withinDays: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined, freq: 3 }),
  countries: fc.option(
    fc.constantFrom('DE', 'DE FR').map((c) => c.split(' ')),
    { nil: undefined, freq: 4 },
  ),
});

const eventArb = fc.record({
  type: fc.constantFrom(...MONEY, 'first_deposit', 'ngr', 'deposit'),
  /** Hours after the registration: negative ones happened before it; whole hours make ties. */
  afterHours: fc.integer({ min: -10, max: 240 }),
  amount: fc.option(fc.integer({ min: -2_000, max: 30_000 }), { nil: null, freq: 8 }),
  currency: fc.constantFrom('brand', 'brand', 'brand', 'other', 'none'),
  /** Days from T1 (the first run) the event arrives. */
  arrives: fc.constantFrom(-3, -1, 1),
});

const playerArb = fc.record({
  brand: fc.constantFrom(0, 1),
  registeredHour: fc.integer({ min: 0, max: 30 * 24 }),
  country: fc.constantFrom(null, 'DE', 'FR', 'GB'),
  registrationArrives: fc.constantFrom(-3, -1, 1),
  attributed: fc.constantFrom(true, true, true, true, false),
  events: fc.array(eventArb, { minLength: 2, maxLength: 12, size: 'medium' }),
});

const worldArb = fc.record({
  zone: fc.constantFrom('UTC', 'Asia/Kathmandu', 'America/St_Johns'),
  versions: fc.array(
    fc.record({ fromDay: fc.integer({ min: 0, max: 5 }), cpa: fc.option(cpaArb, { nil: null, freq: 6 }) }),
    {
      minLength: 1,
      maxLength: 2,
    },
  ),
  players: fc.array(playerArb, { minLength: 3, maxLength: 14 }),
  /** Rates are published up to this day (from START) before the first run, the rest after it. */
  lastRateDay: fc.integer({ min: 8, max: 40 }),
});

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

describe('qualification in SQL', () => {
  it('qualifies the same players at the same moment with the same values as the exact check', async () => {
    const { db, dispose } = await createTestDb();
    const secretBox = await createSecretBox('test-secret-0123456789abcdef-0123456789');
    let runs = 0;
    let qualified = 0;
    try {
      await fc.assert(
        fc.asyncProperty(worldArb, async (world) => {
          runs += 1;
          const clock = manualClock(new Date(START - 5 * DAY));
          const operator = await createOperator({ db, clock }, { name: `Qualifying ${runs}` });
          const ctx: TenantContext = withTenant(
            {
              db,
              clock,
              jobs: createOutbox(db, clock),
              version: 'test',
              secretBox,
              mailTransport: null,
              publicUrl: 'http://kabinet.test',
              outbound: createGuardedOutbound(),
            },
            operator.id,
          );
          const setup = await seed(ctx, world);
          const check = referenceCheck(ctx, world, setup);
          const first = await check(T1);
          clock.set(new Date(T1));
          await qualifyPlayers(ctx, { until: T1 });
          // The rates after the first run's last published day come out between the runs.
          await saveRates(ctx, world.lastRateDay + 1, RATE_DAYS);
          const second = await check(T2);
          clock.set(new Date(T2));
          await qualifyPlayers(ctx, { until: T2 });
          const expected = expectedAfterBoth(setup, first, second);
          const stored = await db.select().from(qualifications);
          const got = stored
            .filter((q) => q.operatorId === operator.id)
            .map((q) => ({ playerId: q.playerId, at: q.qualifiedAt.getTime(), values: q.values }))
            .sort((a, b) => (a.playerId < b.playerId ? -1 : 1));
          expect(got).toEqual(expected);
          qualified += got.length;
        }),
        { numRuns: 100 },
      );
      // The worlds must qualify players often enough for the comparison to mean something.
      expect(qualified).toBeGreaterThan(25);
    } finally {
      dispose();
    }
  }, 180_000);
});

async function seed(ctx: TenantContext, world: World) {
  await updateOperator(ctx, { timeZone: world.zone });
  const brand = (name: string, currency: string) =>
    createBrand(ctx, { name, currency, websiteUrl: 'https://casino.example/', visitParam: 'v', fallbackUrl: null });
  const brands = [await brand('Euro Casino', 'EUR'), await brand('Dollar Casino', 'USD')];
  const planId = `plan_${ctx.operatorId}`;
  const created = new Date(START - 5 * DAY);
  await insertMany(ctx.db, commissionPlans, [
    {
      id: planId,
      operatorId: ctx.operatorId,
      name: 'CPA',
      kind: 'cpa',
      isDefault: true,
      supportsSubAffiliates: false,
      createdAt: created,
    },
  ]);
  const byDay = new Map<string, StoredPlanTerms | null>();
  for (const v of world.versions) {
    const day = new Date(START + v.fromDay * DAY).toISOString().slice(0, 10);
    const cpa = v.cpa && { amounts: [{ amount: '100', currency: 'EUR' }], qualification: definedOnly(v.cpa) };
    byDay.set(day, storeTerms({ billingPeriod: 'monthly', ...(cpa ? { cpa } : { revshare: revshare() }) }));
  }
  const versions = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([effectiveFrom, terms]) => ({ effectiveFrom, terms }));
  await insertMany(
    ctx.db,
    planVersions,
    versions.map((v) => ({ planId, operatorId: ctx.operatorId, ...v, createdAt: created })),
  );
  await saveRates(ctx, -5, world.lastRateDay);
  const rows: Array<typeof playerEvents.$inferInsert> = [];
  world.players.forEach((p, i) => {
    const brandId = brands[p.brand]!.id;
    const registered = START + p.registeredHour * HOUR;
    const base = {
      operatorId: ctx.operatorId,
      playerId: `p${String(i).padStart(2, '0')}`,
      brandId,
      partnerId: p.attributed ? 'partner_x' : null,
      planId,
      country: p.country,
      contentHash: 'test',
    };
    rows.push({
      ...base,
      id: `r${i}`,
      type: 'registration',
      occurredAt: new Date(registered),
      receivedAt: arrival(p.registrationArrives),
    });
    p.events.forEach((e, j) => {
      const own = p.brand === 0 ? 'EUR' : 'USD';
      const currency = e.currency === 'brand' ? own : e.currency === 'other' ? (own === 'EUR' ? 'USD' : 'EUR') : null;
      rows.push({
        ...base,
        // Ids that sort against the time order too, so the tie-break by id is tested.
        id: `e${i}_${String.fromCharCode(122 - j)}`,
        type: e.type,
        amountMinor: e.amount,
        currency,
        occurredAt: new Date(registered + e.afterHours * HOUR),
        receivedAt: arrival(e.arrives),
      });
    });
  });
  await insertMany(ctx.db, playerEvents, rows);
  return { brands, versions, rows };
}

const arrival = (days: number) => new Date(T1 + days * DAY);

const RATE_DAYS = 65;

/** USD rates for the days [first, last] from START (inclusive). */
async function saveRates(ctx: TenantContext, first: number, last: number) {
  const rates = [];
  for (let i = first; i <= last; i++) {
    const date = new Date(START + i * DAY).toISOString().slice(0, 10);
    rates.push({ date, currency: 'USD', perEur: (1.05 + (((i % 9) + 9) % 9) / 37).toFixed(4) });
  }
  await saveExchangeRates(ctx, rates);
}
const revshare = () => ({ percent: '10', negativeCarryOver: false });
const definedOnly = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** The exact check of every registration with what had arrived before `until`, at the rates known now. */
function referenceCheck(ctx: TenantContext, world: World, setup: Awaited<ReturnType<typeof seed>>) {
  const events = setup.rows.map((r) => ({ ...r, occurredAt: r.occurredAt as Date, receivedAt: r.receivedAt as Date }));
  return async (until: number) => {
    // Rates known up to the check's day: an event dated later (a sender's clock ahead) waits for its rate.
    const to = localDateAt(world.zone, until);
    const rates = await loadRateSeries(ctx, { currencies: ['USD'], from: '2026-09-01', to });
    const out: Check = new Map();
    const moneyEvents: MoneyEvent[] = events
      .filter((e) => (MONEY as readonly string[]).includes(e.type) && e.receivedAt.getTime() < until)
      .map((e) => ({
        id: e.id,
        brandId: e.brandId,
        playerId: e.playerId,
        type: e.type as MoneyEvent['type'],
        amountMinor: e.amountMinor ?? null,
        currency: e.currency ?? null,
        occurredAt: e.occurredAt,
        receivedAt: e.receivedAt.getTime(),
      }));
    const byPlayer = histories(moneyEvents);
    for (const r of events) {
      if (r.type !== 'registration' || !r.partnerId || r.receivedAt.getTime() >= until) continue;
      const day = localDateAt(world.zone, r.occurredAt.getTime());
      const cpa = setup.versions.findLast((v) => v.effectiveFrom <= day)?.terms?.cpa;
      if (!cpa) continue;
      const currency = setup.brands.find((b) => b.id === r.brandId)!.currency;
      const candidate = {
        brandId: r.brandId,
        playerId: r.playerId,
        registeredAt: r.occurredAt,
        country: r.country ?? null,
      };
      const history = byPlayer.get(`${r.brandId}|${r.playerId}`) ?? [];
      const result = checkPlayer({ candidate, cpa, currency, zone: world.zone, until, history, rates });
      if (result) out.set(r.playerId, result);
    }
    return out;
  };
}

type Check = Map<string, { at: number; values: unknown } | 'waiting'>;

/**
 * Who must have qualified after both runs: the first run's qualified players as they were; then
 * the second run re-checks the players with an event that arrived since the earliest latest
 * arrival of a player the first run left waiting for a rate (else since T1).
 */
function expectedAfterBoth(setup: Awaited<ReturnType<typeof seed>>, first: Check, second: Check) {
  const events = setup.rows.map((r) => ({ ...r, receivedAt: (r.receivedAt as Date).getTime() }));
  let resumeFrom = T1;
  for (const [p, result] of first) {
    if (result !== 'waiting') continue;
    let latest = 0;
    for (const e of events)
      if (e.playerId === p && (MONEY as readonly string[]).includes(e.type) && e.receivedAt < T1)
        latest = Math.max(latest, e.receivedAt);
    resumeFrom = Math.min(resumeFrom, latest);
  }
  const expected: Array<{ playerId: string; at: number; values: unknown }> = [];
  for (const p of new Set(events.map((e) => e.playerId))) {
    const early = first.get(p);
    if (early && early !== 'waiting') {
      expected.push({ playerId: p, ...early });
      continue;
    }
    const arrivedSince = events.some((e) => e.playerId === p && e.receivedAt >= resumeFrom);
    const later = second.get(p);
    if (arrivedSince && later && later !== 'waiting') expected.push({ playerId: p, ...later });
  }
  return expected.sort((a, b) => (a.playerId < b.playerId ? -1 : 1));
}
