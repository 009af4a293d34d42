/**
 * Cash-outs on Workers: 1,000 withdrawals fired at once at one partner's 1,000.00 EUR through real
 * workerd (edge/worker.ts bundled, Miniflare) on D1. The Worker keeps no lock of its own: the
 * hold is one D1 batch with the cash-out row, and the ledger's no-overdraft CHECK refuses what the
 * balance cannot cover. Each request comes from its own user of the partner (a TOTP code is good
 * once per user and step), so every one of them reaches the ledger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import * as schema from '../../core/db/schema.ts';
import type { Db } from '../../core/db/client.ts';
import { createSecretBox, sha256Hex } from '../../core/lib/crypto.ts';
import { randomToken } from '../../core/lib/ids.ts';
import { sessions, users } from '../../core/modules/identity/table.ts';
import { seedAppOn } from '../helpers/billing-world.ts';
import { activePartner } from '../helpers/identity.ts';
import { startWorkerd } from '../helpers/workerd.ts';

const REQUESTS = 1_000;
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The Worker's KABINET_SECRET (tests/helpers/workerd.ts): the TOTP secrets are sealed with it. */
const WORKER_SECRET = 'workerd-test-secret-0123456789abcdef';

type Answer = { status: number; body: { id?: string; errors?: Array<{ reason: string }> } };
/**
 * Miniflare's local listener resets connections when 1,000 (or even 100) sockets open at once, so
 * all the requests are sent at once over a pool of 32 keep-alive connections: 32 are in the Worker
 * together, the rest queue in the client, and none is refused by the transport.
 */
const pool = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * A kept-alive socket the listener closed just as the client reused it fails with "socket hang up"
 * before any answer: the client sends again, as a real one would. Safe for the race: the credit and
 * the 1,000 cash-outs carry idempotency keys, so a resent one that did arrive is answered as the
 * same; an answered call is never resent.
 */
async function post(url: string, token: string, body: unknown): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(url, token, body);
    } catch (error) {
      const reset = /socket hang up|ECONNRESET/.test(String(error));
      if (!reset || attempt === 3) throw error;
    }
  }
}

function postOnce(url: string, token: string, body: unknown): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: pool,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Minor units as the API writes them ("123.45"), in integers. */
const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

describe('cash-outs on workerd and D1', () => {
  it('1,000 concurrent withdrawals never hold more than the balance, and every one is answered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-cashouts-'));
    const { mf, d1, baseUrl } = await startWorkerd(dir);
    try {
      const db = drizzle(d1 as never, { schema }) as unknown as Db;
      const seed = await seedAppOn(db, new Date());
      const op = await seed.addOperator('Worker race');
      const operatorId = op.operator.id;
      const { partnerId } = await activePartner(seed as never, operatorId, 'race@workerd.example');
      const sealed = await (await createSecretBox(WORKER_SECRET)).seal(TOTP);
      const now = new Date();
      const rows = Array.from({ length: REQUESTS + 1 }, (_, i) => ({
        id: `user_wrace_${String(i).padStart(4, '0')}`,
        operatorId,
        partnerId,
        email: `wracer${i}@example.com`,
        name: `Racer ${i}`,
        role: 'admin' as const,
        totpSecret: sealed,
        totpEnabledAt: now,
        createdAt: now,
      }));
      // Users and their sessions in two D1 batches (one round trip each): Miniflare's proxy from
      // Node to D1 is slow and fragile under thousands of single calls. D1 binds at most 100 values
      // a statement: 7 users of 13 columns, 8 sessions of 9.
      const sessionRows = await Promise.all(
        rows.map(async (row, i) => {
          const token = `kbs_${randomToken(40)}`;
          const values = {
            id: `sess_wrace_${String(i).padStart(4, '0')}`,
            operatorId,
            userId: row.id,
            tokenHash: await sha256Hex(token),
            kind: 'password' as const,
            transport: 'bearer' as const,
            createdAt: now,
            lastSeenAt: now,
            expiresAt: new Date(now.getTime() + 3_600_000),
          };
          return { token, values };
        }),
      );
      const chunks = <T>(list: T[], size: number) =>
        Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
      const [firstUsers, ...moreUsers] = chunks(rows, 7).map((c) => db.insert(users).values(c));
      await (db as unknown as DrizzleD1Database).batch([firstUsers!, ...moreUsers] as never);
      const sessionValues = sessionRows.map((r) => r.values);
      const [firstSessions, ...moreSessions] = chunks(sessionValues, 8).map((c) => db.insert(sessions).values(c));
      await (db as unknown as DrizzleD1Database).batch([firstSessions!, ...moreSessions] as never);
      const tokens = sessionRows.map((r) => r.token);

      const call = (path: string, token: string, body: unknown) => post(`${baseUrl}${path}`, token, body);
      const code = await generate({ secret: TOTP });
      const method = await call('/v1/payment_methods', op.key, {
        name: 'Skrill',
        kind: 'skrill',
        limits: [{ currency: 'EUR', min: '1', max: '1000' }],
      });
      expect(method.status).toBe(201);
      // The last user adds the account (2FA is on, so with a code); the other 1,000 withdraw.
      const account = await call('/v1/partner/payment_accounts', tokens[REQUESTS]!, {
        methodId: method.body.id,
        details: { kind: 'skrill', email: 'race@workerd.example' },
        code,
      });
      expect(account.status, JSON.stringify(account.body)).toBe(201);
      const credit = await call(`/v1/partners/${partnerId}/wallet/corrections`, op.key, {
        action: 'add',
        amount: '1000',
        currency: 'EUR',
        comment: 'Race',
        idempotencyKey: 'race',
      });
      expect(credit.status).toBe(201);

      // Amounts from 5.00 to 54.00 EUR: together far more than the 1,000.00 available.
      const amounts = Array.from({ length: REQUESTS }, (_, i) => 500 + ((i * 37) % 50) * 100);
      const answers = await Promise.all(
        amounts.map(async (minor, i) => ({
          minor,
          ...(await call('/v1/partner/wallet/cash_outs', tokens[i]!, {
            currency: 'EUR',
            paymentAccountId: account.body.id,
            amount: (minor / 100).toFixed(2),
            // The current code for each request: on a loaded machine the run can outlast one code's window.
            code: await generate({ secret: TOTP }),
            idempotencyKey: `race-${i}`,
          })),
        })),
      );
      const odd = answers.filter((a) => a.status !== 201 && a.status !== 422);
      expect(
        odd.map((a) => a.status),
        JSON.stringify(odd[0]),
      ).toEqual([]);
      for (const a of answers.filter((x) => x.status === 422)) expect(a.body.errors?.[0]?.reason).toBe('too_big');
      const accepted = answers.filter((a) => a.status === 201);
      const held = accepted.reduce((sum, a) => sum + a.minor, 0);
      expect(accepted.length).toBeGreaterThan(0);
      expect(held).toBeLessThanOrEqual(100_000);

      const stored = await d1
        .prepare('select count(*) as n, coalesce(sum(amount), 0) as total from cash_outs where operator_id = ?')
        .bind(operatorId)
        .first<{ n: number; total: number }>();
      expect(stored).toEqual({ n: accepted.length, total: held });
      const balances = await fetch(`${baseUrl}/v1/partner/wallet/balances`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      const [eur] = ((await balances.json()) as { data: Array<{ available: string; pending: string }> }).data;
      expect(eur).toMatchObject({ pending: decimal(held), available: decimal(100_000 - held) });
    } finally {
      pool.destroy();
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
