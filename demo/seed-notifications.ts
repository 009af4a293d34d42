/**
 * The demo partners' bells. The notifications come from the real operations the other seeds call
 * (bills approved in seed-bills.ts, cash-outs paid in seed-cash-outs.ts, news published in
 * seed-news.ts, and whatever else notifies): this seed only reads them as each demo owner would
 * have, through the same operation the bell calls: what is older than a week is read, the last
 * week's stays unread, so the bell shows a count and the list shows both.
 */
import { withPartner, type PartnerPrincipal } from '../core/lib/context.ts';
import { listPartnerNotifications, markNotificationRead } from '../core/modules/notifications/read-state.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

/** Notifications newer than this stay unread. */
export const UNREAD_DAYS = 7;

export async function seedNotifications(deps: SeedDeps): Promise<void> {
  const readBefore = deps.clock.now().getTime() - UNREAD_DAYS * 86_400_000;
  for (const demo of DEMO_OPERATORS) {
    const owner: PartnerPrincipal = {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: 'demo-seed',
      kind: 'password',
      transport: 'bearer',
      components: null,
    };
    const ctx = withPartner(deps, owner);
    let cursor: string | undefined;
    do {
      const page = await listPartnerNotifications(ctx, { cursor });
      for (const n of page.notifications)
        if (!n.read && Date.parse(n.createdAt) < readBefore) await markNotificationRead(ctx, n.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
