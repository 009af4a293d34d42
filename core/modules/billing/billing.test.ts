import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { partners } from '../identity/table.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { balancesOf } from '../ledger/service.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';
import { planVersions } from '../commissions/table.ts';
import { storeTerms, type PlanTerms } from '../commissions/terms.ts';
import { runBilling } from './run-billing.ts';
import { billingProgress, bills, billLines, qualifications } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let world: Awaited<ReturnType<typeof partnerWithCampaign>>;

beforeEach(async () => {
  t = await createTestApp(); // 2026-11-24T10:00Z
  world = await partnerWithCampaign(t, { promoCode: 'WELCOME' });
});
afterEach(() => t.dispose());

const send = (events: unknown[]) => unwrap(world.op.client.v1.events.$post({ json: { events } }));
const event = (id: string, type: string, player: string, at: string, amount?: string, currency = 'EUR') => ({
  id,
  type,
  playerId: player,
  brand: world.brandId,
  promoCode: 'WELCOME',
  occurredAt: at,
  ...(amount && { amount, currency }),
});
const ctx = () => withTenant(t.deps, world.op.operator.id);
const api = () => world.op.client.v1;

/** Replaces the plan's terms from an early date, so October and November are billable. */
async function setTerms(terms: PlanTerms, from = '2026-10-01') {
  await t.deps.db.delete(planVersions).where(eq(planVersions.planId, world.planId));
  await t.deps.db.insert(planVersions).values({
    planId: world.planId,
    operatorId: world.op.operator.id,
    effectiveFrom: from,
    terms: storeTerms(terms),
    createdAt: new Date(),
  });
}

const billOf = async (id: string) => unwrap(api().bills[':billId'].$get({ param: { billId: id } }));

