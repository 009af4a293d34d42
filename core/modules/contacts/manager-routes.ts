/** Operator API: affiliate managers (with photos) and which manager each partner has. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext, type AppEnv } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { DomainError, fieldProblem } from '../../lib/errors.ts';
import { detectFileType } from '../../lib/file-signature.ts';
import { IdParams } from '../identity/schemas.ts';
import { assignManager, findPartnerManager } from './assignments.ts';
import {
  PHOTO_TYPES,
  createManager,
  deleteManager,
  findManager,
  listManagers,
  loadManager,
  removeManagerPhoto,
  setManagerPhoto,
  updateManager,
} from './managers.ts';
import {
  AssignManagerSchema,
  CreateManagerSchema,
  DeletedManagerSchema,
  ManagerListSchema,
  ManagerSchema,
  PartnerManagerSchema,
  UpdateManagerSchema,
} from './schemas.ts';

const tags = ['Operator: contacts'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404] };
const params = IdParams('managerId');
const partnerParams = IdParams('partnerId');
const one = (description: string) => jsonResponse(ManagerSchema, description);
const photoBody = z.string().openapi({ format: 'binary' });

/** The file store the edge built; without one (a script's deps) photos can be neither stored nor served. */
function filesOf(c: Context<AppEnv>) {
  const files = c.var.deps.files;
  if (!files) throw new DomainError('unavailable', 'This server has no file store for managers’ photos');
  return files;
}

/** The photo's bytes, checked by their signature (not by the Content-Type sent): PNG, JPEG or WebP. */
async function photoOf(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; mime: string }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.byteLength) throw fieldProblem('body', 'required', 'is empty: send the image’s bytes');
  const type = await detectFileType(bytes);
  if (!type || !PHOTO_TYPES[type.mime])
    throw fieldProblem('body', 'invalid_choice', 'is not a PNG, JPEG or WebP image', {
      allowed: Object.keys(PHOTO_TYPES),
    });
  return { bytes, mime: type.mime };
}

export const managerRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listManagers',
      method: 'get',
      path: '/v1/managers',
      tags,
      security,
      middleware,
      summary: 'The affiliate managers, by name, with how many partners each has',
      responses: { 200: jsonResponse(ManagerListSchema, 'The managers'), 401: problemResponses[401] },
    }),
    async (c) => c.json({ items: await listManagers(tenantContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createManager',
      method: 'post',
      path: '/v1/managers',
      tags,
      security,
      middleware,
      summary: 'Add an affiliate manager (messengers checked and normalised as for contact cards)',
      request: { body: jsonBody(CreateManagerSchema) },
      responses: { 201: one('The manager'), 401: problemResponses[401], ...bodyProblems },
    }),
    async (c) => c.json(await createManager(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'getManager',
      method: 'get',
      path: '/v1/managers/{managerId}',
      tags,
      security,
      middleware,
      summary: 'One affiliate manager',
      request: { params },
      responses: { 200: one('The manager'), ...errors },
    }),
    async (c) => c.json(await findManager(tenantContext(c), c.req.valid('param').managerId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateManager',
      method: 'patch',
      path: '/v1/managers/{managerId}',
      tags,
      security,
      middleware,
      summary:
        'Change a manager (the fields given); an inactive manager is hidden from partners and cannot be assigned',
      request: { params, body: jsonBody(UpdateManagerSchema) },
      responses: { 200: one('The manager'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await updateManager(tenantContext(c), { ...c.req.valid('json'), managerId: c.req.valid('param').managerId }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'deleteManager',
      method: 'delete',
      path: '/v1/managers/{managerId}',
      tags,
      security,
      middleware,
      summary: 'Delete a manager and its photo; its partners are left without a manager (deactivate to keep them)',
      request: { params },
      responses: { 200: jsonResponse(DeletedManagerSchema, 'Deleted'), ...errors },
    }),
    async (c) => c.json(await deleteManager(tenantContext(c), c.req.valid('param').managerId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'setManagerPhoto',
      method: 'put',
      path: '/v1/managers/{managerId}/photo',
      tags,
      security,
      middleware,
      summary: 'Upload a manager’s photo: the image’s bytes as the body (PNG, JPEG or WebP, at most 1 MB)',
      description:
        'The type is read from the bytes, not from Content-Type: anything else is a 422 on `body`. Each upload gets a ' +
        'new public `photoUrl` (the old one stops answering). 503 when this server has no file store.',
      request: {
        params,
        body: {
          required: true,
          content: {
            'image/png': { schema: photoBody },
            'image/jpeg': { schema: photoBody },
            'image/webp': { schema: photoBody },
          },
        },
      },
      responses: {
        200: one('The manager with its new photo'),
        ...errors,
        ...bodyProblems,
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { managerId } = c.req.valid('param');
      await loadManager(ctx, managerId);
      const files = filesOf(c);
      return c.json(await setManagerPhoto({ ...ctx, files }, { managerId, ...(await photoOf(c)) }), 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'removeManagerPhoto',
      method: 'delete',
      path: '/v1/managers/{managerId}/photo',
      tags,
      security,
      middleware,
      summary: 'Remove a manager’s photo (partners see initials instead)',
      request: { params },
      responses: { 200: one('The manager'), ...errors },
    }),
    async (c) => c.json(await removeManagerPhoto(tenantContext(c), c.req.valid('param').managerId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerManager',
      method: 'get',
      path: '/v1/partners/{partnerId}/manager',
      tags,
      security,
      middleware,
      summary: 'The partner’s manager, or null',
      request: { params: partnerParams },
      responses: { 200: jsonResponse(PartnerManagerSchema, 'The partner’s manager'), ...errors },
    }),
    async (c) => c.json(await findPartnerManager(tenantContext(c), c.req.valid('param').partnerId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'assignPartnerManager',
      method: 'put',
      path: '/v1/partners/{partnerId}/manager',
      tags,
      security,
      middleware,
      summary: 'Give the partner a manager (an active one), or none with `managerId: null`',
      request: { params: partnerParams, body: jsonBody(AssignManagerSchema) },
      responses: { 200: jsonResponse(PartnerManagerSchema, 'The partner’s manager now'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await assignManager(tenantContext(c), {
          partnerId: c.req.valid('param').partnerId,
          managerId: c.req.valid('json').managerId,
        }),
        200,
      ),
  );
