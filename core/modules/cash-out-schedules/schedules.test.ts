import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { unwrap } from '../../sdk/index.ts';
import { auditEvents } from '../identity/table.ts';
import { invitedTeamMember } from '../../../tests/helpers/identity.ts';
import { scheduleWorld, type ScheduleWorld } from '../../../tests/helpers/schedule-world.ts';

let w: ScheduleWorld;
type Body = Record<string, unknown> & { status: number };
const body = async (res: Response): Promise<Body> => ({
  status: res.status,
  ...((await res.json()) as Record<string, unknown>),
});
const schedules = () => w.partner.wallet.schedules;
const save = async (over: Record<string, unknown> = {}) =>
  schedules().$put({
    json: {
      paymentAccountId: w.account.id,
      currency: 'EUR',
      kind: 'weekly',
      weekdays: [3],
      min: '50',
      max: '800',
      code: await w.nextCode(),
      ...over,
    } as never,
  });
const list = () => w.listed();
const auditOf = async (type: 'cash_out_requested' | 'cash_out_schedule_saved' | 'cash_out_schedule_deleted') =>
  w.t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, w.partnerId), eq(auditEvents.type, type)));

// 2026-12-02 is a Wednesday; Europe/Berlin is UTC+1 then.
beforeEach(async () => {
  w = await scheduleWorld({ timeZone: 'Europe/Berlin', balance: '5000', at: '2026-12-01T09:00:00Z' });
});
afterEach(() => w.t.dispose());

