/**
 * Public identity routes: everything a person does before having a session. They name their
 * operator in the path so CORS can answer for exactly that operator's origins.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, problemResponses, publicSecurity } from '../../http/openapi-shared.ts';
import { OperatorIdParams } from '../operators/schemas.ts';
import {
  AcceptedSchema,
  ExchangeSchema,
  RequestResetSchema,
  SessionResultSchema,
  SetPasswordSchema,
  SignInSchema,
  SignUpResultSchema,
  SignUpSchema,
  TokenSchema,
} from './schemas.ts';
import { tenantContext } from '../../http/deps.ts';
import { noStore } from '../../http/no-store.ts';
import { setSessionCookie } from '../../http/session-cookie.ts';
import { signUp } from './sign-up.ts';
import { signIn } from './sign-in.ts';
import { completePasswordToken, requestPasswordReset, unlockWithToken } from './account-links.ts';
import { exchangeClientSecret } from './embed-sessions.ts';

const tags = ['Partner sign-in'];
const base = '/v1/public/operators/{operatorId}';

const signUpRoute = createRoute({
  operationId: 'signUp',
  security: publicSecurity,
  method: 'post',
  path: `${base}/sign_up`,
  tags,
  summary: 'Partner sign-up (pending until the operator approves)',
  request: { params: OperatorIdParams, body: jsonBody(SignUpSchema) },
  responses: {
    ...bodyProblems,
    201: jsonResponse(SignUpResultSchema, 'Account created, pending approval'),
    404: problemResponses[404],
    409: problemResponses[409],
    422: problemResponses[422],
  },
});
const signInRoute = createRoute({
  operationId: 'signIn',
  security: publicSecurity,
  method: 'post',
  path: `${base}/sign_in`,
  tags,
  middleware: [noStore] as const,
  summary:
    'Sign in with email and password (and a TOTP code when 2FA is on). Problem codes: ' +
    'unauthorized, two_factor_required, account_locked, account_inactive, rate_limited',
  request: { params: OperatorIdParams, body: jsonBody(SignInSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(SessionResultSchema, 'Signed in'),
    401: problemResponses[401],
    403: problemResponses[403],
    422: problemResponses[422],
    423: problemResponses[423],
    429: problemResponses[429],
  },
});
const unlockRoute = createRoute({
  operationId: 'unlockAccount',
  security: publicSecurity,
  method: 'post',
  path: `${base}/unlock`,
  tags,
  middleware: [noStore] as const,
  summary: 'Unlock an account with the single-use link from the unlock email',
  request: { params: OperatorIdParams, body: jsonBody(TokenSchema) },
  responses: { ...bodyProblems, 200: jsonResponse(AcceptedSchema, 'Unlocked'), 401: problemResponses[401] },
});
const requestResetRoute = createRoute({
  operationId: 'requestPasswordReset',
  security: publicSecurity,
  method: 'post',
  path: `${base}/password_reset`,
  tags,
  summary: 'Email a password-reset link (always answers 202, whether or not the email exists)',
  request: { params: OperatorIdParams, body: jsonBody(RequestResetSchema) },
  responses: {
    ...bodyProblems,
    202: jsonResponse(AcceptedSchema, 'If the account exists, an email is on its way'),
    422: problemResponses[422],
  },
});
const setPasswordRoute = createRoute({
  operationId: 'setPassword',
  security: publicSecurity,
  method: 'post',
  path: `${base}/password`,
  tags,
  middleware: [noStore] as const,
  summary: 'Set a password from a reset or invitation link; ends every session of the user',
  request: { params: OperatorIdParams, body: jsonBody(SetPasswordSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(AcceptedSchema, 'Password set'),
    401: problemResponses[401],
    422: problemResponses[422],
  },
});
const exchangeRoute = createRoute({
  operationId: 'exchangeEmbedSecret',
  security: publicSecurity,
  method: 'post',
  path: `${base}/embed_sessions/exchange`,
  tags,
  middleware: [noStore] as const,
  summary: 'Exchange a single-use embed client secret for a bearer session',
  request: { params: OperatorIdParams, body: jsonBody(ExchangeSchema) },
  responses: {
    ...bodyProblems,
    200: jsonResponse(SessionResultSchema, 'Embedded session'),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

const router = createRouter();

export const publicIdentityRoutes = router
  .openapi(signUpRoute, async (c) =>
    c.json(await signUp(tenantContext(c, c.req.valid('param').operatorId), c.req.valid('json')), 201),
  )
  .openapi(signInRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await signIn(tenantContext(c, c.req.valid('param').operatorId), body);
    if (body.transport === 'cookie') {
      setSessionCookie(c, result.token!, new Date(result.expiresAt));
      return c.json({ ...result, token: null }, 200);
    }
    return c.json(result, 200);
  })
  .openapi(unlockRoute, async (c) =>
    c.json(await unlockWithToken(tenantContext(c, c.req.valid('param').operatorId), c.req.valid('json').token), 200),
  )
  .openapi(requestResetRoute, async (c) =>
    c.json(
      await requestPasswordReset(tenantContext(c, c.req.valid('param').operatorId), c.req.valid('json').email),
      202,
    ),
  )
  .openapi(setPasswordRoute, async (c) =>
    c.json(await completePasswordToken(tenantContext(c, c.req.valid('param').operatorId), c.req.valid('json')), 200),
  )
  .openapi(exchangeRoute, async (c) =>
    c.json(
      await exchangeClientSecret(tenantContext(c, c.req.valid('param').operatorId), c.req.valid('json').clientSecret),
      200,
    ),
  );
