/** The signed-in partner user's own account: profile, 2FA, sessions, statistic token, sign-out, sub-affiliates. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { noStore } from '../../http/no-store.ts';
import { clearSessionCookie } from '../../http/session-cookie.ts';
import {
  SecondFactorBodySchema,
  AcceptedSchema,
  IdParams,
  ProfileSchema,
  RecoveryCodesSchema,
  SessionListSchema,
  StatisticTokenSchema,
  SubAffiliateListSchema,
  SubAffiliateQuerySchema,
  TerminatedSchema,
  TotpCodeBodySchema,
  TotpEnrolmentSchema,
  UpdateProfileSchema,
} from './schemas.ts';
import { getProfile, updateProfile } from './profile.ts';
import { confirmTotp, disableTotp, startTotpEnrolment } from './two-factor.ts';
import { listSessions, terminateOtherSessions, terminateSession } from './sessions.ts';
import { expireStatisticToken, getStatisticToken, rotateStatisticToken } from './statistic-token.ts';
import { listSubAffiliates } from './sub-affiliates.ts';

const tags = ['Partner account'];
const security = partnerSecurity;
const auth = [requirePartnerSession()];
/**
 * For answers with a secret in them (the TOTP secret, recovery codes, the statistic token): only
 * sessions that may show the Security page. The statistic token outlives any session, so an
 * embedded session minted for, say, the profile must not be able to read it.
 */
const secretSecurity = [requirePartnerSession({ component: 'security' }), noStore];
const ok = <T extends Parameters<typeof jsonResponse>[0]>(schema: T, description: string) => ({
  200: jsonResponse(schema, description),
  401: problemResponses[401],
});

const signOutRoute = createRoute({
  operationId: 'signOut',
  method: 'post',
  path: '/v1/partner/sign_out',
  tags,
  security,
  middleware: auth,
  summary: 'End the current session',
  responses: ok(AcceptedSchema, 'Signed out'),
});
const getProfileRoute = createRoute({
  operationId: 'getProfile',
  method: 'get',
  path: '/v1/partner/profile',
  tags,
  security,
  middleware: auth,
  summary: "The user's profile and partner account",
  responses: ok(ProfileSchema, 'Profile'),
});
const updateProfileRoute = createRoute({
  operationId: 'updateProfile',
  method: 'patch',
  path: '/v1/partner/profile',
  tags,
  security,
  middleware: [requirePartnerSession({ component: 'profile' })] as const,
  summary:
    'Change profile fields, default report currency, email preferences, locale (company and country: owner/admin)',
  request: { body: jsonBody(UpdateProfileSchema) },
  responses: { ...bodyProblems, ...ok(ProfileSchema, 'Updated profile'), 422: problemResponses[422] },
});
const enrolRoute = createRoute({
  operationId: 'startTwoFactorEnrolment',
  method: 'post',
  path: '/v1/partner/2fa/enrol',
  tags,
  security,
  middleware: secretSecurity,
  summary: 'Start TOTP enrolment: secret, otpauth URI and QR code (SVG)',
  responses: ok(TotpEnrolmentSchema, 'Scan, then confirm with a code'),
});
const confirmRoute = createRoute({
  operationId: 'confirmTwoFactor',
  method: 'post',
  path: '/v1/partner/2fa/confirm',
  tags,
  security,
  middleware: secretSecurity,
  summary: 'Turn 2FA on with a code; returns recovery codes once',
  request: { body: jsonBody(TotpCodeBodySchema) },
  responses: { ...bodyProblems, ...ok(RecoveryCodesSchema, '2FA enabled'), 422: problemResponses[422] },
});
const disableRoute = createRoute({
  operationId: 'disableTwoFactor',
  method: 'post',
  path: '/v1/partner/2fa/disable',
  tags,
  security,
  middleware: [requirePartnerSession({ component: 'security' })] as const,
  summary:
    'Turn 2FA off with a current code (or a recovery code); wrong codes count toward the lockout (423 account_locked)',
  request: { body: jsonBody(SecondFactorBodySchema) },
  responses: {
    ...bodyProblems,
    ...ok(AcceptedSchema, '2FA disabled'),
    422: problemResponses[422],
    423: problemResponses[423],
  },
});
const listSessionsRoute = createRoute({
  operationId: 'listSessions',
  method: 'get',
  path: '/v1/partner/sessions',
  tags,
  security,
  middleware: auth,
  summary: "The user's active sessions",
  responses: ok(SessionListSchema, 'Sessions, newest first'),
});
const terminateSessionRoute = createRoute({
  operationId: 'terminateSession',
  method: 'delete',
  path: '/v1/partner/sessions/{sessionId}',
  tags,
  security,
  middleware: [requirePartnerSession({ component: 'security' })] as const,
  summary: "Terminate one of the user's sessions",
  request: { params: IdParams('sessionId') },
  responses: { ...ok(TerminatedSchema, 'Terminated'), 404: problemResponses[404] },
});
const terminateOthersRoute = createRoute({
  operationId: 'terminateOtherSessions',
  method: 'post',
  path: '/v1/partner/sessions/terminate_others',
  tags,
  security,
  middleware: [requirePartnerSession({ component: 'security' })] as const,
  summary: 'Terminate every session but this one',
  responses: ok(TerminatedSchema, 'Terminated'),
});
const getTokenRoute = createRoute({
  operationId: 'getStatisticToken',
  method: 'get',
  path: '/v1/partner/statistic_token',
  tags,
  security,
  middleware: secretSecurity,
  summary: "The user's statistic token (Report API and feeds)",
  responses: ok(StatisticTokenSchema, 'Token, or null when expired'),
});
const rotateTokenRoute = createRoute({
  operationId: 'rotateStatisticToken',
  method: 'post',
  path: '/v1/partner/statistic_token/rotate',
  tags,
  security,
  middleware: secretSecurity,
  summary: 'Issue a new statistic token (the old one stops working)',
  responses: ok(StatisticTokenSchema, 'New token'),
});
const expireTokenRoute = createRoute({
  operationId: 'expireStatisticToken',
  method: 'delete',
  path: '/v1/partner/statistic_token',
  tags,
  security,
  middleware: secretSecurity,
  summary: 'Expire the statistic token',
  responses: ok(StatisticTokenSchema, 'Expired'),
});
const subAffiliatesRoute = createRoute({
  operationId: 'listSubAffiliates',
  method: 'get',
  path: '/v1/partner/sub_affiliates',
  tags,
  security,
  middleware: auth,
  summary:
    'Partners this partner brought in, down to 5 levels, newest sign-up first: name, level, the ' +
    'campaign and promo that brought them, status, and the sub-affiliate percent its plans pay at ' +
    'that level',
  request: { query: SubAffiliateQuerySchema },
  responses: { ...ok(SubAffiliateListSchema, 'Sub-affiliates'), 422: problemResponses[422] },
});

