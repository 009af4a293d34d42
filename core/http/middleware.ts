import { createMiddleware } from 'hono/factory';
import { cors } from 'hono/cors';
import type { AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';
import { authenticateApiKey, isOriginAllowed } from '../modules/operators/service.ts';

/** Operator API: `Authorization: Bearer sk_…`. Server-to-server only, so no CORS headers here. */
export const requireOperatorKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new ProblemError('unauthorized', 'Send the operator secret key as "Authorization: Bearer sk_…"');
  const operatorId = await authenticateApiKey(c.var.deps, match[1]);
  if (!operatorId) throw new ProblemError('unauthorized', 'The secret key is unknown or revoked');
  c.set('operatorId', operatorId);
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
