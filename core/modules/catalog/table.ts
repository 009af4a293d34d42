import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

/** A brand is one product of the operator (a casino, a broker…) with its own base currency. */
export const brands = sqliteTable('brands', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  websiteUrl: text('website_url').notNull(),
  /** Query parameter the tracking redirect appends the visit id under. */
  visitParam: text('visit_param').notNull().default('kb_vid'),
  /** Where an unknown tracking code sends a player, instead of an error page. */
  fallbackUrl: text('fallback_url'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [uniqueIndex('brands_operator_name').on(t.operatorId, t.name)]);
