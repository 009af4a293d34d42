/** The partner's event log (player events attributed to them), and the operator's list of events nothing could attribute. */
import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { formatStoredAmount } from '../../lib/money.ts';
import { campaignNameOf, promoTitleOf } from '../campaigns/service.ts';
import { playerEvents } from './table.ts';
import type { z } from 'zod';
import type { EventQuerySchema } from './schemas.ts';

type EventRow = typeof playerEvents.$inferSelect;

function present(e: EventRow, campaignName: string | null, promoTitle: string | null) {
  return {
    id: e.id,
    type: e.type,
    playerId: e.playerId,
    brandId: e.brandId,
    amount: formatStoredAmount(e.amountMinor, e.currency),
    currency: e.currency,
    occurredAt: e.occurredAt.toISOString(),
    campaignId: e.campaignId,
    campaignName,
    promoId: e.promoId,
    promoTitle,
    clickId: e.clickId,
    attributedBy: e.attributedBy,
  };
}

export async function listPartnerEvents(ctx: PartnerContext, query: z.infer<typeof EventQuerySchema>) {
  const rows = await ctx.db
    .select({
      event: playerEvents,
      campaignName: campaignNameOf(playerEvents.campaignId),
      promoTitle: promoTitleOf(playerEvents.promoId),
    })
    .from(playerEvents)
    .where(
      and(
        eq(playerEvents.operatorId, ctx.operatorId),
        eq(playerEvents.partnerId, ctx.partner.partnerId),
        query.type ? eq(playerEvents.type, query.type) : undefined,
        query.campaignId ? eq(playerEvents.campaignId, query.campaignId) : undefined,
        query.clickId ? eq(playerEvents.clickId, query.clickId) : undefined,
        query.from ? gte(playerEvents.occurredAt, new Date(query.from)) : undefined,
        query.to ? lte(playerEvents.occurredAt, new Date(query.to)) : undefined,
      ),
    )
    .orderBy(desc(playerEvents.occurredAt))
    .limit(query.limit);
  return rows.map((r) => present(r.event, r.campaignName, r.promoTitle));
}

export async function listUnattributedEvents(ctx: TenantContext, limit: number) {
  const rows = await ctx.db
    .select()
    .from(playerEvents)
    .where(and(eq(playerEvents.operatorId, ctx.operatorId), isNull(playerEvents.partnerId)))
    .orderBy(desc(playerEvents.receivedAt))
    .limit(limit);
  return rows.map((e) => present(e, null, null));
}
