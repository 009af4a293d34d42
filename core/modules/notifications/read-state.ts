/**
 * What a signed-in partner user reads: the partner's notifications and the broadcasts, newest
 * first, each read or not for this user; the unread count the bell polls; marking one or all read.
 *
 * Read state (see table.ts): read = id at or below the user's watermark, or marked one by one.
 * The watermark starts at the user's join time the first time they look, so a new team member
 * starts with nothing unread; "mark all as read" moves it to the newest notification and drops
 * the marks below it, so the marks table stays small however many broadcasts there are.
 */
import { and, desc, eq, getTableColumns, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import type { PartnerContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { idFloorAt } from '../../lib/ids.ts';
import { loadUser } from '../identity/users.ts';
import type { NotificationKind } from './service.ts';
import { notificationReads, notificationReadState, notifications, type NotificationRow } from './table.ts';

type ReaderContext = Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'partner'>;

export interface PartnerNotification {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
  createdAt: string;
  read: boolean;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** The partner's own rows and the operator's broadcasts: both ranges of the reader index. */
const visibleTo = (ctx: ReaderContext) =>
  and(
    eq(notifications.operatorId, ctx.operatorId),
    or(eq(notifications.partnerId, ctx.partner.partnerId), isNull(notifications.partnerId)),
  );

const markedRead = (ctx: ReaderContext) =>
  sql`exists (select 1 from ${notificationReads} where ${notificationReads.userId} = ${ctx.partner.userId}
    and ${notificationReads.notificationId} = ${notifications.id})`;

/** The user's watermark; the first look sets it at the moment the user joined. */
async function watermarkOf(ctx: ReaderContext): Promise<string> {
  const [row] = await ctx.db
    .select({ readThroughId: notificationReadState.readThroughId })
    .from(notificationReadState)
    .where(
      and(eq(notificationReadState.userId, ctx.partner.userId), eq(notificationReadState.operatorId, ctx.operatorId)),
    );
  if (row) return row.readThroughId;
  const user = await loadUser(ctx, ctx.partner.userId);
  const joined = idFloorAt('ntf', user.createdAt);
  await ctx.db
    .insert(notificationReadState)
    .values({ userId: user.id, operatorId: ctx.operatorId, readThroughId: joined, updatedAt: ctx.clock.now() })
    .onConflictDoNothing();
  return joined;
}

/** How many notifications this user has not read (what the bell shows). */
export async function countUnreadNotifications(ctx: ReaderContext): Promise<number> {
  const watermark = await watermarkOf(ctx);
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(notifications)
    .where(and(visibleTo(ctx), sql`${notifications.id} > ${watermark}`, sql`not ${markedRead(ctx)}`));
  return Number(row?.count ?? 0);
}

/** One page, newest first; `cursor` is the previous page's `nextCursor` (the last id it showed). */
export async function listPartnerNotifications(
  ctx: ReaderContext,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ notifications: PartnerNotification[]; nextCursor: string | null; unreadCount: number }> {
  const limit = input.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const watermark = await watermarkOf(ctx);
  const rows = await ctx.db
    .select({
      ...getTableColumns(notifications),
      read: sql<number>`(${notifications.id} <= ${watermark} or ${markedRead(ctx)})`,
    })
    .from(notifications)
    .where(and(visibleTo(ctx), input.cursor ? lt(notifications.id, input.cursor) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    notifications: page.map((row) => present(row, Boolean(row.read))),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    unreadCount: await countUnreadNotifications(ctx),
  };
}

function present(row: NotificationRow, read: boolean): PartnerNotification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    read,
  };
}

/** Marks one notification read for this user; another partner's or operator's id is not found. */
export async function markNotificationRead(ctx: ReaderContext, notificationId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(visibleTo(ctx), eq(notifications.id, notificationId)));
  if (!row) throw notFound('Notification');
  if (row.id <= (await watermarkOf(ctx))) return;
  await ctx.db
    .insert(notificationReads)
    .values({ userId: ctx.partner.userId, notificationId: row.id, operatorId: ctx.operatorId, readAt: ctx.clock.now() })
    .onConflictDoNothing();
}

/** Marks everything this user can see read: the watermark moves to the newest notification. */
export async function markAllNotificationsRead(ctx: ReaderContext): Promise<void> {
  const watermark = await watermarkOf(ctx);
  const [newest] = await ctx.db
    .select({ id: max(notifications.id) })
    .from(notifications)
    .where(visibleTo(ctx));
  if (!newest?.id || newest.id <= watermark) return;
  const mine = eq(notificationReadState.userId, ctx.partner.userId);
  await ctx.db.batch([
    ctx.db
      .update(notificationReadState)
      .set({ readThroughId: newest.id, updatedAt: ctx.clock.now() })
      // Never backwards (a concurrent "mark all" may have gone further).
      .where(and(mine, lt(notificationReadState.readThroughId, newest.id))),
    ctx.db
      .delete(notificationReads)
      .where(and(eq(notificationReads.userId, ctx.partner.userId), lte(notificationReads.notificationId, newest.id))),
  ]);
}
