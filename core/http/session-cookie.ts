/**
 * The hosted portal's session cookie: HttpOnly (scripts never see it), SameSite=Lax (the portal
 * page is same-site; writes also pass the Origin check in requirePartnerSession), Path=/, and
 * Secure whenever the visitor came over HTTPS, so a later plain-HTTP request cannot leak it.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './deps.ts';
import { SESSION_COOKIE } from './partner-auth.ts';
import { cameOverHttps } from './visitor.ts';

const attributes = (c: Context<AppEnv>) =>
  ({ path: '/', httpOnly: true, sameSite: 'Lax', secure: cameOverHttps(c) }) as const;

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { ...attributes(c), maxAge });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, attributes(c));
}
