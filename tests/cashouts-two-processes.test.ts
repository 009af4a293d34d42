/**
 * Cash-outs with two real Node server processes on one libSQL file: 1,000 withdrawals fired at once
 * across both at one partner's 1,000.00 EUR, and with them 100 retries of the first 100 (the same
 * idempotency key from another user of the partner, as a second device would send it). No in-process lock sees across processes, so only the
 * database keeps the money whole: the hold is one batch with the cash-out row, and the ledger's
 * no-overdraft CHECK refuses what the balance cannot cover. Each request comes from its own user of
 * the partner (a TOTP code is good once per user and step), so every one of them reaches the ledger.
 */
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../core/lib/context.ts';
import { unwrap } from '../core/sdk/index.ts';
import { createSession } from '../core/modules/identity/sessions.ts';
import { users } from '../core/modules/identity/table.ts';
import { balancesOf } from '../core/modules/ledger/service.ts';
import { verifyLedger } from '../core/modules/ledger/verify-ledger.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { databaseFileUrl, startKabinetServer } from './helpers/processes.ts';
import { createTestApp } from './helpers/test-app.ts';

const REQUESTS = 1_000;
const RETRIES = 100;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
type Server = Awaited<ReturnType<typeof startKabinetServer>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId = '';
let partnerId = '';
let accountId = '';
let operatorKey = '';
const tokens: string[] = [];
const started: Server[] = [];

async function startServer(url: string): Promise<Server> {
  const server = await startKabinetServer(url);
  started.push(server);
  return server;
}

