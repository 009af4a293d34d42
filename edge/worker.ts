/**
 * Cloudflare Workers entry: `npm run dev:worker` locally. D1 by default; a remote libSQL (Turso)
 * database when DATABASE_URL is set. Postbacks and other background work travel through the
 * JOBS Queue; the Cron Trigger sweeps anything a queue message did not finish.
 * Static files (demo site, kabinet.js) are served by Workers static assets before this runs.
 */
import { VERSION } from '../core/lib/version.ts';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { createClient } from '@libsql/client/web';
import * as schema from '../core/db/schema.ts';
import type { Db } from '../core/db/client.ts';
import { createApp } from '../core/http/app.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { systemClock } from '../core/lib/clock.ts';
import { createOutbox, runDueJobs, runJobs, type JobHandlers } from '../core/jobs/outbox.ts';
import { maintenanceHandlers, scheduleMaintenance } from '../core/jobs/maintenance.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { mailHandlers } from '../core/modules/mail/service.ts';
import { postbackHandlers } from '../core/modules/postbacks/deliver-postback.ts';
import { statisticsHandlers } from '../core/modules/statistics/purge-raw-clicks.ts';
import { billingHandlers } from '../core/modules/billing/jobs.ts';
import { cashOutScheduleHandlers } from '../core/modules/cash-out-schedules/jobs.ts';
import { networkApiHandlers } from '../core/modules/network-api/jobs.ts';
import { createFetchOutbound } from '../core/modules/postbacks/outbound.ts';
import { readMailConfig } from './mail-config.ts';
import { createTrackingDeps } from '../core/modules/tracking/tracking-deps.ts';
import { createDirectWriter } from '../core/modules/tracking/click-writer.ts';
import {
  createQueuedClickWriter,
  storeQueuedClicks,
  type ClickQueue,
  type QueuedClick,
} from '../core/modules/tracking/queued-clicks.ts';
import { createDemoOperatorBackend } from '../demo/operator-backend.ts';
import { requestedReportHandlers } from '../core/modules/requested-reports/jobs.ts';
import { newsHandlers } from '../core/modules/news/jobs.ts';
import { readReportRetentionDays } from '../core/modules/requested-reports/retention.ts';
import { createR2FileStore, type R2BucketLike } from './r2-file-store.ts';

interface QueueLike {
  send(message: { jobId: string }, options?: { delaySeconds?: number }): Promise<void>;
  sendBatch(messages: Array<{ body: { jobId: string }; delaySeconds?: number }>): Promise<void>;
}
/** Cloudflare Queues take at most 100 messages per sendBatch. */
const QUEUE_BATCH = 100;
const delayOf = (runAt: Date) => Math.max(0, Math.ceil((runAt.getTime() - Date.now()) / 1000));
interface Env {
  DB?: unknown;
  JOBS?: QueueLike;
  /** The clicks queue: a 302 waits for the send, the consumer stores clicks in batches (without it, one insert per click). */
  CLICKS?: ClickQueue;
  /** R2 bucket for generated files (requested reports); without it those routes answer 503. */
  FILES?: R2BucketLike;
  /** Days a requested report's file is kept (default 7). */
  KABINET_REPORT_RETENTION_DAYS?: string;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  /** 32+ random characters; encrypts TOTP secrets and statistic tokens (a Worker secret). */
  KABINET_SECRET?: string;
  /** Base URL for links in emails; defaults to the origin of the request that built the deps. */
  KABINET_PUBLIC_URL?: string;
  MAIL_DRIVER?: string;
  MAIL_HTTP_URL?: string;
  MAIL_HTTP_TOKEN?: string;
  MAIL_FROM?: string;
  KABINET_DEMO_MAILBOX?: string;
  /** `on`: also serve the demo operator's backend (embed sessions and console proxy with the demo keys). Demo data only. */
  KABINET_DEMO?: string;
  KABINET_FALLBACK_URL?: string;
}
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}
interface MessageBatch<Body = { jobId: string }> {
  queue: string;
  messages: Array<{ body: Body; ack(): void; retry(): void }>;
  retryAll(): void;
}
/** The clicks queue and its dead-letter queue (wrangler.toml): both are stored by the same consumer. */
const CLICK_QUEUES = new Set(['kabinet-clicks', 'kabinet-clicks-failed']);

let handlers: JobHandlers = { ...maintenanceHandlers };

function openDatabase(env: Env): Db {
  if (env.DATABASE_URL) {
    return drizzleLibsql(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }), {
      schema,
    }) as unknown as Db;
  }
  if (!env.DB) throw new Error('Bind a D1 database as DB, or set DATABASE_URL to a remote libSQL database');
  return drizzleD1(env.DB as never, { schema }) as unknown as Db;
}

// Deps are built once per isolate and env (bindings only exist inside a handler call).
const depsByEnv = new WeakMap<Env, Promise<AppDeps>>();
function depsFor(env: Env, origin = 'http://localhost'): Promise<AppDeps> {
  let deps = depsByEnv.get(env);
  if (!deps) {
    deps = buildDeps(env, origin);
    depsByEnv.set(env, deps);
  }
  return deps;
}

