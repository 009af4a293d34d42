/**
 * Commissions: the operator's commission plans, their versions (terms in effect from a local date
 * in the operator's time zone), and which partners are offered which plan. Billing reads a plan's
 * terms through `planTermsOn`; other modules name plans through plan-names.ts.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems, notFound } from '../../lib/errors.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { newId } from '../../lib/ids.ts';
import { partnerExists } from '../identity/partners.ts';
import { existingBrandIds } from '../catalog/service.ts';
import { commissionPlans, planAssignments, planVersions, type PLAN_KINDS } from './table.ts';
import type { CreatePlanSchema, UpdatePlanSchema } from './schemas.ts';
import { kindOf, storeTerms, type PlanTerms } from './terms.ts';
import { findPlanRow, operatorToday, presentPlans } from './versions.ts';

export {
  planTermsOn,
  listPlanVersions,
  listOperatorsWithPlans,
  listPlanOffers,
  subAffiliatePayers,
} from './versions.ts';

type PlanRow = typeof commissionPlans.$inferSelect;

/** Plans as the operator sees them: with the partners each is offered to (besides the defaults' everyone). */
async function presentForOperator(ctx: TenantContext, rows: PlanRow[]) {
  const offers = await selectInChunks(
    rows.map((r) => r.id),
    (ids) =>
      ctx.db
        .select({ planId: planAssignments.planId, partnerId: planAssignments.partnerId })
        .from(planAssignments)
        .where(and(eq(planAssignments.operatorId, ctx.operatorId), inArray(planAssignments.planId, ids)))
        .orderBy(asc(planAssignments.partnerId)),
    ctx.maxBoundParams,
  );
  return (await presentPlans(ctx, rows)).map((plan) => ({
    ...plan,
    offeredTo: offers.filter((o) => o.planId === plan.id).map((o) => o.partnerId),
  }));
}
const presentOne = async (ctx: TenantContext, row: PlanRow) => (await presentForOperator(ctx, [row]))[0]!;

const nameTaken = (name: string) =>
  new DomainError(
    'conflict',
    `A plan named "${name}" exists`,
    [{ path: 'body.name', reason: 'already_exists', message: 'already exists' }],
    { resource: 'plan', state: 'exists' },
  );

async function assertNameFree(ctx: TenantContext, name: string, planId?: string) {
  const [existing] = await ctx.db
    .select({ id: commissionPlans.id })
    .from(commissionPlans)
    .where(and(eq(commissionPlans.operatorId, ctx.operatorId), eq(commissionPlans.name, name)));
  if (existing && existing.id !== planId) throw nameTaken(name);
}

/** Brands the terms name must be this operator's. */
async function assertBrands(ctx: TenantContext, terms: PlanTerms) {
  const named = terms.cpa?.amounts.flatMap((a, i) => (a.brandId ? [[i, a.brandId] as const] : [])) ?? [];
  if (!named.length) return;
  const known = await existingBrandIds(ctx, new Set(named.map(([, id]) => id)));
  const missing = named.filter(([, id]) => !known.has(id));
  if (missing.length)
    throw fieldProblems(
      missing.map(([i]) => ({
        path: `body.terms.cpa.amounts.${i}.brandId`,
        reason: 'not_found_reference' as const,
        params: { resource: 'brand' },
        message: 'no such brand',
      })),
    );
}

export async function createPlan(ctx: TenantContext, input: z.infer<typeof CreatePlanSchema>) {
  await assertNameFree(ctx, input.name);
  await assertBrands(ctx, input.terms);
  const terms = storeTerms(input.terms);
  const now = ctx.clock.now();
  const plan = {
    id: newId('plan', ctx.clock),
    operatorId: ctx.operatorId,
    name: input.name,
    kind: kindOf(terms),
    notes: input.notes ?? null,
    isDefault: input.isDefault,
    supportsSubAffiliates: input.supportsSubAffiliates ?? terms.subAffiliate !== undefined,
    createdAt: now,
  };
  // Version 1 takes effect on the plan's first local day.
  const version = { planId: plan.id, operatorId: ctx.operatorId, effectiveFrom: await operatorToday(ctx), terms };
  await ctx.db.batch([
    ctx.db.insert(commissionPlans).values(plan),
    ctx.db.insert(planVersions).values({ ...version, createdAt: now }),
  ]);
  return presentOne(ctx, plan);
}

export async function listPlans(ctx: TenantContext, query: { kind?: (typeof PLAN_KINDS)[number] } = {}) {
  const rows = await ctx.db
    .select()
    .from(commissionPlans)
    .where(
      and(
        eq(commissionPlans.operatorId, ctx.operatorId),
        query.kind ? eq(commissionPlans.kind, query.kind) : undefined,
      ),
    )
    .orderBy(asc(commissionPlans.name));
  return presentForOperator(ctx, rows);
}

export async function getPlan(ctx: TenantContext, planId: string) {
  const row = await findPlanRow(ctx, planId);
  if (!row) throw notFound('Plan');
  return presentOne(ctx, row);
}

/**
 * Changes a plan. New terms become a version from `effectiveFrom` (default: the operator's today),
 * never earlier: bills already issued for past days must never change under a partner. A second
 * edit for the same date replaces that version (it has not paid anything yet, or it is today's).
 */
