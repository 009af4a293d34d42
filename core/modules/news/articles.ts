/**
 * The operator's news articles: write drafts, publish (which announces them once: a notification
 * to every partner and a job that e-mails opted-in users), unpublish, delete, and the banner image.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { rawStatement } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { fieldProblem, notFound } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { newId } from '../../lib/ids.ts';
import { findBrand, listBrandSummaries } from '../catalog/service.ts';
import { notifyEveryPartner } from '../notifications/service.ts';
import type { CreateNewsArticleInput, UpdateNewsArticleInput } from './schemas.ts';
import { newsArticles, type NewsArticleRow } from './table.ts';

export const ANNOUNCE_NEWS_JOB = 'news.announce';
export interface AnnounceNewsJob {
  operatorId: string;
  articleId: string;
}

/** The banner types an article takes (checked by the bytes' signature), with the extension stored. */
export const BANNER_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
export const MAX_BANNER_BYTES = 2 * 1024 * 1024;

type Brand = { id: string; name: string };

/** The banner's public address: published articles only (a draft's is read by the operator's key). */
export function newsBannerUrl(publicUrl: string, row: NewsArticleRow): string | null {
  if (!row.bannerVersion || row.status !== 'published') return null;
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/v1/public/operators/${encodeURIComponent(row.operatorId)}/news/${encodeURIComponent(row.id)}/banner/${row.bannerVersion}`;
}

function presentArticle(ctx: Pick<TenantContext, 'publicUrl'>, row: NewsArticleRow, brand: Brand | null) {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    bodyMarkdown: row.bodyMarkdown,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    brand,
    hasBanner: Boolean(row.bannerKey),
    bannerType: row.bannerType,
    bannerUrl: newsBannerUrl(ctx.publicUrl, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type NewsArticle = ReturnType<typeof presentArticle>;

/** An article of this operator, or 404. */
export async function loadArticle(ctx: Pick<TenantContext, 'db' | 'operatorId'>, articleId: string) {
  const [row] = await ctx.db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)));
  if (!row) throw notFound('News article');
  return row;
}

async function present(ctx: TenantContext, row: NewsArticleRow): Promise<NewsArticle> {
  return presentArticle(ctx, row, row.brandId ? await findBrand(ctx, row.brandId) : null);
}

/** A brand of this operator, or a 422 on `brandId`. */
async function checkBrand(ctx: TenantContext, brandId: string | null | undefined) {
  if (!brandId) return;
  if (!(await findBrand(ctx, brandId)))
    throw fieldProblem('brandId', 'not_found_reference', 'is not a brand of this program', { resource: 'brand' });
}

/** Every article, drafts first (newest edited first), then published ones newest first. */
export async function listArticles(ctx: TenantContext): Promise<NewsArticle[]> {
  const rows = await ctx.db
    .select()
    .from(newsArticles)
    .where(eq(newsArticles.operatorId, ctx.operatorId))
    .orderBy(sql`${newsArticles.status} = 'published'`, desc(newsArticles.publishedAt), desc(newsArticles.updatedAt));
  const brands = new Map((await listBrandSummaries(ctx)).map((b) => [b.id, { id: b.id, name: b.name }]));
  return rows.map((row) => presentArticle(ctx, row, row.brandId ? (brands.get(row.brandId) ?? null) : null));
}

export async function getArticle(ctx: TenantContext, articleId: string): Promise<NewsArticle> {
  return present(ctx, await loadArticle(ctx, articleId));
}

export async function createArticle(ctx: TenantContext, input: CreateNewsArticleInput): Promise<NewsArticle> {
  await checkBrand(ctx, input.brandId);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(newsArticles)
    .values({
      id: newId('news', ctx.clock),
      operatorId: ctx.operatorId,
      brandId: input.brandId ?? null,
      title: input.title,
      excerpt: input.excerpt,
      bodyMarkdown: input.bodyMarkdown,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return present(ctx, row!);
}

export async function updateArticle(
  ctx: TenantContext,
  input: UpdateNewsArticleInput & { articleId: string },
): Promise<NewsArticle> {
  const { articleId, ...changes } = input;
  await loadArticle(ctx, articleId);
  await checkBrand(ctx, changes.brandId);
  const [row] = await ctx.db
    .update(newsArticles)
    .set({ ...changes, updatedAt: ctx.clock.now() })
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)))
    .returning();
  return present(ctx, row!);
}

/**
 * Publishes a draft: the status change and the announcing job are one batch. Publishing a
 * published article changes nothing. The job's key and the mailings' unique key make the
 * announcement once per article, however often it is published again.
 */
export async function publishArticle(
  ctx: TenantContext,
  { articleId, announce = true }: { articleId: string; announce?: boolean },
): Promise<NewsArticle> {
  const row = await loadArticle(ctx, articleId);
  if (row.status === 'published') return present(ctx, row);
  const now = ctx.clock.now().getTime();
  if (!announce) {
    // Importing past news (the demo seed): published as of the clock, with no bell and no e-mail.
    await ctx.db
      .update(newsArticles)
      .set({ status: 'published', publishedAt: new Date(now), updatedAt: new Date(now) })
      .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)));
    return getArticle(ctx, articleId);
  }
  const job: AnnounceNewsJob = { operatorId: ctx.operatorId, articleId };
  await ctx.jobs.enqueueMany(
    [{ kind: ANNOUNCE_NEWS_JOB, payload: job, operatorId: ctx.operatorId, idempotencyKey: `news:${articleId}` }],
    [
      rawStatement(sql`update ${newsArticles} set status = 'published', published_at = ${now}, updated_at = ${now}
        where operator_id = ${ctx.operatorId} and id = ${articleId} and status = 'draft'`),
    ],
  );
  // The bell in the portal; its dedupe key keeps it to one per article too.
  await notifyEveryPartner(ctx, {
    kind: 'news_published',
    params: { title: row.title },
    link: `#/news/${articleId}`,
    dedupeKey: `news:${articleId}`,
  });
  return getArticle(ctx, articleId);
}

