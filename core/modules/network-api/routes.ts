/** Operator API: a network connection's API adapter, test, sync now, the request log and leads. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { AdapterSchema } from './adapter.ts';
import { deleteAdapter, getAdapter, listApiLog, saveAdapter } from './adapter-store.ts';
import { acceptLead, listLeads } from './leads.ts';
import {
  AdapterViewSchema,
  ApiLogQuerySchema,
  ApiLogSchema,
  CreateLeadSchema,
  LeadListSchema,
  LeadSchema,
  SyncResultSchema,
  TestResultSchema,
} from './schemas.ts';
import { syncConnection, testConnection } from './sync-runs.ts';

const tags = ['Operator: networks and trackers'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = {
  401: problemResponses[401],
  404: problemResponses[404],
  409: problemResponses[409],
  422: problemResponses[422],
};
const params = z.object({ connectionId: z.string().min(3).max(64) });
const base = '/v1/network_connections/{connectionId}';
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const networkApiRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'getNetworkApiAdapter',
      method: 'get',
      path: `${base}/api`,
      tags,
      security,
      middleware,
      summary: "The connection's API adapter and its sync state",
      request: { params },
      responses: { 200: jsonResponse(AdapterViewSchema, 'Adapter'), ...errors },
    }),
    async (c) => c.json(await getAdapter(tenantContext(c), c.req.valid('param').connectionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'saveNetworkApiAdapter',
      method: 'put',
      path: `${base}/api`,
      tags,
      security,
      middleware,
      summary: 'Describe the network’s API: authentication, lead push, status poll (templates and paths checked)',
      request: { params, body: jsonBody(AdapterSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(AdapterViewSchema, 'Adapter'), ...errors },
    }),
    async (c) =>
      c.json(
        await saveAdapter(tenantContext(c), {
          connectionId: c.req.valid('param').connectionId,
          adapter: c.req.valid('json'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'deleteNetworkApiAdapter',
      method: 'delete',
      path: `${base}/api`,
      tags,
      security,
      middleware,
      summary: 'Remove the adapter: no more syncs or pushes (the log and leads stay)',
      request: { params },
      responses: { 200: jsonResponse(z.object({ deleted: z.number().int() }), 'Deleted'), ...errors },
    }),
    async (c) => c.json(await deleteAdapter(tenantContext(c), c.req.valid('param').connectionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'testNetworkApi',
      method: 'post',
      path: `${base}/api/test`,
      tags,
      security,
      middleware,
      summary: 'Send one real status-poll request and show its answer (secrets masked) and the items read',
      request: { params },
      responses: { 200: jsonResponse(TestResultSchema, 'The exchange'), ...errors },
    }),
    async (c) => c.json(await testConnection(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'syncNetworkApi',
      method: 'post',
      path: `${base}/api/sync`,
      tags,
      security,
      middleware,
      summary: 'Sync statuses now (409 when a sync of the connection is running)',
      request: { params },
      responses: { 200: jsonResponse(SyncResultSchema, 'What the sync did'), ...errors },
    }),
    async (c) => {
      const result = await syncConnection(tenantContext(c), c.req.valid('param'));
      return c.json({ ...result, retryAt: iso(result.retryAt), completeUntil: iso(result.completeUntil) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listNetworkApiLog',
      method: 'get',
      path: `${base}/api/log`,
      tags,
      security,
      middleware,
      summary: 'Every request to the network’s API (tests, syncs, pushes) with its answer, newest first',
      request: { params, query: ApiLogQuerySchema },
      responses: { 200: jsonResponse(ApiLogSchema, 'Log'), ...errors },
    }),
    async (c) =>
      c.json(
        await listApiLog(tenantContext(c), {
          ...c.req.valid('query'),
          connectionId: c.req.valid('param').connectionId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'createNetworkLead',
      method: 'post',
      path: `${base}/leads`,
      tags,
      security,
      middleware,
      summary: 'Send a lead to push to the network (idempotent by leadId: a repeat answers 200 with the lead)',
      request: { params, body: jsonBody(CreateLeadSchema) },
      responses: {
        ...bodyProblems,
        200: jsonResponse(LeadSchema, 'The lead sent before with this leadId'),
        202: jsonResponse(LeadSchema, 'Taken: the push is queued'),
        ...errors,
      },
    }),
    async (c) => {
      const { created, lead } = await acceptLead(tenantContext(c), {
        ...c.req.valid('json'),
        connectionId: c.req.valid('param').connectionId,
      });
      return created ? c.json(lead, 202) : c.json(lead, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listNetworkLeads',
      method: 'get',
      path: `${base}/leads`,
      tags,
      security,
      middleware,
      summary: 'Leads with their push state (contacts masked), newest first',
      request: {
        params,
        query: z.object({
          before: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: jsonResponse(LeadListSchema, 'Leads'), ...errors },
    }),
    async (c) =>
      c.json(
        await listLeads(tenantContext(c), { ...c.req.valid('query'), connectionId: c.req.valid('param').connectionId }),
        200,
      ),
  );
