/** The performance report and quick stats (partner and operator), report settings, exchange rates. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { TimeZoneSchema } from '../operators/schemas.ts';
import {
  ExchangeRatesSchema,
  QuickStatsSchema,
  ReportOptionsSchema,
  ReportQuerySchema,
  ReportSchema,
  ReportSettingsSchema,
} from './schemas.ts';
import { runOperatorReport, runPartnerReport } from './run-report.ts';
import { partnerQuickStats } from './quick-stats.ts';
import { operatorReportOptions, partnerReportOptions } from './report-options.ts';
import { getReportSettings, updateReportSettings } from './report-settings.ts';
import { listExchangeRates, saveExchangeRates } from './exchange-rates.ts';
import { reportExportRoutes } from './export-routes.ts';

const errors = {
  401: problemResponses[401],
  403: problemResponses[403],
  404: problemResponses[404],
  422: problemResponses[422],
  429: problemResponses[429],
};
const partnerReaders = [requirePartnerSession({ component: 'statistics' })];
const partnerTags = ['Partner statistics'];
const operatorTags = ['Operator: statistics'];

const QuickStatsQuerySchema = z
  .object({
    currency: z.enum(CURRENCY_CODES as [string, ...string[]]).optional(),
    campaignId: z.string().max(64).optional(),
    timeZone: TimeZoneSchema.optional(),
  })
  .strict();
const RatesQuerySchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
const RatesListSchema = z
  .object({ data: z.array(z.object({ date: z.string(), currency: z.string(), perEur: z.string() })) })
  .openapi('ExchangeRateList');

export const statisticsRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'runPartnerReport',
      method: 'get',
      path: '/v1/partner/reports/performance',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerReaders,
      summary: 'Performance report: filters, nested groupings, metrics, totals; amounts per currency or converted',
      request: { query: ReportQuerySchema },
      responses: { 200: jsonResponse(ReportSchema, 'The report'), ...errors },
    }),
    async (c) => c.json(await runPartnerReport(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerReportOptions',
      method: 'get',
      path: '/v1/partner/reports/options',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerReaders,
      summary: 'What the report may show this partner: metrics, groupings, filter values, currencies, time zone',
      responses: { 200: jsonResponse(ReportOptionsSchema, 'Report options'), ...errors },
    }),
    async (c) => c.json(await partnerReportOptions(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerQuickStats',
      method: 'get',
      path: '/v1/partner/reports/quick_stats',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerReaders,
      summary: 'Dashboard quick stats: today, yesterday, this month and last month',
      request: { query: QuickStatsQuerySchema },
      responses: { 200: jsonResponse(QuickStatsSchema, 'Quick stats'), ...errors },
    }),
    async (c) => c.json(await partnerQuickStats(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'runOperatorReport',
      method: 'get',
      path: '/v1/reports/performance',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Performance report over all partners (filter and group by partner too)',
      request: { query: ReportQuerySchema },
      responses: { 200: jsonResponse(ReportSchema, 'The report'), ...errors },
    }),
    async (c) => c.json(await runOperatorReport(tenantContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getOperatorReportOptions',
      method: 'get',
      path: '/v1/reports/options',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'What operator reports can filter and group by: partners, campaigns, promos… with traffic, currencies',
      responses: { 200: jsonResponse(ReportOptionsSchema, 'Report options'), ...errors },
    }),
    async (c) => c.json(await operatorReportOptions(tenantContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getReportSettings',
      method: 'get',
      path: '/v1/reports/settings',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Which metrics and groupings partners see; how long raw clicks are kept',
      responses: { 200: jsonResponse(ReportSettingsSchema, 'Settings'), ...errors },
    }),
    async (c) => c.json(await getReportSettings(tenantContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateReportSettings',
      method: 'put',
      path: '/v1/reports/settings',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Set which metrics and groupings partners see, and the raw click retention',
      request: { body: jsonBody(ReportSettingsSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(ReportSettingsSchema, 'Settings'), ...errors },
    }),
    async (c) => c.json(await updateReportSettings(tenantContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'saveExchangeRates',
      method: 'put',
      path: '/v1/exchange_rates',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Add or replace exchange rates (units per euro, by date), as the ECB publishes them',
      request: { body: jsonBody(ExchangeRatesSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(z.object({ saved: z.number().int() }), 'Saved'), ...errors },
    }),
    async (c) => c.json({ saved: await saveExchangeRates(tenantContext(c), c.req.valid('json').rates) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'listExchangeRates',
      method: 'get',
      path: '/v1/exchange_rates',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Exchange rates in a date range (default: the last 31 days)',
      request: { query: RatesQuerySchema },
      responses: { 200: jsonResponse(RatesListSchema, 'Rates'), ...errors },
    }),
    async (c) => c.json({ data: await listExchangeRates(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .route('/', reportExportRoutes);
