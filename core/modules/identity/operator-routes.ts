/** Operator API for identity: embed sessions, partners (list, detail, approval), sub-affiliates, unlocking users, expiring tokens. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { tenantContext } from '../../http/deps.ts';
import {
  IdParams,
  MintPartnerSessionSchema,
  PartnerDecisionSchema,
  PartnerDetailSchema,
  PartnerListQuerySchema,
  PartnerListSchema,
  PartnerSessionSchema,
  PartnerSummarySchema,
  StatisticTokenSchema,
  SubAffiliateListSchema,
  SubAffiliateQuerySchema,
  UserSchema,
} from './schemas.ts';
import { mintPartnerSession } from './embed-sessions.ts';
import { noStore } from '../../http/no-store.ts';
import { listPartnerSubAffiliates } from './sub-affiliates.ts';
import { decideOnPartner, operatorExpireStatisticToken, operatorUnlockUser } from './partner-admin.ts';
import { searchPartners } from './partner-search.ts';
import { getPartnerDetail } from './partner-detail.ts';

const tags = ['Operator: partners'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };

const mintRoute = createRoute({
  operationId: 'createPartnerSession',
  method: 'post',
  path: '/v1/partner_sessions',
  tags,
  security,
  middleware: [requireOperatorKey, noStore] as const,
  summary: 'Mint a short-lived, single-use client secret for one partner user and the components it may show',
  request: { body: jsonBody(MintPartnerSessionSchema) },
  responses: {
    ...bodyProblems,
    201: jsonResponse(PartnerSessionSchema, 'Client secret'),
    ...errors,
    403: problemResponses[403],
  },
});
const listRoute = createRoute({
  operationId: 'listPartners',
  method: 'get',
  path: '/v1/partners',
  tags,
  security,
  middleware,
  summary: 'Partner accounts: search, filter by status, sort and page; with the total and the count per status',
  request: { query: PartnerListQuerySchema },
  responses: { 200: jsonResponse(PartnerListSchema, 'Partners'), ...errors },
});
const detailRoute = createRoute({
  operationId: 'getPartner',
  method: 'get',
  path: '/v1/partners/{partnerId}',
  tags,
  security,
  middleware,
  summary: 'One partner: profile, status history, referrer, team and the plans it may choose',
  request: { params: IdParams('partnerId') },
  responses: { 200: jsonResponse(PartnerDetailSchema, 'Partner'), ...errors },
});
const decideRoute = createRoute({
  operationId: 'decideOnPartner',
  method: 'post',
  path: '/v1/partners/{partnerId}/decision',
  tags,
  security,
  middleware,
  summary: 'Approve, reject, block or unblock a partner account',
  request: { params: IdParams('partnerId'), body: jsonBody(PartnerDecisionSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(PartnerSummarySchema, 'Partner'),
    ...errors,
    409: problemResponses[409],
  },
});
const subAffiliatesRoute = createRoute({
  operationId: 'listPartnerSubAffiliates',
  method: 'get',
  path: '/v1/partners/{partnerId}/sub_affiliates',
  tags,
  security,
  middleware,
  summary: "A partner's sub-affiliates as the partner sees them (down to 5 levels, newest sign-up first)",
  request: { params: IdParams('partnerId'), query: SubAffiliateQuerySchema },
  responses: { 200: jsonResponse(SubAffiliateListSchema, 'Sub-affiliates'), ...errors },
});
const unlockRoute = createRoute({
  operationId: 'unlockUser',
  method: 'post',
  path: '/v1/users/{userId}/unlock',
  tags,
  security,
  middleware,
  summary: 'Unlock a user locked by failed sign-ins',
  request: { params: IdParams('userId') },
  responses: { 200: jsonResponse(UserSchema, 'User'), ...errors },
});
const expireTokenRoute = createRoute({
  operationId: 'expireUserStatisticToken',
  method: 'delete',
  path: '/v1/users/{userId}/statistic_token',
  tags,
  security,
  middleware: [requireOperatorKey, noStore] as const,
  summary: "Expire any user's statistic token",
  request: { params: IdParams('userId') },
  responses: { 200: jsonResponse(StatisticTokenSchema, 'Expired'), ...errors },
});

export const operatorIdentityRoutes = createRouter()
  .openapi(mintRoute, async (c) => c.json(await mintPartnerSession(tenantContext(c), c.req.valid('json')), 201))
  .openapi(listRoute, async (c) => c.json(await searchPartners(tenantContext(c), c.req.valid('query')), 200))
  .openapi(detailRoute, async (c) =>
    c.json(await getPartnerDetail(tenantContext(c), c.req.valid('param').partnerId), 200),
  )
  .openapi(decideRoute, async (c) =>
    c.json(
      await decideOnPartner(tenantContext(c), {
        partnerId: c.req.valid('param').partnerId,
        decision: c.req.valid('json').action,
      }),
      200,
    ),
  )
  .openapi(subAffiliatesRoute, async (c) =>
    c.json(
      await listPartnerSubAffiliates(tenantContext(c), {
        partnerId: c.req.valid('param').partnerId,
        ...c.req.valid('query'),
      }),
      200,
    ),
  )
  .openapi(unlockRoute, async (c) =>
    c.json(await operatorUnlockUser(tenantContext(c), c.req.valid('param').userId), 200),
  )
  .openapi(expireTokenRoute, async (c) =>
    c.json(await operatorExpireStatisticToken(tenantContext(c), c.req.valid('param').userId), 200),
  );
