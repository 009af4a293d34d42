/** Operator API: program news (drafts, publishing, banners). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext, type AppEnv } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { detectFileType } from '../../lib/file-signature.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { IdParams } from '../identity/schemas.ts';
import {
  BANNER_TYPES,
  checkBanner,
  createArticle,
  deleteArticle,
  getArticle,
  listArticles,
  loadArticle,
  openArticleBanner,
  publishArticle,
  removeArticleBanner,
  setArticleBanner,
  unpublishArticle,
  updateArticle,
} from './articles.ts';
import {
  CreateNewsArticleSchema,
  NewsArticleListSchema,
  NewsArticleSchema,
  NewsPreviewResultSchema,
  NewsPreviewSchema,
  UpdateNewsArticleSchema,
} from './schemas.ts';

const tags = ['Operator: news'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const params = IdParams('articleId');
const errors = { 401: problemResponses[401], 404: problemResponses[404] };
const one = (description: string) => jsonResponse(NewsArticleSchema, description);
const image = z.string().openapi({ format: 'binary' });
const imageContent = Object.fromEntries(Object.keys(BANNER_TYPES).map((type) => [type, { schema: image }]));

/** The file store the edge built; without one (a script's deps) banners can be neither stored nor served. */
export function newsFilesOf(c: Context<AppEnv>) {
  const files = c.var.deps.files;
  if (!files) throw new DomainError('unavailable', 'This server has no file store for news banners');
  return files;
}

export const newsRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listNewsArticles',
      method: 'get',
      path: '/v1/news',
      tags,
      security,
      middleware,
      summary: 'Every news article: drafts first, then published ones, newest first',
      responses: { 200: jsonResponse(NewsArticleListSchema, 'The articles'), 401: problemResponses[401] },
    }),
    async (c) => c.json({ data: await listArticles(tenantContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createNewsArticle',
      method: 'post',
      path: '/v1/news',
      tags,
      security,
      middleware,
      summary: 'Write a news article as a draft (partners see it once published)',
      request: { body: jsonBody(CreateNewsArticleSchema) },
      responses: { 201: one('The draft'), 401: problemResponses[401], ...bodyProblems },
    }),
    async (c) => c.json(await createArticle(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'previewNewsArticle',
      method: 'post',
      path: '/v1/news/preview',
      tags,
      security,
      middleware,
      summary: 'The Markdown body as partners will see it (the same safe HTML the partner API answers)',
      request: { body: jsonBody(NewsPreviewSchema) },
      responses: {
        200: jsonResponse(NewsPreviewResultSchema, 'The HTML'),
        401: problemResponses[401],
        ...bodyProblems,
      },
    }),
    async (c) => c.json({ html: renderMarkdown(c.req.valid('json').bodyMarkdown) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getNewsArticle',
      method: 'get',
      path: '/v1/news/{articleId}',
      tags,
      security,
      middleware,
      summary: 'One news article',
      request: { params },
      responses: { 200: one('The article'), ...errors },
    }),
    async (c) => c.json(await getArticle(tenantContext(c), c.req.valid('param').articleId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updateNewsArticle',
      method: 'patch',
      path: '/v1/news/{articleId}',
      tags,
      security,
      middleware,
      summary: 'Edit a news article (a published one changes for partners at once)',
      request: { params, body: jsonBody(UpdateNewsArticleSchema) },
      responses: { 200: one('The article'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(await updateArticle(tenantContext(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  )
  .openapi(
    createRoute({
      operationId: 'deleteNewsArticle',
      method: 'delete',
      path: '/v1/news/{articleId}',
      tags,
      security,
      middleware,
      summary: 'Delete a news article, its banner and who read it',
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteArticle(tenantContext(c), c.req.valid('param').articleId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      operationId: 'publishNewsArticle',
      method: 'post',
      path: '/v1/news/{articleId}/publish',
      tags,
      security,
      middleware,
      summary: 'Publish: partners see it, get a notification, and opted-in users an e-mail',
      description:
        'Sets `publishedAt`. Publishing a published article changes nothing. The notification and the e-mails ' +
        '(one per partner user who left news e-mails on in their profile) go out once per article, also when it is ' +
        'unpublished and published again.',
      request: { params },
      responses: { 200: one('The published article'), ...errors },
    }),
    async (c) => c.json(await publishArticle(tenantContext(c), { articleId: c.req.valid('param').articleId }), 200),
  )
  .openapi(
    createRoute({
      operationId: 'unpublishNewsArticle',
      method: 'post',
      path: '/v1/news/{articleId}/unpublish',
      tags,
      security,
      middleware,
      summary: 'Back to a draft: partners no longer see it (its banner’s public address stops answering)',
      request: { params },
      responses: { 200: one('The draft'), ...errors },
    }),
    async (c) => c.json(await unpublishArticle(tenantContext(c), c.req.valid('param').articleId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'setNewsBanner',
      method: 'put',
      path: '/v1/news/{articleId}/banner',
      tags,
      security,
      middleware,
      summary: 'Upload the banner: the image’s bytes as the body (PNG, JPEG or WebP, at most 2 MB)',
      description:
        'The type is read from the bytes, not from Content-Type: another type (or bytes that are not the image they ' +
        'claim) is a 422 on `body`; a Content-Type other than the three is a 415; more than 2 MB a 413. Each upload ' +
        'gets a new public `bannerUrl`. 503 when this server has no file store.',
      request: { params, body: { required: true, content: imageContent } },
      responses: {
        200: one('The article with its new banner'),
        ...errors,
        ...bodyProblems,
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { articleId } = c.req.valid('param');
      await loadArticle(ctx, articleId);
      const files = newsFilesOf(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const declared = c.req.header('content-type')?.split(';')[0]!.trim().toLowerCase() ?? null;
      const mime = checkBanner(bytes, bytes.byteLength ? await detectFileType(bytes) : null, declared);
      return c.json(await setArticleBanner({ ...ctx, files }, { articleId, bytes, mime }), 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'getNewsBanner',
      method: 'get',
      path: '/v1/news/{articleId}/banner',
      tags,
      security,
      middleware,
      summary: 'The banner as stored (drafts too), for the operator’s preview',
      request: { params },
      responses: {
        200: { description: 'The image', content: imageContent },
        ...errors,
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const found = await openArticleBanner({ ...ctx, files: newsFilesOf(c) }, c.req.valid('param'));
      if (!found) throw notFound('News article');
      return c.body(found.file.body, 200, {
        'content-type': found.contentType,
        'content-length': String(found.file.size),
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  )
  .openapi(
    createRoute({
      operationId: 'removeNewsBanner',
      method: 'delete',
      path: '/v1/news/{articleId}/banner',
      tags,
      security,
      middleware,
      summary: 'Remove the banner',
      request: { params },
      responses: { 200: one('The article'), ...errors },
    }),
    async (c) => c.json(await removeArticleBanner(tenantContext(c), c.req.valid('param').articleId), 200),
  );
