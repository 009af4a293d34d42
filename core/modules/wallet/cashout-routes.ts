/** Cash-outs: the partner asks for and cancels its own; the operator lists them, marks them paid, cancels and refunds. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { IdParams } from '../identity/schemas.ts';
import { cancelCashOut, cancelOwnCashOut, markCashOutPaid, refundCashOut, requestCashOut } from './cashouts.ts';
import {
  CashOutExportQuerySchema,
  CashOutExportSchema,
  CashOutListSchema,
  CashOutPaidSchema,
  CashOutQuerySchema,
  CashOutRequestSchema,
  CashOutSchema,
  OperatorCashOutQuerySchema,
} from './cashout-schemas.ts';
import { exportCashOuts } from './export-cash-outs.ts';
import { listCashOuts, listOwnCashOuts } from './list-cash-outs.ts';

const operatorTags = ['Operator: wallet'];
const partnerTags = ['Partner wallet'];
const middleware = [requireOperatorKey];
const partnerMiddleware = [requirePartnerSession({ component: 'wallet' })];
// Analysts see the cash-outs; asking for one or cancelling it is for the money roles (as payment details are).
const moneyMiddleware = [requirePartnerSession({ component: 'wallet', roles: ['owner', 'admin', 'finance'] })];
const params = IdParams('cashOutId');
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const moveErrors = { ...errors, 409: problemResponses[409] };
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403], 422: problemResponses[422] };
const moved = jsonResponse(CashOutSchema, 'The cash-out in its new state');

const operatorMove = <P extends string>(operationId: string, path: P, summary: string) =>
  createRoute({
    operationId,
    method: 'post',
    path,
    tags: operatorTags,
    security: operatorKeySecurity,
    middleware,
    summary,
    request: { params },
    responses: { 200: moved, ...moveErrors },
  });

export const cashOutRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'requestCashOut',
      method: 'post',
      path: '/v1/partner/wallet/cash_outs',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: moneyMiddleware,
      summary:
        'Withdraw to one of your payment accounts (2FA code required): the amount is held (available → pending) at once. ' +
        'The same idempotency key answers the same cash-out (200) and moves nothing twice',
      request: { body: jsonBody(CashOutRequestSchema) },
      responses: {
        201: jsonResponse(CashOutSchema, 'The cash-out, pending'),
        200: jsonResponse(CashOutSchema, 'The cash-out asked for before with this key'),
        ...partnerErrors,
        423: problemResponses[423],
        ...bodyProblems,
      },
    }),
    async (c) => {
      const { cashOut, created } = await requestCashOut(partnerContext(c), c.req.valid('json'));
      return created ? c.json(cashOut, 201) : c.json(cashOut, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listOwnCashOuts',
      method: 'get',
      path: '/v1/partner/wallet/cash_outs',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerMiddleware,
      summary: 'This partner’s cash-outs, newest first, by state, with paging',
      request: { query: CashOutQuerySchema },
      responses: { 200: jsonResponse(CashOutListSchema, 'A page of cash-outs'), ...partnerErrors },
    }),
    async (c) => c.json(await listOwnCashOuts(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'cancelOwnCashOut',
      method: 'post',
      path: '/v1/partner/wallet/cash_outs/{cashOutId}/cancel',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: moneyMiddleware,
      summary: 'Cancel your cash-out while it is pending: the amount goes back to available',
      request: { params },
      responses: { 200: moved, ...partnerErrors, 404: problemResponses[404], 409: problemResponses[409] },
    }),
    async (c) => c.json(await cancelOwnCashOut(partnerContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listCashOuts',
      method: 'get',
      path: '/v1/cash_outs',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: 'Cash-outs of every partner (or one), newest first, by state, with paging: the payment run',
      request: { query: OperatorCashOutQuerySchema },
      responses: { 200: jsonResponse(CashOutListSchema, 'A page of cash-outs'), ...errors },
    }),
    async (c) => c.json(await listCashOuts(tenantContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'exportCashOuts',
      method: 'get',
      path: '/v1/cash_outs/export',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary:
        'The payment run as a CSV file (pending cash-outs unless `state` says otherwise; every page, up to 10,000 rows): ' +
        'it holds each payee’s FULL, decrypted payment details, since the operator pays from it. Keep it like a ' +
        'bank file: download it only where it is needed and delete it after the run',
      request: { query: CashOutExportQuerySchema },
      responses: {
        200: {
          description: 'The CSV file (`content-disposition: attachment; filename="cash-outs-<date>.csv"`)',
          content: { 'text/csv': { schema: CashOutExportSchema } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { csv } = await exportCashOuts(ctx, c.req.valid('query'));
      const date = ctx.clock.now().toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="cash-outs-${date}.csv"`,
        // Payee details in full: no cache may keep a copy.
        'cache-control': 'no-store',
      });
    },
  )
  .openapi(
    createRoute({
      operationId: 'markCashOutPaid',
      method: 'post',
      path: '/v1/cash_outs/{cashOutId}/success',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: 'Mark a pending cash-out paid, with the payment system’s reference: the held amount is paid out',
      request: { params, body: jsonBody(CashOutPaidSchema) },
      responses: { 200: moved, ...moveErrors, ...bodyProblems },
    }),
    async (c) =>
      c.json(await markCashOutPaid(tenantContext(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  )
  .openapi(
    operatorMove(
      'cancelCashOut',
      '/v1/cash_outs/{cashOutId}/cancel',
      'Cancel a pending cash-out: the amount goes back to the partner’s available balance',
    ),
    async (c) => c.json(await cancelCashOut(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    operatorMove(
      'refundCashOut',
      '/v1/cash_outs/{cashOutId}/refund',
      'Refund a paid cash-out (the payment came back): the amount returns to available as a refund',
    ),
    async (c) => c.json(await refundCashOut(tenantContext(c), c.req.valid('param')), 200),
  );
