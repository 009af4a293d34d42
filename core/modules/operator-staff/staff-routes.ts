/** Staff management (owner only, by the role table; the secret key too): list, invite, role, disable, unlock, reset 2FA. */
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
import { InviteStaffSchema, StaffIdParams, StaffListSchema, StaffUserSchema, UpdateStaffSchema } from './schemas.ts';
import { inviteStaff, listStaff, resetStaffTwoFactor, unlockStaff, updateStaff } from './staff-users.ts';
import { loadStaff } from './staff-users.ts';
import { getOperator } from '../operators/service.ts';

const tags = ['Operator: staff and API keys'];
const refusals = { 401: problemResponses[401], 403: problemResponses[403] };

const listRoute = createRoute({
  operationId: 'listStaff',
  security: operatorKeySecurity,
  method: 'get',
  path: '/v1/operator/staff',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Staff users of the console, oldest first',
  responses: { 200: jsonResponse(StaffListSchema, 'Staff users'), ...refusals },
});

const inviteRoute = createRoute({
  operationId: 'inviteStaff',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/staff',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Invite a staff user: creates them and emails a single-use set-password link (staff_invite)',
  request: { body: jsonBody(InviteStaffSchema) },
  responses: {
    ...bodyProblems,
    201: jsonResponse(StaffUserSchema, 'Invited'),
    ...refusals,
    409: problemResponses[409],
    422: problemResponses[422],
  },
});

const updateRoute = createRoute({
  operationId: 'updateStaff',
  security: operatorKeySecurity,
  method: 'patch',
  path: '/v1/operator/staff/{staffId}',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Change a staff user’s role or disable them (409 for the last active owner)',
  request: { params: StaffIdParams, body: jsonBody(UpdateStaffSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(StaffUserSchema, 'Updated'),
    ...refusals,
    404: problemResponses[404],
    409: problemResponses[409],
    422: problemResponses[422],
  },
});

const unlockRoute = createRoute({
  operationId: 'unlockStaff',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/staff/{staffId}/unlock',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Lift a staff user’s lockout before it ends by itself (15 minutes)',
  request: { params: StaffIdParams },
  responses: { 200: jsonResponse(StaffUserSchema, 'Unlocked'), ...refusals, 404: problemResponses[404] },
});

const resetTwoFactorRoute = createRoute({
  operationId: 'resetStaffTwoFactor',
  security: operatorKeySecurity,
  method: 'post',
  path: '/v1/operator/staff/{staffId}/reset_two_factor',
  tags,
  middleware: [requireOperatorKey] as const,
  summary: 'Reset a staff user’s authenticator (lost phone): they enrol a new one at the next sign-in',
  request: { params: StaffIdParams },
  responses: { 200: jsonResponse(StaffUserSchema, 'Reset'), ...refusals, 404: problemResponses[404] },
});

export const staffRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listStaff(tenantContext(c)), 200))
  .openapi(inviteRoute, async (c) => {
    const ctx = tenantContext(c);
    const staff = c.var.staff;
    // The email says who invited: the signing-in owner, or the program itself for the secret key.
    const inviterName = staff ? (await loadStaff(ctx, staff.staffId)).name : (await getOperator(ctx)).name;
    return c.json(await inviteStaff(ctx, { ...c.req.valid('json'), inviterName }), 201);
  })
  .openapi(updateRoute, async (c) =>
    c.json(await updateStaff(tenantContext(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  )
  .openapi(unlockRoute, async (c) => c.json(await unlockStaff(tenantContext(c), c.req.valid('param').staffId), 200))
  .openapi(resetTwoFactorRoute, async (c) =>
    c.json(await resetStaffTwoFactor(tenantContext(c), c.req.valid('param').staffId), 200),
  );
