/**
 * The tracking-link benches: the redirect side by side with a bare 302 (synchronous full and
 * normal, and clicks without their aggregates), stored == answered in a fixed run, and kill -9 in
 * the middle of traffic with every answered click found stored afterwards.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { CONNECTIONS, load, median, ROUNDS, row, SECONDS, startServer, type Measure } from './servers.ts';

/** The clicks benches on `kabinet` (edge/node.ts on `databaseUrl`), their extra servers started and stopped here. */
export async function benchClickServers(
  dir: string,
  kabinet: { baseUrl: string; databaseUrl: string },
  bareRedirect: { baseUrl: string },
) {
  // The same server but its clicks committed without their aggregates: what the aggregates cost.
  const rawDatabaseUrl = `file:${join(dir, 'bench-raw-clicks.db')}`;
  const rawClicks = await startServer('tests/bench/raw-clicks-server.ts', {
    DATABASE_URL: rawDatabaseUrl,
    KABINET_SEED_CLICKS: '0',
  });
  // The same server storing nothing: the request thread's own work, no commit to wait for.
  const unstored = await startServer('tests/bench/raw-clicks-server.ts', {
    DATABASE_URL: `file:${join(dir, 'bench-unstored.db')}`,
    KABINET_SEED_CLICKS: '0',
    BENCH_CLICK_STORE: 'none',
  });
  const normal = await startServer('edge/node.ts', {
    DATABASE_URL: `file:${join(dir, 'bench-normal.db')}`,
    KABINET_SEED_CLICKS: '0',
    KABINET_SQLITE_SYNCHRONOUS: 'normal',
  });
  // The same server committing on the thread that serves HTTP (KABINET_DB_WRITER=inline).
  const inline = await startServer('edge/node.ts', {
    DATABASE_URL: `file:${join(dir, 'bench-inline.db')}`,
    KABINET_SEED_CLICKS: '0',
    KABINET_DB_WRITER: 'inline',
  });
  const honoRedirect = await startServer('tests/bench/hono-redirect-server.ts', {});
  // BENCH_BEFORE=<checkout>: another checkout's server loaded in the same rounds (e.g. the commit
  // before the statistics issue, to compare the redirect before and after its aggregates).
  const before = process.env.BENCH_BEFORE
    ? await startServer(
        'edge/node.ts',
        { DATABASE_URL: `file:${join(dir, 'bench-before.db')}`, KABINET_SEED_CLICKS: '0' },
        { root: process.env.BENCH_BEFORE },
      )
    : undefined;
  const servers = [rawClicks, unstored, normal, inline, honoRedirect, ...(before ? [before] : [])];
  try {
    await benchClicks({
      kabinet,
      rawOnly: { baseUrl: rawClicks.baseUrl, databaseUrl: rawDatabaseUrl },
      unstored,
      normal,
      inline,
      hono: honoRedirect,
      baseline: bareRedirect,
      earlier: before && { baseUrl: before.baseUrl, checkout: process.env.BENCH_BEFORE! },
    });
  } finally {
    for (const server of servers) await server.stop();
  }
  for (const synchronous of ['full', 'normal'] as const) await benchClickKill(dir, synchronous);
}

/**
 * kill -9 in the middle of click traffic: CONNECTIONS loops click until the server is gone, each
 * click with an id of its own; the process group is killed a second after the 500th answer; then
 * every click answered with a 302 must be in the database (clicks in flight may or may not be).
 */
