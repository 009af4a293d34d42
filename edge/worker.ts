/**
 * Cloudflare Workers entry: `npm run dev:worker` locally. D1 by default; a remote libSQL (Turso)
 * database when DATABASE_URL is set. Postbacks and other background work travel through the
 * JOBS Queue; the Cron Trigger sweeps anything a queue message did not finish.
 * Static files (demo site, kabinet.js) are served by Workers static assets before this runs.
 */
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { createClient } from '@libsql/client/web';
import * as schema from '../core/db/schema.ts';
import type { Db } from '../core/db/client.ts';
import { createApp } from '../core/http/app.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { systemClock } from '../core/lib/clock.ts';
import { createOutbox, runDueJobs, runJob, type JobHandlers } from '../core/jobs/outbox.ts';
import { maintenanceHandlers, scheduleMaintenance } from '../core/jobs/maintenance.ts';

interface QueueLike { send(message: { jobId: string }, options?: { delaySeconds?: number }): Promise<void> }
interface Env {
  DB?: unknown;
  JOBS?: QueueLike;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
}
interface ExecutionContext { waitUntil(promise: Promise<unknown>): void }
interface MessageBatch { messages: Array<{ body: { jobId: string }; ack(): void; retry(): void }> }

const VERSION = '0.1.0';
const handlers: JobHandlers = { ...maintenanceHandlers };

function openDatabase(env: Env): Db {
  if (env.DATABASE_URL) {
    return drizzleLibsql(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }), { schema }) as unknown as Db;
  }
  if (!env.DB) throw new Error('Bind a D1 database as DB, or set DATABASE_URL to a remote libSQL database');
  return drizzleD1(env.DB as never, { schema }) as unknown as Db;
}

// Deps are built once per isolate and env (bindings only exist inside a handler call).
const depsByEnv = new WeakMap<Env, AppDeps>();
function depsFor(env: Env): AppDeps {
  let deps = depsByEnv.get(env);
  if (!deps) {
    const db = openDatabase(env);
    const queue = env.JOBS;
    const notify = queue
      ? (jobId: string, runAt: Date) => queue.send({ jobId }, { delaySeconds: Math.max(0, Math.ceil((runAt.getTime() - Date.now()) / 1000)) })
      : undefined;
    deps = {
      db, clock: systemClock, jobs: createOutbox(db, systemClock, notify), runtime: 'workerd', version: VERSION,
      reportError: (error, requestId) => console.error(`[${requestId}]`, error),
    };
    depsByEnv.set(env, deps);
  }
  return deps;
}

const appByDeps = new WeakMap<AppDeps, ReturnType<typeof createApp>>();

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const deps = depsFor(env);
    let app = appByDeps.get(deps);
    if (!app) appByDeps.set(deps, (app = createApp(deps)));
    return app.fetch(request, env, ctx as never);
  },
  async queue(batch: MessageBatch, env: Env) {
    const { db, clock } = depsFor(env);
    for (const message of batch.messages) {
      // A failed attempt is rescheduled in the outbox itself (with its backoff), and the cron
      // sweep runs it when due, so the message is always acknowledged.
      await runJob(db, clock, handlers, message.body.jobId);
      message.ack();
    }
  },
  async scheduled(_controller: unknown, env: Env, ctx: ExecutionContext) {
    const { db, clock, jobs } = depsFor(env);
    ctx.waitUntil((async () => {
      await scheduleMaintenance(jobs, clock);
      await runDueJobs(db, clock, handlers, 200);
    })());
  },
};
