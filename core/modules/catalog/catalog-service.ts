/** Operator catalog operations, and the partner's view of it (only what that partner may use). */
import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceCtx } from '../operators/service.ts';
import { ProblemError, notFound } from '../../http/problem.ts';
import { newId } from '../../lib/ids.ts';
import { brands, commissionPlans, creatives, landings, planAssignments, trafficSources } from './table.ts';
import type { CreateCreativeSchema, CreateLandingSchema, CreatePlanSchema, CreativeFilterSchema } from './catalog-schemas.ts';
import { partners } from '../identity/table.ts';

const iso = (d: Date) => d.toISOString();

export async function requireBrand(ctx: ServiceCtx, operatorId: string, brandId: string, field = 'body.brandId') {
  const [brand] = await ctx.db.select().from(brands).where(and(eq(brands.operatorId, operatorId), eq(brands.id, brandId)));
  if (!brand) throw new ProblemError('validation_failed', `${field}: no such brand`, [{ path: field, message: 'no such brand' }]);
  return brand;
}

type LandingRow = typeof landings.$inferSelect;
export const presentLanding = ({ operatorId: _o, createdAt, ...l }: LandingRow) => ({ ...l, createdAt: iso(createdAt) });

export async function createLanding(ctx: ServiceCtx, operatorId: string, input: z.infer<typeof CreateLandingSchema>) {
  await requireBrand(ctx, operatorId, input.brandId);
  const [row] = await ctx.db.insert(landings).values({ id: newId('land', ctx.clock), operatorId, ...input, createdAt: ctx.clock.now() }).returning();
  return presentLanding(row!);
}

export async function listLandings(ctx: ServiceCtx, operatorId: string, filter: { audience?: 'players' | 'sub_affiliates'; brandId?: string } = {}) {
  const rows = await ctx.db.select().from(landings).where(and(
    eq(landings.operatorId, operatorId),
    filter.audience ? eq(landings.audience, filter.audience) : undefined,
    filter.brandId ? eq(landings.brandId, filter.brandId) : undefined,
  )).orderBy(asc(landings.name));
  return rows.map(presentLanding);
}

type CreativeRow = typeof creatives.$inferSelect;
const orientationOf = (w: number, h: number) => (w === h ? 'square' : w > h ? 'landscape' : 'portrait') as 'square' | 'landscape' | 'portrait';
export const presentCreative = ({ operatorId: _o, allowedPartnerIds: _a, createdAt, ...c }: CreativeRow) => ({ ...c, orientation: orientationOf(c.width, c.height), createdAt: iso(createdAt) });

export async function createCreative(ctx: ServiceCtx, operatorId: string, input: z.infer<typeof CreateCreativeSchema>) {
  if (input.brandId) await requireBrand(ctx, operatorId, input.brandId);
  const [row] = await ctx.db.insert(creatives).values({ id: newId('crt', ctx.clock), operatorId, ...input, createdAt: ctx.clock.now() }).returning();
  return presentCreative(row!);
}

/** The gallery: public creatives plus private ones that list this partner (operator: all). */
export async function listCreatives(ctx: ServiceCtx, operatorId: string, filter: z.infer<typeof CreativeFilterSchema>, partnerId?: string) {
  const [w, h] = filter.size?.split('x').map(Number) ?? [];
  const rows = await ctx.db.select().from(creatives).where(and(
    eq(creatives.operatorId, operatorId),
    filter.title ? like(creatives.title, `%${filter.title.replace(/[%_]/g, '')}%`) : undefined,
    filter.language ? eq(creatives.language, filter.language) : undefined,
    filter.format ? eq(creatives.format, filter.format) : undefined,
    filter.privacy ? eq(creatives.privacy, filter.privacy) : undefined,
    filter.brandId ? eq(creatives.brandId, filter.brandId) : undefined,
    w && h ? and(eq(creatives.width, w), eq(creatives.height, h)) : undefined,
  )).orderBy(asc(creatives.title));
  return rows
    .filter((c) => !partnerId || c.privacy === 'public' || c.allowedPartnerIds.includes(partnerId))
    .filter((c) => !filter.tag || c.tags.includes(filter.tag))
    .filter((c) => !filter.orientation || orientationOf(c.width, c.height) === filter.orientation)
    .map(presentCreative);
}

export async function createTrafficSource(ctx: ServiceCtx, operatorId: string, name: string) {
  const [existing] = await ctx.db.select().from(trafficSources).where(and(eq(trafficSources.operatorId, operatorId), eq(trafficSources.name, name)));
  if (existing) throw new ProblemError('conflict', `A traffic source named "${name}" exists`, [{ path: 'body.name', message: 'already exists' }]);
  const id = newId('ts', ctx.clock);
  await ctx.db.insert(trafficSources).values({ id, operatorId, name });
  return { id, name };
}

export async function listTrafficSources(ctx: ServiceCtx, operatorId: string) {
  return ctx.db.select({ id: trafficSources.id, name: trafficSources.name }).from(trafficSources).where(eq(trafficSources.operatorId, operatorId)).orderBy(asc(trafficSources.name));
}

type PlanRow = typeof commissionPlans.$inferSelect;
export const presentPlan = ({ operatorId: _o, createdAt, ...p }: PlanRow) => ({ ...p, createdAt: iso(createdAt) });

export async function createPlan(ctx: ServiceCtx, operatorId: string, input: z.infer<typeof CreatePlanSchema>) {
  const [existing] = await ctx.db.select({ id: commissionPlans.id }).from(commissionPlans).where(and(eq(commissionPlans.operatorId, operatorId), eq(commissionPlans.name, input.name)));
  if (existing) throw new ProblemError('conflict', `A plan named "${input.name}" exists`, [{ path: 'body.name', message: 'already exists' }]);
  const [row] = await ctx.db.insert(commissionPlans).values({ id: newId('plan', ctx.clock), operatorId, ...input, createdAt: ctx.clock.now() }).returning();
  return presentPlan(row!);
}

export async function listPlans(ctx: ServiceCtx, operatorId: string) {
  return (await ctx.db.select().from(commissionPlans).where(eq(commissionPlans.operatorId, operatorId)).orderBy(asc(commissionPlans.name))).map(presentPlan);
}

export async function assignPlan(ctx: ServiceCtx, operatorId: string, planId: string, partnerId: string) {
  const [plan] = await ctx.db.select().from(commissionPlans).where(and(eq(commissionPlans.operatorId, operatorId), eq(commissionPlans.id, planId)));
  if (!plan) throw notFound('Plan');
  const [partner] = await ctx.db.select({ id: partners.id }).from(partners).where(and(eq(partners.operatorId, operatorId), eq(partners.id, partnerId)));
  if (!partner) throw new ProblemError('validation_failed', 'body.partnerId: no such partner', [{ path: 'body.partnerId', message: 'no such partner' }]);
  await ctx.db.insert(planAssignments).values({ planId, partnerId, operatorId }).onConflictDoNothing();
  return presentPlan(plan);
}

/** Plans a partner may choose: the defaults plus those assigned to it. */
export async function plansForPartner(ctx: ServiceCtx, operatorId: string, partnerId: string) {
  const assigned = ctx.db.select({ id: planAssignments.planId }).from(planAssignments).where(and(eq(planAssignments.operatorId, operatorId), eq(planAssignments.partnerId, partnerId)));
  const rows = await ctx.db.select().from(commissionPlans).where(and(
    eq(commissionPlans.operatorId, operatorId), or(eq(commissionPlans.isDefault, true), inArray(commissionPlans.id, assigned)),
  )).orderBy(asc(commissionPlans.name));
  return rows.map(presentPlan);
}
