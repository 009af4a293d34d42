/**
 * Terms and conditions (this module owns the tables below).
 *
 * - A version is the operator's terms as published: numbered 1, 2, 3… per operator, never changed
 *   once published. The highest number is the current terms; there are no drafts.
 * - An acceptance is one user's "I accept" of one version, with when and from where (IP, browser).
 *   One per user and version: accepting again keeps the first.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners, users } from '../identity/table.ts';

export const termsVersions = sqliteTable(
  'terms_versions',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    summaryOfChanges: text('summary_of_changes'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
    /** Who published it: `api_key`, or the operator staff user's id when staff sign in to the console. */
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('terms_versions_number_per_operator').on(t.operatorId, t.version)],
);

export const termsAcceptances = sqliteTable(
  'terms_acceptances',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    termsVersionId: text('terms_version_id')
      .notNull()
      .references(() => termsVersions.id, { onDelete: 'cascade' }),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('terms_acceptances_user_version').on(t.userId, t.termsVersionId),
    index('terms_acceptances_version_time').on(t.operatorId, t.termsVersionId, t.acceptedAt),
  ],
);

export type TermsVersionRow = typeof termsVersions.$inferSelect;