describe('saving schedules', () => {
  it('saves with a fresh 2FA code, lists the plan with its next slot, and replaces it by account and currency', async () => {
    const first = await body(await save());
    expect(first).toMatchObject({
      status: 200,
      kind: 'weekly',
      weekdays: [3],
      dates: [],
      min: '50.00',
      max: '800.00',
      enabled: true,
      timeZone: 'Europe/Berlin',
      nextSlot: '2026-12-02',
      lastRun: null,
      methodLimits: { min: '10.00', max: '1000.00' },
      paymentAccount: { id: w.account.id, method: { name: 'SEPA', enabled: true } },
    });
    const again = await body(await save({ kind: 'monthly', weekdays: undefined, dates: [31, 15, 31], max: '1000' }));
    expect(again).toMatchObject({ status: 200, id: first.id, kind: 'monthly', weekdays: [], dates: [15, 31] });
    expect(again.nextSlot).toBe('2026-12-15');
    expect(await list()).toHaveLength(1);
    expect((await auditOf('cash_out_schedule_saved')).map((e) => e.detail)).toEqual([
      expect.objectContaining({ kind: 'weekly', weekdays: [3], min: '50.00', max: '800.00' }),
      expect.objectContaining({ kind: 'monthly', dates: [15, 31], max: '1000.00' }),
    ]);
  });

  it('requires a right 2FA code and the money roles', async () => {
    expect(await body(await save({ code: undefined }))).toMatchObject({
      status: 422,
      errors: [{ path: 'body.code', reason: 'required' }],
    });
    expect((await body(await save({ code: '000000' }))).status).toBe(422);
    const analyst = await invitedTeamMember(w.t, {
      operatorId: w.operatorId,
      owner: w.client,
      email: 'reader@example.com',
      role: 'analyst',
    });
    const refused = await analyst.v1.partner.wallet.schedules.$put({
      json: { paymentAccountId: w.account.id, currency: 'EUR', kind: 'daily', min: '50', max: '100' } as never,
    });
    expect(refused.status).toBe(403);
    expect((await analyst.v1.partner.wallet.schedules.$get()).status).toBe(200);
    expect(await list()).toEqual([]);
  });

  it('refuses a bad plan or amounts naming the fields, the method’s minimum and maximum, and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string[], string[]]> = [
      [{ min: '900', max: '800' }, ['body.min', 'body.max'], ['900.00', '800.00']],
      [{ min: '5', max: '800' }, ['body.min'], ['10.00', '1000.00']],
      [{ min: '50', max: '1000.01' }, ['body.max'], ['10.00', '1000.00']],
      [{ min: '5', max: '2000' }, ['body.min', 'body.max'], ['10.00', '1000.00']],
      [{ weekdays: [] }, ['body.weekdays'], []],
      [{ kind: 'daily' }, ['body.weekdays'], []],
      [{ kind: 'monthly', weekdays: undefined }, ['body.dates'], []],
      [{ weekdays: [8] }, ['body.weekdays.0'], []],
      [{ kind: 'monthly', weekdays: undefined, dates: [0, 32] }, ['body.dates.0', 'body.dates.1'], []],
      [{ currency: 'USD' }, ['body.currency'], ['EUR']],
      [{ paymentAccountId: 'pacc_nope' }, ['body.paymentAccountId'], []],
      [{ min: '10.001' }, ['body.min'], []],
    ];
    for (const [over, paths, words] of cases) {
      const problem = await body(await save(over));
      expect(problem.status, JSON.stringify(over)).toBe(422);
      expect((problem.errors as Array<{ path: string }>).map((e) => e.path).sort(), JSON.stringify(over)).toEqual(
        [...paths].sort(),
      );
      for (const word of words) expect(JSON.stringify(problem), JSON.stringify(over)).toContain(word);
    }
    expect(await list()).toEqual([]);
  });

  it('deletes with a code (another partner’s id is not found); the operator lists, saves and deletes without one', async () => {
    const saved = await unwrap(save());
    const del = (scheduleId: string, code?: string) =>
      schedules()[':scheduleId'].$delete({ param: { scheduleId }, json: { ...(code && { code }) } });
    expect((await body(await del(saved.id))).status).toBe(422);
    expect((await body(await del('csch_nope', await w.nextCode()))).status).toBe(404);
    expect((await body(await del(saved.id, await w.nextCode()))).status).toBe(200);
    expect(await list()).toEqual([]);
    expect(await auditOf('cash_out_schedule_deleted')).toHaveLength(1);

    const ops = w.op.client.v1.partners[':partnerId'].wallet.schedules;
    const param = { partnerId: w.partnerId };
    const made = await unwrap(
      ops.$put({
        param,
        json: { paymentAccountId: w.account.id, currency: 'EUR', kind: 'daily', min: '20', max: '40' },
      }),
    );
    expect(made).toMatchObject({ kind: 'daily', nextSlot: '2026-12-01' });
    expect((await unwrap(ops.$get({ param }))).data.map((s) => s.id)).toEqual([made.id]);
    expect((await list()).map((s) => s.id)).toEqual([made.id]);
    await unwrap(ops[':scheduleId'].$delete({ param: { ...param, scheduleId: made.id } }));
    expect(await list()).toEqual([]);
    const stranger = await ops.$get({ param: { partnerId: 'partner_nope' } });
    expect(stranger.status).toBe(404);
  });
});

