/**
 * Partner campaigns and promos. A campaign ties one brand to one plan; each promo is a tracking
 * link. Archived campaigns take no new promos and no edits, but their links keep tracking.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext, PartnerRead, TenantRead } from '../../lib/context.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import type { Db } from '../../db/client.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import {
  brandSummaryOf,
  creativeSummaryOf,
  type BrandSummary,
  findBrand,
  findLanding,
  isCreativeUsableBy,
  landingSummaryOf,
  landingTargetOf,
  trafficSourceExists,
  trafficSourceSummaryOf,
} from '../catalog/service.ts';
import { planSummaryOf, type PlanSummary } from '../commissions/plan-names.ts';
import { isPlanOfferedTo } from '../commissions/service.ts';
import { partnerReferralCodeOf } from '../identity/partners.ts';
import { campaigns, promos } from './table.ts';
import type { CampaignQuerySchema, CreateCampaignSchema, CreatePromoSchema, UpdatePromoSchema } from './schemas.ts';

const invalid = fieldProblem;

export async function createCampaign(ctx: PartnerContext, input: z.infer<typeof CreateCampaignSchema>) {
  const brand = await findBrand(ctx, input.brandId);
  if (!brand) throw invalid('body.brandId', 'not_found_reference', 'no such brand', { resource: 'brand' });
  if (!(await isPlanOfferedTo(ctx, input.planId)))
    throw invalid('body.planId', 'not_found_reference', 'this plan is not offered to your account', {
      resource: 'plan',
    });
  const id = newId('camp', ctx.clock);
  await ctx.db.insert(campaigns).values({
    id,
    operatorId: ctx.operatorId,
    partnerId: ctx.partner.partnerId,
    brandId: brand.id,
    planId: input.planId,
    name: input.name,
    status: 'active',
    createdAt: ctx.clock.now(),
  });
  return getCampaign(ctx, id);
}

/** A campaign with its brand and plan labels (the catalog's, by subquery): one query. Like the inner join it replaces, one whose brand or plan is gone is not listed. */
const campaignWithLabels = {
  campaign: campaigns,
  brand: brandSummaryOf(campaigns.brandId),
  plan: planSummaryOf(campaigns.planId),
};
type CampaignWithLabels = { campaign: typeof campaigns.$inferSelect; brand: BrandSummary; plan: PlanSummary };
const labelled = <R extends { brand: unknown; plan: unknown }>(row: R): row is R & CampaignWithLabels =>
  row.brand !== null && row.plan !== null;

async function loadCampaign(ctx: PartnerContext, campaignId: string): Promise<CampaignWithLabels> {
  const [row] = await ctx.db
    .select(campaignWithLabels)
    .from(campaigns)
    .where(
      and(
        eq(campaigns.operatorId, ctx.operatorId),
        eq(campaigns.partnerId, ctx.partner.partnerId),
        eq(campaigns.id, campaignId),
      ),
    );
  if (!row || !labelled(row)) throw notFound('Campaign');
  return row;
}

function presentCampaign(row: CampaignWithLabels, promoCount: number) {
  const { campaign } = row;
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    brand: row.brand,
    plan: row.plan,
    promoCount,
    createdAt: campaign.createdAt.toISOString(),
    archivedAt: campaign.archivedAt?.toISOString() ?? null,
  };
}

