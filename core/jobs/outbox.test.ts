import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/test-app.ts';
import { manualClock } from '../lib/clock.ts';
import {
  JOB_LEASE_MS,
  createOutbox,
  retryDelayMs,
  runDueJobs,
  runJob,
  runJobs,
  startJobRunner,
  type JobHandlers,
} from './outbox.ts';
import { FINISHED_JOB_RETENTION_MS, maintenanceHandlers, scheduleMaintenance } from './maintenance.ts';
import { jobs } from './table.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.dispose());

const row = async (id: string) => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

describe('job outbox', () => {
  it('stores a job durably and runs it once', async () => {
    const clock = manualClock();
    const seen: unknown[] = [];
    const handlers: JobHandlers = {
      'test.echo': async (_ctx, payload) => {
        seen.push(payload);
      },
    };
    const id = await createOutbox(t.db, clock).enqueue({ kind: 'test.echo', payload: { n: 1 } });
    expect((await row(id)).status).toBe('queued');
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 1, retried: 0, dead: 0 });
    expect(await runDueJobs(t.db, clock, handlers)).toEqual({ done: 0, retried: 0, dead: 0 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('waits for runAt', async () => {
    const clock = manualClock();
    const handlers: JobHandlers = { 'test.noop': async () => {} };
    const id = await createOutbox(t.db, clock).enqueue({
      kind: 'test.noop',
      payload: null,
      runAt: new Date(clock.now().getTime() + 60_000),
    });
    expect((await runDueJobs(t.db, clock, handlers)).done).toBe(0);
    expect(await runJob(t.db, clock, handlers, id)).toBe('not_due');
    clock.advance(60_000);
    expect(await runJob(t.db, clock, handlers, id)).toBe('done');
  });

  it('retries with backoff, then marks the job dead with its last error', async () => {
    const clock = manualClock();
    const handlers: JobHandlers = {
      'test.fail': async () => {
        throw new Error('receiver said 503');
      },
    };
    const id = await createOutbox(t.db, clock).enqueue({ kind: 'test.fail', payload: {}, maxAttempts: 3 });
    expect((await runDueJobs(t.db, clock, handlers)).retried).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'receiver said 503' });
    expect((await row(id)).runAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(1));
    clock.advance(retryDelayMs(1) - 1);
    expect((await runDueJobs(t.db, clock, handlers)).retried).toBe(0);
    clock.advance(1);
    expect((await runDueJobs(t.db, clock, handlers)).retried).toBe(1);
    clock.advance(retryDelayMs(2));
    expect((await runDueJobs(t.db, clock, handlers)).dead).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('treats an unknown kind as a failure, not a silent drop', async () => {
    const clock = manualClock();
    const id = await createOutbox(t.db, clock).enqueue({ kind: 'test.unknown', payload: {}, maxAttempts: 1 });
    await runDueJobs(t.db, clock, {});
    expect(await row(id)).toMatchObject({ status: 'dead', lastError: 'No handler for job kind "test.unknown"' });
  });

  it('takes back a job whose runner died once its lease expires', async () => {
    const clock = manualClock();
    let calls = 0;
    const handlers: JobHandlers = {
      'test.count': async () => {
        calls++;
      },
    };
    const id = await createOutbox(t.db, clock).enqueue({ kind: 'test.count', payload: {} });
    // A runner claims it and dies before finishing: the row stays "running" with a lease.
    await t.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: new Date(clock.now().getTime() + JOB_LEASE_MS) })
      .where(eq(jobs.id, id));
    expect((await runDueJobs(t.db, clock, handlers)).done).toBe(0);
    clock.advance(JOB_LEASE_MS + 1);
    expect((await runDueJobs(t.db, clock, handlers)).done).toBe(1);
    expect(calls).toBe(1);
    expect((await row(id)).attempts).toBe(2);
  });

  it('enqueues once per idempotency key', async () => {
    const clock = manualClock();
    const outbox = createOutbox(t.db, clock);
    const first = await outbox.enqueue({ kind: 'test.once', payload: 1, idempotencyKey: 'period-2026-11' });
    const second = await outbox.enqueue({ kind: 'test.once', payload: 2, idempotencyKey: 'period-2026-11' });
    expect(second).toBe(first);
    expect(await t.db.select().from(jobs)).toHaveLength(1);
  });

  it('notifies a queue (Workers) after the row is stored', async () => {
    const clock = manualClock();
    const sent: string[] = [];
    const id = await createOutbox(t.db, clock, async (jobId) => {
      sent.push(jobId);
      expect((await row(jobId)).status).toBe('queued');
    }).enqueue({ kind: 'k', payload: 1 });
    expect(sent).toEqual([id]);
  });

  it('schedules housekeeping once a day and purges old finished jobs only', async () => {
    const clock = manualClock('2026-11-01T00:00:00Z');
    const outbox = createOutbox(t.db, clock);
    const old = await outbox.enqueue({ kind: 'test.noop', payload: null });
    await runDueJobs(t.db, clock, { 'test.noop': async () => {} });
    clock.advance(FINISHED_JOB_RETENTION_MS + 86_400_000);
    const pending = await outbox.enqueue({
      kind: 'test.later',
      payload: null,
      runAt: new Date(clock.now().getTime() + 3_600_000),
    });
    await scheduleMaintenance(outbox, clock);
    await scheduleMaintenance(outbox, clock);
    expect(await t.db.select().from(jobs).where(eq(jobs.kind, 'maintenance.purge_finished_jobs'))).toHaveLength(1);
    await runDueJobs(t.db, clock, maintenanceHandlers);
    const ids = (await t.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id);
    expect(ids).not.toContain(old);
    expect(ids).toContain(pending);
  });

  it('runs jobs in process until stopped', async () => {
    const clock = manualClock();
    const seen: number[] = [];
    const outbox = createOutbox(t.db, clock);
    const runner = startJobRunner(
      t.db,
      clock,
      {
        'test.n': async (_c, n: number) => {
          seen.push(n);
        },
      },
      { intervalMs: 10 },
    );
    for (let n = 0; n < 5; n++) await outbox.enqueue({ kind: 'test.n', payload: n });
    for (let i = 0; i < 200 && seen.length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('wakes early when told, instead of waiting for the next poll', async () => {
    const clock = manualClock();
    const seen: number[] = [];
    const runner = startJobRunner(
      t.db,
      clock,
      {
        'test.w': async (_c, n: number) => {
          seen.push(n);
        },
      },
      { intervalMs: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 50));
    const outbox = createOutbox(t.db, clock, async () => runner.wake());
    await outbox.enqueueMany([1, 2, 3].map((n) => ({ kind: 'test.w', payload: n, idempotencyKey: `w${n}` })));
    await outbox.enqueueMany([{ kind: 'test.w', payload: 1, idempotencyKey: 'w1' }]);
    for (let i = 0; i < 100 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it("runs a Queue batch's named jobs together, skipping those not yet due", async () => {
    const clock = manualClock();
    const outbox = createOutbox(t.db, clock);
    const seen: number[] = [];
    const handlers: JobHandlers = {
      'test.q': async (_c, n: number) => {
        seen.push(n);
      },
    };
    const a = await outbox.enqueue({ kind: 'test.q', payload: 1 });
    const b = await outbox.enqueue({ kind: 'test.q', payload: 2 });
    const later = await outbox.enqueue({ kind: 'test.q', payload: 3, runAt: new Date(clock.now().getTime() + 60_000) });
    await outbox.enqueue({ kind: 'test.q', payload: 4 });
    expect(await runJobs(t.db, clock, handlers, [a, b, later])).toEqual({ done: 2, retried: 0, dead: 0 });
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('runs claimed jobs concurrently when asked', async () => {
    const clock = manualClock();
    const outbox = createOutbox(t.db, clock);
    let inFlight = 0;
    let peak = 0;
    const handlers: JobHandlers = {
      'test.slow': async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
      },
    };
    for (let n = 0; n < 8; n++) await outbox.enqueue({ kind: 'test.slow', payload: n });
    expect(await runDueJobs(t.db, clock, handlers, 50, 4)).toEqual({ done: 8, retried: 0, dead: 0 });
    expect(peak).toBe(4);
  });
});
