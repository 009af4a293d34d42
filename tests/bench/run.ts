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
import { freePort, startProcess, waitForHealth } from '../helpers/processes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Measure { rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function load(url: string, seconds: number): Promise<Measure> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function startServer(script: string, env: Record<string, string>) {
  const port = await freePort();
  const server = startProcess(tsx, [join(root, script)], { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server.child, server.output);
  return { baseUrl, stop: server.stop };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(title: string, subject: { baseUrl: string }, baseline: { baseUrl: string }, path: string) {
  await load(`${subject.baseUrl}${path}`, 2); // warm-up: JIT and connection pools
  await load(`${baseline.baseUrl}${path}`, 2);
  const a: Measure[] = [];
  const b: Measure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await load(`${subject.baseUrl}${path}`, SECONDS));
    b.push(await load(`${baseline.baseUrl}${path}`, SECONDS));
  }
  const row = (name: string, ms: Measure[]) =>
    `  ${name.padEnd(28)} ${median(ms.map((m) => m.rps)).toFixed(0).padStart(8)} req/s   p50 ${median(ms.map((m) => m.p50))} ms   p99 ${median(ms.map((m) => m.p99))} ms   errors ${ms.reduce((s, m) => s + m.errors + m.non2xx, 0)}`;
  console.log(`\n${title} (${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, medians)`);
  console.log(row('kabinet', a));
  console.log(row('baseline', b));
  console.log(`  ratio kabinet / baseline: ${(median(a.map((m) => m.rps)) / median(b.map((m) => m.rps))).toFixed(2)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'kabinet-bench-'));
const kabinet = await startServer('edge/node.ts', { DATABASE_URL: `file:${join(dir, 'bench.db')}`, KABINET_SEED: 'none' });
const bare = await startServer('tests/bench/bare-health-server.ts', {});
try {
  await compare('GET /health on Node: Kabinet (Hono + libSQL file, database pinged at most once a second) vs bare node:http', kabinet, bare, '/health');
} finally {
  await kabinet.stop();
  await bare.stop();
  rmSync(dir, { recursive: true, force: true });
}
