/**
 * Reports benchmark for `npm run bench` (alone: `npm run bench -- reports`). One operator in
 * Europe/Malta with a realistic catalog, then 10,000,000 clicks over 90 days and ~1,000,000
 * player events written through the real write path (each batch: the clicks, the events and the
 * aggregates they add, in one commit), with skew: Zipf-ish promo and country popularity, a user
 * agent mix, a daily and weekly rhythm. Then two operator reports, each timed through the report
 * engine (the cubes) and as the same report computed by a GROUP BY over the raw clicks and events
 * (local days found in SQL from the period's UTC offset segments); the two must give the same
 * numbers. Prints the figures against the targets (≥ 50× faster than raw, < 100 ms); asserts nothing.
 *
 * Environment: KABINET_BENCH_REPORTS_DB=path keeps the generated database there and reuses it on
 * the next run (default: a fresh one in a temp folder, removed at the end); BENCH_REPORT_CLICKS
 * (default 10,000,000; events scale with it), BENCH_REPORT_BATCH (clicks per commit, default
 * 50,000), BENCH_REPORT_RUNS (timed runs after the warm-up, default 5).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join, resolve } from 'node:path';
import { getTableName, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { insertMany, insertManyAtomically } from '../../core/db/insert-many.ts';
import { createOutbox } from '../../core/jobs/outbox.ts';
import { systemClock, type Clock } from '../../core/lib/clock.ts';
import { withTenant, type ServiceContext, type TenantContext } from '../../core/lib/context.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { formatMoney, money } from '../../core/lib/money.ts';
import { addDays, offsetAt, zonedStart } from '../../core/lib/time-zones.ts';
import { campaigns, promos } from '../../core/modules/campaigns/table.ts';
import { createBrand } from '../../core/modules/catalog/service.ts';
import { creatives, landings, trafficSources } from '../../core/modules/catalog/table.ts';
import { commissionPlans } from '../../core/modules/commissions/table.ts';
import { eventFact } from '../../core/modules/events/ingest-events.ts';
import { playerEvents } from '../../core/modules/events/table.ts';
import { partners } from '../../core/modules/identity/table.ts';
import { createOperator, updateOperator } from '../../core/modules/operators/service.ts';
import {
  CUBES,
  PARAMETER_CUBE,
  trafficCountParts,
  type TrafficFact,
} from '../../core/modules/statistics/count-traffic.ts';
import { LOCAL_DAY_CUBES, rollUpLocalDays } from '../../core/modules/statistics/roll-up.ts';
import { runOperatorReport, type Report } from '../../core/modules/statistics/run-report.ts';
import { ReportQuerySchema } from '../../core/modules/statistics/schemas.ts';
import { clickWriteParts, type ClickRow } from '../../core/modules/tracking/click-writer.ts';
import { prng } from '../../demo/seed-tracking.ts';
import { MIGRATIONS_DIR, openLibsqlDatabase } from '../../edge/libsql.ts';
import { createGuardedOutbound } from '../../edge/outbound-http.ts';

const CLICKS = Number(process.env.BENCH_REPORT_CLICKS ?? 10_000_000);
const BATCH = Number(process.env.BENCH_REPORT_BATCH ?? 50_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const SEED = 20261203;
const ZONE = 'Europe/Malta';
const OPERATOR_ID = 'op_benchreports';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const DAYS = 90;
/** The traffic's UTC days: 2026-08-01 up to 2026-10-30 (Malta leaves summer time on 25 October). */
const START = Date.UTC(2026, 7, 1);
const END = START + DAYS * DAY;
/** Human clicks that register: about one event in ten clicks overall (registrations, deposits, NGR). */
const REGISTRATION_RATE = 0.034;
const TARGET_MS = 100;
const TARGET_RATIO = 50;
/** Bump when the generated data changes: a cached database of another version is generated again. */
const DATA_VERSION = 1;

// ---- Data shapes ----

const COUNTRIES = [
  'DE',
  'GB',
  'CA',
  'FI',
  'NO',
  'SE',
  'BR',
  'IN',
  'NZ',
  'IE',
  'AT',
  'NL',
  'JP',
  'PL',
  'MT',
  'CH',
  'DK',
  'ES',
  'IT',
  'PT',
  'AU',
  'MX',
  'CL',
  'ZA',
  'TR',
];
/** Device, OS, browser as describeClient names them, and each one's share. */
const USER_AGENTS: Array<[string, string, string, number]> = [
  ['mobile', 'iOS', 'Mobile Safari', 26],
  ['mobile', 'Android', 'Chrome', 24],
  ['desktop', 'Windows', 'Chrome', 17],
  ['desktop', 'macOS', 'Safari', 6],
  ['desktop', 'Windows', 'Edge', 5],
  ['desktop', 'macOS', 'Chrome', 4],
  ['tablet', 'iOS', 'Mobile Safari', 4],
  ['mobile', 'Android', 'Samsung Internet', 4],
  ['desktop', 'Linux', 'Firefox', 1.5],
  ['tablet', 'Android', 'Chrome', 1.5],
  ['mobile', 'iOS', 'Chrome', 3],
  ['bot', 'Linux', 'Googlebot', 3],
];
/** Clicks by local hour: quiet nights, busy evenings. */
const HOURLY = [
  0.35, 0.25, 0.18, 0.15, 0.15, 0.2, 0.35, 0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 0.95, 0.9, 0.9, 0.95, 1.05, 1.2, 1.35, 1.45,
  1.4, 1.1, 0.7,
];
const SUB2 = ['email', 'push', 'feed', 'story', 'reel', 'top', 'side', 'foot'];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

