/**
 * Plan versions: which terms are in effect on a local date, and a plan as answered (the version
 * in effect today, the scheduled ones, the terms in words).
 */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { isoDate, wallClock } from '../../lib/time-zones.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { catalogNames } from '../catalog/service.ts';
import { commissionPlans, planAssignments, planVersions } from './table.ts';
import { presentTerms, type StoredPlanTerms } from './terms.ts';
import { planSummary } from './words.ts';

export type PlanRow = typeof commissionPlans.$inferSelect;
type VersionRow = typeof planVersions.$inferSelect;

/** Today's date on the operator's clocks ("YYYY-MM-DD"): versions start on local days. */
export async function operatorToday(ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId'>): Promise<string> {
  return isoDate(wallClock(await findOperatorTimeZone(ctx), ctx.clock.now().getTime()));
}

/** The version of a plan in effect on a local date, or null before its first version (or for another operator's plan). */
export async function planTermsOn(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
  input: { planId: string; date: string },
): Promise<{ effectiveFrom: string; terms: StoredPlanTerms | null } | null> {
  const [row] = await ctx.db
    .select({ effectiveFrom: planVersions.effectiveFrom, terms: planVersions.terms })
    .from(planVersions)
    .where(
      and(
        eq(planVersions.operatorId, ctx.operatorId),
        eq(planVersions.planId, input.planId),
        lte(planVersions.effectiveFrom, input.date),
      ),
    )
    .orderBy(desc(planVersions.effectiveFrom))
    .limit(1);
  return row ?? null;
}

/** Plans as answered: each with the version in effect today, the scheduled ones and the words, brands named. */
export async function presentPlans(ctx: TenantContext, plans: PlanRow[]) {
  const today = await operatorToday(ctx);
  const versions = await selectInChunks(
    plans.map((p) => p.id),
    (ids) =>
      ctx.db
        .select()
        .from(planVersions)
        .where(and(eq(planVersions.operatorId, ctx.operatorId), inArray(planVersions.planId, ids)))
        .orderBy(asc(planVersions.effectiveFrom)),
    ctx.maxBoundParams,
  );
  const brandIds = versions.flatMap((v) => v.terms?.cpa?.amounts.flatMap((a) => (a.brandId ? [a.brandId] : [])) ?? []);
  const names = { brands: (await catalogNames(ctx, { brand: brandIds })).brand };
  const present = (v: VersionRow) => ({
    effectiveFrom: v.effectiveFrom,
    terms: v.terms && presentTerms(v.terms),
    summary: planSummary(v.terms, names),
  });
  return plans.map(({ operatorId: _o, createdAt, ...plan }) => {
    const own = versions
      .filter((v) => v.planId === plan.id)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const current = own.filter((v) => v.effectiveFrom <= today).at(-1);
    return {
      ...plan,
      createdAt: createdAt.toISOString(),
      current: current ? present(current) : null,
      scheduled: own.filter((v) => v.effectiveFrom > today).map(present),
    };
  });
}

export async function presentPlan(ctx: TenantContext, plan: PlanRow) {
  const [presented] = await presentPlans(ctx, [plan]);
  return presented!;
}

/** One of this operator's plans, or undefined. */
export async function findPlanRow(ctx: Pick<TenantContext, 'db' | 'operatorId'>, planId: string) {
  const [row] = await ctx.db
    .select()
    .from(commissionPlans)
    .where(and(eq(commissionPlans.operatorId, ctx.operatorId), eq(commissionPlans.id, planId)));
  return row;
}

/** Every plan of the operator with its versions, oldest first: what billing prices periods by. */
export async function listPlanVersions(ctx: Pick<TenantContext, 'db' | 'operatorId'>) {
  const rows = await ctx.db
    .select({ planId: planVersions.planId, effectiveFrom: planVersions.effectiveFrom, terms: planVersions.terms })
    .from(planVersions)
    .where(eq(planVersions.operatorId, ctx.operatorId))
    .orderBy(asc(planVersions.planId), asc(planVersions.effectiveFrom));
  const plans = new Map<string, Array<{ effectiveFrom: string; terms: StoredPlanTerms | null }>>();
  for (const { planId, ...version } of rows) plans.set(planId, [...(plans.get(planId) ?? []), version]);
  return [...plans].map(([planId, versions]) => ({ planId, versions }));
}

/** Operators with at least one plan version: the ones a scheduled billing run visits. */
export async function listOperatorsWithPlans(ctx: Pick<TenantContext, 'db'>): Promise<string[]> {
  const rows = await ctx.db.selectDistinct({ operatorId: planVersions.operatorId }).from(planVersions);
  return rows.map((r) => r.operatorId);
}

/** Which plans are offered to whom: the defaults to everyone, the rest to the partners assigned. */
export async function listPlanOffers(ctx: Pick<TenantContext, 'db' | 'operatorId'>) {
  const plans = await ctx.db
    .select({ id: commissionPlans.id, isDefault: commissionPlans.isDefault, createdAt: commissionPlans.createdAt })
    .from(commissionPlans)
    .where(eq(commissionPlans.operatorId, ctx.operatorId))
    .orderBy(asc(commissionPlans.createdAt), asc(commissionPlans.id));
  const assignments = await ctx.db
    .select({ planId: planAssignments.planId, partnerId: planAssignments.partnerId })
    .from(planAssignments)
    .where(eq(planAssignments.operatorId, ctx.operatorId));
  return {
    /** Oldest first. */
    defaults: plans.filter((p) => p.isDefault).map((p) => p.id),
    order: plans.map((p) => p.id),
    assigned: assignments,
  };
}

/**
 * Which plan pays a partner's sub-affiliate shares (a partner earns them under one plan, never
 * twice): among the plans with sub-affiliate terms in any version, an individually assigned one
 * before a default one, the oldest first. Billing pays by it; the sub-affiliates page shows it.
 */
export async function subAffiliatePayers(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
): Promise<(partnerId: string) => string | null> {
  const withTerms = new Set(
    (await listPlanVersions(ctx)).filter((p) => p.versions.some((v) => v.terms?.subAffiliate)).map((p) => p.planId),
  );
  const offers = await listPlanOffers(ctx);
  const rank = new Map(offers.order.map((id, i) => [id, i]));
  const byPartner = new Map<string, string>();
  for (const a of [...offers.assigned].sort((x, y) => rank.get(x.planId)! - rank.get(y.planId)!))
    if (withTerms.has(a.planId) && !byPartner.has(a.partnerId)) byPartner.set(a.partnerId, a.planId);
  const fallback = offers.defaults.find((id) => withTerms.has(id)) ?? null;
  return (partnerId) => byPartner.get(partnerId) ?? fallback;
}
