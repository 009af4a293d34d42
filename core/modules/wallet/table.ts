/**
 * The wallet's one table: cash-outs. The money is the ledger's (a cash-out's hold, release, payout
 * and refund are transfers whose reference is the cash-out's id); this row is the request and its
 * state. The database keeps it whole across processes: one cash-out per (partner, idempotency
 * key), a positive amount, and a state moved only by conditional updates (cashouts.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** pending → success | cancelled; success → refunded. */
export const CASH_OUT_STATES = ['pending', 'success', 'cancelled', 'refunded'] as const;
export type CashOutState = (typeof CASH_OUT_STATES)[number];

export const cashOuts = sqliteTable(
  'cash_outs',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id').notNull(),
    /** The partner's payment account and its method, named as they read when asked (they may be deleted later). */
    paymentAccountId: text('payment_account_id').notNull(),
    methodId: text('method_id').notNull(),
    methodName: text('method_name').notNull(),
    accountSummary: text('account_summary').notNull(),
    currency: text('currency').notNull(),
    /** Integer minor units of `currency`. */
    amount: integer('amount').notNull(),
    state: text('state', { enum: CASH_OUT_STATES }).notNull(),
    /** The partner's key for this request: a retried click answers the same cash-out. */
    idempotencyKey: text('idempotency_key').notNull(),
    requestedByUserId: text('requested_by_user_id'),
    /** The payment system's reference, given by the operator on success. */
    reference: text('reference'),
    cancelledBy: text('cancelled_by', { enum: ['partner', 'operator'] }),
    /** The attempt that made the last state change: that change's ledger transfer and audit entry go in only with it. */
    changedBy: text('changed_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('cash_outs_key').on(t.operatorId, t.partnerId, t.idempotencyKey),
    // Newest first by id (ids begin with their time): the partner's list and the operator's.
    index('cash_outs_partner').on(t.operatorId, t.partnerId, t.id),
    index('cash_outs_operator').on(t.operatorId, t.state, t.id),
    check('cash_outs_amount_positive', sql`typeof(${t.amount}) = 'integer' and ${t.amount} > 0`),
    check('cash_outs_state', sql`${t.state} in ('pending', 'success', 'cancelled', 'refunded')`),
  ],
);

export type CashOutRow = typeof cashOuts.$inferSelect;
