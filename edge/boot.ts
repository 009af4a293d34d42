/**
 * What the Node and Deno entries share: open and migrate the database, seed the demo on an empty
 * database, build the deps, start the in-process job runner.
 */
import { join } from 'node:path';
import { VERSION } from '../core/lib/version.ts';
import { createApp } from '../core/http/app.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { systemClock } from '../core/lib/clock.ts';
import { createOutbox, startJobRunner, type JobRunner } from '../core/jobs/outbox.ts';
import { maintenanceHandlers, scheduleMaintenance } from '../core/jobs/maintenance.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../demo/seed.ts';
import { DEMO_TRACKER_HOST, demoTrackerPins } from '../demo/demo-tracker.ts';
import { DEMO_NETWORK_HOST, demoNetworkPin } from '../demo/demo-network.ts';
import { openLibsqlDatabase } from './libsql.ts';
import type { ServerConfig } from './config.ts';
import type { Context } from 'hono';
import { forwardedClientIp } from '../core/http/visitor.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { mailHandlers } from '../core/modules/mail/service.ts';
import { readMailConfig } from './mail-config.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { resolveSecret } from './secret.ts';
import { loadGeoLookup } from './geo.ts';
import { createTrackingDeps } from '../core/modules/tracking/tracking-deps.ts';
import { createGroupCommitWriter } from '../core/modules/tracking/click-writer.ts';
import { batchStatements, commitBatchesThrough, type InsertPart, type Statement } from '../core/db/insert-many.ts';
import { createGroupQueue } from '../core/db/group-commit.ts';
import { postbackHandlers } from '../core/modules/postbacks/deliver-postback.ts';
import { statisticsHandlers } from '../core/modules/statistics/purge-raw-clicks.ts';
import { billingHandlers } from '../core/modules/billing/jobs.ts';
import { cashOutScheduleHandlers } from '../core/modules/cash-out-schedules/jobs.ts';
import { networkApiHandlers } from '../core/modules/network-api/jobs.ts';
import { createGuardedOutbound, parseHostMap } from './outbound-http.ts';
import { requestedReportHandlers } from '../core/modules/requested-reports/jobs.ts';
import { createDirectoryFileStore } from './file-store.ts';

export interface BootOptions {
  env: Record<string, string | undefined>;
  clientIp: (c: Context) => string | null;
}

