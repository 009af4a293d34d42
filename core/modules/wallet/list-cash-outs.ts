/** Cash-outs as lists: the partner's own and the operator's, newest first in pages (keyset by id). */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { PartnerRead, TenantRead } from '../../lib/context.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { cashOuts, type CashOutRow, type CashOutState } from './table.ts';

export function presentCashOut(row: CashOutRow) {
  return {
    id: row.id,
    partnerId: row.partnerId,
    state: row.state,
    amount: formatMoney(money(row.amount, row.currency)),
    currency: row.currency,
    paymentAccount: {
      id: row.paymentAccountId,
      summary: row.accountSummary,
      method: { id: row.methodId, name: row.methodName },
    },
    idempotencyKey: row.idempotencyKey,
    reference: row.reference,
    cancelledBy: row.cancelledBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CashOut = ReturnType<typeof presentCashOut>;

export interface CashOutQuery {
  state?: CashOutState | undefined;
  limit: number;
  /** The previous page's `nextBefore`. */
  before?: string | undefined;
}

async function listWhere(ctx: TenantRead, q: CashOutQuery & { partnerId?: string | undefined }) {
  const rows = await ctx.db
    .select()
    .from(cashOuts)
    .where(
      and(
        eq(cashOuts.operatorId, ctx.operatorId),
        q.partnerId ? eq(cashOuts.partnerId, q.partnerId) : undefined,
        q.state ? eq(cashOuts.state, q.state) : undefined,
        q.before ? lt(cashOuts.id, q.before) : undefined,
      ),
    )
    .orderBy(desc(cashOuts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { data: page.map(presentCashOut), nextBefore: rows.length > q.limit ? page.at(-1)!.id : null };
}

/** The signed-in partner's cash-outs. */
export const listOwnCashOuts = (ctx: PartnerRead, query: CashOutQuery) =>
  listWhere(ctx, { ...query, partnerId: ctx.partner.partnerId });

/** The operator's cash-outs, of every partner or of one (an unknown or another operator's partner lists nothing). */
export const listCashOuts = (ctx: TenantRead, query: CashOutQuery & { partnerId?: string | undefined }) =>
  listWhere(ctx, query);
