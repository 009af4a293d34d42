/** Liveness and readiness: /health answers only when the database does. */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter } from '../../http/router.ts';
import { jsonResponse } from '../../http/openapi-shared.ts';
import { ProblemError } from '../../http/problem.ts';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  runtime: z.enum(['node', 'deno', 'workerd']),
  version: z.string(),
  time: z.string().openapi({ format: 'date-time' }),
}).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Health: the service and its database answer',
  responses: { 200: jsonResponse(HealthSchema, 'Healthy') },
});

export const systemRoutes = createRouter().openapi(healthRoute, async (c) => {
  const { deps } = c.var;
  try {
    await deps.db.all(sql`select 1`);
  } catch {
    throw new ProblemError('unavailable', 'The database does not answer');
  }
  return c.json({ status: 'ok' as const, runtime: deps.runtime, version: deps.version, time: deps.clock.now().toISOString() }, 200);
});
