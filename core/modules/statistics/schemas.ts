/** I/O contracts of the performance report, the dashboard's quick stats, report settings and exchange rates. */
import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { TimeZoneSchema } from '../operators/schemas.ts';

/** Relative periods resolve in the report's time zone on the day the report runs. */
export const RELATIVE_PERIODS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'this_month',
  'last_month',
] as const;

export const TIME_GROUPINGS = ['hour', 'day', 'week', 'month', 'year'] as const;
/** Groupings partners and operators share; `partner` is the operator's alone. */
export const ATTRIBUTE_GROUPINGS = [
  'brand',
  'plan',
  'campaign',
  'promo',
  'landing',
  'creative',
  'trafficSource',
  'country',
  'device',
  'os',
  'parameter',
] as const;
export const GROUPINGS = [...TIME_GROUPINGS, ...ATTRIBUTE_GROUPINGS, 'partner'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * Counts are integers; amounts are maps of currency to a decimal string ({"EUR": "12.50"}), one
 * entry per currency, or one entry when the report converts; rates are percentages (numbers, two
 * decimals) or null when the divisor is zero. Commission metrics arrive with commissions.
 */
export const METRICS = [
  'clicks',
  'uniqueClicks',
  'botClicks',
  'registrations',
  'cr',
  'leads',
  'ftdCount',
  'ftdRate',
  'ftdAmount',
  'depositCount',
  'depositAmount',
  'ngr',
  'saleCount',
  'saleAmount',
  'cost',
  'commission',
  'profit',
  'roi',
  'epc',
] as const;
export type Metric = (typeof METRICS)[number];
export const AMOUNT_METRICS = [
  'ftdAmount',
  'depositAmount',
  'ngr',
  'saleAmount',
  'cost',
  'commission',
  'profit',
  'epc',
] as const;
export const RATE_METRICS = ['cr', 'ftdRate', 'roi'] as const;

const day = z.iso.date({ error: 'must be a date like 2026-11-30' });
const idList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.string().min(1).max(64)).max(50, 'at most 50 values'));
const listOf = <T extends readonly [string, ...string[]]>(values: T, max = values.length) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(max));

/**
 * The report's question, as a query string (the same one exports and feeds will reuse):
 * `?period=last_30_days&groupBy=day,campaign&currency=EUR`. Lists are comma-separated.
 */
export const ReportQuerySchema = z
  .object({
    period: z.enum([...RELATIVE_PERIODS, 'custom']).default('last_30_days'),
    /** With period=custom: the first and last day, inclusive, in the report's time zone. */
    from: day.optional(),
    to: day.optional(),
    /** IANA zone; default the operator's. */
    timeZone: TimeZoneSchema.optional(),
    groupBy: listOf(GROUPINGS, 4).default([]),
    /** The custom click parameter `groupBy=parameter` groups by (its key as it came in the link). */
    parameter: z.string().min(1).max(64).optional(),
    metrics: listOf(METRICS).optional(),
    brandId: idList.optional(),
    planId: idList.optional(),
    campaignId: idList.optional(),
    promoId: idList.optional(),
    promoCode: z.string().max(40).optional(),
    landingId: idList.optional(),
    creativeId: idList.optional(),
    trafficSourceId: idList.optional(),
    country: idList.optional(),
    device: idList.optional(),
    os: idList.optional(),
    /** Operator reports only. */
    partnerId: idList.optional(),
    /** Convert every amount to this currency; absent = each currency on its own. */
    currency: z.enum(CURRENCY_CODES as [string, ...string[]]).optional(),
    /** The rates' date (default today): one date's rates convert every amount of the report. */
    ratesDate: day.optional(),
    /** A metric or a grouping; default the first grouping ascending, or clicks descending. */
    sort: z.string().max(40).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const AmountSchema = z.record(z.string(), z.string()).openapi('Amounts', { example: { EUR: '120.50', USD: '14.00' } });
const MetricValueSchema = z.union([z.number(), AmountSchema, z.null()]);
export const ReportValuesSchema = z.record(z.string(), MetricValueSchema).openapi('ReportValues');

export const ReportRowSchema = z
  .object({
    /** Grouping → value: a period's start ("2026-11-30", "2026-11-30T14:00", "2026-W48", "2026-11", "2026"), an id, a code. */
    key: z.record(z.string(), z.string()),
    /** Grouping → readable name, where the value is an id. */
    labels: z.record(z.string(), z.string()),
    values: ReportValuesSchema,
  })
  .openapi('ReportRow');

export const CommissionsSchema = z
  .object({
    byKind: z.array(
      z.object({
        kind: z.enum(['cpa', 'cpl', 'revshare', 'sub_affiliate', 'correction']),
        currency: z.string(),
        amount: z.string(),
      }),
    ),
    total: z.array(z.object({ currency: z.string(), amount: z.string() })),
  })
  .openapi('Commissions');

export const ReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    groupBy: z.array(z.enum(GROUPINGS)),
    metrics: z.array(z.enum(METRICS)),
    currency: z.object({
      mode: z.enum(['each', 'converted']),
      currency: z.string().nullable(),
      ratesDate: z.string().nullable(),
      /** Currencies the rates did not cover on that date: their amounts are left out of the converted sums. */
      missingRates: z.array(z.string()),
    }),
    rows: z.array(ReportRowSchema),
    totals: ReportValuesSchema,
    /** Rows before paging. */
    total: z.number().int(),
    /**
     * Billed commissions: bills whose period starts in the range (not cancelled, priced), per line
     * kind and currency, with corrections. Null when the report is filtered finer than bills are
     * cut (by campaign, promo, landing, creative, traffic source, country, device or OS).
     */
    commissions: CommissionsSchema.nullable(),
  })
  .openapi('Report');

