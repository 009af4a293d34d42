/**
 * Clicks through the CLICKS queue on real workerd (Miniflare's Queues, D1): every 302 waited for
 * its click's send, the consumer stores them all with their aggregates in batches, and a click
 * delivered again (the queue delivers at least once) is neither stored nor counted twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QueuedClick } from '../../core/modules/tracking/queued-clicks.ts';
import { startSeededWorkerd } from '../helpers/workerd.ts';

const CODE = 'LU0X0KKK';
let workerd: Awaited<ReturnType<typeof startSeededWorkerd>>;
beforeAll(async () => {
  workerd = await startSeededWorkerd('clicks', { clicks: 0 }, { clickQueue: true });
}, 120_000);
afterAll(() => workerd?.dispose());

const first = async <T>(sql: string) => (await workerd.d1.prepare(sql).first()) as T;
const queuedStored = () =>
  first<{ n: number }>(
    `select count(*) as n from clicks, json_each(clicks.params) where json_extract(json_each.value, '$[0]') = 'clickID'
       and json_extract(json_each.value, '$[1]') like 'q-%'`,
  ).then((r) => r.n);
const totals = () =>
  first<{ stored: number; counted: number }>(
    `select (select count(*) from clicks) as stored,
            (select coalesce(sum(clicks + bot_clicks), 0) from stats_full_q) as counted`,
  );

async function until(condition: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the queue consumer did not store the clicks in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('answers each 302 after its send, and the consumer stores every click with its aggregates', async () => {
  const before = await totals();
  const answers: number[] = [];
  for (let round = 0; round < 10; round++) {
    const statuses = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const res = await fetch(`${workerd.baseUrl}/t/${CODE}?clickID=q-${round}-${i}`, {
          redirect: 'manual',
          headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' },
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    answers.push(...statuses);
  }
  expect(answers.filter((s) => s === 302)).toHaveLength(250);
  await until(async () => (await queuedStored()) === 250);
  const after = await totals();
  expect(after.stored - before.stored).toBe(250);
  expect(after.counted - before.counted).toBe(250);
});

it('stores and counts nothing twice when a click is delivered again', async () => {
  const row = await first<Record<string, unknown>>(`select * from clicks order by created_at desc limit 1`);
  const again: QueuedClick = {
    id: row.id as string,
    operatorId: row.operator_id as string,
    partnerId: row.partner_id as string,
    campaignId: row.campaign_id as string,
    promoId: row.promo_id as string,
    brandId: row.brand_id as string | null,
    planId: row.plan_id as string | null,
    landingId: row.landing_id as string | null,
    creativeId: row.creative_id as string | null,
    trafficSourceId: row.traffic_source_id as string | null,
    createdAt: row.created_at as number,
    params: JSON.parse(row.params as string),
    ipPrefix: row.ip_prefix as string | null,
    country: row.country as string | null,
    device: row.device as string | null,
    os: row.os as string | null,
    browser: row.browser as string | null,
    referrer: row.referrer as string | null,
    isBot: row.is_bot === 1,
    isUnique: row.is_unique === 1,
  };
  const before = await totals();
  const queue = await workerd.mf.getQueueProducer<QueuedClick>('CLICKS');
  // The repeat and a new click in one delivery: only the new one is stored.
  await queue.sendBatch([{ body: again }, { body: { ...again, id: `${again.id}x`, params: [['clickID', 'q-new']] } }]);
  await until(async () => (await totals()).stored === before.stored + 1);
  await new Promise((r) => setTimeout(r, 500));
  const after = await totals();
  expect(after).toEqual({ stored: before.stored + 1, counted: before.counted + 1 });
});
