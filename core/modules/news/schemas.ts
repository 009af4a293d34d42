/** I/O contracts of program news: the operator's articles and the partner's feed. */
import { z } from '@hono/zod-openapi';
import { NEWS_STATUSES } from './table.ts';

const TitleSchema = z.string().trim().min(1).max(150).openapi({ example: 'Lucky Spin Sports is live' });
const ExcerptSchema = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .openapi({ description: 'One or two sentences shown in the list and in the e-mail' });
const BodySchema = z
  .string()
  .max(50_000)
  .openapi({ description: 'Markdown (no raw HTML; links and images http(s) only)', example: '## What is new\n\n…' });
const BrandIdSchema = z
  .string()
  .min(3)
  .max(64)
  .nullable()
  .openapi({ description: 'News of one brand, or null for the whole program' });

export const CreateNewsArticleSchema = z
  .object({
    title: TitleSchema,
    excerpt: ExcerptSchema,
    bodyMarkdown: BodySchema.default(''),
    brandId: BrandIdSchema.optional(),
  })
  .strict()
  .openapi('CreateNewsArticle');
export type CreateNewsArticleInput = z.output<typeof CreateNewsArticleSchema>;

export const UpdateNewsArticleSchema = z
  .object({
    title: TitleSchema.optional(),
    excerpt: ExcerptSchema.optional(),
    bodyMarkdown: BodySchema.optional(),
    brandId: BrandIdSchema.optional(),
  })
  .strict()
  .openapi('UpdateNewsArticle');
export type UpdateNewsArticleInput = z.output<typeof UpdateNewsArticleSchema>;

const BrandRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const NewsArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    excerpt: z.string(),
    bodyMarkdown: z.string(),
    status: z.enum(NEWS_STATUSES),
    publishedAt: z.string().nullable().openapi({ description: 'Set by the first publish; null for a draft' }),
    brand: BrandRefSchema,
    hasBanner: z.boolean(),
    bannerType: z.string().nullable().openapi({ description: 'image/png, image/jpeg or image/webp' }),
    bannerUrl: z.string().nullable().openapi({
      description:
        'The banner’s public address once published (drafts: read it through GET /v1/news/{articleId}/banner)',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('NewsArticle');

export const NewsArticleListSchema = z.object({ data: z.array(NewsArticleSchema) }).openapi('NewsArticleList');

export const PartnerNewsItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    excerpt: z.string(),
    publishedAt: z.string(),
    brand: BrandRefSchema,
    bannerUrl: z
      .string()
      .nullable()
      .openapi({ description: 'Public image address (an <img> sends no token; published news is no secret)' }),
    read: z.boolean().openapi({ description: 'Whether this user has opened it (or marked everything read)' }),
  })
  .openapi('PartnerNewsItem');

export const PartnerNewsListSchema = z
  .object({
    data: z.array(PartnerNewsItemSchema),
    unreadCount: z.number().int().openapi({ description: 'Published articles this user has not read, of every page' }),
    total: z.number().int(),
  })
  .openapi('PartnerNewsList');

export const PartnerNewsArticleSchema = PartnerNewsItemSchema.extend({
  html: z.string().openapi({ description: 'The body as safe HTML (rendered from Markdown by the server)' }),
}).openapi('PartnerNewsArticle');

export const PartnerNewsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ReadStateSchema = z
  .object({ unreadCount: z.number().int().openapi({ description: 'Unread articles left for this user' }) })
  .openapi('NewsReadState');

export const BannerParamsSchema = z.object({
  operatorId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'operatorId', in: 'path' } }),
  articleId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'articleId', in: 'path' } }),
  bannerVersion: z
    .string()
    .min(3)
    .max(64)
    .openapi({ param: { name: 'bannerVersion', in: 'path' } }),
});

export const NewsPreviewSchema = z.object({ bodyMarkdown: BodySchema }).strict().openapi('NewsPreviewRequest');
export const NewsPreviewResultSchema = z
  .object({ html: z.string().openapi({ description: 'The Markdown as partners will see it (safe HTML)' }) })
  .openapi('NewsPreview');
