/**
 * The demo network and its seed: the demo network served on loopback (as the demo server serves
 * it, under its pinned name), Lucky Spin's seeded connection pushes its eight leads there (one a
 * duplicate), and each "sync now" moves the orders one step into conversions of the partner
 * whose clicks they were. A restarted demo network keeps its orders (the state file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/test-app.ts';
import { freePort } from './helpers/processes.ts';
import { createGuardedOutbound } from '../edge/outbound-http.ts';
import { runDueJobs } from '../core/jobs/outbox.ts';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { listConnections } from '../core/modules/networks/service.ts';
import { listLeads } from '../core/modules/network-api/leads.ts';
import { networkApiHandlers } from '../core/modules/network-api/jobs.ts';
import { syncConnection } from '../core/modules/network-api/sync-runs.ts';
import { listOperatorConversions } from '../core/modules/conversions/service.ts';
import { DEMO_NETWORK_HOST, createDemoNetwork, demoNetworkPin } from '../demo/demo-network.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let server: ServerType;
let port = 0;
let dir = '';
let tenant: TenantContext;
let deps: Awaited<ReturnType<typeof createTestApp>>['deps'];
const lucky = DEMO_OPERATORS[0]!;

function startNetwork() {
  server = serve({
    fetch: createDemoNetwork({ stateFile: join(dir, 'demo-network.json') }).fetch,
    port,
    hostname: '127.0.0.1',
  });
}
const stopNetwork = () => new Promise<void>((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  t = await createTestApp();
  // The demo network moves orders as of real time (its clock is the server's).
  t.clock.set(new Date());
  dir = mkdtempSync(join(tmpdir(), 'kb-demo-network-'));
  port = await freePort();
  startNetwork();
  deps = { ...t.deps, outbound: createGuardedOutbound({ hostMap: demoNetworkPin(port) }) };
  await seedDemo(deps, [], {
    publicUrl: 'http://kabinet.test',
    clicks: 400,
    networkBaseUrl: `http://${DEMO_NETWORK_HOST}:${port}/demo/network`,
  });
  tenant = withTenant(deps, lucky.id);
}, 120_000);
afterAll(async () => {
  await stopNetwork();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo network', () => {
  it('takes the seeded leads, and each sync moves their orders a step into attributed conversions', async () => {
    const connection = (await listConnections(tenant)).find((c) => c.name === 'Demo CPA network')!;
    expect(connection).toMatchObject({ networkKey: 'kma', postbackMode: 'api' });
    await runDueJobs(deps.db, deps.clock, networkApiHandlers(deps), 50, 4);
    const leads = (await listLeads(tenant, { connectionId: connection.id, limit: 50 })).data;
    expect(leads.map((l) => l.state).sort()).toEqual([...Array(7).fill('pushed'), 'duplicate'].sort());

    const first = await syncConnection(tenant, { connectionId: connection.id });
    expect(first).toMatchObject({ outcome: 'ok', itemsSeen: 7, itemsChanged: 7 });
    const held = await listOperatorConversions(tenant, { connectionId: connection.id, limit: 50 });
    expect(held.map((c) => c.status)).toEqual(Array(7).fill('hold'));
    expect(new Set(held.map((c) => c.partnerId))).toEqual(new Set([lucky.partnerId]));

    // Restarted, the network still has its orders.
    await stopNetwork();
    startNetwork();
    const second = await syncConnection(tenant, { connectionId: connection.id });
    expect(second).toMatchObject({ outcome: 'ok', itemsChanged: 7 });
    const decided = await listOperatorConversions(tenant, { connectionId: connection.id, limit: 50 });
    const counts = Object.fromEntries(
      ['approve', 'cancel', 'trash'].map((s) => [s, decided.filter((c) => c.status === s).length]),
    );
    expect(counts.approve! + counts.cancel! + counts.trash!).toBe(7);
    expect(counts.approve).toBeGreaterThan(0);
    expect(decided.filter((c) => c.status === 'approve').every((c) => c.currency === 'EUR' && c.payout !== null)).toBe(
      true,
    );
  });
});
