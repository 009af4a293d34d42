/**
 * Answers that carry a secret (session and statistic tokens, a TOTP secret and its QR code,
 * recovery codes, embed client secrets, the answers of emailed-link exchanges) must not stay in
 * a browser's or proxy's cache, where the next user of a shared machine could read them back.
 * Routes that return one list this middleware; the answer, errors included, gets `no-store`.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './deps.ts';

export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
  // For HTTP/1.0 caches, which ignore Cache-Control.
  c.res.headers.set('pragma', 'no-cache');
});
