/**
 * The console's sign-in: password, TOTP code (or TOTP enrolment first), who am I, sign-out, and
 * setting a password through an invitation link. The session lives in the `kb_operator_session` cookie.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { tenantContext, type AppEnv } from '../../http/deps.ts';
import { noStore } from '../../http/no-store.ts';
import { ProblemError } from '../../http/problem.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  problemResponses,
  publicSecurity,
  staffSessionSecurity,
} from '../../http/openapi-shared.ts';
import { clearStaffSessionCookie, requireStaffSession, setStaffSessionCookie } from '../../http/staff-session.ts';
import { visitorOrigin } from '../../http/visitor.ts';
import {
  MessageSchema,
  SetStaffPasswordSchema,
  StaffCodeSchema,
  StaffMeSchema,
  StaffSecondFactorSchema,
  StaffSignInResultSchema,
  StaffSignInSchema,
  StaffTotpEnrolmentSchema,
} from './schemas.ts';
import {
  completeStaffSecondFactor,
  confirmStaffTotp,
  describeSignedInStaff,
  signInStaff,
  startStaffTotp,
} from './sign-in.ts';
import { endStaffSession } from './sessions.ts';
import { setStaffPassword } from './staff-users.ts';

const tags = ['Operator: console sign-in'];

/** A sign-in posted by another site's page is refused, so nobody is signed in to a session they did not start. */
function assertNotCrossSite(c: Context<AppEnv>) {
  const origin = c.req.header('origin');
  if (origin && origin !== visitorOrigin(c))
    throw new ProblemError('forbidden', 'Cross-site request refused (CSRF protection)');
}

