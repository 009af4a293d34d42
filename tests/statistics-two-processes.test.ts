/**
 * Aggregates with two real Node server processes on one libSQL file: clicks on both, and the
 * same event batches sent to both at the same moment. An in-memory guard cannot see across
 * processes: only the database keeps every click counted once and every event once (a batch that
 * loses the race for an event id fails whole and is decided again, finding the event stored).
 * The report must equal a count of the raw rows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createKabinetClient, unwrap } from '../core/sdk/index.ts';
import { createTestApp } from './helpers/test-app.ts';
import { partnerWithCampaign } from './helpers/campaign.ts';
import { databaseFileUrl, startKabinetServer } from './helpers/processes.ts';
import { createOutbox } from '../core/jobs/outbox.ts';
import { systemClock } from '../core/lib/clock.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let servers: Array<Awaited<ReturnType<typeof startKabinetServer>>> = [];
let fixture: Awaited<ReturnType<typeof partnerWithCampaign>>;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await partnerWithCampaign(t, { promoCode: 'LATE2026' });
  const url = await databaseFileUrl(t.deps.db);
  servers = await Promise.all([1, 2].map(() => startKabinetServer(url)));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  t?.dispose();
});

it('counts every click and every event once when two processes write the same things at once', async () => {
  const code = new URL(fixture.trackingLink).pathname.split('/').pop()!;
  const ua = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' };
  const clicks = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      fetch(`${servers[i % 2]!.base}/t/${code}?sub1=p${i % 3}`, { redirect: 'manual', headers: ua }).then(
        (r) => new URL(r.headers.get('location')!).searchParams.get('kb_vid')!,
      ),
    ),
  );
  const brand = fixture.brandId;
  const batch = (round: number) =>
    clicks.slice(round * 30, round * 30 + 30).flatMap((visitId, i) => [
      {
        id: `r${round}-${i}`,
        type: 'registration',
        playerId: `p${round}-${i}`,
        brand,
        visitId,
        occurredAt: new Date().toISOString(),
      },
      {
        id: `f${round}-${i}`,
        type: 'first_deposit',
        playerId: `p${round}-${i}`,
        brand,
        amount: '10.00',
        currency: 'EUR',
        occurredAt: new Date().toISOString(),
      },
    ]);
  const send = (server: number, events: unknown[]) =>
    createKabinetClient(servers[server]!.base, { secretKey: fixture.op.key }).v1.events.$post({ json: { events } });
  // Each batch goes to both processes at once, twice over.
  for (let round = 0; round < 4; round++) {
    const answers = await Promise.all([send(0, batch(round)), send(1, batch(round)), send(1, batch(round))]);
    for (const a of answers) expect(a.status).toBe(200);
  }
  const raw = await t.deps.db.all<{ clicks: number; registrations: number; ftd: number }>(
    sql.raw(`select (select count(*) from clicks where is_bot = 0) as clicks,
      (select count(*) from player_events where type = 'registration') as registrations,
      (select count(*) from player_events where type = 'first_deposit') as ftd`),
  );
  expect(raw[0]).toEqual({ clicks: 120, registrations: 120, ftd: 120 });
  const report = await unwrap(
    createKabinetClient(servers[0]!.base, { secretKey: fixture.op.key }).v1.reports.performance.$get({
      query: { period: 'today', timeZone: 'UTC', metrics: 'clicks,registrations,ftdCount,ftdAmount' },
    }),
  );
  expect(report.totals).toEqual({ clicks: 120, registrations: 120, ftdCount: 120, ftdAmount: { EUR: '1200.00' } });
  const bySub = await unwrap(
    createKabinetClient(servers[1]!.base, { secretKey: fixture.op.key }).v1.reports.performance.$get({
      query: {
        period: 'today',
        timeZone: 'UTC',
        groupBy: 'parameter',
        parameter: 'sub1',
        metrics: 'clicks,registrations',
      },
    }),
  );
  expect(bySub.rows.map((r) => [r.key.parameter, r.values.clicks, r.values.registrations])).toEqual([
    ['p0', 40, 40],
    ['p1', 40, 40],
    ['p2', 40, 40],
  ]);
}, 120_000);

it('rolls up local days in both processes while late events arrive, and the days still equal the raw rows', async () => {
  const operator = (i: number) => createKabinetClient(servers[i]!.base, { secretKey: fixture.op.key });
  await unwrap(operator(0).v1.operator.$patch({ json: { timeZone: 'Asia/Kathmandu' } }));
  const brand = fixture.brandId;
  const jobs = createOutbox(t.deps.db, systemClock);
  // Late events dated in closed days (registrations by promo code), sent to both processes, while
  // both runners roll up the same days again and again.
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  for (let round = 0; round < 6; round++) {
    await jobs.enqueueMany(
      [0, 1].map((k) => ({ kind: 'statistics.roll_up_local_days', payload: {}, idempotencyKey: `t${round}-${k}` })),
    );
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `late${round}-${i}`,
      type: 'registration',
      playerId: `late${round}-${i}`,
      brand,
      promoCode: 'LATE2026',
      occurredAt: day(1 + ((round + i) % 4)).toISOString(),
    }));
    const answers = await Promise.all([
      operator(0).v1.events.$post({ json: { events: events.slice(0, 10) } }),
      operator(1).v1.events.$post({ json: { events: events.slice(10) } }),
    ]);
    for (const a of answers) expect(a.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
  }
  const pending = () =>
    t.deps.db.all<{ n: number }>(
      sql`select count(*) as n from jobs where kind = 'statistics.roll_up_local_days' and status <> 'done'`,
    );
  for (let i = 0; i < 100 && (await pending())[0]!.n > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect((await pending())[0]!.n).toBe(0);
  const marksLeft = async (from: number) =>
    (
      await t.deps.db.all<{ n: number }>(sql`select count(*) as n from stats_changed_quarters where bucket < ${from}`)
    )[0]!.n;
  // One more run after the last event: every closed day is rolled up and unchanged since.
  await jobs.enqueue({ kind: 'statistics.roll_up_local_days', payload: {}, idempotencyKey: 'final' });
  for (let i = 0; i < 100 && (await pending())[0]!.n > 0; i++) await new Promise((r) => setTimeout(r, 100));
  const [state] = await t.deps.db.all<{ time_zone: string; rolled_until: number }>(
    sql`select time_zone, rolled_until from stats_rollups`,
  );
  expect(state!.time_zone).toBe('Asia/Kathmandu');
  expect(await marksLeft(state!.rolled_until)).toBe(0);

  const from = day(6).toISOString().slice(0, 10);
  const to = day(1).toISOString().slice(0, 10);
  const report = await unwrap(
    operator(1).v1.reports.performance.$get({
      query: { period: 'custom', from, to, groupBy: 'day', metrics: 'registrations' },
    }),
  );
  // The raw rows' registrations by Kathmandu date (UTC+5:45), in that period.
  const raw = await t.deps.db.all<{ day: string; n: number }>(
    sql`select date((occurred_at + 20700000) / 1000, 'unixepoch') as day, count(*) as n from player_events
      where type = 'registration' group by day`,
  );
  const expected = Object.fromEntries(raw.filter((r) => r.day >= from && r.day <= to).map((r) => [r.day, r.n]));
  expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
  expect(Object.fromEntries(report.rows.map((r) => [r.key.day, r.values.registrations]))).toEqual(expected);
}, 120_000);
