import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

/** A partner's campaign: one brand, one commission plan; archived campaigns keep tracking. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    brandId: text('brand_id').notNull(),
    planId: text('plan_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'archived'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('campaigns_partner').on(t.operatorId, t.partnerId, t.status)],
);

/** A promo is one tracking link (`/t/{code}`), optionally with a promo code players type in. */
export const promos = sqliteTable(
  'promos',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The public tracking code in the link; unique across operators (the link names no operator). */
    code: text('code').notNull(),
    landingId: text('landing_id').notNull(),
    /** null = direct link (no creative). */
    creativeId: text('creative_id'),
    /** Once set it never changes; empty may be set later. */
    trafficSourceId: text('traffic_source_id'),
    title: text('title').notNull(),
    promoCode: text('promo_code'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('promos_code').on(t.code),
    uniqueIndex('promos_operator_promo_code').on(t.operatorId, t.promoCode),
    index('promos_campaign').on(t.campaignId),
  ],
);
