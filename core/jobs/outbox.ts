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
  enqueueMany(
    jobs: Array<NewJob & { idempotencyKey: string }>,
    alongside?: Array<InsertPart | QueryPart>,
  ): Promise<void>;
}

export type JobRow = typeof jobs.$inferSelect;
export interface JobContext {
  db: Db;
  clock: Clock;
  job: JobRow;
}
export type JobHandler = (ctx: JobContext, payload: any) => Promise<void>;

/** One job's result in a batch: `error` null is done, else a retry (or dead after the last attempt). */
export interface JobOutcome {
  error: string | null;
  /** Rows and updates to write with the jobs' own status, in the same batch. */
  writes?: Array<InsertPart | QueryPart>;
}
/**
 * A handler that takes every claimed job of its kind at once and returns what to write, so a
 * pass costs one commit instead of several per job (postbacks: the attempts, the deliveries and
 * the jobs, thousands a second). It runs at most `concurrency` jobs' work at a time itself.
 */
export interface BatchJobHandler {
  batch(ctx: { db: Db; clock: Clock; concurrency: number }, jobs: JobRow[]): Promise<JobOutcome[]>;
}
export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

/** How long a claimed job is reserved before another runner may take it over. */
export const JOB_LEASE_MS = 60_000;

/**
 * Keeps a long job's claim (a requested report built page by page): its lease runs JOB_LEASE_MS
 * from now again, so no other runner takes it over while this one is still working.
 */
export async function extendJobLease(ctx: JobContext): Promise<void> {
  await ctx.db
    .update(jobs)
    .set({ lockedUntil: new Date(ctx.clock.now().getTime() + JOB_LEASE_MS) })
    .where(and(eq(jobs.id, ctx.job.id), eq(jobs.status, 'running')));
}

/** Retry delay after the n-th failed attempt: 5 s, 30 s, 2 min, 10 min, 1 h, then every 6 h. */
export function retryDelayMs(attempt: number): number {
  const schedule = [5_000, 30_000, 120_000, 600_000, 3_600_000];
  return schedule[attempt - 1] ?? 21_600_000;
}

export interface OutboxOptions {
  maxParams?: number;
  /** Tells the runner about many jobs at once (a Queue's sendBatch); else `notify` is called per job. */
  notifyMany?: (jobs: Array<{ id: string; runAt: Date }>) => Promise<void>;
}

export function createOutbox(
  db: Db,
  clock: Clock,
  notify?: (jobId: string, runAt: Date) => Promise<void>,
  options: OutboxOptions = {},
): JobQueue {
  return {
    async enqueueMany(newJobs, alongside = []) {
      const now = clock.now();
      const rows = newJobs.map((job) => ({
        id: newId('job', clock),
        operatorId: job.operatorId ?? null,
        kind: job.kind,
        payload: job.payload ?? null,
        runAt: job.runAt ?? now,
        maxAttempts: job.maxAttempts ?? 8,
        idempotencyKey: job.idempotencyKey,
        createdAt: now,
      }));
      await insertManyAtomically(db, [...alongside, { table: jobs, rows, onConflictDoNothing: true }], options);
      // A skipped duplicate's id was never stored: notifying it only makes a no-op run.
      if (options.notifyMany) {
        if (rows.length) await options.notifyMany(rows.map((row) => ({ id: row.id, runAt: row.runAt })));
      } else if (notify) for (const row of rows) await notify(row.id, row.runAt);
    },
    async enqueue(job) {
      const now = clock.now();
      const id = newId('job', clock);
      const runAt = job.runAt ?? now;
      const inserted = await db
        .insert(jobs)
        .values({
          id,
          operatorId: job.operatorId ?? null,
          kind: job.kind,
          payload: job.payload ?? null,
          runAt,
          maxAttempts: job.maxAttempts ?? 8,
          idempotencyKey: job.idempotencyKey ?? null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: jobs.id });
      if (inserted.length === 0 && job.idempotencyKey) {
        const [existing] = await db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.kind, job.kind), eq(jobs.idempotencyKey, job.idempotencyKey)));
        if (existing) return existing.id;
      }
      await notify?.(id, runAt);
      return id;
    },
  };
}

/** Claims up to `limit` due jobs (or those whose lease expired) in one statement. */
async function claimDueJobs(db: Db, clock: Clock, limit: number, onlyIds?: string[]): Promise<JobRow[]> {
  const now = clock.now();
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        onlyIds ? inArray(jobs.id, onlyIds) : undefined,
        lte(jobs.runAt, now),
        or(
          eq(jobs.status, 'queued'),
          and(eq(jobs.status, 'running'), or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now))),
        ),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(limit);
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + JOB_LEASE_MS),
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/** A statement written by hand, for a batch. */
export const plainStatement = (text: string, params: unknown[]): QueryPart => ({
  query: { toSQL: () => ({ sql: text, params }) },
});
const statement = plainStatement;

/**
 * The job's new status as a plain statement: built by hand rather than by the query builder,
 * because a pass of postbacks settles hundreds of jobs and the builder costs more than the write.
 */
function settle(
  clock: Clock,
  job: JobRow,
  error: string | null,
): { part: QueryPart; outcome: 'done' | 'retry' | 'dead' } {
  const now = clock.now().getTime();
  if (error === null)
    return {
      part: statement(
        "update jobs set status = 'done', locked_until = null, last_error = null, finished_at = ? where id = ?",
        [now, job.id],
      ),
      outcome: 'done',
    };
  if (job.attempts >= job.maxAttempts)
    return {
      part: statement(
        "update jobs set status = 'dead', locked_until = null, last_error = ?, finished_at = ? where id = ?",
        [error, now, job.id],
      ),
      outcome: 'dead',
    };
  return {
    part: statement("update jobs set status = 'queued', locked_until = null, last_error = ?, run_at = ? where id = ?", [
      error,
      now + retryDelayMs(job.attempts),
      job.id,
    ]),
    outcome: 'retry',
  };
}

