import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES } from '../../lib/money.ts';

export const CurrencySchema = z.enum(CURRENCY_CODES as [string, ...string[]], {
  error: () => `must be one of the supported currency codes (${CURRENCY_CODES.slice(0, 6).join(', ')}…)`,
}).openapi({ example: 'EUR' });

export const BrandSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  websiteUrl: z.string(),
  visitParam: z.string(),
  fallbackUrl: z.string().nullable(),
  createdAt: z.string().openapi({ format: 'date-time' }),
}).openapi('Brand');

export const CreateBrandSchema = z.object({
  name: z.string().trim().min(1).max(80),
  currency: CurrencySchema,
  websiteUrl: z.url({ protocol: /^https?$/ }),
  visitParam: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'must be a query parameter name: a letter, then letters, digits or _').default('kb_vid'),
  fallbackUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
}).strict().openapi('CreateBrand');

export const BrandListSchema = z.object({ data: z.array(BrandSchema) }).openapi('BrandList');

export type CreateBrandInput = z.infer<typeof CreateBrandSchema>;
