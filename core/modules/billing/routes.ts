/** Bills: the operator's list, detail, state changes, corrections and billing runs; the partner's own bills. */
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
import { addBillCorrection, changeBillState } from './bill-actions.ts';
import { getBill, getPartnerBill, listBills, listPartnerBills, type BillQuery } from './list-bills.ts';
import { runBilling } from './run-billing.ts';
import type { BillState } from './table.ts';
import {
  BillActionSchema,
  BillCorrectionSchema,
  BillDetailSchema,
  BillingRunResultSchema,
  BillingRunSchema,
  BillListQuerySchema,
  BillListSchema,
  OperatorBillListQuerySchema,
} from './schemas.ts';

const tags = ['Operator: bills'];
const security = operatorKeySecurity;
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const billParams = IdParams('billId');
const partnerMiddleware = [requirePartnerSession({ component: 'bills' })];
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403], 422: problemResponses[422] };

const queryOf = <Q extends { state?: string | undefined; limit: number }>(q: Q): Omit<Q, 'state'> & BillQuery => ({
  ...q,
  state: q.state?.split(',') as BillState[] | undefined,
});

export const billingRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listBills',
      method: 'get',
      path: '/v1/bills',
      tags,
      security,
      middleware,
      summary:
        'Bills by period start (newest first), with totals per currency of the bills that match (cancelled left out)',
      request: { query: OperatorBillListQuerySchema },
      responses: { 200: jsonResponse(BillListSchema, 'A page of bills'), ...errors },
    }),
    async (c) => c.json(await listBills(tenantContext(c), queryOf(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getBill',
      method: 'get',
      path: '/v1/bills/{billId}',
      tags,
      security,
      middleware,
      summary: 'A bill with its lines (in words) and corrections',
      request: { params: billParams },
      responses: { 200: jsonResponse(BillDetailSchema, 'The bill'), ...errors },
    }),
    async (c) => c.json(await getBill(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'changeBillState',
      method: 'post',
      path: '/v1/bills/{billId}/state',
      tags,
      security,
      middleware,
      summary:
        'Approve (credits the partner’s balance once), hold, cancel, or mark an approved bill paid. ' +
        'Pending → approved | on_hold | cancelled; on_hold → approved | cancelled; approved → paid',
      request: { params: billParams, body: jsonBody(BillActionSchema) },
      responses: {
        200: jsonResponse(BillDetailSchema, 'The bill'),
        ...errors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { billId } = c.req.valid('param');
      await changeBillState(ctx, { billId, ...c.req.valid('json') });
      return c.json(await getBill(ctx, { billId }), 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'addBillCorrection',
      method: 'post',
      path: '/v1/bills/{billId}/corrections',
      tags,
      security,
      middleware,
      summary:
        'Add to or subtract from a pending, held or approved bill (never below zero); on an approved bill the partner’s balance moves at once',
      request: { params: billParams, body: jsonBody(BillCorrectionSchema) },
      responses: {
        201: jsonResponse(BillDetailSchema, 'The bill'),
        ...errors,
        ...bodyProblems,
        409: problemResponses[409],
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { billId } = c.req.valid('param');
      await addBillCorrection(ctx, { billId, ...c.req.valid('json') });
      return c.json(await getBill(ctx, { billId }), 201);
    },
  )
  .openapi(
    createRoute({
      operationId: 'runBilling',
      method: 'post',
      path: '/v1/billing/runs',
      tags,
      security,
      middleware,
      summary:
        'Run billing now: qualify players, bill every closed period not billed yet, price bills waiting for a rate. Safe to repeat',
      request: { body: jsonBody(BillingRunSchema) },
      responses: { 200: jsonResponse(BillingRunResultSchema, 'What the run did'), ...errors, ...bodyProblems },
    }),
    async (c) => c.json(await runBilling(tenantContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerBills',
      method: 'get',
      path: '/v1/partner/bills',
      tags: ['Partner bills'],
      security: partnerSecurity,
      middleware: partnerMiddleware,
      summary: 'This partner’s bills by period start (newest first), with totals per currency',
      request: { query: BillListQuerySchema },
      responses: { 200: jsonResponse(BillListSchema, 'A page of bills'), ...partnerErrors },
    }),
    async (c) => c.json(await listPartnerBills(partnerContext(c), queryOf(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerBill',
      method: 'get',
      path: '/v1/partner/bills/{billId}',
      tags: ['Partner bills'],
      security: partnerSecurity,
      middleware: partnerMiddleware,
      summary: 'One of this partner’s bills with its lines (in words) and corrections',
      request: { params: billParams },
      responses: { 200: jsonResponse(BillDetailSchema, 'The bill'), ...partnerErrors, 404: problemResponses[404] },
    }),
    async (c) => c.json(await getPartnerBill(partnerContext(c), c.req.valid('param')), 200),
  );
