/**
 * Feed links: a saved report's JSON and XML at a URL a tracker can pull without a session,
 * authenticated by the user's statistic token (the Authorization header, or `?token=` in the URL
 * for trackers that cannot set headers). The same token, partner scope, visible metrics and
 * per-token rate limit (one count shared with the Report API) as `/api/customer/v1/partner/report`.
 * Paths end in `/report.json` and `/report.xml` after the favorite's id, so the id stays a whole
 * path segment.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createRouter } from '../../http/router.ts';
import type { AppEnv } from '../../http/deps.ts';
import { partnerContext } from '../../http/deps.ts';
import { problemResponses } from '../../http/openapi-shared.ts';
import { ProblemError, problemBody } from '../../http/problem.ts';
import { requireFeedStatisticToken, statisticTokenOf } from '../../http/statistic-token-auth.ts';
import { IdParams } from '../identity/schemas.ts';
import { countReportApiCall, REPORT_API_CALLS_PER_MINUTE } from '../statistics/report-api-rate.ts';
import { ReportSchema } from '../statistics/schemas.ts';
import { exportFavorite } from './service.ts';

/** Over the limit: 429 with Retry-After, counted on the token's Report API window. */
const limitPerToken = createMiddleware<AppEnv>(async (c, next) => {
  const allowance = await countReportApiCall(
    { db: c.var.deps.db, clock: c.var.deps.clock, operatorId: c.var.partner.operatorId },
    { token: statisticTokenOf(c, true)! },
  );
  if (allowance.allowed) return next();
  const problem = new ProblemError(
    'rate_limited',
    `At most ${allowance.limit} Report API and feed calls a minute per statistic token; retry in ${allowance.retryAfterSeconds} s`,
    [],
    { limit: allowance.limit, minutes: 1 },
  );
  return c.body(JSON.stringify(problemBody(problem, c.var.requestId ?? null)), 429, {
    'content-type': 'application/problem+json',
    'retry-after': String(allowance.retryAfterSeconds),
  });
});

const FeedParams = IdParams('favoriteId');
const FeedQuery = z.object({
  token: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description:
        'The statistic token, for trackers that cannot send the Authorization header (the header wins when both come). ' +
        'The URL then holds a secret: keep it as private as the token.',
    }),
});
const security: Array<Record<string, string[]>> = [{ statisticToken: [] }, { statisticTokenQuery: [] }];
const middleware = [requireFeedStatisticToken, limitPerToken];
const tags = ['Partner statistics'];
const errors = {
  401: problemResponses[401],
  404: problemResponses[404],
  422: problemResponses[422],
  429: {
    ...problemResponses[429],
    description: `More than ${REPORT_API_CALLS_PER_MINUTE} Report API and feed calls in the current minute with this token`,
    headers: {
      'Retry-After': {
        description: 'Seconds until the current one-minute window ends',
        schema: { type: 'integer' as const, minimum: 1 },
      },
    },
  },
};
const DESCRIPTION =
  'Every row of the saved question’s report (a relative period resolves now), with its groupings, columns in their ' +
  'order and currency. Another partner’s or operator’s favorite is a 404; a saved question the report no longer ' +
  'takes (a metric the operator has hidden since) is a 422 naming the field.';

const router = createRouter();
router.openAPIRegistry.registerComponent('securitySchemes', 'statisticTokenQuery', {
  type: 'apiKey',
  in: 'query',
  name: 'token',
  description: 'The statistic token in the feed URL (`?token=st_…`), for trackers that cannot set headers.',
});

/**
 * The feed as a plain Response. The JSON is streamed page by page (as the export streams it), not an
 * object `c.json` could type-check, hence `never` for the route's typed answer.
 */
const feed = async (c: Context<AppEnv>, favoriteId: string, format: 'json' | 'xml'): Promise<never> => {
  const file = await exportFavorite(partnerContext(c), { favoriteId, format, bom: false });
  // A partner's figures under a URL that may hold the token: nothing keeps a copy.
  return new Response(file.body, {
    status: 200,
    headers: { 'content-type': file.contentType, 'cache-control': 'private, no-store' },
  }) as never;
};

export const reportFeedRoutes = router
  .openapi(
    createRoute({
      operationId: 'getReportFavoriteJsonFeed',
      method: 'get',
      path: '/api/customer/v1/partner/report/feeds/{favoriteId}/report.json',
      tags,
      security,
      middleware,
      summary: 'Feed: a saved report as JSON (as the Report API answers, every row), by statistic token',
      description: DESCRIPTION,
      request: { params: FeedParams, query: FeedQuery },
      responses: {
        200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } },
        ...errors,
      },
    }),
    (c) => feed(c, c.req.valid('param').favoriteId, 'json'),
  )
  .openapi(
    createRoute({
      operationId: 'getReportFavoriteXmlFeed',
      method: 'get',
      path: '/api/customer/v1/partner/report/feeds/{favoriteId}/report.xml',
      tags,
      security,
      middleware,
      summary: 'Feed: a saved report as XML (as the XML export), by statistic token',
      description: DESCRIPTION,
      request: { params: FeedParams, query: FeedQuery },
      responses: {
        200: {
          description: 'The report as XML (`<report>` with `<row>`s and `<totals>`, as the XML export)',
          content: { 'application/xml': { schema: z.string() } },
        },
        ...errors,
      },
    }),
    (c) => feed(c, c.req.valid('param').favoriteId, 'xml'),
  );
