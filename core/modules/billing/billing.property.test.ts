/**
 * Billing through the database, with random inputs (fast-check): however billing runs interleave
 * with arriving events, every qualified player and every lead is billed exactly once; running
 * again changes nothing; and corrections never lose a minor unit (the amount to pay, the stored
 * corrections and the partner's balance agree after any sequence, refused ones included).
 */
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { balancesOf } from '../ledger/service.ts';
import { planVersions } from '../commissions/table.ts';
import { storeTerms } from '../commissions/terms.ts';
import { runBilling } from './run-billing.ts';
import { billCorrections, billLines, bills, qualifications } from './table.ts';

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1); // 1 October; the test clock starts on 24 November

async function world() {
  const t = await createTestApp();
  const w = await partnerWithCampaign(t, { promoCode: 'WELCOME' });
  await t.deps.db.delete(planVersions).where(eq(planVersions.planId, w.planId));
  await t.deps.db.insert(planVersions).values({
    planId: w.planId,
    operatorId: w.op.operator.id,
    effectiveFrom: '2026-10-01',
    terms: storeTerms({ billingPeriod: 'weekly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } }),
    createdAt: new Date(),
  });
  const ctx = withTenant(t.deps, w.op.operator.id);
  const send = (events: unknown[]) => unwrap(w.op.client.v1.events.$post({ json: { events } }));
  return { t, w, ctx, send };
}

const playerArb = fc.record({
  registeredDay: fc.integer({ min: 0, max: 40 }),
  depositAfterDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  /** Which of the deliveries (0–2) the player's events arrive in. */
  delivery: fc.integer({ min: 0, max: 2 }),
});

describe('billing with random traffic', () => {
  it('bills every qualified player exactly once however runs and arrivals interleave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(playerArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (players, runBetween) => {
          const { t, w, ctx, send } = await world();
          try {
            const at = (day: number) => new Date(START + day * DAY + 3_600_000).toISOString();
            for (let delivery = 0; delivery < 3; delivery++) {
              const events = players.flatMap((p, i) =>
                p.delivery !== delivery
                  ? []
                  : [
                      {
                        id: `r${i}`,
                        type: 'registration',
                        playerId: `p${i}`,
                        brand: w.brandId,
                        promoCode: 'WELCOME',
                        occurredAt: at(p.registeredDay),
                      },
                      ...(p.depositAfterDays === null || p.registeredDay + p.depositAfterDays > 60
                        ? []
                        : [
                            {
                              id: `d${i}`,
                              type: 'first_deposit',
                              playerId: `p${i}`,
                              brand: w.brandId,
                              promoCode: 'WELCOME',
                              amount: '25',
                              currency: 'EUR',
                              occurredAt: at(p.registeredDay + p.depositAfterDays),
                            },
                          ]),
                    ],
              );
              if (events.length > 0) await send(events);
              t.clock.advance(2 * DAY);
              if (runBetween) await runBilling(ctx);
            }
            t.clock.set(new Date(START + 70 * DAY));
            await runBilling(ctx);
            const before = await t.deps.db.select().from(bills);
            expect(await runBilling(ctx)).toMatchObject({ issued: 0, qualified: 0 });
            expect(await t.deps.db.select().from(bills)).toEqual(before);
            const qualified = await t.deps.db.select().from(qualifications);
            const expected = players.filter(
              (p) => p.depositAfterDays !== null && p.registeredDay + p.depositAfterDays <= 60,
            );
            expect(qualified).toHaveLength(expected.length);
            const lines = await t.deps.db.select().from(billLines);
            expect(lines.reduce((s, l) => s + (l.quantity ?? 0), 0)).toBe(expected.length);
            expect(before.reduce((s, b) => s + b.issuedMinor, 0)).toBe(expected.length * 10_000);
            for (const bill of before)
              expect(lines.filter((l) => l.billId === bill.id).reduce((s, l) => s + l.amountMinor, 0)).toBe(
                bill.issuedMinor,
              );
          } finally {
            t.dispose();
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('corrections never lose a minor unit: to pay, the stored corrections and the balance agree', async () => {
    const step = fc.record({
      action: fc.constantFrom('add', 'subtract'),
      cents: fc.integer({ min: 1, max: 15_000 }),
      approveFirst: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { t, w, ctx, send } = await world();
        try {
          await send([
            {
              id: 'r1',
              type: 'registration',
              playerId: 'p1',
              brand: w.brandId,
              promoCode: 'WELCOME',
              occurredAt: '2026-10-05T10:00:00Z',
            },
            {
              id: 'd1',
              type: 'first_deposit',
              playerId: 'p1',
              brand: w.brandId,
              promoCode: 'WELCOME',
              amount: '25',
              currency: 'EUR',
              occurredAt: '2026-10-06T10:00:00Z',
            },
          ]);
          t.clock.advance(1000);
          await runBilling(ctx);
          const [bill] = await t.deps.db.select().from(bills);
          const api = w.op.client.v1.bills[':billId'];
          let approved = false;
          for (const s of steps) {
            if (s.approveFirst && !approved) {
              await unwrap(api.state.$post({ param: { billId: bill!.id }, json: { action: 'approve' } }));
              approved = true;
            }
            const amount = `${Math.floor(s.cents / 100)}.${String(s.cents % 100).padStart(2, '0')}`;
            const res = await api.corrections.$post({
              param: { billId: bill!.id },
              json: { action: s.action, amount, comment: 'x' },
            });
            expect([201, 422]).toContain(res.status);
          }
          const [after] = await t.deps.db.select().from(bills);
          const stored = await t.deps.db.select().from(billCorrections);
          const sum = stored.reduce((s, c) => s + (c.action === 'add' ? c.amountMinor : -c.amountMinor), 0);
          expect(after!.correctionsMinor).toBe(sum);
          expect(after!.issuedMinor + after!.correctionsMinor).toBeGreaterThanOrEqual(0);
          const balance = (await balancesOf(ctx, { partnerId: bill!.partnerId }))[0]?.available.minor ?? 0;
          // The balance is the bill's amount to pay once approved (corrections before and after included).
          expect(balance).toBe(approved ? after!.issuedMinor + after!.correctionsMinor : 0);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