describe('billing', () => {
  it('qualifies a depositing player and bills the CPA once, however often it runs', async () => {
    await send([
      event('r1', 'registration', 'p1', '2026-11-25T10:00:00Z'),
      event('d1', 'first_deposit', 'p1', '2026-11-26T10:00:00Z', '50'),
      event('r2', 'registration', 'p2', '2026-11-25T11:00:00Z'),
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    expect(await runBilling(ctx())).toMatchObject({ qualified: 1, issued: 1 });
    expect(await runBilling(ctx())).toMatchObject({ qualified: 0, issued: 0 });
    expect(await t.deps.db.select().from(qualifications)).toHaveLength(1);
    const [bill] = await t.deps.db.select().from(bills);
    expect(bill).toMatchObject({ issuedMinor: 10000, periodStart: '2026-11-24', periodEnd: '2026-12-01' });
    expect(await t.deps.db.select().from(billLines)).toMatchObject([{ kind: 'cpa', quantity: 1, amountMinor: 10000 }]);
    const detail = await billOf(bill!.id);
    expect(detail.lines[0]!.text.en).toBe('1 qualified player × €100.00');
    expect(detail.lines[0]!.text.ru.replace(/\s/g, ' ')).toBe('1 квалифицированный игрок × 100,00 €');
  });

  it('approves once into the ledger, corrects, and refuses moves the state does not allow', async () => {
    await setTerms({ billingPeriod: 'monthly', revshare: { percent: '30', negativeCarryOver: false } });
    await send([
      event('r1', 'registration', 'p1', '2026-11-02T10:00:00Z'),
      event('n1', 'ngr', 'p1', '2026-11-03T10:00:00Z', '1000.00'),
      event('n2', 'ngr', 'p1', '2026-11-04T10:00:00Z', '-333.33'),
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    await runBilling(ctx());
    const { data, totals } = await unwrap(api().bills.$get({ query: {} }));
    expect(data).toHaveLength(1);
    const bill = data[0]!;
    // 30% × 666.67 = 200.001 → 200.00
    expect(bill).toMatchObject({ issued: '200.00', toPay: '200.00', state: 'pending', currency: 'EUR' });
    expect(totals).toEqual([{ currency: 'EUR', coin: false, count: 1, issued: '200.00', toPay: '200.00' }]);
    const state = (action: 'approve' | 'hold' | 'cancel' | 'mark_paid') =>
      api().bills[':billId'].state.$post({ param: { billId: bill.id }, json: { action } });
    const correct = (action: 'add' | 'subtract', amount: string) =>
      api().bills[':billId'].corrections.$post({
        param: { billId: bill.id },
        json: { action, amount, comment: 'Check' },
      });
    expect((await correct('subtract', '200.01')).status).toBe(422);
    expect((await correct('subtract', '20.00')).status).toBe(201);
    expect((await state('hold')).status).toBe(200);
    expect((await state('mark_paid')).status).toBe(409);
    expect((await state('approve')).status).toBe(200);
    expect((await state('approve')).status).toBe(409);
    const partner = { partnerId: bill.partner.id };
    expect((await balancesOf(ctx(), partner))[0]!.available.minor).toBe(18000);
    // On an approved bill a correction moves the balance at once; the balance bounds a subtraction.
    expect((await correct('add', '5.00')).status).toBe(201);
    expect((await correct('subtract', '185.01')).status).toBe(422);
    expect((await balancesOf(ctx(), partner))[0]!.available.minor).toBe(18500);
    const detail = await billOf(bill.id);
    expect(detail).toMatchObject({ issued: '200.00', corrections: '-15.00', toPay: '185.00', state: 'approved' });
    expect(detail.correctionList.map((c) => `${c.action} ${c.amount}`)).toEqual(['subtract 20.00', 'add 5.00']);
    expect(await verifyLedger(ctx())).toMatchObject({ transfers: 2, mismatched: [], unbalanced: [], pastLimit: [] });
    // The partner sees it, and the changes in Activity (signed in again: the clock moved past the session).
    const partnerClient = (await signedInClient(t, world.op.operator.id, 'pb@example.com')).client;
    const own = await unwrap(partnerClient.v1.partner.bills[':billId'].$get({ param: { billId: bill.id } }));
    expect(own.toPay).toBe('185.00');
    const activity = await unwrap(partnerClient.v1.partner.activity.$get({ query: {} }));
    expect(activity.data.map((e) => e.type)).toEqual(
      expect.arrayContaining(['bill_approved', 'bill_held', 'bill_corrected']),
    ); // Its bell heard of the approval once (the refused second approval wrote nothing), with what it paid then.
    const bell = await unwrap(partnerClient.v1.partner.notifications.$get({ query: {} }));
    expect(bell.notifications.map(({ kind, params, link, read }) => ({ kind, params, link, read }))).toEqual([
      {
        kind: 'bill_approved',
        params: { from: '2026-11-01', to: '2026-11-30', amount: '180.00', currency: 'EUR' },
        link: `#/bills/${bill.id}`,
        read: false,
      },
    ]);
  });

  it('puts late events on the next bill, carries negative NGR, and waits for a missing rate', async () => {
    await setTerms({ billingPeriod: 'monthly', revshare: { percent: '50', negativeCarryOver: true } });
    await send([
      event('r1', 'registration', 'p1', '2026-10-02T10:00:00Z'),
      event('n1', 'ngr', 'p1', '2026-10-03T10:00:00Z', '-100.00'),
    ]);
    t.clock.advance(1000); // October is closed on the test's first day; the run comes after the events.
    await runBilling(ctx());
    // October: negative, so nothing to pay and −100 carried on.
    const [october] = await t.deps.db.select().from(bills);
    expect(october).toMatchObject({ issuedMinor: 0, carryOutMinor: -10000, state: 'approved' });
    // A late October event, November NGR in EUR and in USD (no USD rate yet).
    await send([
      event('n2', 'ngr', 'p1', '2026-10-20T10:00:00Z', '40.00'),
      event('n3', 'ngr', 'p1', '2026-11-10T10:00:00Z', '500.00'),
      event('n4', 'ngr', 'p1', '2026-11-11T10:00:00Z', '110.00', 'USD'),
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    await runBilling(ctx());
    const november = (await t.deps.db.select().from(bills)).find((b) => b.periodStart === '2026-11-01')!;
    expect(november).toMatchObject({ waitingFor: 'rate:USD:2026-11-11', state: 'pending', issuedMinor: 0 });
    expect(
      (await api().bills[':billId'].state.$post({ param: { billId: november.id }, json: { action: 'approve' } }))
        .status,
    ).toBe(409);
    await unwrap(
      api().exchange_rates.$put({
        json: {
          rates: [
            { date: '2026-11-11', currency: 'USD', perEur: '1.1' },
            { date: '2026-11-12', currency: 'USD', perEur: '1.1' },
          ],
        },
      }),
    );
    expect(await runBilling(ctx())).toMatchObject({ issued: 0, priced: 1 });
    const detail = await billOf(november.id);
    // NGR 500 + 100 (110 USD at 1.1) + 40 late − 100 carried = 540 × 50% = 270.
    expect(detail).toMatchObject({ issued: '270.00', carriedIn: '-100.00', waitingFor: null });
    expect(detail.lines.map((l) => l.kind)).toEqual(['carry_in', 'revshare']);
    expect(detail.lines[1]).toMatchObject({ basis: '540.00', amount: '270.00' });
  });

  it('keeps the plan cut at the oldest cut of a period’s bills: what arrived after it is late on the next bill', async () => {
    await setTerms({ billingPeriod: 'monthly', revshare: { percent: '10', negativeCarryOver: false } });
    await send([
      event('r1', 'registration', 'p1', '2026-11-02T10:00:00Z'),
      event('n1', 'ngr', 'p1', '2026-11-03T10:00:00Z', '1000.00'),
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    await runBilling(ctx()); // November's bill, cut at 10:00
    // Overlapping runs that each billed some chains of November stop without saving the plan's
    // position; a later run finds every chain billed. Here: the position is gone, as then.
    await t.deps.db.delete(billingProgress).where(eq(billingProgress.operatorId, world.op.operator.id));
    t.clock.set(new Date('2026-12-02T10:01:00Z'));
    await send([event('n2', 'ngr', 'p1', '2026-11-20T10:00:00Z', '500.00')]); // after November's cut
    t.clock.set(new Date('2026-12-02T11:00:00Z'));
    expect(await runBilling(ctx())).toMatchObject({ issued: 0 });
    t.clock.set(new Date('2027-01-02T10:00:00Z'));
    await runBilling(ctx());
    const { data } = await unwrap(api().bills.$get({ query: {} }));
    const december = data.find((b) => b.period.from === '2026-12-01');
    // 10% of the late 500.00: lost when the later run saved its own cut (11:00) as the plan's.
    expect(december).toMatchObject({ issued: '50.00' });
  });

  it('pays referrers their level’s share of sub-partners’ bills, on bills of their own', async () => {
    await setTerms({
      billingPeriod: 'monthly',
      revshare: { percent: '40', negativeCarryOver: false },
      subAffiliate: { levels: ['10', '5'] },
    });
    // pb@example.com (the world's partner) referred sub1, who referred sub2; sub2 brings the players.
    const top = (await t.deps.db.select().from(partners))[0]!;
    const sub1 = await activePartner(t, world.op.operator.id, 'sub1@example.com');
    const sub2 = await activePartner(t, world.op.operator.id, 'sub2@example.com');
    await t.deps.db.update(partners).set({ referrerPartnerId: top.id }).where(eq(partners.id, sub1.partnerId));
    await t.deps.db.update(partners).set({ referrerPartnerId: sub1.partnerId }).where(eq(partners.id, sub2.partnerId));
    const sub2Client = (await signedInClient(t, world.op.operator.id, 'sub2@example.com')).client;
    const campaign = await unwrap(
      sub2Client.v1.partner.campaigns.$post({ json: { name: 'Sub', brandId: world.brandId, planId: world.planId } }),
    );
    await unwrap(
      sub2Client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: world.landingId, title: 'Sub link', promoCode: 'SUB2' },
      }),
    );
    await send([
      { ...event('r1', 'registration', 'p1', '2026-11-02T10:00:00Z'), promoCode: 'SUB2' },
      { ...event('n1', 'ngr', 'p1', '2026-11-03T10:00:00Z', '1000.05'), promoCode: 'SUB2' },
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    // A clock that moves while the run works, as a real one does: the shares are still taken in the
    // run that priced the sub-partners' bills (a fixed cut taken before those were priced missed them).
    let ticks = 0;
    const moving = { now: () => new Date(t.clock.now().getTime() + (ticks += 1)) };
    await runBilling(withTenant({ ...t.deps, clock: moving }, world.op.operator.id));
    t.clock.advance(60_000);
    expect(await runBilling(ctx())).toMatchObject({ issued: 0 });
    const client = (await signedInClient(t, world.op.operator.id, 'sub2@example.com')).client;
    const rows = await t.deps.db.select().from(bills);
    const of = (partnerId: string) => rows.find((b) => b.partnerId === partnerId)!;
    // sub2 earns 40% × 1000.05 = 400.02; sub1 10% of that = 40.00 (40.002); top 5% = 20.00 (20.001).
    expect(of(sub2.partnerId)).toMatchObject({ source: 'direct', issuedMinor: 40002 });
    expect(of(sub1.partnerId)).toMatchObject({ source: 'sub_affiliates', issuedMinor: 4000 });
    expect(of(top.id)).toMatchObject({ source: 'sub_affiliates', issuedMinor: 2000 });
    // Reports and the dashboard show the same figures the bills hold.
    const report = await unwrap(
      api().reports.performance.$get({ query: { period: 'custom', from: '2026-11-01', to: '2026-11-30' } }),
    );
    expect(report.commissions).toEqual({
      byKind: [
        { kind: 'revshare', currency: 'EUR', amount: '400.02' },
        { kind: 'sub_affiliate', currency: 'EUR', amount: '60.00' },
      ],
      total: [{ currency: 'EUR', amount: '460.02' }],
    });
    const sum = rows.reduce((s, b) => s + b.issuedMinor + b.correctionsMinor, 0);
    expect(sum).toBe(46002);
    const filtered = await unwrap(
      api().reports.performance.$get({ query: { period: 'last_month', campaignId: campaign.id } }),
    );
    expect(filtered.commissions).toBeNull();
    const quick = await unwrap(client.v1.partner.reports.quick_stats.$get({ query: {} }));
    expect(quick.periods.find((p) => p.period === 'last_month')!.commissions!.total).toEqual([
      { currency: 'EUR', amount: '400.02' },
    ]);
    const detail = await billOf(of(top.id).id);
    expect(detail.lines[0]!.text.en).toBe('Level 2 sub-affiliate sub2@example.com GmbH: earnings €400.02 × 5%');
  });
});
