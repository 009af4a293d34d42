/** Qualified players (CPA qualifications): the operator's over all partners and the partner's own. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import { jsonResponse, operatorKeySecurity, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { listPartnerQualifications, listQualifications } from './list-qualifications.ts';
import {
  OperatorQualificationListQuerySchema,
  OperatorQualificationListSchema,
  QualificationListQuerySchema,
  QualificationListSchema,
} from './qualification-schemas.ts';

export const qualificationRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listQualifications',
      method: 'get',
      path: '/v1/qualifications',
      tags: ['Operator: bills'],
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary:
        'Players who qualified for a CPA plan (newest first), over all partners: what the CPA lines of bills count',
      request: { query: OperatorQualificationListQuerySchema },
      responses: {
        200: jsonResponse(OperatorQualificationListSchema, 'A page of qualified players'),
        401: problemResponses[401],
        422: problemResponses[422],
      },
    }),
    async (c) => c.json(await listQualifications(tenantContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerQualifications',
      method: 'get',
      path: '/v1/partner/qualifications',
      tags: ['Partner bills'],
      security: partnerSecurity,
      // Qualified players are what the CPA lines of a bill count: the same component as the bills.
      middleware: [requirePartnerSession({ component: 'bills' })],
      summary: 'This partner’s players who qualified for a CPA plan (newest first)',
      request: { query: QualificationListQuerySchema },
      responses: {
        200: jsonResponse(QualificationListSchema, 'A page of qualified players'),
        401: problemResponses[401],
        403: problemResponses[403],
        422: problemResponses[422],
      },
    }),
    async (c) => c.json(await listPartnerQualifications(partnerContext(c), c.req.valid('query')), 200),
  );