describe('the hourly run', () => {
  it('asks for min(available, max) on a due local date once, as the system naming the schedule', async () => {
    const saved = await unwrap(save());
    await w.runJob(); // Tuesday in Berlin: nothing is due.
    expect(await w.cashOutRows()).toEqual([]);
    w.t.clock.set('2026-12-01T23:30:00Z'); // 00:30 Wednesday in Berlin.
    await w.runJob();
    await w.runJob();
    const rows = await w.cashOutRows();
    expect(rows.map((r) => [r.amount, r.idempotencyKey, r.state, r.requestedByUserId])).toEqual([
      [80_000, `schedule:${saved.id}:2026-12-02`, 'pending', null],
    ]);
    expect(await w.balances()).toEqual([{ currency: 'EUR', coin: false, available: '4200.00', pending: '800.00' }]);
    const [shown] = await list();
    expect(shown).toMatchObject({
      nextSlot: '2026-12-09',
      lastRun: { slot: '2026-12-02', outcome: 'requested', amount: '800.00', cashOutId: rows[0]!.id, reason: null },
    });
    const audit = await auditOf('cash_out_requested');
    expect(audit.map((e) => [e.actorKind, e.detail])).toEqual([
      ['system', expect.objectContaining({ scheduleId: saved.id, slot: '2026-12-02', amount: '800.00' })],
    ]);
    // The partner cancels it: the slot is spent, later hours of the day ask for nothing more.
    await unwrap(w.op.client.v1.cash_outs[':cashOutId'].cancel.$post({ param: { cashOutId: rows[0]!.id } }));
    w.t.clock.set('2026-12-02T20:00:00Z');
    await w.runJob();
    expect(await w.cashOutRows()).toHaveLength(1);
    // A missed day is not made up: the next Wednesday makes the next one.
    w.t.clock.set('2026-12-09T11:00:00Z');
    await w.runJob();
    expect((await w.cashOutRows()).map((r) => r.idempotencyKey).sort()).toEqual([
      `schedule:${saved.id}:2026-12-02`,
      `schedule:${saved.id}:2026-12-09`,
    ]);
  });

  it('records a below-minimum skip with the balance and minimum, and tries again within the day', async () => {
    const saved = await unwrap(save({ kind: 'daily', weekdays: undefined, min: '50', max: '800' }));
    // Leave 3.20 EUR available.
    await unwrap(
      w.op.client.v1.partners[':partnerId'].wallet.corrections.$post({
        param: { partnerId: w.partnerId },
        json: { action: 'subtract', amount: '4996.80', currency: 'EUR', comment: 'Out', idempotencyKey: 'out' },
      }),
    );
    await w.runJob();
    expect(await w.cashOutRows()).toEqual([]);
    const [skipped] = await list();
    expect(skipped).toMatchObject({
      nextSlot: '2026-12-01',
      lastRun: { slot: '2026-12-01', outcome: 'skipped', reason: 'below_minimum', amount: '3.20', minimum: '50.00' },
    });
    await w.addFunds('100');
    w.t.clock.advance(3_600_000);
    await w.runJob();
    expect((await w.cashOutRows()).map((r) => [r.amount, r.idempotencyKey])).toEqual([
      [10_320, `schedule:${saved.id}:2026-12-01`],
    ]);
    expect((await list())[0]).toMatchObject({ nextSlot: '2026-12-02', lastRun: { outcome: 'requested' } });
  });

  it('skips when the method stops paying, and a disabled schedule makes nothing', async () => {
    await unwrap(save({ kind: 'daily', weekdays: undefined }));
    await unwrap(
      w.op.client.v1.payment_methods[':methodId'].$patch({
        param: { methodId: w.method.id },
        json: { enabled: false },
      }),
    );
    await w.runJob();
    expect((await list())[0]!.lastRun).toMatchObject({ outcome: 'skipped', reason: 'method_unavailable' });
    await unwrap(
      w.op.client.v1.payment_methods[':methodId'].$patch({ param: { methodId: w.method.id }, json: { enabled: true } }),
    );
    await unwrap(save({ kind: 'daily', weekdays: undefined, enabled: false }));
    expect((await list())[0]!.nextSlot).toBeNull();
    await w.runJob();
    expect(await w.cashOutRows()).toEqual([]);
  });

  it('makes one cash-out per slot when runs race on two connections to one database file', async () => {
    await unwrap(save({ kind: 'daily', weekdays: undefined, max: '100' }));
    const { openLibsqlDatabase } = await import('../../../edge/libsql.ts');
    const { cashOutScheduleHandlers, CASH_OUT_SCHEDULES_JOB } = await import('./jobs.ts');
    const { rows } = await (
      w.t.deps.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
    ).$client.execute('PRAGMA database_list');
    const second = await openLibsqlDatabase(`file:${rows[0]!.file}`);
    try {
      const runners = [w.t.deps, { ...w.t.deps, db: second.db }].map(
        (deps) => cashOutScheduleHandlers(deps)[CASH_OUT_SCHEDULES_JOB] as (ctx: unknown, p: unknown) => Promise<void>,
      );
      await Promise.all(Array.from({ length: 12 }, (_, i) => runners[i % 2]!({}, {})));
      expect((await w.cashOutRows()).map((r) => r.amount)).toEqual([10_000]);
      expect(await auditOf('cash_out_requested')).toHaveLength(1);
      expect(await w.balances()).toEqual([{ currency: 'EUR', coin: false, available: '4900.00', pending: '100.00' }]);
      expect(w.t.errors).toEqual([]);
    } finally {
      second.close();
    }
  });
});
