/** The partner's team (owner and admins manage it) and the events log. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import {
  ActivityListSchema,
  ActivityQuerySchema,
  IdParams,
  InviteSchema,
  MemberListSchema,
  SessionListSchema,
  StatisticTokenSchema,
  TerminatedSchema,
  UpdateMemberSchema,
  UserSchema,
} from './schemas.ts';
import {
  expireMemberStatisticToken,
  getMember,
  inviteMember,
  listMemberSessions,
  listMembers,
  terminateMemberSession,
  updateMember,
} from './team.ts';
import { listActivity } from './audit.ts';
import { noStore } from '../../http/no-store.ts';

const tags = ['Partner team'];
const security = partnerSecurity;
const managers = [requirePartnerSession({ component: 'team', roles: ['owner', 'admin'] })];
const errors = { 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };
const memberParams = IdParams('userId');
const memberSessionParams = memberParams.extend(IdParams('sessionId').shape);

const listRoute = createRoute({
  operationId: 'listTeamMembers',
  method: 'get',
  path: '/v1/partner/team',
  tags,
  security,
  middleware: managers,
  summary: 'Team members',
  responses: { 200: jsonResponse(MemberListSchema, 'Members'), ...errors },
});
const inviteRoute = createRoute({
  operationId: 'inviteTeamMember',
  method: 'post',
  path: '/v1/partner/team',
  tags,
  security,
  middleware: managers,
  summary: 'Invite a member: they get a single-use "set up password" email',
  request: { body: jsonBody(InviteSchema) },
  responses: { ...bodyProblems, 201: jsonResponse(UserSchema, 'Invited'), ...errors, 422: problemResponses[422] },
});
const getRoute = createRoute({
  operationId: 'getTeamMember',
  method: 'get',
  path: '/v1/partner/team/{userId}',
  tags,
  security,
  middleware: managers,
  summary: 'One member',
  request: { params: memberParams },
  responses: { 200: jsonResponse(UserSchema, 'Member'), ...errors },
});
const updateRoute = createRoute({
  operationId: 'updateTeamMember',
  method: 'patch',
  path: '/v1/partner/team/{userId}',
  tags,
  security,
  middleware: managers,
  summary: 'Change role, block/unblock, unlock',
  request: { params: memberParams, body: jsonBody(UpdateMemberSchema) },
  responses: { ...bodyProblems, 200: jsonResponse(UserSchema, 'Member'), ...errors, 422: problemResponses[422] },
});
const sessionsRoute = createRoute({
  operationId: 'listTeamMemberSessions',
  method: 'get',
  path: '/v1/partner/team/{userId}/sessions',
  tags,
  security,
  middleware: managers,
  summary: "A member's active sessions",
  request: { params: memberParams },
  responses: { 200: jsonResponse(SessionListSchema, 'Sessions'), ...errors },
});
const terminateRoute = createRoute({
  operationId: 'terminateTeamMemberSession',
  method: 'delete',
  path: '/v1/partner/team/{userId}/sessions/{sessionId}',
  tags,
  security,
  middleware: managers,
  summary: "Terminate a member's session",
  request: { params: memberSessionParams },
  responses: { 200: jsonResponse(TerminatedSchema, 'Terminated'), ...errors },
});
const expireTokenRoute = createRoute({
  operationId: 'expireTeamMemberStatisticToken',
  method: 'delete',
  path: '/v1/partner/team/{userId}/statistic_token',
  tags,
  security,
  middleware: [...managers, noStore],
  summary: "Expire a member's statistic token",
  request: { params: memberParams },
  responses: { 200: jsonResponse(StatisticTokenSchema, 'Expired'), ...errors },
});
const eventsRoute = createRoute({
  operationId: 'listActivity',
  method: 'get',
  path: '/v1/partner/activity',
  tags,
  security,
  middleware: [requirePartnerSession({ component: 'activity' })] as const,
  summary: 'Activity log of the partner account, newest first (analysts and finance see their own entries)',
  request: { query: ActivityQuerySchema },
  responses: {
    200: jsonResponse(ActivityListSchema, 'Activity entries, newest first'),
    ...errors,
    422: problemResponses[422],
  },
});

const router = createRouter();

export const teamRoutes = router
  .openapi(listRoute, async (c) => c.json({ data: await listMembers(partnerContext(c)) }, 200))
  .openapi(inviteRoute, async (c) => c.json(await inviteMember(partnerContext(c), c.req.valid('json')), 201))
  .openapi(getRoute, async (c) => c.json(await getMember(partnerContext(c), c.req.valid('param').userId), 200))
  .openapi(updateRoute, async (c) =>
    c.json(await updateMember(partnerContext(c), { ...c.req.valid('json'), userId: c.req.valid('param').userId }), 200),
  )
  .openapi(sessionsRoute, async (c) =>
    c.json({ data: await listMemberSessions(partnerContext(c), c.req.valid('param').userId) }, 200),
  )
  .openapi(terminateRoute, async (c) => {
    return c.json(await terminateMemberSession(partnerContext(c), c.req.valid('param')), 200);
  })
  .openapi(expireTokenRoute, async (c) =>
    c.json(await expireMemberStatisticToken(partnerContext(c), c.req.valid('param').userId), 200),
  )
  .openapi(eventsRoute, async (c) => c.json(await listActivity(partnerContext(c), c.req.valid('query')), 200));
