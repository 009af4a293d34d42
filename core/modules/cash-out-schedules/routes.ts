/** Cash-out schedules: the partner's own (saving and deleting take a fresh 2FA code) and the operator's view of a partner's. */
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
import { listOwnSchedules, listPartnerSchedules } from './list-schedules.ts';
import { deleteOwnSchedule, deletePartnerSchedule, saveOwnSchedule, savePartnerSchedule } from './save-schedule.ts';
import {
  DeleteScheduleSchema,
  OperatorSaveScheduleSchema,
  SaveScheduleSchema,
  ScheduleListSchema,
  ScheduleSchema,
} from './schemas.ts';

const operatorTags = ['Operator: wallet'];
const partnerTags = ['Partner wallet'];
const middleware = [requireOperatorKey];
const readers = [requirePartnerSession({ component: 'wallet' })];
// Analysts see the schedules; saving or deleting one moves money later, so it is for the money roles.
const moneyMiddleware = [requirePartnerSession({ component: 'wallet', roles: ['owner', 'admin', 'finance'] })];
const partnerParams = IdParams('partnerId');
const scheduleParams = IdParams('scheduleId');
const partnerScheduleParams = partnerParams.extend(scheduleParams.shape);
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403], 422: problemResponses[422] };
const codeErrors = { ...partnerErrors, 404: problemResponses[404], 423: problemResponses[423] };
const PLAN_WORDS =
  'A schedule per payment account and currency: daily, weekly on ISO weekdays or monthly on dates 1–31 (29–31 fall ' +
  'back to the last day of shorter months); each due local date (the program’s time zone) asks for ' +
  'min(available, max, the method’s max), or nothing when that is below the minimum';

export const cashOutScheduleRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listOwnCashOutSchedules',
      method: 'get',
      path: '/v1/partner/wallet/schedules',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: readers,
      summary: 'Your automatic cash-out schedules, each with its next slot date and its last run',
      responses: { 200: jsonResponse(ScheduleListSchema, 'The schedules'), ...partnerErrors },
    }),
    async (c) => c.json(await listOwnSchedules(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'saveOwnCashOutSchedule',
      method: 'put',
      path: '/v1/partner/wallet/schedules',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: moneyMiddleware,
      summary: `Create or replace (by account and currency) an automatic cash-out schedule; 2FA code required. ${PLAN_WORDS}`,
      request: { body: jsonBody(SaveScheduleSchema) },
      responses: { 200: jsonResponse(ScheduleSchema, 'The saved schedule'), ...codeErrors, ...bodyProblems },
    }),
    async (c) => c.json(await saveOwnSchedule(partnerContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'deleteOwnCashOutSchedule',
      method: 'delete',
      path: '/v1/partner/wallet/schedules/{scheduleId}',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: moneyMiddleware,
      summary: 'Delete an automatic cash-out schedule (2FA code required); cash-outs it made stay',
      request: { params: scheduleParams, body: jsonBody(DeleteScheduleSchema, 'The 2FA code') },
      responses: { 200: jsonResponse(ScheduleSchema, 'The deleted schedule'), ...codeErrors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await deleteOwnSchedule(partnerContext(c), {
          scheduleId: c.req.valid('param').scheduleId,
          code: c.req.valid('json').code,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerCashOutSchedules',
      method: 'get',
      path: '/v1/partners/{partnerId}/wallet/schedules',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: 'A partner’s automatic cash-out schedules, each with its next slot date and its last run',
      request: { params: partnerParams },
      responses: { 200: jsonResponse(ScheduleListSchema, 'The schedules'), ...errors },
    }),
    async (c) => c.json(await listPartnerSchedules(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'savePartnerCashOutSchedule',
      method: 'put',
      path: '/v1/partners/{partnerId}/wallet/schedules',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: `Create or replace a partner’s automatic cash-out schedule (by account and currency). ${PLAN_WORDS}`,
      request: { params: partnerParams, body: jsonBody(OperatorSaveScheduleSchema) },
      responses: { 200: jsonResponse(ScheduleSchema, 'The saved schedule'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(await savePartnerSchedule(tenantContext(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  )
  .openapi(
    createRoute({
      operationId: 'deletePartnerCashOutSchedule',
      method: 'delete',
      path: '/v1/partners/{partnerId}/wallet/schedules/{scheduleId}',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: 'Delete a partner’s automatic cash-out schedule; cash-outs it made stay',
      request: { params: partnerScheduleParams },
      responses: { 200: jsonResponse(ScheduleSchema, 'The deleted schedule'), ...errors },
    }),
    async (c) => c.json(await deletePartnerSchedule(tenantContext(c), c.req.valid('param')), 200),
  );
