/**
 * Housekeeping jobs every runtime schedules: finished outbox rows are kept for a while (they are
 * the delivery history) and then purged so the table stays small.
 */
import { and, inArray, lt } from 'drizzle-orm';
import type { JobHandlers, JobQueue } from './outbox.ts';
import type { Clock } from '../lib/clock.ts';
import { jobs } from './table.ts';

export const FINISHED_JOB_RETENTION_MS = 30 * 24 * 3_600_000;

export const maintenanceHandlers: JobHandlers = {
  async 'maintenance.purge_finished_jobs'({ db, clock }) {
    const cutoff = new Date(clock.now().getTime() - FINISHED_JOB_RETENTION_MS);
    await db.delete(jobs).where(and(inArray(jobs.status, ['done', 'dead']), lt(jobs.finishedAt, cutoff)));
  },
};

/**
 * Daily housekeeping kinds; modules register the handlers of their own (the postback log's
 * purge lives with the postbacks).
 */
export const DAILY_MAINTENANCE = [
  'maintenance.purge_finished_jobs',
  'maintenance.purge_postback_log',
  'maintenance.purge_raw_clicks',
  'maintenance.purge_requested_reports',
  'network_api.purge',
] as const;

/**
 * Hourly kinds: the statistics' local-day roll-up (a closed day is summed soon after local midnight),
 * the billing run (a closed billing period is billed within the hour) and the automatic cash-out
 * schedules (each local date's slot is asked for within its day).
 */
export const HOURLY_MAINTENANCE = ['statistics.roll_up_local_days', 'billing.run', 'cash_out_schedules.run'] as const;

/** Every minute: network API syncs that are due (each connection has its own period). */
export const MINUTELY_MAINTENANCE = ['network_api.sync_due'] as const;

/**
 * Enqueues the daily housekeeping once per UTC day and the hourly once per hour (and the
 * minutely once a minute), however many runners or cron ticks ask (Workers: every cron tick; Node and Deno: every minute).
 */
export async function scheduleMaintenance(queue: JobQueue, clock: Clock): Promise<void> {
  const iso = clock.now().toISOString();
  const day = iso.slice(0, 10);
  const hour = iso.slice(0, 13);
  const minute = iso.slice(0, 16);
  for (const kind of DAILY_MAINTENANCE) await queue.enqueue({ kind, payload: { day }, idempotencyKey: day });
  for (const kind of HOURLY_MAINTENANCE) await queue.enqueue({ kind, payload: { hour }, idempotencyKey: hour });
  for (const kind of MINUTELY_MAINTENANCE)
    await queue.enqueue({ kind, payload: { minute }, idempotencyKey: minute, maxAttempts: 1 });
}
