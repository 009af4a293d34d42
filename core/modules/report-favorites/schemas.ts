/** I/O contracts of report favorites: a saved report question under a name. */
import { z } from '@hono/zod-openapi';
import { ReportExportQuerySchema } from '../statistics/export-report.ts';
import { RELATIVE_PERIODS, ReportQuerySchema } from '../statistics/schemas.ts';

const text = (max: number) => z.string().max(max).optional();

/** What the report checks a question with, paging aside (a favorite answers every row). */
const QuestionCheck = ReportQuerySchema.omit({ limit: true, offset: true, partnerId: true });

/**
 * The report's question as the performance report's query string spells it, without paging:
 * `{ "period": "last_7_days", "groupBy": "day,campaign", "metrics": "clicks,ftdCount", "currency": "EUR" }`.
 * Lists are comma-separated; the metrics' order is the columns' order; no `currency` means each
 * currency on its own; empty values count as absent. Checked exactly as the report checks its query.
 */
export const FavoriteQuestionSchema = z
  .object({
    period: z.enum([...RELATIVE_PERIODS, 'custom']).optional(),
    from: text(10),
    to: text(10),
    timeZone: text(64),
    groupBy: text(1000),
    parameter: text(64),
    metrics: text(1000),
    brandId: text(2000),
    planId: text(2000),
    campaignId: text(2000),
    promoId: text(2000),
    promoCode: text(40),
    landingId: text(2000),
    creativeId: text(2000),
    trafficSourceId: text(2000),
    country: text(2000),
    device: text(2000),
    os: text(2000),
    currency: text(8),
    ratesDate: text(10),
    sort: text(40),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict()
  .superRefine((question, ctx) => {
    // An empty value is no value (a form's untouched field), as in a query string.
    const asked = Object.fromEntries(Object.entries(question).filter(([, value]) => value !== ''));
    const checked = QuestionCheck.safeParse(asked);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue } as never);
  })
  .openapi('ReportFavoriteQuestion');
export type FavoriteQuestion = z.infer<typeof FavoriteQuestionSchema>;

/** The question as the report runs it (lists split, defaults filled), without paging. */
export const parseQuestion = (question: FavoriteQuestion) => QuestionCheck.parse(question);

const NameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'at most 100 characters')
  .openapi({ description: '1–100 characters, unique among the partner’s favorites ignoring case' });

export const SaveFavoriteSchema = z
  .object({ name: NameSchema, query: FavoriteQuestionSchema })
  .strict()
  .openapi('SaveReportFavorite');
export const RenameFavoriteSchema = z.object({ name: NameSchema }).strict().openapi('RenameReportFavorite');

export const FavoriteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    query: FavoriteQuestionSchema,
    /** Who saved it: the user (null once removed from the team) and their email then. */
    savedBy: z.object({ userId: z.string().nullable(), email: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReportFavorite');
export type Favorite = z.infer<typeof FavoriteSchema>;

export const FavoriteListSchema = z.object({ favorites: z.array(FavoriteSchema) }).openapi('ReportFavoriteList');

/** The download's format (the report export's own choice, so a format added there is offered here) and CSV's byte-order mark. */
export const FavoriteExportQuerySchema = ReportExportQuerySchema.pick({ format: true, bom: true });
