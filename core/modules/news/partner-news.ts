/**
 * The partner's news feed: published articles of the program, newest first, each with whether
 * the signed-in user has read it. A draft (never published, or unpublished) is not found.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { insertManyAtomically, rawStatement } from '../../db/insert-many.ts';
import type { PartnerContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { listBrandSummaries } from '../catalog/service.ts';
import { newsBannerUrl } from './articles.ts';
import { newsArticles, newsReads, type NewsArticleRow } from './table.ts';

type FeedContext = Pick<PartnerContext, 'db' | 'operatorId' | 'partner' | 'publicUrl' | 'clock' | 'maxBoundParams'>;

const published = (ctx: Pick<PartnerContext, 'operatorId'>) =>
  and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.status, 'published'));

/** This user's read mark of the article, joined (null when unread). */
const readMark = (ctx: Pick<PartnerContext, 'partner'>) =>
  and(eq(newsReads.articleId, newsArticles.id), eq(newsReads.userId, ctx.partner.userId));

async function brandNames(ctx: FeedContext): Promise<Map<string, { id: string; name: string }>> {
  return new Map((await listBrandSummaries(ctx)).map((b) => [b.id, { id: b.id, name: b.name }]));
}

function presentItem(
  ctx: FeedContext,
  row: NewsArticleRow,
  read: boolean,
  brands: Map<string, { id: string; name: string }>,
) {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    publishedAt: row.publishedAt!.toISOString(),
    brand: row.brandId ? (brands.get(row.brandId) ?? null) : null,
    bannerUrl: newsBannerUrl(ctx.publicUrl, row),
    read,
  };
}

/** Published articles not read by this user. */
export async function countUnreadNews(ctx: FeedContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(newsArticles)
    .leftJoin(newsReads, readMark(ctx))
    .where(and(published(ctx), isNull(newsReads.articleId)));
  return row?.n ?? 0;
}

export async function listPartnerNews(ctx: FeedContext, page: { limit: number; offset: number }) {
  const rows = await ctx.db
    .select({ article: newsArticles, readAt: newsReads.readAt })
    .from(newsArticles)
    .leftJoin(newsReads, readMark(ctx))
    .where(published(ctx))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totals] = await ctx.db
    .select({ total: count(), unread: sql<number>`coalesce(sum(${newsReads.articleId} is null), 0)` })
    .from(newsArticles)
    .leftJoin(newsReads, readMark(ctx))
    .where(published(ctx));
  const brands = await brandNames(ctx);
  return {
    data: rows.map((r) => presentItem(ctx, r.article, r.readAt !== null, brands)),
    unreadCount: Number(totals?.unread ?? 0),
    total: totals?.total ?? 0,
  };
}

async function loadPublished(ctx: FeedContext, articleId: string) {
  const [row] = await ctx.db
    .select({ article: newsArticles, readAt: newsReads.readAt })
    .from(newsArticles)
    .leftJoin(newsReads, readMark(ctx))
    .where(and(published(ctx), eq(newsArticles.id, articleId)));
  if (!row) throw notFound('News article');
  return row;
}

/**
 * One published article with its body as safe HTML (renderMarkdown escapes raw HTML and keeps
 * links to http(s)/mailto). Reading it does not mark it read: the widget says so when shown.
 */
export async function getPartnerNewsArticle(ctx: FeedContext, articleId: string) {
  const row = await loadPublished(ctx, articleId);
  const brands = await brandNames(ctx);
  return {
    ...presentItem(ctx, row.article, row.readAt !== null, brands),
    html: renderMarkdown(row.article.bodyMarkdown),
  };
}

/** Marks one published article read for this user; again is no change. */
export async function markNewsRead(ctx: FeedContext, articleId: string): Promise<{ unreadCount: number }> {
  await loadPublished(ctx, articleId);
  await ctx.db
    .insert(newsReads)
    .values({ operatorId: ctx.operatorId, articleId, userId: ctx.partner.userId, readAt: ctx.clock.now() })
    .onConflictDoNothing();
  return { unreadCount: await countUnreadNews(ctx) };
}

/** Marks every published article read for this user, in one statement. */
export async function markAllNewsRead(ctx: FeedContext): Promise<{ unreadCount: number }> {
  const now = ctx.clock.now().getTime();
  await insertManyAtomically(ctx.db, [
    rawStatement(sql`insert into ${newsReads} (operator_id, article_id, user_id, read_at)
    select ${ctx.operatorId}, id, ${ctx.partner.userId}, ${now} from ${newsArticles}
    where operator_id = ${ctx.operatorId} and status = 'published'
    on conflict do nothing`),
  ]);
  return { unreadCount: await countUnreadNews(ctx) };
}
