/** I/O contracts of partner postback configurations. */
import { z } from '@hono/zod-openapi';
import { POSTBACK_ACTIONS, POSTBACK_SCOPES } from './table.ts';
import { BUILT_IN_MACROS, TEMPLATE_PROBLEM_CODES } from './template.ts';

const url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .openapi({
    description: `The tracker URL with \${name} macros. Built-ins: ${BUILT_IN_MACROS.map((m) => `\${${m}}`).join(', ')}. Any other name is a custom parameter of the click (e.g. ?clickID=… on the tracking link → \${clickID}); left as written when the click did not carry it. Values are URL-encoded once.`,
    example: 'https://tracker.example/postback?cid=${clickID}&promo=${promo_id}&amount=${amount}&currency=${currency}',
  });

export const CreatePostbackSchema = z
  .object({
    scope: z.enum(POSTBACK_SCOPES),
    campaignId: z.string().min(3).max(64).optional(),
    promoId: z.string().min(3).max(64).optional(),
    action: z.enum(POSTBACK_ACTIONS),
    method: z.enum(['GET', 'POST']).default('GET'),
    bodyFormat: z.enum(['form', 'json']).optional(),
    url,
    enabled: z.boolean().default(true),
  })
  .strict()
  .openapi('CreatePostback');

export const UpdatePostbackSchema = z
  .object({
    url: url.optional(),
    method: z.enum(['GET', 'POST']).optional(),
    bodyFormat: z.enum(['form', 'json']).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdatePostback');

export const TemplateProblemSchema = z
  .object({
    position: z.number().int(),
    severity: z.enum(['error', 'warning']),
    /** A closed list, so widgets can word each problem in their own language. */
    code: z.enum(TEMPLATE_PROBLEM_CODES),
    params: z.record(z.string(), z.string()),
    message: z.string(),
  })
  .openapi('TemplateProblem');

export const PostbackSchema = z
  .object({
    id: z.string(),
    scope: z.enum(POSTBACK_SCOPES),
    campaignId: z.string().nullable(),
    /** The campaign's name, to show instead of its id (null for an account postback). */
    campaignName: z.string().nullable(),
    promoId: z.string().nullable(),
    /** The promo's title, to show instead of its id (null unless the scope is promo). */
    promoTitle: z.string().nullable(),
    action: z.enum(POSTBACK_ACTIONS),
    method: z.enum(['GET', 'POST']),
    bodyFormat: z.enum(['form', 'json']).nullable(),
    url: z.string(),
    enabled: z.boolean(),
    warnings: z.array(TemplateProblemSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Postback');

export const PostbackListSchema = z.object({ data: z.array(PostbackSchema) }).openapi('PostbackList');
export const PostbackQuerySchema = z.object({
  scope: z.enum(POSTBACK_SCOPES).optional(),
  campaignId: z.string().max(64).optional(),
  promoId: z.string().max(64).optional(),
});

export const ValidateTemplateSchema = z
  .object({ url: z.string().max(2000), scope: z.enum(POSTBACK_SCOPES) })
  .strict()
  .openapi('ValidatePostbackTemplate');
export const TemplateCheckSchema = z
  .object({
    problems: z.array(TemplateProblemSchema),
    /** The macros the editor offers as chips: built-ins (custom click parameters can be typed too). */
    builtIns: z.array(z.enum(BUILT_IN_MACROS)),
  })
  .openapi('PostbackTemplateCheck');

export const PostbackLogQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Partial match anywhere in the sent URL. */
  url: z.string().max(500).optional(),
  action: z.enum(POSTBACK_ACTIONS).optional(),
  /** An exact code (`200`), a class (`4xx`, `5xx`), or `none` for attempts that got no answer. */
  responseCode: z
    .string()
    .regex(/^([1-5]\d\d|[1-5]xx|none)$/, 'an HTTP code like 200, a class like 5xx, or none')
    .optional(),
  /** Partial match on the campaign name. */
  campaign: z.string().max(200).optional(),
  campaignId: z.string().max(64).optional(),
  promoCode: z.string().max(64).optional(),
  promoId: z.string().max(64).optional(),
  /** Paging: attempts older than this attempt id (the previous page's `nextBefore`). */
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PostbackAttemptSchema = z
  .object({
    id: z.string(),
    deliveryId: z.string(),
    postbackId: z.string(),
    sentAt: z.string(),
    url: z.string(),
    method: z.enum(['GET', 'POST']),
    action: z.enum(POSTBACK_ACTIONS),
    responseCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
    promoId: z.string().nullable(),
    /** The promo's title, to show instead of its id (the filters take `promoCode` or `promoId`). */
    promoTitle: z.string().nullable(),
    promoCode: z.string().nullable(),
    isTest: z.boolean(),
  })
  .openapi('PostbackAttempt');
export const PostbackLogSchema = z
  .object({ data: z.array(PostbackAttemptSchema), nextBefore: z.string().nullable() })
  .openapi('PostbackLog');

export const PreviewPostbackSchema = z
  .object({
    url: z.string().max(2000),
    scope: z.enum(POSTBACK_SCOPES),
    action: z.enum(POSTBACK_ACTIONS),
    method: z.enum(['GET', 'POST']).default('GET'),
    bodyFormat: z.enum(['form', 'json']).optional(),
    campaignId: z.string().max(64).optional(),
    promoId: z.string().max(64).optional(),
  })
  .strict()
  .openapi('PreviewPostback');
export const PostbackPreviewSchema = z
  .object({
    url: z.string(),
    method: z.enum(['GET', 'POST']),
    body: z.string().nullable(),
    /** The recent real click the values came from; null when sample values were used. */
    clickId: z.string().nullable(),
    sample: z.boolean(),
    problems: z.array(TemplateProblemSchema),
  })
  .openapi('PostbackPreview');

export const SendTestSchema = z
  .object({
    /** Render with this click (the one the preview showed); default: the most recent matching click. */
    clickId: z.string().max(64).optional(),
    /** Sending needs the partner's explicit go-ahead after seeing the preview. */
    confirm: z.literal(true),
  })
  .strict()
  .openapi('SendTestPostback');
export const TestResultSchema = z
  .object({
    url: z.string(),
    method: z.enum(['GET', 'POST']),
    clickId: z.string().nullable(),
    sample: z.boolean(),
    responseCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    delivered: z.boolean(),
  })
  .openapi('PostbackTestResult');
