/**
 * What other modules may know about clicks. Tracking owns the `clicks` table; events, conversions
 * and postbacks ask here (by id, in batches) instead of reading it.
 */
import type { PartnerRead, TenantContext, TenantRead } from '../../lib/context.ts';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { selectInChunks } from '../../db/in-chunks.ts';
import { promosByCode, type PromoAttributes } from '../campaigns/service.ts';
import { clicks } from './table.ts';

/** Which promos these promo codes (typed by players) name, with what they fix; unknown codes are absent. */
export async function resolvePromoCodes(
  ctx: TenantRead,
  promoCodes: Iterable<string>,
): Promise<Map<string, PromoAttributes>> {
  return promosByCode(ctx, promoCodes);
}

/** Whom a click credits. */
export interface ClickAttribution {
  id: string;
  partnerId: string;
  campaignId: string;
  promoId: string;
}

/** A click as a postback or a statistic sees it: whom it credits, where from, what, and its query parameters as received. */
export interface ClickFacts extends ClickAttribution {
  country: string | null;
  device: string | null;
  os: string | null;
  brandId: string | null;
  planId: string | null;
  landingId: string | null;
  creativeId: string | null;
  trafficSourceId: string | null;
  params: Array<[string, string]>;
  createdAt: Date;
}

const attributionColumns = {
  id: clicks.id,
  partnerId: clicks.partnerId,
  campaignId: clicks.campaignId,
  promoId: clicks.promoId,
};
const factColumns = {
  ...attributionColumns,
  country: clicks.country,
  device: clicks.device,
  os: clicks.os,
  brandId: clicks.brandId,
  planId: clicks.planId,
  landingId: clicks.landingId,
  creativeId: clicks.creativeId,
  trafficSourceId: clicks.trafficSourceId,
  params: clicks.params,
  createdAt: clicks.createdAt,
};

/** Whom each of these clicks (visit ids) of the operator credits; unknown ids are absent. One query per chunk of ids. */
export async function clickAttributions(
  ctx: TenantRead,
  clickIds: Iterable<string>,
): Promise<Map<string, ClickAttribution>> {
  const rows = await selectInChunks(
    clickIds,
    (ids) =>
      ctx.db
        .select(attributionColumns)
        .from(clicks)
        .where(and(eq(clicks.operatorId, ctx.operatorId), inArray(clicks.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((c) => [c.id, c]));
}

/** Facts about these clicks of the operator (postback macros): attribution, country, parameters. One query per chunk. */
export async function clickFacts(ctx: TenantRead, clickIds: Iterable<string>): Promise<Map<string, ClickFacts>> {
  const rows = await selectInChunks(
    clickIds,
    (ids) =>
      ctx.db
        .select(factColumns)
        .from(clicks)
        .where(and(eq(clicks.operatorId, ctx.operatorId), inArray(clicks.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((c) => [c.id, c]));
}

/**
 * The calling partner's newest clicks (at most `limit`), newest first, optionally within one
 * campaign or promo, or just the one click `clickId` when it is in that scope. One query.
 */
export async function findRecentClicks(
  ctx: PartnerRead,
  scope: {
    campaignId?: string | null;
    promoId?: string | null;
    clickId?: string;
    limit: number;
  },
): Promise<ClickFacts[]> {
  const conditions: Array<SQL | undefined> = [
    eq(clicks.operatorId, ctx.operatorId),
    eq(clicks.partnerId, ctx.partner.partnerId),
    scope.promoId
      ? eq(clicks.promoId, scope.promoId)
      : scope.campaignId
        ? eq(clicks.campaignId, scope.campaignId)
        : undefined,
    scope.clickId === undefined ? undefined : eq(clicks.id, scope.clickId),
  ];
  return ctx.db
    .select(factColumns)
    .from(clicks)
    .where(and(...conditions))
    .orderBy(desc(clicks.createdAt))
    .limit(scope.limit);
}

/**
 * Deletes up to `limit` of the operator's raw clicks older than `before` (the retention setting;
 * the aggregates keep counting them). Returns how many went; call again until it is below `limit`.
 */
export async function deleteClicksBefore(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
  input: { before: Date; limit: number },
): Promise<number> {
  const oldest = ctx.db
    .select({ id: clicks.id })
    .from(clicks)
    .where(and(eq(clicks.operatorId, ctx.operatorId), lt(clicks.createdAt, input.before)))
    .limit(input.limit);
  const deleted = await ctx.db.delete(clicks).where(inArray(clicks.id, oldest)).returning({ id: clicks.id });
  return deleted.length;
}
