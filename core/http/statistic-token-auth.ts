/**
 * Report API authentication: the user's statistic token in the Authorization header, raw (as the
 * Security section shows it) or as `Bearer <token>`. It becomes the same partner principal a
 * session gives (requirePartnerSession), so partner services run unchanged and see that user's
 * partner only; its components say it reaches the statistics and nothing else.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';
import { authenticateStatisticToken } from '../modules/identity/statistic-token.ts';

/** The token the request carries, or null: `Bearer st_…` or the bare `st_…`. */
export function statisticTokenOf(c: Context<AppEnv>): string | null {
  const header = c.req.header('authorization')?.trim() ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? header;
  return token && !/\s/.test(token) ? token : null;
}

export const requireStatisticToken = createMiddleware<AppEnv>(async (c, next) => {
  const token = statisticTokenOf(c);
  if (!token)
    throw new ProblemError(
      'unauthorized',
      'Send your statistic token (Security section of the portal) as "Authorization: <token>" or "Authorization: Bearer <token>"',
    );
  const found = await authenticateStatisticToken({ db: c.var.deps.db }, token);
  // An expired token has its hash cleared and a rotated one is replaced (no old hashes are kept),
  // so neither can be told from a token that never existed: one answer for all three.
  if (!found)
    throw new ProblemError(
      'unauthorized',
      'The statistic token is not valid: it was expired or rotated, its user or partner is not active, or it never existed',
    );
  c.set('partner', {
    ...found,
    sessionId: '',
    kind: 'statistic_token',
    transport: 'bearer',
    components: ['statistics'],
  });
  await next();
});