beforeAll(async () => {
  t = await createTestApp();
  // The servers run on the real clock: sessions and codes are made at the real time too.
  t.clock.set(new Date());
  const op = await t.addOperator('Race');
  operatorId = op.operator.id;
  operatorKey = op.key;
  ({ partnerId } = await activePartner(t, operatorId, 'race@example.com'));
  const owner = (await signedInClient(t, operatorId, 'race@example.com')).client;
  const method = await unwrap(
    op.client.v1.payment_methods.$post({
      json: { name: 'Skrill', kind: 'skrill', limits: [{ currency: 'EUR', min: '1', max: '1000' }] },
    }),
  );
  accountId = (
    await unwrap(
      owner.v1.partner.payment_accounts.$post({
        json: { methodId: method.id, details: { kind: 'skrill', email: 'race@example.com' } } as never,
      }),
    )
  ).id;
  await unwrap(
    op.client.v1.partners[':partnerId'].wallet.corrections.$post({
      param: { partnerId },
      json: { action: 'add', amount: '1000', currency: 'EUR', comment: 'Race', idempotencyKey: 'race' },
    }),
  );
  const sealed = await t.deps.secretBox.seal(SECRET);
  const now = new Date();
  const rows = Array.from({ length: REQUESTS + RETRIES }, (_, i) => ({
    id: `user_race_${String(i).padStart(4, '0')}`,
    operatorId,
    partnerId,
    email: `racer${i}@example.com`,
    name: `Racer ${i}`,
    role: 'admin' as const,
    totpSecret: sealed,
    totpEnabledAt: now,
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 50) await t.deps.db.insert(users).values(rows.slice(i, i + 50));
  const ctx = withTenant(t.deps, operatorId);
  for (const row of rows)
    tokens.push((await createSession(ctx, { userId: row.id, kind: 'password', transport: 'bearer' })).token);
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  t?.dispose();
});

describe('cash-outs across two processes', () => {
  it('never holds more than the balance, never overdraws, answers every request and loses none', async () => {
    const url = await databaseFileUrl(t.deps.db);
    const servers = await Promise.all([startServer(url), startServer(url)]);
    const code = await generate({ secret: SECRET });
    // Amounts from 5.00 to 54.00 EUR: together far more than the 1,000.00 available.
    const amounts = Array.from({ length: REQUESTS }, (_, i) => 500 + ((i * 37) % 50) * 100);
    const ask = async (i: number, user: number) => {
      const res = await fetch(`${servers[user % 2]!.base}/v1/partner/wallet/cash_outs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          currency: 'EUR',
          paymentAccountId: accountId,
          amount: (amounts[i]! / 100).toFixed(2),
          code,
          idempotencyKey: `race-${i}`,
        }),
      });
      const body = (await res.json()) as { id?: string; errors?: Array<{ reason: string }> };
      return { status: res.status, minor: amounts[i]!, key: i, body };
    };
    const fired = await Promise.all([
      ...amounts.map((_, i) => ask(i, i)),
      ...Array.from({ length: RETRIES }, (_, i) => ask(i, REQUESTS + i)),
    ]);
    const answers = fired.slice(0, REQUESTS);
    const retries = fired.slice(REQUESTS);
    // A retry answers the cash-out its key made (whichever of the two got there first) or the
    // same refusal; it never makes a second one.
    for (const retry of retries) {
      expect([200, 201, 422]).toContain(retry.status);
      const first = answers[retry.key]!;
      if (retry.status !== 422 && first.status !== 422) expect(retry.body.id).toBe(first.body.id);
    }
    const made = fired.filter((a) => a.status === 201);
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s !== 201 && s !== 200 && s !== 422),
      JSON.stringify(answers.find((a) => a.status !== 201 && a.status !== 200 && a.status !== 422)),
    ).toEqual([]);
    // A refusal is the balance's, never a lost 2FA race.
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body.errors?.[0]?.reason).toBe('too_big');
    const accepted = [...new Map(fired.filter((a) => a.status < 300).map((a) => [a.key, a])).values()];
    expect(made.length).toBe(accepted.length);
    const held = accepted.reduce((sum, a) => sum + a.minor, 0);
    expect(accepted.length).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(100_000);

    const [balance] = await balancesOf(withTenant(t.deps, operatorId), { partnerId });
    expect(balance!.available.minor).toBeGreaterThanOrEqual(0);
    expect(Number(balance!.pending.minor)).toBe(held);
    expect(Number(balance!.available.minor) + held).toBe(100_000);
    const [count] = await t.deps.db.all<{ n: number; total: number }>(
      sql`select count(*) as n, sum(amount) as total from cash_outs where operator_id = ${operatorId}`,
    );
    expect(count).toEqual({ n: accepted.length, total: held });
    const [holds] = await t.deps.db.all<{ n: number }>(
      sql`select count(*) as n from ledger_transfers where operator_id = ${operatorId} and reason = 'cash_out'`,
    );
    expect(holds!.n).toBe(accepted.length);
    expect((await verifyLedger(withTenant(t.deps, operatorId))).mismatched).toEqual([]);

    // The payment run: each held cash-out marked paid twice at once, once through each server.
    const paid = await Promise.all(
      accepted.flatMap((a) =>
        servers.map(async (server) => {
          const res = await fetch(`${server.base}/v1/cash_outs/${a.body.id}/success`, {
            method: 'POST',
            headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ reference: `PAY-${a.key}` }),
          });
          return res.status;
        }),
      ),
    );
    expect(paid.filter((s) => s === 200).length).toBe(accepted.length);
    expect(paid.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const [payouts] = await t.deps.db.all<{ n: number; total: number }>(
      sql`select count(*) as n, sum(amount) as total from ledger_transfers
          where operator_id = ${operatorId} and key like 'cash_out:%:success'`,
    );
    expect(payouts).toEqual({ n: accepted.length, total: held });
    const [after] = await balancesOf(withTenant(t.deps, operatorId), { partnerId });
    expect(Number(after!.pending.minor)).toBe(0);
    expect(Number(after!.available.minor)).toBe(100_000 - held);
    expect((await verifyLedger(withTenant(t.deps, operatorId))).mismatched).toEqual([]);
  }, 120_000);
});
