/**
 * The hourly cash-out schedules job in two real Node processes at once, each firing it several
 * times concurrently on one libSQL file at the same instant: no in-process lock sees across
 * processes, so only the wallet's unique key per slot keeps it to one cash-out per schedule.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../core/sdk/index.ts';
import { withTenant } from '../core/lib/context.ts';
import { verifyLedger } from '../core/modules/ledger/verify-ledger.ts';
import { startProcess } from './helpers/processes.ts';
import { scheduleWorld, type ScheduleWorld } from './helpers/schedule-world.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const AT = '2026-12-02T10:00:00Z';
const runnerScript = `(async () => {
  const { openLibsqlDatabase } = await import(${JSON.stringify(join(root, 'edge/libsql.ts'))});
  const { manualClock } = await import(${JSON.stringify(join(root, 'core/lib/clock.ts'))});
  const { createOutbox } = await import(${JSON.stringify(join(root, 'core/jobs/outbox.ts'))});
  const { createSecretBox } = await import(${JSON.stringify(join(root, 'core/lib/crypto.ts'))});
  const jobs = await import(${JSON.stringify(join(root, 'core/modules/cash-out-schedules/jobs.ts'))});
  const { db, close } = await openLibsqlDatabase(process.env.DATABASE_URL);
  const clock = manualClock(process.env.AT);
  const failures = [];
  const deps = {
    db, clock, jobs: createOutbox(db, clock), version: 'test', mailTransport: null, publicUrl: 'http://kabinet.test',
    secretBox: await createSecretBox('test-secret-0123456789abcdef-0123456789'), outbound: {},
    reportError: (e) => failures.push(String(e)),
  };
  const run = jobs.cashOutScheduleHandlers(deps)[jobs.CASH_OUT_SCHEDULES_JOB];
  await Promise.all(Array.from({ length: 6 }, () => run({ db, clock, job: {} }, {})));
  close();
  console.log(failures.length ? 'FAILED ' + failures.join('; ') : 'RAN');
  process.exit(failures.length ? 1 : 0);
})();`;

let w: ScheduleWorld;
const scheduleIds: string[] = [];

beforeAll(async () => {
  w = await scheduleWorld({ timeZone: 'Europe/Berlin', balance: '5000', at: '2026-12-02T08:00:00Z' });
  // Three schedules on three currencies of one account, all due today (a Wednesday).
  await unwrap(
    w.op.client.v1.payment_methods[':methodId'].$patch({
      param: { methodId: w.method.id },
      json: {
        limits: ['EUR', 'USD', 'GBP'].map((currency) => ({ currency, min: '10', max: '1000' })),
      },
    }),
  );
  for (const currency of ['USD', 'GBP'])
    await unwrap(
      w.op.client.v1.partners[':partnerId'].wallet.corrections.$post({
        param: { partnerId: w.partnerId },
        json: { action: 'add', amount: '500', currency, comment: 'Funds', idempotencyKey: `funds-${currency}` },
      }),
    );
  const plans: Array<[string, { kind: 'daily' | 'weekly' | 'monthly'; weekdays?: number[]; dates?: number[] }]> = [
    ['EUR', { kind: 'weekly', weekdays: [3] }],
    ['USD', { kind: 'monthly', dates: [2] }],
    ['GBP', { kind: 'daily' }],
  ];
  for (const [currency, plan] of plans) {
    const saved = await unwrap(
      w.partner.wallet.schedules.$put({
        json: { paymentAccountId: w.account.id, currency, min: '10', max: '300', ...plan, code: await w.nextCode() },
      }),
    );
    scheduleIds.push(saved.id);
  }
}, 60_000);
afterAll(() => w?.t.dispose());

describe('cash-out schedules across two processes', () => {
  it('make one cash-out per schedule and slot, and the ledger balances', async () => {
    const { rows } = await (
      w.t.deps.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
    ).$client.execute('PRAGMA database_list');
    const env = { DATABASE_URL: `file:${rows[0]!.file}`, AT };
    const runners = [0, 1].map(() => startProcess(join(root, 'node_modules/.bin/tsx'), ['-e', runnerScript], env));
    const codes = await Promise.all(
      runners.map((r) => new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)))),
    );
    expect(codes, runners.map((r) => r.output()).join('\n')).toEqual([0, 0]);
    for (const r of runners) expect(r.output()).toContain('RAN');
    const made = await w.cashOutRows();
    expect(made.map((r) => `${r.currency} ${r.amount} ${r.idempotencyKey}`).sort()).toEqual(
      [
        `EUR 30000 schedule:${scheduleIds[0]}:2026-12-02`,
        `USD 30000 schedule:${scheduleIds[1]}:2026-12-02`,
        `GBP 30000 schedule:${scheduleIds[2]}:2026-12-02`,
      ].sort(),
    );
    const audit = await verifyLedger(withTenant(w.t.deps, w.operatorId));
    expect([audit.mismatched, audit.unbalanced, audit.pastLimit]).toEqual([[], [], []]);
    expect((await w.balances()).map((b) => `${b.currency} ${b.available} ${b.pending}`)).toEqual([
      'EUR 4700.00 300.00',
      'GBP 200.00 300.00',
      'USD 200.00 300.00',
    ]);
  }, 120_000);
});
