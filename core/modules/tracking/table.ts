import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * One row per counted click (visit). `id` is the visit id appended to the landing URL.
 * `params` keeps every query parameter exactly as received, in order, duplicates included:
 * [[rawKey, rawValue], …] with no percent-decoding, so broken encodings survive untouched.
 * IPs are stored truncated (IPv4 /24, IPv6 /48): enough for fraud patterns, not a person.
 */
export const clicks = sqliteTable(
  'clicks',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    promoId: text('promo_id').notNull(),
    /** What the promo fixed at click time (its campaign's brand and plan, landing, creative, traffic source). */
    brandId: text('brand_id'),
    planId: text('plan_id'),
    landingId: text('landing_id'),
    creativeId: text('creative_id'),
    trafficSourceId: text('traffic_source_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    params: text('params', { mode: 'json' }).$type<Array<[string, string]>>().notNull(),
    ipPrefix: text('ip_prefix'),
    country: text('country'),
    device: text('device'),
    os: text('os'),
    browser: text('browser'),
    referrer: text('referrer'),
    isBot: integer('is_bot', { mode: 'boolean' }).notNull(),
    isUnique: integer('is_unique', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    index('clicks_promo_time').on(t.promoId, t.createdAt),
    index('clicks_partner_time').on(t.operatorId, t.partnerId, t.createdAt),
    // Operator-wide reads by time: raw reports' checks and the retention purge.
    index('clicks_operator_time').on(t.operatorId, t.createdAt),
  ],
);
