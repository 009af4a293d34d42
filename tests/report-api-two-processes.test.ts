/**
 * The Report API's rate limit with two real Node server processes on one libSQL file: calls with
 * one statistic token spread over both at once. A counter in memory would let each process allow
 * its own 60; the count in the database allows 60 in all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unwrap } from '../core/sdk/index.ts';
import { createTestApp } from './helpers/test-app.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { databaseFileUrl, startKabinetServer } from './helpers/processes.ts';
import { REPORT_API_CALLS_PER_MINUTE } from '../core/modules/statistics/report-api-rate.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let servers: Array<Awaited<ReturnType<typeof startKabinetServer>>> = [];
let token = '';

beforeAll(async () => {
  t = await createTestApp();
  const op = await t.addOperator('Limits');
  await activePartner(t, op.operator.id, 'limits@example.com');
  const { client } = await signedInClient(t, op.operator.id, 'limits@example.com');
  token = (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;
  const url = await databaseFileUrl(t.deps.db);
  servers = await Promise.all([1, 2].map(() => startKabinetServer(url)));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  t?.dispose();
});

it('allows one token 60 calls a minute across both processes, then 429 with Retry-After', async () => {
  // The servers count in real minutes: start the burst early in one, so it cannot span two.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 30_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
  const calls = 2 * REPORT_API_CALLS_PER_MINUTE;
  const answers = await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      fetch(`${servers[i % 2]!.base}/api/customer/v1/partner/report/attributes`, {
        headers: { authorization: i % 3 ? token : `Bearer ${token}` },
      }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() })),
    ),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(REPORT_API_CALLS_PER_MINUTE);
  expect(statuses.filter((s) => s === 429)).toHaveLength(calls - REPORT_API_CALLS_PER_MINUTE);
  for (const refused of answers.filter((a) => a.status === 429)) {
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'rate_limited' });
  }
}, 120_000);
