/**
 * `npm run bench`: throughput ratios measured side by side in one run. Each server runs in its own
 * child process; one load generator (autocannon, in this process) drives them in turn, A/B/A/B,
 * so drift on the machine hits both. Prints each figure and the ratio; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { freePort, startProcess, waitForHealth } from '../helpers/processes.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { BENCH_TRACKER_HOST, benchInboundNetwork, benchPostbacks } from './postbacks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  redirects: number;
}

async function load(url: string, seconds: number): Promise<Measure> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  const redirects = (r.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
  // A 302 is the expected answer of a tracking link, not an error.
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx - redirects,
    redirects,
  };
}

async function startServer(script: string, env: Record<string, string>) {
  const port = await freePort();
  // BENCH_PROFILE=<dir>: a V8 CPU profile of each server, written when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = startProcess(tsx, [...profile, join(root, script)], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server.child, server.output);
  return { baseUrl, stop: server.stop };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Warm-up, then A/B rounds; returns the subject's measured runs and its warm-up. */
async function compare(title: string, subject: { baseUrl: string }, baseline: { baseUrl: string }, path: string) {
  const warmup = await load(`${subject.baseUrl}${path}`, 2); // JIT, connection pools, lazy tables
  await load(`${baseline.baseUrl}${path}`, 2);
  const a: Measure[] = [];
  const b: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await load(`${subject.baseUrl}${path}`, SECONDS));
    b.push(await load(`${baseline.baseUrl}${path}`, SECONDS));
  }
  console.log(`\n${title} (${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, medians)`);
  console.log(row('kabinet', a));
  console.log(row('baseline', b));
  console.log(`  ratio kabinet / baseline: ${(median(a.map((m) => m.rps)) / median(b.map((m) => m.rps))).toFixed(2)}`);
  return { runs: a, warmup };
}

function row(name: string, ms: Measure[]) {
  return `  ${name.padEnd(28)} ${median(ms.map((m) => m.rps))
    .toFixed(0)
    .padStart(
      8,
    )} req/s   p50 ${median(ms.map((m) => m.p50))} ms   p99 ${median(ms.map((m) => m.p99))} ms   errors ${ms.reduce((s, m) => s + m.errors + m.non2xx, 0)}`;
}

const dir = mkdtempSync(join(tmpdir(), 'kabinet-bench-'));
const databaseUrl = `file:${join(dir, 'bench.db')}`;
const kabinet = await startServer('edge/node.ts', {
  DATABASE_URL: databaseUrl,
  KABINET_SEED_CLICKS: '0',
  KABINET_POSTBACK_HOST_MAP: `${BENCH_TRACKER_HOST}=127.0.0.1`,
});
const bare = await startServer('tests/bench/bare-health-server.ts', {});
const bareRedirect = await startServer('tests/bench/bare-redirect-server.ts', {});
// BENCH_ONLY=health,clicks,postbacks,inbound,events runs a subset.
const only = new Set((process.env.BENCH_ONLY ?? 'health,clicks,postbacks,inbound,events').split(','));
try {
  if (only.has('health'))
    await compare(
      'GET /health on Node: Kabinet (Hono + libSQL file, database pinged at most once a second) vs bare node:http',
      kabinet,
      bare,
      '/health',
    );
  if (only.has('clicks')) await benchClicks(kabinet.baseUrl, bareRedirect);
  // Postbacks first: it switches the demo's postbacks off, so the event bench measures ingest alone.
  if (only.has('postbacks')) await benchPostbacks(kabinet.baseUrl, databaseUrl);
  if (only.has('inbound')) await benchInboundNetwork(kabinet.baseUrl);
  if (only.has('events')) await benchEventIngest(kabinet.baseUrl);
} finally {
  await kabinet.stop();
  await bare.stop();
  await bareRedirect.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Tracking links: every 302 of Kabinet waits for its click's commit (group commit); the baseline stores nothing. */
async function benchClicks(baseUrl: string, baseline: { baseUrl: string }) {
  const demo = DEMO_OPERATORS[0]!;
  const signIn = await unwrap(
    createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
      param: { operatorId: demo.id },
      json: { email: demo.signInEmail, password: DEMO_PASSWORD },
    }),
  );
  const partner = createKabinetClient(baseUrl, { sessionToken: signIn.token! });
  const campaign = (await unwrap(partner.v1.partner.campaigns.$get({ query: {} }))).data[0]!;
  const code = (await unwrap(partner.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId: campaign.id } })))
    .promos[0]!.code;
  const db = createClient({ url: databaseUrl });
  const storedClicks = async () => Number((await db.execute('select count(*) as n from clicks')).rows[0]!.n);
  const before = await storedClicks();
  const { runs, warmup } = await compare(
    'GET /t/{code}?sub1=… on Node: Kabinet (each 302 after its click is committed, group ' +
      'commit, libSQL file) vs bare node:http 302 storing nothing',
    { baseUrl },
    baseline,
    `/t/${code}?sub1=bench&clickID=abc123`,
  );
  const timed = (await storedClicks()) - before;
  const answeredTimed = [warmup, ...runs].reduce((sum, m) => sum + m.redirects, 0);
  // A timed run ends with up to one request per connection still in flight: the server stores
  // those clicks but the load generator drops their answers. A run of a fixed number of
  // requests waits for every answer, so there stored must equal answered exactly.
  const exactBefore = await storedClicks();
  const exact = await autocannon({ url: `${baseUrl}/t/${code}?sub1=exact`, connections: CONNECTIONS, amount: 20_000 });
  const exactAnswered = (exact.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
  const exactStored = (await storedClicks()) - exactBefore;
  console.log(
    `  timed runs: clicks stored ${timed}, 302s counted ${answeredTimed} (difference ${timed - answeredTimed}: requests in flight when each timed run stopped, at most ${CONNECTIONS} per run)`,
  );
  console.log(
    `  fixed run of 20,000 requests: clicks stored ${exactStored}, 302s answered ${exactAnswered}: ${exactStored === exactAnswered ? 'stored == answered' : 'MISMATCH'}`,
  );
  db.close();
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
