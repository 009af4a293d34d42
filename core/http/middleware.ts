import { createMiddleware } from 'hono/factory';
import { cors } from 'hono/cors';
import type { AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';
import { authenticateApiKeyWithId, isOriginAllowed } from '../modules/operators/service.ts';
import { rolesAllowed } from './operator-roles.ts';
import { authenticateStaffCookie, hasStaffSessionCookie } from './staff-session.ts';

/**
 * Operator API: either the secret key (`Authorization: Bearer sk_…`, server-to-server, full power)
 * or a staff session cookie from the console page on this server's origin, whose role must allow
 * the request (core/http/operator-roles.ts; 403 `forbidden_for_role` naming the roles that may).
 * No CORS headers here: neither credential is for other origins.
 */
export const requireOperatorKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1] && !header && hasStaffSessionCookie(c)) {
    const staff = await authenticateStaffCookie(c, ['full']);
    const allowed = rolesAllowed(c.req.method, new URL(c.req.url).pathname);
    if (!allowed.includes(staff.role))
      throw new ProblemError(
        'forbidden_for_role',
        `Your role (${staff.role}) may not do this; it needs ${allowed.join(' or ')}`,
        [],
        {
          role: staff.role,
          allowed: [...allowed],
        },
      );
    c.set('operatorId', staff.operatorId);
    c.set('staff', staff);
    return next();
  }
  if (!match?.[1])
    throw new ProblemError('unauthorized', 'Send the operator secret key as "Authorization: Bearer sk_…"');
  const key = await authenticateApiKeyWithId(c.var.deps, match[1]);
  if (!key) throw new ProblemError('unauthorized', 'The secret key is unknown or revoked');
  c.set('operatorId', key.operatorId);
  c.set('apiKeyId', key.keyId);
  await next();
});

/**
 * CORS for routes that name their operator in the path: a browser origin is allowed only when
 * that operator listed it, so one operator's site cannot read another's portal.
 */
export const corsForPathOperator = cors({
  origin: async (origin, c) => {
    const operatorId = c.req.param('operatorId');
    if (!origin || !operatorId) return null;
    const { deps } = (c as unknown as { var: AppEnv['Variables'] }).var;
    return (await isOriginAllowed({ db: deps.db, operatorId }, origin)) ? origin : null;
  },
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  exposeHeaders: ['x-request-id'],
  maxAge: 600,
});
