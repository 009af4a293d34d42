/** Requested reports: a partner asks for the performance report as a file built in the background, lists, renames and downloads them. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, type AppEnv } from '../../http/deps.ts';
import { DomainError } from '../../lib/errors.ts';
import { IdParams } from '../identity/schemas.ts';
import { requestReport } from './request-report.ts';
import {
  getRequestedReport,
  listRequestedReports,
  openRequestedReportFile,
  renameRequestedReport,
} from './requested-reports.ts';
import {
  IdempotencyHeaderSchema,
  RenameRequestedReportSchema,
  RequestReportSchema,
  RequestedReportListQuerySchema,
  RequestedReportListSchema,
  RequestedReportSchema,
} from './schemas.ts';

const tags = ['Partner statistics'];
const middleware = [requirePartnerSession({ component: 'statistics' })];
const params = IdParams('requestId');
const errors = { 401: problemResponses[401], 403: problemResponses[403], 422: problemResponses[422] };
const one = jsonResponse(RequestedReportSchema, 'The requested report');

/** The file store the edge built; without one (a script's deps) nothing can be stored or served. */
function filesOf(c: Context<AppEnv>) {
  const files = c.var.deps.files;
  if (!files) throw new DomainError('unavailable', 'This server has no file store for report files');
  return files;
}

export const requestedReportRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'requestReport',
      method: 'post',
      path: '/v1/partner/reports/requested',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'Ask for the performance report as a file built in the background (zipped CSV or XLSX)',
      description:
        'For reports too big to wait for. The request is answered at once (`processing`); a job runs the question ' +
        'page by page, stores the file and e-mails the user who asked a link to the request’s page in the portal. ' +
        '`csv_zip`: a zip of rows.csv and totals.csv (UTF-8 with a byte-order mark, the columns of the CSV export); ' +
        '`xlsx`: one workbook, a rows sheet and a totals sheet (bounded in cells: a bigger report fails with the ' +
        'reason). A question the report refuses fails with the reason. Without a name it takes the favorite’s ' +
        '(`favoriteId`) or is named after the question. The same `Idempotency-Key` answers the same request (200) and builds nothing more.',
      request: { headers: IdempotencyHeaderSchema, body: jsonBody(RequestReportSchema) },
      responses: {
        201: jsonResponse(RequestedReportSchema, 'The request, processing'),
        200: jsonResponse(RequestedReportSchema, 'The request made before with this key'),
        ...errors,
        ...bodyProblems,
        503: problemResponses[503],
      },
    }),
    async (c) => {
      filesOf(c);
      const { report, created } = await requestReport(partnerContext(c), {
        ...c.req.valid('json'),
        idempotencyKey: c.req.valid('header')['idempotency-key'],
      });
      return created ? c.json(report, 201) : c.json(report, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listRequestedReports',
      method: 'get',
      path: '/v1/partner/reports/requested',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'The partner’s requested reports (every user’s), newest first, with paging',
      request: { query: RequestedReportListQuerySchema },
      responses: { 200: jsonResponse(RequestedReportListSchema, 'A page of requested reports'), ...errors },
    }),
    async (c) => c.json(await listRequestedReports(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getRequestedReport',
      method: 'get',
      path: '/v1/partner/reports/requested/{requestId}',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'One requested report: its state, question, resolved period, who asked, size and expiry',
      request: { params },
      responses: { 200: one, ...errors, 404: problemResponses[404] },
    }),
    async (c) => c.json(await getRequestedReport(partnerContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'renameRequestedReport',
      method: 'patch',
      path: '/v1/partner/reports/requested/{requestId}',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'Rename a requested report (1–100 characters)',
      request: { params, body: jsonBody(RenameRequestedReportSchema) },
      responses: { 200: one, ...errors, 404: problemResponses[404], ...bodyProblems },
    }),
    async (c) =>
      c.json(await renameRequestedReport(partnerContext(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  )
  .openapi(
    createRoute({
      operationId: 'downloadRequestedReport',
      method: 'get',
      path: '/v1/partner/reports/requested/{requestId}/file',
      tags,
      security: partnerSecurity,
      middleware,
      summary: 'Download a requested report’s file',
      description:
        'Answered with `content-disposition: attachment; filename="<name-slug>-<id>.zip|xlsx"` and ' +
        '`cache-control: private, no-store`. 409 while it is being built (`params.state` = `not_ready`) or when it ' +
        'failed (`failed`); 410 once the file is past its retention time (`expired`). Partner sessions only.',
      request: { params },
      responses: {
        200: {
          description: 'The file',
          content: {
            'application/zip': { schema: { type: 'string', format: 'binary' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
        ...errors,
        404: problemResponses[404],
        409: problemResponses[409],
        410: problemResponses[410],
        503: problemResponses[503],
      },
    }),
    async (c) => {
      const file = await openRequestedReportFile({ ...partnerContext(c), files: filesOf(c) }, c.req.valid('param'));
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-length': String(file.size),
        'content-disposition': `attachment; filename="${file.filename}"`,
        // A partner's figures: no shared cache keeps a copy.
        'cache-control': 'private, no-store',
      });
    },
  );
