/**
 * The ledger's operations on a real libSQL file: posting, idempotency, refusals that change
 * nothing, and the guards the database holds by itself (CHECKs and triggers) when SQL goes
 * around the service.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../../tests/helpers/test-app.ts';
import { manualClock } from '../../lib/clock.ts';
import { withTenant } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { createOperator } from '../operators/service.ts';
import { partners } from '../identity/table.ts';
import { listTransfers } from './list-transfers.ts';
import { balancesOf, openAccount, postTransfer, type PostTransferInput } from './service.ts';
import { verifyLedger } from './verify-ledger.ts';

let test: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-11-24T10:00:00Z');

async function world(name: string) {
  const base = { db: test.db, clock };
  const operator = await createOperator(base, { name });
  const ctx = withTenant(base, operator.id);
  const partnerIds = ['a', 'b'].map((p) => `partner_${name}${p}`);
  await test.db
    .insert(partners)
    .values(
      partnerIds.map((id) => ({ id, operatorId: operator.id, name: id, referralCode: id, createdAt: clock.now() })),
    );
  const payable = await openAccount(ctx, { owner: 'operator', kind: 'payable', currency: 'EUR' });
  const available = await openAccount(ctx, {
    owner: 'partner',
    partnerId: partnerIds[0]!,
    kind: 'available',
    currency: 'EUR',
  });
  return { ctx, partnerId: partnerIds[0]!, otherPartnerId: partnerIds[1]!, payable, available };
}

const bill = (w: Awaited<ReturnType<typeof world>>, key: string, amount: number): PostTransferInput => ({
  key,
  debit: w.payable.id,
  credit: w.available.id,
  amount,
  currency: 'EUR',
  reason: 'bill',
  action: 'add',
  reference: `bill_${key}`,
});
const subtract = (w: Awaited<ReturnType<typeof world>>, key: string, amount: number): PostTransferInput => ({
  key,
  debit: w.available.id,
  credit: w.payable.id,
  amount,
  currency: 'EUR',
  reason: 'correction',
  action: 'subtract',
});

/** The refusal a call ends in (fails the test if it succeeds). */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Drizzle wraps the driver's error: the database's own words are in a cause. */
async function rejectsWith(promise: Promise<unknown>, pattern: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  expect(messages.join('\n')).toMatch(pattern);
}

const snapshot = async () => ({
  accounts: await test.db.all(sql`select id, debits_posted, credits_posted from ledger_accounts order by id`),
  transfers: await test.db.all(sql`select * from ledger_transfers order by id`),
});

beforeEach(async () => {
  test = await createTestDb();
});
afterEach(() => test.dispose());

