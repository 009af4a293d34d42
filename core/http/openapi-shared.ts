/** Shapes shared by every route's OpenAPI description. */
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().openapi({ example: 'validation_failed' }),
  detail: z.string(),
  request_id: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

export const problemResponses = {
  400: problem('The body could not be read (not JSON)'),
  401: problem('Missing or invalid credentials'),
  403: problem('Not allowed (role, embed component, inactive account, CSRF)'),
  404: problem('Not found (also for another operator\'s ids)'),
  409: problem('Conflicts with the current state (duplicate, already done, archived)'),
  422: problem('Invalid input; `errors` names each field'),
  423: problem('Account locked after failed sign-ins'),
  429: problem('Too many attempts; wait and retry'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'Request body') => ({
  content: { 'application/json': { schema } }, required: true, description,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description, content: { 'application/json': { schema } },
});

export const operatorKeySecurity = [{ operatorKey: [] }];

export const partnerSecurity = [{ partnerSession: [] }];
