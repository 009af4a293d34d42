/**
 * The ledger's transfers as a list: one partner's or the whole operator's, newest first, in pages,
 * optionally narrowed (reason, action, currency, amount, time) for the wallet's transactions list.
 */
import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import type { LedgerTransfer } from './service.ts';
import { ledgerAccounts, ledgerTransfers, type TransferAction, type TransferReason } from './table.ts';

/** Amounts in one currency's minor units, both ends inclusive (either may be absent). */
export interface AmountRange {
  currency: string;
  min?: number | undefined;
  max?: number | undefined;
}

export interface ListTransfersInput {
  /** Only this partner's transfers; all of the operator's when absent. */
  partnerId?: string;
  /** Only these reasons (any when absent or empty). */
  reasons?: readonly TransferReason[] | undefined;
  action?: TransferAction | undefined;
  currency?: string | undefined;
  /**
   * Amount limits per currency, any of them matching: minor units mean something else in each
   * currency, so a limit given in words ("from 10") arrives as one range per currency.
   */
  amounts?: readonly AmountRange[] | undefined;
  /** Posted at or after this instant, and before `postedBefore`. */
  postedFrom?: Date | undefined;
  postedBefore?: Date | undefined;
  /**
   * Only transfers that move the partner's available money: a paid cash-out's payout (pending →
   * the operator) changes nothing the partner may be paid, so the wallet's list leaves it out.
   */
  touchingAvailable?: boolean | undefined;
  /** Paging: transfers older than this transfer id (the previous page's `nextBefore`). */
  before?: string | undefined;
  /** 1 to 200 (default 50). */
  limit?: number | undefined;
}

const amountIn = (range: AmountRange) =>
  and(
    eq(ledgerTransfers.currency, range.currency),
    range.min !== undefined ? gte(ledgerTransfers.amount, range.min) : undefined,
    range.max !== undefined ? lte(ledgerTransfers.amount, range.max) : undefined,
  );

const touchesAvailable = sql`exists (select 1 from ${ledgerAccounts} where ${ledgerAccounts.kind} = 'available'
  and ${ledgerAccounts.id} in (${ledgerTransfers.debitAccountId}, ${ledgerTransfers.creditAccountId}))`;

/**
 * Newest first, by id (ids begin with their time), along the ledger_transfers_partner / _operator
 * index; the filters are checked on the rows the index walks (EXPLAIN QUERY PLAN in ledger.test.ts).
 */
export async function listTransfers(
  ctx: TenantRead,
  input: ListTransfersInput = {},
): Promise<{ data: LedgerTransfer[]; nextBefore: string | null }> {
  const limit = Math.min(200, Math.max(1, Math.trunc(input.limit ?? 50)));
  // No range can match: nothing matches (an empty `or` would match everything).
  if (input.amounts && input.amounts.length === 0) return { data: [], nextBefore: null };
  const rows = await ctx.db
    .select()
    .from(ledgerTransfers)
    .where(
      and(
        eq(ledgerTransfers.operatorId, ctx.operatorId),
        input.partnerId !== undefined ? eq(ledgerTransfers.partnerId, input.partnerId) : undefined,
        input.reasons?.length ? inArray(ledgerTransfers.reason, [...input.reasons]) : undefined,
        input.action !== undefined ? eq(ledgerTransfers.action, input.action) : undefined,
        input.currency !== undefined ? eq(ledgerTransfers.currency, input.currency) : undefined,
        input.amounts ? or(...input.amounts.map(amountIn)) : undefined,
        input.postedFrom !== undefined ? gte(ledgerTransfers.createdAt, input.postedFrom) : undefined,
        input.postedBefore !== undefined ? lt(ledgerTransfers.createdAt, input.postedBefore) : undefined,
        input.before !== undefined ? lt(ledgerTransfers.id, input.before) : undefined,
        input.touchingAvailable ? touchesAvailable : undefined,
      ),
    )
    .orderBy(desc(ledgerTransfers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}
