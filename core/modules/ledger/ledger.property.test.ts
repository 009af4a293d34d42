/**
 * Property: after any sequence of postings (bills crediting partners from the operator's payable
 * account, subtract corrections, repeats of earlier keys, the same keys with other amounts,
 * subtractions past the balance), on a real libSQL file:
 * - every currency sums to zero over all accounts (credits − debits);
 * - each account's posted sums equal the sums recomputed from its transfers;
 * - no partner's available balance is negative, and each equals a model kept beside the run;
 * - each key is posted at most once, and the store holds exactly the transfers the model accepted.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../../tests/helpers/test-app.ts';
import { manualClock } from '../../lib/clock.ts';
import { withTenant } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { createOperator } from '../operators/service.ts';
import { partners } from '../identity/table.ts';
import { balancesOf, openAccount, postTransfer, type PostTransferInput } from './service.ts';
import { verifyLedger } from './verify-ledger.ts';

const CURRENCIES = ['EUR', 'BTC', 'JPY'] as const;
const PARTNERS = 3;

type Step =
  | { kind: 'bill'; partner: number; currency: number; amount: number }
  | { kind: 'subtract'; partner: number; currency: number; share: number }
  | { kind: 'repeat'; pick: number }
  | { kind: 'reuse'; pick: number; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('bill' as const),
    partner: fc.nat(PARTNERS - 1),
    currency: fc.nat(CURRENCIES.length - 1),
    amount: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1_000_000_000_000 })),
  }),
  // share of the balance in percent: above 100 overdraws, exactly 100 empties the account.
  fc.record({
    kind: fc.constant('subtract' as const),
    partner: fc.nat(PARTNERS - 1),
    currency: fc.nat(CURRENCIES.length - 1),
    share: fc.oneof(fc.integer({ min: 1, max: 150 }), fc.constant(100), fc.constant(101)),
  }),
  fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reuse' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 1_000 }) }),
);

let test: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-11-24T10:00:00Z');
let worlds = 0;

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.dispose());

/** A fresh operator per run (one database for the file), its partners and accounts in each currency. */
async function world() {
  const name = `w${worlds++}`;
  const base = { db: test.db, clock };
  const operator = await createOperator(base, { name });
  const ctx = withTenant(base, operator.id);
  const ids = Array.from({ length: PARTNERS }, (_, i) => `partner_${name}_${i}`);
  await test.db
    .insert(partners)
    .values(ids.map((id) => ({ id, operatorId: operator.id, name: id, referralCode: id, createdAt: clock.now() })));
  const payable: string[] = [];
  const available: string[][] = ids.map(() => []);
  for (const currency of CURRENCIES) {
    payable.push((await openAccount(ctx, { owner: 'operator', kind: 'payable', currency })).id);
    for (const [p, partnerId] of ids.entries())
      available[p]!.push((await openAccount(ctx, { owner: 'partner', partnerId, kind: 'available', currency })).id);
  }
  return { ctx, ids, payable, available };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e : Promise.reject(e)),
  );

it('the ledger balances, caches the truth and never overdraws after any sequence of postings', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
      const w = await world();
      const balance = w.ids.map(() => CURRENCIES.map(() => 0));
      const posted: PostTransferInput[] = [];
      let n = 0;
      for (const s of steps) {
        clock.advance(1);
        if (s.kind === 'bill') {
          const input: PostTransferInput = {
            key: `bill:${n++}`,
            debit: w.payable[s.currency]!,
            credit: w.available[s.partner]![s.currency]!,
            amount: s.amount,
            currency: CURRENCIES[s.currency]!,
            reason: 'bill',
            action: 'add',
            reference: `bill_${n}`,
          };
          expect((await postTransfer(w.ctx, input)).created).toBe(true);
          balance[s.partner]![s.currency]! += s.amount;
          posted.push(input);
        } else if (s.kind === 'subtract') {
          const has = balance[s.partner]![s.currency]!;
          const amount = Math.max(1, Math.floor((has * s.share) / 100) + (s.share > 100 ? 1 : 0));
          const input: PostTransferInput = {
            key: `correction:${n++}`,
            debit: w.available[s.partner]![s.currency]!,
            credit: w.payable[s.currency]!,
            amount,
            currency: CURRENCIES[s.currency]!,
            reason: 'correction',
            action: 'subtract',
          };
          if (amount <= has) {
            expect((await postTransfer(w.ctx, input)).created).toBe(true);
            balance[s.partner]![s.currency]! -= amount;
            posted.push(input);
          } else {
            const error = await refusalOf(postTransfer(w.ctx, input));
            expect(error?.errors[0]).toMatchObject({ path: 'amount', reason: 'too_big' });
          }
        } else if (posted.length > 0) {
          const earlier = posted[s.pick % posted.length]!;
          if (s.kind === 'repeat') {
            expect((await postTransfer(w.ctx, earlier)).created).toBe(false);
          } else if (s.amount !== earlier.amount) {
            const error = await refusalOf(postTransfer(w.ctx, { ...earlier, amount: s.amount }));
            expect(error?.errors[0]).toMatchObject({ path: 'key', reason: 'already_exists' });
          }
        }
      }

      const audit = await verifyLedger(w.ctx);
      expect(audit).toMatchObject({ transfers: posted.length, mismatched: [], unbalanced: [], pastLimit: [] });
      const op = w.ctx.operatorId;
      // Independently of the audit: the transfers themselves net to zero per currency over the accounts.
      const nets = await test.db.all<{ currency: string; net: number }>(sql`
        select a.currency, sum(case when t.credit_account_id = a.id then t.amount else -t.amount end) as net
        from ledger_transfers t join ledger_accounts a on a.id in (t.debit_account_id, t.credit_account_id)
        where t.operator_id = ${op} group by a.currency`);
      for (const row of nets) expect(row.net, row.currency).toBe(0);
      const negative = await test.db.all(sql`select id from ledger_accounts where operator_id = ${op}
        and owner = 'partner' and kind = 'available' and credits_posted - debits_posted < 0`);
      expect(negative).toEqual([]);
      const keys = await test.db.all<{ key: string }>(sql`select key from ledger_transfers where operator_id = ${op}`);
      expect(keys.map((k) => k.key).sort()).toEqual(posted.map((p) => p.key).sort());
      for (const [p, partnerId] of w.ids.entries()) {
        const balances = await balancesOf(w.ctx, { partnerId });
        expect(balances.map((b) => [b.currency, b.available.minor])).toEqual(
          CURRENCIES.map((c, i) => [c, balance[p]![i]!]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
      }
    }),
    { numRuns: 60 },
  );
}, 120_000);
