/** Operator API: how partners reach support, a contact card per brand and the program-wide default. */
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
} from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import { clearContactCard, listContactCards, setContactCard } from './contact-cards.ts';
import { ContactCardSchema, ContactsOverviewSchema, SetContactCardSchema } from './schemas.ts';

const tags = ['Operator: contacts'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404] };
const brandParams = IdParams('brandId');
const CARD_WORDS =
  'Replaced whole. E-mail checked; messengers checked and normalised per kind (Telegram `@name`, WhatsApp an ' +
  'international phone number, Skype a Skype name, other free text); partners get links built from them only ' +
  '(`https://t.me/…`, `https://wa.me/…`), never the text as typed. Hours and note are words per locale (`en`, `ru`).';

// The program's routes come before `{brandId}`'s: a static segment wins when registered first.
export const contactCardRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listContactCards',
      method: 'get',
      path: '/v1/contacts',
      tags,
      security,
      middleware,
      summary: 'The program-wide contact card and each brand’s own card (null: partners see the program’s)',
      responses: { 200: jsonResponse(ContactsOverviewSchema, 'The cards'), 401: problemResponses[401] },
    }),
    async (c) => c.json(await listContactCards(tenantContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'setProgramContactCard',
      method: 'put',
      path: '/v1/contacts/program',
      tags,
      security,
      middleware,
      summary: 'Set the program-wide contact card (shown for brands without a card of their own)',
      description: CARD_WORDS,
      request: { body: jsonBody(SetContactCardSchema) },
      responses: { 200: jsonResponse(ContactCardSchema, 'The card'), 401: problemResponses[401], ...bodyProblems },
    }),
    async (c) => c.json(await setContactCard(tenantContext(c), { ...c.req.valid('json'), brandId: null }), 200),
  )
  .openapi(
    createRoute({
      operationId: 'clearProgramContactCard',
      method: 'delete',
      path: '/v1/contacts/program',
      tags,
      security,
      middleware,
      summary: 'Remove the program-wide contact card',
      responses: { 204: { description: 'Removed (or there was none)' }, 401: problemResponses[401] },
    }),
    async (c) => {
      await clearContactCard(tenantContext(c), null);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      operationId: 'setBrandContactCard',
      method: 'put',
      path: '/v1/contacts/{brandId}',
      tags,
      security,
      middleware,
      summary: 'Set a brand’s contact card',
      description: CARD_WORDS,
      request: { params: brandParams, body: jsonBody(SetContactCardSchema) },
      responses: { 200: jsonResponse(ContactCardSchema, 'The card'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await setContactCard(tenantContext(c), { ...c.req.valid('json'), brandId: c.req.valid('param').brandId }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'clearBrandContactCard',
      method: 'delete',
      path: '/v1/contacts/{brandId}',
      tags,
      security,
      middleware,
      summary: 'Remove a brand’s own contact card (partners then see the program’s)',
      request: { params: brandParams },
      responses: { 204: { description: 'Removed (or there was none)' }, ...errors },
    }),
    async (c) => {
      await clearContactCard(tenantContext(c), c.req.valid('param').brandId);
      return c.body(null, 204);
    },
  );
