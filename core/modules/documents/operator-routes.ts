/** Operator API: the review queue of partners' documents, a document's file, and the review (approve / decline). */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import { openDocumentFile } from './documents.ts';
import { answerDocumentFile, documentFileResponse, documentFilesOf } from './file-answer.ts';
import { findOperatorDocument, listDocumentQueue, reviewDocument } from './review.ts';
import {
  DocumentQueueQuerySchema,
  DocumentQueueSchema,
  OperatorDocumentSchema,
  ReviewDocumentSchema,
} from './schemas.ts';

const tags = ['Operator: documents'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const params = IdParams('documentId');
const errors = { 401: problemResponses[401], 404: problemResponses[404] };

export const operatorDocumentRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listDocuments',
      method: 'get',
      path: '/v1/documents',
      tags,
      security,
      middleware,
      summary: 'The review queue: partners’ documents, oldest first, by state and partner',
      description:
        'Without `status` every state is listed; `status=pending` is what waits for a review. Each document names ' +
        'its partner and the uploader’s e-mail.',
      request: { query: DocumentQueueQuerySchema },
      responses: {
        200: jsonResponse(DocumentQueueSchema, 'The documents'),
        401: problemResponses[401],
        422: problemResponses[422],
      },
    }),
    async (c) => c.json({ items: await listDocumentQueue(tenantContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getDocument',
      method: 'get',
      path: '/v1/documents/{documentId}',
      tags,
      security,
      middleware,
      summary: 'One partner document with its review',
      request: { params },
      responses: { 200: jsonResponse(OperatorDocumentSchema, 'The document'), ...errors },
    }),
    async (c) => c.json(await findOperatorDocument(tenantContext(c), c.req.valid('param').documentId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getDocumentFile',
      method: 'get',
      path: '/v1/documents/{documentId}/file',
      tags,
      security,
      middleware,
      summary: 'View a partner document’s file (shown inline, as its detected type)',
      request: { params },
      responses: { 200: documentFileResponse, ...errors, 503: problemResponses[503] },
    }),
    async (c) =>
      answerDocumentFile(
        c,
        await openDocumentFile(
          { ...tenantContext(c), files: documentFilesOf(c.var.deps.files) },
          { documentId: c.req.valid('param').documentId },
        ),
      ),
  )
  .openapi(
    createRoute({
      operationId: 'reviewDocument',
      method: 'post',
      path: '/v1/documents/{documentId}/review',
      tags,
      security,
      middleware,
      summary: 'Approve or decline a pending document (a comment is required to decline)',
      description:
        'Only a pending document can be reviewed: a second review (another reviewer was first) is a 409 with ' +
        '`params.status` and changes nothing. The partner’s team gets a notification and the uploader an e-mail.',
      request: { params, body: jsonBody(ReviewDocumentSchema) },
      responses: {
        200: jsonResponse(OperatorDocumentSchema, 'The reviewed document'),
        ...errors,
        409: problemResponses[409],
        ...bodyProblems,
      },
    }),
    async (c) =>
      c.json(
        await reviewDocument(tenantContext(c), {
          ...c.req.valid('json'),
          documentId: c.req.valid('param').documentId,
        }),
        200,
      ),
  );
