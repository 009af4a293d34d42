/**
 * The scheduled billing run: every hour (the hourly housekeeping on Node and Deno, the Cron Trigger
 * on Workers) each operator with plans is billed up to now. A run that hits its time budget
 * enqueues a follow-up job that continues where it stopped (progress is saved per period).
 */
import type { JobHandlers } from '../../jobs/outbox.ts';
import { withTenant, type ServiceContext } from '../../lib/context.ts';
import { listOperatorsWithPlans } from '../commissions/service.ts';
import { runBilling } from './run-billing.ts';

export const BILLING_RUN_JOB = 'billing.run';

/** A run stays well inside the job lease (60 s). */
const RUN_BUDGET_MS = 20_000;

export function billingHandlers(deps: ServiceContext): JobHandlers {
  return {
    async [BILLING_RUN_JOB]() {
      const deadline = deps.clock.now().getTime() + RUN_BUDGET_MS;
      let complete = true;
      for (const operatorId of await listOperatorsWithPlans(deps)) {
        // One operator's failure is reported and leaves the others billed; the next hour tries again.
        try {
          complete = (await runBilling(withTenant(deps, operatorId), { deadline })).complete && complete;
        } catch (error) {
          deps.reportError?.(error, null);
        }
      }
      if (!complete)
        await deps.jobs.enqueue({
          kind: BILLING_RUN_JOB,
          payload: {},
          idempotencyKey: `more-${deps.clock.now().toISOString()}`,
        });
    },
  };
}
