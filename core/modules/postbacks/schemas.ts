/** I/O contracts of partner postback configurations. */
import { z } from '@hono/zod-openapi';
import { POSTBACK_ACTIONS, POSTBACK_SCOPES } from './table.ts';
import { BUILT_IN_MACROS } from './template.ts';

const url = z.string().trim().min(1).max(2000);

export const CreatePostbackSchema = z.object({
  scope: z.enum(POSTBACK_SCOPES),
  campaignId: z.string().min(3).max(64).optional(),
  promoId: z.string().min(3).max(64).optional(),
  action: z.enum(POSTBACK_ACTIONS),
  method: z.enum(['GET', 'POST']).default('GET'),
  bodyFormat: z.enum(['form', 'json']).optional(),
  url,
  enabled: z.boolean().default(true),
}).strict().openapi('CreatePostback');

export const UpdatePostbackSchema = z.object({
  url: url.optional(),
  method: z.enum(['GET', 'POST']).optional(),
  bodyFormat: z.enum(['form', 'json']).nullable().optional(),
  enabled: z.boolean().optional(),
}).strict().openapi('UpdatePostback');

export const TemplateProblemSchema = z.object({ position: z.number().int(), severity: z.enum(['error', 'warning']), message: z.string() }).openapi('TemplateProblem');

export const PostbackSchema = z.object({
  id: z.string(), scope: z.enum(POSTBACK_SCOPES), campaignId: z.string().nullable(), promoId: z.string().nullable(),
  action: z.enum(POSTBACK_ACTIONS), method: z.enum(['GET', 'POST']), bodyFormat: z.enum(['form', 'json']).nullable(),
  url: z.string(), enabled: z.boolean(), warnings: z.array(TemplateProblemSchema), createdAt: z.string(), updatedAt: z.string(),
}).openapi('Postback');

export const PostbackListSchema = z.object({ data: z.array(PostbackSchema) }).openapi('PostbackList');
export const PostbackQuerySchema = z.object({ scope: z.enum(POSTBACK_SCOPES).optional(), campaignId: z.string().max(64).optional(), promoId: z.string().max(64).optional() });

export const ValidateTemplateSchema = z.object({ url: z.string().max(2000), scope: z.enum(POSTBACK_SCOPES) }).strict().openapi('ValidatePostbackTemplate');
export const TemplateCheckSchema = z.object({
  problems: z.array(TemplateProblemSchema),
  /** The macros the editor offers as chips: built-ins (custom click parameters can be typed too). */
  builtIns: z.array(z.enum(BUILT_IN_MACROS)),
}).openapi('PostbackTemplateCheck');