type Random = () => number;

/** Cumulative weights for sampling by binary search. */
function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}
function sample(cum: Float64Array, random: Random): number {
  const x = random() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const zipf = (n: number, s: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

/** An id of the real shape (prefix, 10 characters of time, 16 random), from the seeded PRNG. */
function benchId(prefix: string, ms: number, random: Random): string {
  let time = '';
  for (let i = 0, rest = ms; i < 10; i++, rest = Math.floor(rest / 32)) time = ALPHABET[rest % 32] + time;
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(random() * 32)];
  return `${prefix}_${time}${tail}`;
}

interface PromoPlan {
  id: string;
  partnerId: string;
  campaignId: string;
  brandId: string;
  currency: string;
  planId: string;
  landingId: string;
  creativeId: string | null;
  trafficSourceId: string | null;
}

// ---- Generation ----

/** The catalog: operator (Europe/Malta), 2 brands, 3 plans, landings, creatives, sources, partners, campaigns, promos. */
async function seedCatalog(db: Db, random: Random): Promise<PromoPlan[]> {
  const created = START - 120 * DAY;
  const clock: Clock = { now: () => new Date(created) };
  await createOperator({ db, clock }, { name: 'Bench Gaming Ltd', id: OPERATOR_ID });
  const tenant = withTenant({ db, clock }, OPERATOR_ID);
  await updateOperator(tenant, { timeZone: ZONE });
  const brands = [
    await createBrand(tenant, {
      name: 'Bench Casino',
      currency: 'EUR',
      websiteUrl: 'https://casino.bench.example/',
      visitParam: 'kb_vid',
      fallbackUrl: null,
    }),
    await createBrand(tenant, {
      name: 'Bench Sports',
      currency: 'USD',
      websiteUrl: 'https://sports.bench.example/',
      visitParam: 'kb_vid',
      fallbackUrl: null,
    }),
  ];
  const at = new Date(created);
  const base = { operatorId: OPERATOR_ID, createdAt: at };
  // Reports only name plans: no versions (terms) needed here.
  const planSeeds: Array<Pick<typeof commissionPlans.$inferInsert, 'name' | 'kind' | 'isDefault'>> = [
    { name: 'RevShare 35%', kind: 'revshare', isDefault: true },
    { name: 'CPA €150', kind: 'cpa', isDefault: true },
    { name: 'Hybrid VIP', kind: 'hybrid', isDefault: false },
  ];
  const plans = planSeeds.map((p) => ({
    ...p,
    ...base,
    id: benchId('plan', created, random),
    supportsSubAffiliates: p.isDefault,
  }));
  await insertMany(db, commissionPlans, plans, { maxParams: 32_000 });
  const landingRows = brands.flatMap((b) =>
    ['Welcome offer', 'Main page', 'Landing (DE)'].map((name, i) => ({
      ...base,
      id: benchId('land', created, random),
      brandId: b.id,
      name,
      url: `${b.websiteUrl}${['welcome', '', 'de/'][i]}`,
      audience: 'players' as const,
      language: i === 2 ? 'de' : 'en',
      countries: i === 2 ? ['DE', 'AT', 'CH'] : [],
    })),
  );
  await insertMany(db, landings, landingRows, { maxParams: 32_000 });
  const creativeRows = brands.flatMap((b) =>
    [
      [300, 250],
      [728, 90],
      [160, 600],
      [320, 50],
      [300, 600],
      [250, 250],
    ].map(([w, h]) => ({
      ...base,
      id: benchId('crt', created, random),
      brandId: b.id,
      title: `${b.name} ${w}×${h}`,
      language: 'en',
      format: 'banner' as const,
      privacy: 'public' as const,
      allowedPartnerIds: [],
      width: w!,
      height: h!,
      tags: [],
      assetUrl: `https://cdn.bench.example/${w}x${h}.svg`,
    })),
  );
  await insertMany(db, creatives, creativeRows, { maxParams: 32_000 });
  const sources = ['SEO', 'PPC', 'Social media', 'Email', 'Push notifications', 'Display'].map((name) => ({
    id: benchId('ts', created, random),
    operatorId: OPERATOR_ID,
    name,
  }));
  await insertMany(db, trafficSources, sources, { maxParams: 32_000 });
  // 120 active partners (and a few pending), 200 campaigns: the first 80 partners run two.
  const partnerRows = Array.from({ length: 130 }, (_, i) => ({
    ...base,
    id: benchId('partner', created + i, random),
    name: `Bench partner ${i + 1}`,
    company: `Affiliate ${i + 1} Ltd`,
    country: COUNTRIES[i % COUNTRIES.length]!,
    status: i < 120 ? ('active' as const) : ('pending' as const),
    referrerPartnerId: null,
    referralCode: `BENCHREF${i}`,
  }));
  await insertMany(db, partners, partnerRows, { maxParams: 32_000 });
  const campaignRows = Array.from({ length: 200 }, (_, i) => {
    const partner = partnerRows[i < 160 ? i >> 1 : i - 80]!;
    const brand = brands[random() < 0.65 ? 0 : 1]!;
    return {
      ...base,
      id: benchId('camp', created + i, random),
      partnerId: partner.id,
      brandId: brand.id,
      planId: plans[i % plans.length]!.id,
      name: `${partner.name} — ${brand.name} ${i % 2 === 0 ? 'main' : 'mobile'}`,
      status: 'active' as const,
      archivedAt: null,
    };
  });
  await insertMany(db, campaigns, campaignRows, { maxParams: 32_000 });
  const promoRows = campaignRows.flatMap((c, i) =>
    [0, 1].map((n) => {
      const brandLandings = landingRows.filter((l) => l.brandId === c.brandId);
      const brandCreatives = creativeRows.filter((r) => r.brandId === c.brandId);
      return {
        ...base,
        id: benchId('promo', created + i, random),
        partnerId: c.partnerId,
        campaignId: c.id,
        code: `BN${String(i * 2 + n).padStart(5, '0')}`,
        landingId: brandLandings[Math.floor(random() * brandLandings.length)]!.id,
        creativeId: n === 1 ? null : brandCreatives[Math.floor(random() * brandCreatives.length)]!.id,
        trafficSourceId: random() < 0.2 ? null : sources[Math.floor(random() * sources.length)]!.id,
        title: n === 0 ? 'Banner' : 'Direct link',
        promoCode: n === 0 ? `BENCH${i}` : null,
      };
    }),
  );
  await insertMany(db, promos, promoRows, { maxParams: 32_000 });
  const currencyOf = new Map(brands.map((b) => [b.id, b.currency]));
  const campaignOf = new Map(campaignRows.map((c) => [c.id, c]));
  return promoRows.map((p) => {
    const c = campaignOf.get(p.campaignId)!;
    return {
      id: p.id,
      partnerId: p.partnerId,
      campaignId: p.campaignId,
      brandId: c.brandId,
      currency: currencyOf.get(c.brandId)!,
      planId: c.planId,
      landingId: p.landingId,
      creativeId: p.creativeId,
      trafficSourceId: p.trafficSourceId,
    };
  });
}

/** Clicks per UTC hour of the window: growth, busy weekends, a few promotion days, the local hourly rhythm. */
function clicksPerHour(random: Random): number[] {
  const weights: number[] = [];
  for (let d = 0; d < DAYS; d++) {
    const weekday = new Date(START + d * DAY).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.25 : 1;
    const promotion = d % 29 === 11 ? 1.8 : 1;
    const day = (1 + (d / DAYS) * 0.5) * weekend * promotion * (0.85 + random() * 0.3);
    for (let h = 0; h < 24; h++) {
      const t = START + d * DAY + h * HOUR;
      const localHour = (h + Math.round(offsetAt(ZONE, t) / HOUR)) % 24;
      weights.push(day * HOURLY[localHour]!);
    }
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((CLICKS * w) / sum));
  let left = CLICKS - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]!++;
  return counts;
}

