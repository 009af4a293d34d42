/**
 * Who gets an e-mail on a topic (EMAIL_TOPICS): the users of active partner accounts who are not
 * blocked and left the topic on in their profile. Other modules (news) call this instead of
 * reading identity's tables; a page at a time, so a big program is not read in one answer.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import type { EmailPreferences } from './table.ts';
import { partners, users } from './table.ts';

export interface MailRecipient {
  userId: string;
  email: string;
  locale: 'en' | 'ru';
}

/**
 * Opted-in users for `topic`, by id, after `afterUserId` (the last of the previous page). A
 * preference missing from an older row counts as on, as the default is.
 */
export async function listMailRecipients(
  ctx: TenantRead,
  input: { topic: keyof EmailPreferences; afterUserId?: string; limit: number },
): Promise<MailRecipient[]> {
  const optedIn = sql`coalesce(json_extract(${users.emailPreferences}, ${`$.${input.topic}`}), 1) = 1`;
  return ctx.db
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(
        eq(users.operatorId, ctx.operatorId),
        eq(partners.operatorId, ctx.operatorId),
        eq(partners.status, 'active'),
        isNull(users.blockedAt),
        optedIn,
        input.afterUserId ? gt(users.id, input.afterUserId) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(input.limit);
}
