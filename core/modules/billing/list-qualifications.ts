/**
 * Qualified players as the API answers them: the CPA qualifications billing wrote (qualify-players.ts),
 * for the operator (every partner) and for a partner (its own), newest first. Dates filter on the
 * operator's calendar, as bills do; amounts are decimal strings in the brand's currency, as on bills.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { addDays, dayStartIn } from '../../lib/time-zones.ts';
import { catalogNames } from '../catalog/service.ts';
import { planNames } from '../commissions/plan-names.ts';
import { partnerNames } from '../identity/partners.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { isCoin } from './coins.ts';
import { qualifications } from './table.ts';

export interface QualificationQuery {
  /** Players who qualified on these local dates (inclusive), on the operator's calendar. */
  from?: string | undefined;
  to?: string | undefined;
  partnerId?: string | undefined;
  planId?: string | undefined;
  brandId?: string | undefined;
  /** The operator's player id, exactly. */
  playerId?: string | undefined;
  limit: number;
  /** The cursor of the last row seen: "<qualifiedAt ms>~<planId>~<brandId>~<playerId>". */
  after?: string | undefined;
}

type Row = typeof qualifications.$inferSelect;

/** The cursor's parts; the player id goes last, so a "~" inside it stays part of it. */
function cursorOf(after: string | undefined): { at: number; planId: string; brandId: string; playerId: string } | null {
  const match = after ? /^(\d+)~([^~]+)~([^~]+)~(.+)$/.exec(after) : null;
  if (!match) return null;
  return { at: Number(match[1]), planId: match[2]!, brandId: match[3]!, playerId: match[4]! };
}

function filterOf(ctx: Pick<TenantContext, 'operatorId'>, q: QualificationQuery, zone: string): SQL | undefined {
  const cursor = cursorOf(q.after);
  return and(
    eq(qualifications.operatorId, ctx.operatorId),
    q.partnerId ? eq(qualifications.partnerId, q.partnerId) : undefined,
    q.planId ? eq(qualifications.planId, q.planId) : undefined,
    q.brandId ? eq(qualifications.brandId, q.brandId) : undefined,
    q.playerId ? eq(qualifications.playerId, q.playerId) : undefined,
    q.from ? gte(qualifications.qualifiedAt, new Date(dayStartIn(zone, q.from))) : undefined,
    // The day after `to` starts where the range ends: a 23- or 25-hour day is counted whole.
    q.to ? lt(qualifications.qualifiedAt, new Date(dayStartIn(zone, addDays(q.to, 1)))) : undefined,
    // The primary key breaks ties between players who qualified in the same millisecond.
    cursor
      ? sql`(${qualifications.qualifiedAt}, ${qualifications.planId}, ${qualifications.brandId}, ${qualifications.playerId}) <
          (${cursor.at}, ${cursor.planId}, ${cursor.brandId}, ${cursor.playerId})`
      : undefined,
  );
}

function presentQualification(row: Row, names: { plans: Map<string, string>; brands: Map<string, string> }) {
  const v = row.values;
  const amount = (minor: number) => formatMoney(money(minor, v.currency));
  return {
    plan: { id: row.planId, name: names.plans.get(row.planId) ?? null },
    brand: { id: row.brandId, name: names.brands.get(row.brandId) ?? null },
    playerId: row.playerId,
    qualifiedAt: row.qualifiedAt.toISOString(),
    registeredAt: row.registeredAt.toISOString(),
    country: row.country,
    currency: v.currency,
    coin: isCoin(v.currency),
    firstDeposit: v.firstDepositMinor === null ? null : amount(v.firstDepositMinor),
    deposits: v.deposits,
    wager: amount(v.wagerMinor),
    ngr: amount(v.ngrMinor),
  };
}

async function pageOf(ctx: TenantContext, q: QualificationQuery) {
  const zone = await findOperatorTimeZone(ctx);
  const page = await ctx.db
    .select()
    .from(qualifications)
    .where(filterOf(ctx, q, zone))
    .orderBy(
      desc(qualifications.qualifiedAt),
      desc(qualifications.planId),
      desc(qualifications.brandId),
      desc(qualifications.playerId),
    )
    .limit(q.limit + 1);
  const rows = page.slice(0, q.limit);
  const [plans, catalog] = await Promise.all([
    planNames(
      ctx,
      rows.map((r) => r.planId),
    ),
    catalogNames(ctx, { brand: rows.map((r) => r.brandId) }),
  ]);
  const last = rows.at(-1);
  return {
    rows,
    timeZone: zone,
    present: (row: Row) => presentQualification(row, { plans, brands: catalog.brand }),
    next:
      page.length > q.limit && last
        ? `${last.qualifiedAt.getTime()}~${last.planId}~${last.brandId}~${last.playerId}`
        : null,
  };
}

/** The operator's qualified players over all partners (each row names its partner). */
export async function listQualifications(ctx: TenantContext, query: QualificationQuery) {
  const page = await pageOf(ctx, query);
  const partners = await partnerNames(
    ctx,
    page.rows.map((r) => r.partnerId),
  );
  return {
    data: page.rows.map((r) => ({
      ...page.present(r),
      partner: { id: r.partnerId, name: partners.get(r.partnerId) ?? null },
    })),
    next: page.next,
    timeZone: page.timeZone,
  };
}

/** The signed-in partner's own qualified players. */
export async function listPartnerQualifications(ctx: PartnerContext, query: Omit<QualificationQuery, 'partnerId'>) {
  const page = await pageOf(ctx, { ...query, partnerId: ctx.partner.partnerId });
  return { data: page.rows.map((r) => page.present(r)), next: page.next, timeZone: page.timeZone };
}
