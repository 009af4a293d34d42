/** Secret keys (owner only, by the role table; a key may manage keys too): list, create, revoke, rotate. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext } from '../../http/deps.ts';
import { noStore } from '../../http/no-store.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { issueApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './api-keys.ts';

const tags = ['Operator: staff and API keys'];
const refusals = { 401: problemResponses[401], 403: problemResponses[403] };

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The first characters of the secret, to tell keys apart. */
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');
const NewApiKeySchema = ApiKeySchema.extend({
  secret: z.string().openapi({ description: 'The full secret: shown in this answer only' }),
}).openapi('NewApiKey');
const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) }).openapi('ApiKeyList');
const CreateApiKeySchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .strict()
  .openapi('CreateApiKey');
const KeyIdParams = z.object({
  keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' }, example: 'key_01JD…' }),
});

const listRoute = createRoute({
  operationId: 'listApiKeys',
  security: operatorKeySecurity,
  method: 'get',
  path: '/v1/operator/api_keys',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Secret keys (never the secrets): name, prefix, created, last used, revoked; newest first',
  responses: { 200: jsonResponse(ApiKeyListSchema, 'Keys'), ...refusals },
});

const createKeyRoute = createRoute({
  operationId: 'createApiKey',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/api_keys',
  tags,
  middleware: [requireOperatorKey, noStore] as const,
  summary: 'Create a secret key: its secret is in this answer only (no-store)',
  request: { body: jsonBody(CreateApiKeySchema) },
  responses: {
    ...bodyProblems,
    201: jsonResponse(NewApiKeySchema, 'Created'),
    ...refusals,
    422: problemResponses[422],
  },
});

const revokeRoute = createRoute({
  operationId: 'revokeApiKey',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/api_keys/{keyId}/revoke',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Revoke a key: it answers 401 from the next request (409 when a key tries to revoke itself)',
  request: { params: KeyIdParams },
  responses: {
    200: jsonResponse(ApiKeySchema, 'Revoked'),
    ...refusals,
    404: problemResponses[404],
    409: problemResponses[409],
  },
});

const rotateRoute = createRoute({
  operationId: 'rotateApiKey',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/api_keys/{keyId}/rotate',
  tags,
  middleware: [requireOperatorKey, noStore] as const,
  summary: 'Rotate a key: a new secret under the same name (in this answer only); the old key is revoked at once',
  request: { params: KeyIdParams },
  responses: {
    201: jsonResponse(NewApiKeySchema, 'The new key'),
    ...refusals,
    404: problemResponses[404],
    409: problemResponses[409],
  },
});

export const apiKeyRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listApiKeys(tenantContext(c)), 200))
  .openapi(createKeyRoute, async (c) => c.json(await issueApiKey(tenantContext(c), c.req.valid('json')), 201))
  .openapi(revokeRoute, async (c) =>
    c.json(
      await revokeApiKey(tenantContext(c), { keyId: c.req.valid('param').keyId, callerKeyId: c.var.apiKeyId }),
      200,
    ),
  )
  .openapi(rotateRoute, async (c) => c.json(await rotateApiKey(tenantContext(c), c.req.valid('param').keyId), 201));