export async function boot(config: ServerConfig, runtime: AppDeps['runtime'], options: BootOptions) {
  const { db, close } = await openLibsqlDatabase(config.databaseUrl, config.databaseAuthToken);
  const clock = systemClock;
  // The runner is started after deps exist; enqueueing wakes it so postbacks leave at once.
  let runner: JobRunner | null = null;
  const jobs = createOutbox(db, clock, async () => runner?.wake(), { maxParams: 32_000 });
  // On Node and Deno the hot writes commit through a connection that keeps its statements
  // prepared: on a thread of its own (edge/threaded-batcher.ts), or on this one with
  // KABINET_DB_WRITER=inline (edge/inline-batcher.ts); a remote database uses the client's batch.
  const local = { synchronous: config.sqliteSynchronous };
  const batcher =
    runtime !== 'node' && runtime !== 'deno'
      ? null
      : config.databaseWriter === 'thread'
        ? (await import('./threaded-batcher.ts')).openThreadedBatcher(config.databaseUrl, local)
        : (await import('./inline-batcher.ts')).openInlineWriter(config.databaseUrl, local);
  // Two batches at once with the writer thread: this thread encodes one while the thread commits
  // the other. An inline commit runs to its end before anything else here does.
  const pipeline = batcher && config.databaseWriter === 'thread' ? 2 : 1;
  const commitClicks = batcher
    ? (parts: InsertPart[]) => batcher.run(batchStatements(parts, { maxParams: 32_000 }))
    : undefined;
  // Every other atomic batch (postbacks in, events, delivery results, bills…) is group-committed
  // on the same thread: calls that arrive together share one transaction, a savepoint each.
  const batches = batcher
    ? createGroupQueue<Statement[]>((groups) => batcher.runGroups(groups), { maxItems: 256, pipeline })
    : null;
  if (batches) commitBatchesThrough(db, (statements) => batches.add(statements));
  const mail = readMailConfig(options.env, { smtp: createSmtpTransport });
  const geo = loadGeoLookup();
  // The demo tracker's pin (this port, /demo/tracker/ only) exists only where the demo data is.
  const trackerPins =
    config.seed === 'demo'
      ? await demoTrackerPins(
          db,
          config.port,
          DEMO_OPERATORS.map((o) => o.id),
        )
      : {};
  // The demo network's pin (this port, /demo/network/ only) goes with the tracker's: where the demo data is.
  const demoPins = Object.keys(trackerPins).length ? { ...trackerPins, ...demoNetworkPin(config.port) } : {};
  // A request this server makes to itself in process (the demo operator backend forwarding the
  // console's calls, as an operator's own server would over the network) has no socket to ask.
  const socketIp: NonNullable<AppDeps['clientIp']> = (c) => {
    try {
      return options.clientIp(c);
    } catch {
      return null;
    }
  };
  const deps: AppDeps = {
    db,
    clock,
    jobs,
    runtime,
    version: VERSION,
    secretBox: await createSecretBox(resolveSecret(options.env, config.databaseUrl)),
    mailTransport: mail.transport,
    publicUrl: config.publicUrl,
    demoMailbox: mail.demoMailbox && config.seed === 'demo',
    // Behind a trusted proxy the socket address is the proxy's: its X-Forwarded-For names the visitor.
    clientIp: config.trustProxy ? (c) => forwardedClientIp(c) ?? socketIp(c) : socketIp,
    trustProxy: config.trustProxy,
    maxBoundParams: 32_000,
    // Requested reports' files, in a directory (KABINET_FILES_DIR, default `files` beside the database).
    files: createDirectoryFileStore(config.filesDir),
    // Demo data sends its postbacks to the demo tracker on this very server, under a pinned name.
    outbound: createGuardedOutbound({
      hostMap: { ...demoPins, ...parseHostMap(options.env.KABINET_POSTBACK_HOST_MAP) },
    }),
    tracking: createTrackingDeps(db, clock, {
      writer: createGroupCommitWriter(db, { commit: commitClicks, pipeline }),
      countryOf: (_c, ip) => (ip ? geo.countryOf(ip) : null),
      ...(options.env.KABINET_FALLBACK_URL ? { defaultFallbackUrl: options.env.KABINET_FALLBACK_URL } : {}),
    }),
    reportError: (error, requestId) => console.error(`[${requestId}]`, error),
    reportWarning: (message) => console.warn(message),
  };
  let seeded = false;
  if (config.seed === 'demo' && (await isDatabaseEmpty(deps))) {
    const origins = [
      ...new Set([
        `http://${config.host}:${config.port}`,
        `http://localhost:${config.port}`,
        `http://127.0.0.1:${config.port}`,
      ]),
    ];
    const clickCount = options.env.KABINET_SEED_CLICKS ? Number(options.env.KABINET_SEED_CLICKS) : undefined;
    await seedDemo(deps, origins, {
      publicUrl: config.publicUrl,
      maxParams: 32_000,
      postbackTrackerUrl: `http://${DEMO_TRACKER_HOST}:${config.port}/demo/tracker/postback`,
      networkBaseUrl: `http://${DEMO_NETWORK_HOST}:${config.port}/demo/network`,
      ...(clickCount !== undefined ? { clicks: clickCount } : {}),
    });
    seeded = true;
  }
  await scheduleMaintenance(jobs, clock);
  // Daily and hourly housekeeping for as long as the process runs (each kind once per day or
  // hour, whichever process asks first).
  const maintenance = setInterval(() => {
    scheduleMaintenance(jobs, clock).catch((e: unknown) => console.error('maintenance schedule:', e));
  }, 60_000);
  (maintenance as { unref?: () => void }).unref?.();
  runner = startJobRunner(
    db,
    clock,
    {
      ...maintenanceHandlers,
      ...mailHandlers(mail.transport, mail.from),
      ...postbackHandlers(deps),
      ...statisticsHandlers,
      ...billingHandlers(deps),
      ...cashOutScheduleHandlers(deps),
      ...networkApiHandlers(deps),
      ...requestedReportHandlers(deps, { retentionDays: config.reportRetentionDays }),
    },
    { onError: (e) => console.error('job runner:', e) },
  );
  return {
    app: createApp(deps),
    deps,
    seeded,
    /** How the click writer commits (the bench's clicks-only server commits the same way). */
    commitClicks,
    clickPipeline: pipeline,
    /** The demo data is in use (KABINET_SEED=demo): the demo operator backend may be served. */
    demo: config.seed === 'demo',
    /** Where the demo network keeps its orders (beside the requested reports' files). */
    demoNetworkStateFile: join(config.filesDir, 'demo-network.json'),
    async shutdown() {
      clearInterval(maintenance);
      await runner?.stop();
      await deps.tracking.writer.drain();
      await batches?.drain();
      await batcher?.close();
      close();
    },
  };
}

