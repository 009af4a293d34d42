import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const PLAYER_EVENT_TYPES = [
  'registration',
  'first_deposit',
  'deposit',
  'withdrawal',
  'wager',
  'ngr',
  'chargeback',
  'lead',
  'sale',
  'custom',
] as const;
export const ATTRIBUTION_METHODS = ['visit_id', 'promo_code', 'player'] as const;

/**
 * Player events from the operator, idempotent by the operator's own event id. Each keeps the
 * attribution it got when it arrived (null when nothing matched: kept and listed, never lost).
 */
export const playerEvents = sqliteTable(
  'player_events',
  {
    operatorId: text('operator_id').notNull(),
    id: text('id').notNull(),
    type: text('type', { enum: PLAYER_EVENT_TYPES }).notNull(),
    playerId: text('player_id').notNull(),
    brandId: text('brand_id').notNull(),
    visitId: text('visit_id'),
    promoCode: text('promo_code'),
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    /** SHA-256 of the canonical event: a repeat with different content is a 409, not a silent overwrite. */
    contentHash: text('content_hash').notNull(),
    partnerId: text('partner_id'),
    campaignId: text('campaign_id'),
    promoId: text('promo_id'),
    clickId: text('click_id'),
    attributedBy: text('attributed_by', { enum: ATTRIBUTION_METHODS }),
    /** What statistics count the event under, fixed when it was attributed: the promo's and the click's. */
    planId: text('plan_id'),
    landingId: text('landing_id'),
    creativeId: text('creative_id'),
    trafficSourceId: text('traffic_source_id'),
    country: text('country'),
    device: text('device'),
    os: text('os'),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.operatorId, t.id] }),
    index('player_events_partner_time').on(t.operatorId, t.partnerId, t.occurredAt),
    index('player_events_player').on(t.operatorId, t.brandId, t.playerId),
    // Billing: a plan's events by the time they happened, and what arrived since a bill was cut.
    index('player_events_plan_time').on(t.operatorId, t.planId, t.occurredAt),
    index('player_events_received').on(t.operatorId, t.receivedAt),
  ],
);

/** A player's first attribution; later events without visit id or promo code inherit it. */
export const players = sqliteTable(
  'players',
  {
    operatorId: text('operator_id').notNull(),
    brandId: text('brand_id').notNull(),
    playerId: text('player_id').notNull(),
    partnerId: text('partner_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    promoId: text('promo_id').notNull(),
    clickId: text('click_id'),
    attributedAt: integer('attributed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.brandId, t.playerId] })],
);
