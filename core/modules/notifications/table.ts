/**
 * Notifications (this module owns the three tables below).
 *
 * - One row per notification. A partner's own news (a bill approved, a cash-out paid, a document
 *   reviewed) is a row with its `partner_id`. Something for every partner (news, new terms) is ONE
 *   broadcast row with `partner_id` null: publishing news to 10,000 partners is one insert, and
 *   every partner's list reads it through the same index as its own rows.
 * - A broadcast reaches every partner of the operator, later ones included (news stays news); a
 *   user's read state starts at the moment they joined (see `notification_read_state`), so a new
 *   user is not greeted with a pile of old unread items.
 * - Words are not stored: `kind` + `params` are, and the widget words them in the reader's language.
 * - `dedupe_key` (optional, unique per operator) makes a retried job notify once.
 * - Read state is per user (each team member has their own): a watermark per user ("everything up
 *   to this id is read", moved by "mark all as read", started at the user's join time) plus one mark
 *   per notification read above it. Ids begin with their time, so "up to this id" is "up to then".
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners, users } from '../identity/table.ts';

export const NOTIFICATION_KINDS = [
  'news_published',
  'document_reviewed',
  'terms_published',
  'bill_approved',
  'cash_out_paid',
] as const;

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    /** null: a broadcast to every partner of the operator. */
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** A portal hash route (`#/news/<id>`). */
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // SQLite lets many rows have a null key: only notifications that name a key are deduplicated.
    uniqueIndex('notifications_dedupe').on(t.operatorId, t.dedupeKey),
    // The list, newest first, and the unread count: (operator, partner) and (operator, null)
    // ranges, by id above the reader's watermark.
    index('notifications_reader').on(t.operatorId, t.partnerId, t.id),
  ],
);

/** Per user: every notification with an id up to `read_through_id` counts as read. */
export const notificationReadState = sqliteTable('notification_read_state', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  operatorId: text('operator_id').notNull(),
  readThroughId: text('read_through_id').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** One notification read by one user, above that user's watermark. */
export const notificationReads = sqliteTable(
  'notification_reads',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    notificationId: text('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    operatorId: text('operator_id').notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationId] })],
);

export type NotificationRow = typeof notifications.$inferSelect;
