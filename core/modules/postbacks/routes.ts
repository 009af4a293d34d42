/** Partner routes for postback configurations and the editor's live template check. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { IdParams } from '../identity/schemas.ts';
import {
  CreatePostbackSchema,
  PostbackListSchema,
  PostbackLogQuerySchema,
  PostbackLogSchema,
  PostbackPreviewSchema,
  PostbackQuerySchema,
  PostbackSchema,
  PreviewPostbackSchema,
  SendTestSchema,
  TemplateCheckSchema,
  TestResultSchema,
  UpdatePostbackSchema,
  ValidateTemplateSchema,
} from './schemas.ts';
import { listPostbackLog } from './postback-log.ts';
import { previewPostback, sendTestPostback } from './send-test.ts';
import { createPostback, deletePostback, listPostbacks, updatePostback } from './service.ts';
import { BUILT_IN_MACROS, validatePostbackTemplate } from './template.ts';

const tags = ['Partner postbacks'];
const security = partnerSecurity;
const readers = [requirePartnerSession({ component: 'postbacks' })];
const writers = [requirePartnerSession({ component: 'postbacks', roles: ['owner', 'admin'] })];
const errors = {
  401: problemResponses[401],
  403: problemResponses[403],
  404: problemResponses[404],
  409: problemResponses[409],
  422: problemResponses[422],
  429: problemResponses[429],
};
const params = IdParams('postbackId');

const router = createRouter();

export const postbackRoutes = router
  .openapi(
    createRoute({
      operationId: 'listPostbacks',
      method: 'get',
      path: '/v1/partner/postbacks',
      tags,
      security,
      middleware: readers,
      summary: 'Postbacks by scope, campaign or promo',
      request: { query: PostbackQuerySchema },
      responses: { 200: jsonResponse(PostbackListSchema, 'Postbacks'), ...errors },
    }),
    async (c) => c.json({ data: await listPostbacks(partnerContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createPostback',
      method: 'post',
      path: '/v1/partner/postbacks',
      tags,
      security,
      middleware: writers,
      summary: 'Create a postback; template errors answer 422 naming each problem and its position',
      request: { body: jsonBody(CreatePostbackSchema) },
      responses: { ...bodyProblems, 201: jsonResponse(PostbackSchema, 'Postback'), ...errors },
    }),
    async (c) => c.json(await createPostback(partnerContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'updatePostback',
      method: 'patch',
      path: '/v1/partner/postbacks/{postbackId}',
      tags,
      security,
      middleware: writers,
      summary: 'Change the URL, method or body format; enable or disable',
      request: { params, body: jsonBody(UpdatePostbackSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(PostbackSchema, 'Postback'), ...errors },
    }),
    async (c) =>
      c.json(
        await updatePostback(partnerContext(c), {
          ...c.req.valid('json'),
          postbackId: c.req.valid('param').postbackId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'deletePostback',
      method: 'delete',
      path: '/v1/partner/postbacks/{postbackId}',
      tags,
      security,
      middleware: writers,
      summary: 'Delete a postback',
      request: { params },
      responses: {
        200: jsonResponse(z.object({ deleted: z.number().int() }).openapi('Deleted'), 'Deleted'),
        ...errors,
      },
    }),
    async (c) => c.json(await deletePostback(partnerContext(c), c.req.valid('param').postbackId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'validatePostbackTemplate',
      method: 'post',
      path: '/v1/partner/postbacks/validate',
      tags,
      security,
      middleware: readers,
      summary: 'Check a URL template as the editor types: every problem with its position',
      request: { body: jsonBody(ValidateTemplateSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(TemplateCheckSchema, 'Problems (empty: fine)'), ...errors },
    }),
    async (c) => {
      const { url, scope } = c.req.valid('json');
      return c.json({ problems: validatePostbackTemplate(url, { scope }), builtIns: [...BUILT_IN_MACROS] }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listPostbackLog',
      method: 'get',
      path: '/v1/partner/postbacks/log',
      tags,
      security,
      middleware: readers,
      summary:
        'Every delivery attempt, newest first; filter by time, URL (partial), action, response code, campaign name (partial) or id, promo code or id',
      request: { query: PostbackLogQuerySchema },
      responses: { 200: jsonResponse(PostbackLogSchema, 'Attempts'), ...errors },
    }),
    async (c) => c.json(await listPostbackLog(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'previewPostback',
      method: 'post',
      path: '/v1/partner/postbacks/preview',
      tags,
      security,
      middleware: readers,
      summary: 'Render a template with a recent real click of the scope (or sample values); nothing is sent',
      request: { body: jsonBody(PreviewPostbackSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(PostbackPreviewSchema, 'Rendered request'), ...errors },
    }),
    async (c) => c.json(await previewPostback(partnerContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'sendTestPostback',
      method: 'post',
      path: '/v1/partner/postbacks/{postbackId}/test',
      tags,
      security,
      middleware: writers,
      summary: 'Send one test attempt now (after the partner saw the preview and confirmed); logged as a test',
      request: { params, body: jsonBody(SendTestSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(TestResultSchema, "The receiver's answer"), ...errors },
    }),
    async (c) =>
      c.json(
        await sendTestPostback(partnerContext(c), {
          postbackId: c.req.valid('param').postbackId,
          clickId: c.req.valid('json').clickId,
        }),
        200,
      ),
  );
