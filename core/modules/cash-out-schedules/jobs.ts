/**
 * The hourly schedules run (the hourly housekeeping on Node and Deno, the Cron Trigger on
 * Workers): every operator with enabled schedules has today's slots asked for. A run that hits
 * its time budget enqueues a follow-up; slots done already are not asked again.
 */
import type { JobHandlers } from '../../jobs/outbox.ts';
import { withTenant, type ServiceContext } from '../../lib/context.ts';
import { listOperatorsWithSchedules, runCashOutSchedules } from './run-schedules.ts';

export const CASH_OUT_SCHEDULES_JOB = 'cash_out_schedules.run';

/** A run stays well inside the job lease (60 s). */
const RUN_BUDGET_MS = 20_000;

export function cashOutScheduleHandlers(deps: ServiceContext): JobHandlers {
  return {
    async [CASH_OUT_SCHEDULES_JOB]() {
      const deadline = deps.clock.now().getTime() + RUN_BUDGET_MS;
      let complete = true;
      for (const operatorId of await listOperatorsWithSchedules(deps)) {
        // One operator's failure is reported and leaves the others run; the next hour tries again.
        try {
          complete = (await runCashOutSchedules(withTenant(deps, operatorId), { deadline })).complete && complete;
        } catch (error) {
          deps.reportError?.(error, null);
        }
      }
      if (!complete)
        await deps.jobs.enqueue({
          kind: CASH_OUT_SCHEDULES_JOB,
          payload: {},
          idempotencyKey: `more-${deps.clock.now().toISOString()}`,
        });
    },
  };
}
