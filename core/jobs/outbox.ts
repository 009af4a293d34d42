/**
 * Background work for every module (postbacks, billing, schedules, reports): enqueue writes a
 * row to the `jobs` outbox; a runner claims due rows and calls the handler for their kind.
 * Node and Deno run `startJobRunner` in process; Workers run `runDueJobs` from Cron Triggers and
 * `runJob` from the Queue consumer that `notify` feeds.
 */
import { and, eq, inArray, lte, or, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { jobs } from './table.ts';

export interface NewJob {
  kind: string;
  payload: unknown;
  operatorId?: string | null;
  /** Run no earlier than this (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /** A second enqueue with the same kind and key returns the first job's id and adds nothing. */
  idempotencyKey?: string;
}

export interface JobQueue {
  enqueue(job: NewJob): Promise<string>;
}

export type JobRow = typeof jobs.$inferSelect;
export interface JobContext {
  db: Db;
  clock: Clock;
  job: JobRow;
}
export type JobHandler = (ctx: JobContext, payload: any) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** How long a claimed job is reserved before another runner may take it over. */
export const JOB_LEASE_MS = 60_000;

/** Retry delay after the n-th failed attempt: 5 s, 30 s, 2 min, 10 min, 1 h, then every 6 h. */
export function retryDelayMs(attempt: number): number {
  const schedule = [5_000, 30_000, 120_000, 600_000, 3_600_000];
  return schedule[attempt - 1] ?? 21_600_000;
}

export function createOutbox(db: Db, clock: Clock, notify?: (jobId: string, runAt: Date) => Promise<void>): JobQueue {
  return {
    async enqueue(job) {
      const now = clock.now();
      const id = newId('job', clock);
      const runAt = job.runAt ?? now;
      const inserted = await db.insert(jobs).values({
        id,
        operatorId: job.operatorId ?? null,
        kind: job.kind,
        payload: job.payload ?? null,
        runAt,
        maxAttempts: job.maxAttempts ?? 8,
        idempotencyKey: job.idempotencyKey ?? null,
        createdAt: now,
      }).onConflictDoNothing().returning({ id: jobs.id });
      if (inserted.length === 0 && job.idempotencyKey) {
        const [existing] = await db.select({ id: jobs.id }).from(jobs)
          .where(and(eq(jobs.kind, job.kind), eq(jobs.idempotencyKey, job.idempotencyKey)));
        if (existing) return existing.id;
      }
      await notify?.(id, runAt);
      return id;
    },
  };
}

/** Claims up to `limit` due jobs (or those whose lease expired) in one statement. */
async function claimDueJobs(db: Db, clock: Clock, limit: number, onlyId?: string): Promise<JobRow[]> {
  const now = clock.now();
  const due = db.select({ id: jobs.id }).from(jobs).where(and(
    onlyId ? eq(jobs.id, onlyId) : undefined,
    lte(jobs.runAt, now),
    or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now)))),
  )).orderBy(jobs.runAt).limit(limit);
  return db.update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: new Date(now.getTime() + JOB_LEASE_MS) })
    .where(inArray(jobs.id, due))
    .returning();
}

async function executeJob(db: Db, clock: Clock, handlers: JobHandlers, job: JobRow): Promise<'done' | 'retry' | 'dead'> {
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
    await handler({ db, clock, job }, job.payload);
    await db.update(jobs).set({ status: 'done', lockedUntil: null, lastError: null, finishedAt: clock.now() }).where(eq(jobs.id, job.id));
    return 'done';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const dead = job.attempts >= job.maxAttempts;
    const now = clock.now();
    await db.update(jobs).set(dead
      ? { status: 'dead', lockedUntil: null, lastError: message, finishedAt: now }
      : { status: 'queued', lockedUntil: null, lastError: message, runAt: new Date(now.getTime() + retryDelayMs(job.attempts)) },
    ).where(eq(jobs.id, job.id));
    return dead ? 'dead' : 'retry';
  }
}

export interface RunReport { done: number; retried: number; dead: number }

/** Runs every due job once; the count tells a runner whether to look again straight away. */
export async function runDueJobs(db: Db, clock: Clock, handlers: JobHandlers, limit = 50): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, dead: 0 };
  const claimed = await claimDueJobs(db, clock, limit);
  for (const job of claimed) {
    const outcome = await executeJob(db, clock, handlers, job);
    if (outcome === 'done') report.done++;
    else if (outcome === 'retry') report.retried++;
    else report.dead++;
  }
  return report;
}

/** Runs one job by id if it is due (a Queue message names the job it was sent for). */
export async function runJob(db: Db, clock: Clock, handlers: JobHandlers, jobId: string): Promise<'done' | 'retry' | 'dead' | 'not_due'> {
  const [job] = await claimDueJobs(db, clock, 1, jobId);
  return job ? executeJob(db, clock, handlers, job) : 'not_due';
}

/**
 * The in-process runner for Node and Deno: polls the outbox, and drains it without sleeping
 * while work keeps coming. Returns a stop function that waits for the current pass.
 */
export function startJobRunner(db: Db, clock: Clock, handlers: JobHandlers, options: { intervalMs?: number; onError?: (e: unknown) => void } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 500;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = (async () => {
      try {
        const report = await runDueJobs(db, clock, handlers);
        const busy = report.done + report.retried + report.dead > 0;
        if (!stopped) timer = setTimeout(tick, busy ? 0 : intervalMs);
      } catch (error) {
        options.onError?.(error);
        if (!stopped) timer = setTimeout(tick, intervalMs);
      }
    })();
  };
  timer = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
