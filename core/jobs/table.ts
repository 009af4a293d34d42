import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;

/**
 * The durable outbox: a job is a row first and work second, so nothing enqueued is lost when a
 * process dies. Runners claim rows with a lease; an expired lease means the runner died and the
 * job is claimed again (at-least-once).
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id'),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    /** Enqueueing twice with the same key yields one job (e.g. one billing run per period). */
    idempotencyKey: text('idempotency_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('jobs_due').on(t.status, t.runAt), uniqueIndex('jobs_kind_idempotency').on(t.kind, t.idempotencyKey)],
);
