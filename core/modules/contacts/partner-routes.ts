/**
 * The partner's Contacts section (their manager, support per brand, the program's card) and the
 * managers' photos at public addresses: an <img> cannot send the partner's bearer token, and a
 * manager's photo is no secret (the partner is shown it anyway). The address carries a random
 * version that changes with each upload, so it cannot be guessed from the ids and its answer can
 * be cached for a year; the bytes were checked to be PNG, JPEG or WebP when stored and are served
 * with that type and nosniff.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import { jsonResponse, partnerSecurity, problemResponses, publicSecurity } from '../../http/openapi-shared.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { partnerContacts } from './assignments.ts';
import { openManagerPhoto, PHOTO_TYPES } from './managers.ts';
import { PartnerContactsSchema, PhotoParams } from './schemas.ts';

const photo = z.string().openapi({ format: 'binary' });

export const partnerContactRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'getPartnerContacts',
      method: 'get',
      path: '/v1/partner/contacts',
      tags: ['Partner contacts'],
      security: partnerSecurity,
      middleware: [requirePartnerSession({ component: 'program' })],
      summary: 'Who the partner can write to: their manager, support per brand and the program’s contacts',
      description:
        'Brands are listed when they have a card of their own; the program card is for the rest. Messenger links are ' +
        'built by the server (`https://t.me/…`, `https://wa.me/…`) or null; hours and notes come in every locale set.',
      responses: {
        200: jsonResponse(PartnerContactsSchema, 'The contacts'),
        401: problemResponses[401],
        403: problemResponses[403],
      },
    }),
    async (c) => c.json(await partnerContacts(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getManagerPhoto',
      method: 'get',
      path: '/v1/public/operators/{operatorId}/managers/{managerId}/photo/{photoVersion}',
      tags: ['Partner contacts'],
      security: publicSecurity,
      summary: 'A manager’s photo at the `photoUrl` the API gives (public: an image tag sends no token)',
      description: 'Only the current version answers; cached for a year (a new upload has a new address).',
      request: { params: PhotoParams },
      responses: {
        200: {
          description: 'The image',
          content: Object.fromEntries(Object.keys(PHOTO_TYPES).map((type) => [type, { schema: photo }])),
        },
        404: problemResponses[404],
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const { operatorId, managerId, photoVersion } = c.req.valid('param');
      const files = c.var.deps.files;
      if (!files) throw new DomainError('unavailable', 'This server has no file store for managers’ photos');
      const found = await openManagerPhoto({ ...tenantContext(c, operatorId), files }, { managerId, photoVersion });
      if (!found) throw notFound('Manager');
      return c.body(found.file.body, 200, {
        'content-type': found.contentType,
        'content-length': String(found.file.size),
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  );
