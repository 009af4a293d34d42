/**
 * Postback benchmarks for `npm run bench`. Outgoing: 20,000 registrations, each owing one
 * postback, delivered to a receiver on loopback that answers 500 to the first attempt of every
 * tenth; compared with a bare loop of the same HTTP requests at the same concurrency. Incoming:
 * CPA-network postbacks per second, half of them repeats.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@libsql/client';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';

/** The host name the bench server pins to 127.0.0.1 (KABINET_POSTBACK_HOST_MAP). */
export const BENCH_TRACKER_HOST = 'bench-tracker.kabinet.test';
/** Matches the in-process job runner's default concurrency. */
const CONCURRENCY = 16;
const TOTAL = 20_000;

async function startBenchReceiver() {
  // Only Kabinet's requests are counted here; the bare loop's go to /bare and are just answered.
  const attemptsByEvent = new Map<string, number>();
  const firstAttemptAt: number[] = [];
  let total = 0;
  const server = http.createServer((req, res) => {
    if (req.url!.startsWith('/bare')) {
      res.writeHead(200);
      res.end('ok');
      return;
    }
    total++;
    const e = new URL(req.url!, 'http://x').searchParams.get('e') ?? '';
    const n = (attemptsByEvent.get(e) ?? 0) + 1;
    attemptsByEvent.set(e, n);
    if (n === 1) firstAttemptAt.push(performance.now());
    const index = Number(e.split('-').pop());
    res.writeHead(n === 1 && index % 10 === 0 ? 500 : 200);
    res.end('ok');
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    attemptsByEvent,
    firstAttemptAt,
    total: () => total,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The baseline: the same GETs from one loop, `CONCURRENCY` at a time, keep-alive like Kabinet's transport. */
async function bareLoop(port: number, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await new Promise<void>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: `/bare?e=bare-${i}&v=`, agent, headers: { 'idempotency-key': `bare-${i}` } },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end();
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return count / ((performance.now() - t0) / 1000);
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchPostbacks(baseUrl: string, databaseUrl: string) {
  const demo = DEMO_OPERATORS[0]!;
  const receiver = await startBenchReceiver();
  const signIn = await unwrap(
    createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
      param: { operatorId: demo.id },
      json: { email: demo.signInEmail, password: DEMO_PASSWORD },
    }),
  );
  const partner = createKabinetClient(baseUrl, { sessionToken: signIn.token! });
  // Only the bench's postback counts: the demo's own postbacks are switched off first.
  for (const pb of (await unwrap(partner.v1.partner.postbacks.$get({ query: {} }))).data) {
    await unwrap(
      partner.v1.partner.postbacks[':postbackId'].$patch({ param: { postbackId: pb.id }, json: { enabled: false } }),
    );
  }
  const postback = await unwrap(
    partner.v1.partner.postbacks.$post({
      json: {
        scope: 'account',
        action: 'registration',
        url: `http://${BENCH_TRACKER_HOST}:${receiver.port}/pb?e=\${event_id}&v=\${visit_id}&p=\${promo_id}`,
      },
    }),
  );
  const bareRate = await bareLoop(receiver.port, TOTAL);
  const operator = createKabinetClient(baseUrl, { secretKey: demo.apiKey });
  const t0 = performance.now();
  for (let b = 0; b < TOTAL / 1000; b++) {
    await unwrap(
      operator.v1.events.$post({
        json: {
          events: Array.from({ length: 1000 }, (_, i) => ({
            id: `pbbench-${b * 1000 + i}`,
            type: 'registration',
            playerId: `pbbench-p-${b * 1000 + i}`,
            brand: demo.brands[0]!.id,
            promoCode: 'LUC0',
            occurredAt: '2026-11-24T10:00:00Z',
          })),
        },
      }),
    );
  }
  const ingested = performance.now();
  const expectedTotal = TOTAL + TOTAL / 10;
  const deadline = Date.now() + 120_000;
  while (receiver.firstAttemptAt.length < TOTAL && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const firstDone = performance.now();
  while (receiver.total() < expectedTotal && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const spanSeconds = (receiver.firstAttemptAt.at(-1)! - receiver.firstAttemptAt[0]!) / 1000;
  const rate = receiver.firstAttemptAt.length / spanSeconds;
  const db = createClient({ url: databaseUrl });
  const lags = (
    await db.execute({
      sql: 'select first_attempt_at - created_at as lag from postback_deliveries where postback_id = ?',
      args: [postback.id],
    })
  ).rows.map((r) => Number(r.lag));
  const delivered = Number(
    (
      await db.execute({
        sql: "select count(*) as n from postback_deliveries where postback_id = ? and status = 'delivered'",
        args: [postback.id],
      })
    ).rows[0]!.n,
  );
  db.close();
  let beyondRetries = 0;
  for (const [e, n] of receiver.attemptsByEvent)
    if (n > (Number(e.split('-').pop()) % 10 === 0 ? 2 : 1)) beyondRetries++;
  const distinct = receiver.attemptsByEvent.size;
  console.log(
    `\nPostbacks out: ${TOTAL.toLocaleString('en')} registrations → ${TOTAL.toLocaleString('en')} postbacks to a loopback receiver failing the first attempt of every tenth with 500 (concurrency ${CONCURRENCY})`,
  );
  console.log(
    `  kabinet first attempts       ${rate.toFixed(0).padStart(8)} /s   (from the first to the last first attempt; the events' ingest took ${((ingested - t0) / 1000).toFixed(1)} s, all first attempts were in ${((firstDone - t0) / 1000).toFixed(1)} s after the first batch)`,
  );
  console.log(`  bare loop, same requests     ${bareRate.toFixed(0).padStart(8)} /s`);
  console.log(`  ratio kabinet / bare loop: ${(rate / bareRate).toFixed(2)}`);
  console.log(`  event → first attempt: p50 ${percentile(lags, 0.5)} ms, p99 ${percentile(lags, 0.99)} ms`);
  console.log(
    `  requests received ${receiver.total()} (expected ${expectedTotal}: one each + one retry for every tenth), distinct postbacks ${distinct}, delivered rows ${delivered}, duplicates beyond retries ${beyondRetries}: ${distinct === TOTAL && delivered === TOTAL && beyondRetries === 0 ? 'delivered == expected' : 'MISMATCH'}`,
  );
  await unwrap(
    partner.v1.partner.postbacks[':postbackId'].$patch({
      param: { postbackId: postback.id },
      json: { enabled: false },
    }),
  );
  await receiver.close();
}

export async function benchInboundNetwork(baseUrl: string, bareUrl?: string) {
  const demo = DEMO_OPERATORS[0]!;
  const operator = createKabinetClient(baseUrl, { secretKey: demo.apiKey });
  const catalog = (await unwrap(operator.v1.networks.$get())).data;
  const network = catalog.find((n) => n.postbacks.tails.some((t) => t.tail.includes('sta=')))!;
  const connection = await unwrap(
    operator.v1.network_connections.$post({
      json: {
        kind: 'network',
        networkKey: network.key,
        name: 'Bench',
        settings: Object.fromEntries(network.settings.map((s) => [s.key, 'bench-value'])),
      },
    }),
  );
  const base = connection.postbackUrls[0]!.url.split('&')[0]!;
  const sta = new URLSearchParams(network.postbacks.tails[0]!.tail.replace(/^&/, '')).get('sta') ?? 'approve';
  const count = 10_000;
  const url = new URL(base);
  // The second half repeats the first: duplicates count once and still answer 200.
  const pathOf = (i: number) =>
    `${url.pathname}${url.search}&oid=bench-order-${i % (count / 2)}&status=${sta}&sta=${sta}&pay=12.50&cc=USD`;
  const kabinet = await drive(`${url.protocol}//${url.host}`, count, pathOf);
  const bare = bareUrl ? await drive(bareUrl, count, pathOf) : null;
  console.log(
    `\nPostbacks in (CPA network, ${count.toLocaleString('en')} GETs, half of them repeats, ` +
      `concurrency ${CONCURRENCY}): ${kabinet.perSecond.toFixed(0)} /s — ` +
      [...kabinet.results].map(([k, v]) => `${k} ${v}`).join(', '),
  );
  if (bare)
    console.log(
      `  bare node:http answering the same GETs (nothing read or stored): ${bare.perSecond.toFixed(0)} /s; ` +
        `ratio kabinet / bare: ${(kabinet.perSecond / bare.perSecond).toFixed(3)}`,
    );
}

/**
 * `count` GETs from autocannon at CONCURRENCY connections (the load generator of the other HTTP
 * benches: a hand-written client loop capped the bare server at a fifth of its rate), each with
 * its own path; the answers' `result` (or HTTP status) counted.
 */
async function drive(origin: string, count: number, pathOf: (i: number) => string) {
  let next = 0;
  const results = new Map<string, number>();
  const tally = (key: string) => results.set(key, (results.get(key) ?? 0) + 1);
  const t0 = performance.now();
  await autocannon({
    url: origin,
    connections: CONCURRENCY,
    amount: count,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: pathOf(next++) }),
        onResponse: (status, body) => {
          if (status !== 200) return tally(`http ${status}`);
          tally((JSON.parse(body) as { result?: string }).result ?? '200');
        },
      },
    ],
  });
  return { perSecond: count / ((performance.now() - t0) / 1000), results };
}
