/**
 * Whom a batch of player events credits, and what statistics count each under: the click named
 * by visitId, else the promo code, else the player's earlier attribution (its click, else its
 * promo). Everything the batch needs is read with a few queries, whatever its size.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { promoAttributesOf, type PromoAttributes } from '../campaigns/service.ts';
import { clickFacts, resolvePromoCodes, type ClickFacts } from '../tracking/service.ts';
import { players } from './table.ts';

export type AttributionMethod = 'visit_id' | 'promo_code' | 'player';
export interface Attribution {
  partnerId: string;
  campaignId: string;
  promoId: string;
  clickId: string | null;
  method: AttributionMethod;
}
/** What an attributed event is counted under: the click's attributes, else the promo's. */
export interface CountedUnder {
  planId: string | null;
  landingId: string | null;
  creativeId: string | null;
  trafficSourceId: string | null;
  country: string | null;
  device: string | null;
  os: string | null;
}
export type PlayerRow = typeof players.$inferSelect;

const playerKey = (brand: string, player: string) => `${brand}\u0000${player}`;

function fromClick(
  click: ClickFacts,
  method: AttributionMethod,
): { attribution: Attribution; under: CountedUnder; params?: Array<[string, string]> } {
  return {
    // The click's parameters: a report by sub id counts the registrations it brought too.
    params: click.params,
    attribution: {
      partnerId: click.partnerId,
      campaignId: click.campaignId,
      promoId: click.promoId,
      clickId: click.id,
      method,
    },
    under: {
      planId: click.planId,
      landingId: click.landingId,
      creativeId: click.creativeId,
      trafficSourceId: click.trafficSourceId,
      country: click.country,
      device: click.device,
      os: click.os,
    },
  };
}

function fromPromo(
  promo: PromoAttributes,
  clickId: string | null,
  method: AttributionMethod,
): { attribution: Attribution; under: CountedUnder; params?: Array<[string, string]> } {
  return {
    attribution: { partnerId: promo.partnerId, campaignId: promo.campaignId, promoId: promo.promoId, clickId, method },
    under: {
      planId: promo.planId,
      landingId: promo.landingId,
      creativeId: promo.creativeId,
      trafficSourceId: promo.trafficSourceId,
      country: null,
      device: null,
      os: null,
    },
  };
}

/** Loads what the batch's events point at; `attribute` then decides each event without queries. */
export async function loadAttributionSources(
  ctx: TenantContext,
  events: ReadonlyArray<{
    brand: string;
    playerId: string;
    visitId?: string | undefined;
    promoCode?: string | undefined;
  }>,
) {
  const { operatorId } = ctx;
  const maxParams = ctx.maxBoundParams ?? 100;
  const brands = [...new Set(events.map((e) => e.brand))];
  // With the brands too, the primary key (operator, brand, player) serves the look-up.
  const byBrand = brands.length <= maxParams / 4;
  const knownPlayers = new Map<string, PlayerRow>(
    (
      await selectInChunks(
        [...new Set(events.map((e) => e.playerId))],
        (ids) =>
          ctx.db
            .select()
            .from(players)
            .where(
              and(
                eq(players.operatorId, operatorId),
                byBrand ? inArray(players.brandId, brands) : undefined,
                inArray(players.playerId, ids),
              ),
            ),
        byBrand ? maxParams - brands.length : maxParams,
      )
    ).map((p) => [playerKey(p.brandId, p.playerId), p]),
  );
  const clickIds = [
    ...events.flatMap((e) => (e.visitId ? [e.visitId] : [])),
    ...[...knownPlayers.values()].flatMap((p) => (p.clickId ? [p.clickId] : [])),
  ];
  const clicks = await clickFacts(ctx, clickIds);
  const codes = await resolvePromoCodes(
    ctx,
    events.flatMap((e) => (e.promoCode ? [e.promoCode] : [])),
  );
  const playerPromos = await promoAttributesOf(
    ctx,
    [...knownPlayers.values()].filter((p) => !p.clickId || !clicks.has(p.clickId)).map((p) => p.promoId),
  );

  return {
    player: (brand: string, playerId: string) => knownPlayers.get(playerKey(brand, playerId)),
    /** Remembers a player first attributed in this batch, so its later events in the batch inherit it. */
    addPlayer: (row: PlayerRow) => knownPlayers.set(playerKey(row.brandId, row.playerId), row),
    attribute(event: {
      brand: string;
      playerId: string;
      visitId?: string | undefined;
      promoCode?: string | undefined;
    }) {
      const click = event.visitId ? clicks.get(event.visitId) : undefined;
      if (click) return fromClick(click, 'visit_id');
      const promo = event.promoCode ? codes.get(event.promoCode) : undefined;
      if (promo) return fromPromo(promo, null, 'promo_code');
      const player = knownPlayers.get(playerKey(event.brand, event.playerId));
      if (!player) return null;
      const playerClick = player.clickId ? clicks.get(player.clickId) : undefined;
      if (playerClick) return fromClick(playerClick, 'player');
      const playerPromo = playerPromos.get(player.promoId);
      if (playerPromo) return fromPromo(playerPromo, player.clickId, 'player');
      // The player's promo is gone: credit as before, counted under what is known.
      return {
        attribution: {
          partnerId: player.partnerId,
          campaignId: player.campaignId,
          promoId: player.promoId,
          clickId: player.clickId,
          method: 'player' as const,
        },
        under: {
          planId: null,
          landingId: null,
          creativeId: null,
          trafficSourceId: null,
          country: null,
          device: null,
          os: null,
        },
      };
    },
  };
}
