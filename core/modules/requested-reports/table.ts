/**
 * Requested reports (this module owns the table below; the figures come from statistics' exported
 * report runner, the file goes to the context's file store, the e-mail through mail).
 *
 * - A partner user asks for the performance report as a file (zipped CSV of rows + totals, or an
 *   XLSX with two sheets); the row and its `requested_reports.build` job go in in one batch. Every
 *   user of the partner sees the partner's requests; another partner's ids are not found.
 * - States: processing → successful | failed. Only the build job moves a row, by a conditional
 *   update `where status = 'processing'`, so two runners of one job cannot both finish it.
 * - A successful row holds the file's key, size and row count, and `expires_at` (the retention
 *   setting); daily housekeeping deletes files past it and stamps `file_deleted_at`. The row stays
 *   (its file route answers 410).
 * - An `Idempotency-Key` is unique per partner: sending it again answers the first request.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners } from '../identity/table.ts';

export const REQUESTED_REPORT_FORMATS = ['csv_zip', 'xlsx'] as const;
export type RequestedReportFormat = (typeof REQUESTED_REPORT_FORMATS)[number];
export const REQUESTED_REPORT_STATUSES = ['processing', 'successful', 'failed'] as const;
export type RequestedReportStatus = (typeof REQUESTED_REPORT_STATUSES)[number];

export const requestedReports = sqliteTable(
  'requested_reports',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** Who asked (kept as it was: the request names them after the user is gone). */
    userId: text('user_id').notNull(),
    userEmail: text('user_email').notNull(),
    name: text('name').notNull(),
    format: text('format', { enum: REQUESTED_REPORT_FORMATS }).notNull(),
    status: text('status', { enum: REQUESTED_REPORT_STATUSES }).notNull(),
    failureReason: text('failure_reason'),
    /** The report's question as the query string's fields (lists comma-joined), without paging. */
    query: text('query', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** The period the build resolved (a relative period pinned to the day it ran). */
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    timeZone: text('time_zone'),
    idempotencyKey: text('idempotency_key'),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    rowCount: integer('row_count'),
    fileSize: integer('file_size'),
    fileKey: text('file_key'),
    fileDeletedAt: integer('file_deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('requested_reports_idempotency').on(t.operatorId, t.partnerId, t.idempotencyKey),
    // The partner's list, newest first.
    index('requested_reports_partner').on(t.operatorId, t.partnerId, t.id),
    // Housekeeping: files past their time.
    index('requested_reports_expiry').on(t.expiresAt),
    check(
      'requested_reports_status',
      sql`${t.status} in ('processing', 'successful', 'failed') and (${t.status} != 'successful' or ${t.fileKey} is not null)`,
    ),
  ],
);

export type RequestedReportRow = typeof requestedReports.$inferSelect;
