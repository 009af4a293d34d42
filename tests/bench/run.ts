/**
 * `npm run bench`: throughput ratios measured side by side in one run. Each server runs in its own
 * child process; one load generator (autocannon, in this process) drives them in turn, A/B/A/B,
 * so drift on the machine hits both. Then the reports benchmark (reports.ts), in this process,
 * after the servers have stopped, and the 1,000,000-row CSV report export (report-export.ts).
 * Prints each figure and the ratio; asserts nothing.
 * A subset: `npm run bench -- clicks,reports` (or BENCH_ONLY=clicks,reports) of
 * health, clicks, postbacks, inbound, events, reports, billing, export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { benchClickServers } from './clicks.ts';
import { BENCH_TRACKER_HOST, benchInboundNetwork, benchPostbacks } from './postbacks.ts';
import { benchReports } from './reports.ts';
import { benchBilling } from './billing.ts';
import { benchReportExport } from './report-export.ts';
import { compare, startServer } from './servers.ts';

const ALL = ['health', 'clicks', 'postbacks', 'inbound', 'events', 'reports', 'billing', 'export'];
const only = new Set(
  (process.argv.slice(2).join(',') || process.env.BENCH_ONLY || ALL.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const unknown = [...only].filter((name) => !ALL.includes(name));
if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(', ')}: choose from ${ALL.join(', ')}`);

const IN_PROCESS = new Set(['reports', 'billing', 'export']);
if (ALL.some((name) => !IN_PROCESS.has(name) && only.has(name))) await benchServers();
if (only.has('reports')) await benchReports();
if (only.has('billing')) await benchBilling();
if (only.has('export')) await benchReportExport();

/** The HTTP benches: each server in its own process, one database file each. */
async function benchServers() {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-bench-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const kabinet = await startServer('edge/node.ts', {
    DATABASE_URL: databaseUrl,
    KABINET_SEED_CLICKS: '0',
    KABINET_POSTBACK_HOST_MAP: `${BENCH_TRACKER_HOST}=127.0.0.1`,
  });
  const bare = await startServer('tests/bench/bare-health-server.ts', {});
  const bareRedirect = await startServer('tests/bench/bare-redirect-server.ts', {});
  try {
    if (only.has('health'))
      await compare(
        'GET /health on Node: Kabinet (Hono + libSQL file, database pinged at most once a second) vs bare node:http',
        kabinet,
        bare,
        '/health',
      );
    if (only.has('clicks')) await benchClickServers(dir, { baseUrl: kabinet.baseUrl, databaseUrl }, bareRedirect);
    // Postbacks first: it switches the demo's postbacks off, so the event bench measures ingest alone.
    if (only.has('postbacks')) await benchPostbacks(kabinet.baseUrl, databaseUrl);
    if (only.has('inbound')) await benchInboundNetwork(kabinet.baseUrl, bare.baseUrl);
    if (only.has('events')) await benchEventIngest(kabinet.baseUrl);
  } finally {
    await kabinet.stop();
    await bare.stop();
    await bareRedirect.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Player events in batches of 1,000 with the idempotency check on; then the same batches again (all duplicates). */
async function benchEventIngest(baseUrl: string) {
  const demo = DEMO_OPERATORS[0]!;
  const operator = createKabinetClient(baseUrl, { secretKey: demo.apiKey });
  const batches = 20;
  const make = (b: number) =>
    Array.from({ length: 1000 }, (_, i) => ({
      id: `bench-${b}-${i}`,
      type: i % 3 === 0 ? 'first_deposit' : 'registration',
      playerId: `bench-p-${b}-${i}`,
      brand: demo.brands[0]!.id,
      promoCode: 'LUC0',
      occurredAt: '2026-11-24T10:00:00Z',
      ...(i % 3 === 0 ? { amount: '25.00', currency: 'EUR' } : {}),
    }));
  for (const pass of ['new events', 'repeats (idempotency)'] as const) {
    let accepted = 0;
    let duplicates = 0;
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const r = await unwrap(operator.v1.events.$post({ json: { events: make(b) } }));
      accepted += r.accepted;
      duplicates += r.duplicates;
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `\nPOST /v1/events, ${batches} batches × 1,000, ${pass}: ${((batches * 1000) / seconds).toFixed(0)} events/s (accepted ${accepted}, duplicates ${duplicates})`,
    );
  }
}
