/**
 * The ledger with two real Node processes on one libSQL file, released at the same moment. No
 * in-process lock can see across them: only the database's guards (the UNIQUE key, the batch that
 * moves the sums only for its own row, the no-overdraft CHECK) keep each key posted once and the
 * partner's available balance at zero or above. The parent then checks the invariants.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../core/lib/clock.ts';
import { withTenant } from '../core/lib/context.ts';
import { partners } from '../core/modules/identity/table.ts';
import { balancesOf, openAccount } from '../core/modules/ledger/service.ts';
import { verifyLedger } from '../core/modules/ledger/verify-ledger.ts';
import { createOperator } from '../core/modules/operators/service.ts';
import { createTestDb } from './helpers/test-app.ts';
import { startProcess } from './helpers/processes.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * One round in a child: open the database, say ready, wait for the go file, then post every
 * step of STEPS at once (the child's own concurrency on top of the other process's) and print
 * what each answered as one JSON line.
 */
const childScript = `(async () => {
  const { existsSync } = await import('node:fs');
  const { openLibsqlDatabase } = await import(${JSON.stringify(join(root, 'edge/libsql.ts'))});
  const { systemClock } = await import(${JSON.stringify(join(root, 'core/lib/clock.ts'))});
  const ledger = await import(${JSON.stringify(join(root, 'core/modules/ledger/service.ts'))});
  const { db, close } = await openLibsqlDatabase(process.env.DATABASE_URL);
  const ctx = { db, clock: systemClock, operatorId: process.env.OPERATOR_ID };
  const steps = JSON.parse(process.env.STEPS);
  console.log('ready');
  while (!existsSync(process.env.GO_FILE)) await new Promise((r) => setTimeout(r, 2));
  const started = Date.now();
  const results = await Promise.all(steps.map(async (step) => {
    try {
      if (step.open) step.transfer.credit = (await ledger.openAccount(ctx, step.open)).id;
      const { created } = await ledger.postTransfer(ctx, step.transfer);
      return { key: step.transfer.key, created };
    } catch (error) {
      if (!error.code) return { key: step.transfer.key, crashed: String(error) };
      return { key: step.transfer.key, refused: error.errors?.[0]?.reason ?? error.code };
    }
  }));
  console.log('RESULTS ' + JSON.stringify({ started, finished: Date.now(), results }));
  close();
})();`;

type Result = { key: string; created?: boolean; refused?: string; crashed?: string };
type Answer = { started: number; finished: number; results: Result[] };

let test: Awaited<ReturnType<typeof createTestDb>>;
let dir = '';
let url = '';
let ctx: ReturnType<typeof withTenant<{ db: typeof test.db; clock: typeof systemClock }>>;
let partnerId = '';
let payable = '';
let available = '';
const running: Array<ReturnType<typeof startProcess>> = [];

beforeAll(async () => {
  test = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'kabinet-ledger-'));
  const { rows } = await (
    test.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
  ).$client.execute('PRAGMA database_list');
  url = `file:${rows[0]!.file}`;
  const base = { db: test.db, clock: systemClock };
  const operator = await createOperator(base, { name: 'Two processes' });
  ctx = withTenant(base, operator.id);
  partnerId = 'partner_two_processes';
  await test.db
    .insert(partners)
    .values({ id: partnerId, operatorId: operator.id, name: 'P', referralCode: 'P', createdAt: new Date() });
  payable = (await openAccount(ctx, { owner: 'operator', kind: 'payable', currency: 'EUR' })).id;
  available = (await openAccount(ctx, { owner: 'partner', partnerId, kind: 'available', currency: 'EUR' })).id;
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  test?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts both children with their steps, releases them together, and returns what each answered. */
async function race(round: string, steps: [unknown[], unknown[]]): Promise<[Result[], Result[]]> {
  const go = join(dir, `go-${round}`);
  const children = steps.map((s) => {
    const child = startProcess(join(root, 'node_modules/.bin/tsx'), ['-e', childScript], {
      DATABASE_URL: url,
      OPERATOR_ID: ctx.operatorId,
      STEPS: JSON.stringify(s),
      GO_FILE: go,
    });
    running.push(child);
    return child;
  });
  const deadline = Date.now() + 60_000;
  while (!children.every((c) => c.output().includes('ready'))) {
    for (const c of children) if (c.child.exitCode !== null) throw new Error(`child exited early:\n${c.output()}`);
    if (Date.now() > deadline) throw new Error(children.map((c) => c.output()).join('\n---\n'));
    await new Promise((r) => setTimeout(r, 20));
  }
  writeFileSync(go, '');
  const results = await Promise.all(
    children.map(
      (c) =>
        new Promise<Answer>((resolve, reject) => {
          const done = () => {
            const line = c.output().match(/^RESULTS (.*)$/m);
            if (line) resolve(JSON.parse(line[1]!) as Answer);
            else reject(new Error(`no results:\n${c.output()}`));
          };
          if (c.child.exitCode !== null) done();
          else c.child.once('exit', done);
        }),
    ),
  );
  for (const r of results.flatMap((x) => x.results)) expect(r.crashed, r.key).toBeUndefined();
  // The two processes were posting at the same time (each may have spent it waiting for the other's write lock).
  const [one, two] = results as [Answer, Answer];
  expect(Math.max(one.started, two.started)).toBeLessThan(Math.min(one.finished, two.finished));
  return [one.results, two.results];
}