describe('posting', () => {
  it('a bill credits the partner and debits the payable account in one transfer', async () => {
    const w = await world('one');
    const { transfer, created } = await postTransfer(w.ctx, bill(w, 'k1', 12_50));
    expect(created).toBe(true);
    expect(transfer).toMatchObject({ amount: 12_50, currency: 'EUR', partnerId: w.partnerId, reference: 'bill_k1' });
    expect(await balancesOf(w.ctx, { partnerId: w.partnerId })).toEqual([
      { currency: 'EUR', available: { minor: 12_50, currency: 'EUR' }, pending: { minor: 0, currency: 'EUR' } },
    ]);
    const payable = await openAccount(w.ctx, { owner: 'operator', kind: 'payable', currency: 'EUR' });
    expect(payable.balance.minor).toBe(-12_50);
    expect(await verifyLedger(w.ctx)).toEqual({
      accounts: 2,
      transfers: 1,
      mismatched: [],
      unbalanced: [],
      pastLimit: [],
    });
  });

  it('opening an account twice finds the first; a partner of another operator is not found', async () => {
    const w = await world('open');
    const again = await openAccount(w.ctx, {
      owner: 'partner',
      partnerId: w.partnerId,
      kind: 'available',
      currency: 'EUR',
    });
    expect(again.id).toBe(w.available.id);
    const other = await world('open2');
    const error = await refusal(
      openAccount(w.ctx, { owner: 'partner', partnerId: other.partnerId, kind: 'available', currency: 'EUR' }),
    );
    expect(error.code).toBe('not_found');
    expect(
      (await refusal(openAccount(w.ctx, { owner: 'operator', kind: 'payable', currency: 'XXX' }))).errors[0],
    ).toMatchObject({ path: 'currency', reason: 'unknown_currency' });
  });

  it('the same key posts once; the same key for a different transfer is refused', async () => {
    const w = await world('idem');
    const first = await postTransfer(w.ctx, bill(w, 'bill:1:approve', 100));
    const second = await postTransfer(w.ctx, bill(w, 'bill:1:approve', 100));
    expect(second).toEqual({ transfer: first.transfer, created: false });
    const before = await snapshot();
    const error = await refusal(postTransfer(w.ctx, bill(w, 'bill:1:approve', 999)));
    expect(error.errors[0]).toMatchObject({ path: 'key', reason: 'already_exists' });
    expect(await snapshot()).toEqual(before);
    expect((await balancesOf(w.ctx, { partnerId: w.partnerId }))[0]!.available.minor).toBe(100);
  });

  it('refuses a currency the accounts do not hold, and changes nothing', async () => {
    const w = await world('cur');
    const usd = await openAccount(w.ctx, {
      owner: 'partner',
      partnerId: w.partnerId,
      kind: 'available',
      currency: 'USD',
    });
    const before = await snapshot();
    const wrongSide = await refusal(postTransfer(w.ctx, { ...bill(w, 'c1', 5), credit: usd.id }));
    expect(wrongSide.errors[0]).toMatchObject({
      path: 'currency',
      reason: 'invalid_choice',
      params: { allowed: ['USD'] },
    });
    const wrongBoth = await refusal(postTransfer(w.ctx, { ...bill(w, 'c2', 5), currency: 'GBP' }));
    expect(wrongBoth.errors[0]).toMatchObject({ path: 'currency', reason: 'invalid_choice' });
    expect(await snapshot()).toEqual(before);
  });

  it("another operator's account is not found, and nothing changes", async () => {
    const w = await world('mine');
    const other = await world('theirs');
    const before = await snapshot();
    expect((await refusal(postTransfer(w.ctx, { ...bill(w, 'x1', 5), credit: other.available.id }))).code).toBe(
      'not_found',
    );
    expect((await refusal(postTransfer(w.ctx, { ...bill(w, 'x2', 5), debit: other.payable.id }))).code).toBe(
      'not_found',
    );
    // Their own ids, from their own context, are theirs to use: the refusal was the tenant, not the ids.
    expect((await postTransfer(other.ctx, bill(other, 'x1', 5))).created).toBe(true);
    expect((await snapshot()).transfers).toHaveLength(before.transfers.length + 1);
  });

  it('refuses an overdraft with the available amount, changes nothing, and leaves the key unused', async () => {
    const w = await world('over');
    await postTransfer(w.ctx, bill(w, 'b1', 30_00));
    await postTransfer(w.ctx, subtract(w, 's1', 20_00));
    const before = await snapshot();
    const error = await refusal(postTransfer(w.ctx, subtract(w, 's2', 10_01)));
    expect(error.code).toBe('validation_failed');
    expect(error.errors[0]).toMatchObject({ path: 'amount', reason: 'too_big', params: { maximum: '10.00' } });
    expect(await snapshot()).toEqual(before);
    // Down to exactly zero is allowed, under the key the refused attempt did not take.
    expect((await postTransfer(w.ctx, subtract(w, 's2', 10_00))).created).toBe(true);
    expect((await balancesOf(w.ctx, { partnerId: w.partnerId }))[0]!.available.minor).toBe(0);
    expect((await verifyLedger(w.ctx)).mismatched).toEqual([]);
  });

  it('checks the input and the direction of the action', async () => {
    const w = await world('input');
    const reasons = async (input: PostTransferInput) => (await refusal(postTransfer(w.ctx, input))).errors[0];
    expect(await reasons(bill(w, 'i1', 0))).toMatchObject({ path: 'amount', reason: 'too_small' });
    expect(await reasons(bill(w, 'i2', 1.5))).toMatchObject({ path: 'amount', reason: 'too_small' });
    expect(await reasons({ ...bill(w, 'i3', 1), action: 'subtract' })).toMatchObject({ path: 'action' });
    expect(await reasons({ ...subtract(w, 'i4', 1), action: 'add' })).toMatchObject({ path: 'action' });
    expect(await reasons({ ...bill(w, 'i5', 1), credit: w.payable.id })).toMatchObject({ path: 'credit' });
    expect(await reasons({ ...bill(w, 'i6', 1), reason: 'bonus' as never })).toMatchObject({ path: 'reason' });
    expect(await reasons(bill(w, '', 1))).toMatchObject({ path: 'key' });
    const other = await openAccount(w.ctx, {
      owner: 'partner',
      partnerId: w.otherPartnerId,
      kind: 'available',
      currency: 'EUR',
    });
    expect(await reasons({ ...subtract(w, 'i7', 1), credit: other.id })).toMatchObject({ path: 'credit' });
  });
});