/**
 * libsql-js frees a prepared statement (megabytes for a batch's multi-row inserts) in a finalizer
 * that runs on a later turn of the event loop once V8 has collected the statement's wrapper. A
 * loop that only awaits promises never gives it that turn: the statements of every batch pile up
 * (about 15 KB per click here, 20 GB before a million clicks). So after each batch: collect, then
 * let the event loop turn. (A server turns it between requests all the time.)
 */
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;
async function releaseStatements(): Promise<void> {
  collectGarbage();
  await new Promise((done) => setImmediate(done));
}

interface Generated {
  clicks: number;
  events: number;
  catalogMs: number;
  trafficMs: number;
}

async function generate(db: Db): Promise<Generated> {
  const random = prng(SEED);
  const t0 = performance.now();
  const promoPlans = await seedCatalog(db, random);
  const catalogMs = performance.now() - t0;
  // Popularity: Zipf over the promos in a shuffled order (the most popular are anyone's).
  const order = promoPlans.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const promoCum = cumulative(zipf(promoPlans.length, 1.05));
  const countryCum = cumulative(zipf(COUNTRIES.length, 1.1));
  const uaCum = cumulative(USER_AGENTS.map((u) => u[3]));
  const sub1Cum = cumulative(zipf(60, 1));
  const hours = clicksPerHour(random);

  let clickRows: ClickRow[] = [];
  let eventRows: Array<typeof playerEvents.$inferInsert> = [];
  let eventFacts: TrafficFact[] = [];
  let clicksWritten = 0;
  let eventsWritten = 0;
  let players = 0;
  let nextProgress = CLICKS / 10;
  const flush = async () => {
    await insertManyAtomically(
      db,
      [...clickWriteParts(clickRows), { table: playerEvents, rows: eventRows }, ...trafficCountParts(eventFacts)],
      { maxParams: 32_000 },
    );
    clicksWritten += clickRows.length;
    eventsWritten += eventRows.length;
    clickRows = [];
    eventRows = [];
    eventFacts = [];
    await releaseStatements();
    if (clicksWritten >= nextProgress) {
      nextProgress += CLICKS / 10;
      const seconds = (performance.now() - t0) / 1000;
      console.log(
        `    … ${clicksWritten.toLocaleString('en')} clicks, ` +
          `${eventsWritten.toLocaleString('en')} events written (${seconds.toFixed(0)} s, process memory ${(process.memoryUsage().rss / 1e9).toFixed(1)} GB)`,
      );
    }
  };

  for (const [h, count] of hours.entries()) {
    const hourStart = START + h * HOUR;
    const offsets = new Float64Array(count);
    for (let i = 0; i < count; i++) offsets[i] = random() * HOUR;
    offsets.sort();
    for (let i = 0; i < count; i++) {
      const at = hourStart + Math.floor(offsets[i]!);
      const promo = promoPlans[order[sample(promoCum, random)]!]!;
      const [device, os, browser] = USER_AGENTS[sample(uaCum, random)]!;
      const isBot = device === 'bot';
      const country = COUNTRIES[sample(countryCum, random)]!;
      const id = benchId('v', at, random);
      const params: Array<[string, string]> = [['sub1', `s${sample(sub1Cum, random)}`]];
      if (random() < 0.35) params.push(['sub2', SUB2[Math.floor(random() * SUB2.length)]!]);
      params.push(['clickID', Math.floor(random() * 2 ** 48).toString(36)]);
      const attributes = {
        operatorId: OPERATOR_ID,
        partnerId: promo.partnerId,
        campaignId: promo.campaignId,
        promoId: promo.id,
        brandId: promo.brandId,
        planId: promo.planId,
        landingId: promo.landingId,
        creativeId: promo.creativeId,
        trafficSourceId: promo.trafficSourceId,
        country,
        device,
        os,
      };
      clickRows.push({
        ...attributes,
        id,
        createdAt: new Date(at),
        params,
        ipPrefix: `${1 + Math.floor(random() * 220)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.0/24`,
        browser,
        referrer: random() < 0.4 ? 'https://www.google.com/' : null,
        isBot,
        isUnique: !isBot && random() < 0.8,
      });
      if (!isBot && random() < REGISTRATION_RATE) {
        const playerId = `bp${++players}`;
        let seq = 0;
        const event = (type: (typeof playerEvents.$inferInsert)['type'], when: number, amountMinor: number | null) => {
          // What has not happened by the end of the window is not generated.
          if (when >= END) return;
          const row: typeof playerEvents.$inferInsert = {
            ...attributes,
            id: `${playerId}-${++seq}`,
            type,
            playerId,
            visitId: type === 'registration' ? id : null,
            promoCode: null,
            amountMinor,
            currency: amountMinor === null ? null : promo.currency,
            occurredAt: new Date(when),
            receivedAt: new Date(when),
            data: null,
            contentHash: `bench:${playerId}:${seq}`,
            clickId: id,
            attributedBy: type === 'registration' ? 'visit_id' : 'player',
          };
          eventRows.push(row);
          const fact = eventFact(row, params);
          if (fact) eventFacts.push(fact);
        };
        const registered = at + (2 + Math.floor(random() * 28)) * MINUTE;
        event('registration', registered, null);
        if (random() < 0.45) {
          const ftd = registered + (10 + Math.floor(random() * 2870)) * MINUTE;
          event('first_deposit', ftd, 100 * (20 + Math.floor(random() * 480)));
          let last = ftd;
          for (let k = 0; k < 12 && random() < 0.7; k++) {
            last += (1 + Math.floor(random() * 6)) * DAY + Math.floor(random() * DAY);
            event('deposit', last, 100 * (10 + Math.floor(random() * 290)));
          }
          const weeks = 1 + Math.floor(random() * 3);
          for (let w = 1; w <= weeks; w++)
            event('ngr', ftd + w * 7 * DAY + Math.floor(random() * DAY), Math.round((random() * 1.1 - 0.25) * 8000));
        }
      }
      if (clickRows.length >= BATCH) await flush();
    }
  }
  if (clickRows.length > 0 || eventRows.length > 0) await flush();
  return { clicks: clicksWritten, events: eventsWritten, catalogMs, trafficMs: performance.now() - t0 - catalogMs };
}

