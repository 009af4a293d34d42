/** The ledger's transfers as a list: one partner's or the whole operator's, newest first, in pages. */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import type { LedgerTransfer } from './service.ts';
import { ledgerTransfers } from './table.ts';

export interface ListTransfersInput {
  /** Only this partner's transfers; all of the operator's when absent. */
  partnerId?: string;
  /** Paging: transfers older than this transfer id (the previous page's `nextBefore`). */
  before?: string;
  /** 1 to 200 (default 50). */
  limit?: number;
}

/** Newest first, by id (ids begin with their time), along the ledger_transfers_partner / _operator index. */
export async function listTransfers(
  ctx: TenantRead,
  input: ListTransfersInput = {},
): Promise<{ data: LedgerTransfer[]; nextBefore: string | null }> {
  const limit = Math.min(200, Math.max(1, Math.trunc(input.limit ?? 50)));
  const rows = await ctx.db
    .select()
    .from(ledgerTransfers)
    .where(
      and(
        eq(ledgerTransfers.operatorId, ctx.operatorId),
        input.partnerId !== undefined ? eq(ledgerTransfers.partnerId, input.partnerId) : undefined,
        input.before !== undefined ? lt(ledgerTransfers.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(ledgerTransfers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}
