/**
 * Inbound postback endpoints (`/pb/tracker/{id}`, `/pb/network/{id}`: GET or POST, form or
 * JSON, token in `t`) and the operator's conversion and cost API.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
  publicSecurity,
} from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { notFound } from '../../http/problem.ts';
import { partnerContext, tenantContext, type AppEnv } from '../../http/deps.ts';
import { authenticateConnection } from '../networks/service.ts';
import { acceptInboundPostback, readInboundParams } from './inbound.ts';
import {
  ConversionDetailSchema,
  ConversionListQuerySchema,
  ConversionSchema,
  CostQuerySchema,
  CostSchema,
  InboundResultSchema,
  NetworkPostbackQuerySchema,
  PartnerConversionQuerySchema,
  PartnerConversionSchema,
  TrackerPostbackQuerySchema,
  UpdateConversionSchema,
  UploadCostsSchema,
} from './schemas.ts';
import {
  getConversion,
  listCosts,
  listOperatorConversions,
  listPartnerConversions,
  updateConversion,
  uploadCosts,
} from './service.ts';

const inboundTags = ['Inbound postbacks'];
const inboundErrors = { 400: problemResponses[400], 404: problemResponses[404], 422: problemResponses[422] };
const connectionParams = z.object({ connectionId: z.string().min(3).max(64) });

async function inbound(c: Context<AppEnv>, kind: 'tracker' | 'network') {
  const params = await readInboundParams(c.req.raw);
  const connection = await authenticateConnection(c.var.deps, {
    kind,
    id: c.req.param('connectionId')!,
    token: params.t ?? '',
  });
  // A wrong token looks exactly like a missing connection.
  if (!connection) throw notFound('Connection');
  // The tenant is the connection's operator, known only once its token matched.
  return c.json(await acceptInboundPostback(tenantContext(c, connection.operatorId), { connection, params }), 200);
}

const inboundRoute = (method: 'get' | 'post', kind: 'tracker' | 'network') =>
  createRoute({
    // The connection's token in `t` authenticates the call, not an HTTP credential.
    operationId: `receive${kind === 'tracker' ? 'Tracker' : 'Network'}Postback${method === 'get' ? 'ByGet' : 'ByPost'}`,
    security: publicSecurity,
    method,
    path: `/pb/${kind}/{connectionId}`,
    tags: inboundTags,
    summary:
      kind === 'tracker'
        ? `Tracker postback (${method.toUpperCase()}): click_id, status, payout, currency, txid. Repeats count once; a new txid on a click is an upsell.`
        : `CPA-network postback (${method.toUpperCase()}): oid/eid, status with sta/stc/stt/stw mapping, pay, cc, comment, reason.`,
    request: {
      params: connectionParams,
      query: kind === 'tracker' ? TrackerPostbackQuerySchema : NetworkPostbackQuerySchema,
    },
    responses: {
      200: jsonResponse(InboundResultSchema, 'Accepted, changed, duplicate, or kept with a warning'),
      ...inboundErrors,
      ...(method === 'post' ? { 413: problemResponses[413] } : {}),
    },
  });

const tags = ['Operator: conversions and costs'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = {
  401: problemResponses[401],
  404: problemResponses[404],
  409: problemResponses[409],
  422: problemResponses[422],
};
const conversionParams = z.object({ conversionId: z.string().min(3).max(64) });

const router = createRouter();
// A postback is a handful of parameters: anything bigger is refused before it is read.

export const conversionRoutes = router
  .openapi(inboundRoute('get', 'tracker'), (c) => inbound(c, 'tracker'))
  .openapi(inboundRoute('post', 'tracker'), (c) => inbound(c, 'tracker'))
  .openapi(inboundRoute('get', 'network'), (c) => inbound(c, 'network'))
  .openapi(inboundRoute('post', 'network'), (c) => inbound(c, 'network'))
  .openapi(
    createRoute({
      operationId: 'listConversions',
      method: 'get',
      path: '/v1/conversions',
      tags,
      security,
      middleware,
      summary: 'Tracker, network and operator conversions, newest first',
      request: { query: ConversionListQuerySchema },
      responses: {
        200: jsonResponse(z.object({ data: z.array(ConversionSchema) }).openapi('ConversionList'), 'Conversions'),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await listOperatorConversions(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getConversion',
      method: 'get',
      path: '/v1/conversions/{conversionId}',
      tags,
      security,
      middleware,
      summary: 'A conversion with every change and the raw values received',
      request: { params: conversionParams },
      responses: { 200: jsonResponse(ConversionDetailSchema, 'Conversion'), ...errors },
    }),
    async (c) => c.json(await getConversion(tenantContext(c), c.req.valid('param').conversionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateConversion',
      method: 'patch',
      path: '/v1/conversions/{conversionId}',
      tags,
      security,
      middleware,
      summary:
        "Change status (hold → approve | cancel | trash; approve → cancel | trash) and/or payout; fires the partner's lead/sale/rejected postbacks",
      request: { params: conversionParams, body: jsonBody(UpdateConversionSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(ConversionDetailSchema, 'Conversion'), ...errors },
    }),
    async (c) =>
      c.json(
        await updateConversion(tenantContext(c), {
          ...c.req.valid('json'),
          conversionId: c.req.valid('param').conversionId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'uploadCosts',
      method: 'put',
      path: '/v1/costs',
      tags,
      security,
      middleware,
      summary: 'Upload costs per campaign and day (all lines or none; a later upload for the same day replaces it)',
      request: { body: jsonBody(UploadCostsSchema) },
      responses: {
        ...bodyProblems,
        200: jsonResponse(z.object({ stored: z.number().int() }).openapi('CostsStored'), 'Stored'),
        ...errors,
      },
    }),
    async (c) => c.json(await uploadCosts(tenantContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerConversions',
      method: 'get',
      path: '/v1/partner/conversions',
      tags: ['Partner campaigns'],
      security: partnerSecurity,
      middleware: [requirePartnerSession({ component: 'conversions' })],
      summary:
        "Conversions the operator's tracker and CPA networks reported on this partner's clicks, with their status (hold, approve, cancel, trash) and payout; newest change first",
      request: { query: PartnerConversionQuerySchema },
      responses: {
        200: jsonResponse(
          z.object({ data: z.array(PartnerConversionSchema) }).openapi('PartnerConversionList'),
          'Conversions',
        ),
        401: problemResponses[401],
        422: problemResponses[422],
      },
    }),
    async (c) => c.json({ data: await listPartnerConversions(partnerContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'listCosts',
      method: 'get',
      path: '/v1/costs',
      tags,
      security,
      middleware,
      summary: 'Costs by campaign and day',
      request: { query: CostQuerySchema },
      responses: { 200: jsonResponse(z.object({ data: z.array(CostSchema) }).openapi('CostList'), 'Costs'), ...errors },
    }),
    async (c) => c.json({ data: await listCosts(tenantContext(c), c.req.valid('query')) }, 200),
  );
