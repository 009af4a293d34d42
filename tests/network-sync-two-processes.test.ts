/**
 * The minutely network-sync pass in two real Node processes at once, each firing it three times
 * concurrently on one libSQL file while the stand-in network (on loopback, written for the tests)
 * answers slowly: no in-process lock sees across processes, so only the adapter row's lease
 * (a conditional update) keeps it to one sync, one request and one conversion change.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess } from './helpers/processes.ts';
import { createTestApp, TEST_TRACKER_HOST } from './helpers/test-app.ts';
import { partnerWithCampaign } from './helpers/campaign.ts';
import { startStandInNetwork } from './helpers/stand-in-network.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const AT = '2026-11-24T10:05:00Z';
const runnerScript = `(async () => {
  const { openLibsqlDatabase } = await import(${JSON.stringify(join(root, 'edge/libsql.ts'))});
  const { manualClock } = await import(${JSON.stringify(join(root, 'core/lib/clock.ts'))});
  const { createOutbox } = await import(${JSON.stringify(join(root, 'core/jobs/outbox.ts'))});
  const { createSecretBox } = await import(${JSON.stringify(join(root, 'core/lib/crypto.ts'))});
  const { createGuardedOutbound } = await import(${JSON.stringify(join(root, 'edge/outbound-http.ts'))});
  const jobs = await import(${JSON.stringify(join(root, 'core/modules/network-api/jobs.ts'))});
  const { db, close } = await openLibsqlDatabase(process.env.DATABASE_URL);
  const clock = manualClock(process.env.AT);
  const failures = [];
  const deps = {
    db, clock, jobs: createOutbox(db, clock), version: 'test', mailTransport: null, publicUrl: 'http://kabinet.test',
    secretBox: await createSecretBox('test-secret-0123456789abcdef-0123456789'),
    outbound: createGuardedOutbound({ hostMap: { ${JSON.stringify(TEST_TRACKER_HOST)}: '127.0.0.1' } }),
    reportError: (e) => failures.push(String(e)),
  };
  const run = jobs.networkApiHandlers(deps)[jobs.SYNC_DUE_JOB];
  await Promise.all(Array.from({ length: 3 }, () => run({ db, clock, job: {} }, {})));
  close();
  console.log(failures.length ? 'FAILED ' + failures.join('; ') : 'RAN');
  process.exit(failures.length ? 1 : 0);
})();`;

let t: Awaited<ReturnType<typeof createTestApp>>;
let network: Awaited<ReturnType<typeof startStandInNetwork>>;
let connectionId = '';
let key = '';

beforeAll(async () => {
  t = await createTestApp();
  const world = await partnerWithCampaign(t);
  key = world.op.key;
  network = await startStandInNetwork({
    paging: 'none',
    authenticate: () => null,
    now: () => Date.parse(AT),
    delayMs: 400,
  });
  const call = async (method: string, path: string, body: unknown) =>
    (
      await t.fetchApp(`http://kabinet.test${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<any>;
  const connection = await call('POST', '/v1/network_connections', {
    kind: 'network',
    networkKey: 'kma',
    name: 'KMA',
    settings: { api_token: 'kma-token-0001' },
  });
  connectionId = connection.id;
  await call('PUT', `/v1/network_connections/${connectionId}/api`, {
    auth: { style: 'query', name: 'api_key', value: '{{settings.api_token}}' },
    statusPoll: {
      url: `${network.base}/api/orders{?from,to}`,
      itemsPath: '$.result.items[*]',
      orderIdPath: '$.order.id',
      subIdPath: '$.sub_id1',
      statusPath: '$.state',
      statusWords: { sta: 'confirmed' },
    },
  });
  const visit = new URL((await t.fetchApp(world.trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;
  network.addOrder({ id: 'o1', sub: visit, status: 'confirmed', payout: null, currency: null });
}, 60_000);
afterAll(async () => {
  await network?.close();
  t?.dispose();
});

describe('network sync across two processes', () => {
  it('runs one sync of a due connection however many passes start it', async () => {
    const { rows } = await (
      t.deps.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
    ).$client.execute('PRAGMA database_list');
    const env = { DATABASE_URL: `file:${rows[0]!.file}`, AT };
    const runners = [0, 1].map(() => startProcess(join(root, 'node_modules/.bin/tsx'), ['-e', runnerScript], env));
    const codes = await Promise.all(
      runners.map((r) => new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)))),
    );
    expect(codes, runners.map((r) => r.output()).join('\n')).toEqual([0, 0]);
    expect(network.requests).toHaveLength(1);
    const res = await t.fetchApp('http://kabinet.test/v1/conversions', { headers: { authorization: `Bearer ${key}` } });
    const conversions = ((await res.json()) as { data: Array<{ status: string }> }).data;
    expect(conversions.map((c) => c.status)).toEqual(['approve']);
    const view = await t.fetchApp(`http://kabinet.test/v1/network_connections/${connectionId}/api`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await view.json()) as any).sync).toMatchObject({
      lastOutcome: 'ok',
      syncedUntil: new Date(AT).toISOString(),
    });
  }, 120_000);
});
