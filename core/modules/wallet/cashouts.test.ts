import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, signedInClient, totpAt } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../identity/table.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Client = Awaited<ReturnType<typeof signedInClient>>['client'];
let t: TestApp;
let op: Awaited<ReturnType<TestApp['addOperator']>>;
let partnerId: string;
let client: Client;
let secret: string;
let accountId: string;
let keys = 0;

/** A code for the next 30-second step (each code is good once). */
const nextCode = async () => {
  t.clock.advance(30_000);
  return totpAt(t, secret);
};
const partner = () => client.v1.partner;
const withdraw = async (amount: string, over: Record<string, unknown> = {}) =>
  partner().wallet.cash_outs.$post({
    json: {
      currency: 'EUR',
      paymentAccountId: accountId,
      amount,
      code: await nextCode(),
      idempotencyKey: `w${++keys}`,
      ...over,
    } as never,
  });
const body = async (res: Response): Promise<Record<string, unknown> & { status: number }> => ({
  status: res.status,
  ...((await res.json()) as Record<string, unknown>),
});
const balances = async () => (await unwrap(partner().wallet.balances.$get())).data;
const ops = () => op.client.v1.cash_outs[':cashOutId'];
const auditTypes = async () =>
  (
    await t.deps.db
      .select({ type: auditEvents.type })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.operatorId, op.operator.id)))
  )
    .map((e) => e.type)
    .filter((type) => type.startsWith('cash_out'));

/** A partner with 2FA on, a bank account for a method paying 10–1,000 EUR, and 500.00 EUR available. */
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Cash');
  ({ partnerId } = await activePartner(t, op.operator.id, 'cash@example.com'));
  client = (await signedInClient(t, op.operator.id, 'cash@example.com')).client;
  ({ secret } = await unwrap(partner()['2fa'].enrol.$post()));
  await unwrap(partner()['2fa'].confirm.$post({ json: { code: await totpAt(t, secret) } }));
  const method = await unwrap(
    op.client.v1.payment_methods.$post({
      json: { name: 'SEPA', kind: 'bank_transfer', limits: [{ currency: 'EUR', min: '10', max: '1000' }] },
    }),
  );
  const account = await unwrap(
    partner().payment_accounts.$post({
      json: {
        methodId: method.id,
        details: {
          kind: 'bank_transfer',
          accountHolder: 'Cash Partner',
          iban: 'DE89370400440532013000',
          bic: 'COBADEFFXXX',
          bankName: 'Commerzbank',
        },
        code: await nextCode(),
      },
    }),
  );
  accountId = account.id;
  await unwrap(
    op.client.v1.partners[':partnerId'].wallet.corrections.$post({
      param: { partnerId },
      json: { action: 'add', amount: '500', currency: 'EUR', comment: 'Start', idempotencyKey: 'start' },
    }),
  );
});
afterEach(() => t.dispose());