// ---- The same reports from the raw rows ----

type CountName = 'clicks' | 'uniqueClicks' | 'botClicks' | 'registrations' | 'ftdCount' | 'depositCount';
type AmountName = 'ftdAmount' | 'depositAmount' | 'ngr';
const COUNT_NAMES: CountName[] = ['clicks', 'uniqueClicks', 'botClicks', 'registrations', 'ftdCount', 'depositCount'];
const AMOUNT_NAMES: AmountName[] = ['ftdAmount', 'depositAmount', 'ngr'];
const METRICS_ASKED = [...COUNT_NAMES, ...AMOUNT_NAMES].join(',');

interface RawRow {
  counts: Record<CountName, number>;
  amounts: Record<AmountName, Map<string, number>>;
}
const emptyRaw = (): RawRow => ({
  counts: { clicks: 0, uniqueClicks: 0, botClicks: 0, registrations: 0, ftdCount: 0, depositCount: 0 },
  amounts: { ftdAmount: new Map(), depositAmount: new Map(), ngr: new Map() },
});

/** The instants [start, end) is cut at by changes of the zone's offset, each piece with its offset (ms). */
function offsetSegments(zone: string, start: number, end: number): Array<{ from: number; offset: number }> {
  const segments = [{ from: start, offset: offsetAt(zone, start) }];
  for (let t = start + HOUR; t < end + HOUR; t += HOUR) {
    const offset = offsetAt(zone, Math.min(t, end - 1));
    if (offset === segments[segments.length - 1]!.offset) continue;
    // The change lies in the past hour: its first minute with the new offset.
    let lo = t - HOUR;
    let hi = Math.min(t, end - 1);
    while (hi - lo > MINUTE) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === offset) hi = mid;
      else lo = mid;
    }
    segments.push({ from: hi, offset });
  }
  return segments;
}

