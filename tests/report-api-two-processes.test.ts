/**
 * The Report API's rate limit with two real Node server processes on one libSQL file: calls with
 * one statistic token spread over both at once. A counter in memory would let each process allow
 * its own 60; the count in the database allows 60 in all.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unwrap } from '../core/sdk/index.ts';
import { createTestApp } from './helpers/test-app.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { freePort, startProcess, waitForHealth } from './helpers/processes.ts';
import { REPORT_API_CALLS_PER_MINUTE } from '../core/modules/statistics/report-api-rate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverScript = `(async () => {
  const { serve } = await import('@hono/node-server');
  const { readServerConfig } = await import(${JSON.stringify(join(root, 'edge/config.ts'))});
  const { boot } = await import(${JSON.stringify(join(root, 'edge/boot.ts'))});
  const config = readServerConfig(process.env);
  const kabinet = await boot(config, 'node', { env: process.env, clientIp: () => '127.0.0.1' });
  serve({ fetch: kabinet.app.fetch, port: config.port, hostname: '127.0.0.1' });
  process.once('SIGTERM', () => void kabinet.shutdown().then(() => process.exit(0)));
})();`;

let t: Awaited<ReturnType<typeof createTestApp>>;
let servers: Array<ReturnType<typeof startProcess> & { base: string }> = [];
let token = '';

beforeAll(async () => {
  t = await createTestApp();
  const op = await t.addOperator('Limits');
  await activePartner(t, op.operator.id, 'limits@example.com');
  const { client } = await signedInClient(t, op.operator.id, 'limits@example.com');
  token = (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;
  const { rows } = await (
    t.deps.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
  ).$client.execute('PRAGMA database_list');
  servers = await Promise.all(
    [1, 2].map(async () => {
      const port = await freePort();
      const server = startProcess(join(root, 'node_modules/.bin/tsx'), ['-e', serverScript], {
        DATABASE_URL: `file:${rows[0]!.file}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        KABINET_SEED: 'none',
        KABINET_SECRET: 'test-secret-0123456789abcdef-0123456789',
        NODE_ENV: 'production',
      });
      const base = `http://127.0.0.1:${port}`;
      await waitForHealth(base, server.child, server.output);
      return { ...server, base };
    }),
  );
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
