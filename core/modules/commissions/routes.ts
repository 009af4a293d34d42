/** Commission plans: the operator's API (create, change terms by version, assign) and the partner's list. */
import { createRoute, z } from '@hono/zod-openapi';
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
  AssignPlanSchema,
  CreatePlanSchema,
  PartnerPlanListSchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanSchema,
  UpdatePlanSchema,
} from './schemas.ts';
import { assignPlan, createPlan, getPlan, listPlans, plansForPartner, unassignPlan, updatePlan } from './service.ts';

const tags = ['Operator: commission plans'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const planAnswer = (what: string) => ({ 200: jsonResponse(PlanSchema, what), ...errors });
const planParams = IdParams('planId');
const assignmentParams = z.object({ planId: z.string().min(3).max(64), partnerId: z.string().min(3).max(64) });

export const commissionRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'createPlan',
      method: 'post',
      path: '/v1/plans',
      tags,
      security,
      middleware,
      summary: 'Create a commission plan; its terms are version 1, in effect from today in the operator’s time zone',
      request: { body: jsonBody(CreatePlanSchema) },
      responses: {
        201: jsonResponse(PlanSchema, 'The new plan'),
        ...errors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) => c.json(await createPlan(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'listPlans',
      method: 'get',
      path: '/v1/plans',
      tags,
      security,
      middleware,
      summary: 'List commission plans (optionally of one kind), each with its terms today and the scheduled ones',
      request: { query: PlanListQuerySchema },
      responses: { 200: jsonResponse(PlanListSchema, 'Plans, by name'), ...errors },
    }),
    async (c) => c.json({ data: await listPlans(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPlan',
      method: 'get',
      path: '/v1/plans/{planId}',
      tags,
      security,
      middleware,
      summary: 'A commission plan: the version in effect today and the scheduled ones, with their terms in words',
      request: { params: planParams },
      responses: planAnswer('The plan'),
    }),
    async (c) => c.json(await getPlan(tenantContext(c), c.req.valid('param').planId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updatePlan',
      method: 'patch',
      path: '/v1/plans/{planId}',
      tags,
      security,
      middleware,
      summary:
        'Change a plan; new terms take effect from `effectiveFrom` (today or later in the operator’s zone, default today)',
      request: { params: planParams, body: jsonBody(UpdatePlanSchema) },
      responses: { ...planAnswer('The plan'), ...bodyProblems, 409: problemResponses[409] },
    }),
    async (c) =>
      c.json(
        await updatePlan(tenantContext(c), { planId: c.req.valid('param').planId, changes: c.req.valid('json') }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'assignPlan',
      method: 'post',
      path: '/v1/plans/{planId}/assignments',
      tags,
      security,
      middleware,
      summary: 'Offer a plan to one partner (default plans are offered to every partner)',
      request: { params: planParams, body: jsonBody(AssignPlanSchema) },
      responses: { ...bodyProblems, ...planAnswer('The plan') },
    }),
    async (c) =>
      c.json(
        await assignPlan(tenantContext(c), {
          planId: c.req.valid('param').planId,
          partnerId: c.req.valid('json').partnerId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'unassignPlan',
      method: 'delete',
      path: '/v1/plans/{planId}/assignments/{partnerId}',
      tags,
      security,
      middleware,
      summary: 'Stop offering a plan to one partner (its campaigns on the plan keep it)',
      request: { params: assignmentParams },
      responses: planAnswer('The plan'),
    }),
    async (c) => c.json(await unassignPlan(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerPlans',
      method: 'get',
      path: '/v1/partner/plans',
      tags: ['Partner campaigns'],
      security: partnerSecurity,
      middleware: [requirePartnerSession({ component: 'campaigns' })],
      summary: 'The commission plans offered to this partner (individual and default) with their terms in words',
      responses: {
        200: jsonResponse(PartnerPlanListSchema, 'Plans, by name'),
        401: problemResponses[401],
        403: problemResponses[403],
      },
    }),
    async (c) => c.json({ data: await plansForPartner(partnerContext(c)) }, 200),
  );