/** Back to a draft: partners no longer see it (nor its banner's address). Its read marks stay. */
export async function unpublishArticle(ctx: TenantContext, articleId: string): Promise<NewsArticle> {
  await loadArticle(ctx, articleId);
  const [row] = await ctx.db
    .update(newsArticles)
    .set({ status: 'draft', publishedAt: null, updatedAt: ctx.clock.now() })
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)))
    .returning();
  return present(ctx, row!);
}

/** Deletes the article, its read marks and its banner file. */
export async function deleteArticle(ctx: TenantContext, articleId: string): Promise<void> {
  const row = await loadArticle(ctx, articleId);
  await ctx.db
    .delete(newsArticles)
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)));
  // After the row: a file left behind by a failed delete is only storage, never a broken article.
  if (row.bannerKey && ctx.files) await ctx.files.delete(row.bannerKey).catch(() => {});
}

/**
 * Checks an uploaded banner: non-empty, at most 2 MB, PNG, JPEG or WebP by its bytes (the caller
 * detected `detected`), and the type it was sent as (`declared`, the Content-Type) is what it is.
 */
export function checkBanner(bytes: Uint8Array, detected: { mime: string } | null, declared: string | null): string {
  if (!bytes.byteLength) throw fieldProblem('body', 'required', 'is empty: send the image’s bytes');
  if (bytes.byteLength > MAX_BANNER_BYTES)
    throw fieldProblem('body', 'too_large', 'is larger than the banner limit of 2 MB', { maximum: MAX_BANNER_BYTES });
  if (!detected || !BANNER_TYPES[detected.mime])
    throw fieldProblem('body', 'invalid_choice', 'is not a PNG, JPEG or WebP image (read from its bytes)', {
      allowed: Object.keys(BANNER_TYPES),
    });
  if (declared !== null && declared !== detected.mime)
    throw fieldProblem('header.content-type', 'invalid_choice', `is ${declared}, but the bytes are ${detected.mime}`, {
      allowed: [detected.mime],
    });
  return detected.mime;
}

/** Stores a checked banner under `news/<operatorId>/<articleId>.<ext>` with a new version (a new public address). */
export async function setArticleBanner(
  ctx: TenantContext & { files: FileStore },
  input: { articleId: string; bytes: Uint8Array; mime: string },
): Promise<NewsArticle> {
  const row = await loadArticle(ctx, input.articleId);
  const ext = BANNER_TYPES[input.mime];
  if (!ext) throw new Error(`Not a banner type: ${input.mime}`);
  const key = `news/${ctx.operatorId}/${row.id}.${ext}`;
  await ctx.files.put(key, input.bytes, input.mime);
  const [updated] = await ctx.db
    .update(newsArticles)
    .set({ bannerKey: key, bannerType: input.mime, bannerVersion: newId('v', ctx.clock), updatedAt: ctx.clock.now() })
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, row.id)))
    .returning();
  // Another type left its file under another extension.
  if (row.bannerKey && row.bannerKey !== key) await ctx.files.delete(row.bannerKey).catch(() => {});
  return present(ctx, updated!);
}

export async function removeArticleBanner(ctx: TenantContext, articleId: string): Promise<NewsArticle> {
  const row = await loadArticle(ctx, articleId);
  const [updated] = await ctx.db
    .update(newsArticles)
    .set({ bannerKey: null, bannerType: null, bannerVersion: null, updatedAt: ctx.clock.now() })
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, articleId)))
    .returning();
  if (row.bannerKey && ctx.files) await ctx.files.delete(row.bannerKey).catch(() => {});
  return present(ctx, updated!);
}

/**
 * A banner's file and stored type. `published` asks for the public address: only a published
 * article's current version answers (an old or guessed address, or a draft, is not found).
 */
export async function openArticleBanner(
  ctx: Pick<TenantContext, 'db' | 'operatorId'> & { files: FileStore },
  input: { articleId: string; bannerVersion?: string },
) {
  const [row] = await ctx.db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, input.articleId)));
  if (!row?.bannerKey || !row.bannerType) return null;
  if (input.bannerVersion !== undefined && (row.status !== 'published' || row.bannerVersion !== input.bannerVersion))
    return null;
  const file = await ctx.files.get(row.bannerKey);
  return file ? { file, contentType: row.bannerType } : null;
}
