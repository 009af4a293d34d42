/**
 * Program news (this module owns both tables).
 *
 * - An article belongs to one operator; `brandId` null is news for the whole program, otherwise
 *   for one brand (a label partners see, checked through catalog when written).
 * - draft → published (publishedAt set once; publishing again keeps it) → draft again when
 *   unpublished. Partners see published articles only; a draft's id answers them 404.
 * - The banner is a PNG, JPEG or WebP in the file store (`news/<operatorId>/<articleId>.<ext>`);
 *   `bannerVersion` is random and changes with each upload, so the public address built from it
 *   cannot be guessed from the ids and its answer can be cached for good.
 * - `news_reads` holds who has read what (one row per user and article); an article without a row
 *   for the user is unread.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../identity/table.ts';
import { operators } from '../operators/table.ts';

export const NEWS_STATUSES = ['draft', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

export const newsArticles = sqliteTable(
  'news_articles',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    brandId: text('brand_id'),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    status: text('status', { enum: NEWS_STATUSES }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    bannerKey: text('banner_key'),
    bannerType: text('banner_type'),
    bannerVersion: text('banner_version'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // The partners' list: published, newest first.
    index('news_articles_feed').on(t.operatorId, t.status, t.publishedAt),
    check('news_articles_status', sql`${t.status} != 'published' or ${t.publishedAt} is not null`),
  ],
);

export const newsReads = sqliteTable(
  'news_reads',
  {
    operatorId: text('operator_id').notNull(),
    articleId: text('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    /** The partner user who read it (their read state goes with them). */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.articleId] }), index('news_reads_article').on(t.articleId)],
);

export type NewsArticleRow = typeof newsArticles.$inferSelect;

/**
 * Who was mailed an article: the unique key that keeps the publish e-mail to one per user, however
 * often the article is published again or its job retried. Claimed right before the mail is
 * stored, so a crash between the two loses that one mail rather than sending it twice.
 */
export const newsMailings = sqliteTable(
  'news_mailings',
  {
    operatorId: text('operator_id').notNull(),
    articleId: text('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mailedAt: integer('mailed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);
