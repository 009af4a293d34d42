/** Operator API for the catalog partners build campaigns from: brands, landings, creatives, traffic sources (plans: commissions/routes.ts). */
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
  BrandListSchema,
  BrandSchema,
  CreateBrandSchema,
  CreateCreativeSchema,
  CreateLandingSchema,
  CreateTrafficSourceSchema,
  CreativeFilterSchema,
  CreativeSchema,
  LandingSchema,
  TrafficSourceSchema,
  list,
} from './schemas.ts';
import {
  createBrand,
  createCreative,
  createLanding,
  createTrafficSource,
  listBrands,
  listCreatives,
  listLandings,
  listTrafficSources,
} from './service.ts';
import { LANDING_AUDIENCES } from './table.ts';

const listBrandsRoute = createRoute({
  operationId: 'listBrands',
  method: 'get',
  path: '/v1/brands',
  tags: ['Catalog'],
  summary: "List the operator's brands",
  security: operatorKeySecurity,
  middleware: [requireOperatorKey] as const,
  responses: { 200: jsonResponse(BrandListSchema, 'Brands, by name'), 401: problemResponses[401] },
});

const createBrandRoute = createRoute({
  operationId: 'createBrand',
  method: 'post',
  path: '/v1/brands',
  tags: ['Catalog'],
  summary: 'Create a brand',
  security: operatorKeySecurity,
  middleware: [requireOperatorKey] as const,
  request: { body: jsonBody(CreateBrandSchema) },
  responses: {
    ...bodyProblems,
    201: jsonResponse(BrandSchema, 'The new brand'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});

const tags = ['Operator: catalog'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 422: problemResponses[422] };
const created = <T extends z.ZodType>(schema: T, what: string) => ({
  201: jsonResponse(schema, what),
  ...errors,
  ...bodyProblems,
});
const listed = <T extends z.ZodType>(schema: T, what: string) => ({ 200: jsonResponse(schema, what), ...errors });

const LandingList = list(LandingSchema, 'LandingList');
const CreativeList = list(CreativeSchema, 'CreativeList');
const TrafficSourceList = list(TrafficSourceSchema, 'TrafficSourceList');

export const catalogRoutes = createRouter()
  .openapi(listBrandsRoute, async (c) => c.json({ data: await listBrands(tenantContext(c)) }, 200))
  .openapi(createBrandRoute, async (c) => c.json(await createBrand(tenantContext(c), c.req.valid('json')), 201))
  .openapi(
    createRoute({
      operationId: 'createLanding',
      method: 'post',
      path: '/v1/landings',
      tags,
      security,
      middleware,
      summary: 'Create a landing',
      request: { body: jsonBody(CreateLandingSchema) },
      responses: created(LandingSchema, 'Landing'),
    }),
    async (c) => c.json(await createLanding(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'listLandings',
      method: 'get',
      path: '/v1/landings',
      tags,
      security,
      middleware,
      summary: 'List landings',
      request: {
        query: z.object({ audience: z.enum(LANDING_AUDIENCES).optional(), brandId: z.string().max(64).optional() }),
      },
      responses: listed(LandingList, 'Landings'),
    }),
    async (c) => c.json({ data: await listLandings(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createCreative',
      method: 'post',
      path: '/v1/creatives',
      tags,
      security,
      middleware,
      summary: 'Create a creative (private ones list the partners who see them)',
      request: { body: jsonBody(CreateCreativeSchema) },
      responses: created(CreativeSchema, 'Creative'),
    }),
    async (c) => c.json(await createCreative(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'listCreatives',
      method: 'get',
      path: '/v1/creatives',
      tags,
      security,
      middleware,
      summary: 'List creatives with filters',
      request: { query: CreativeFilterSchema },
      responses: listed(CreativeList, 'Creatives'),
    }),
    async (c) => c.json({ data: await listCreatives(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createTrafficSource',
      method: 'post',
      path: '/v1/traffic_sources',
      tags,
      security,
      middleware,
      summary: 'Add a traffic source to the list partners choose from',
      request: { body: jsonBody(CreateTrafficSourceSchema) },
      responses: created(TrafficSourceSchema, 'Traffic source'),
    }),
    async (c) => c.json(await createTrafficSource(tenantContext(c), c.req.valid('json').name), 201),
  )
  .openapi(
    createRoute({
      operationId: 'listTrafficSources',
      method: 'get',
      path: '/v1/traffic_sources',
      tags,
      security,
      middleware,
      summary: 'List traffic sources',
      responses: listed(TrafficSourceList, 'Traffic sources'),
    }),
    async (c) => c.json({ data: await listTrafficSources(tenantContext(c)) }, 200),
  );
