/** I/O contracts of the catalog: brands, landings, creatives, traffic sources. */
import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { CREATIVE_FORMATS, LANDING_AUDIENCES } from './table.ts';

export const CurrencySchema = z
  .enum(CURRENCY_CODES as [string, ...string[]], {
    error: () => `must be one of the supported currency codes (${CURRENCY_CODES.slice(0, 6).join(', ')}…)`,
  })
  .openapi({ example: 'EUR' });

export const BrandSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    websiteUrl: z.string(),
    visitParam: z.string(),
    fallbackUrl: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Brand');

export const CreateBrandSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    currency: CurrencySchema,
    websiteUrl: z.url({ protocol: /^https?$/ }),
    visitParam: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'must be a query parameter name: a letter, then letters, digits or _')
      .default('kb_vid'),
    fallbackUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
  })
  .strict()
  .openapi('CreateBrand');

export const BrandListSchema = z.object({ data: z.array(BrandSchema) }).openapi('BrandList');

export type CreateBrandInput = z.infer<typeof CreateBrandSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like DE');
const language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code like en');

export const CreateLandingSchema = z
  .object({
    brandId: z.string().min(3).max(64),
    name: z.string().trim().min(1).max(120),
    url: httpUrl,
    audience: z.enum(LANDING_AUDIENCES),
    language,
    countries: z.array(country).max(250).default([]),
  })
  .strict()
  .openapi('CreateLanding');
export const LandingSchema = z
  .object({
    id: z.string(),
    brandId: z.string(),
    name: z.string(),
    url: z.string(),
    audience: z.enum(LANDING_AUDIENCES),
    language: z.string(),
    countries: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('Landing');

export const CreateCreativeSchema = z
  .object({
    brandId: z.string().min(3).max(64).nullable().default(null),
    title: z.string().trim().min(1).max(120),
    language,
    format: z.enum(CREATIVE_FORMATS),
    privacy: z.enum(['public', 'private']).default('public'),
    allowedPartnerIds: z.array(z.string().max(64)).max(1000).default([]),
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
    tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    assetUrl: httpUrl,
  })
  .strict()
  .openapi('CreateCreative');
export const CreativeSchema = z
  .object({
    id: z.string(),
    brandId: z.string().nullable(),
    title: z.string(),
    language: z.string(),
    format: z.enum(CREATIVE_FORMATS),
    privacy: z.enum(['public', 'private']),
    width: z.number(),
    height: z.number(),
    orientation: z.enum(['landscape', 'portrait', 'square']),
    tags: z.array(z.string()),
    assetUrl: z.string(),
    createdAt: z.string(),
  })
  .openapi('Creative');

export const CreateTrafficSourceSchema = z
  .object({ name: z.string().trim().min(1).max(80) })
  .strict()
  .openapi('CreateTrafficSource');
export const TrafficSourceSchema = z.object({ id: z.string(), name: z.string() }).openapi('TrafficSource');

export const CreativeFilterSchema = z.object({
  title: z.string().max(120).optional(),
  language: z.string().max(8).optional(),
  format: z.enum(CREATIVE_FORMATS).optional(),
  privacy: z.enum(['public', 'private']).optional(),
  size: z
    .string()
    .regex(/^\d{1,5}x\d{1,5}$/, 'must be WIDTHxHEIGHT like 300x250')
    .optional(),
  tag: z.string().max(40).optional(),
  orientation: z.enum(['landscape', 'portrait', 'square']).optional(),
  brandId: z.string().max(64).optional(),
});

export const list = <T extends z.ZodType>(item: T, name: string) => z.object({ data: z.array(item) }).openapi(name);