/** `column` as a local date: a CASE over the offset segments, then SQLite's date(). */
function localDateSql(column: string, segments: Array<{ from: number; offset: number }>): string {
  const offset =
    segments.length === 1
      ? String(segments[0]!.offset)
      : `case ${segments
          .slice(1)
          .map((s, i) => `when ${column} < ${s.from} then ${segments[i]!.offset}`)
          .join(' ')} else ${segments[segments.length - 1]!.offset} end`;
  return `date((${column} + ${offset}) / 1000, 'unixepoch')`;
}

type RawGrouping = 'day' | 'campaign' | 'country' | 'device';

/** The report as a GROUP BY over clicks and player_events: key (groupings joined by \0) → values. */
async function rawReport(
  db: Db,
  range: { start: number; end: number },
  groupBy: RawGrouping[],
  zone: string,
): Promise<Map<string, RawRow>> {
  const client = (db as unknown as { $client: { execute(q: { sql: string; args: unknown[] }): Promise<Rows> } })
    .$client;
  type Rows = { rows: Array<Record<string, unknown>> };
  const segments = offsetSegments(zone, range.start, range.end);
  const expression = (g: RawGrouping, time: string) =>
    g === 'day'
      ? localDateSql(time, segments)
      : `coalesce(${{ campaign: 'campaign_id', country: 'country', device: 'device' }[g]}, '')`;
  const keys = (time: string) => groupBy.map((g, i) => `${expression(g, time)} as g${i}`).join(', ');
  const groupList = groupBy.map((_, i) => `g${i}`).join(', ');
  const args = [OPERATOR_ID, range.start, range.end];
  const clickRows = await client.execute({
    sql: `select ${keys('created_at')},
          sum(case when is_bot then 0 else 1 end) as clicks,
          sum(case when is_bot then 0 else is_unique end) as unique_clicks,
          sum(is_bot) as bot_clicks
        from clicks where operator_id = ? and created_at >= ? and created_at < ?
        group by ${groupList}`,
    args,
  });
  const eventRows = await client.execute({
    sql: `select ${keys('occurred_at')}, coalesce(currency, '') as currency,
          sum(type = 'registration') as registrations,
          sum(type = 'first_deposit') as ftd_count,
          sum(case when type = 'first_deposit' then amount_minor else 0 end) as ftd_amount,
          sum(type in ('first_deposit', 'deposit')) as deposit_count,
          sum(case when type in ('first_deposit', 'deposit') then amount_minor else 0 end) as deposit_amount,
          sum(case when type = 'ngr' then amount_minor else 0 end) as ngr
        from player_events where operator_id = ? and partner_id is not null and occurred_at >= ? and occurred_at < ?
        group by ${groupList}, currency`,
    args,
  });
  const out = new Map<string, RawRow>();
  const rowOf = (r: Record<string, unknown>) => {
    const key = groupBy.map((_, i) => String(r[`g${i}`] ?? '')).join('\u0000');
    let row = out.get(key);
    if (!row) out.set(key, (row = emptyRaw()));
    return row;
  };
  for (const r of clickRows.rows) {
    const row = rowOf(r);
    row.counts.clicks += Number(r.clicks);
    row.counts.uniqueClicks += Number(r.unique_clicks);
    row.counts.botClicks += Number(r.bot_clicks);
  }
  for (const r of eventRows.rows) {
    const row = rowOf(r);
    row.counts.registrations += Number(r.registrations);
    row.counts.ftdCount += Number(r.ftd_count);
    row.counts.depositCount += Number(r.deposit_count);
    const currency = String(r.currency);
    if (!currency) continue;
    const add = (name: AmountName, minor: number) =>
      row.amounts[name].set(currency, (row.amounts[name].get(currency) ?? 0) + minor);
    add('ftdAmount', Number(r.ftd_amount));
    add('depositAmount', Number(r.deposit_amount));
    add('ngr', Number(r.ngr));
  }
  return out;
}