const signInRoute = createRoute({
  operationId: 'signInStaff',
  security: publicSecurity,
  method: 'post',
  path: '/v1/operator/sessions',
  tags,
  middleware: [noStore] as const,
  summary:
    'Console sign-in, step one: email and password. Answers a challenge for the TOTP code, or (no TOTP yet) ' +
    'sets a restricted session cookie that may only enrol TOTP. Problem codes: unauthorized, account_locked',
  request: { body: jsonBody(StaffSignInSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(StaffSignInResultSchema, 'Password accepted: next, the code or the enrolment'),
    401: problemResponses[401],
    403: problemResponses[403],
    422: problemResponses[422],
    423: problemResponses[423],
  },
});

const secondFactorRoute = createRoute({
  operationId: 'signInStaffSecondFactor',
  security: publicSecurity,
  method: 'post',
  path: '/v1/operator/sessions/second_factor',
  tags,
  middleware: [noStore] as const,
  summary: 'Console sign-in, step two: the challenge and a current TOTP code; sets the session cookie',
  request: { body: jsonBody(StaffSecondFactorSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(StaffSignInResultSchema, 'Signed in (the cookie is set)'),
    401: problemResponses[401],
    403: problemResponses[403],
    422: problemResponses[422],
    423: problemResponses[423],
  },
});

const signOutRoute = createRoute({
  operationId: 'signOutStaff',
  security: staffSessionSecurity,
  method: 'delete',
  path: '/v1/operator/sessions/current',
  tags,
  middleware: [requireStaffSession({ allowEnrolment: true })] as const,
  summary: 'Sign out of the console (ends the session and clears the cookie)',
  responses: { 200: jsonResponse(MessageSchema, 'Signed out'), 401: problemResponses[401], 403: problemResponses[403] },
});

const meRoute = createRoute({
  operationId: 'getStaffMe',
  security: staffSessionSecurity,
  method: 'get',
  path: '/v1/operator/me',
  tags,
  middleware: [requireStaffSession({ allowEnrolment: true })] as const,
  summary: 'The signed-in staff user: email, name, role, operator, two-factor state and session kind',
  responses: { 200: jsonResponse(StaffMeSchema, 'The staff user'), 401: problemResponses[401] },
});

const startTotpRoute = createRoute({
  operationId: 'startStaffTotp',
  security: staffSessionSecurity,
  method: 'post',
  path: '/v1/operator/me/totp',
  tags,
  middleware: [requireStaffSession({ allowEnrolment: true }), noStore] as const,
  summary: 'Start TOTP enrolment: a new secret with its otpauth URI and QR code (SVG)',
  responses: {
    200: jsonResponse(StaffTotpEnrolmentSchema, 'Scan it, then confirm with a code'),
    401: problemResponses[401],
    403: problemResponses[403],
    409: problemResponses[409],
  },
});

const confirmTotpRoute = createRoute({
  operationId: 'confirmStaffTotp',
  security: staffSessionSecurity,
  method: 'post',
  path: '/v1/operator/me/totp/confirm',
  tags,
  middleware: [requireStaffSession({ allowEnrolment: true }), noStore] as const,
  summary: 'Confirm TOTP enrolment with a code: the restricted session becomes the console session',
  request: { body: jsonBody(StaffCodeSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(StaffSignInResultSchema, 'Two-factor on; signed in (the cookie is replaced)'),
    401: problemResponses[401],
    403: problemResponses[403],
    409: problemResponses[409],
    422: problemResponses[422],
  },
});

const setPasswordRoute = createRoute({
  operationId: 'setStaffPassword',
  security: publicSecurity,
  method: 'post',
  path: '/v1/operator/password',
  tags,
  middleware: [noStore] as const,
  summary: "Set a staff user's password with the single-use link of the invitation (ends their sessions)",
  request: { body: jsonBody(SetStaffPasswordSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(MessageSchema, 'Password set: sign in'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});

export const staffSessionRoutes = createRouter()
  .openapi(signInRoute, async (c) => {
    assertNotCrossSite(c);
    const { operatorId, email, password } = c.req.valid('json');
    const result = await signInStaff(tenantContext(c, operatorId), { email, password });
    if (result.stage === 'second_factor')
      return c.json({ stage: result.stage, challenge: result.challenge, expiresAt: result.expiresAt }, 200);
    setStaffSessionCookie(c, result.token, new Date(result.expiresAt));
    return c.json({ stage: result.stage, challenge: null, expiresAt: result.expiresAt }, 200);
  })
  .openapi(secondFactorRoute, async (c) => {
    assertNotCrossSite(c);
    const { operatorId, challenge, code } = c.req.valid('json');
    const { token, expiresAt } = await completeStaffSecondFactor(tenantContext(c, operatorId), { challenge, code });
    setStaffSessionCookie(c, token, expiresAt);
    return c.json({ stage: 'signed_in' as const, challenge: null, expiresAt: expiresAt.toISOString() }, 200);
  })
  .openapi(signOutRoute, async (c) => {
    await endStaffSession(tenantContext(c), c.var.staff!.sessionId);
    clearStaffSessionCookie(c);
    return c.json({ message: 'Signed out' }, 200);
  })
  .openapi(meRoute, async (c) => c.json(await describeSignedInStaff(tenantContext(c), c.var.staff!), 200))
  .openapi(startTotpRoute, async (c) => c.json(await startStaffTotp(tenantContext(c), c.var.staff!), 200))
  .openapi(confirmTotpRoute, async (c) => {
    const { token, expiresAt } = await confirmStaffTotp(tenantContext(c), {
      principal: c.var.staff!,
      code: c.req.valid('json').code,
    });
    setStaffSessionCookie(c, token, expiresAt);
    return c.json({ stage: 'signed_in' as const, challenge: null, expiresAt: expiresAt.toISOString() }, 200);
  })
  .openapi(setPasswordRoute, async (c) => {
    assertNotCrossSite(c);
    const { operatorId, token, password } = c.req.valid('json');
    await setStaffPassword(tenantContext(c, operatorId), { token, password });
    return c.json({ message: 'Password set: sign in with it' }, 200);
  });
