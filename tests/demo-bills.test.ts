/**
 * The demo's bills add up: a small demo seed (demo/seed-bills.ts runs billing and reviews the bills
 * through the bill operations) has bills in every state, each bill's amount is the sum of its
 * lines, the ledger holds exactly what the approved and paid bills owe (and the wallet seed's
 * balance corrections and cash-outs), each demo partner's wallet lists both kinds, has a cash-out in
 * every state and a schedule, a bill that waits names a
 * rate that is really missing, and billing again issues nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte } from 'drizzle-orm';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withTenant } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { createOutbox } from '../core/jobs/outbox.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { runBilling } from '../core/modules/billing/run-billing.ts';
import { billCorrections, billLines, bills, type BillRow } from '../core/modules/billing/table.ts';
import { balancesOf } from '../core/modules/ledger/service.ts';
import { commissionPlans } from '../core/modules/commissions/table.ts';
import { ledgerTransfers } from '../core/modules/ledger/table.ts';
import { exchangeRates } from '../core/modules/statistics/table.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';
import { seedWallet } from '../demo/seed-wallet.ts';
import { listPartnerWalletTransactions } from '../core/modules/wallet/list-wallet-transactions.ts';
import { cashOuts } from '../core/modules/wallet/table.ts';
import { verifyLedger } from '../core/modules/ledger/verify-ledger.ts';
import { listPartnerSchedules } from '../core/modules/cash-out-schedules/list-schedules.ts';
import { seedCashOuts } from '../demo/seed-cash-outs.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
// A fixed day inside the demo's sample rates (they end on 2026-12-31), so the test means the same every day.
const clock = manualClock('2026-12-02T14:00:00Z');
let all: BillRow[];

beforeAll(async () => {
  t = await createTestDb();
  const deps = {
    db: t.db,
    clock,
    secretBox: await createSecretBox('demo-bills-test-secret-0123456789abcdef'),
    publicUrl: 'http://kabinet.test',
  };
  await seedDemo(deps, [], { publicUrl: 'http://kabinet.test', clicks: 6000, maxParams: 32_000 });
  all = await t.db.select().from(bills);
}, 120_000);
afterAll(() => t.dispose());

const toPay = (b: BillRow) => b.issuedMinor + b.correctionsMinor;

describe('demo bills', () => {
  it('has bills in every state, for every plan kind', async () => {
    const states = new Set(all.map((b) => b.state));
    expect([...states].sort()).toEqual(['approved', 'cancelled', 'on_hold', 'paid', 'pending']);
    // Every demo plan is some campaign's, so each has bills.
    const plans = await t.db.select().from(commissionPlans);
    for (const plan of plans)
      expect(
        all.some((b) => b.planId === plan.id),
        plan.name,
      ).toBe(true);
    const lines = await t.db.select().from(billLines);
    // CPA, CPL and RevShare lines, NGR carried in from a negative month, and sub-affiliate shares.
    expect([...new Set(lines.map((l) => l.kind))].sort()).toEqual([
      'carry_in',
      'cpa',
      'cpl',
      'revshare',
      'sub_affiliate',
    ]);
    // A plan amount in another currency than the brand's is converted (EUR CPA on USDT, USD CPL on BTC).
    expect(lines.some((l) => l.detail.exchange)).toBe(true);
  });

  it("each bill's amount is the sum of its lines, and its corrections' sum is on the bill", async () => {
    const lines = await t.db.select().from(billLines);
    const corrections = await t.db.select().from(billCorrections);
    for (const b of all) {
      const mine = lines.filter((l) => l.billId === b.id);
      expect(b.issuedMinor, b.id).toBe(mine.reduce((s, l) => s + l.amountMinor, 0));
      const signed = corrections
        .filter((c) => c.billId === b.id)
        .reduce((s, c) => s + (c.action === 'add' ? c.amountMinor : -c.amountMinor), 0);
      expect(b.correctionsMinor, b.id).toBe(signed);
      expect(toPay(b)).toBeGreaterThanOrEqual(0);
    }
    const corrected = all.filter((b) => b.correctionsMinor !== 0);
    expect(corrections.some((c) => c.action === 'add')).toBe(true);
    expect(corrections.some((c) => c.action === 'subtract')).toBe(true);
    expect(corrected.some((b) => b.state === 'approved')).toBe(true);
  });

  it('has sub-affiliate bills, each the sum of its lines', async () => {
    const lines = await t.db.select().from(billLines);
    const sub = all.filter((b) => b.source === 'sub_affiliates');
    expect(sub.length).toBeGreaterThan(0);
    expect(sub[0]!.issuedMinor).toBe(
      lines.filter((l) => l.billId === sub[0]!.id).reduce((s, l) => s + l.amountMinor, 0),
    );
  });

  it('the ledger holds what the approved and paid bills owe, once each', async () => {
    const transfers = await t.db.select().from(ledgerTransfers);
    for (const b of all) {
      const own = transfers.filter((x) => x.key === `bill:${b.id}`);
      const settled = b.state === 'approved' || b.state === 'paid';
      if (!settled || toPay(b) === 0) {
        expect(own, b.id).toHaveLength(0);
        continue;
      }
      expect(own, b.id).toHaveLength(1);
      expect(own[0]).toMatchObject({ partnerId: b.partnerId, currency: b.currency, action: 'add' });
      // The approval credited what was owed then; a correction after it moved the ledger by itself.
      const later = transfers
        .filter((x) => x.reason === 'correction' && x.reference === b.id)
        .reduce((s, x) => s + (x.action === 'add' ? x.amount : -x.amount), 0);
      expect(own[0]!.amount + later, b.id).toBe(toPay(b));
    }
    expect(transfers.some((x) => x.reason === 'correction')).toBe(true);
    for (const partnerId of new Set(all.map((b) => b.partnerId))) {
      const mine = all.filter((b) => b.partnerId === partnerId);
      const balances = await balancesOf(withTenant({ db: t.db }, mine[0]!.operatorId), { partnerId });
      for (const currency of new Set(mine.map((b) => b.currency))) {
        const owed = mine
          .filter((b) => b.currency === currency && (b.state === 'approved' || b.state === 'paid'))
          .reduce((s, b) => s + toPay(b), 0);
        // The wallet seed's balance corrections (demo/seed-wallet.ts) move the balance besides the bills.
        const corrected = transfers
          .filter((x) => x.reason === 'balance_correction' && x.partnerId === partnerId && x.currency === currency)
          .reduce((s, x) => s + (x.action === 'add' ? x.amount : -x.amount), 0);
        // And the cash-out seed (demo/seed-cash-outs.ts): pending and paid ones left available; cancelled and refunded came back.
        const out = (await t.db.select().from(cashOuts))
          .filter((c) => c.partnerId === partnerId && c.currency === currency)
          .filter((c) => c.state === 'pending' || c.state === 'success')
          .reduce((sum, c) => sum + c.amount, 0);
        const available = balances.find((x) => x.currency === currency)?.available.minor ?? 0;
        expect(available, `${partnerId} ${currency}`).toBe(owed + corrected - out);
      }
    }
  });

  it("each demo partner's wallet lists approved bills and two balance corrections, once however often it seeds", async () => {
    const deps = { db: t.db, clock, secretBox: await createSecretBox('demo-bills-test-secret-0123456789abcdef') };
    await seedWallet(
      deps as never,
      DEMO_OPERATORS.map((o) => ({
        operatorId: o.id,
        partnerId: o.partnerId,
        fallbackCurrency: o.brands[0]!.currency,
      })),
    );
    for (const demo of DEMO_OPERATORS) {
      const ctx = withTenant({ ...deps, jobs: createOutbox(t.db, clock) } as unknown as AppDeps, demo.id);
      const list = await listPartnerWalletTransactions(ctx, { partnerId: demo.partnerId, limit: 200 });
      const corrections = list.data.filter((x) => x.type === 'balance_correction');
      expect(corrections.map((x) => x.action).sort(), demo.id).toEqual(['add', 'subtract']);
      expect(
        corrections.every((x) => x.comment),
        demo.id,
      ).toBe(true);
      expect(
        list.data.some((x) => x.type === 'bill' && x.bill?.period.from),
        demo.id,
      ).toBe(true);
    }
  });

  it('each demo partner has a cash-out in every state and a weekly schedule, once however often it seeds', async () => {
    const wallets = DEMO_OPERATORS.map((o) => ({ partnerId: o.partnerId, currency: o.brands[0]!.currency }));
    const deps = { db: t.db, clock, secretBox: await createSecretBox('demo-bills-test-secret-0123456789abcdef') };
    await seedCashOuts({ ...deps, jobs: createOutbox(t.db, clock) } as never, wallets);
    for (const demo of DEMO_OPERATORS) {
      const mine = (await t.db.select().from(cashOuts)).filter((c) => c.partnerId === demo.partnerId);
      expect(mine.map((c) => c.state).sort(), demo.id).toEqual([
        'cancelled',
        'cancelled',
        'pending',
        'refunded',
        'success',
      ]);
      expect(new Set(mine.map((c) => c.cancelledBy).filter(Boolean)), demo.id).toEqual(
        new Set(['partner', 'operator']),
      );
      expect(mine.filter((c) => c.state === 'success' || c.state === 'refunded').every((c) => c.reference)).toBe(true);
      const ctx = withTenant({ ...deps, jobs: createOutbox(t.db, clock) } as unknown as AppDeps, demo.id);
      const schedules = await listPartnerSchedules(ctx, { partnerId: demo.partnerId });
      expect(
        schedules.data.map((x) => x.kind),
        demo.id,
      ).toEqual(['weekly']);
      // Not due on the seeding day: a fresh demo makes no cash-out of its own while it is looked at.
      expect(schedules.data[0]!.nextSlot, demo.id).not.toBe(clock.now().toISOString().slice(0, 10));
    }
    expect((await verifyLedger(withTenant({ db: t.db }, DEMO_OPERATORS[0]!.id))).mismatched).toEqual([]);
  });

  it('a bill waits only for a rate that is really missing', async () => {
    for (const b of all.filter((x) => x.waitingFor !== null)) {
      expect(b.state).toBe('pending');
      const [, currency, day] = /^rate:([A-Z]+):(\d{4}-\d{2}-\d{2})$/.exec(b.waitingFor!) ?? [];
      expect(day, b.waitingFor!).toBeDefined();
      // A day's rate counts once a rate on or after it exists: the named currency's or the bill's is not there.
      const settled = async (c: string) =>
        c === 'EUR' ||
        (
          await t.db
            .select()
            .from(exchangeRates)
            .where(
              and(
                eq(exchangeRates.operatorId, b.operatorId),
                eq(exchangeRates.currency, c),
                gte(exchangeRates.day, day!),
              ),
            )
        ).length > 0;
      expect((await settled(currency!)) && (await settled(b.currency)), b.waitingFor!).toBe(false);
    }
  });

  it('billing again issues nothing', async () => {
    const jobs = createOutbox(t.db, clock);
    for (const demo of DEMO_OPERATORS) {
      const ctx = withTenant({ db: t.db, clock, jobs, maxBoundParams: 32_000 } as unknown as AppDeps, demo.id);
      expect(await runBilling(ctx)).toMatchObject({ issued: 0, priced: 0, complete: true });
    }
    expect(await t.db.select().from(bills)).toHaveLength(all.length);
  });
});
