import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../core/db/schema.ts';
import type { Db } from '../../core/db/client.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { defineSmokeSuite } from './smoke-suite.ts';
import { seedAppOn, seedBillingWorld } from '../helpers/billing-world.ts';
import { startWorkerd } from '../helpers/workerd.ts';

// Real workerd through Miniflare, with a local D1 database: edge/worker.ts bundled for Workers.
defineSmokeSuite('workerd', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-'));
  const allowedOrigin = 'https://partners.smoke.example';
  // Sealed with the Worker's own KABINET_SECRET, so the Worker can open the demo connections' secrets.
  const { mf, baseUrl } = await startWorkerd(dir, undefined, { demo: { clicks: 300, origins: [allowedOrigin] } });
  return {
    baseUrl,
    allowedOrigin,
    stop: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('jobs on workerd', () => {
  it('the Cron Trigger schedules housekeeping once a day and runs due jobs (Queue bound as in wrangler.toml)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-jobs-'));
    const { mf, d1 } = await startWorkerd(dir);
    try {
      const worker = await mf.getWorker();
      expect(await worker.scheduled({ cron: '* * * * *' })).toMatchObject({ outcome: 'ok' });
      const done = async () =>
        (
          await d1
            .prepare("select status from jobs where kind = 'maintenance.purge_finished_jobs'")
            .all<{ status: string }>()
        ).results;
      for (let i = 0; i < 100 && (await done())[0]?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await done()).toEqual([{ status: 'done' }]);
      // A second tick on the same day adds no second housekeeping job (idempotency key).
      await worker.scheduled({ cron: '* * * * *' });
      expect(await done()).toHaveLength(1);
    } finally {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('statistics on workerd', () => {
  it('the hourly roll-up sums closed local days on D1, and reports read them with the same numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-stats-'));
    const { mf, d1, baseUrl } = await startWorkerd(dir, undefined, { demo: { clicks: 400 } });
    try {
      const luckySpin = DEMO_OPERATORS[0]!;
      const operator = createKabinetClient(baseUrl, { secretKey: luckySpin.apiKey });
      // In the operator's own zone (the roll-up's), by day and campaign, and by country and device.
      const questions = [
        { period: 'last_30_days' as const, groupBy: 'day,campaign', limit: '1000' },
        { period: 'last_30_days' as const, groupBy: 'country,device', limit: '1000' },
      ];
      // The same Cron tick also bills (the hourly billing run): commissions may appear; the traffic must not move.
      const ask = async () =>
        (await Promise.all(questions.map((query) => unwrap(operator.v1.reports.performance.$get({ query }))))).map(
          ({ commissions: _c, ...traffic }) => traffic,
        );
      const fromUtcCubes = await ask();
      expect(Number(fromUtcCubes[0]!.totals.clicks)).toBeGreaterThan(0);
      const worker = await mf.getWorker();
      await worker.scheduled({ cron: '* * * * *' });
      const rollUp = async () =>
        (
          await d1
            .prepare("select status from jobs where kind = 'statistics.roll_up_local_days'")
            .all<{ status: string }>()
        ).results;
      for (let i = 0; i < 200 && (await rollUp())[0]?.status !== 'done'; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await rollUp()).toEqual([{ status: 'done' }]);
      const rolled = await d1
        .prepare('select time_zone, rolled_until from stats_rollups where operator_id = ?')
        .bind(luckySpin.id)
        .first<{ time_zone: string; rolled_until: number }>();
      expect(rolled?.time_zone).toBe(luckySpin.timeZone);
      expect(rolled!.rolled_until).toBeGreaterThan(Date.now() - 2 * 86_400_000);
      const days = await d1
        .prepare('select count(distinct bucket) as n from stats_promo_ld where operator_id = ?')
        .bind(luckySpin.id)
        .first<{ n: number }>();
      expect(days!.n).toBeGreaterThan(20);
      expect(await ask()).toEqual(fromUtcCubes);
    } finally {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('postbacks on workerd', () => {
  // Seeds the whole demo through Miniflare's D1 proxy first: on a loaded 2-core machine that alone can take 20 s.
  it("an event's postback is delivered through the Queue consumer with fetch, and logged", {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-pb-'));
    // The Worker's outgoing fetches land here: the partner's tracker, as seen from workerd.
    const received: Array<{ url: string; key: string | null }> = [];
    const { mf, baseUrl } = await startWorkerd(
      dir,
      (request) => {
        received.push({ url: request.url, key: request.headers.get('idempotency-key') });
        return new Response('ok');
      },
      { demo: { clicks: 50 } },
    );
    try {
      const demo = DEMO_OPERATORS[0]!;
      const signIn = await unwrap(
        createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
          param: { operatorId: demo.id },
          json: { email: demo.signInEmail, password: DEMO_PASSWORD },
        }),
      );
      const partner = createKabinetClient(baseUrl, { sessionToken: signIn.token! });
      await unwrap(
        partner.v1.partner.postbacks.$post({
          json: {
            scope: 'account',
            action: 'first_deposit',
            url: 'https://tracker.workerd.example/pb?e=${event_id}&a=${amount}&c=${clickID}&p=${promo_id}',
          },
        }),
      );
      const location = (await fetch(`${baseUrl}/t/LU0X0KKK?clickID=wk-1`, { redirect: 'manual' })).headers.get(
        'location',
      )!;
      const visit = new URL(location).searchParams.get('kb_vid')!;
      const operator = createKabinetClient(baseUrl, { secretKey: demo.apiKey });
      await unwrap(
        operator.v1.events.$post({
          json: {
            events: [
              {
                id: 'wk-ftd-1',
                type: 'first_deposit',
                playerId: 'wk-p1',
                brand: demo.brands[0]!.id,
                visitId: visit,
                amount: '40',
                currency: 'EUR',
                occurredAt: '2026-11-24T10:00:00Z',
              },
            ],
          },
        }),
      );
      const mine = () => received.filter((r) => r.url.startsWith('https://tracker.workerd.example/'));
      for (let i = 0; i < 100 && mine().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(mine()).toHaveLength(1);
      expect(mine()[0]!.url).toMatch(/^https:\/\/tracker\.workerd\.example\/pb\?e=wk-ftd-1&a=40\.00&c=wk-1&p=promo_/);
      expect(mine()[0]!.key).toMatch(/^pbd_/);
      let log = (await unwrap(partner.v1.partner.postbacks.log.$get({ query: { url: 'tracker.workerd.example' } })))
        .data;
      for (let i = 0; i < 40 && log.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        log = (await unwrap(partner.v1.partner.postbacks.log.$get({ query: { url: 'tracker.workerd.example' } }))).data;
      }
      expect(log).toMatchObject([{ responseCode: 200, action: 'first_deposit' }]);
      // The demo operator console's proxy works on Workers too (KABINET_DEMO=on): the catalog and the seeded connections.
      const catalog = (await (
        await fetch(`${baseUrl}/demo/operator-backend/${demo.id}/kabinet/v1/networks`)
      ).json()) as { data: unknown[] };
      expect(catalog.data).toHaveLength(48);
      const connections = (await (
        await fetch(`${baseUrl}/demo/operator-backend/${demo.id}/kabinet/v1/network_connections`)
      ).json()) as { data: Array<{ name: string; settings: Record<string, string> }> };
      expect(connections.data.map((c) => c.name)).toEqual(['Our Keitaro', 'DrCash', 'AdBees (ZCPA)']);
      expect(connections.data[1]!.settings.bearer_token).toMatch(/^••••/);
    } finally {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Billing on D1: a hybrid plan whose first version lies in the past and players' events (sent to
 * the Worker, attributed by promo code) in closed periods; the Cron Trigger enqueues the hourly
 * billing run and runs it; the bills read back through the Worker with the amounts the events add
 * up to. D1 binds at most 100 parameters per statement: every billing statement must keep to it.
 */
async function billOnWorkerd(billingPeriod: 'daily' | 'weekly' | 'monthly') {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-billing-'));
  const { mf, d1, baseUrl } = await startWorkerd(dir);
  try {
    // Operator, brand, plan (its version dated in the past by the seeding clock), partners, campaigns
    // and promo codes: written into D1 by an in-process app; the events go through the Worker.
    const seed = await seedAppOn(drizzle(d1 as never, { schema }) as unknown as Db, new Date());
    const world = await seedBillingWorld(seed, {
      name: `Workerd${billingPeriod}`,
      billingPeriod,
      partners: 3,
      playersPerPartner: 6,
      planDaysAgo: 110,
      firstDayAgo: 100,
      lastDayAgo: 35,
      sendEvents: async (key, events) => {
        const answer = await unwrap(
          createKabinetClient(baseUrl, { secretKey: key }).v1.events.$post({ json: { events } }),
        );
        expect(answer.results.filter((r) => r.status !== 'accepted')).toEqual([]);
      },
    });
    const attributed = await d1
      .prepare('select count(*) as n from player_events where operator_id = ? and partner_id is not null')
      .bind(world.operatorId)
      .first<{ n: number }>();
    expect(attributed!.n).toBe(world.events);
    const worker = await mf.getWorker();
    await worker.scheduled({ cron: '0 * * * *' });
    const run = async () =>
      (
        await d1
          .prepare("select status, attempts, last_error from jobs where kind = 'billing.run'")
          .all<{ status: string; attempts: number; last_error: string | null }>()
      ).results;
    for (let i = 0; i < 200 && !['done', 'dead'].includes((await run())[0]?.status ?? ''); i++) {
      if ((await run())[0]?.last_error) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await run())[0], JSON.stringify(await run())).toMatchObject({ status: 'done', last_error: null });
    const operator = createKabinetClient(baseUrl, { secretKey: world.operatorKey });
    const list = await unwrap(operator.v1.bills.$get({ query: { limit: '200' } }));
    expect(Object.fromEntries(list.data.map((b) => [`${b.partner.id}|${b.period.from}`, b.issued]))).toEqual(
      Object.fromEntries([...world.expected.perPeriod].map(([key, minor]) => [key, (minor / 100).toFixed(2)])),
    );
    const total = [...world.expected.issuedMinor.values()].reduce((a, b) => a + b, 0);
    expect(list.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', count: list.data.length, issued: (total / 100).toFixed(2) }),
    ]);
    expect(list.data.every((b) => b.state === 'pending' && b.toPay === b.issued)).toBe(true);
    // One bill in full: its lines add up to it.
    const bill = await unwrap(operator.v1.bills[':billId'].$get({ param: { billId: list.data[0]!.id } }));
    const sum = bill.lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect((sum / 100).toFixed(2)).toBe(bill.issued);
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('billing on workerd', () => {
  it('the Cron Trigger bills closed weeks on D1, and the bills read back with their amounts', async () => {
    await billOnWorkerd('weekly');
  }, 60_000);

  it('the Cron Trigger bills closed months on D1 (a month has up to 31 days of NGR to split)', async () => {
    await billOnWorkerd('monthly');
  }, 60_000);

  it('the Cron Trigger bills closed days on D1 (a day is one part: no split of its NGR)', async () => {
    await billOnWorkerd('daily');
  }, 60_000);
});