describe('cash-outs', () => {
  it('holds the amount at once, answers a repeated key with the same cash-out and moves nothing twice', async () => {
    const first = await withdraw('120.50', { idempotencyKey: 'click-1' });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; state: string; amount: string };
    expect(created).toMatchObject({ state: 'pending', amount: '120.50' });
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '379.50', pending: '120.50' }]);
    // The retry carries the code its first try spent: the key answers before 2FA is asked again.
    const again = await withdraw('120.50', { idempotencyKey: 'click-1', code: '000000' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '379.50', pending: '120.50' }]);
    const other = await body(await withdraw('99', { idempotencyKey: 'click-1' }));
    expect(other).toMatchObject({ status: 422, errors: [{ path: 'body.idempotencyKey', reason: 'already_exists' }] });
    const list = await unwrap(partner().wallet.transactions.$get({ query: { type: 'cash_out' } }));
    expect(list.data.map((d) => `${d.type} ${d.action} ${d.amount} ${d.cashOutId}`)).toEqual([
      `cash_out subtract 120.50 ${created.id}`,
    ]);
    expect(await auditTypes()).toEqual(['cash_out_requested']);
  });

  it('refuses amounts outside the limits naming the minimum and the maximum', async () => {
    for (const amount of ['9.99', '1000.01']) {
      const problem = await body(await withdraw(amount));
      expect(problem.status).toBe(422);
      expect(String(problem.detail)).toContain('10.00');
      expect(String(problem.detail)).toContain('1000.00');
    }
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '500.00', pending: '0.00' }]);
  });

  it('requires a right 2FA code', async () => {
    expect((await body(await withdraw('50', { code: undefined }))).status).toBe(422);
    const wrong = await body(await withdraw('50', { code: '000000' }));
    expect(wrong.status).toBe(422);
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '500.00', pending: '0.00' }]);
  });

  it('answers 403 to a money role without 2FA, naming the Security page, and moves nothing', async () => {
    const finance = await invitedTeamMember(t, {
      operatorId: op.operator.id,
      owner: client,
      email: 'fin@example.com',
      role: 'finance',
    });
    const asked = await body(
      await finance.v1.partner.wallet.cash_outs.$post({
        json: { currency: 'EUR', paymentAccountId: accountId, amount: '20', code: '123456', idempotencyKey: 'fin-1' },
      }),
    );
    expect(asked).toMatchObject({ status: 403, params: { resource: 'two_factor', state: 'off' } });
    expect(String(asked.detail)).toContain('Security');
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '500.00', pending: '0.00' }]);
    expect((await unwrap(partner().wallet.cash_outs.$get({ query: {} }))).data).toEqual([]);
    expect(await auditTypes()).toEqual([]);
  });

  it('refuses more than is available, naming what is, and moves nothing', async () => {
    expect((await withdraw('450')).status).toBe(201);
    const problem = await body(await withdraw('60'));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: 'body.amount', reason: 'too_big' }] });
    expect(String(problem.detail)).toContain('50.00 EUR available');
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '50.00', pending: '450.00' }]);
    expect((await unwrap(partner().wallet.cash_outs.$get({ query: {} }))).data).toHaveLength(1);
  });

  it('cancel returns the hold; success pays it out; refund brings it back; illegal moves answer 409', async () => {
    const a = (await (await withdraw('100')).json()) as { id: string };
    const b = (await (await withdraw('200')).json()) as { id: string };
    const cancelled = await unwrap(
      partner().wallet.cash_outs[':cashOutId'].cancel.$post({ param: { cashOutId: a.id } }),
    );
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledBy: 'partner' });
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '300.00', pending: '200.00' }]);
    expect((await ops().success.$post({ param: { cashOutId: a.id }, json: { reference: 'x' } })).status).toBe(409);

    const paid = await unwrap(ops().success.$post({ param: { cashOutId: b.id }, json: { reference: 'SEPA-77' } }));
    expect(paid).toMatchObject({ state: 'success', reference: 'SEPA-77' });
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '300.00', pending: '0.00' }]);
    expect((await ops().cancel.$post({ param: { cashOutId: b.id } })).status).toBe(409);
    expect((await partner().wallet.cash_outs[':cashOutId'].cancel.$post({ param: { cashOutId: b.id } })).status).toBe(
      409,
    );

    expect(await unwrap(ops().refund.$post({ param: { cashOutId: b.id } }))).toMatchObject({ state: 'refunded' });
    expect((await ops().refund.$post({ param: { cashOutId: b.id } })).status).toBe(409);
    expect(await balances()).toEqual([{ currency: 'EUR', coin: false, available: '500.00', pending: '0.00' }]);
    // The partner's list shows money that moved its available balance, not the payout out of pending.
    const list = await unwrap(partner().wallet.transactions.$get({ query: {} }));
    expect(list.data.map((d) => `${d.type} ${d.action} ${d.amount}`)).toEqual([
      'refund add 200.00',
      'cash_out add 100.00',
      'cash_out subtract 200.00',
      'cash_out subtract 100.00',
      'balance_correction add 500.00',
    ]);
    const operatorList = await unwrap(op.client.v1.cash_outs.$get({ query: { state: 'refunded', partnerId } }));
    expect(operatorList.data.map((c) => c.id)).toEqual([b.id]);
    expect((await auditTypes()).sort()).toEqual([
      'cash_out_accepted',
      'cash_out_cancelled',
      'cash_out_refunded',
      'cash_out_requested',
      'cash_out_requested',
    ]);
    expect((await verifyLedger(withTenant(t.deps, op.operator.id))).mismatched).toEqual([]);
    // The bell heard of the payout only (not of the cancel or the refund).
    const bell = await unwrap(partner().notifications.$get({ query: {} }));
    expect(bell.notifications.map(({ kind, params, link }) => ({ kind, params, link }))).toEqual([
      {
        kind: 'cash_out_paid',
        params: { amount: '200.00', currency: 'EUR', method: 'SEPA' },
        link: '#/wallet/cash_outs',
      },
    ]);
  });

  it('a racing success and cancel: exactly one wins, the other answers 409', async () => {
    const c = (await (await withdraw('100')).json()) as { id: string };
    const [paid, cancelled] = await Promise.all([
      ops().success.$post({ param: { cashOutId: c.id }, json: { reference: 'r' } }),
      ops().cancel.$post({ param: { cashOutId: c.id } }),
    ]);
    expect([paid.status, cancelled.status].sort()).toEqual([200, 409]);
    const [balance] = await balances();
    expect(balance!.pending).toBe('0.00');
    expect(balance!.available).toBe(cancelled.status === 200 ? '500.00' : '400.00');
    // A notification only with the payout that happened.
    const bell = await unwrap(partner().notifications.unread_count.$get());
    expect(bell.unreadCount).toBe(paid.status === 200 ? 1 : 0);
  });

  it('an analyst sees the cash-outs but cannot ask for one or cancel one', async () => {
    const mine = await unwrap(await withdraw('20'));
    const analyst = await invitedTeamMember(t, {
      operatorId: op.operator.id,
      owner: client,
      email: 'ana@example.com',
      role: 'analyst',
    });
    expect((await unwrap(analyst.v1.partner.wallet.cash_outs.$get({ query: {} }))).data.map((c) => c.id)).toEqual([
      mine.id,
    ]);
    const asked = await analyst.v1.partner.wallet.cash_outs.$post({
      json: { currency: 'EUR', paymentAccountId: accountId, amount: '20', code: '123456', idempotencyKey: 'ana-1' },
    });
    expect(asked.status).toBe(403);
    const cancel = await analyst.v1.partner.wallet.cash_outs[':cashOutId'].cancel.$post({
      param: { cashOutId: mine.id },
    });
    expect(cancel.status).toBe(403);
    expect((await balances())[0]).toMatchObject({ available: '480.00', pending: '20.00' });
  });

  it("another operator's cash-out is not found", async () => {
    const c = (await (await withdraw('100')).json()) as { id: string };
    const other = await t.addOperator('Other');
    const res = await other.client.v1.cash_outs[':cashOutId'].success.$post({
      param: { cashOutId: c.id },
      json: { reference: 'r' },
    });
    expect(res.status).toBe(404);
    expect((await other.client.v1.cash_outs[':cashOutId'].refund.$post({ param: { cashOutId: c.id } })).status).toBe(
      404,
    );
    expect((await unwrap(other.client.v1.cash_outs.$get({ query: {} }))).data).toEqual([]);
  });
});
