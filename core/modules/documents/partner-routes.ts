/** Partner documents: upload (multipart form: file + kind), list with the review's outcome, view the file, delete while pending. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { IdParams } from '../identity/schemas.ts';
import { deletePendingDocument, listPartnerDocuments, openDocumentFile, uploadDocument } from './documents.ts';
import { answerDocumentFile, documentFileResponse, documentFilesOf } from './file-answer.ts';
import {
  DeletedDocumentSchema,
  PartnerDocumentListSchema,
  PartnerDocumentSchema,
  UploadDocumentFormSchema,
} from './schemas.ts';

const tags = ['Partner documents'];
const security = partnerSecurity;
// Documents are account papers: embedded sessions reach them with the `profile` component. Every
// team member sees them; only the owner and admins upload and delete (finance and analysts read).
const readers = [requirePartnerSession({ component: 'profile' })];
const writers = [requirePartnerSession({ component: 'profile', roles: ['owner', 'admin'] })];
const params = IdParams('documentId');
const errors = { 401: problemResponses[401], 403: problemResponses[403] };

export const partnerDocumentRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listPartnerDocuments',
      method: 'get',
      path: '/v1/partner/documents',
      tags,
      security,
      middleware: readers,
      summary:
        'The partner’s documents, newest first, each pending, approved or declined (with the reviewer’s comment)',
      responses: { 200: jsonResponse(PartnerDocumentListSchema, 'The documents'), ...errors },
    }),
    async (c) => c.json({ items: await listPartnerDocuments(partnerContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'uploadPartnerDocument',
      method: 'post',
      path: '/v1/partner/documents',
      tags,
      security,
      middleware: writers,
      summary:
        'Upload a document for review: a multipart form with `file` (PDF, JPEG or PNG, at most 10 MB) and `kind`',
      description:
        'The type is read from the file’s bytes, not from its name or the part’s Content-Type: anything else (an ' +
        'executable renamed .pdf, say) is a 422 on `body.file` with `params.allowed`. An empty file is a 422 on ' +
        '`body.file` (`required`); a file over 10 MB a 413 (`params.maximum`). The document starts `pending`. ' +
        'Owner and admins only. 503 when this server has no file store.',
      request: {
        body: { required: true, content: { 'multipart/form-data': { schema: UploadDocumentFormSchema } } },
      },
      responses: {
        201: jsonResponse(PartnerDocumentSchema, 'The stored document, pending review'),
        ...errors,
        ...bodyProblems,
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const files = documentFilesOf(c.var.deps.files);
      const form = c.req.valid('form');
      // A plain text field named `file` is no file part.
      const file = form.file;
      if (!(file instanceof Blob)) throw fieldProblem('body.file', 'required', 'is missing: attach the file as `file`');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const fileName = file instanceof File ? file.name : '';
      return c.json(await uploadDocument({ ...partnerContext(c), files }, { kind: form.kind, fileName, bytes }), 201);
    },
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerDocumentFile',
      method: 'get',
      path: '/v1/partner/documents/{documentId}/file',
      tags,
      security,
      middleware: readers,
      summary: 'View a document’s file (shown inline, as its detected type)',
      request: { params },
      responses: {
        200: documentFileResponse,
        ...errors,
        404: problemResponses[404],
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const ctx = partnerContext(c);
      const opened = await openDocumentFile(
        { ...ctx, files: documentFilesOf(c.var.deps.files) },
        { documentId: c.req.valid('param').documentId, partnerId: ctx.partner.partnerId },
      );
      return answerDocumentFile(c, opened);
    },
  )
  .openapi(
    createRoute({
      operationId: 'deletePartnerDocument',
      method: 'delete',
      path: '/v1/partner/documents/{documentId}',
      tags,
      security,
      middleware: writers,
      summary: 'Delete a document while it waits for review (409 once it is approved or declined)',
      request: { params },
      responses: {
        200: jsonResponse(DeletedDocumentSchema, 'Deleted, with its file'),
        ...errors,
        404: problemResponses[404],
        409: problemResponses[409],
        503: problemResponses[503],
      },
    }),
    async (c) =>
      c.json(
        await deletePendingDocument(
          { ...partnerContext(c), files: documentFilesOf(c.var.deps.files) },
          c.req.valid('param').documentId,
        ),
        200,
      ),
  );
