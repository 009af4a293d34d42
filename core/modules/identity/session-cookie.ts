/**
 * The hosted portal's session cookie: HttpOnly (scripts never see it), SameSite=Lax (the portal
 * page is same-site; writes also pass the Origin check in requirePartnerSession), Path=/, and
 * Secure whenever the visitor came over HTTPS, so a later plain-HTTP request cannot leak it.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/deps.ts';
import { SESSION_COOKIE } from '../../http/partner-auth.ts';

/**
 * HTTPS as the visitor used it: the request URL, or, only when deps.trustProxy says a
 * TLS-terminating proxy in front of us sets it (KABINET_TRUST_PROXY=1), X-Forwarded-Proto.
 * Untrusted, the header is ignored: anyone can send it.
 */
export function cameOverHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!c.var.deps.trustProxy) return false;
  // A proxy chain may list several ("https, http"): the first is what the visitor used.
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

const attributes = (c: Context<AppEnv>) => ({ path: '/', httpOnly: true, sameSite: 'Lax', secure: cameOverHttps(c) } as const);

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { ...attributes(c), maxAge });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, attributes(c));
}
