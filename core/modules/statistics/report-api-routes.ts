/**
 * The Report API: the partner performance report and its attributes for scripts and BI tools,
 * authenticated by a user's statistic token instead of a session. Same services, same query and
 * the same metrics the operator lets partners see as /v1/partner/reports/*; rate-limited per token.
 */
import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { createRouter } from '../../http/router.ts';
import type { AppEnv } from '../../http/deps.ts';
import { partnerContext } from '../../http/deps.ts';
import { jsonResponse, problemResponses } from '../../http/openapi-shared.ts';
import { ProblemError, problemBody } from '../../http/problem.ts';
import { requireStatisticToken, statisticTokenOf } from '../../http/statistic-token-auth.ts';
import { ReportOptionsSchema, ReportQuerySchema, ReportSchema } from './schemas.ts';
import { runPartnerReport } from './run-report.ts';
import { partnerReportOptions } from './report-options.ts';
import { countReportApiCall, REPORT_API_CALLS_PER_MINUTE } from './report-api-rate.ts';

/**
 * Over the limit: 429 with Retry-After. Answered here rather than thrown, because the error
 * handler writes a fresh response and the header belongs to this answer only.
 */
const limitPerToken = createMiddleware<AppEnv>(async (c, next) => {
  const allowance = await countReportApiCall(
    { db: c.var.deps.db, clock: c.var.deps.clock, operatorId: c.var.partner.operatorId },
    { token: statisticTokenOf(c)! },
  );
  if (allowance.allowed) return next();
  const problem = new ProblemError(
    'rate_limited',
    `At most ${allowance.limit} Report API calls a minute per statistic token; retry in ${allowance.retryAfterSeconds} s`,
    [],
    { limit: allowance.limit, minutes: 1 },
  );
  return c.body(JSON.stringify(problemBody(problem, c.var.requestId ?? null)), 429, {
    'content-type': 'application/problem+json',
    'retry-after': String(allowance.retryAfterSeconds),
  });
});

const security = [{ statisticToken: [] }];
const middleware = [requireStatisticToken, limitPerToken];
const tags = ['Partner statistics'];
const errors = {
  401: {
    ...problemResponses[401],
    description:
      'No valid statistic token. `code` says why: `statistic_token_rotated` (replaced by a newer one: copy the ' +
      'current token from Security), `statistic_token_expired` (expired by its user, a teammate or the operator: ' +
      'create a new one in Security), or `unauthorized` (missing, unknown, or its user or partner is not active)',
  },
  422: problemResponses[422],
  429: {
    ...problemResponses[429],
    description: `More than ${REPORT_API_CALLS_PER_MINUTE} calls in the current minute with this token`,
    headers: {
      'Retry-After': {
        description: 'Seconds until the current one-minute window ends',
        schema: { type: 'integer' as const, minimum: 1 },
      },
    },
  },
};

const router = createRouter();
router.openAPIRegistry.registerComponent('securitySchemes', 'statisticToken', {
  type: 'apiKey',
  in: 'header',
  name: 'Authorization',
  description:
    "A partner user's statistic token (`st_…`, shown, rotated and expired in the Security section), sent as is " +
    "or as `Bearer st_…`. Read-only: it reaches the Report API only, for its user's partner, with the metrics " +
    `the operator lets partners see; at most ${REPORT_API_CALLS_PER_MINUTE} calls a minute per token.`,
});

export const reportApiRoutes = router
  .openapi(
    createRoute({
      operationId: 'runReportApiReport',
      method: 'get',
      path: '/api/customer/v1/partner/report',
      tags,
      security,
      middleware,
      summary: "Report API: the token's partner performance report (the query of /v1/partner/reports/performance)",
      request: { query: ReportQuerySchema },
      responses: { 200: jsonResponse(ReportSchema, 'The report'), ...errors },
    }),
    async (c) => c.json(await runPartnerReport(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getReportApiAttributes',
      method: 'get',
      path: '/api/customer/v1/partner/report/attributes',
      tags,
      security,
      middleware,
      summary:
        'Report API: the metrics, groupings and filter values the report may use (as /v1/partner/reports/options)',
      responses: { 200: jsonResponse(ReportOptionsSchema, 'Report attributes'), ...errors },
    }),
    async (c) => c.json(await partnerReportOptions(partnerContext(c)), 200),
  );