const router = createRouter();

export const partnerAccountRoutes = router
  .openapi(signOutRoute, async (c) => {
    await terminateSession(partnerContext(c), { sessionId: c.var.partner.sessionId });
    if (c.var.partner.transport === 'cookie') clearSessionCookie(c);
    return c.json({ message: 'Signed out' }, 200);
  })
  .openapi(getProfileRoute, async (c) => c.json(await getProfile(partnerContext(c)), 200))
  .openapi(updateProfileRoute, async (c) => c.json(await updateProfile(partnerContext(c), c.req.valid('json')), 200))
  .openapi(enrolRoute, async (c) => c.json(await startTotpEnrolment(partnerContext(c)), 200))
  .openapi(confirmRoute, async (c) => c.json(await confirmTotp(partnerContext(c), c.req.valid('json').code), 200))
  .openapi(disableRoute, async (c) => c.json(await disableTotp(partnerContext(c), c.req.valid('json').code), 200))
  .openapi(listSessionsRoute, async (c) =>
    c.json({ data: await listSessions(partnerContext(c), c.var.partner.userId) }, 200),
  )
  .openapi(terminateSessionRoute, async (c) =>
    c.json(await terminateSession(partnerContext(c), { sessionId: c.req.valid('param').sessionId }), 200),
  )
  .openapi(terminateOthersRoute, async (c) => c.json(await terminateOtherSessions(partnerContext(c)), 200))
  .openapi(getTokenRoute, async (c) => c.json(await getStatisticToken(partnerContext(c), c.var.partner.userId), 200))
  .openapi(rotateTokenRoute, async (c) =>
    c.json(await rotateStatisticToken(partnerContext(c), c.var.partner.userId), 200),
  )
  .openapi(expireTokenRoute, async (c) =>
    c.json(await expireStatisticToken(partnerContext(c), c.var.partner.userId), 200),
  )
  .openapi(subAffiliatesRoute, async (c) =>
    c.json(await listSubAffiliates(partnerContext(c), c.req.valid('query')), 200),
  );
