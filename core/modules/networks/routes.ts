/** Operator API: the CPA-network catalog, tracker/network connections and their offer mappings. */
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
import {
  ConnectionListSchema,
  ConnectionSchema,
  CreateConnectionSchema,
  CreateOfferSchema,
  NetworkCatalogSchema,
  OfferListSchema,
  OfferSchema,
  UpdateConnectionSchema,
} from './schemas.ts';
import {
  addOffer,
  createConnection,
  deleteOffer,
  getConnection,
  listConnections,
  listNetworkCatalog,
  listOffers,
  updateConnection,
} from './service.ts';

const tags = ['Operator: networks and trackers'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = {
  401: problemResponses[401],
  404: problemResponses[404],
  409: problemResponses[409],
  422: problemResponses[422],
};
const connectionParams = z.object({ connectionId: z.string().min(3).max(64) });
const offerParams = connectionParams.extend({ offerId: z.string().min(3).max(64) });

export const networkRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listNetworks',
      method: 'get',
      path: '/v1/networks',
      tags,
      security,
      middleware,
      summary: 'The CPA-network catalog: settings, per-offer parameters and postback tails of each network',
      responses: { 200: jsonResponse(NetworkCatalogSchema, 'Catalog'), ...errors },
    }),
    async (c) => c.json({ data: listNetworkCatalog() }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createNetworkConnection',
      method: 'post',
      path: '/v1/network_connections',
      tags,
      security,
      middleware,
      summary: 'Connect a network from the catalog (settings checked against it, sealed at rest) or a tracker',
      request: { body: jsonBody(CreateConnectionSchema) },
      responses: {
        ...bodyProblems,
        201: jsonResponse(ConnectionSchema, 'Connection with the postback URLs to paste'),
        ...errors,
      },
    }),
    async (c) => c.json(await createConnection(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'listNetworkConnections',
      method: 'get',
      path: '/v1/network_connections',
      tags,
      security,
      middleware,
      summary: 'List connections',
      responses: { 200: jsonResponse(ConnectionListSchema, 'Connections'), ...errors },
    }),
    async (c) => c.json({ data: await listConnections(tenantContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getNetworkConnection',
      method: 'get',
      path: '/v1/network_connections/{connectionId}',
      tags,
      security,
      middleware,
      summary: 'One connection (secrets masked) with its postback URLs',
      request: { params: connectionParams },
      responses: { 200: jsonResponse(ConnectionSchema, 'Connection'), ...errors },
    }),
    async (c) => c.json(await getConnection(tenantContext(c), c.req.valid('param').connectionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateNetworkConnection',
      method: 'patch',
      path: '/v1/network_connections/{connectionId}',
      tags,
      security,
      middleware,
      summary: 'Rename, change settings or currency, enable or disable',
      request: { params: connectionParams, body: jsonBody(UpdateConnectionSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(ConnectionSchema, 'Connection'), ...errors },
    }),
    async (c) =>
      c.json(
        await updateConnection(tenantContext(c), {
          ...c.req.valid('json'),
          connectionId: c.req.valid('param').connectionId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'listConnectionOffers',
      method: 'get',
      path: '/v1/network_connections/{connectionId}/offers',
      tags,
      security,
      middleware,
      summary: "Offers mapped to the network's parameters",
      request: { params: connectionParams },
      responses: { 200: jsonResponse(OfferListSchema, 'Offers'), ...errors },
    }),
    async (c) => c.json({ data: await listOffers(tenantContext(c), c.req.valid('param').connectionId) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'addConnectionOffer',
      method: 'post',
      path: '/v1/network_connections/{connectionId}/offers',
      tags,
      security,
      middleware,
      summary: "Map an offer (brand, landing) to the network's per-offer parameters",
      request: { params: connectionParams, body: jsonBody(CreateOfferSchema) },
      responses: { ...bodyProblems, 201: jsonResponse(OfferSchema, 'Offer'), ...errors },
    }),
    async (c) =>
      c.json(
        await addOffer(tenantContext(c), { ...c.req.valid('json'), connectionId: c.req.valid('param').connectionId }),
        201,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'deleteConnectionOffer',
      method: 'delete',
      path: '/v1/network_connections/{connectionId}/offers/{offerId}',
      tags,
      security,
      middleware,
      summary: 'Remove an offer mapping',
      request: { params: offerParams },
      responses: { 200: jsonResponse(z.object({ deleted: z.number().int() }), 'Deleted'), ...errors },
    }),
    async (c) => {
      return c.json(await deleteOffer(tenantContext(c), c.req.valid('param')), 200);
    },
  );