async function benchClickKill(dir: string, synchronous: 'full' | 'normal') {
  const databaseUrl = `file:${join(dir, `bench-kill-${synchronous}.db`)}`;
  const server = await startServer('edge/node.ts', {
    DATABASE_URL: databaseUrl,
    KABINET_SEED_CLICKS: '0',
    KABINET_SQLITE_SYNCHRONOUS: synchronous,
  });
  const code = await demoPromoCode(server.baseUrl);
  const answered: string[] = [];
  let n = 0;
  const traffic = Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (;;) {
        const id = `kill-${n++}`;
        try {
          const res = await fetch(`${server.baseUrl}/t/${code}?clickID=${id}`, { redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status === 302) answered.push(id);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  const deadline = Date.now() + 60_000;
  while (answered.length < 500 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1000));
  server.kill();
  await traffic;
  const db = createClient({ url: databaseUrl });
  try {
    const rows = await db.execute(
      "select json_extract(json_each.value, '$[1]') as id from clicks, json_each(clicks.params) " +
        "where json_extract(json_each.value, '$[0]') = 'clickID'",
    );
    const stored = new Set(rows.rows.map((r) => String(r.id)));
    const lost = answered.filter((id) => !stored.has(id)).length;
    console.log(
      `\nkill -9 mid-load (synchronous=${synchronous}, ${CONNECTIONS} connections): ${answered.length} clicks answered with a 302 before the kill, ` +
        `${stored.size} stored; lost = ${lost}${lost === 0 ? '' : ' (ANSWERED CLICKS LOST)'}`,
    );
  } finally {
    db.close();
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

/** The commit a checkout is at, to name it in the output. */
function checkoutCommit(dir: string): string {
  return execFileSync('git', ['-C', dir, 'log', '-1', '--format=%h of %cs'], { encoding: 'utf8' }).trim();
}

function redirectsOf(r: autocannon.Result): number {
  return (r.statusCodeStats as Record<string, { count: number }> | undefined)?.['302']?.count ?? 0;
}

/**
 * Tracking links: every 302 of Kabinet waits for its click's commit (group commit); the baseline
 * stores nothing. Kabinet runs as it is (each commit writes the clicks and their aggregates), with
 * a writer that commits the clicks alone (raw-clicks-server.ts: what the aggregates cost), with one
 * that stores nothing (the request thread's own work), with synchronous=normal and with its
 * commits on the thread that serves HTTP (KABINET_DB_WRITER=inline); bare Hono
 * answering the baseline's 302 shows the framework's share. All are loaded in turn, round after
 * round, and the ratios to the bare 302 say where a click's time goes.
 */
async function benchClicks(servers: {
  kabinet: { baseUrl: string; databaseUrl: string };
  rawOnly: { baseUrl: string; databaseUrl: string };
  unstored: { baseUrl: string };
  normal: { baseUrl: string };
  inline: { baseUrl: string };
  hono: { baseUrl: string };
  baseline: { baseUrl: string };
  earlier?: { baseUrl: string; checkout: string } | undefined;
}) {
  const { kabinet, rawOnly, earlier } = servers;
  const path = (code: string) => `/t/${code}?sub1=bench&clickID=abc123`;
  const code = await demoPromoCode(kabinet.baseUrl);
  const kabinetUrl = async (baseUrl: string) => `${baseUrl}${path(await demoPromoCode(baseUrl))}`;
  const subjects = [
    { key: 'kabinet', name: 'kabinet (clicks + aggregates)', url: `${kabinet.baseUrl}${path(code)}` },
    { key: 'rawOnly', name: 'kabinet, clicks only', url: await kabinetUrl(rawOnly.baseUrl) },
    { key: 'normal', name: 'kabinet, synchronous=normal', url: await kabinetUrl(servers.normal.baseUrl) },
    { key: 'inline', name: 'kabinet, inline writer', url: await kabinetUrl(servers.inline.baseUrl) },
    { key: 'unstored', name: 'kabinet, storing nothing', url: await kabinetUrl(servers.unstored.baseUrl) },
    { key: 'hono', name: 'bare Hono 302', url: `${servers.hono.baseUrl}${path(code)}` },
    { key: 'baseline', name: 'baseline (bare node:http 302)', url: `${servers.baseline.baseUrl}${path(code)}` },
    ...(earlier ? [{ key: 'earlier', name: 'kabinet of BENCH_BEFORE', url: await kabinetUrl(earlier.baseUrl) }] : []),
  ];
  const before = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const warmups = [];
  for (const s of subjects) warmups.push(await load(s.url, 2)); // JIT, connection pools, lazy tables
  const runs: Measure[][] = subjects.map(() => []);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, s] of subjects.entries()) runs[i]!.push(await load(s.url, SECONDS));
  const at = (key: string) => subjects.findIndex((s) => s.key === key);
  const rps = (key: string) => median(runs[at(key)]!.map((m) => m.rps));
  const ratio = (key: string) => (rps(key) / rps('baseline')).toFixed(2);
  console.log(
    `\nGET /t/{code}?sub1=… on Node: Kabinet (each 302 after its click is committed, group commit, libSQL file, ` +
      `synchronous=full: the default), the same with its clicks committed without their aggregates, with ` +
      `synchronous=normal, committing inline and storing nothing, bare Hono answering the bare 302, and bare node:http 302 storing nothing ` +
      `(${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, in turn, medians)`,
  );
  for (const [i, s] of subjects.entries()) console.log(row(s.name, runs[i]!));
  console.log(`  ratio kabinet / baseline: ${ratio('kabinet')}`);
  console.log(
    `  clicks without aggregates: ratio ${ratio('rawOnly')}; with aggregates: ratio ${ratio('kabinet')} ` +
      `(the aggregates cost ${((1 - rps('kabinet') / rps('rawOnly')) * 100).toFixed(0)}% of the clicks-only throughput); ` +
      `synchronous=normal: ratio ${ratio('normal')}; committed on the thread that serves HTTP ` +
      `(KABINET_DB_WRITER=inline): ratio ${ratio('inline')}, ${(rps('inline') / rps('kabinet')).toFixed(2)} × the writer thread's`,
  );
  console.log(
    `  where a click's time goes, as ratios to the bare 302: Hono and its Node adapter with the same answer ${ratio('hono')}; ` +
      `Kabinet's request thread storing nothing ${ratio('unstored')}; waiting for the click's commit ${ratio('rawOnly')}; ` +
      `its aggregates in the same commit ${ratio('kabinet')}`,
  );
  if (earlier)
    console.log(
      `  BENCH_BEFORE (${earlier.checkout}, ${checkoutCommit(earlier.checkout)}): ratio ${ratio('earlier')}; ` +
        `this checkout with aggregates: ${(rps('kabinet') / rps('earlier')).toFixed(2)} × its throughput`,
    );
  const timed = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const answeredTimed = [warmups[at('kabinet')]!, ...runs[at('kabinet')]!].reduce((sum, m) => sum + m.redirects, 0);
  // A timed run ends with up to one request per connection still in flight: the server stores
  // those clicks but the load generator drops their answers. A run of a fixed number of
  // requests waits for every answer, so there stored must equal answered exactly.
  const exact = await autocannon({
    url: subjects[at('kabinet')]!.url.replace('sub1=bench', 'sub1=exact'),
    connections: CONNECTIONS,
    amount: 20_000,
  });
  const exactRaw = await autocannon({
    url: subjects[at('rawOnly')]!.url.replace('sub1=bench', 'sub1=exact'),
    connections: CONNECTIONS,
    amount: 20_000,
  });
  const after = await Promise.all([clickCounts(kabinet.databaseUrl), clickCounts(rawOnly.databaseUrl)]);
  const timedStored = timed[0]!.stored - before[0]!.stored;
  console.log(
    `  timed runs: clicks stored ${timedStored}, 302s counted ${answeredTimed} ` +
      `(difference ${timedStored - answeredTimed}: requests in flight when each timed run stopped, ` +
      `at most ${CONNECTIONS} per run)`,
  );
  const exactStored = after[0]!.stored - timed[0]!.stored;
  const exactRawStored = after[1]!.stored - timed[1]!.stored;
  console.log(
    `  fixed run of 20,000 requests: clicks stored ${exactStored}, 302s answered ${redirectsOf(exact)}: ` +
      `${exactStored === redirectsOf(exact) ? 'stored == answered' : 'MISMATCH'}; ` +
      `clicks only: stored ${exactRawStored}, answered ${redirectsOf(exactRaw)}: ` +
      `${exactRawStored === redirectsOf(exactRaw) ? 'stored == answered' : 'MISMATCH'}`,
  );
  const storedAll = after[0]!.stored - before[0]!.stored;
  const countedAll = after[0]!.counted - before[0]!.counted;
  const rawCounted = after[1]!.counted - before[1]!.counted;
  console.log(
    `  aggregates: kabinet counted ${countedAll} of its ${storedAll} new clicks (${countedAll === storedAll ? 'counted == stored' : 'MISMATCH'}); ` +
      `the clicks-only server counted ${rawCounted} of its ${after[1]!.stored - before[1]!.stored} ` +
      `(${rawCounted === 0 ? 'none, as meant' : 'MISMATCH: it wrote aggregates'})`,
  );
}