export async function updatePlan(
  ctx: TenantContext,
  input: { planId: string; changes: z.infer<typeof UpdatePlanSchema> },
) {
  const { planId, changes } = input;
  const row = await findPlanRow(ctx, planId);
  if (!row) throw notFound('Plan');
  if (changes.name !== undefined) await assertNameFree(ctx, changes.name, planId);
  const writes = [];
  const plan = { ...row };
  if (changes.name !== undefined) plan.name = changes.name;
  if (changes.notes !== undefined) plan.notes = changes.notes;
  if (changes.isDefault !== undefined) plan.isDefault = changes.isDefault;
  if (changes.supportsSubAffiliates !== undefined) plan.supportsSubAffiliates = changes.supportsSubAffiliates;
  if (changes.terms) {
    await assertBrands(ctx, changes.terms);
    const today = await operatorToday(ctx);
    const effectiveFrom = changes.effectiveFrom ?? today;
    if (effectiveFrom < today)
      throw fieldProblem('body.effectiveFrom', 'too_small', `bills up to yesterday stand: ${today} or later`, {
        minimum: today,
      });
    const terms = storeTerms(changes.terms);
    const [newest] = await ctx.db
      .select({ effectiveFrom: planVersions.effectiveFrom })
      .from(planVersions)
      .where(eq(planVersions.planId, planId))
      .orderBy(asc(planVersions.effectiveFrom))
      .then((rows) => rows.slice(-1));
    // The listed kind follows the newest terms (what the plan is becoming).
    if (!newest || newest.effectiveFrom <= effectiveFrom) plan.kind = kindOf(terms);
    writes.push(
      ctx.db
        .insert(planVersions)
        .values({ planId, operatorId: ctx.operatorId, effectiveFrom, terms, createdAt: ctx.clock.now() })
        .onConflictDoUpdate({ target: [planVersions.planId, planVersions.effectiveFrom], set: { terms } }),
    );
  }
  const { id: _id, operatorId: _o, createdAt: _c, ...fields } = plan;
  await ctx.db.batch([
    ctx.db
      .update(commissionPlans)
      .set(fields)
      .where(and(eq(commissionPlans.operatorId, ctx.operatorId), eq(commissionPlans.id, planId))),
    ...writes,
  ]);
  return presentOne(ctx, plan);
}

async function planAndPartner(ctx: TenantContext, input: { planId: string; partnerId: string }) {
  const plan = await findPlanRow(ctx, input.planId);
  if (!plan) throw notFound('Plan');
  if (!(await partnerExists(ctx, input.partnerId)))
    throw fieldProblem('body.partnerId', 'not_found_reference', 'no such partner', { resource: 'partner' });
  return plan;
}

/** Offers a plan to one partner (besides the defaults every partner has); assigning twice is assigning once. */
export async function assignPlan(ctx: TenantContext, input: { planId: string; partnerId: string }) {
  const plan = await planAndPartner(ctx, input);
  await ctx.db
    .insert(planAssignments)
    .values({ planId: plan.id, partnerId: input.partnerId, operatorId: ctx.operatorId })
    .onConflictDoNothing();
  return presentOne(ctx, plan);
}

/** Stops offering a plan to one partner; campaigns already on it keep it (their bills follow the plan). */
export async function unassignPlan(ctx: TenantContext, input: { planId: string; partnerId: string }) {
  const plan = await findPlanRow(ctx, input.planId);
  if (!plan) throw notFound('Plan');
  await ctx.db
    .delete(planAssignments)
    .where(
      and(
        eq(planAssignments.operatorId, ctx.operatorId),
        eq(planAssignments.planId, plan.id),
        eq(planAssignments.partnerId, input.partnerId),
      ),
    );
  return presentOne(ctx, plan);
}

/** Plans a partner may choose: the defaults plus those assigned to it (`individual`), without the operator's notes. */
export function plansForPartner(ctx: PartnerContext) {
  return plansOfferedTo(ctx, ctx.partner.partnerId);
}

/**
 * The plans this partner of the operator may choose (the operator's partner page shows them): the
 * defaults plus those assigned to it (`individual`), without the operator's notes.
 */
export async function plansOfferedTo(ctx: TenantContext, partnerId: string) {
  const { operatorId } = ctx;
  const assigned = await ctx.db
    .select({ id: planAssignments.planId })
    .from(planAssignments)
    .where(and(eq(planAssignments.operatorId, operatorId), eq(planAssignments.partnerId, partnerId)));
  const assignedIds = new Set(assigned.map((a) => a.id));
  const rows = await ctx.db
    .select()
    .from(commissionPlans)
    .where(
      and(
        eq(commissionPlans.operatorId, operatorId),
        or(eq(commissionPlans.isDefault, true), inArray(commissionPlans.id, [...assignedIds])),
      ),
    )
    .orderBy(asc(commissionPlans.name));
  return (await presentPlans(ctx, rows)).map(({ notes: _n, createdAt: _c, ...plan }) => ({
    ...plan,
    individual: assignedIds.has(plan.id),
  }));
}

/** Whether this partner may put a campaign on this plan. */
export async function isPlanOfferedTo(ctx: PartnerContext, planId: string): Promise<boolean> {
  const plan = await findPlanRow(ctx, planId);
  if (!plan) return false;
  if (plan.isDefault) return true;
  const [assigned] = await ctx.db
    .select({ id: planAssignments.planId })
    .from(planAssignments)
    .where(
      and(
        eq(planAssignments.operatorId, ctx.operatorId),
        eq(planAssignments.planId, planId),
        eq(planAssignments.partnerId, ctx.partner.partnerId),
      ),
    );
  return assigned !== undefined;
}
