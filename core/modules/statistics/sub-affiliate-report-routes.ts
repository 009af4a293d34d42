/** The partner's sub-affiliates report: their results and the partner's earnings from them, by level. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { runSubAffiliateReport } from './sub-affiliate-report.ts';
import { SubAffiliateReportQuerySchema, SubAffiliateReportSchema } from './sub-affiliate-report-schemas.ts';

export const subAffiliateReportRoutes = createRouter().openapi(
  createRoute({
    operationId: 'runSubAffiliateReport',
    method: 'get',
    path: '/v1/partner/reports/sub_affiliates',
    tags: ['Partner statistics'],
    security: partnerSecurity,
    middleware: [requirePartnerSession({ component: 'statistics' })],
    summary: "Sub-affiliates report: the partner's sub-affiliates' results and its earnings from them, by level",
    description:
      'For a period (as the performance report: a relative period or custom dates, in the operator’s or the given ' +
      'time zone), each level of the sub-affiliate tree with its number of sub-affiliates, the sum of their own ' +
      'performance numbers (only metrics the operator shows partners) and the sub-affiliate commission the ' +
      'partner earned from them (lines of its sub-affiliate bills whose period starts in the range, priced and ' +
      'not cancelled; corrections excluded), with up to `limit` sub-affiliates per level and totals. A partner ' +
      'without sub-affiliates gets no levels.',
    request: { query: SubAffiliateReportQuerySchema },
    responses: {
      200: jsonResponse(SubAffiliateReportSchema, 'The report'),
      401: problemResponses[401],
      403: problemResponses[403],
      422: problemResponses[422],
      429: problemResponses[429],
    },
  }),
  async (c) => c.json(await runSubAffiliateReport(partnerContext(c), c.req.valid('query')), 200),
);
