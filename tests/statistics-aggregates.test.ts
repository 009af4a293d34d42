/**
 * The aggregates against the raw rows. Random clicks (through the real /t redirect) and player
 * events (through the real event API) around daylight-saving changes; then random reports —
 * groupings nested in random order, random filters, zones with 30- and 45-minute offsets and
 * with DST — must equal a GROUP BY computed here from the raw click and event rows, each row's
 * local hour and date found with Intl on its own (nothing shared with the report's code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR } from '../edge/libsql.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp } from './helpers/test-app.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { unwrap } from '../core/sdk/index.ts';
import { parseMoney } from '../core/lib/money.ts';
import { clicks } from '../core/modules/tracking/table.ts';
import { playerEvents } from '../core/modules/events/table.ts';
import { prng } from '../demo/seed-tracking.ts';
import { buildWorld, expectedReport, type RawClick, type RawEvent, type World } from './helpers/statistics-world.ts';
import { withTenant } from '../core/lib/context.ts';
import { rollUpLocalDays } from '../core/modules/statistics/roll-up.ts';
import { runOperatorReport, runOperatorReportFolded } from '../core/modules/statistics/run-report.ts';
import { ReportQuerySchema } from '../core/modules/statistics/schemas.ts';
import { statsCampaignLocalDay, statsCountryLocalDay, statsPromoLocalDay } from '../core/modules/statistics/table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId: string;
let world: World;
let rawClicks: RawClick[];
let rawEvents: RawEvent[];

beforeAll(async () => {
  t = await createTestApp();
  const op = await t.addOperator('Stats');
  operatorId = op.operator.id;
  await activePartner(t, op.operator.id, 'a@example.com');
  await activePartner(t, op.operator.id, 'b@example.com');
  const partners = [
    (await signedInClient(t, op.operator.id, 'a@example.com')).client,
    (await signedInClient(t, op.operator.id, 'b@example.com')).client,
  ];
  world = await buildWorld(t, op, partners, prng(20261202));
  await readRaw();
}, 120_000);

async function readRaw() {
  rawClicks = (await t.deps.db.select().from(clicks)) as RawClick[];
  rawEvents = (await t.deps.db.select().from(playerEvents)) as RawEvent[];
}
afterAll(() => t?.dispose());

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'America/Santiago',
];
const ATTRIBUTES = [
  'brand',
  'plan',
  'campaign',
  'promo',
  'landing',
  'creative',
  'trafficSource',
  'country',
  'device',
  'os',
];
const PERIODS = [
  { from: '2026-03-24', to: '2026-04-09', hours: true },
  { from: '2026-10-20', to: '2026-10-29', hours: true },
  { from: '2026-03-01', to: '2026-11-30', hours: false },
];

describe('aggregates equal a GROUP BY over the raw rows', () => {
  it('has traffic to compare', () => {
    expect(rawClicks.length).toBeGreaterThan(300);
    expect(rawEvents.filter((e) => e.partnerId).length).toBeGreaterThan(100);
  });

  it('for random groupings, filters, periods and time zones (DST, +5:45, +5:30, -3:30, +10:30)', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ZONES), ...QUESTION, checkReport), { numRuns: 80, seed: 4242 });
  }, 120_000);

  it('by a custom click parameter (repeated keys, links without it), with promo-level groupings and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        // Custom-parameter reports cover at most 31 days.
        fc.constantFrom(...PERIODS.filter((p) => p.hours)),
        fc.constantFrom('none', 'hour', 'day', 'week', 'month'),
        fc.shuffledSubarray(['brand', 'plan', 'campaign', 'promo', 'landing', 'creative', 'trafficSource'], {
          maxLength: 1,
        }),
        fc.nat({ max: 2 }),
        fc.subarray(['brand', 'campaign', 'promo'] as const, { maxLength: 2 }),
        fc.boolean(),
        fc.constantFrom('sub1', 'c'),
        (timeZone, period, time, attributes, at, filterOn, asPartner, parameter) => {
          const withParameter = [...attributes];
          withParameter.splice(Math.min(at, withParameter.length), 0, 'parameter');
          return checkReportBy(parameter, timeZone, period, time, withParameter, 0, filterOn, asPartner);
        },
      ),
      { numRuns: 40, seed: 31 },
    );
  }, 120_000);

  it('a page sorted and cut in SQL equals the same page folded, sorted and cut in JavaScript', async () => {
    const tenant = withTenant(t.deps, operatorId);
    const counts = ['clicks', 'uniqueClicks', 'registrations', 'ftdCount', 'depositCount'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...PERIODS),
        fc.constantFrom('none', 'day', 'week', 'month'),
        fc.shuffledSubarray(ATTRIBUTES, { minLength: 0, maxLength: 2 }),
        fc.nat({ max: 6 }),
        fc.constantFrom(undefined, 'asc', 'desc'),
        fc.nat({ max: 40 }),
        fc.integer({ min: 1, max: 25 }),
        fc.subarray(['brand', 'campaign', 'country', 'device', 'promo'] as const, { maxLength: 1 }),
        async (timeZone, period, time, attributes, sortAt, order, offset, limit, filterOn) => {
          const groupBy = time === 'none' ? attributes : [time, ...attributes];
          const sortable = [...groupBy, ...counts];
          const filters = Object.fromEntries(
            filterOn.map((f) => [f === 'country' || f === 'device' ? f : `${f}Id`, world.pick(f)]),
          );
          const query = ReportQuerySchema.parse({
            period: 'custom',
            from: period.from,
            to: period.to,
            timeZone,
            groupBy: groupBy.join(','),
            metrics: 'clicks,uniqueClicks,registrations,cr,ftdCount,ftdAmount,depositCount,depositAmount,ngr',
            ...(sortAt < sortable.length ? { sort: sortable[sortAt] } : {}),
            ...(order ? { order } : {}),
            offset: String(offset),
            limit: String(limit),
            ...filters,
          });
          expect(await runOperatorReport(tenant, query)).toEqual(await runOperatorReportFolded(tenant, query));
        },
      ),
      { numRuns: 80, seed: 99 },
    );
  }, 120_000);

  it("through the local-day roll-up in the operator's zone, with days changed after it", async () => {
    const tenant = withTenant(t.deps, operatorId);
    for (const [i, timeZone] of [
      'Asia/Kathmandu',
      'America/St_Johns',
      'Europe/Berlin',
      'Australia/Lord_Howe',
    ].entries()) {
      await unwrap(world.operator.v1.operator.$patch({ json: { timeZone } }));
      const rolled = await rollUpLocalDays(tenant);
      expect(rolled).toMatchObject({ timeZone, done: true });
      expect(rolled.days).toBeGreaterThan(200);
      for (const table of [statsPromoLocalDay, statsCampaignLocalDay, statsCountryLocalDay])
        expect((await t.deps.db.select().from(table)).length).toBeGreaterThan(0);
      if (i === 0) await expectCampaignDaysAsMigrated();
      const property = fc.asyncProperty(fc.constant(timeZone), ...QUESTION, checkReport);
      await fc.assert(property, { numRuns: 12, seed: 77 + i });
      // Late events in rolled-up days: reports read those days from the UTC cubes until the next run.
      await world.addLateEvents(`late${i}`);
      await readRaw();
      await fc.assert(property, { numRuns: 12, seed: 177 + i });
      expect((await rollUpLocalDays(tenant)).days).toBeGreaterThan(0);
      await fc.assert(property, { numRuns: 12, seed: 277 + i });
    }
  }, 240_000);
});

/**
 * Migration 0031 fills the campaign cube of an upgraded database from the promo cube's rolled-up
 * days: it must write exactly the rows the roll-up writes from the quarter hours.
 */
