/**
 * Commissions as reports and the dashboard show them: the bills themselves (not a second
 * calculation), so a report's commissions are exactly what was billed. Bills count when their
 * period starts in the range and they are priced and not cancelled; amounts per line kind (CPA,
 * CPL, RevShare with what was carried in, sub-affiliate shares) and corrections, per currency.
 */
import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { billCorrections, billLines, bills } from './table.ts';

export const COMMISSION_KINDS = ['cpa', 'cpl', 'revshare', 'sub_affiliate', 'correction'] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

export interface CommissionQuery {
  /** Local dates: bills whose period starts in [from, to]. */
  from: string;
  to: string;
  partnerIds?: string[] | undefined;
  brandIds?: string[] | undefined;
  planIds?: string[] | undefined;
}

export interface CommissionTotals {
  byKind: Array<{ kind: CommissionKind; currency: string; amount: string }>;
  total: Array<{ currency: string; amount: string }>;
}

const format = (minor: number, currency: string) => formatMoney(money(minor, currency));

/** The bills reports count: priced, not cancelled, their period starting in the range, within the filters. */
function countedBills(ctx: TenantRead, query: CommissionQuery) {
  return and(
    eq(bills.operatorId, ctx.operatorId),
    gte(bills.periodStart, query.from),
    lte(bills.periodStart, query.to),
    ne(bills.state, 'cancelled'),
    isNull(bills.waitingFor),
    query.partnerIds?.length ? inArray(bills.partnerId, query.partnerIds) : undefined,
    query.brandIds?.length ? inArray(bills.brandId, query.brandIds) : undefined,
    query.planIds?.length ? inArray(bills.planId, query.planIds) : undefined,
  );
}

/** One counted bill's commission (its lines and corrections), with what a report row places it by. */
export interface BillCommission {
  partnerId: string;
  brandId: string;
  planId: string;
  /** The local date its period starts on: a report counts the bill there. */
  periodStart: string;
  currency: string;
  amountMinor: number;
}

/** Each counted bill's commission: what report rows grouped by partner, brand, plan, month or year add up. */
export async function listBillCommissions(ctx: TenantRead, query: CommissionQuery): Promise<BillCommission[]> {
  return ctx.db
    .select({
      partnerId: bills.partnerId,
      brandId: bills.brandId,
      planId: bills.planId,
      periodStart: bills.periodStart,
      currency: bills.currency,
      // The bill's own figures: issued is the sum of its lines (carried-in NGR included), then its corrections.
      amountMinor: sql<number>`${bills.issuedMinor} + ${bills.correctionsMinor}`,
    })
    .from(bills)
    .where(countedBills(ctx, query));
}

export async function sumCommissions(ctx: TenantRead, query: CommissionQuery): Promise<CommissionTotals> {
  const counted = countedBills(ctx, query);
  // Carried-in lines take off RevShare: they count under it.
  const kind = sql<string>`case ${billLines.kind} when 'carry_in' then 'revshare' else ${billLines.kind} end`;
  const lines = await ctx.db
    .select({ kind, currency: bills.currency, minor: sql<number>`sum(${billLines.amountMinor})` })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(counted)
    .groupBy(kind, bills.currency);
  const corrections = await ctx.db
    .select({
      currency: bills.currency,
      minor: sql<number>`sum(case ${billCorrections.action} when 'add' then ${billCorrections.amountMinor} else -${billCorrections.amountMinor} end)`,
    })
    .from(billCorrections)
    .innerJoin(bills, eq(bills.id, billCorrections.billId))
    .where(counted)
    .groupBy(bills.currency);
  const parts = [
    ...lines.map((l) => ({ kind: l.kind as CommissionKind, currency: l.currency, minor: l.minor })),
    ...corrections.map((c) => ({ kind: 'correction' as const, currency: c.currency, minor: c.minor })),
  ].filter((p) => p.minor !== 0);
  const totals = new Map<string, number>();
  for (const p of parts) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.minor);
  return {
    byKind: parts
      .sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) || COMMISSION_KINDS.indexOf(a.kind) - COMMISSION_KINDS.indexOf(b.kind),
      )
      .map((p) => ({ kind: p.kind, currency: p.currency, amount: format(p.minor, p.currency) })),
    total: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, minor]) => ({ currency, amount: format(minor, currency) })),
  };
}