export function banner(config: ServerConfig, runtime: string, seeded: boolean): string {
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  // How a database file's writes are committed (KABINET_DB_WRITER, KABINET_SQLITE_SYNCHRONOUS).
  const writes = config.databaseUrl.startsWith('file:')
    ? `; writes committed ${config.databaseWriter === 'inline' ? 'inline' : 'on a writer thread'}, synchronous=${config.sqliteSynchronous}`
    : '';
  const lines = [
    `Kabinet ${VERSION} on ${runtime} — database ${config.databaseUrl}${seeded ? ' (demo data seeded)' : ''}${writes}`,
    `  Demo operator site:  ${base}/`,
    `  Second operator:     ${base}/northwind/`,
    `  API reference:       ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    `  Health:              ${base}/health`,
  ];
  if (config.seed === 'demo') {
    lines.push(
      `  Embedded flow:       ${base}/embedded/   (the operator's site mints an embed session for its partner)`,
      `  Demo mailbox:        ${base}/demo/mailbox   (unlock, reset and invitation links land here)`,
      `  Demo tracker:        ${base}/demo/tracker   (the demo partners' postbacks arrive here)`,
      `  Operator console:    ${base}/operator/   (CPA networks, tracker connection, conversions, reports, plans, bills, qualified players)`,
    );
    // The twin loopback name is another origin to a browser: the page embeds the portal cross-origin.
    const twinHost = ({ '127.0.0.1': 'localhost', localhost: '127.0.0.1' } as Record<string, string>)[
      new URL(base).hostname
    ];
    if (twinHost)
      lines.push(
        `  Cross-origin embed:  http://${twinHost}:${config.port}/cross-origin/   ` +
          `(an operator page on another origin; kabinet.js and the API come from ${base})`,
      );
    lines.push(`  Partner sign-in (demo data only; password for every demo partner user: ${DEMO_PASSWORD}):`);
    for (const demo of DEMO_OPERATORS)
      lines.push(`    ${demo.name.padEnd(18)} ${demo.signInEmail.padEnd(32)} hosted page ${base}/portal/${demo.id}`);
    lines.push(
      '  Operator API keys (demo data only; try: curl -H "Authorization: Bearer <key>" ' + base + '/v1/partners):',
    );
    for (const demo of DEMO_OPERATORS) lines.push(`    ${demo.name.padEnd(18)} ${demo.id.padEnd(20)} ${demo.apiKey}`);
  }
  return lines.join('\n');
}