async function expectCampaignDaysAsMigrated() {
  const rows = async () => (await t.deps.db.select().from(statsCampaignLocalDay)).map((r) => JSON.stringify(r)).sort();
  const rolled = await rows();
  const migration = readFileSync(join(MIGRATIONS_DIR, '0031_stats_campaign_local_days.sql'), 'utf8');
  const fill = migration.split('--> statement-breakpoint').at(-1)!;
  await t.deps.db.run(sql`delete from stats_campaign_ld`);
  await t.deps.db.run(sql.raw(fill));
  expect(await rows()).toEqual(rolled);
}

/** A random question: period, time grouping, attributes nested around it, filters, partner or operator. */
const QUESTION = [
  fc.constantFrom(...PERIODS),
  fc.constantFrom('none', 'hour', 'day', 'week', 'month', 'year'),
  fc.shuffledSubarray(ATTRIBUTES, { minLength: 0, maxLength: 2 }),
  fc.nat({ max: 3 }),
  fc.subarray(['brand', 'campaign', 'country', 'device', 'promo'] as const, { maxLength: 2 }),
  fc.boolean(),
] as const;

type Filtered = Array<'brand' | 'campaign' | 'country' | 'device' | 'promo'>;

/** One random question's report against the raw GROUP BY (no custom parameter). */
const checkReport = (...question: Question) => checkReportBy(undefined, ...question);
type Question = Parameters<typeof checkReportBy> extends [unknown, ...infer Q] ? Q : never;

