/**
 * Queued clicks (the Workers path) on a libSQL file with D1's 100-parameter statements: a batch is
 * stored with its aggregates, a redelivered batch stores and counts nothing twice, and repeats
 * inside one batch are one click.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { createQueuedClickWriter, storeQueuedClicks, type QueuedClick } from './queued-clicks.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

function click(id: string, at: string, bot = false): QueuedClick {
  return {
    id,
    operatorId: 'op_1',
    partnerId: 'pa_1',
    campaignId: 'ca_1',
    promoId: 'pr_1',
    brandId: null,
    planId: null,
    landingId: null,
    creativeId: null,
    trafficSourceId: null,
    createdAt: Date.parse(at),
    params: [['sub1', id]],
    ipPrefix: '203.0.113.0/24',
    country: 'DE',
    device: bot ? 'bot' : 'mobile',
    os: 'Android',
    browser: 'Chrome',
    referrer: null,
    isBot: bot,
    isUnique: !bot,
  };
}

const totals = async () => {
  const [stored] = await t.deps.db.all<{ n: number }>(sql`select count(*) as n from clicks`);
  const [counted] = await t.deps.db.all<{ clicks: number; bots: number }>(
    sql`select coalesce(sum(clicks), 0) as clicks, coalesce(sum(bot_clicks), 0) as bots from stats_full_q`,
  );
  return { stored: stored!.n, clicks: counted!.clicks, bots: counted!.bots };
};

it('stores a batch with its aggregates, and a redelivered batch stores and counts nothing twice', async () => {
  const batch = Array.from({ length: 120 }, (_, i) => click(`v_${i}`, '2026-11-30T10:00:00Z', i % 10 === 0));
  expect(await storeQueuedClicks(t.deps.db, batch, { maxParams: 100 })).toEqual({ stored: 120, repeated: 0 });
  expect(await totals()).toEqual({ stored: 120, clicks: 108, bots: 12 });
  // The consumer died before acknowledging: the same batch again, with two new clicks.
  const again = [...batch, click('v_new1', '2026-11-30T11:00:00Z'), click('v_new2', '2026-11-30T11:00:00Z')];
  expect(await storeQueuedClicks(t.deps.db, again, { maxParams: 100 })).toEqual({ stored: 2, repeated: 120 });
  expect(await totals()).toEqual({ stored: 122, clicks: 110, bots: 12 });
});

it('stores a click repeated inside one batch once', async () => {
  const one = click('v_1', '2026-11-30T10:00:00Z');
  expect(await storeQueuedClicks(t.deps.db, [one, one, one])).toEqual({ stored: 1, repeated: 2 });
  expect(await totals()).toEqual({ stored: 1, clicks: 1, bots: 0 });
});

it('the writer hands the queue a message with the time as milliseconds, and waits for the send', async () => {
  const sent: QueuedClick[] = [];
  let release!: () => void;
  const writer = createQueuedClickWriter({
    send: (body) => {
      sent.push(body);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  });
  const { createdAt, ...rest } = click('v_9', '2026-11-30T10:00:00Z');
  let done = false;
  const writing = writer.write({ ...rest, createdAt: new Date(createdAt) }).then(() => {
    done = true;
  });
  await new Promise((r) => setTimeout(r, 10));
  expect(done).toBe(false);
  release();
  await writing;
  expect(sent).toEqual([click('v_9', '2026-11-30T10:00:00Z')]);
});
