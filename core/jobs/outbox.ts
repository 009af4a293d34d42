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
import { insertManyAtomically, type InsertPart, type QueryPart } from '../db/insert-many.ts';

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
  /**
   * Adds many jobs in one batch, together with rows they belong to (`alongside`, e.g. the
   * deliveries the jobs will send): both are written or neither. Jobs whose idempotency key is
   * already queued are skipped. Every job needs an idempotency key here.
   */
  enqueueMany(jobs: Array<NewJob & { idempotencyKey: string }>, alongside?: Array<InsertPart | QueryPart>): Promise<void>;
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

export function createOutbox(db: Db, clock: Clock, notify?: (jobId: string, runAt: Date) => Promise<void>, options: { maxParams?: number } = {}): JobQueue {
  return {
    async enqueueMany(newJobs, alongside = []) {
      const now = clock.now();
      const rows = newJobs.map((job) => ({
        id: newId('job', clock), operatorId: job.operatorId ?? null, kind: job.kind, payload: job.payload ?? null,
        runAt: job.runAt ?? now, maxAttempts: job.maxAttempts ?? 8, idempotencyKey: job.idempotencyKey, createdAt: now,
      }));
      await insertManyAtomically(db, [...alongside, { table: jobs, rows, onConflictDoNothing: true }], options);
      // A skipped duplicate's id was never stored: notifying it only makes a no-op run.
      if (notify) for (const row of rows) await notify(row.id, row.runAt);
    },
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

/**
 * Runs every due job once, `concurrency` at a time (postbacks wait on other people's servers;
 * one slow receiver must not hold up the rest). The count tells a runner whether to look again.
 */
export async function runDueJobs(db: Db, clock: Clock, handlers: JobHandlers, limit = 50, concurrency = 1): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, dead: 0 };
  const claimed = await claimDueJobs(db, clock, limit);
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const outcome = await executeJob(db, clock, handlers, claimed[next++]!);
      if (outcome === 'done') report.done++;
      else if (outcome === 'retry') report.retried++;
      else report.dead++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  return report;
}

/** Runs one job by id if it is due (a Queue message names the job it was sent for). */
export async function runJob(db: Db, clock: Clock, handlers: JobHandlers, jobId: string): Promise<'done' | 'retry' | 'dead' | 'not_due'> {
  const [job] = await claimDueJobs(db, clock, 1, jobId);
  return job ? executeJob(db, clock, handlers, job) : 'not_due';
}

export interface JobRunner {
  /** Look for due work now (called when a job is enqueued) instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the current pass. */
  stop(): Promise<void>;
}

/**
 * The in-process runner for Node and Deno: polls the outbox, drains it without sleeping while
 * work keeps coming, and wakes early when told a job was enqueued.
 */
export function startJobRunner(db: Db, clock: Clock, handlers: JobHandlers, options: { intervalMs?: number; concurrency?: number; onError?: (e: unknown) => void } = {}): JobRunner {
  const intervalMs = options.intervalMs ?? 500;
  const concurrency = options.concurrency ?? 16;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(tick, delay);
  };
  const tick = () => {
    if (running) { again = true; return; }
    running = true;
    again = false;
    current = (async () => {
      try {
        const report = await runDueJobs(db, clock, handlers, concurrency * 4, concurrency);
        running = false;
        schedule(report.done + report.retried + report.dead > 0 || again ? 0 : intervalMs);
      } catch (error) {
        running = false;
        options.onError?.(error);
        schedule(intervalMs);
      }
    })();
  };
  schedule(0);
  return {
    wake() {
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
