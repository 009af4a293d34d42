/**
 * The demo's bells: the seed's own operations (bills approved, cash-outs paid, news published)
 * notified each demo partner; the owner has read what is older than a week and not the rest; each
 * bill and cash-out a notification names exists and is in the state it speaks of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { withPartner } from '../core/lib/context.ts';
import { bills } from '../core/modules/billing/table.ts';
import { cashOuts } from '../core/modules/wallet/table.ts';
import {
  countUnreadNotifications,
  listPartnerNotifications,
  type PartnerNotification,
} from '../core/modules/notifications/read-state.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';
import { UNREAD_DAYS } from '../demo/seed-notifications.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const demo = DEMO_OPERATORS[0]!;
const owner = () =>
  withPartner(
    { db: t.db, clock },
    {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner' as const,
      sessionId: 'test',
      kind: 'password' as const,
      transport: 'bearer' as const,
      components: null,
    },
  );
let all: PartnerNotification[] = [];

beforeAll(async () => {
  t = await createTestDb();
  const deps = {
    db: t.db,
    clock,
    secretBox: await createSecretBox('demo-notifications-test-secret-0123456789'),
    publicUrl: 'http://kabinet.test',
  };
  await seedDemo(deps, [], { publicUrl: 'http://kabinet.test', clicks: 6000, maxParams: 32_000 });
  let cursor: string | undefined;
  do {
    const page = await listPartnerNotifications(owner(), { cursor });
    all.push(...page.notifications);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}, 180_000);
afterAll(() => t.dispose());

describe('demo notifications', () => {
  it('has the money events and news, read up to a week ago and unread since', async () => {
    const kinds = new Set(all.map((n) => n.kind));
    expect(kinds).toContain('bill_approved');
    expect(kinds).toContain('cash_out_paid');
    expect(kinds).toContain('news_published');
    const weekAgo = clock.now().getTime() - UNREAD_DAYS * 86_400_000;
    for (const n of all) expect(n.read, `${n.kind} ${n.createdAt}`).toBe(Date.parse(n.createdAt) < weekAgo);
    const unread = all.filter((n) => !n.read).length;
    expect(unread).toBeGreaterThan(0);
    expect(unread).toBeLessThan(all.length);
    expect(await countUnreadNotifications(owner())).toBe(unread);
  }, 60_000);

  it('names bills that were approved and cash-outs that were paid, with their amounts', async () => {
    for (const n of all.filter((x) => x.kind === 'bill_approved')) {
      const billId = n.link.replace('#/bills/', '');
      const [bill] = await t.db
        .select()
        .from(bills)
        .where(and(eq(bills.id, billId), eq(bills.partnerId, demo.partnerId)));
      expect(bill, n.link).toBeDefined();
      expect(['approved', 'paid']).toContain(bill!.state);
      expect(n.params).toMatchObject({ from: bill!.periodStart, currency: bill!.currency });
    }
    const paid = all.filter((x) => x.kind === 'cash_out_paid');
    const rows = await t.db
      .select()
      .from(cashOuts)
      .where(and(eq(cashOuts.partnerId, demo.partnerId), eq(cashOuts.operatorId, demo.id)));
    // Paid ones, and the refunded one (paid before its money came back).
    const everPaid = rows.filter((c) => c.state === 'success' || c.state === 'refunded');
    expect(paid.map((n) => n.params.amount).sort()).toEqual(everPaid.map((c) => (c.amount / 100).toFixed(2)).sort());
    for (const n of paid) expect(n.link).toBe('#/wallet/cash_outs');
  });
});
