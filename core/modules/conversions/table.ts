import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/** approve / cancel / trash / hold: what every tracker's and network's status is normalised to. */
export const CONVERSION_STATUSES = ['hold', 'approve', 'cancel', 'trash'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

/**
 * A conversion reported by a tracker, a CPA network or the operator: attributed through the
 * click it names. `dedupeKey` is click id + transaction id for trackers (a new transaction on
 * the same click is an upsell: another row) and the order id for networks, so a repeated
 * postback finds its row instead of adding one. `revision` grows with each change that fires
 * partner postbacks, which keeps their delivery keys distinct per change.
 */
export const conversions = sqliteTable(
  'conversions',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    source: text('source', { enum: ['tracker', 'network', 'operator'] }).notNull(),
    connectionId: text('connection_id'),
    dedupeKey: text('dedupe_key').notNull(),
    externalId: text('external_id'),
    clickId: text('click_id'),
    partnerId: text('partner_id'),
    campaignId: text('campaign_id'),
    promoId: text('promo_id'),
    status: text('status', { enum: CONVERSION_STATUSES }).notNull(),
    /** The status exactly as the sender wrote it last time. */
    rawStatus: text('raw_status'),
    payoutMinor: integer('payout_minor'),
    currency: text('currency'),
    comment: text('comment'),
    reason: text('reason'),
    revision: integer('revision').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('conversions_dedupe').on(t.operatorId, t.source, t.connectionId, t.dedupeKey),
    index('conversions_operator_time').on(t.operatorId, t.createdAt),
    index('conversions_click').on(t.operatorId, t.clickId),
  ],
);

/** Every inbound call or operator change to a conversion, with the raw values and any warning. */
export const conversionChanges = sqliteTable(
  'conversion_changes',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    conversionId: text('conversion_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    source: text('source', { enum: ['tracker', 'network', 'operator'] }).notNull(),
    fromStatus: text('from_status', { enum: CONVERSION_STATUSES }),
    toStatus: text('to_status', { enum: CONVERSION_STATUSES }),
    rawStatus: text('raw_status'),
    payoutMinor: integer('payout_minor'),
    currency: text('currency'),
    /** created, changed, duplicate (nothing new), refused (transition not allowed), unknown_status. */
    outcome: text('outcome', { enum: ['created', 'changed', 'duplicate', 'refused', 'unknown_status'] }).notNull(),
    warning: text('warning'),
    /** The query/body pairs as received, for support. */
    received: text('received', { mode: 'json' }).$type<Record<string, string>>(),
  },
  (t) => [index('conversion_changes_conversion').on(t.operatorId, t.conversionId, t.at)],
);

/** Costs the operator uploads per campaign and day (UTC date), for cost, profit and ROI in reports. */
export const campaignCosts = sqliteTable(
  'campaign_costs',
  {
    operatorId: text('operator_id').notNull(),
    campaignId: text('campaign_id').notNull(),
    day: text('day').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.campaignId, t.day] })],
);
