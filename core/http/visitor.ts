/**
 * What the visitor's browser used, as opposed to what reached this process: behind a
 * TLS-terminating proxy the request URL says http: and the socket address is the proxy's. The
 * proxy's X-Forwarded-* headers are believed only when deps.trustProxy says one stands in front
 * (KABINET_TRUST_PROXY=1); otherwise anyone could send them.
 */
import type { Context } from 'hono';
import type { AppEnv } from './deps.ts';

/** HTTPS as the visitor used it. A chain may list several ("https, http"): the first is the visitor's. */
export function cameOverHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!c.var.deps.trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The origin the visitor's browser sees this server at (for the cookie session's CSRF check). */
export function visitorOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (url.protocol === 'http:' && cameOverHttps(c)) {
    url.protocol = 'https:';
    // The proxy listens on 443; an explicit :80 of the inner hop is not part of the visitor's origin.
    if (url.port === '80') url.port = '';
  }
  return url.origin;
}

/**
 * The client address a trusted proxy appended to X-Forwarded-For: the last entry is the one our
 * proxy saw (entries before it were sent by the client and prove nothing).
 */
export function forwardedClientIp(c: Context): string | null {
  const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
  return last ? last : null;
}