export async function listCampaigns(ctx: PartnerContext, query: z.infer<typeof CampaignQuerySchema>) {
  const rows = (
    await ctx.db
      .select(campaignWithLabels)
      .from(campaigns)
      .where(
        and(
          eq(campaigns.operatorId, ctx.operatorId),
          eq(campaigns.partnerId, ctx.partner.partnerId),
          eq(campaigns.status, query.status),
          query.q ? like(campaigns.name, `%${query.q.replace(/[%_]/g, '')}%`) : undefined,
          query.brandId ? eq(campaigns.brandId, query.brandId) : undefined,
          query.planId ? eq(campaigns.planId, query.planId) : undefined,
          query.from ? gte(campaigns.createdAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
          query.to ? lte(campaigns.createdAt, new Date(`${query.to}T23:59:59.999Z`)) : undefined,
        ),
      )
      .orderBy(desc(campaigns.createdAt))
  ).filter(labelled);
  const ids = rows.map((r) => r.campaign.id);
  const counts = new Map(
    (ids.length
      ? await ctx.db
          .select({ id: promos.campaignId, n: count() })
          .from(promos)
          .where(inArray(promos.campaignId, ids))
          .groupBy(promos.campaignId)
      : []
    ).map((r) => [r.id, r.n]),
  );
  return rows.map((r) => presentCampaign(r, counts.get(r.campaign.id) ?? 0));
}

export async function getCampaign(ctx: PartnerContext, campaignId: string) {
  const row = await loadCampaign(ctx, campaignId);
  const promoRows = await loadPromos(ctx, eq(promos.campaignId, campaignId));
  return { ...presentCampaign(row, promoRows.length), promos: promoRows };
}

export async function setCampaignArchived(ctx: PartnerContext, input: { campaignId: string; archived: boolean }) {
  const { campaignId, archived } = input;
  await loadCampaign(ctx, campaignId);
  await ctx.db
    .update(campaigns)
    .set({ status: archived ? 'archived' : 'active', archivedAt: archived ? ctx.clock.now() : null })
    .where(and(eq(campaigns.operatorId, ctx.operatorId), eq(campaigns.id, campaignId)));
  return getCampaign(ctx, campaignId);
}

const assertActive = (row: Awaited<ReturnType<typeof loadCampaign>>) => {
  if (row.campaign.status === 'archived')
    throw new DomainError(
      'conflict',
      'The campaign is archived: unarchive it to add or edit promos (its links keep tracking)',
      [],
      { resource: 'campaign', state: 'archived' },
    );
};

export async function createPromo(
  ctx: PartnerContext,
  input: { campaignId: string } & z.infer<typeof CreatePromoSchema>,
) {
  const { campaignId, ...fields } = input;
  const row = await loadCampaign(ctx, campaignId);
  assertActive(row);
  const landing = await findLanding(ctx, input.landingId);
  if (!landing || landing.brandId !== row.brand.id)
    throw invalid('body.landingId', 'not_found_reference', "no such landing for this campaign's brand", {
      resource: 'landing',
    });
  if (input.creativeId) {
    if (!(await isCreativeUsableBy(ctx, { creativeId: input.creativeId, partnerId: ctx.partner.partnerId })))
      throw invalid('body.creativeId', 'not_found_reference', 'no such creative', { resource: 'creative' });
  }
  if (input.trafficSourceId) await requireTrafficSource(ctx, input.trafficSourceId);
  if (input.promoCode) {
    const [taken] = await ctx.db
      .select({ id: promos.id })
      .from(promos)
      .where(and(eq(promos.operatorId, ctx.operatorId), eq(promos.promoCode, input.promoCode)));
    if (taken)
      throw new DomainError(
        'conflict',
        `The promo code "${input.promoCode}" is taken`,
        [{ path: 'body.promoCode', reason: 'already_exists', message: 'already taken' }],
        { resource: 'promo', state: 'exists' },
      );
  }
  const id = newId('promo', ctx.clock);
  await ctx.db.insert(promos).values({
    id,
    operatorId: ctx.operatorId,
    partnerId: ctx.partner.partnerId,
    campaignId,
    code: randomToken(10),
    ...fields,
    createdAt: ctx.clock.now(),
  });
  return getPromo(ctx, id);
}

async function requireTrafficSource(ctx: TenantRead, id: string) {
  if (!(await trafficSourceExists(ctx, id)))
    throw invalid('body.trafficSourceId', 'not_found_reference', 'no such traffic source', {
      resource: 'traffic_source',
    });
}

export async function updatePromo(ctx: PartnerContext, input: { promoId: string } & z.infer<typeof UpdatePromoSchema>) {
  const { promoId, ...changes } = input;
  const promo = await getPromo(ctx, promoId);
  assertActive(await loadCampaign(ctx, promo.campaignId));
  if (input.trafficSourceId !== undefined) {
    if (promo.trafficSource && promo.trafficSource.id !== input.trafficSourceId)
      throw new DomainError(
        'conflict',
        "A promo's traffic source cannot change once set",
        [{ path: 'body.trafficSourceId', reason: 'immutable', message: 'already set' }],
        { resource: 'traffic_source', state: 'immutable' },
      );
    await requireTrafficSource(ctx, input.trafficSourceId);
  }
  await ctx.db
    .update(promos)
    .set(changes)
    .where(and(eq(promos.operatorId, ctx.operatorId), eq(promos.id, promoId)));
  return getPromo(ctx, promoId);
}

export async function getPromo(ctx: PartnerContext, promoId: string) {
  const [promo] = await loadPromos(ctx, eq(promos.id, promoId));
  if (!promo) throw notFound('Promo');
  return promo;
}

async function loadPromos(ctx: PartnerContext, where: ReturnType<typeof eq>) {
  // Labels from the catalog by subquery: still one query. Like the inner join it replaces, a promo whose landing is gone is not listed.
  const rows = await ctx.db
    .select({
      promo: promos,
      landing: landingSummaryOf(promos.landingId),
      creative: creativeSummaryOf(promos.creativeId),
      source: trafficSourceSummaryOf(promos.trafficSourceId),
    })
    .from(promos)
    .where(and(eq(promos.operatorId, ctx.operatorId), eq(promos.partnerId, ctx.partner.partnerId), where))
    .orderBy(asc(promos.createdAt));
  return rows.flatMap(({ promo, landing, creative: c, source }) => {
    if (!landing) return [];
    const trackingLink = `${ctx.publicUrl.replace(/\/+$/, '')}/t/${promo.code}`;
    return [
      {
        id: promo.id,
        campaignId: promo.campaignId,
        code: promo.code,
        trackingLink,
        title: promo.title,
        promoCode: promo.promoCode,
        landing: { id: landing.id, name: landing.name, url: landing.url, audience: landing.audience },
        creative: c
          ? { id: c.id, title: c.title, width: c.width, height: c.height, assetUrl: c.assetUrl, format: c.format }
          : null,
        trafficSource: source ? { id: source.id, name: source.name } : null,
        htmlSnippet: c && c.format === 'banner' ? bannerSnippet(trackingLink, c) : null,
        createdAt: promo.createdAt.toISOString(),
      },
    ];
  });
}

const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function bannerSnippet(link: string, c: { assetUrl: string; width: number; height: number; title: string }) {
  return `<a href="${attr(link)}" target="_blank" rel="noopener"><img src="${attr(c.assetUrl)}" width="${c.width}" height="${c.height}" alt="${attr(c.title)}"></a>`;
}

// ---- Look-ups for other modules (they never read `campaigns` or `promos` themselves). ----

/** What a promo fixes about the traffic it brings: whom it credits and under which attributes it is counted. */
export interface PromoAttributes {
  promoId: string;
  partnerId: string;
  campaignId: string;
  brandId: string;
  planId: string;
  landingId: string;
  creativeId: string | null;
  trafficSourceId: string | null;
}

const promoAttributeColumns = {
  promoId: promos.id,
  partnerId: promos.partnerId,
  campaignId: promos.campaignId,
  brandId: campaigns.brandId,
  planId: campaigns.planId,
  landingId: promos.landingId,
  creativeId: promos.creativeId,
  trafficSourceId: promos.trafficSourceId,
};

/** Which promos these promo codes (the operator's coupon codes) name, by code; unknown codes are absent. One query per chunk. */
export async function promosByCode(
  ctx: TenantRead,
  promoCodes: Iterable<string>,
): Promise<Map<string, PromoAttributes>> {
  const rows = await selectInChunks(
    promoCodes,
    (codes) =>
      ctx.db
        .select({ code: promos.promoCode, ...promoAttributeColumns })
        .from(promos)
        .innerJoin(campaigns, eq(campaigns.id, promos.campaignId))
        .where(and(eq(promos.operatorId, ctx.operatorId), inArray(promos.promoCode, codes))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map(({ code, ...p }) => [code!, p]));
}

/** The attributes of these promos of the operator, by id. One query per chunk. */
export async function promoAttributesOf(
  ctx: TenantRead,
  promoIds: Iterable<string>,
): Promise<Map<string, PromoAttributes>> {
  const rows = await selectInChunks(
    promoIds,
    (ids) =>
      ctx.db
        .select(promoAttributeColumns)
        .from(promos)
        .innerJoin(campaigns, eq(campaigns.id, promos.campaignId))
        .where(and(eq(promos.operatorId, ctx.operatorId), inArray(promos.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((p) => [p.promoId, p]));
}

/** The names of these campaigns of the operator, by id. One query per chunk. */
export async function campaignNames(ctx: TenantRead, campaignIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await selectInChunks(
    campaignIds,
    (ids) =>
      ctx.db
        .select({ id: campaigns.id, name: campaigns.name })
        .from(campaigns)
        .where(and(eq(campaigns.operatorId, ctx.operatorId), inArray(campaigns.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((c) => [c.id, c.name]));
}

/** Whose campaigns these are, and their brand and plan, by id. One query per chunk. */
export async function campaignAttributesOf(
  ctx: TenantRead,
  campaignIds: Iterable<string>,
): Promise<Map<string, { partnerId: string; brandId: string; planId: string }>> {
  const rows = await selectInChunks(
    campaignIds,
    (ids) =>
      ctx.db
        .select({
          id: campaigns.id,
          partnerId: campaigns.partnerId,
          brandId: campaigns.brandId,
          planId: campaigns.planId,
        })
        .from(campaigns)
        .where(and(eq(campaigns.operatorId, ctx.operatorId), inArray(campaigns.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

/** The titles of these promos of the operator, by id. One query per chunk. */
export async function promoTitles(ctx: TenantRead, promoIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await selectInChunks(
    promoIds,
    (ids) =>
      ctx.db
        .select({ id: promos.id, title: promos.title })
        .from(promos)
        .where(and(eq(promos.operatorId, ctx.operatorId), inArray(promos.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((p) => [p.id, p.title]));
}

/** The promo codes (null when a promo has none) of these promos of the operator, by id. One query per chunk. */
export async function promoCodesOf(ctx: TenantRead, promoIds: Iterable<string>): Promise<Map<string, string | null>> {
  const rows = await selectInChunks(
    promoIds,
    (ids) =>
      ctx.db
        .select({ id: promos.id, code: promos.promoCode })
        .from(promos)
        .where(and(eq(promos.operatorId, ctx.operatorId), inArray(promos.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((p) => [p.id, p.code]));
}

/** Which of these ids are campaigns of the operator. One query per chunk. */
export async function existingCampaignIds(ctx: TenantRead, campaignIds: Iterable<string>): Promise<Set<string>> {
  const rows = await selectInChunks(
    campaignIds,
    (ids) =>
      ctx.db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.operatorId, ctx.operatorId), inArray(campaigns.id, ids))),
    ctx.maxBoundParams,
  );
  return new Set(rows.map((c) => c.id));
}

/** The partner's own campaign with this id (another partner's is null, as if absent). One query. */
export async function findPartnerCampaign(
  ctx: PartnerRead,
  campaignId: string,
): Promise<{ id: string; status: (typeof campaigns.$inferSelect)['status'] } | null> {
  const [row] = await ctx.db
    .select({ id: campaigns.id, status: campaigns.status })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.operatorId, ctx.operatorId),
        eq(campaigns.partnerId, ctx.partner.partnerId),
        eq(campaigns.id, campaignId),
      ),
    );
  return row ?? null;
}

/** The partner's own promo with this id and its campaign (another partner's is null). One query. */
export async function findPartnerPromo(
  ctx: PartnerRead,
  promoId: string,
): Promise<{ id: string; campaignId: string } | null> {
  const [row] = await ctx.db
    .select({ id: promos.id, campaignId: promos.campaignId })
    .from(promos)
    .where(
      and(eq(promos.operatorId, ctx.operatorId), eq(promos.partnerId, ctx.partner.partnerId), eq(promos.id, promoId)),
    );
  return row ?? null;
}

/*
 * Labels for another module's list queries, as SQL expressions (scalar subqueries on the primary
 * key) it puts in its own select or where: its rows carry campaign/promo ids, the names stay ours,
 * and a page is still one query. `id` is the caller's column (or SQL) holding the id; null when none.
 */
/**
 * Wraps a correlated subquery so drizzle keeps its columns table-qualified: in a select from one
 * table drizzle writes the select list's own columns bare ("id"), which inside a subquery would
 * name the inner table's column; a nested SQL chunk is left as written.
 */
const subquery = <T>(query: SQL): SQL<T> => sql<T>`${query}`;

export const campaignNameOf = (id: SQLWrapper) =>
  subquery<string | null>(sql`(select ${campaigns.name} from ${campaigns} where ${campaigns.id} = ${id})`);
export const promoTitleOf = (id: SQLWrapper) =>
  subquery<string | null>(sql`(select ${promos.title} from ${promos} where ${promos.id} = ${id})`);
export const promoCodeOf = (id: SQLWrapper) =>
  subquery<string | null>(sql`(select ${promos.promoCode} from ${promos} where ${promos.id} = ${id})`);

/**
 * What the `/t/{code}` redirect needs to know about a tracking code, in one query: the promo, its
 * campaign and partner, the landing's URL and audience with its brand's visit-id parameter (the
 * catalog's), and the partner's referral code (identity's). Null for an unknown code, and, as the
 * joins this replaced, for a promo whose landing or partner is gone. Not tenant-scoped: the code
 * is what finds the operator.
 */
export async function findPromoByTrackingCode(
  ctx: { db: Db },
  code: string,
): Promise<{
  promoId: string;
  operatorId: string;
  partnerId: string;
  campaignId: string;
  /** What the promo fixes about its clicks (counted under these in statistics). */
  attributes: PromoAttributes;
  landing: { url: string; audience: 'players' | 'sub_affiliates'; visitParam: string };
  partnerReferralCode: string;
} | null> {
  const [row] = await ctx.db
    .select({
      operatorId: promos.operatorId,
      ...promoAttributeColumns,
      landing: landingTargetOf(promos.landingId),
      partnerReferralCode: partnerReferralCodeOf(promos.partnerId),
    })
    .from(promos)
    .innerJoin(campaigns, eq(campaigns.id, promos.campaignId))
    .where(eq(promos.code, code));
  if (!row || !row.landing || row.partnerReferralCode === null) return null;
  const { operatorId, landing, partnerReferralCode, ...attributes } = row;
  return {
    promoId: attributes.promoId,
    operatorId,
    partnerId: attributes.partnerId,
    campaignId: attributes.campaignId,
    attributes,
    landing,
    partnerReferralCode,
  };
}