/** Amounts as the report shows them: currency → decimal string, zero sums left out. */
const shown = (amounts: Map<string, number>) =>
  JSON.stringify(
    [...amounts]
      .filter(([, minor]) => minor !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, minor]) => [c, formatMoney(money(minor, c))]),
  );
const shownReport = (value: unknown) =>
  JSON.stringify(Object.entries((value ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));

function sameValues(values: Record<string, unknown>, raw: RawRow): string | null {
  for (const m of COUNT_NAMES)
    if (values[m] !== raw.counts[m]) return `${m}: report ${String(values[m])}, raw ${raw.counts[m]}`;
  for (const m of AMOUNT_NAMES)
    if (shownReport(values[m]) !== shown(raw.amounts[m]))
      return `${m}: report ${shownReport(values[m])}, raw ${shown(raw.amounts[m])}`;
  return null;
}

/** Every row of the report's page, its totals and its row count against the raw GROUP BY. */
function compare(report: Report, raw: Map<string, RawRow>, groupBy: RawGrouping[]): string[] {
  const problems: string[] = [];
  const isEmpty = (r: RawRow) =>
    COUNT_NAMES.every((m) => r.counts[m] === 0) &&
    AMOUNT_NAMES.every((m) => [...r.amounts[m].values()].every((v) => v === 0));
  const rawRows = [...raw.values()].filter((r) => !isEmpty(r));
  if (report.total !== rawRows.length) problems.push(`rows: report ${report.total}, raw ${rawRows.length}`);
  for (const row of report.rows) {
    const key = groupBy.map((g) => row.key[g] ?? '').join('\u0000');
    const r = raw.get(key);
    const problem = r ? sameValues(row.values, r) : 'missing from the raw GROUP BY';
    if (problem) problems.push(`row ${key.replaceAll('\u0000', ' × ')}: ${problem}`);
  }
  const totals = emptyRaw();
  for (const r of rawRows) {
    for (const m of COUNT_NAMES) totals.counts[m] += r.counts[m];
    for (const m of AMOUNT_NAMES)
      for (const [c, minor] of r.amounts[m]) totals.amounts[m].set(c, (totals.amounts[m].get(c) ?? 0) + minor);
  }
  const problem = sameValues(report.totals, totals);
  if (problem) problems.push(`totals: ${problem}`);
  return problems;
}

// ---- Timing ----

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; median: number; runs: number[] }> {
  const result = await fn(); // warm-up: page cache, JIT, statement cache
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return { result, median: median(runs), runs };
}

