/**
 * The `requested_reports.build` job: runs the stored question page by page as the partner who
 * asked, writes the file (zipped CSV or XLSX) to the file store under a key of this attempt, and
 * finishes the request by a conditional update `where status = 'processing'`: of two runners (a
 * lease that ran out, a repeated Queue message) one finishes it and the other deletes its own
 * file. The winner mails the user who asked, in their language, with a link to the request's page.
 *
 * A question the report refuses (a field check, the engine's bounds) or a workbook past its cell
 * bound fails at once with the reason; any other error is thrown so the job retries, and the last
 * attempt marks the request failed.
 */
import { and, eq } from 'drizzle-orm';
import { extendJobLease, type JobRow } from '../../jobs/outbox.ts';
import { withPartner, type PartnerContext, type ServiceContext, type TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { randomToken } from '../../lib/ids.ts';
import { loadUser } from '../identity/users.ts';
import { sendMail } from '../mail/service.ts';
import { MAX_XLSX_CELLS, workbookCells, writeReportWorkbook } from '../statistics/export-xlsx.ts';
import { runPartnerReport } from '../statistics/run-report.ts';
import type { BuildJob } from './request-report.ts';
import { contentTypeOf } from './requested-reports.ts';
import { csvZipStream, reportPages } from './report-pages.ts';
import { RequestedReportQuerySchema } from './schemas.ts';
import { requestedReports, type RequestedReportRow } from './table.ts';

export interface BuildDeps extends ServiceContext {
  files: FileStore;
  /** How long a built file is kept. */
  retentionMs: number;
  /** Rows per engine page (default the engine's largest; tests make it small to cross page boundaries). */
  pageSize?: number;
}

/** Why the question cannot be answered, in words a partner reads (the fields and what is wrong with them). */
export class RefusedQuestion extends Error {}

const DAY_MS = 86_400_000;

function refusalOf(error: DomainError): string {
  if (error.errors.length) return error.errors.map((e) => `${e.path.replace(/^query\./, '')}: ${e.message}`).join('; ');
  return error.detail;
}

/** The partner user the report is run as: their partner's traffic and the operator's visibility settings. */
function askerOf(deps: ServiceContext, row: RequestedReportRow): PartnerContext {
  return withPartner(deps, {
    operatorId: row.operatorId,
    partnerId: row.partnerId,
    userId: row.userId,
    email: row.userEmail,
    role: 'analyst',
    sessionId: '',
    kind: 'password',
    transport: 'bearer',
    components: null,
  });
}

async function writeFile(
  deps: BuildDeps,
  ctx: PartnerContext,
  row: RequestedReportRow,
  { key, keepClaim }: { key: string; keepClaim: () => Promise<void> },
) {
  const parsed = RequestedReportQuerySchema.safeParse(row.query);
  if (!parsed.success)
    throw new RefusedQuestion(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '),
    );
  const { first, pages } = await reportPages((query) => runPartnerReport(ctx, query), parsed.data, {
    pageSize: deps.pageSize,
    afterPage: keepClaim,
  });
  const contentType = contentTypeOf(row.format);
  if (row.format === 'xlsx') {
    const tooBig = new RefusedQuestion(
      `${first.total} rows are too many for one workbook (at most ${MAX_XLSX_CELLS} cells, rows × columns): ` +
        'ask for the zipped CSV, or a shorter period or fewer groupings',
    );
    if (workbookCells(first) > MAX_XLSX_CELLS) throw tooBig;
    // Currencies only later pages show can widen it past the bound while it is written: the same refusal.
    const bytes = await writeReportWorkbook(first, pages()).catch((error: unknown) => {
      throw error instanceof RangeError ? tooBig : error;
    });
    const { size } = await deps.files.put(key, bytes, contentType);
    return { first, size, rowCount: first.total };
  }
  let rowCount = 0;
  const { size } = await deps.files.put(
    key,
    csvZipStream(first, pages(), (n) => (rowCount = n)),
    contentType,
  );
  return { first, size, rowCount };
}

const stillProcessing = (row: RequestedReportRow) =>
  and(
    eq(requestedReports.operatorId, row.operatorId),
    eq(requestedReports.id, row.id),
    eq(requestedReports.status, 'processing'),
  );

async function markFailed(deps: BuildDeps, row: RequestedReportRow, reason: string) {
  await deps.db
    .update(requestedReports)
    .set({ status: 'failed', failureReason: reason.slice(0, 1000), finishedAt: deps.clock.now() })
    .where(stillProcessing(row));
}

/** The job's work within the operator its payload names (`ctx` is the edge's deps scoped to it). */
export async function buildRequestedReport(
  ctx: TenantContext & BuildDeps,
  input: { job: JobRow; payload: BuildJob },
): Promise<void> {
  const { job, payload } = input;
  const [row] = await ctx.db
    .select()
    .from(requestedReports)
    .where(and(eq(requestedReports.operatorId, ctx.operatorId), eq(requestedReports.id, payload.requestId)));
  // Gone (the partner deleted), or finished by another runner: nothing left to do.
  if (!row || row.status !== 'processing') return;
  const asker = askerOf(ctx, row);
  const extension = row.format === 'xlsx' ? 'xlsx' : 'zip';
  const key = `requested-reports/${row.operatorId}/${row.id}-${randomToken(8)}.${extension}`;
  let built: Awaited<ReturnType<typeof writeFile>>;
  try {
    built = await writeFile(ctx, asker, row, {
      key,
      // A big report outlasts one lease: each page renews it, so no other runner starts the same build.
      keepClaim: () => extendJobLease({ db: ctx.db, clock: ctx.clock, job }),
    });
  } catch (error) {
    await ctx.files.delete(key).catch(() => {});
    if (error instanceof RefusedQuestion) return markFailed(ctx, row, error.message);
    if (error instanceof DomainError && error.code === 'validation_failed')
      return markFailed(ctx, row, refusalOf(error));
    if (job.attempts >= job.maxAttempts)
      await markFailed(ctx, row, `The file could not be built after ${job.attempts} attempts (an error on our side)`);
    throw error;
  }
  const now = ctx.clock.now();
  const finished = await ctx.db
    .update(requestedReports)
    .set({
      status: 'successful',
      periodFrom: built.first.period.from,
      periodTo: built.first.period.to,
      timeZone: built.first.period.timeZone,
      rowCount: built.rowCount,
      fileSize: built.size,
      fileKey: key,
      finishedAt: now,
      expiresAt: new Date(now.getTime() + ctx.retentionMs),
    })
    .where(stillProcessing(row))
    .returning({ id: requestedReports.id });
  if (finished.length === 0) {
    await ctx.files.delete(key);
    return;
  }
  await mailReady(asker, { row, link: payload.link, expiresInDays: Math.round(ctx.retentionMs / DAY_MS) });
}

async function mailReady(ctx: PartnerContext, input: { row: RequestedReportRow; link: string; expiresInDays: number }) {
  // The user may have left the team since asking: the file is there for the others, no mail is sent.
  const user = await loadUser(ctx, input.row.userId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  });
  if (!user) return;
  await sendMail(ctx, {
    to: user.email,
    locale: user.locale,
    template: 'report_ready',
    params: { reportName: input.row.name, link: input.link, expiresInDays: input.expiresInDays },
  });
}
