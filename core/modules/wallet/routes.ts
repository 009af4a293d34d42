/** The wallet: the partner's own balances and transactions; the operator's view of a partner's, and balance corrections. */
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
import { cashOutRoutes } from './cashout-routes.ts';
import { correctBalance } from './correct-balance.ts';
import { listPartnerWalletTransactions, listWalletTransactions } from './list-wallet-transactions.ts';
import {
  BalanceCorrectionSchema,
  WalletBalancesSchema,
  WalletTransactionListSchema,
  WalletTransactionQuerySchema,
  WalletTransactionSchema,
} from './schemas.ts';
import { getBalances, getPartnerBalances } from './service.ts';

const operatorTags = ['Operator: wallet'];
const partnerTags = ['Partner wallet'];
const middleware = [requireOperatorKey];
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };
const partnerParams = IdParams('partnerId');
const partnerMiddleware = [requirePartnerSession({ component: 'wallet' })];
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403], 422: problemResponses[422] };

export const walletRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'getWalletBalances',
      method: 'get',
      path: '/v1/partner/wallet/balances',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerMiddleware,
      summary: 'This partner’s balance per currency: available, and pending (held for cash-outs)',
      responses: { 200: jsonResponse(WalletBalancesSchema, 'The balances'), ...partnerErrors },
    }),
    async (c) => c.json(await getBalances(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listWalletTransactions',
      method: 'get',
      path: '/v1/partner/wallet/transactions',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerMiddleware,
      summary:
        'This partner’s transactions, newest first (bills, balance corrections, cash-outs and refunds), with filters and paging',
      request: { query: WalletTransactionQuerySchema },
      responses: { 200: jsonResponse(WalletTransactionListSchema, 'A page of transactions'), ...partnerErrors },
    }),
    async (c) => c.json(await listWalletTransactions(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerWalletBalances',
      method: 'get',
      path: '/v1/partners/{partnerId}/wallet/balances',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary: 'A partner’s balance per currency: available, and pending (held for cash-outs)',
      request: { params: partnerParams },
      responses: { 200: jsonResponse(WalletBalancesSchema, 'The balances'), ...errors },
    }),
    async (c) => c.json(await getPartnerBalances(tenantContext(c), c.req.valid('param')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerWalletTransactions',
      method: 'get',
      path: '/v1/partners/{partnerId}/wallet/transactions',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary:
        'A partner’s transactions, newest first (bills, balance corrections, cash-outs and refunds), with filters and paging',
      request: { params: partnerParams, query: WalletTransactionQuerySchema },
      responses: { 200: jsonResponse(WalletTransactionListSchema, 'A page of transactions'), ...errors },
    }),
    async (c) =>
      c.json(
        await listPartnerWalletTransactions(tenantContext(c), { ...c.req.valid('query'), ...c.req.valid('param') }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'correctPartnerBalance',
      method: 'post',
      path: '/v1/partners/{partnerId}/wallet/corrections',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware,
      summary:
        'Add to or subtract from a partner’s available balance with a comment the partner reads (never below zero). ' +
        'The same idempotency key posts once and answers the same',
      request: { params: partnerParams, body: jsonBody(BalanceCorrectionSchema) },
      responses: {
        201: jsonResponse(WalletTransactionSchema, 'The correction, as the partner’s transactions list shows it'),
        ...errors,
        ...bodyProblems,
      },
    }),
    async (c) =>
      c.json(await correctBalance(tenantContext(c), { ...c.req.valid('json'), ...c.req.valid('param') }), 201),
  )
  .route('/', cashOutRoutes);
