/**
 * Demo sub-affiliate traffic: a level-1 and a level-2 sub-partner under each operator's demo
 * partner run a campaign on the operator's default RevShare plan (the one with sub-affiliate terms)
 * for its first brand, with a promo that has a promo code, and bring a handful of players: a
 * registration each (by a click on the promo, or by the promo code without one) and NGR over the
 * weeks after, positive overall, in the brand's currency. Their direct bills are what the demo
 * partner's (and the level-1 partner's) sub-affiliate bills are cut from. The events go in as
 * seed-tracking.ts writes its own: with the clicks and the statistics they add, in one batch.
 * Deterministic (a seeded PRNG) and small: a few dozen events.
 */
import { and, eq } from 'drizzle-orm';
import type { StoreContext } from '../core/lib/context.ts';
import { insertMany, insertManyAtomically } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { landings } from '../core/modules/catalog/table.ts';
import { campaigns, promos } from '../core/modules/campaigns/table.ts';
import { commissionPlans } from '../core/modules/commissions/table.ts';
import { clickWriteParts, type ClickRow } from '../core/modules/tracking/click-writer.ts';
import { eventFact } from '../core/modules/events/ingest-events.ts';
import { trafficCountParts } from '../core/modules/statistics/count-traffic.ts';
import { playerEvents, players } from '../core/modules/events/table.ts';
import { demoAmountMinor, prng } from './seed-tracking.ts';

const DAY = 86_400_000;

export interface TrafficSubPartner {
  id: string;
  name: string;
  country: string;
  createdAt: Date;
}

/** Players per sub-partner, and NGR events per player at most (fewer when "now" comes first). */
const PLAYERS = 3;
const NGR_EVENTS = 4;

