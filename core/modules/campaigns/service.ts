/**
 * Partner campaigns and promos. A campaign ties one brand to one plan; each promo is a tracking
 * link. Archived campaigns take no new promos and no edits, but their links keep tracking.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps, PartnerPrincipal } from '../../http/deps.ts';
import { ProblemError, fieldProblem, notFound } from '../../http/problem.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { brands, commissionPlans, creatives, landings, trafficSources } from '../catalog/table.ts';
import { plansForPartner, presentCreative } from '../catalog/catalog-service.ts';
import { campaigns, promos } from './table.ts';
import type { CampaignQuerySchema, CreateCampaignSchema, CreatePromoSchema, UpdatePromoSchema } from './schemas.ts';

const invalid = fieldProblem;

export async function createCampaign(deps: AppDeps, who: PartnerPrincipal, input: z.infer<typeof CreateCampaignSchema>) {
  const [brand] = await deps.db.select().from(brands).where(and(eq(brands.operatorId, who.operatorId), eq(brands.id, input.brandId)));
  if (!brand) throw invalid('body.brandId', 'no such brand');
  const plans = await plansForPartner(deps, who.operatorId, who.partnerId);
  if (!plans.some((p) => p.id === input.planId)) throw invalid('body.planId', 'this plan is not offered to your account');
  const id = newId('camp', deps.clock);
  await deps.db.insert(campaigns).values({ id, operatorId: who.operatorId, partnerId: who.partnerId, brandId: brand.id, planId: input.planId, name: input.name, status: 'active', createdAt: deps.clock.now() });
  return getCampaign(deps, who, id);
}

async function loadCampaign(deps: AppDeps, who: PartnerPrincipal, campaignId: string) {
  const [row] = await deps.db.select({ campaign: campaigns, brand: { id: brands.id, name: brands.name }, plan: { id: commissionPlans.id, name: commissionPlans.name, kind: commissionPlans.kind } })
    .from(campaigns).innerJoin(brands, eq(brands.id, campaigns.brandId)).innerJoin(commissionPlans, eq(commissionPlans.id, campaigns.planId))
    .where(and(eq(campaigns.operatorId, who.operatorId), eq(campaigns.partnerId, who.partnerId), eq(campaigns.id, campaignId)));
  if (!row) throw notFound('Campaign');
  return row;
}

function presentCampaign(row: Awaited<ReturnType<typeof loadCampaign>>, promoCount: number) {
  const { campaign } = row;
  return {
    id: campaign.id, name: campaign.name, status: campaign.status, brand: row.brand, plan: row.plan, promoCount,
    createdAt: campaign.createdAt.toISOString(), archivedAt: campaign.archivedAt?.toISOString() ?? null,
  };
}

export async function listCampaigns(deps: AppDeps, who: PartnerPrincipal, query: z.infer<typeof CampaignQuerySchema>) {
  const rows = await deps.db.select({ campaign: campaigns, brand: { id: brands.id, name: brands.name }, plan: { id: commissionPlans.id, name: commissionPlans.name, kind: commissionPlans.kind } })
    .from(campaigns).innerJoin(brands, eq(brands.id, campaigns.brandId)).innerJoin(commissionPlans, eq(commissionPlans.id, campaigns.planId))
    .where(and(
      eq(campaigns.operatorId, who.operatorId), eq(campaigns.partnerId, who.partnerId), eq(campaigns.status, query.status),
      query.q ? like(campaigns.name, `%${query.q.replace(/[%_]/g, '')}%`) : undefined,
      query.brandId ? eq(campaigns.brandId, query.brandId) : undefined,
      query.planId ? eq(campaigns.planId, query.planId) : undefined,
      query.from ? gte(campaigns.createdAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
      query.to ? lte(campaigns.createdAt, new Date(`${query.to}T23:59:59.999Z`)) : undefined,
    )).orderBy(desc(campaigns.createdAt));
  const ids = rows.map((r) => r.campaign.id);
  const counts = new Map((ids.length ? await deps.db.select({ id: promos.campaignId, n: count() }).from(promos).where(inArray(promos.campaignId, ids)).groupBy(promos.campaignId) : []).map((r) => [r.id, r.n]));
  return rows.map((r) => presentCampaign(r, counts.get(r.campaign.id) ?? 0));
}

export async function getCampaign(deps: AppDeps, who: PartnerPrincipal, campaignId: string) {
  const row = await loadCampaign(deps, who, campaignId);
  const promoRows = await loadPromos(deps, who, eq(promos.campaignId, campaignId));
  return { ...presentCampaign(row, promoRows.length), promos: promoRows };
}

export async function setCampaignArchived(deps: AppDeps, who: PartnerPrincipal, campaignId: string, archived: boolean) {
  await loadCampaign(deps, who, campaignId);
  await deps.db.update(campaigns).set({ status: archived ? 'archived' : 'active', archivedAt: archived ? deps.clock.now() : null })
    .where(and(eq(campaigns.operatorId, who.operatorId), eq(campaigns.id, campaignId)));
  return getCampaign(deps, who, campaignId);
}

const assertActive = (row: Awaited<ReturnType<typeof loadCampaign>>) => {
  if (row.campaign.status === 'archived') throw new ProblemError('conflict', 'The campaign is archived: unarchive it to add or edit promos (its links keep tracking)');
};

export async function createPromo(deps: AppDeps, who: PartnerPrincipal, campaignId: string, input: z.infer<typeof CreatePromoSchema>) {
  const row = await loadCampaign(deps, who, campaignId);
  assertActive(row);
  const [landing] = await deps.db.select().from(landings).where(and(eq(landings.operatorId, who.operatorId), eq(landings.id, input.landingId), eq(landings.brandId, row.brand.id)));
  if (!landing) throw invalid('body.landingId', 'no such landing for this campaign\'s brand');
  if (input.creativeId) {
    const [creative] = await deps.db.select().from(creatives).where(and(eq(creatives.operatorId, who.operatorId), eq(creatives.id, input.creativeId)));
    if (!creative || (creative.privacy === 'private' && !creative.allowedPartnerIds.includes(who.partnerId))) throw invalid('body.creativeId', 'no such creative');
  }
  if (input.trafficSourceId) await requireTrafficSource(deps, who.operatorId, input.trafficSourceId);
  if (input.promoCode) {
    const [taken] = await deps.db.select({ id: promos.id }).from(promos).where(and(eq(promos.operatorId, who.operatorId), eq(promos.promoCode, input.promoCode)));
    if (taken) throw new ProblemError('conflict', `The promo code "${input.promoCode}" is taken`, [{ path: 'body.promoCode', message: 'already taken' }]);
  }
  const id = newId('promo', deps.clock);
  await deps.db.insert(promos).values({ id, operatorId: who.operatorId, partnerId: who.partnerId, campaignId, code: randomToken(10), ...input, createdAt: deps.clock.now() });
  return getPromo(deps, who, id);
}

async function requireTrafficSource(deps: AppDeps, operatorId: string, id: string) {
  const [source] = await deps.db.select().from(trafficSources).where(and(eq(trafficSources.operatorId, operatorId), eq(trafficSources.id, id)));
  if (!source) throw invalid('body.trafficSourceId', 'no such traffic source');
}

export async function updatePromo(deps: AppDeps, who: PartnerPrincipal, promoId: string, input: z.infer<typeof UpdatePromoSchema>) {
  const promo = await getPromo(deps, who, promoId);
  assertActive(await loadCampaign(deps, who, promo.campaignId));
  if (input.trafficSourceId !== undefined) {
    if (promo.trafficSource && promo.trafficSource.id !== input.trafficSourceId) throw new ProblemError('conflict', 'A promo\'s traffic source cannot change once set', [{ path: 'body.trafficSourceId', message: 'already set' }]);
    await requireTrafficSource(deps, who.operatorId, input.trafficSourceId);
  }
  await deps.db.update(promos).set(input).where(and(eq(promos.operatorId, who.operatorId), eq(promos.id, promoId)));
  return getPromo(deps, who, promoId);
}

export async function getPromo(deps: AppDeps, who: PartnerPrincipal, promoId: string) {
  const [promo] = await loadPromos(deps, who, eq(promos.id, promoId));
  if (!promo) throw notFound('Promo');
  return promo;
}

async function loadPromos(deps: AppDeps, who: PartnerPrincipal, where: ReturnType<typeof eq>) {
  const rows = await deps.db.select({ promo: promos, landing: landings, creative: creatives, source: trafficSources }).from(promos)
    .innerJoin(landings, eq(landings.id, promos.landingId))
    .leftJoin(creatives, eq(creatives.id, promos.creativeId))
    .leftJoin(trafficSources, eq(trafficSources.id, promos.trafficSourceId))
    .where(and(eq(promos.operatorId, who.operatorId), eq(promos.partnerId, who.partnerId), where)).orderBy(asc(promos.createdAt));
  return rows.map(({ promo, landing, creative, source }) => {
    const trackingLink = `${deps.publicUrl.replace(/\/+$/, '')}/t/${promo.code}`;
    const c = creative ? presentCreative(creative) : null;
    return {
      id: promo.id, campaignId: promo.campaignId, code: promo.code, trackingLink, title: promo.title, promoCode: promo.promoCode,
      landing: { id: landing.id, name: landing.name, url: landing.url, audience: landing.audience },
      creative: c ? { id: c.id, title: c.title, width: c.width, height: c.height, assetUrl: c.assetUrl, format: c.format } : null,
      trafficSource: source ? { id: source.id, name: source.name } : null,
      htmlSnippet: c && c.format === 'banner' ? bannerSnippet(trackingLink, c) : null,
      createdAt: promo.createdAt.toISOString(),
    };
  });
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function bannerSnippet(link: string, c: { assetUrl: string; width: number; height: number; title: string }) {
  return `<a href="${attr(link)}" target="_blank" rel="noopener"><img src="${attr(c.assetUrl)}" width="${c.width}" height="${c.height}" alt="${attr(c.title)}"></a>`;
}
