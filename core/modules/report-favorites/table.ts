/**
 * Report favorites (this module owns the table below; reports run through the statistics module).
 *
 * - A favorite is a partner's saved report question under a name: the whole team shares it, and it
 *   records who saved it (the user, and their email then, kept when the user is gone) and when.
 * - The name is unique per partner ignoring case (`name_key` is the name lowercased in JavaScript,
 *   so Cyrillic folds too; SQLite's lower() folds ASCII only).
 * - The question is the report's query minus paging, as the query string spells it (strings,
 *   lists comma-separated): a relative period (`last_7_days`) stays relative and resolves when the
 *   favorite runs; a custom one keeps its dates; `currency` absent means each currency on its own.
 *   Only the name changes after saving.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners, users } from '../identity/table.ts';

export const reportFavorites = sqliteTable(
  'report_favorites',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    question: text('question', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    savedByUserId: text('saved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    savedByEmail: text('saved_by_email').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('report_favorites_name_per_partner').on(t.operatorId, t.partnerId, t.nameKey),
    index('report_favorites_partner_newest').on(t.operatorId, t.partnerId, t.createdAt),
  ],
);

export type ReportFavoriteRow = typeof reportFavorites.$inferSelect;
