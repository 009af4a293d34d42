/**
 * Asking for a report file: the request row and its build job go in in one batch (both or
 * neither). With an idempotency key a repeat answers the first request, whichever process got
 * there first: the unique key (partner, key) decides, and the job is keyed the same way.
 */
import { eq } from 'drizzle-orm';
import type { PartnerContext, PartnerRead } from '../../lib/context.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { portalLink } from '../identity/portal-link.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { findFavorite } from '../report-favorites/service.ts';
import { relativeRange } from '../statistics/periods.ts';
import type { RequestReportInput, RequestedReportQuery } from './schemas.ts';
import { findOwnRequest, presentRequestedReport } from './requested-reports.ts';
import { requestedReports, type RequestedReportRow } from './table.ts';

export const BUILD_REQUESTED_REPORT_JOB = 'requested_reports.build';
/** A build that keeps failing for unexpected reasons is given up (and marked failed) after this many tries. */
export const BUILD_MAX_ATTEMPTS = 4;

export interface BuildJob {
  operatorId: string;
  requestId: string;
  /** The requested report's page in the operator's portal, for the e-mail (the job knows no request origin). */
  link: string;
}

/** The question as the query string's fields: lists comma-joined, absent fields left out. */
export function questionFields(query: RequestedReportQuery): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) fields[key] = value.join(',');
    } else fields[key] = String(value);
  }
  return fields;
}

/**
 * The favorite's name when the question is a favorite's (another partner's favorite is not found:
 * 404), else "Performance 2026-11-01 – 2026-11-30, by day, campaign": the dates a relative period
 * means today.
 */
async function nameOf(ctx: PartnerContext, input: RequestReportInput): Promise<string> {
  if (input.favoriteId) return (await findFavorite(ctx, input.favoriteId)).name;
  const { query } = input;
  let dates = `${query.from ?? '?'} – ${query.to ?? '?'}`;
  if (query.period !== 'custom') {
    const zone = query.timeZone ?? (await findOperatorTimeZone(ctx));
    const range = relativeRange(query.period, zone, ctx.clock.now().getTime());
    dates = range.from === range.to ? range.from : `${range.from} – ${range.to}`;
  } else if (query.from && query.from === query.to) dates = query.from;
  const by = query.groupBy.length ? `, by ${query.groupBy.join(', ')}` : '';
  return `Performance ${dates}${by}`.slice(0, 100);
}

/** The portal's page of one requested report (the hosted portal routes by the hash). */
export function requestedReportLink(ctx: Pick<PartnerContext, 'publicUrl' | 'operatorId'>, requestId: string) {
  return `${portalLink(ctx, { action: 'sign-in' })}#/reports/requested/${encodeURIComponent(requestId)}`;
}

const findByKey = (ctx: PartnerRead, key: string) => findOwnRequest(ctx, eq(requestedReports.idempotencyKey, key));

/**
 * A repeat under the key must ask for the same file (format and question); another request under
 * it is refused. The name is not compared: a retry after a rename still answers the request.
 */
function sameRequest(row: RequestedReportRow, format: string, fields: Record<string, string>) {
  const same =
    row.format === format &&
    JSON.stringify(Object.entries(row.query).sort()) === JSON.stringify(Object.entries(fields).sort());
  if (!same) throw fieldProblem('header.idempotency-key', 'already_exists', 'This key was used for another request');
  return row;
}

export async function requestReport(
  ctx: PartnerContext,
  input: RequestReportInput & { idempotencyKey?: string | undefined },
) {
  const fields = questionFields(input.query);
  const key = input.idempotencyKey;
  if (key) {
    const before = await findByKey(ctx, key);
    if (before) return { report: presentRequestedReport(sameRequest(before, input.format, fields)), created: false };
  }
  const now = ctx.clock.now();
  const row: RequestedReportRow = {
    id: newId('rrep', ctx.clock),
    operatorId: ctx.operatorId,
    partnerId: ctx.partner.partnerId,
    userId: ctx.partner.userId,
    userEmail: ctx.partner.email,
    name: input.name ?? (await nameOf(ctx, input)),
    format: input.format,
    status: 'processing',
    failureReason: null,
    query: fields,
    periodFrom: null,
    periodTo: null,
    timeZone: null,
    idempotencyKey: key ?? null,
    requestedAt: now,
    finishedAt: null,
    expiresAt: null,
    rowCount: null,
    fileSize: null,
    fileKey: null,
    fileDeletedAt: null,
  };
  const job: BuildJob = { operatorId: ctx.operatorId, requestId: row.id, link: requestedReportLink(ctx, row.id) };
  await ctx.jobs.enqueueMany(
    [
      {
        kind: BUILD_REQUESTED_REPORT_JOB,
        payload: job,
        operatorId: ctx.operatorId,
        maxAttempts: BUILD_MAX_ATTEMPTS,
        // A racing repeat of the same key adds neither a row nor a job.
        idempotencyKey: key ? `${ctx.operatorId}:${ctx.partner.partnerId}:${key}` : row.id,
      },
    ],
    [{ table: requestedReports, rows: [row], onConflictDoNothing: true }],
  );
  if (key) {
    const stored = await findByKey(ctx, key);
    if (stored && stored.id !== row.id)
      return { report: presentRequestedReport(sameRequest(stored, input.format, fields)), created: false };
  }
  return { report: presentRequestedReport(row), created: true };
}
