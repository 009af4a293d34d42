/**
 * Partner authentication: bearer tokens for embedded widgets, an HttpOnly cookie for the hosted
 * portal page (with an Origin check against CSRF), per-operator CORS for both.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import type { AppEnv, PartnerPrincipal } from './deps.ts';
import type { RequestMeta } from '../lib/context.ts';
import { ProblemError } from './problem.ts';
import { visitorOrigin } from './visitor.ts';
import { enforceTermsGate } from './terms-gate.ts';
import { authenticateSession } from '../modules/identity/sessions.ts';
import { isOriginAllowed, isOriginAllowedByAnyOperator } from '../modules/operators/service.ts';

export const SESSION_COOKIE = 'kb_session';

export type { RequestMeta } from '../lib/context.ts';

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return { ip: c.var.deps.clientIp?.(c) ?? null, userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SessionRequirement {
  /** For embed sessions: the component the route belongs to must be among the minted ones. */
  component?: string;
  roles?: Array<PartnerPrincipal['role']>;
}

export function requirePartnerSession(requirement: SessionRequirement = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) throw new ProblemError('unauthorized', 'Sign in first: send the session as "Authorization: Bearer …"');
    if (cookie && !SAFE_METHODS.has(c.req.method)) {
      // Cookie sessions belong to the hosted portal page on this server's own origin.
      const origin = c.req.header('origin');
      if (!origin || origin !== visitorOrigin(c))
        throw new ProblemError('forbidden', 'Cross-site request refused (CSRF protection)');
    }
    const { db, clock } = c.var.deps;
    const principal = await authenticateSession(
      { db, clock, meta: requestMeta(c) },
      { token, transport: cookie ? 'cookie' : 'bearer' },
    );
    if (!principal) throw new ProblemError('unauthorized', 'The session has ended or is not valid; sign in again');
    if (requirement.component && principal.components && !principal.components.includes(requirement.component)) {
      throw new ProblemError('forbidden', `This embedded session may not use "${requirement.component}"`, [], {
        component: requirement.component,
      });
    }
    if (requirement.roles && !requirement.roles.includes(principal.role)) {
      throw new ProblemError('forbidden', `Your role (${principal.role}) may not do this`, [], {
        role: principal.role,
      });
    }
    c.set('partner', principal);
    const origin = c.req.header('origin');
    if (
      origin &&
      bearer &&
      !(await isOriginAllowed({ db: c.var.deps.db, operatorId: principal.operatorId }, origin)) &&
      origin !== new URL(c.req.url).origin
    ) {
      throw new ProblemError('forbidden', `The origin ${origin} is not allowed for this operator`, [], { origin });
    }
    await enforceTermsGate(c, principal);
    await next();
  });
}

/**
 * CORS for partner routes. A preflight carries no credentials, so it is answered for any origin
 * some operator allows; the real request is then checked against the session's own operator
 * in requirePartnerSession, and the response only gets CORS headers for an allowed origin.
 */
export const partnerCors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  if (!origin) return next();
  const allowedSomewhere = await isOriginAllowedByAnyOperator(c.var.deps, origin);
  if (c.req.method === 'OPTIONS') {
    if (!allowedSomewhere) return c.body(null, 204);
    return c.body(null, 204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  }
  await next();
  // Failed authentication answers (401) stay readable so the widget can ask for a new session.
  const principal = c.var.partner as PartnerPrincipal | undefined;
  if (
    allowedSomewhere &&
    (!principal || (await isOriginAllowed({ db: c.var.deps.db, operatorId: principal.operatorId }, origin)))
  ) {
    c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.set('access-control-expose-headers', 'x-request-id');
    c.res.headers.append('vary', 'Origin');
  }
});
