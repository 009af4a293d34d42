/**
 * The partner's news and the banners' public addresses. An <img> in an embedded widget cannot
 * send the partner's bearer token, and a published article is no secret (every partner of the
 * program reads it), so a banner is served at a public address. It carries a random version that
 * changes with each upload: it cannot be guessed from the ids, a draft's (or an unpublished
 * article's) banner never answers there, and the answer can be cached for a year. The bytes were
 * checked to be PNG, JPEG or WebP when stored and are served with that type only (nosniff is on
 * every answer, request-guards.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import { jsonResponse, partnerSecurity, problemResponses, publicSecurity } from '../../http/openapi-shared.ts';
import { notFound } from '../../lib/errors.ts';
import { IdParams } from '../identity/schemas.ts';
import { BANNER_TYPES, openArticleBanner } from './articles.ts';
import { getPartnerNewsArticle, listPartnerNews, markAllNewsRead, markNewsRead } from './partner-news.ts';
import { newsFilesOf } from './routes.ts';
import {
  BannerParamsSchema,
  PartnerNewsArticleSchema,
  PartnerNewsListSchema,
  PartnerNewsQuerySchema,
  ReadStateSchema,
} from './schemas.ts';

const tags = ['Partner news'];
// News is program content: an embed session minted for the program section reads it.
const middleware = [requirePartnerSession({ component: 'program' })];
const params = IdParams('articleId');
const errors = { 401: problemResponses[401], 403: problemResponses[403] };
const image = z.string().openapi({ format: 'binary' });

export const partnerNewsRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listPartnerNews',
      method: 'get',
      path: '/v1/partner/news',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'The program’s published news, newest first, each marked read or unread for this user',
      request: { query: PartnerNewsQuerySchema },
      responses: { 200: jsonResponse(PartnerNewsListSchema, 'A page of news and the unread count'), ...errors },
    }),
    async (c) => c.json(await listPartnerNews(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'markAllPartnerNewsRead',
      method: 'post',
      path: '/v1/partner/news/read',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'Mark every published article read for this user',
      responses: { 200: jsonResponse(ReadStateSchema, 'What is left unread (0)'), ...errors },
    }),
    async (c) => c.json(await markAllNewsRead(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerNewsArticle',
      method: 'get',
      path: '/v1/partner/news/{articleId}',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'One published article with its body as safe HTML',
      description: 'A draft or an unpublished article is a 404. Reading does not mark it read (POST …/read does).',
      request: { params },
      responses: {
        200: jsonResponse(PartnerNewsArticleSchema, 'The article'),
        ...errors,
        404: problemResponses[404],
      },
    }),
    async (c) => c.json(await getPartnerNewsArticle(partnerContext(c), c.req.valid('param').articleId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'markPartnerNewsRead',
      method: 'post',
      path: '/v1/partner/news/{articleId}/read',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'Mark one article read for this user (again is no change)',
      request: { params },
      responses: { 200: jsonResponse(ReadStateSchema, 'What is left unread'), ...errors, 404: problemResponses[404] },
    }),
    async (c) => c.json(await markNewsRead(partnerContext(c), c.req.valid('param').articleId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getNewsBannerImage',
      method: 'get',
      path: '/v1/public/operators/{operatorId}/news/{articleId}/banner/{bannerVersion}',
      tags,
      security: publicSecurity,
      summary: 'A published article’s banner at the `bannerUrl` the API gives (public: an image tag sends no token)',
      description:
        'Only a published article’s current version answers; cached for a year (a new upload has a new address).',
      request: { params: BannerParamsSchema },
      responses: {
        200: {
          description: 'The image',
          content: Object.fromEntries(Object.keys(BANNER_TYPES).map((type) => [type, { schema: image }])),
        },
        404: problemResponses[404],
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const { operatorId, articleId, bannerVersion } = c.req.valid('param');
      const files = newsFilesOf(c);
      const found = await openArticleBanner({ ...tenantContext(c, operatorId), files }, { articleId, bannerVersion });
      if (!found) throw notFound('News article');
      return c.body(found.file.body, 200, {
        'content-type': found.contentType,
        'content-length': String(found.file.size),
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  );
