/** I/O contracts of the sub-affiliates report: the partner's sub-affiliates' results and earnings by level. */
import { z } from '@hono/zod-openapi';
import { SUB_AFFILIATE_MAX_LEVEL, SubAffiliateSchema } from '../identity/schemas.ts';
import { TimeZoneSchema } from '../operators/schemas.ts';
import { ReportValuesSchema, RELATIVE_PERIODS, type Metric } from './schemas.ts';

/** The performance metrics this report shows, of those the operator lets partners see. */
export const SUB_AFFILIATE_REPORT_METRICS = [
  'clicks',
  'registrations',
  'ftdCount',
  'ftdAmount',
  'depositCount',
  'depositAmount',
  'ngr',
] as const satisfies readonly Metric[];

/** Sub-affiliate rows a level shows at most by default, and at most when asked for more. */
export const SUB_AFFILIATE_ROWS_DEFAULT = 100;
export const SUB_AFFILIATE_ROWS_MAX = 500;

const day = z.iso.date({ error: 'must be a date like 2026-11-30' });

export const SubAffiliateReportQuerySchema = z
  .object({
    period: z.enum([...RELATIVE_PERIODS, 'custom']).default('last_30_days'),
    /** With period=custom: the first and last day, inclusive, in the report's time zone. */
    from: day.optional(),
    to: day.optional(),
    /** IANA zone; default the operator's. */
    timeZone: TimeZoneSchema.optional(),
    /** One level only (1 = signed up with the partner's own code). */
    level: z.coerce.number().int().min(1).max(SUB_AFFILIATE_MAX_LEVEL).optional(),
    /** Sub-affiliate rows per level (the level's totals always cover all of them). */
    limit: z.coerce.number().int().min(1).max(SUB_AFFILIATE_ROWS_MAX).default(SUB_AFFILIATE_ROWS_DEFAULT),
  })
  .strict();
export type SubAffiliateReportQuery = z.infer<typeof SubAffiliateReportQuerySchema>;

/** What the earnings are: sub-affiliate commission per currency, as decimal strings. */
const EarnedSchema = z.record(z.string(), z.string()).openapi('SubAffiliateEarned', { example: { EUR: '12.00' } });

/** A sub-affiliate as the partner's sub-affiliates list shows it (no e-mail, no contact). */
const SubAffiliatePartnerSchema = SubAffiliateSchema.pick({ id: true, name: true, status: true, signedUpAt: true });

export const SubAffiliateReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    /** The metrics in `values`, in order: those of this report the operator lets partners see. */
    metrics: z.array(z.enum(SUB_AFFILIATE_REPORT_METRICS)),
    /** Rows each level shows at most. */
    rowsPerLevel: z.number().int(),
    /**
     * False when the tree is larger than the report reads (5,000 sub-affiliates, nearest levels
     * and newest sign-ups first): the sums then cover those only.
     */
    complete: z.boolean(),
    levels: z.array(
      z.object({
        level: z.number().int().min(1).max(SUB_AFFILIATE_MAX_LEVEL),
        /** Sub-affiliates at this level today (all of them, not only the rows shown). */
        subAffiliates: z.number().int(),
        /** The sum of every one of them's own performance numbers for the period. */
        values: ReportValuesSchema,
        /**
         * Sub-affiliate commission from them: the `sub_affiliate` lines of the partner's
         * sub-affiliate bills whose period starts in the range (priced, not cancelled), without
         * corrections (those are on a bill as a whole).
         */
        earned: EarnedSchema,
        /** The most active first (first deposits, registrations, clicks, earnings), then the newest. */
        rows: z.array(
          z.object({ partner: SubAffiliatePartnerSchema, values: ReportValuesSchema, earned: EarnedSchema }),
        ),
      }),
    ),
    totals: z.object({ subAffiliates: z.number().int(), values: ReportValuesSchema, earned: EarnedSchema }),
  })
  .openapi('SubAffiliateReport');
export type SubAffiliateReport = z.infer<typeof SubAffiliateReportSchema>;
