import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { runBilling } from '../billing/run-billing.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let world: Awaited<ReturnType<typeof partnerWithCampaign>>;
let partnerId: string;
let billId: string;

/** A partner with one approved bill of 100.00 EUR (a CPA), at 2026-12-02T10:00Z. */
beforeEach(async () => {
  t = await createTestApp(); // 2026-11-24T10:00Z
  world = await partnerWithCampaign(t, { promoCode: 'WELCOME' });
  const event = (id: string, type: string, at: string, amount?: string) => ({
    id,
    type,
    playerId: 'p1',
    brand: world.brandId,
    promoCode: 'WELCOME',
    occurredAt: at,
    ...(amount && { amount, currency: 'EUR' }),
  });
  await unwrap(
    world.op.client.v1.events.$post({
      json: {
        events: [
          event('r1', 'registration', '2026-11-25T10:00:00Z'),
          event('d1', 'first_deposit', '2026-11-26T10:00:00Z', '50'),
        ],
      },
    }),
  );
  t.clock.set(new Date('2026-12-02T10:00:00Z'));
  await runBilling(withTenant(t.deps, world.op.operator.id));
  const [bill] = (await unwrap(ops().bills.$get({ query: {} }))).data;
  billId = bill!.id;
  partnerId = bill!.partner.id;
  await unwrap(ops().bills[':billId'].state.$post({ param: { billId }, json: { action: 'approve' } }));
});
afterEach(() => t.dispose());

const ops = () => world.op.client.v1;
const wallet = () => ops().partners[':partnerId'].wallet;
let keys = 0;
const correct = (action: 'add' | 'subtract', amount: string, currency = 'EUR', idempotencyKey = `k${++keys}`) =>
  wallet().corrections.$post({
    param: { partnerId },
    json: { action, amount, currency, comment: `${action} ${amount}`, idempotencyKey },
  });
/** The partner's own client, signed in now (the clock moved past the first session). */
const partnerApi = async () => (await signedInClient(t, world.op.operator.id, 'pb@example.com')).client.v1.partner;
const balances = async () => (await unwrap(wallet().balances.$get({ param: { partnerId } }))).data;
type Query = Parameters<ReturnType<typeof wallet>['transactions']['$get']>[0]['query'];
const list = async (query: Query = {}) => unwrap(wallet().transactions.$get({ param: { partnerId }, query }));
const amounts = async (query: Query = {}) =>
  (await list(query)).data.map((d) => `${d.type} ${d.action} ${d.amount} ${d.currency}`);

