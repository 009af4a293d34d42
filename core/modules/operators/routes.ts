import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
  publicSecurity,
} from '../../http/openapi-shared.ts';
import { OperatorIdParams, OperatorSchema, PortalConfigSchema, UpdateOperatorSchema } from './schemas.ts';
import { getOperator, getPortalConfig, updateOperator } from './service.ts';

const getPortalConfigRoute = createRoute({
  operationId: 'getPortalConfig',
  security: publicSecurity,
  method: 'get',
  path: '/v1/public/operators/{operatorId}',
  tags: ['Portal'],
  summary: "Public portal configuration: branding and brands (CORS: the operator's allowed origins)",
  request: { params: OperatorIdParams },
  responses: { 200: jsonResponse(PortalConfigSchema, 'Branding, brands and locales'), 404: problemResponses[404] },
});

const getOperatorRoute = createRoute({
  operationId: 'getOperator',
  method: 'get',
  path: '/v1/operator',
  tags: ['Operator'],
  summary: 'The operator the secret key belongs to',
  security: operatorKeySecurity,
  middleware: [requireOperatorKey] as const,
  responses: { 200: jsonResponse(OperatorSchema, 'The operator'), 401: problemResponses[401] },
});

const updateOperatorRoute = createRoute({
  operationId: 'updateOperator',
  method: 'patch',
  path: '/v1/operator',
  tags: ['Operator'],
  summary: 'Change name, branding, allowed origins or lockout threshold',
  security: operatorKeySecurity,
  middleware: [requireOperatorKey] as const,
  request: { body: jsonBody(UpdateOperatorSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(OperatorSchema, 'The updated operator'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});

const publicRoutes = createRouter();

export const operatorRoutes = publicRoutes
  .openapi(getPortalConfigRoute, async (c) =>
    c.json(await getPortalConfig(tenantContext(c, c.req.valid('param').operatorId)), 200),
  )
  .openapi(getOperatorRoute, async (c) => c.json(await getOperator(tenantContext(c)), 200))
  .openapi(updateOperatorRoute, async (c) => c.json(await updateOperator(tenantContext(c), c.req.valid('json')), 200));
