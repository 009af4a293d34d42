/** Liveness and readiness: /health answers only when the database does. */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter } from '../../http/router.ts';
import { jsonResponse, ProblemSchema, publicSecurity } from '../../http/openapi-shared.ts';
import { ProblemError } from '../../http/problem.ts';
import type { AppDeps } from '../../http/deps.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    runtime: z.enum(['node', 'deno', 'workerd']),
    version: z.string(),
    time: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Health');

const healthRoute = createRoute({
  operationId: 'getHealth',
  security: publicSecurity,
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Health: the service and its database answer',
  responses: {
    200: jsonResponse(HealthSchema, 'Healthy'),
    503: {
      description: 'The database does not answer',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

/**
 * A load balancer may poll /health thousands of times a second; the database is asked at most
 * once per second per app, and a failed check is never cached.
 */
const DB_CHECK_INTERVAL_MS = 1_000;
const lastDbCheck = new WeakMap<AppDeps, number>();

async function checkDatabase(deps: AppDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  const last = lastDbCheck.get(deps);
  if (last !== undefined && now - last >= 0 && now - last < DB_CHECK_INTERVAL_MS) return;
  try {
    await deps.db.all(sql`select 1`);
  } catch {
    lastDbCheck.delete(deps);
    throw new ProblemError('unavailable', 'The database does not answer');
  }
  lastDbCheck.set(deps, now);
}

export const systemRoutes = createRouter().openapi(healthRoute, async (c) => {
  const { deps } = c.var;
  await checkDatabase(deps);
  return c.json(
    { status: 'ok' as const, runtime: deps.runtime, version: deps.version, time: deps.clock.now().toISOString() },
    200,
  );
});