describe('wallet', () => {
  it('shows the approved bill and corrections in the balances, the same for the partner and the operator', async () => {
    const partner = await partnerApi();
    expect((await unwrap(partner.wallet.balances.$get())).data).toEqual([
      { currency: 'EUR', coin: false, available: '100.00', pending: '0.00' },
    ]);
    t.clock.advance(60_000);
    expect((await correct('add', '25.50')).status).toBe(201);
    t.clock.advance(60_000);
    expect((await correct('subtract', '10')).status).toBe(201);
    t.clock.advance(60_000);
    expect((await correct('add', '7', 'USD')).status).toBe(201);
    const expected = [
      { currency: 'EUR', coin: false, available: '115.50', pending: '0.00' },
      { currency: 'USD', coin: false, available: '7.00', pending: '0.00' },
    ];
    expect(await balances()).toEqual(expected);
    expect((await unwrap(partner.wallet.balances.$get())).data).toEqual(expected);
    expect(await verifyLedger(withTenant(t.deps, world.op.operator.id))).toMatchObject({
      mismatched: [],
      unbalanced: [],
      pastLimit: [],
    });
    const own = await unwrap(partner.wallet.transactions.$get({ query: {} }));
    expect(own.data.map((d) => [d.type, d.action, d.amount, d.comment])).toEqual([
      ['balance_correction', 'add', '7.00', 'add 7'],
      ['balance_correction', 'subtract', '10.00', 'subtract 10'],
      ['balance_correction', 'add', '25.50', 'add 25.50'],
      ['bill', 'add', '100.00', null],
    ]);
    expect(own.data[3]!.bill).toMatchObject({ id: billId, period: { from: '2026-11-24' }, correctionId: null });
    expect(own.data[3]!.bill!.brand.name).toBeTruthy();
    // The partner reads each correction in Activity too, with its amount and comment.
    const activity = await unwrap(partner.activity.$get({ query: { type: 'balance_corrected' } }));
    expect(activity.data.map((e) => e.detail)).toEqual([
      { action: 'add', amount: '7.00', currency: 'USD', comment: 'add 7' },
      { action: 'subtract', amount: '10.00', currency: 'EUR', comment: 'subtract 10' },
      { action: 'add', amount: '25.50', currency: 'EUR', comment: 'add 25.50' },
    ]);
  });

  it('filters by type, action, currency, amount and local date, and pages newest first', async () => {
    await unwrap(ops().operator.$patch({ json: { timeZone: 'Asia/Tokyo' } }));
    t.clock.set(new Date('2026-12-02T16:00:00Z')); // 3 December in Tokyo
    await unwrap(correct('add', '25.50'));
    t.clock.set(new Date('2026-12-03T01:00:00Z'));
    await unwrap(correct('subtract', '10'));
    await unwrap(correct('add', '0.005', 'BTC'));
    // A correction of the approved bill is money from that bill.
    await unwrap(
      ops().bills[':billId'].corrections.$post({
        param: { billId },
        json: { action: 'add', amount: '1.00', comment: 'Late deposit' },
      }),
    );
    expect(await amounts({ type: 'bill' })).toEqual(['bill add 1.00 EUR', 'bill add 100.00 EUR']);
    const billCorrection = (await list({ type: 'bill' })).data[0]!;
    expect(billCorrection).toMatchObject({ comment: 'Late deposit', bill: { id: billId } });
    expect(billCorrection.bill!.correctionId).toMatch(/^bcor_/);
    expect(await amounts({ type: 'balance_correction', action: 'subtract' })).toEqual([
      'balance_correction subtract 10.00 EUR',
    ]);
    expect(await amounts({ currency: 'BTC' })).toEqual(['balance_correction add 0.00500000 BTC']);
    // An amount range reads in each currency's own units: 0.005 BTC is not "at least 1".
    expect(await amounts({ amountFrom: '1', amountTo: '25.5' })).toEqual([
      'bill add 1.00 EUR',
      'balance_correction subtract 10.00 EUR',
      'balance_correction add 25.50 EUR',
    ]);
    expect(await amounts({ amountFrom: '0.001', amountTo: '0.01' })).toEqual(['balance_correction add 0.00500000 BTC']);
    expect(await amounts({ amountFrom: '100.001' })).toEqual([]);
    // Local dates in the operator's zone: 16:00Z on 2 December is 3 December in Tokyo.
    expect(await amounts({ from: '2026-12-03', to: '2026-12-03', currency: 'EUR' })).toEqual([
      'bill add 1.00 EUR',
      'balance_correction subtract 10.00 EUR',
      'balance_correction add 25.50 EUR',
    ]);
    expect(await amounts({ to: '2026-12-02' })).toEqual(['bill add 100.00 EUR']);
    // Pages of two: every transaction once, newest first.
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await list({ limit: '2', ...(before ? { before } : {}) });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((d) => d.id));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen).toEqual((await list()).data.map((d) => d.id));
    expect(seen).toHaveLength(5);
    // Bad filters name the field.
    for (const [query, field] of [
      [{ amountFrom: '1,5' }, 'query.amountFrom'],
      [{ type: 'payout' as 'bill' }, 'query.type'],
      [{ from: '2026-12-04', to: '2026-12-03' }, 'query.to'],
      [{ amountFrom: '5', amountTo: '4.99' }, 'query.amountTo'],
    ] as const) {
      const res = await wallet().transactions.$get({ param: { partnerId }, query });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe(field);
    }
  });

  it('refuses a subtraction beyond what is available and changes nothing', async () => {
    await unwrap(correct('add', '0.50'));
    const before = { balances: await balances(), list: await list() };
    const res = await correct('subtract', '100.51');
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: Array<{ path: string; reason: string; params: unknown }> };
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'body.amount', reason: 'too_big', params: { maximum: '100.50' } }),
    ]);
    // A currency the partner holds nothing in: refused too, and no empty balance appears.
    const none = await correct('subtract', '1', 'GBP');
    expect(none.status).toBe(422);
    expect(((await none.json()) as typeof problem).errors[0]).toMatchObject({ path: 'body.amount', reason: 'too_big' });
    expect(await balances()).toEqual(before.balances);
    expect(await list()).toEqual(before.list);
    const activity = await unwrap((await partnerApi()).activity.$get({ query: { type: 'balance_corrected' } }));
    expect(activity.data).toHaveLength(1);
    // Exactly what is available may go.
    expect((await correct('subtract', '100.50')).status).toBe(201);
    expect((await balances())[0]!.available).toBe('0.00');
  });

  it('posts a repeated request once and answers it the same; another correction under its key is refused', async () => {
    const first = await correct('add', '12.34', 'EUR', 'crm-1');
    const again = await correct('add', '12.34', 'EUR', 'crm-1');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await again.json()).toEqual(await first.json());
    expect(await amounts({ type: 'balance_correction' })).toEqual(['balance_correction add 12.34 EUR']);
    expect((await balances())[0]!.available).toBe('112.34');
    const other = await correct('add', '99', 'EUR', 'crm-1');
    expect(other.status).toBe(422);
    expect(((await other.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('body.idempotencyKey');
    const activity = await unwrap((await partnerApi()).activity.$get({ query: { type: 'balance_corrected' } }));
    expect(activity.data).toHaveLength(1);
    // Keys are per partner: another partner's correction may use the same one.
    const other2 = await activePartner(t, world.op.operator.id, 'second@example.com');
    const res = await ops().partners[':partnerId'].wallet.corrections.$post({
      param: { partnerId: other2.partnerId },
      json: { action: 'add', amount: '1', currency: 'EUR', comment: 'Welcome', idempotencyKey: 'crm-1' },
    });
    expect(res.status).toBe(201);
  });

  it('keeps partners apart, and answers 404 for another operator’s partner without changing anything', async () => {
    await unwrap(correct('add', '5'));
    const second = await activePartner(t, world.op.operator.id, 'second@example.com');
    const secondApi = (await signedInClient(t, world.op.operator.id, 'second@example.com')).client.v1.partner;
    expect(await unwrap(secondApi.wallet.balances.$get())).toEqual({ data: [] });
    expect(await unwrap(secondApi.wallet.transactions.$get({ query: {} }))).toEqual({ data: [], nextBefore: null });
    expect(await unwrap(wallet().balances.$get({ param: { partnerId: second.partnerId } }))).toEqual({ data: [] });

    const beta = await t.addOperator('Beta');
    const foreign = beta.client.v1.partners[':partnerId'].wallet;
    const before = { balances: await balances(), list: await list() };
    expect((await foreign.balances.$get({ param: { partnerId } })).status).toBe(404);
    expect((await foreign.transactions.$get({ param: { partnerId }, query: {} })).status).toBe(404);
    const post = await foreign.corrections.$post({
      param: { partnerId },
      json: { action: 'subtract', amount: '5', currency: 'EUR', comment: 'Hijack', idempotencyKey: 'x' },
    });
    expect(post.status).toBe(404);
    expect(await balances()).toEqual(before.balances);
    expect(await list()).toEqual(before.list);
    // An embed session minted without the wallet may not read it.
    const { session } = await signedInClient(t, world.op.operator.id, 'second@example.com');
    const minted = await unwrap(
      ops().partner_sessions.$post({ json: { userId: session.user.id, components: ['bills'] } }),
    );
    const embedded = await unwrap(
      t.clientFor().v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
        param: { operatorId: world.op.operator.id },
        json: { clientSecret: minted.clientSecret },
      }),
    );
    const res = await t.fetchApp('http://kabinet.test/v1/partner/wallet/balances', {
      headers: { authorization: `Bearer ${embedded.token}` },
    });
    expect(res.status).toBe(403);
  });
});
