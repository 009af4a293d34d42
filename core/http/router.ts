import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps.ts';
import { validationProblem } from './problem.ts';

/**
 * Every module's routes are built on this, so invalid input anywhere becomes the same 422
 * problem naming each bad field, before any handler runs.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.error, result.target, (result as { data?: unknown }).data);
    },
  });
}