const transfer = (key: string, amount: number, direction: 'add' | 'subtract') => ({
  key,
  debit: direction === 'add' ? payable : available,
  credit: direction === 'add' ? available : payable,
  amount,
  currency: 'EUR',
  reason: direction === 'add' ? 'bill' : 'correction',
  action: direction,
});

async function expectInvariants() {
  const audit = await verifyLedger(ctx);
  expect(audit).toMatchObject({ mismatched: [], unbalanced: [], pastLimit: [] });
  const doubled = await test.db.all(
    sql`select key from ledger_transfers group by operator_id, key having count(*) > 1`,
  );
  expect(doubled).toEqual([]);
  return audit;
}

it('posts the same keys from both processes once', async () => {
  const keys = Array.from({ length: 40 }, (_, i) => `bill:${i}:approve`);
  // Each process posts every key, the second in reverse order so they collide in the middle too.
  const steps = keys.map((key) => ({ transfer: transfer(key, 2_50, 'add') }));
  const [a, b] = await race('same-keys', [steps, steps.toReversed()]);
  for (const key of keys) {
    const answers = [...a, ...b].filter((r) => r.key === key);
    expect(answers.map((r) => r.refused)).toEqual([undefined, undefined]);
    expect(answers.filter((r) => r.created)).toHaveLength(1);
  }
  const audit = await expectInvariants();
  expect(audit.transfers).toBe(40);
  expect((await balancesOf(ctx, { partnerId }))[0]!.available.minor).toBe(100_00);
}, 120_000);

it('refuses the subtractions that would together overdraw, whichever process sends them', async () => {
  // Available: 100.00 EUR from the first round. Each process subtracts 10 × 7.00: 140.00 in all.
  const subtract = (p: string) =>
    Array.from({ length: 10 }, (_, i) => ({ transfer: transfer(`${p}:correction:${i}`, 7_00, 'subtract') }));
  const [a, b] = await race('overdraw', [subtract('p1'), subtract('p2')]);
  const all = [...a, ...b];
  // 14 × 7.00 fit in 100.00; the other six would go below zero, in whatever order they came.
  expect(all.filter((r) => r.created)).toHaveLength(14);
  expect(all.filter((r) => r.refused)).toEqual(
    Array.from({ length: 6 }, () => expect.objectContaining({ refused: 'too_big' })),
  );
  await expectInvariants();
  expect((await balancesOf(ctx, { partnerId }))[0]!.available.minor).toBe(2_00);
}, 120_000);

it('keeps the invariants while both open the same new account and add and subtract at once', async () => {
  const usd = { owner: 'partner', partnerId, kind: 'available', currency: 'USD' };
  const usdPayable = (await openAccount(ctx, { owner: 'operator', kind: 'payable', currency: 'USD' })).id;
  const steps = (p: string) =>
    Array.from({ length: 30 }, (_, i) =>
      i % 3 === 2
        ? { transfer: transfer(`${p}:eur:${i}`, 1_00, 'subtract') }
        : i % 3 === 1
          ? { transfer: transfer(`shared:eur:${i}`, 50, 'add') }
          : {
              open: usd,
              transfer: { ...transfer(`shared:usd:${i}`, 3_00, 'add'), debit: usdPayable, currency: 'USD' },
            },
    );
  const [a, b] = await race('mixed', [steps('p1'), steps('p2')]);
  for (const r of [...a, ...b]) if (r.refused) expect(r.refused).toBe('too_big');
  await expectInvariants();
  const accounts = await test.db.all(
    sql`select id from ledger_accounts where owner_id = ${partnerId} and currency = 'USD'`,
  );
  expect(accounts).toHaveLength(1);
  const balances = await balancesOf(ctx, { partnerId });
  expect(balances.find((x) => x.currency === 'USD')!.available.minor).toBe(10 * 3_00);
  expect(balances.find((x) => x.currency === 'EUR')!.available.minor).toBeGreaterThanOrEqual(0);
}, 120_000);
