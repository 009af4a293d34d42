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
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { freePort, startProcess, waitForHealth } from '../helpers/processes.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { BENCH_TRACKER_HOST, benchInboundNetwork, benchPostbacks } from './postbacks.ts';
import { benchReports } from './reports.ts';
import { benchBilling } from './billing.ts';
import { benchReportExport } from './report-export.ts';
import { printProfiles } from './profile-summary.ts';

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
  // BENCH_PROFILE=<dir>: a V8 CPU profile of each server thread, written into <dir>/<server> when
  // it stops; the bench prints the top self-time functions of each (profile-summary.ts).
  const name = script.replace(/\.ts$/, '').replaceAll('/', '-');
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_PROFILE, name)}`]
    : [];
  const server = startProcess(tsx, [...profile, join(root, script)], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server.child, server.output);
  return {
    baseUrl,
    stop: async () => {
      await server.stop();
      if (process.env.BENCH_PROFILE) printProfiles(process.env.BENCH_PROFILE, name);
    },
  };
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
    if (only.has('clicks')) {
      // The same server but its clicks committed without their aggregates: what the aggregates cost.
      const rawDatabaseUrl = `file:${join(dir, 'bench-raw-clicks.db')}`;
      const rawClicks = await startServer('tests/bench/raw-clicks-server.ts', {
        DATABASE_URL: rawDatabaseUrl,
        KABINET_SEED_CLICKS: '0',
      });
      try {
        await benchClicks(
          { baseUrl: kabinet.baseUrl, databaseUrl },
          { baseUrl: rawClicks.baseUrl, databaseUrl: rawDatabaseUrl },
          bareRedirect,
        );
      } finally {
        await rawClicks.stop();
      }
    }
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

/** The demo partner's first promo code on a server (each server seeded its own demo data). */
async function demoPromoCode(baseUrl: string): Promise<string> {
  const demo = DEMO_OPERATORS[0]!;
  const signIn = await unwrap(
    createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
      param: { operatorId: demo.id },
      json: { email: demo.signInEmail, password: DEMO_PASSWORD },
    }),
  );
  const partner = createKabinetClient(baseUrl, { sessionToken: signIn.token! });
  const campaign = (await unwrap(partner.v1.partner.campaigns.$get({ query: {} }))).data[0]!;
  return (await unwrap(partner.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId: campaign.id } })))
    .promos[0]!.code;
}

/** Clicks stored, and clicks (people's and bots') counted in the quarter-hour aggregates, of a database. */
async function clickCounts(databaseUrl: string) {
  const db = createClient({ url: databaseUrl });
  try {
    const stored = Number((await db.execute('select count(*) as n from clicks')).rows[0]!.n);
    const counted = Number(
      (await db.execute('select coalesce(sum(clicks + bot_clicks), 0) as n from stats_full_q')).rows[0]!.n,
    );
    return { stored, counted };
  } finally {
    db.close();
  }
}

function redirectsOf(r: autocannon.Result): number {
  return (r.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
}

/**
 * Tracking links: every 302 of Kabinet waits for its click's commit (group commit); the baseline
 * stores nothing. Kabinet runs twice: as it is (each commit writes the clicks and their
 * aggregates) and with a writer that commits the clicks alone (raw-clicks-server.ts), so the
 * difference is what the aggregates cost. The three are loaded in turn, round after round.
 */
async function benchClicks(
  kabinet: { baseUrl: string; databaseUrl: string },
  rawOnly: { baseUrl: string; databaseUrl: string },
  baseline: { baseUrl: string },
) {
  const path = (code: string) => `/t/${code}?sub1=bench&clickID=abc123`;
  const code = await demoPromoCode(kabinet.baseUrl);
  const subjects = [
    { name: 'kabinet (clicks + aggregates)', url: `${kabinet.baseUrl}${path(code)}` },
    {
      name: 'kabinet, clicks only',
      url: `${rawOnly.baseUrl}${path(await demoPromoCode(rawOnly.baseUrl))}`,
    },
    { name: 'baseline', url: `${baseline.baseUrl}${path(code)}` },
  ];
  const before = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const warmups = [];
  for (const s of subjects) warmups.push(await load(s.url, 2)); // JIT, connection pools, lazy tables
  const runs: Measure[][] = subjects.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, s] of subjects.entries()) runs[i]!.push(await load(s.url, SECONDS));
  const rps = (i: number) => median(runs[i]!.map((m) => m.rps));
  console.log(
    `\nGET /t/{code}?sub1=… on Node: Kabinet (each 302 after its click is committed, group commit, libSQL file), ` +
      `the same with its clicks committed without their aggregates, and bare node:http 302 storing nothing ` +
      `(${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, in turn, medians)`,
  );
  for (const [i, s] of subjects.entries()) console.log(row(s.name, runs[i]!));
  console.log(`  ratio kabinet / baseline: ${(rps(0) / rps(2)).toFixed(2)}`);
  console.log(
    `  clicks without aggregates: ratio ${(rps(1) / rps(2)).toFixed(2)}; with aggregates: ratio ${(rps(0) / rps(2)).toFixed(2)} ` +
      `(the aggregates cost ${((1 - rps(0) / rps(1)) * 100).toFixed(0)}% of the clicks-only throughput)`,
  );
  const timed = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const answeredTimed = [warmups[0]!, ...runs[0]!].reduce((sum, m) => sum + m.redirects, 0);
  // A timed run ends with up to one request per connection still in flight: the server stores
  // those clicks but the load generator drops their answers. A run of a fixed number of
  // requests waits for every answer, so there stored must equal answered exactly.
  const exact = await autocannon({
    url: subjects[0]!.url.replace('sub1=bench', 'sub1=exact'),
    connections: CONNECTIONS,
    amount: 20_000,
  });
  const exactRaw = await autocannon({
    url: subjects[1]!.url.replace('sub1=bench', 'sub1=exact'),
    connections: CONNECTIONS,
    amount: 20_000,
  });
  const after = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const timedStored = timed[0]!.stored - before[0]!.stored;
  console.log(
    `  timed runs: clicks stored ${timedStored}, 302s counted ${answeredTimed} (difference ${timedStored - answeredTimed}: requests in flight when each timed run stopped, at most ${CONNECTIONS} per run)`,
  );
  const exactStored = after[0]!.stored - timed[0]!.stored;
  const exactRawStored = after[1]!.stored - timed[1]!.stored;
  console.log(
    `  fixed run of 20,000 requests: clicks stored ${exactStored}, 302s answered ${redirectsOf(exact)}: ${exactStored === redirectsOf(exact) ? 'stored == answered' : 'MISMATCH'}; ` +
      `clicks only: stored ${exactRawStored}, answered ${redirectsOf(exactRaw)}: ${exactRawStored === redirectsOf(exactRaw) ? 'stored == answered' : 'MISMATCH'}`,
  );
  const storedAll = after[0]!.stored - before[0]!.stored;
  const countedAll = after[0]!.counted - before[0]!.counted;
  const rawCounted = after[1]!.counted - before[1]!.counted;
  console.log(
    `  aggregates: kabinet counted ${countedAll} of its ${storedAll} new clicks (${countedAll === storedAll ? 'counted == stored' : 'MISMATCH'}); ` +
      `the clicks-only server counted ${rawCounted} of its ${after[1]!.stored - before[1]!.stored} (${rawCounted === 0 ? 'none, as meant' : 'MISMATCH: it wrote aggregates'})`,
  );
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
