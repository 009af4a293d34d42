/**
 * Notifying partners: what other modules call when something concerns a partner (a bill approved,
 * a cash-out paid, a document reviewed) or every partner (news, new terms). Storage and read state
 * are described in table.ts; reading them is read-state.ts.
 *
 * `notifyPartner` and `notifyEveryPartner` write on their own, after the caller's change: a
 * notification is a courtesy, and a caller whose change must not exist without it uses
 * `notifyPartnerStatement` in its own batch instead (billing does: see bill-actions.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rawStatement, type QueryPart } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { NOTIFICATION_KINDS, notifications } from './table.ts';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export { NOTIFICATION_KINDS };

type NotifyContext = Pick<TenantContext, 'db' | 'clock' | 'operatorId'>;

export interface NotificationInput {
  kind: NotificationKind;
  /** What the words need (`{ period, amount, currency }`), worded per language by the reader's widget. */
  params: Record<string, string>;
  /** A portal hash route, e.g. `#/news/<id>`. */
  link: string;
  /** A key per operator: a second notification with the same key is not written (retried jobs). */
  dedupeKey?: string;
}

/**
 * The insert of one notification as a statement for the caller's own batch. With `onlyIf`, the row
 * goes in only when that condition holds when the batch runs (e.g. "this attempt made the change").
 */
export function notifyPartnerStatement(
  ctx: NotifyContext,
  { onlyIf, ...input }: NotificationInput & { partnerId: string | null; onlyIf?: SQL },
): QueryPart {
  const id = newId('ntf', ctx.clock);
  const now = ctx.clock.now().getTime();
  return rawStatement(sql`insert into ${notifications}
    (id, operator_id, partner_id, kind, params, link, dedupe_key, created_at)
    select ${id}, ${ctx.operatorId}, ${input.partnerId}, ${input.kind}, ${JSON.stringify(input.params)},
      ${input.link}, ${input.dedupeKey ?? null}, ${now}
    where ${onlyIf ?? sql`1`}
    on conflict do nothing`);
}

/** Notifies one partner's users (every team member reads it, each with their own read state). */
export async function notifyPartner(
  ctx: TenantContext,
  input: NotificationInput & { partnerId: string },
): Promise<void> {
  await insertNotification(ctx, input);
}

/** One broadcast row every partner of the operator reads (partners who join later too). */
export async function notifyEveryPartner(ctx: TenantContext, input: NotificationInput): Promise<void> {
  await insertNotification(ctx, { ...input, partnerId: null });
}

async function insertNotification(ctx: NotifyContext, input: NotificationInput & { partnerId: string | null }) {
  await ctx.db
    .insert(notifications)
    .values({
      id: newId('ntf', ctx.clock),
      operatorId: ctx.operatorId,
      partnerId: input.partnerId,
      kind: input.kind,
      params: input.params,
      link: input.link,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing();
}
