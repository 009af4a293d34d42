import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

/** A brand is one product of the operator (a casino, a broker…) with its own base currency. */
export const brands = sqliteTable(
  'brands',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    websiteUrl: text('website_url').notNull(),
    /** Query parameter the tracking redirect appends the visit id under. */
    visitParam: text('visit_param').notNull().default('kb_vid'),
    /** Where an unknown tracking code sends a player, instead of an error page. */
    fallbackUrl: text('fallback_url'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('brands_operator_name').on(t.operatorId, t.name)],
);

export const LANDING_AUDIENCES = ['players', 'sub_affiliates'] as const;

/** Where a promo sends traffic: a brand page for players, or the program's sign-up for sub-affiliates. */
export const landings = sqliteTable(
  'landings',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    brandId: text('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    audience: text('audience', { enum: LANDING_AUDIENCES }).notNull(),
    language: text('language').notNull(),
    /** ISO country codes the landing is meant for; empty means everywhere. */
    countries: text('countries', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('landings_operator_brand').on(t.operatorId, t.brandId)],
);

export const CREATIVE_FORMATS = ['banner', 'html5', 'video', 'text', 'email'] as const;

/** Banners and other media partners place; private ones are visible only to listed partners. */
export const creatives = sqliteTable(
  'creatives',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    brandId: text('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    language: text('language').notNull(),
    format: text('format', { enum: CREATIVE_FORMATS }).notNull(),
    privacy: text('privacy', { enum: ['public', 'private'] }).notNull(),
    allowedPartnerIds: text('allowed_partner_ids', { mode: 'json' }).$type<string[]>().notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    assetUrl: text('asset_url').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('creatives_operator').on(t.operatorId)],
);

export const trafficSources = sqliteTable(
  'traffic_sources',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('traffic_sources_operator_name').on(t.operatorId, t.name)],
);