/** A question's report against the raw GROUP BY; `parameter` names the custom click parameter a `parameter` grouping groups by. */
async function checkReportBy(
  parameter: string | undefined,
  timeZone: string,
  period: (typeof PERIODS)[number],
  time: string,
  attributes: string[],
  timeAt: number,
  filterOn: Filtered,
  asPartner: boolean,
) {
  const withTime = time === 'none' || (time === 'hour' && !period.hours) ? [] : [time];
  const groupBy = [...attributes];
  groupBy.splice(Math.min(timeAt, groupBy.length), 0, ...withTime);
  const filters = Object.fromEntries(filterOn.map((f) => [f, world.pick(f)]));
  const partner = asPartner ? world.partners[0]! : null;
  const query = {
    period: 'custom' as const,
    from: period.from,
    to: period.to,
    timeZone,
    groupBy: groupBy.join(','),
    ...(parameter ? { parameter } : {}),
    limit: '1000',
    ...(filters.brand ? { brandId: filters.brand } : {}),
    ...(filters.campaign ? { campaignId: filters.campaign } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.device ? { device: filters.device } : {}),
    ...(filters.promo ? { promoId: filters.promo } : {}),
  };
  const report = partner
    ? await unwrap(partner.client.v1.partner.reports.performance.$get({ query }))
    : await unwrap(world.operator.v1.reports.performance.$get({ query }));
  const expected = expectedReport(rawClicks, rawEvents, {
    timeZone,
    from: period.from,
    to: period.to,
    groupBy,
    filters,
    partnerId: partner?.id ?? null,
    ...(parameter ? { parameter } : {}),
  });
  const actual = new Map(
    report.rows.map((r) => [
      JSON.stringify(groupBy.map((g) => r.key[g])),
      {
        clicks: r.values.clicks,
        uniqueClicks: r.values.uniqueClicks,
        botClicks: r.values.botClicks,
        registrations: r.values.registrations,
        ftdCount: r.values.ftdCount,
        depositCount: r.values.depositCount,
        ftdAmount: minorOf(r.values.ftdAmount),
        depositAmount: minorOf(r.values.depositAmount),
        ngr: minorOf(r.values.ngr),
      },
    ]),
  );
  expect(report.total).toBe(expected.size);
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

function minorOf(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [currency, decimal] of Object.entries((value ?? {}) as Record<string, string>))
    out[currency] = parseMoney(decimal, currency).minor;
  return out;
}
