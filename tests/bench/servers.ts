/**
 * What the HTTP benches share: each server started in its own process (optionally CPU-profiled),
 * the load generator (autocannon) with its measures, and the A/B comparison that prints them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startProcess, waitForHealth } from '../helpers/processes.ts';
import { printProfiles } from './profile-summary.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

export interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  redirects: number;
}

export async function load(url: string, seconds: number): Promise<Measure> {
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

/**
 * Starts `script` (a path in this checkout, or in `options.root`: another checkout with its own
 * node_modules, which the bench can load beside this one) in a process of its own.
 */
export async function startServer(script: string, env: Record<string, string>, options: { root?: string } = {}) {
  const port = await freePort();
  // BENCH_PROFILE=<dir>: a V8 CPU profile of each server thread, written into <dir>/<server> when
  // it stops; the bench prints the top self-time functions of each (profile-summary.ts).
  const name = script.replace(/\.ts$/, '').replaceAll('/', '-');
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_PROFILE, name)}`]
    : [];
  const server = startProcess(tsx, [...profile, join(options.root ?? root, script)], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server.child, server.output);
  return {
    baseUrl,
    /** kill -9 of the server's whole process group (the bench's crash step). */
    kill: () => process.kill(-server.child.pid!, 'SIGKILL'),
    stop: async () => {
      await server.stop();
      if (process.env.BENCH_PROFILE) printProfiles(process.env.BENCH_PROFILE, name);
    },
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Warm-up, then A/B rounds; returns the subject's measured runs and its warm-up. */
export async function compare(
  title: string,
  subject: { baseUrl: string },
  baseline: { baseUrl: string },
  path: string,
) {
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

export function row(name: string, ms: Measure[]) {
  return `  ${name.padEnd(28)} ${median(ms.map((m) => m.rps))
    .toFixed(0)
    .padStart(
      8,
    )} req/s   p50 ${median(ms.map((m) => m.p50))} ms   p99 ${median(ms.map((m) => m.p99))} ms   errors ${ms.reduce((s, m) => s + m.errors + m.non2xx, 0)}`;
}
