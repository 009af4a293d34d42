/**
 * Registration fields over HTTP: the operator defines them and reads a partner's answers; the
 * sign-up form reads the active ones publicly; the signed-in partner reads and edits its answers.
 */
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
  publicSecurity,
} from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import { OperatorIdParams } from '../operators/schemas.ts';
import { getOperator } from '../operators/service.ts';
import {
  CreateRegistrationFieldSchema,
  PartnerFieldValuesSchema,
  RegistrationFieldListSchema,
  RegistrationFieldSchema,
  UpdatePartnerFieldValuesSchema,
  UpdateRegistrationFieldSchema,
} from './schemas.ts';
import { createRegistrationField, listRegistrationFields, presentField, updateRegistrationField } from './service.ts';
import { getPartnerFieldsForOperator, getPartnerFieldValues, updatePartnerFieldValues } from './values.ts';

const operatorTags = ['Operator: terms and registration'];
const errors = { 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };

export const registrationFieldRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listRegistrationFields',
      method: 'get',
      path: '/v1/registration_fields',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'The extra sign-up fields in form order, inactive ones too',
      responses: { 200: jsonResponse(RegistrationFieldListSchema, 'Fields'), ...errors },
    }),
    async (c) => c.json({ data: (await listRegistrationFields(tenantContext(c))).map(presentField) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createRegistrationField',
      method: 'post',
      path: '/v1/registration_fields',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Add a sign-up field (text, select with options, checkbox); the key is unique and never changes',
      request: { body: jsonBody(CreateRegistrationFieldSchema) },
      responses: { 201: jsonResponse(RegistrationFieldSchema, 'The field'), ...errors, ...bodyProblems },
    }),
    async (c) => c.json(await createRegistrationField(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'updateRegistrationField',
      method: 'patch',
      path: '/v1/registration_fields/{fieldId}',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary:
        'Change a field’s labels, options, required flag or position; `active: false` hides it and keeps answers',
      request: { params: IdParams('fieldId'), body: jsonBody(UpdateRegistrationFieldSchema) },
      responses: { 200: jsonResponse(RegistrationFieldSchema, 'The field'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await updateRegistrationField(tenantContext(c), {
          fieldId: c.req.valid('param').fieldId,
          ...c.req.valid('json'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerRegistrationFields',
      method: 'get',
      path: '/v1/partners/{partnerId}/fields',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'A partner’s answers to the sign-up fields, with labels (inactive fields too)',
      request: { params: IdParams('partnerId') },
      responses: { 200: jsonResponse(PartnerFieldValuesSchema, 'Answers'), ...errors },
    }),
    async (c) => c.json(await getPartnerFieldsForOperator(tenantContext(c), c.req.valid('param').partnerId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPublicRegistrationFields',
      method: 'get',
      path: '/v1/public/operators/{operatorId}/registration_fields',
      tags: ['Portal'],
      security: publicSecurity,
      summary: 'The active extra fields the sign-up form asks, in order',
      request: { params: OperatorIdParams },
      responses: { 200: jsonResponse(RegistrationFieldListSchema, 'Fields'), 404: problemResponses[404] },
    }),
    async (c) => {
      const ctx = tenantContext(c, c.req.valid('param').operatorId);
      await getOperator(ctx); // an unknown operator is a 404, not "no fields"
      return c.json({ data: (await listRegistrationFields(ctx, { onlyActive: true })).map(presentField) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'getProfileFields',
      method: 'get',
      path: '/v1/partner/profile/fields',
      tags: ['Partner account'],
      security: partnerSecurity,
      middleware: [requirePartnerSession()],
      summary: 'The partner’s answers to the program’s sign-up fields',
      responses: { 200: jsonResponse(PartnerFieldValuesSchema, 'Answers'), ...errors },
    }),
    async (c) => c.json(await getPartnerFieldValues(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateProfileFields',
      method: 'patch',
      path: '/v1/partner/profile/fields',
      tags: ['Partner account'],
      security: partnerSecurity,
      middleware: [requirePartnerSession({ component: 'profile', roles: ['owner', 'admin'] })],
      summary: 'Change answers to the sign-up fields (owner and admins); required ones cannot be emptied',
      request: { body: jsonBody(UpdatePartnerFieldValuesSchema) },
      responses: { 200: jsonResponse(PartnerFieldValuesSchema, 'Answers'), ...errors, ...bodyProblems },
    }),
    async (c) => c.json(await updatePartnerFieldValues(partnerContext(c), c.req.valid('json')), 200),
  );