describe('lists', () => {
  it("lists a partner's transfers newest first in pages, along the index", async () => {
    const w = await world('list');
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      await postTransfer(w.ctx, bill(w, `l${i}`, 100 + i));
    }
    const first = await listTransfers(w.ctx, { partnerId: w.partnerId, limit: 3 });
    expect(first.data.map((t) => t.key)).toEqual(['l4', 'l3', 'l2']);
    const second = await listTransfers(w.ctx, { partnerId: w.partnerId, limit: 3, before: first.nextBefore! });
    expect(second).toMatchObject({ nextBefore: null });
    expect(second.data.map((t) => t.key)).toEqual(['l1', 'l0']);
    expect((await listTransfers(w.ctx, { partnerId: w.otherPartnerId })).data).toEqual([]);
    const plan = await test.db.all<{ detail: string }>(
      sql`explain query plan select * from ledger_transfers where operator_id = ${w.ctx.operatorId}
        and partner_id = ${w.partnerId} and id < 'zzz' order by id desc limit 4`,
    );
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX ledger_transfers_partner/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('narrows the list by reason, action, currency, amount per currency and time, still along the index', async () => {
    const w = await world('filter');
    const start = clock.now().getTime();
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      await postTransfer(w.ctx, bill(w, `f${i}`, 100 * (i + 1)));
    }
    clock.advance(60_000);
    await postTransfer(w.ctx, { ...subtract(w, 's1', 150), comment: 'Chargeback' });
    const keys = async (input: Parameters<typeof listTransfers>[1]) =>
      (await listTransfers(w.ctx, { partnerId: w.partnerId, ...input })).data.map((t) => t.key);
    expect(await keys({ reasons: ['correction'] })).toEqual(['s1']);
    expect(await keys({ action: 'add', amounts: [{ currency: 'EUR', min: 200, max: 300 }] })).toEqual(['f2', 'f1']);
    expect(await keys({ amounts: [{ currency: 'USD', min: 1 }] })).toEqual([]);
    expect(await keys({ amounts: [] })).toEqual([]);
    expect(
      await keys({ currency: 'EUR', postedFrom: new Date(start + 120_000), postedBefore: new Date(start + 240_000) }),
    ).toEqual(['f2', 'f1']);
    expect((await listTransfers(w.ctx, { partnerId: w.partnerId, reasons: ['correction'] })).data[0]!.comment).toBe(
      'Chargeback',
    );
    const plan = await test.db.all<{ detail: string }>(
      sql`explain query plan select * from ledger_transfers where operator_id = ${w.ctx.operatorId}
        and partner_id = ${w.partnerId} and reason in ('bill', 'correction') and action = 'add' and currency = 'EUR'
        and ((currency = 'EUR' and amount >= 1 and amount <= 500)) and created_at >= 0 and created_at < 1e15
        and id < 'zzz' order by id desc limit 51`,
    );
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX ledger_transfers_partner/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('guards the database holds without the service', () => {
  it('transfers can be neither updated nor deleted', async () => {
    const w = await world('imm');
    const { transfer } = await postTransfer(w.ctx, bill(w, 'i1', 100));
    await rejectsWith(test.db.run(sql`update ledger_transfers set amount = 1 where id = ${transfer.id}`), /immutable/);
    await rejectsWith(test.db.run(sql`delete from ledger_transfers where id = ${transfer.id}`), /immutable/);
    await rejectsWith(test.db.run(sql`delete from ledger_transfers`), /immutable/);
    expect((await snapshot()).transfers).toEqual([expect.objectContaining({ id: transfer.id, amount: 100 })]);
  });

  it('accounts keep their identity and limits, their sums only grow, and none goes away', async () => {
    const w = await world('acc');
    await postTransfer(w.ctx, bill(w, 'a1', 100));
    const id = w.available.id;
    const fails = (statement: ReturnType<typeof sql>, why: RegExp) => rejectsWith(test.db.run(statement), why);
    const onlyUpwards = /only the posted sums change, and only upwards/;
    await fails(sql`update ledger_accounts set credits_posted = 50 where id = ${id}`, onlyUpwards);
    await fails(sql`update ledger_accounts set currency = 'USD' where id = ${id}`, onlyUpwards);
    await fails(sql`update ledger_accounts set debits_must_not_exceed_credits = 0 where id = ${id}`, onlyUpwards);
    await fails(
      sql`update ledger_accounts set debits_posted = 101 where id = ${id}`,
      /CHECK constraint failed: ledger_accounts_no_overdraft/,
    );
    await fails(sql`delete from ledger_accounts where id = ${id}`, /never deleted/);
    // A partner's available account cannot be created without its no-overdraft flag.
    await fails(
      sql`insert into ledger_accounts (id, operator_id, owner, owner_id, kind, currency, created_at)
      values ('lacc_raw', ${w.ctx.operatorId}, 'partner', ${w.otherPartnerId}, 'available', 'EUR', 0)`,
      /CHECK constraint failed: ledger_accounts_partner_available_guarded/,
    );
    expect((await verifyLedger(w.ctx)).mismatched).toEqual([]);
  });

  it("a transfer inserted by hand must name its operator's accounts in its currency, with a positive integer amount", async () => {
    const w = await world('raw');
    const other = await world('raw2');
    const insert = (debit: string, amount: number | string, currency = 'EUR') =>
      test.db.run(sql`insert into ledger_transfers (id, operator_id, key, debit_account_id, credit_account_id, amount,
        currency, reason, action, created_at) values (${`ltr_${Math.random()}`}, ${w.ctx.operatorId}, ${`raw${Math.random()}`},
        ${debit}, ${w.available.id}, ${amount}, ${currency}, 'bill', 'add', 0)`);
    await rejectsWith(insert(other.payable.id, 5), /both accounts/);
    await rejectsWith(insert(w.payable.id, 5, 'USD'), /both accounts/);
    await rejectsWith(insert(w.payable.id, 0), /CHECK constraint failed: ledger_transfers_amount_positive/);
    await rejectsWith(insert(w.payable.id, 2.5), /CHECK constraint failed: ledger_transfers_amount_positive/);
    await rejectsWith(insert(w.available.id, 5), /CHECK constraint failed: ledger_transfers_two_accounts/);
    expect((await snapshot()).transfers).toEqual([]);
  });
});
