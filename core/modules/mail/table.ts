import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Every email is a row first: with the `outbox` driver it stays here (and the demo mailbox
 * shows it); with `smtp` or `http` a job delivers it and records the outcome.
 */
export const mailMessages = sqliteTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: ['stored', 'queued', 'sent', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('mail_messages_operator').on(t.operatorId, t.createdAt)],
);