export async function seedSubAffiliateTraffic(
  ctx: StoreContext,
  op: { operatorId: string; key: string; brand: { id: string; currency: string } },
  subPartners: TrafficSubPartner[],
  options: { maxParams?: number } = {},
): Promise<void> {
  if (subPartners.length === 0) return;
  const random = prng(20261202 + op.key.charCodeAt(0));
  const now = ctx.clock.now().getTime();
  const [plan] = await ctx.db
    .select({ id: commissionPlans.id })
    .from(commissionPlans)
    .where(
      and(
        eq(commissionPlans.operatorId, op.operatorId),
        eq(commissionPlans.isDefault, true),
        eq(commissionPlans.supportsSubAffiliates, true),
      ),
    )
    .limit(1);
  const [landing] = await ctx.db
    .select({ id: landings.id })
    .from(landings)
    .where(
      and(eq(landings.operatorId, op.operatorId), eq(landings.brandId, op.brand.id), eq(landings.audience, 'players')),
    )
    .limit(1);
  if (!plan || !landing) return;

  const campaignRows: Array<typeof campaigns.$inferInsert> = [];
  const promoRows: Array<typeof promos.$inferInsert> = [];
  const clickRows: ClickRow[] = [];
  const eventRows: Array<typeof playerEvents.$inferInsert> = [];
  const playerRows: Array<typeof players.$inferInsert> = [];
  for (const [s, partner] of subPartners.entries()) {
    // The campaign starts the day after the sign-up; its traffic covers the last ~80 days at most.
    const startedAt = new Date(partner.createdAt.getTime() + DAY);
    const from = Math.max(startedAt.getTime(), now - 80 * DAY);
    const campaign = {
      id: newId('camp', ctx.clock),
      operatorId: op.operatorId,
      partnerId: partner.id,
      brandId: op.brand.id,
      planId: plan.id,
      name: `${partner.name} — main`,
      status: 'active' as const,
      createdAt: startedAt,
      archivedAt: null,
    };
    const tag = partner.name.toUpperCase().replace(/[^A-Z]+/g, '');
    const promo = {
      id: newId('promo', ctx.clock),
      operatorId: op.operatorId,
      partnerId: partner.id,
      campaignId: campaign.id,
      code: `${op.key.slice(0, 2)}SA${s}${tag}`.slice(0, 12).toUpperCase(),
      landingId: landing.id,
      creativeId: null,
      trafficSourceId: null,
      title: 'Review page link',
      promoCode: tag.slice(0, 10),
      createdAt: startedAt,
    };
    campaignRows.push(campaign);
    promoRows.push(promo);
    for (let p = 0; p < PLAYERS; p++) {
      // Sign-ups spread over the partner's span, in the evening; then NGR about every nine days.
      const at = new Date(
        Math.floor((from + ((now - from) * p) / PLAYERS + random() * 3 * DAY) / DAY) * DAY +
          (17 + Math.floor(random() * 5)) * 3_600_000 +
          Math.floor(random() * 3_600_000),
      );
      if (at.getTime() > now) continue;
      const playerId = `${op.key.slice(0, 2)}-sa${s}p${p + 1}`;
      // Every other player comes by a click on the promo, the rest type its promo code.
      const click: ClickRow | null =
        p % 2 === 0
          ? {
              id: newId('v', { now: () => at }),
              operatorId: op.operatorId,
              partnerId: partner.id,
              campaignId: campaign.id,
              promoId: promo.id,
              brandId: op.brand.id,
              planId: plan.id,
              landingId: landing.id,
              creativeId: null,
              trafficSourceId: null,
              createdAt: new Date(at.getTime() - 4 * 60_000),
              params: [],
              ipPrefix: `203.0.113.0/24`,
              country: partner.country,
              device: 'desktop',
              os: 'Windows',
              browser: 'Chrome',
              referrer: null,
              isBot: false,
              isUnique: true,
            }
          : null;
      if (click) clickRows.push(click);
      const base = {
        operatorId: op.operatorId,
        playerId,
        brandId: op.brand.id,
        data: null,
        partnerId: partner.id,
        campaignId: campaign.id,
        promoId: promo.id,
        clickId: click?.id ?? null,
        // As seed-tracking.ts: the click's attributes, or only the promo's for a promo code.
        planId: plan.id,
        landingId: landing.id,
        creativeId: null,
        trafficSourceId: null,
        country: click?.country ?? null,
        device: click?.device ?? null,
        os: click?.os ?? null,
      };
      let first = true;
      const event = (type: 'registration' | 'ngr', minutes: number, amountMinor: number | null) => {
        const occurredAt = new Date(at.getTime() + minutes * 60_000);
        if (occurredAt.getTime() > now) return;
        const attributedBy = first ? (click ? 'visit_id' : 'promo_code') : 'player';
        eventRows.push({
          ...base,
          id: `${playerId}-${type}-${minutes}`,
          type,
          visitId: first && click ? click.id : null,
          promoCode: first && !click ? promo.promoCode : null,
          amountMinor,
          currency: amountMinor === null ? null : op.brand.currency,
          occurredAt,
          receivedAt: occurredAt,
          contentHash: `seed:${playerId}:${type}:${minutes}`,
          attributedBy,
        });
        if (first)
          playerRows.push({
            operatorId: op.operatorId,
            brandId: op.brand.id,
            playerId,
            partnerId: partner.id,
            campaignId: campaign.id,
            promoId: promo.id,
            clickId: click?.id ?? null,
            attributedAt: occurredAt,
          });
        first = false;
      };
      event('registration', 0, null);
      for (let w = 1; w <= NGR_EVENTS; w++) {
        // Now and then a player wins a little back (negative NGR), far less than the weeks it lost.
        const won = w === 2 && p === 1;
        const euros = won ? -(15 + random() * 25) : 120 + random() * 280;
        event('ngr', 1440 * 9 * w + 600, demoAmountMinor(op.brand.currency, euros, false));
      }
    }
  }
  await insertMany(ctx.db, campaigns, campaignRows, options);
  await insertMany(ctx.db, promos, promoRows, options);
  // Clicks, events and the statistics they add go in together, as seed-tracking.ts writes them.
  await insertManyAtomically(
    ctx.db,
    [
      ...clickWriteParts(clickRows),
      { table: playerEvents, rows: eventRows },
      ...trafficCountParts(eventRows.flatMap((e) => eventFact(e, e.clickId ? [] : undefined) ?? [])),
    ],
    options,
  );
  await insertMany(ctx.db, players, playerRows, options);
}
