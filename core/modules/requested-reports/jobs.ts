/**
 * The module's jobs: building a requested report's file, and the daily purge of files past their
 * time (the rows stay, their file route answers 410). Every edge registers these with the deps it
 * built (the file store among them) and its retention setting.
 */
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { JobHandlers } from '../../jobs/outbox.ts';
import { withTenant, type ServiceContext } from '../../lib/context.ts';
import { buildRequestedReport, type BuildDeps } from './build-report.ts';
import { BUILD_REQUESTED_REPORT_JOB, type BuildJob } from './request-report.ts';
import { requestedReports } from './table.ts';

export const PURGE_REQUESTED_REPORTS_JOB = 'maintenance.purge_requested_reports';
/** Files deleted per batch; batches go on while there are more, within a budget well inside the job lease (60 s). */
const PURGE_BATCH = 500;
const PURGE_BUDGET_MS = 20_000;

/** Deletes files past their expiry, of every operator, and stamps their rows (a missing file counts as deleted). */
async function purgeExpiredReportFiles(deps: Pick<BuildDeps, 'db' | 'clock' | 'files'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .select({ id: requestedReports.id, fileKey: requestedReports.fileKey })
    .from(requestedReports)
    .where(
      and(
        lte(requestedReports.expiresAt, now),
        isNotNull(requestedReports.fileKey),
        isNull(requestedReports.fileDeletedAt),
      ),
    )
    .limit(PURGE_BATCH);
  for (const row of due) {
    await deps.files.delete(row.fileKey!);
    await deps.db.update(requestedReports).set({ fileDeletedAt: now }).where(eq(requestedReports.id, row.id));
  }
  return due.length;
}

export function requestedReportHandlers(
  deps: ServiceContext,
  options: { retentionDays: number; pageSize?: number },
): JobHandlers {
  const { files } = deps;
  if (!files) throw new Error('Requested reports need a file store in the deps (files)');
  const build: BuildDeps = {
    ...deps,
    files,
    retentionMs: options.retentionDays * 86_400_000,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  };
  return {
    [BUILD_REQUESTED_REPORT_JOB]: async ({ job }, payload: BuildJob) =>
      buildRequestedReport(withTenant(build, payload.operatorId), { job, payload }),
    // What is left past the budget waits for the next day's pass (the file route answers 410 already).
    [PURGE_REQUESTED_REPORTS_JOB]: async () => {
      const deadline = Date.now() + PURGE_BUDGET_MS;
      while ((await purgeExpiredReportFiles(build)) === PURGE_BATCH && Date.now() < deadline);
    },
  };
}