async function executeJob(
  db: Db,
  clock: Clock,
  handler: JobHandler | undefined,
  job: JobRow,
): Promise<'done' | 'retry' | 'dead'> {
  let error: string | null = null;
  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
    await handler({ db, clock, job }, job.payload);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const { part, outcome } = settle(clock, job, error);
  await insertManyAtomically(db, [part]);
  return outcome;
}

/** A batch handler's jobs: its outcomes and every job's new status, written in one batch. */
async function executeBatch(
  db: Db,
  clock: Clock,
  handler: BatchJobHandler,
  claimed: JobRow[],
  concurrency: number,
): Promise<Array<'done' | 'retry' | 'dead'>> {
  let results: JobOutcome[];
  try {
    results = await handler.batch({ db, clock, concurrency }, claimed);
  } catch (caught) {
    const error = caught instanceof Error ? caught.message : String(caught);
    results = claimed.map(() => ({ error }));
  }
  const settled = claimed.map((job, i) => settle(clock, job, results[i]?.error ?? null));
  await insertManyAtomically(db, [
    ...mergeInserts(results.flatMap((r) => r.writes ?? [])),
    ...settled.map((s) => s.part),
  ]);
  return settled.map((s) => s.outcome);
}

/** Rows for the same table become one multi-row insert. */
function mergeInserts(parts: Array<InsertPart | QueryPart>): Array<InsertPart | QueryPart> {
  const byTable = new Map<unknown, InsertPart>();
  const out: Array<InsertPart | QueryPart> = [];
  for (const part of parts) {
    if ('query' in part) {
      out.push(part);
      continue;
    }
    const key = part.table;
    const merged = byTable.get(key);
    if (merged && merged.onConflictDoNothing === part.onConflictDoNothing) merged.rows.push(...part.rows);
    else {
      const copy = { ...part, rows: [...part.rows] };
      byTable.set(key, copy);
      out.unshift(copy);
    }
  }
  return out;
}

export interface RunReport {
  done: number;
  retried: number;
  dead: number;
}

const isBatch = (handler: JobHandler | BatchJobHandler | undefined): handler is BatchJobHandler =>
  typeof handler === 'object' && handler !== null && 'batch' in handler;

/**
 * Runs every due job once, `concurrency` at a time (postbacks wait on other people's servers;
 * one slow receiver must not hold up the rest). The count tells a runner whether to look again.
 */
export async function runDueJobs(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  limit = 50,
  concurrency = 1,
): Promise<RunReport> {
  return runClaimed(db, clock, handlers, await claimDueJobs(db, clock, limit), concurrency);
}

/** Runs the named jobs that are due, together (a Queue consumer's batch of messages). */
export async function runJobs(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  jobIds: string[],
  concurrency = 8,
): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, dead: 0 };
  // D1 binds at most 100 parameters a statement.
  for (let i = 0; i < jobIds.length; i += 90) {
    const part = await runClaimed(
      db,
      clock,
      handlers,
      await claimDueJobs(db, clock, 90, jobIds.slice(i, i + 90)),
      concurrency,
    );
    report.done += part.done;
    report.retried += part.retried;
    report.dead += part.dead;
  }
  return report;
}

async function runClaimed(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  claimed: JobRow[],
  concurrency: number,
): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, dead: 0 };
  const count = (outcome: 'done' | 'retry' | 'dead') => {
    if (outcome === 'done') report.done++;
    else if (outcome === 'retry') report.retried++;
    else report.dead++;
  };
  const single: JobRow[] = [];
  const batches = new Map<string, JobRow[]>();
  for (const job of claimed) {
    if (isBatch(handlers[job.kind])) batches.set(job.kind, [...(batches.get(job.kind) ?? []), job]);
    else single.push(job);
  }
  let next = 0;
  const worker = async () => {
    while (next < single.length) {
      const job = single[next++]!;
      count(await executeJob(db, clock, handlers[job.kind] as JobHandler | undefined, job));
    }
  };
  await Promise.all([
    ...Array.from({ length: Math.min(concurrency, single.length) }, worker),
    ...[...batches].map(async ([kind, group]) =>
      (await executeBatch(db, clock, handlers[kind] as BatchJobHandler, group, concurrency)).forEach(count),
    ),
  ]);
  return report;
}

/** Runs one job by id if it is due (a Queue message names the job it was sent for). */
export async function runJob(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  jobId: string,
): Promise<'done' | 'retry' | 'dead' | 'not_due'> {
  const [job] = await claimDueJobs(db, clock, 1, [jobId]);
  if (!job) return 'not_due';
  const handler = handlers[job.kind];
  return isBatch(handler)
    ? (await executeBatch(db, clock, handler, [job], 1))[0]!
    : executeJob(db, clock, handler, job);
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
export function startJobRunner(
  db: Db,
  clock: Clock,
  handlers: JobHandlers,
  options: { intervalMs?: number; concurrency?: number; onError?: (e: unknown) => void } = {},
): JobRunner {
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
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    current = (async () => {
      try {
        const report = await runDueJobs(db, clock, handlers, concurrency * 16, concurrency);
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
