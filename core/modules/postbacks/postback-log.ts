/** The partner's postback log: every attempt, newest first, with the filters partners search by. */
import { and, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { campaignNameOf, promoCodeOf, promoTitleOf } from '../campaigns/service.ts';
import { postbackAttempts } from './table.ts';
import type { PostbackLogQuerySchema } from './schemas.ts';

/** LIKE with the user's text taken literally (% and _ are not wildcards here). */
export function containsText(column: SQL | typeof postbackAttempts.url, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} like ${`%${escaped}%`} escape '\\'`;
}

function responseCodeFilter(value: string | undefined): SQL | undefined {
  if (!value) return undefined;
  if (value === 'none') return isNull(postbackAttempts.responseCode);
  if (value.endsWith('xx')) {
    const low = Number(value[0]) * 100;
    return and(gte(postbackAttempts.responseCode, low), lt(postbackAttempts.responseCode, low + 100));
  }
  return eq(postbackAttempts.responseCode, Number(value));
}

export async function listPostbackLog(ctx: PartnerContext, query: z.infer<typeof PostbackLogQuerySchema>) {
  const campaignNameSql = campaignNameOf(postbackAttempts.campaignId);
  const promoCodeSql = promoCodeOf(postbackAttempts.promoId);
  const rows = await ctx.db
    .select({
      attempt: postbackAttempts,
      campaignName: campaignNameSql,
      promoTitle: promoTitleOf(postbackAttempts.promoId),
      promoCode: promoCodeSql,
    })
    .from(postbackAttempts)
    .where(
      and(
        eq(postbackAttempts.operatorId, ctx.operatorId),
        eq(postbackAttempts.partnerId, ctx.partner.partnerId),
        query.from ? gte(postbackAttempts.sentAt, new Date(query.from)) : undefined,
        query.to ? lte(postbackAttempts.sentAt, new Date(query.to)) : undefined,
        query.url ? containsText(postbackAttempts.url, query.url) : undefined,
        query.action ? eq(postbackAttempts.action, query.action) : undefined,
        responseCodeFilter(query.responseCode),
        query.campaign ? containsText(campaignNameSql, query.campaign) : undefined,
        query.campaignId ? eq(postbackAttempts.campaignId, query.campaignId) : undefined,
        query.promoCode ? eq(promoCodeSql, query.promoCode) : undefined,
        query.promoId ? eq(postbackAttempts.promoId, query.promoId) : undefined,
        query.before ? lt(postbackAttempts.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(postbackAttempts.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(({ attempt: a, campaignName, promoTitle, promoCode }) => ({
      id: a.id,
      deliveryId: a.deliveryId,
      postbackId: a.postbackId,
      sentAt: a.sentAt.toISOString(),
      url: a.url,
      method: a.method,
      action: a.action,
      responseCode: a.responseCode,
      error: a.error,
      durationMs: a.durationMs,
      campaignId: a.campaignId,
      campaignName,
      promoId: a.promoId,
      promoTitle,
      promoCode,
      isTest: a.isTest,
    })),
    nextBefore: rows.length > query.limit ? page.at(-1)!.attempt.id : null,
  };
}
