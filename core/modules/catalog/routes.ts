import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { bodyProblems, jsonBody, jsonResponse, operatorKeySecurity, problemResponses } from '../../http/openapi-shared.ts';
import { BrandListSchema, BrandSchema, CreateBrandSchema } from './schemas.ts';
import { createBrand, listBrands } from './service.ts';

const listBrandsRoute = createRoute({
  operationId: 'listBrands',
  method: 'get',
  path: '/v1/brands',
  tags: ['Catalog'],
  summary: 'List the operator\'s brands',
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
  responses: { ...bodyProblems, 201: jsonResponse(BrandSchema, 'The new brand'), 401: problemResponses[401], 422: problemResponses[422] },
});

export const catalogRoutes = createRouter()
  .openapi(listBrandsRoute, async (c) => c.json({ data: await listBrands(c.var.deps, c.var.operatorId) }, 200))
  .openapi(createBrandRoute, async (c) => c.json(await createBrand(c.var.deps, c.var.operatorId, c.req.valid('json')), 201));
