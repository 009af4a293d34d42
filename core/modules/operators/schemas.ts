import { z } from '@hono/zod-openapi';
import { isTimeZone } from '../../lib/time-zones.ts';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like #1a2b3c');

/** An origin is scheme://host[:port] and nothing else; CORS compares it byte for byte. */
export const OriginSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  },
  {
    message:
      'must be an origin like https://partners.example.com (scheme, host, optional port; no path or trailing slash)',
    params: { reason: 'invalid_format', format: 'origin' },
  },
);

export const BrandingSchema = z
  .object({
    displayName: z.string().trim().min(1).max(80),
    primaryColor: hexColor,
    accentColor: hexColor,
    logoUrl: z.url({ protocol: /^https?$/ }).nullable(),
    theme: z.enum(['light', 'dark']),
    supportEmail: z.email().nullable(),
    termsUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .openapi({
        description:
          'The page with the terms and conditions of the partner program (http or https). When set, the sign-up ' +
          'form links to it and sign-up requires `acceptTerms: true`; null when there are none (no checkbox).',
        example: 'https://partners.example.com/terms/',
      }),
  })
  .openapi('Branding');

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, {
    message: 'must be an IANA time zone like Europe/Malta',
    params: { reason: 'invalid_format', format: 'time_zone' },
  });

export const OperatorSchema = z
  .object({
    id: z.string().openapi({ example: 'op_01JD3Z8Q0000ABCDEFGHJKMNPQ' }),
    name: z.string(),
    branding: BrandingSchema,
    allowedOrigins: z.array(z.string()),
    lockoutThreshold: z.number().int(),
    fallbackUrl: z.string().nullable(),
    timeZone: z.string().openapi({ example: 'Europe/Malta' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Operator');

export const UpdateOperatorSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    branding: BrandingSchema.partial().optional(),
    allowedOrigins: z.array(OriginSchema).max(50).optional(),
    lockoutThreshold: z.number().int().min(3).max(20).optional(),
    /** Where unknown tracking codes on this operator's hosts send players. */
    fallbackUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    /** IANA zone reports default to and relative periods ("today", "last month") are cut in. */
    timeZone: TimeZoneSchema.optional(),
  })
  .strict()
  .openapi('UpdateOperator');

export const PublicBrandSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    websiteUrl: z.string(),
  })
  .openapi('PublicBrand');

export const PortalConfigSchema = z
  .object({
    operator: z.object({ id: z.string(), name: z.string() }),
    branding: BrandingSchema,
    brands: z.array(PublicBrandSchema),
    locales: z.array(z.enum(['en', 'ru'])),
  })
  .openapi('PortalConfig');

export const OperatorIdParams = z.object({
  operatorId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'operatorId', in: 'path' }, example: 'op_demo_luckyspin' }),
});

export type Branding = z.infer<typeof BrandingSchema>;
export type UpdateOperatorInput = z.infer<typeof UpdateOperatorSchema>;