export const QuickStatsSchema = z
  .object({
    currency: z.string().nullable(),
    timeZone: z.string(),
    periods: z.array(
      z.object({
        period: z.enum(['today', 'yesterday', 'this_month', 'last_month']),
        from: z.string(),
        to: z.string(),
        values: ReportValuesSchema,
        /** Billed commissions of bills whose period starts in this period (null with a campaign filter). */
        commissions: CommissionsSchema.nullable(),
      }),
    ),
  })
  .openapi('QuickStats');

/** What this caller may ask for: the metrics and groupings the operator shows, the filter values. */
export const ReportOptionsSchema = z
  .object({
    metrics: z.array(z.enum(METRICS)),
    groupings: z.array(z.enum(GROUPINGS)),
    timeZone: z.string(),
    defaultCurrency: z.string().nullable(),
    currencies: z.array(z.string()),
    ratesDates: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
    parameters: z.array(z.string()),
    brands: z.array(z.object({ id: z.string(), name: z.string() })),
    plans: z.array(z.object({ id: z.string(), name: z.string() })),
    campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
    promos: z.array(z.object({ id: z.string(), name: z.string(), campaignId: z.string() })),
    landings: z.array(z.object({ id: z.string(), name: z.string() })),
    trafficSources: z.array(z.object({ id: z.string(), name: z.string() })),
    /** ISO codes, device kinds and OS names seen in the partner's traffic. */
    countries: z.array(z.string()),
    devices: z.array(z.string()),
    operatingSystems: z.array(z.string()),
    /** Operator reports: the partners with traffic, to filter and group by (empty for partners). */
    partners: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('ReportOptions');

export const ReportSettingsSchema = z
  .object({
    /** Metrics partners do not see: absent from their API answers, not only from the widget. */
    hiddenMetrics: z.array(z.enum(METRICS)),
    hiddenGroupings: z.array(z.enum(ATTRIBUTE_GROUPINGS)),
    /** Raw clicks older than this many days are deleted (aggregates stay); null keeps them. */
    clickRetentionDays: z.number().int().min(30).max(3650).nullable(),
  })
  .strict()
  .openapi('ReportSettings');

const rate = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,10})?$/, 'must be a positive decimal like "1.0842"')
  .refine((s) => /[1-9]/.test(s), {
    message: 'must be above zero',
    params: { reason: 'invalid_format', format: 'exchange_rate' },
  });
export const ExchangeRatesSchema = z
  .object({
    rates: z
      .array(
        z
          .object({
            date: day,
            currency: z.enum(CURRENCY_CODES as [string, ...string[]]),
            /** Units of `currency` one euro buys (the ECB's reference-rate form). */
            perEur: rate,
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict()
  .openapi('ExchangeRates');
