/**
 * Bills as the API answers them: lists (the operator's, a partner's own) with their totals per
 * currency, and one bill with its lines in words and its corrections. Amounts are decimal strings
 * in the brand's currency; `coin` marks crypto currencies, shown beside fiat.
 */

import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { addDays } from '../../lib/time-zones.ts';
import { catalogNames } from '../catalog/service.ts';
import { planNames } from '../commissions/plan-names.ts';
import { partnerNames } from '../identity/partners.ts';
import { findBillRow } from './bill-actions.ts';
import { billLineWords } from './bill-words.ts';
import { isCoin } from './coins.ts';
import { type BillRow, type BillState, billCorrections, billLines, bills } from './table.ts';

export interface BillQuery {
  /** Bills whose period starts in [from, to] (local dates). */
  from?: string | undefined;
  to?: string | undefined;
  state?: BillState[] | undefined;
  brandId?: string | undefined;
  planId?: string | undefined;
  partnerId?: string | undefined;
  limit: number;
  /** The cursor of the last bill seen ("<periodStart>~<id>"). */
  after?: string | undefined;
}

const decimalOf = (minor: number, currency: string) => formatMoney(money(minor, currency));

function filterOf(ctx: Pick<TenantContext, 'operatorId'>, q: BillQuery): SQL | undefined {
  return and(
    eq(bills.operatorId, ctx.operatorId),
    q.partnerId ? eq(bills.partnerId, q.partnerId) : undefined,
    q.from ? gte(bills.periodStart, q.from) : undefined,
    q.to ? lte(bills.periodStart, q.to) : undefined,
    q.state?.length ? inArray(bills.state, q.state) : undefined,
    q.brandId ? eq(bills.brandId, q.brandId) : undefined,
    q.planId ? eq(bills.planId, q.planId) : undefined,
  );
}

async function namesFor(ctx: TenantContext, rows: BillRow[]) {
  const [partners, plans, catalog] = await Promise.all([
    partnerNames(
      ctx,
      rows.map((r) => r.partnerId),
    ),
    planNames(
      ctx,
      rows.map((r) => r.planId),
    ),
    catalogNames(ctx, { brand: rows.map((r) => r.brandId) }),
  ]);
  return { partners, plans, brands: catalog.brand };
}

function presentBill(row: BillRow, names: Awaited<ReturnType<typeof namesFor>>) {
  const amount = (minor: number) => decimalOf(minor, row.currency);
  const [kind, currency, date] = row.waitingFor?.split(':') ?? [];
  return {
    id: row.id,
    partner: { id: row.partnerId, name: names.partners.get(row.partnerId) ?? null },
    brand: { id: row.brandId, name: names.brands.get(row.brandId) ?? null },
    plan: { id: row.planId, name: names.plans.get(row.planId) ?? null },
    source: row.source,
    period: { kind: row.billingPeriod, from: row.periodStart, to: addDays(row.periodEnd, -1), timeZone: row.timeZone },
    planVersion: row.planVersion,
    currency: row.currency,
    coin: isCoin(row.currency),
    issued: amount(row.issuedMinor),
    corrections: amount(row.correctionsMinor),
    toPay: amount(row.issuedMinor + row.correctionsMinor),
    carriedIn: row.carryInMinor ? amount(row.carryInMinor) : null,
    carriedOut: row.carryOutMinor ? amount(row.carryOutMinor) : null,
    state: row.state,
    waitingFor: !row.waitingFor
      ? null
      : kind === 'rate'
        ? { reason: 'exchange_rate' as const, currency: currency ?? null, date: date ?? null, billId: null }
        : { reason: 'previous_bill' as const, currency: null, date: null, billId: currency ?? null },
    createdAt: row.createdAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}

async function listWhere(ctx: TenantContext, q: BillQuery) {
  const where = filterOf(ctx, q);
  const [afterStart, afterId] = q.after?.split('~') ?? [];
  const page = await ctx.db
    .select()
    .from(bills)
    .where(
      and(
        where,
        afterStart && afterId
          ? or(lt(bills.periodStart, afterStart), and(eq(bills.periodStart, afterStart), lt(bills.id, afterId)))
          : undefined,
      ),
    )
    .orderBy(desc(bills.periodStart), desc(bills.id))
    .limit(q.limit + 1);
  const totals = await ctx.db
    .select({
      currency: bills.currency,
      count: sql<number>`count(*)`,
      issuedMinor: sql<number>`sum(${bills.issuedMinor})`,
      toPayMinor: sql<number>`sum(${bills.issuedMinor} + ${bills.correctionsMinor})`,
    })
    .from(bills)
    .where(and(where, sql`${bills.state} <> 'cancelled'`))
    .groupBy(bills.currency)
    .orderBy(asc(bills.currency));
  const rows = page.slice(0, q.limit);
  const names = await namesFor(ctx, rows);
  const last = rows.at(-1);
  return {
    data: rows.map((r) => presentBill(r, names)),
    next: page.length > q.limit && last ? `${last.periodStart}~${last.id}` : null,
    totals: totals.map((t) => ({
      currency: t.currency,
      coin: isCoin(t.currency),
      count: t.count,
      issued: decimalOf(t.issuedMinor, t.currency),
      toPay: decimalOf(t.toPayMinor, t.currency),
    })),
  };
}

export const listBills = (ctx: TenantContext, query: BillQuery) => listWhere(ctx, query);

export const listPartnerBills = (ctx: PartnerContext, query: Omit<BillQuery, 'partnerId'>) =>
  listWhere(ctx, { ...query, partnerId: ctx.partner.partnerId });

/** One bill with its lines (in words) and corrections. */
export async function getBill(ctx: TenantContext, input: { billId: string }) {
  const row = await findBillRow(ctx, input.billId);
  const names = await namesFor(ctx, [row]);
  const lines = await ctx.db.select().from(billLines).where(eq(billLines.billId, row.id)).orderBy(asc(billLines.n));
  const corrections = await ctx.db
    .select()
    .from(billCorrections)
    .where(and(eq(billCorrections.operatorId, ctx.operatorId), eq(billCorrections.billId, row.id)))
    .orderBy(asc(billCorrections.createdAt), asc(billCorrections.id));
  const subPartners = await partnerNames(
    ctx,
    lines.flatMap((l) => (l.detail.subPartnerId ? [l.detail.subPartnerId] : [])),
  );
  return {
    ...presentBill(row, names),
    lines: lines.map((l) => ({
      kind: l.kind,
      quantity: l.quantity,
      basis: l.basisMinor === null ? null : decimalOf(l.basisMinor, l.basisCurrency ?? row.currency),
      rate: l.rate,
      amount: decimalOf(l.amountMinor, row.currency),
      tier: l.detail.tier ?? null,
      lateFrom: l.detail.lateFrom ?? null,
      country: l.detail.country ?? null,
      exchange: l.detail.exchange ?? null,
      text: billLineWords(l, row.currency, subPartners),
    })),
    correctionList: corrections.map((c) => ({
      id: c.id,
      action: c.action,
      amount: decimalOf(c.amountMinor, row.currency),
      comment: c.comment,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

/** A partner's own bill (another partner's answers 404). */
export async function getPartnerBill(ctx: PartnerContext, input: { billId: string }) {
  const bill = await getBill(ctx, input);
  if (bill.partner.id !== ctx.partner.partnerId) throw notFound('Bill');
  return bill;
}
