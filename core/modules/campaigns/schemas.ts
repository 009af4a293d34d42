/** I/O contracts of partner campaigns and promos (tracking links). */
import { z } from '@hono/zod-openapi';

export const CreateCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    brandId: z.string().min(3).max(64),
    planId: z.string().min(3).max(64),
  })
  .strict()
  .openapi('CreateCampaign');

export const CampaignQuerySchema = z.object({
  status: z.enum(['active', 'archived']).default('active'),
  q: z.string().max(120).optional(),
  brandId: z.string().max(64).optional(),
  planId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const CreatePromoSchema = z
  .object({
    landingId: z.string().min(3).max(64),
    /** null = direct link (no creative). */
    creativeId: z.string().min(3).max(64).nullable().default(null),
    trafficSourceId: z.string().min(3).max(64).nullable().default(null),
    title: z.string().trim().min(1).max(120),
    promoCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,40}$/, 'must be 3–40 letters, digits, _ or -')
      .nullable()
      .default(null),
  })
  .strict()
  .openapi('CreatePromo');

export const UpdatePromoSchema = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    /** Only while empty: once set, a promo's traffic source never changes. */
    trafficSourceId: z.string().min(3).max(64).optional(),
  })
  .strict()
  // An empty change is a mistake to name, not an update with nothing to set (which failed as a 500).
  .refine((v) => v.title !== undefined || v.trafficSourceId !== undefined, {
    message: 'change the title, the traffic source, or both',
    params: { reason: 'required_one_of', fields: ['title', 'trafficSourceId'] },
  })
  .openapi('UpdatePromo');

export const PromoSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    code: z.string(),
    trackingLink: z.string(),
    title: z.string(),
    promoCode: z.string().nullable(),
    landing: z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      audience: z.enum(['players', 'sub_affiliates']),
    }),
    creative: z
      .object({
        id: z.string(),
        title: z.string(),
        width: z.number(),
        height: z.number(),
        assetUrl: z.string(),
        format: z.string(),
      })
      .nullable(),
    trafficSource: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** `<a><img></a>` for banner creatives, so a partner can paste it as is. */
    htmlSnippet: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Promo');

export const CampaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'archived']),
    brand: z.object({ id: z.string(), name: z.string() }),
    plan: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    promoCount: z.number().int(),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .openapi('Campaign');

export const CampaignDetailSchema = CampaignSchema.extend({ promos: z.array(PromoSchema) }).openapi('CampaignDetail');
export const CampaignListSchema = z.object({ data: z.array(CampaignSchema) }).openapi('CampaignList');
