/**
 * What other modules may know about partner accounts. Identity owns `partners` and `users`;
 * catalog (plan assignment) and tracking (sub-affiliate links) ask here instead of reading them.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { TenantContext, TenantRead } from '../../lib/context.ts';
import { partners } from './table.ts';

/** Whether this is a partner account of the operator (any status). One query. */
export async function partnerExists(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
  partnerId: string,
): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.operatorId, ctx.operatorId), eq(partners.id, partnerId)));
  return Boolean(row);
}

/** Whether this partner of the operator is active (approved, not blocked): money leaves only for those. */
export async function isPartnerActive(ctx: Pick<TenantContext, 'db' | 'operatorId'>, partnerId: string) {
  const [row] = await ctx.db
    .select({ status: partners.status })
    .from(partners)
    .where(and(eq(partners.operatorId, ctx.operatorId), eq(partners.id, partnerId)));
  return row?.status === 'active';
}

/**
 * The referral code of the partner whose id is in `partnerId` (the caller's column), as an SQL
 * expression for the caller's own select (a scalar subquery on the primary key): null when there
 * is no such partner, since every partner has one.
 */
export const partnerReferralCodeOf = (partnerId: SQLWrapper): SQL<string | null> =>
  // Nested in an outer sql`` so drizzle keeps the columns table-qualified (it writes a one-table select list's columns bare).
  sql<string | null>`${sql`(select ${partners.referralCode} from ${partners} where ${partners.id} = ${partnerId})`}`;

/** The names of these partners of the operator, by id (operator reports name their rows). One query per chunk. */
export async function partnerNames(ctx: TenantRead, partnerIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await selectInChunks(
    partnerIds,
    (ids) =>
      ctx.db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(and(eq(partners.operatorId, ctx.operatorId), inArray(partners.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((p) => [p.id, p.name]));
}
