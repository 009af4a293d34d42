/**
 * What a partner earned from each sub-affiliate: the `sub_affiliate` lines of its own sub-affiliate
 * bills, by the sub-partner and level each line names, per currency. The bills count as the
 * reports count them (commission-totals.ts): period starting in the range, priced, not cancelled.
 * Corrections are on a bill as a whole, never on one sub-partner's line, so they are not in here
 * (the performance report's commissions show them).
 */
import { and, eq, gte, isNull, lte, ne, sql } from 'drizzle-orm';
import type { PartnerRead } from '../../lib/context.ts';
import { billLines, bills } from './table.ts';

export interface SubAffiliateEarning {
  subPartnerId: string;
  /** The level the line paid for, as the bill was cut. */
  level: number;
  currency: string;
  minor: number;
}

export async function sumSubAffiliateEarnings(
  ctx: PartnerRead,
  input: { from: string; to: string },
): Promise<SubAffiliateEarning[]> {
  const subPartner = sql<string>`json_extract(${billLines.detail}, '$.subPartnerId')`;
  const level = sql<number>`json_extract(${billLines.detail}, '$.level')`;
  const rows = await ctx.db
    .select({
      subPartnerId: subPartner,
      level,
      currency: bills.currency,
      minor: sql<number>`sum(${billLines.amountMinor})`,
    })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(
      and(
        eq(bills.operatorId, ctx.operatorId),
        eq(bills.partnerId, ctx.partner.partnerId),
        eq(bills.source, 'sub_affiliates'),
        gte(bills.periodStart, input.from),
        lte(bills.periodStart, input.to),
        ne(bills.state, 'cancelled'),
        isNull(bills.waitingFor),
        eq(billLines.kind, 'sub_affiliate'),
      ),
    )
    .groupBy(subPartner, level, bills.currency);
  return rows
    .filter((r) => r.subPartnerId && Number(r.minor) !== 0)
    .map((r) => ({
      subPartnerId: String(r.subPartnerId),
      level: Number(r.level),
      currency: r.currency,
      minor: Number(r.minor),
    }));
}
