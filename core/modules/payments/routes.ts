/** Payment methods: the operator's catalog, the partner's accounts, and the operator's masked view of them. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import {
  addPaymentAccount,
  deletePaymentAccount,
  listPartnerPaymentAccounts,
  listPaymentAccounts,
  revealPaymentAccount,
} from './accounts.ts';
import {
  createPaymentMethod,
  getPaymentMethod,
  listOfferedPaymentMethods,
  listPaymentMethods,
  updatePaymentMethod,
} from './catalog.ts';
import {
  AddPaymentAccountSchema,
  CreatePaymentMethodSchema,
  OfferedPaymentMethodListSchema,
  PaymentAccountListSchema,
  PaymentAccountSchema,
  PaymentMethodListSchema,
  PaymentMethodSchema,
  RevealedPaymentAccountSchema,
  RevealPaymentAccountSchema,
  TwoFactorOptionalBodySchema,
  UpdatePaymentMethodSchema,
} from './schemas.ts';

const operator = {
  tags: ['Operator: payment methods'],
  security: operatorKeySecurity,
  middleware: [requireOperatorKey],
};
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const methodParams = IdParams('methodId');
const accountParams = IdParams('accountId');

const partnerTags = ['Partner payment methods'];
const readers = [requirePartnerSession({ component: 'wallet' })];
// Analysts see the masked list; changing or revealing payment details is for the money roles.
const writers = [requirePartnerSession({ component: 'wallet', roles: ['owner', 'admin', 'finance'] })];
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403] };
/** What a route that checks a 2FA code may answer besides its own: a wrong code (422) or the lockout (423). */
const codeErrors = {
  ...partnerErrors,
  404: problemResponses[404],
  422: problemResponses[422],
  423: problemResponses[423],
};

export const paymentRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listPaymentMethods',
      method: 'get',
      path: '/v1/payment_methods',
      ...operator,
      summary: 'The payment methods the operator offers (enabled or not) with limits per currency, by name',
      responses: { 200: jsonResponse(PaymentMethodListSchema, 'Payment methods'), 401: problemResponses[401] },
    }),
    async (c) => c.json({ data: await listPaymentMethods(tenantContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createPaymentMethod',
      method: 'post',
      path: '/v1/payment_methods',
      ...operator,
      summary: 'Offer a payment method: its kind (which fields partners fill in), and min / max per currency',
      request: { body: jsonBody(CreatePaymentMethodSchema) },
      responses: {
        201: jsonResponse(PaymentMethodSchema, 'The new method'),
        ...errors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) => c.json(await createPaymentMethod(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'getPaymentMethod',
      method: 'get',
      path: '/v1/payment_methods/{methodId}',
      ...operator,
      summary: 'One payment method',
      request: { params: methodParams },
      responses: { 200: jsonResponse(PaymentMethodSchema, 'The method'), ...errors },
    }),
    async (c) => c.json(await getPaymentMethod(tenantContext(c), c.req.valid('param').methodId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updatePaymentMethod',
      method: 'patch',
      path: '/v1/payment_methods/{methodId}',
      ...operator,
      summary: 'Rename a method, replace its currencies and limits, or enable / disable it (its kind never changes)',
      request: { params: methodParams, body: jsonBody(UpdatePaymentMethodSchema) },
      responses: {
        200: jsonResponse(PaymentMethodSchema, 'The method'),
        ...errors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updatePaymentMethod(tenantContext(c), {
          methodId: c.req.valid('param').methodId,
          changes: c.req.valid('json'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerPaymentAccounts',
      method: 'get',
      path: '/v1/partners/{partnerId}/payment_accounts',
      ...operator,
      summary: "A partner's payment accounts, masked as the partner sees them",
      request: { params: IdParams('partnerId') },
      responses: { 200: jsonResponse(PaymentAccountListSchema, 'Accounts, newest first'), ...errors },
    }),
    async (c) =>
      c.json({ data: await listPartnerPaymentAccounts(tenantContext(c), c.req.valid('param').partnerId) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'listOfferedPaymentMethods',
      method: 'get',
      path: '/v1/partner/payment_methods',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: readers,
      summary: 'The payment methods the operator offers now, with their limits (the kind says which fields to fill in)',
      responses: { 200: jsonResponse(OfferedPaymentMethodListSchema, 'Offered methods, by name'), ...partnerErrors },
    }),
    async (c) => c.json({ data: await listOfferedPaymentMethods(partnerContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPaymentAccounts',
      method: 'get',
      path: '/v1/partner/payment_accounts',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: readers,
      summary: "The partner's payment accounts, details masked (•••• 4821, j•••@example.com)",
      responses: { 200: jsonResponse(PaymentAccountListSchema, 'Accounts, newest first'), ...partnerErrors },
    }),
    async (c) => c.json({ data: await listPaymentAccounts(partnerContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'addPaymentAccount',
      method: 'post',
      path: '/v1/partner/payment_accounts',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: writers,
      summary: 'Add an account for an offered method (one per method); a 2FA code is needed when 2FA is on',
      request: { body: jsonBody(AddPaymentAccountSchema) },
      responses: {
        201: jsonResponse(PaymentAccountSchema, 'The account, masked'),
        ...codeErrors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) => c.json(await addPaymentAccount(partnerContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'deletePaymentAccount',
      method: 'delete',
      path: '/v1/partner/payment_accounts/{accountId}',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: writers,
      summary: 'Delete a payment account (its details are erased); a 2FA code in the body is needed when 2FA is on',
      request: {
        params: accountParams,
        body: { ...jsonBody(TwoFactorOptionalBodySchema, 'The 2FA code, when 2FA is on'), required: false },
      },
      responses: {
        200: jsonResponse(PaymentAccountSchema, 'The deleted account, masked'),
        ...codeErrors,
        ...bodyProblems,
      },
    }),
    async (c) =>
      c.json(
        await deletePaymentAccount(partnerContext(c), {
          accountId: c.req.valid('param').accountId,
          code: c.req.valid('json')?.code,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'revealPaymentAccount',
      method: 'post',
      path: '/v1/partner/payment_accounts/{accountId}/reveal',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: writers,
      summary: 'Show the full details of a payment account; needs 2FA on and a fresh code',
      request: { params: accountParams, body: jsonBody(RevealPaymentAccountSchema) },
      responses: {
        200: jsonResponse(RevealedPaymentAccountSchema, 'The account with its details'),
        ...codeErrors,
        ...bodyProblems,
      },
    }),
    async (c) =>
      c.json(
        await revealPaymentAccount(partnerContext(c), {
          accountId: c.req.valid('param').accountId,
          code: c.req.valid('json').code,
        }),
        200,
      ),
  );
