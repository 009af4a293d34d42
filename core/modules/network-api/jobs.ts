/**
 * The network API's background work: lead pushes (one job per lead, retried by the outbox), the
 * minutely pass that starts the syncs that are due (Cron on Workers, the scheduler on Node and
 * Deno), and the daily purge (lead contacts past each adapter's retention, log rows past 30 days).
 */
import { lt } from 'drizzle-orm';
import type { JobHandlers } from '../../jobs/outbox.ts';
import { withTenant, type ServiceContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { eraseExpiredLeadContacts, pushLead, PUSH_LEAD_JOB } from './leads.ts';
import { listDueSyncs, syncConnection } from './sync-runs.ts';
import { networkAdapters, networkApiLog } from './table.ts';

export const SYNC_DUE_JOB = 'network_api.sync_due';
export const PURGE_JOB = 'network_api.purge';
export const API_LOG_RETENTION_MS = 30 * 86_400_000;
/** The minutely pass stays inside the job lease (60 s): syncs left over wait for the next minute. */
const PASS_BUDGET_MS = 40_000;

export function networkApiHandlers(deps: ServiceContext): JobHandlers {
  return {
    async [PUSH_LEAD_JOB]({ job }, payload: { leadRowId: string }) {
      await pushLead(withTenant(deps, job.operatorId!), {
        leadRowId: payload.leadRowId,
        attempt: job.attempts,
        lastAttempt: job.attempts >= job.maxAttempts,
        userAgent: `Kabinet/${deps.version} (network API)`,
      });
    },
    async [SYNC_DUE_JOB]() {
      const deadline = Date.now() + PASS_BUDGET_MS;
      for (const due of await listDueSyncs(deps)) {
        if (Date.now() > deadline) break;
        try {
          await syncConnection(withTenant(deps, due.operatorId), { connectionId: due.connectionId, deadline });
        } catch (error) {
          // Another process took it, or the connection is a tracker now: the next pass looks again.
          if (!(error instanceof DomainError)) deps.reportError?.(error, null);
        }
      }
    },
    async [PURGE_JOB]() {
      const now = deps.clock.now().getTime();
      await deps.db.delete(networkApiLog).where(lt(networkApiLog.at, new Date(now - API_LOG_RETENTION_MS)));
      for (const row of await deps.db.select().from(networkAdapters)) {
        await eraseExpiredLeadContacts(withTenant(deps, row.operatorId), {
          connectionId: row.connectionId,
          days: row.adapter.leadContactRetentionDays,
        });
      }
    },
  };
}