/** The context with db.all watched: the report's one cube query is kept (and timed) for EXPLAIN. */
function watched(ctx: TenantContext) {
  const queries: SQL[] = [];
  let allMs = 0;
  const db = new Proxy(ctx.db, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (property === 'all')
        return async (query: SQL) => {
          queries.push(query);
          const t0 = performance.now();
          const rows = await (value as (q: SQL) => Promise<unknown>).call(target, query);
          allMs += performance.now() - t0;
          return rows;
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ctx: { ...ctx, db }, queries, sqlMs: () => allMs };
}

const toQuery = (db: Db, query: SQL) =>
  (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);

interface PlanLine {
  id: number;
  parent: number;
  detail: string;
}

async function explain(db: Db, { sql, params }: { sql: string; params: unknown[] }): Promise<PlanLine[]> {
  const client = (
    db as unknown as {
      $client: { execute(q: { sql: string; args: unknown[] }): Promise<{ rows: Array<Record<string, unknown>> }> };
    }
  ).$client;
  const plan = await client.execute({ sql: `explain query plan ${sql}`, args: params });
  return plan.rows.map((r) => ({ id: Number(r.id), parent: Number(r.parent), detail: String(r.detail) }));
}

/**
 * What the plan says about the cube tables (alias t): read by a full scan, or searched by their
 * index but as the OUTER loop of the join with the spans, so each cube row of the whole period
 * meets every span (rows × spans) and no span's own bounds narrow the index range. Siblings under
 * one parent are the join's loops, outermost first.
 */
function planVerdicts(plan: PlanLine[]): string[] {
  const verdicts: string[] = [];
  const spanCount = (subquery: string) => {
    const head = plan.find((l) => l.detail.endsWith(`(${subquery})`) && /^(CO-ROUTINE|MATERIALIZE)/.test(l.detail));
    const rows = plan.find((l) => l.parent === head?.id && /CONSTANT ROW/.test(l.detail))?.detail ?? '';
    return Number(/(\d+) CONSTANT ROWS/.exec(rows)?.[1] ?? (rows ? 1 : Number.NaN));
  };
  for (const [i, line] of plan.entries()) {
    if (!/^(SCAN|SEARCH) t\b/.test(line.detail)) continue;
    if (/^SCAN t\b/.test(line.detail)) verdicts.push(`full scan of a cube table: ${line.detail}`);
    const spans = plan.slice(i + 1).find((l) => l.parent === line.parent && /^SCAN \(subquery-\d+\)/.test(l.detail));
    if (spans) {
      const n = spanCount(spans.detail.slice(6, -1));
      verdicts.push(
        `the cube table is the outer loop of its join with ${n} span${n === 1 ? '' : 's'}` +
          `: every row in the period's whole range meets every span (rows × ${n}): ${line.detail}`,
      );
    }
  }
  return verdicts;
}

function printPlan(plan: PlanLine[]) {
  const depth = new Map<number, number>([[0, 0]]);
  for (const line of plan) {
    const d = (depth.get(line.parent) ?? 0) + 1;
    depth.set(line.id, d);
    console.log(`      ${'  '.repeat(d - 1)}${line.detail}`);
  }
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

async function benchReport(
  ctx: TenantContext,
  title: string,
  query: { from: string; to: string; groupBy: RawGrouping[]; timeZone?: string },
): Promise<boolean> {
  const zone = query.timeZone ?? ZONE;
  const parsed = ReportQuerySchema.parse({
    ...(query.timeZone ? { timeZone: query.timeZone } : {}),
    period: 'custom',
    from: query.from,
    to: query.to,
    groupBy: query.groupBy.join(','),
    metrics: METRICS_ASKED,
    limit: 1000,
  });
  const aggregate = await timed(() => runOperatorReport(ctx, parsed));
  const report = aggregate.result;
  // The period's UTC instants: local midnight of its first day and of the day after its last.
  const midnight = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedStart(zone, y, m, d);
  };
  const range = { start: midnight(report.period.from), end: midnight(addDays(report.period.to, 1)) };
  const raw = await timed(() => rawReport(ctx.db, range, query.groupBy, zone));
  const problems = compare(report, raw.result, query.groupBy);

  const probe = watched(ctx);
  const t0 = performance.now();
  await runOperatorReport(probe.ctx, parsed);
  const probeMs = performance.now() - t0;
  const cubeQuery = probe.queries.map((q) => toQuery(ctx.db, q)).find((q) => /"stats_/.test(q.sql));

  const ratio = raw.median / aggregate.median;
  console.log(`\n  ${title} (${report.period.from} – ${report.period.to}, ${report.period.timeZone})`);
  console.log(
    `    aggregates (runOperatorReport) ${ms(aggregate.median).padStart(8)} ms` +
      `   runs ${aggregate.runs.map(ms).join(', ')}   target < ${TARGET_MS} ms: ${aggregate.median < TARGET_MS ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `      of which the cube query       ${ms(probe.sqlMs()).padStart(8)} ms   (one more run, watched: ${ms(probeMs)} ms in all)`,
  );
  console.log(
    `    raw GROUP BY (clicks + events) ${ms(raw.median).padStart(8)} ms   runs ${raw.runs.map(ms).join(', ')}`,
  );
  console.log(
    `    ratio raw / aggregates: ${ratio.toFixed(1)}×   target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `    rows ${report.total.toLocaleString('en')} (page of ${report.rows.length} checked row by row, totals, row count)` +
      `: ${problems.length === 0 ? 'aggregates == raw' : `MISMATCH (${problems.length})`}`,
  );
  for (const p of problems.slice(0, 8)) console.log(`      MISMATCH ${p}`);
  console.log(
    `    totals: clicks ${report.totals.clicks}, unique ${report.totals.uniqueClicks}, registrations ${report.totals.registrations}` +
      `, FTDs ${report.totals.ftdCount} ${shownReport(report.totals.ftdAmount)}, deposits ${report.totals.depositCount}, NGR ${shownReport(report.totals.ngr)}`,
  );
  if (cubeQuery) {
    const plan = await explain(ctx.db, cubeQuery);
    const verdicts = planVerdicts(plan);
    console.log(
      `    EXPLAIN QUERY PLAN of the cube query (${cubeQuery.sql.length.toLocaleString('en')} characters of SQL)` +
        `${verdicts.length === 0 ? ': the spans are the outer loop, each searches its cube by index' : ':'}`,
    );
    for (const v of verdicts) console.log(`      ${v}`);
    printPlan(plan);
  } else console.log('    (the cube query was not seen: no EXPLAIN)');
  return problems.length === 0;
}

// ---- Entry ----

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

export async function benchReports(): Promise<void> {
  const cachePath = process.env.KABINET_BENCH_REPORTS_DB ? resolve(process.env.KABINET_BENCH_REPORTS_DB) : null;
  const dir = cachePath ? null : mkdtempSync(join(tmpdir(), 'kabinet-bench-reports-'));
  const path = cachePath ?? join(dir!, 'reports.db');
  const marker = `${path}.bench.json`;
  const migrations = (
    JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
  ).entries.length;
  const config = { dataVersion: DATA_VERSION, clicks: CLICKS, batch: BATCH, seed: SEED, start: START, days: DAYS };
  const cached = cachePath && existsSync(path) && existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : null;
  const reuse = cached && JSON.stringify(cached.config) === JSON.stringify(config);
  console.log(
    `\nReports: ${CLICKS.toLocaleString('en')} clicks over ${DAYS} days and ~${(CLICKS / 10).toLocaleString('en')} player events, one operator in ${ZONE}`,
  );
  if (reuse)
    console.log(
      `  database: reusing ${path} (KABINET_BENCH_REPORTS_DB; generated ${cached.generatedAt}` +
        ` in ${(cached.generated.catalogMs / 1000 + cached.generated.trafficMs / 1000).toFixed(0)} s, ${cached.migrations} migrations then, ${migrations} now)`,
    );
  else {
    console.log(
      cachePath
        ? `  database: generating fresh into ${path} (KABINET_BENCH_REPORTS_DB: kept and reused next time)`
        : `  database: generating fresh in ${path} (removed at the end; KABINET_BENCH_REPORTS_DB=path keeps and reuses it)`,
    );
    for (const suffix of ['', '-wal', '-shm', '.bench.json']) rmSync(`${path}${suffix}`, { force: true });
  }
  const { db, close } = await openLibsqlDatabase(`file:${path}`);
  const client = (
    db as unknown as {
      $client: { execute(q: string): Promise<{ rows: Array<Record<string, unknown>> }> };
    }
  ).$client;
  try {
    let generated: Generated;
    if (reuse) generated = cached.generated as Generated;
    else {
      generated = await generate(db);
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      writeFileSync(
        marker,
        JSON.stringify({ config, migrations, generated, generatedAt: new Date().toISOString() }, null, 2),
      );
      const seconds = (generated.catalogMs + generated.trafficMs) / 1000;
      console.log(
        `  generated in ${seconds.toFixed(0)} s: catalog ${(generated.catalogMs / 1000).toFixed(1)} s,` +
          ` traffic ${(generated.trafficMs / 1000).toFixed(0)} s` +
          ` (${(generated.clicks / (generated.trafficMs / 1000)).toFixed(0)} clicks/s with their events and aggregates,` +
          ` batches of ${BATCH.toLocaleString('en')} clicks)`,
      );
    }
    const countOf = async (table: string) =>
      Number((await client.execute(`select count(*) as n from "${table}"`)).rows[0]!.n);
    console.log(
      `  database file ${gb(fileSize(path))} (+ WAL ${gb(fileSize(`${path}-wal`))})` +
        `   clicks ${(await countOf('clicks')).toLocaleString('en')}   player_events ${(await countOf('player_events')).toLocaleString('en')}`,
    );
    const cubeTables = [...CUBES.map((c) => c.table), PARAMETER_CUBE.table].map((t) => getTableName(t));
    const cubeCounts: string[] = [];
    for (const table of cubeTables) cubeCounts.push(`${table} ${(await countOf(table)).toLocaleString('en')}`);
    console.log(`  cube rows: ${cubeCounts.join(', ')}`);

    const clock = systemClock;
    const deps: ServiceContext = {
      db,
      clock,
      jobs: createOutbox(db, clock),
      version: 'bench',
      secretBox: await createSecretBox('bench-reports-secret-0123456789abcdef'),
      mailTransport: null,
      publicUrl: 'http://bench.invalid',
      outbound: createGuardedOutbound(),
      maxBoundParams: 32_000,
    };
    const ctx = withTenant(deps, OPERATOR_ID);
    // The hourly job's work, all at once: closed local days summed from the quarter hours.
    const rollUpStarted = performance.now();
    const rolled = await rollUpLocalDays(ctx);
    const localRows = [];
    for (const { table } of LOCAL_DAY_CUBES)
      localRows.push(`${getTableName(table)} ${(await countOf(getTableName(table))).toLocaleString('en')}`);
    console.log(
      `  local-day roll-up (${rolled.timeZone}): ${rolled.days} days summed in ${((performance.now() - rollUpStarted) / 1000).toFixed(1)} s` +
        `${rolled.days === 0 ? ' (already rolled up in the reused database)' : ''}` +
        `; rows: ${localRows.join(', ')}`,
    );
    console.log(
      `  each report: median of ${RUNS} runs after a warm-up, the same process and database;` +
        ` raw = the same numbers by GROUP BY over clicks and player_events (targets indicative: shared machines are noisy)`,
    );
    const ok = [
      await benchReport(ctx, '90 days by day × campaign', {
        from: '2026-08-01',
        to: '2026-10-29',
        groupBy: ['day', 'campaign'],
      }),
      await benchReport(ctx, '30 days by country × device', {
        from: '2026-09-30',
        to: '2026-10-29',
        groupBy: ['country', 'device'],
      }),
      // Another zone than the operator's: no local days to read, UTC days mended by hours and quarters.
      await benchReport(ctx, '30 days by day × campaign in another zone (read from the UTC cubes)', {
        from: '2026-09-30',
        to: '2026-10-29',
        groupBy: ['day', 'campaign'],
        timeZone: 'Asia/Kolkata',
      }),
    ];
    if (ok.includes(false)) console.log('\n  MISMATCH: a report differs from the raw GROUP BY (see above)');
  } finally {
    close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
