/** I/O contracts of requested reports: the request, the rename, the list and the request as answered. */
import { z } from '@hono/zod-openapi';
import { ReportQuerySchema } from '../statistics/schemas.ts';
import { REQUESTED_REPORT_FORMATS, REQUESTED_REPORT_STATUSES } from './table.ts';

/** The report's question without paging (a file holds every row): the fields and checks of GET …/reports/performance. */
export const RequestedReportQuerySchema = ReportQuerySchema.omit({ limit: true, offset: true });
export type RequestedReportQuery = z.output<typeof RequestedReportQuerySchema>;

const NameSchema = z.string().trim().min(1).max(100);

export const RequestReportSchema = z
  .object({
    name: NameSchema.optional().openapi({
      description: 'Your name for it; without one it is named after the question (or the favorite)',
      example: 'November by day',
    }),
    format: z.enum(REQUESTED_REPORT_FORMATS).openapi({
      description: '`csv_zip`: a zip of rows.csv and totals.csv; `xlsx`: one workbook, sheets rows and totals',
    }),
    favoriteId: z.string().min(3).max(64).optional().openapi({
      description: 'The report favorite this question comes from: without a name, the request takes the favorite’s',
    }),
    query: RequestedReportQuerySchema.openapi({
      description:
        'The question as GET /v1/partner/reports/performance takes it (lists comma-separated), without limit and offset',
      example: { period: 'custom', from: '2026-11-01', to: '2026-11-30', groupBy: 'day' },
    }),
  })
  .strict()
  .openapi('RequestReport');
export type RequestReportInput = z.output<typeof RequestReportSchema>;

export const RenameRequestedReportSchema = z.object({ name: NameSchema }).strict().openapi('RenameRequestedReport');

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Your key for this request: sending it again answers the same request (200) and builds nothing more',
      example: 'report-2026-12-03-1',
    }),
});

export const RequestedReportSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    format: z.enum(REQUESTED_REPORT_FORMATS),
    status: z.enum(REQUESTED_REPORT_STATUSES),
    failureReason: z.string().nullable().openapi({ description: 'Why it failed, in English (null unless failed)' }),
    query: z.record(z.string(), z.string()).openapi({
      description: 'The stored question, as query-string fields (lists comma-separated)',
      example: { period: 'custom', from: '2026-11-01', to: '2026-11-30', groupBy: 'day' },
    }),
    period: z
      .object({ from: z.string(), to: z.string(), timeZone: z.string() })
      .nullable()
      .openapi({ description: 'The dates the build resolved (null until it ran)' }),
    requestedBy: z.object({ userId: z.string(), email: z.string() }),
    requestedAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the file is deleted (the request stays; its file answers 410 after)' }),
    rowCount: z.number().int().nullable(),
    fileSize: z.number().int().nullable().openapi({ description: 'Bytes' }),
  })
  .openapi('RequestedReport');

export const RequestedReportListSchema = z
  .object({ data: z.array(RequestedReportSchema), nextBefore: z.string().nullable() })
  .openapi('RequestedReportList');

export const RequestedReportListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional().openapi({ description: 'The `nextBefore` cursor of the previous page' }),
});
