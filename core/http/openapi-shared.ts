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
  401: problem('Missing or invalid credentials'),
  404: problem('Not found (also for another operator\'s ids)'),
  422: problem('Invalid input; `errors` names each field'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'Request body') => ({
  content: { 'application/json': { schema } }, required: true, description,
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description, content: { 'application/json': { schema } },
});

export const operatorKeySecurity = [{ operatorKey: [] }];

export const partnerSecurity = [{ partnerSession: [] }];