async function buildDeps(env: Env, origin: string): Promise<AppDeps> {
  if (!env.KABINET_SECRET) throw new Error('Set the KABINET_SECRET Worker secret (32+ random characters)');
  const db = openDatabase(env);
  const queue = env.JOBS;
  const notify = queue
    ? (jobId: string, runAt: Date) => queue.send({ jobId }, { delaySeconds: delayOf(runAt) })
    : undefined;
  const mail = readMailConfig(env as Record<string, string | undefined>);
  const deps: AppDeps = {
    db,
    clock: systemClock,
    runtime: 'workerd',
    version: VERSION,
    // An events batch can owe a thousand postbacks: one sendBatch per 100 instead of a send each.
    jobs: createOutbox(
      db,
      systemClock,
      notify,
      queue
        ? {
            notifyMany: async (jobs) => {
              for (let i = 0; i < jobs.length; i += QUEUE_BATCH) {
                await queue.sendBatch(
                  jobs
                    .slice(i, i + QUEUE_BATCH)
                    .map((job) => ({ body: { jobId: job.id }, delaySeconds: delayOf(job.runAt) })),
                );
              }
            },
          }
        : {},
    ),
    secretBox: await createSecretBox(env.KABINET_SECRET),
    mailTransport: mail.transport,
    publicUrl: env.KABINET_PUBLIC_URL ?? origin,
    demoMailbox: mail.demoMailbox && env.KABINET_DEMO_MAILBOX === 'on',
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? null,
    // Workers see the visitor's https: URL themselves; this is for yet another proxy in front.
    trustProxy: (env as Record<string, string | undefined>).KABINET_TRUST_PROXY === '1',
    // With the CLICKS queue the 302 waits for the click's durable send and the consumer stores
    // clicks in batches (core/modules/tracking/queued-clicks.ts); without it, one awaited insert per
    // click (isolates share no memory, so there is no cross-request group commit).
    tracking: createTrackingDeps(db, systemClock, {
      writer: env.CLICKS ? createQueuedClickWriter(env.CLICKS) : createDirectWriter(db),
      countryOf: (c) => c.req.header('cf-ipcountry') ?? null,
      ...(env.KABINET_FALLBACK_URL ? { defaultFallbackUrl: env.KABINET_FALLBACK_URL } : {}),
    }),
    outbound: createFetchOutbound(),
    ...(env.FILES ? { files: createR2FileStore(env.FILES) } : {}),
    reportError: (error, requestId) => console.error(`[${requestId}]`, error),
    reportWarning: (message) => console.warn(message),
  };
  handlers = {
    ...maintenanceHandlers,
    ...mailHandlers(mail.transport, mail.from),
    ...postbackHandlers(deps),
    ...statisticsHandlers,
    ...billingHandlers(deps),
    ...cashOutScheduleHandlers(deps),
    ...networkApiHandlers(deps),
    ...newsHandlers(deps),
    ...(deps.files
      ? requestedReportHandlers(deps, {
          retentionDays: readReportRetentionDays(env as Record<string, string | undefined>),
        })
      : {}),
  };
  return deps;
}

const appByDeps = new WeakMap<AppDeps, ReturnType<typeof createApp>>();
const demoBackendByApp = new WeakMap<ReturnType<typeof createApp>, ReturnType<typeof createDemoOperatorBackend>>();

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const deps = await depsFor(env, new URL(request.url).origin);
    let app = appByDeps.get(deps);
    if (!app) appByDeps.set(deps, (app = createApp(deps)));
    // The demo operator's backend (/embedded/ and /operator/ call it), as on Node and Deno.
    if (env.KABINET_DEMO === 'on' && new URL(request.url).pathname.startsWith('/demo/operator-backend/')) {
      let backend = demoBackendByApp.get(app);
      if (!backend) demoBackendByApp.set(app, (backend = createDemoOperatorBackend(app)));
      return backend.fetch(request, env, ctx as never);
    }
    return app.fetch(request, env, ctx as never);
  },
  async queue(batch: MessageBatch, env: Env) {
    const { db, clock } = await depsFor(env);
    if (CLICK_QUEUES.has(batch.queue)) {
      // Stored whole or not at all; on failure the queue delivers the batch again (repeats are left out).
      const clicks = batch as unknown as MessageBatch<QueuedClick>;
      await storeQueuedClicks(
        db,
        clicks.messages.map((m) => m.body),
        { maxParams: env.DATABASE_URL ? 32_000 : 100 },
      );
      for (const message of clicks.messages) message.ack();
      return;
    }
    // The batch's jobs run together (postbacks: one commit for all of them). A failed attempt is
    // rescheduled in the outbox itself (with its backoff) and the cron sweep runs it when due,
    // so every message is acknowledged.
    await runJobs(
      db,
      clock,
      handlers,
      batch.messages.map((m) => m.body.jobId),
    );
    for (const message of batch.messages) message.ack();
  },
  async scheduled(_controller: unknown, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(
      (async () => {
        const { db, clock, jobs } = await depsFor(env);
        await scheduleMaintenance(jobs, clock);
        await runDueJobs(db, clock, handlers, 200);
      })().catch((error: unknown) => {
        // Logged for `wrangler tail`; the next tick retries whatever is still due.
        console.error('scheduled run failed:', error);
        throw error;
      }),
    );
  },
};
