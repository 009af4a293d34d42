/**
 * Report API authentication: the user's statistic token in the Authorization header, raw (as the
 * Security section shows it) or as `Bearer <token>`. It becomes the same partner principal a
 * session gives (requirePartnerSession), so partner services run unchanged and see that user's
 * partner only; its components say it reaches the statistics and nothing else. Feed links (a saved
 * report's JSON and XML URLs) may carry the token as `?token=` instead, for trackers that pull a URL
 * and cannot set headers.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';
import { authenticateStatisticToken, findRetiredStatisticToken } from '../modules/identity/statistic-token.ts';

/** The token the request carries, or null: `Bearer st_…` or the bare `st_…`; with `fromQuery`, else `?token=st_…`. */
export function statisticTokenOf(c: Context<AppEnv>, fromQuery = false): string | null {
  const header = c.req.header('authorization')?.trim() ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? header;
  if (token) return !/\s/.test(token) ? token : null;
  const inUrl = fromQuery ? (c.req.query('token')?.trim() ?? '') : '';
  return inUrl && !/\s/.test(inUrl) ? inUrl : null;
}

const statisticTokenAuth = (fromQuery: boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = statisticTokenOf(c, fromQuery);
    if (!token)
      throw new ProblemError(
        'unauthorized',
        `Send your statistic token (Security section of the portal) as "Authorization: <token>" or "Authorization: Bearer <token>"${fromQuery ? ' or as ?token=<token>' : ''}`,
      );
    const found = await authenticateStatisticToken({ db: c.var.deps.db }, token);
    if (!found) throw await refusal({ db: c.var.deps.db }, token);
    c.set('partner', {
      ...found,
      sessionId: '',
      kind: 'statistic_token',
      transport: 'bearer',
      components: ['statistics'],
    });
    await next();
  });

export const requireStatisticToken = statisticTokenAuth(false);
/** For feed links only: the token may also come as `?token=` (the header wins when both are sent). */
export const requireFeedStatisticToken = statisticTokenAuth(true);

/** Why a token is refused: rotated and expired ones say so (their hashes are kept), others one answer. */
async function refusal(ctx: { db: AppDeps['db'] }, token: string): Promise<ProblemError> {
  const retired = await findRetiredStatisticToken(ctx, token);
  if (retired?.reason === 'rotated')
    return new ProblemError(
      'statistic_token_rotated',
      `This statistic token was replaced by a newer one at ${retired.retiredAt}: copy the current token from the Security section of the portal`,
      [],
      { retiredAt: retired.retiredAt },
    );
  if (retired?.reason === 'expired')
    return new ProblemError(
      'statistic_token_expired',
      `This statistic token was expired at ${retired.retiredAt}: create a new one in the Security section of the portal`,
      [],
      { retiredAt: retired.retiredAt },
    );
  return new ProblemError(
    'unauthorized',
    'The statistic token is not valid: it is unknown (never issued, or retired long ago), or its user or partner is not active',
  );
}
