/** Report favorites of the signed-in partner: saved report questions to list, open, rename, delete and download. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import { ReportSchema } from '../statistics/schemas.ts';
import {
  FavoriteExportQuerySchema,
  FavoriteListSchema,
  FavoriteSchema,
  RenameFavoriteSchema,
  SaveFavoriteSchema,
} from './schemas.ts';
import {
  deleteFavorite,
  exportFavorite,
  findFavorite,
  listFavorites,
  renameFavorite,
  saveFavorite,
} from './service.ts';

const tags = ['Partner statistics'];
const security = partnerSecurity;
const middleware = [requirePartnerSession({ component: 'statistics' })];
const params = IdParams('favoriteId');
const errors = { 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };
const QUESTION_WORDS =
  'The question is the performance report’s query without paging (`period` relative or `custom` with `from`/`to`, ' +
  '`timeZone`, filters, `groupBy`, `metrics` in column order, `currency` and `ratesDate` or none for each currency, ' +
  '`sort`, `order`); a relative period stays relative and resolves each time the favorite runs';

export const reportFavoriteRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listReportFavorites',
      method: 'get',
      path: '/v1/partner/reports/favorites',
      tags,
      security,
      middleware,
      summary: 'The partner’s saved report setups (shared by the team), newest first',
      responses: { 200: jsonResponse(FavoriteListSchema, 'The favorites'), ...errors },
    }),
    async (c) => c.json({ favorites: await listFavorites(partnerContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'saveReportFavorite',
      method: 'post',
      path: '/v1/partner/reports/favorites',
      tags,
      security,
      middleware,
      summary: 'Save a report setup under a name (unique per partner ignoring case: a taken name is 422 on `name`)',
      description: `${QUESTION_WORDS}. The report is asked once before saving, so a question it refuses is a 422.`,
      request: { body: jsonBody(SaveFavoriteSchema) },
      responses: { 201: jsonResponse(FavoriteSchema, 'The saved favorite'), ...errors, ...bodyProblems },
    }),
    async (c) => c.json(await saveFavorite(partnerContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'getReportFavorite',
      method: 'get',
      path: '/v1/partner/reports/favorites/{favoriteId}',
      tags,
      security,
      middleware,
      summary: 'One saved report setup',
      request: { params },
      responses: { 200: jsonResponse(FavoriteSchema, 'The favorite'), ...errors },
    }),
    async (c) => c.json(await findFavorite(partnerContext(c), c.req.valid('param').favoriteId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'renameReportFavorite',
      method: 'patch',
      path: '/v1/partner/reports/favorites/{favoriteId}',
      tags,
      security,
      middleware,
      summary: 'Rename a saved report setup (its question stays as saved)',
      request: { params, body: jsonBody(RenameFavoriteSchema) },
      responses: { 200: jsonResponse(FavoriteSchema, 'The renamed favorite'), ...errors, ...bodyProblems },
    }),
    async (c) =>
      c.json(
        await renameFavorite(partnerContext(c), {
          favoriteId: c.req.valid('param').favoriteId,
          ...c.req.valid('json'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'deleteReportFavorite',
      method: 'delete',
      path: '/v1/partner/reports/favorites/{favoriteId}',
      tags,
      security,
      middleware,
      summary: 'Delete a saved report setup',
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteFavorite(partnerContext(c), c.req.valid('param').favoriteId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      operationId: 'exportReportFavorite',
      method: 'get',
      path: '/v1/partner/reports/favorites/{favoriteId}/export',
      tags,
      security,
      middleware,
      summary: 'Download a saved report setup’s report (every row; a relative period resolves now)',
      description:
        'The file `GET /v1/partner/reports/performance/export` gives for the saved question, in the formats it offers. ' +
        'A saved question the report no longer takes (a metric the operator has hidden since) is a 422 naming the field.',
      request: { params, query: FavoriteExportQuerySchema },
      responses: {
        200: {
          description: 'The file (as the performance export answers it)',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: ReportSchema },
            'application/xml': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
        ...errors,
        422: problemResponses[422],
      },
    }),
    async (c) => {
      const file = await exportFavorite(partnerContext(c), {
        favoriteId: c.req.valid('param').favoriteId,
        ...c.req.valid('query'),
      });
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      });
    },
  );
