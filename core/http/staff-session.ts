/**
 * The operator console's staff session: an HttpOnly cookie `kb_operator_session`, SameSite=Strict
 * (the console page is on this server's origin), Secure whenever the visitor came over HTTPS.
 * Unsafe methods must carry this server's Origin (CSRF), as partner cookie sessions do.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';
import { cameOverHttps, visitorOrigin } from './visitor.ts';
import { findStaffSession, type StaffSessionStage } from '../modules/operator-staff/sessions.ts';
import type { StaffPrincipal } from '../modules/operator-staff/sessions.ts';

export const STAFF_SESSION_COOKIE = 'kb_operator_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const attributes = (c: Context<AppEnv>) =>
  ({ path: '/', httpOnly: true, sameSite: 'Strict', secure: cameOverHttps(c) }) as const;

export function setStaffSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000));
  setCookie(c, STAFF_SESSION_COOKIE, token, { ...attributes(c), maxAge });
}

export function clearStaffSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, STAFF_SESSION_COOKIE, attributes(c));
}

export const hasStaffSessionCookie = (c: Context<AppEnv>) => Boolean(getCookie(c, STAFF_SESSION_COOKIE));

/** Throws 403 when a cookie-authenticated unsafe request comes from another origin (or names none). */
export function assertSameOrigin(c: Context<AppEnv>): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (!origin || origin !== visitorOrigin(c))
    throw new ProblemError('forbidden', 'Cross-site request refused (CSRF protection)');
}

/** The staff principal of the request's cookie, of one of `stages`; 401 without a live one. */
export async function authenticateStaffCookie(
  c: Context<AppEnv>,
  stages: StaffSessionStage[],
): Promise<StaffPrincipal> {
  const token = getCookie(c, STAFF_SESSION_COOKIE);
  if (!token) throw new ProblemError('unauthorized', 'Sign in to the console first');
  assertSameOrigin(c);
  const found = await findStaffSession(c.var.deps, { token, stages });
  if (!found) throw new ProblemError('unauthorized', 'The console session has ended or is not valid; sign in again');
  return found.principal;
}

/**
 * The signed-in staff user's own routes (who am I, TOTP enrolment, sign-out): a console session,
 * or with `allowEnrolment` also the restricted session of a user who must still set up TOTP.
 */
export function requireStaffSession(options: { allowEnrolment?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = await authenticateStaffCookie(c, options.allowEnrolment ? ['full', 'enrol'] : ['full']);
    c.set('operatorId', principal.operatorId);
    c.set('staff', principal);
    await next();
  });
}
