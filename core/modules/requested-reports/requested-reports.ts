/**
 * Reading requested reports (the partner's own, any of its users'), renaming one, and opening its
 * file: 409 while it is being built or when it failed, 410 once its file is past its time.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FileStore, StoredFile } from '../../lib/file-store.ts';
import type { PartnerRead, PartnerStore } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { requestedReports, type RequestedReportRow } from './table.ts';

export function presentRequestedReport(row: RequestedReportRow) {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    status: row.status,
    failureReason: row.failureReason,
    query: row.query,
    period:
      row.periodFrom && row.periodTo && row.timeZone
        ? { from: row.periodFrom, to: row.periodTo, timeZone: row.timeZone }
        : null,
    requestedBy: { userId: row.userId, email: row.userEmail },
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    rowCount: row.rowCount,
    fileSize: row.fileSize,
  };
}
export type RequestedReport = ReturnType<typeof presentRequestedReport>;

const notFoundReport = () =>
  new DomainError('not_found', 'Requested report was not found', [], { resource: 'requested_report' });

/** This partner's request matching one more condition (its id, or its idempotency key), or null. */
export async function findOwnRequest(ctx: PartnerRead, condition: SQL): Promise<RequestedReportRow | null> {
  const [row] = await ctx.db
    .select()
    .from(requestedReports)
    .where(
      and(
        eq(requestedReports.operatorId, ctx.operatorId),
        eq(requestedReports.partnerId, ctx.partner.partnerId),
        condition,
      ),
    );
  return row ?? null;
}

async function findRow(ctx: PartnerRead, requestId: string): Promise<RequestedReportRow> {
  const row = await findOwnRequest(ctx, eq(requestedReports.id, requestId));
  if (!row) throw notFoundReport();
  return row;
}

/** The partner's requests, newest first, a page at a time (keyset by id: ids sort by creation). */
export async function listRequestedReports(ctx: PartnerRead, query: { limit: number; before?: string | undefined }) {
  const rows = await ctx.db
    .select()
    .from(requestedReports)
    .where(
      and(
        eq(requestedReports.operatorId, ctx.operatorId),
        eq(requestedReports.partnerId, ctx.partner.partnerId),
        query.before ? lt(requestedReports.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(requestedReports.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(presentRequestedReport),
    nextBefore: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}

export async function getRequestedReport(ctx: PartnerRead, input: { requestId: string }) {
  return presentRequestedReport(await findRow(ctx, input.requestId));
}

export async function renameRequestedReport(ctx: PartnerStore, input: { requestId: string; name: string }) {
  const [row] = await ctx.db
    .update(requestedReports)
    .set({ name: input.name })
    .where(
      and(
        eq(requestedReports.operatorId, ctx.operatorId),
        eq(requestedReports.partnerId, ctx.partner.partnerId),
        eq(requestedReports.id, input.requestId),
      ),
    )
    .returning();
  if (!row) throw notFoundReport();
  return presentRequestedReport(row);
}

const TYPES = {
  csv_zip: { extension: 'zip', contentType: 'application/zip' },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
} as const;
export const contentTypeOf = (format: RequestedReportRow['format']) => TYPES[format].contentType;

/** "November by day!" → "november-by-day" (ASCII letters and digits; Cyrillic and the rest fall away). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'report';
}

export interface RequestedReportFile extends StoredFile {
  filename: string;
  contentType: string;
}

const problem = (code: 'conflict' | 'gone', state: 'not_ready' | 'failed' | 'expired', detail: string) =>
  new DomainError(code, detail, [], { resource: 'requested_report', state });

/** The built file, or why there is none: 409 processing / failed, 410 expired (its file is deleted or due). */
export async function openRequestedReportFile(
  ctx: PartnerRead & Pick<PartnerStore, 'clock'> & { files: FileStore },
  input: { requestId: string },
): Promise<RequestedReportFile> {
  const row = await findRow(ctx, input.requestId);
  if (row.status === 'processing') throw problem('conflict', 'not_ready', 'The report is still being built');
  if (row.status === 'failed')
    throw problem('conflict', 'failed', `The report could not be built: ${row.failureReason ?? 'unknown reason'}`);
  const expired = () => problem('gone', 'expired', 'The report’s file was kept for its time and is deleted');
  if (row.fileDeletedAt || !row.fileKey || (row.expiresAt && row.expiresAt <= ctx.clock.now())) throw expired();
  const stored = await ctx.files.get(row.fileKey);
  if (!stored) throw expired();
  const type = TYPES[row.format];
  return { ...stored, filename: `${slugOf(row.name)}-${row.id}.${type.extension}`, contentType: type.contentType };
}
