/**
 * The announcing job of a published article: one e-mail to each partner user who left news
 * e-mails on (identity lists them, a page at a time). Each user is claimed in `news_mailings`
 * (article + user is its primary key) right before the mail is stored, so a retried job or a
 * second publish mails nobody twice.
 */
import { and, eq } from 'drizzle-orm';
import { extendJobLease, type JobHandlers } from '../../jobs/outbox.ts';
import { withTenant, type ServiceContext, type TenantContext } from '../../lib/context.ts';
import { listMailRecipients } from '../identity/mail-recipients.ts';
import { portalLink } from '../identity/portal-link.ts';
import { sendMail } from '../mail/service.ts';
import { ANNOUNCE_NEWS_JOB, type AnnounceNewsJob } from './articles.ts';
import { newsArticles, newsMailings } from './table.ts';

const RECIPIENTS_PAGE = 200;

/** The article's page in the operator's hosted portal (the portal routes by the hash). */
export function newsArticleLink(ctx: Pick<TenantContext, 'publicUrl' | 'operatorId'>, articleId: string): string {
  return `${portalLink(ctx, { action: 'sign-in' })}#/news/${encodeURIComponent(articleId)}`;
}

/** Mails the article to every opted-in user not mailed it yet; returns how many were mailed now. */
export async function announceArticle(
  ctx: TenantContext,
  input: { articleId: string; renewLease?: () => Promise<void> },
) {
  const [article] = await ctx.db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.operatorId, ctx.operatorId), eq(newsArticles.id, input.articleId)));
  // Deleted or unpublished before the job ran: nothing to announce.
  if (!article || article.status !== 'published') return 0;
  const link = newsArticleLink(ctx, article.id);
  let mailed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await listMailRecipients(ctx, {
      topic: 'news',
      limit: RECIPIENTS_PAGE,
      ...(after ? { afterUserId: after } : {}),
    });
    for (const recipient of page) {
      const claimed = await ctx.db
        .insert(newsMailings)
        .values({
          operatorId: ctx.operatorId,
          articleId: article.id,
          userId: recipient.userId,
          mailedAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning({ userId: newsMailings.userId });
      if (claimed.length === 0) continue;
      await sendMail(ctx, {
        to: recipient.email,
        locale: recipient.locale,
        template: 'news_published',
        params: { title: article.title, excerpt: article.excerpt, link },
      });
      mailed++;
    }
    if (page.length < RECIPIENTS_PAGE) return mailed;
    after = page[page.length - 1]!.userId;
    await input.renewLease?.();
  }
}

export function newsHandlers(deps: ServiceContext): JobHandlers {
  return {
    [ANNOUNCE_NEWS_JOB]: async (job, payload: AnnounceNewsJob) => {
      await announceArticle(withTenant(deps, payload.operatorId), {
        articleId: payload.articleId,
        renewLease: () => extendJobLease(job),
      });
    },
  };
}
