/**
 * Every check of a 2FA or recovery code (sign-in, turning 2FA off, financial actions) follows the
 * sign-in lockout rule: wrong codes count per user in the database, the one that reaches the
 * operator's threshold (default 5) locks the user (423 account_locked, unlock email), and while
 * locked even the right code is refused until someone unlocks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import {
  PASSWORD,
  activePartner,
  lastMailTo,
  signInRequest,
  signedInClient,
  totpAt,
} from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { mailMessages } from '../mail/table.ts';
import { auditEvents, users } from './table.ts';
import { authenticateSession } from './sessions.ts';
import { requireFreshTwoFactor } from './two-factor.ts';
import { withPartner } from '../../lib/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId: string;
beforeEach(async () => {
  t = await createTestApp();
  operatorId = (await t.addOperator('Lucky')).operator.id;
});
afterEach(() => t.dispose());

const META = { ip: '198.51.100.7', userAgent: 'vitest' };

async function enrolled(email: string) {
  await activePartner(t, operatorId, email);
  const { client, session } = await signedInClient(t, operatorId, email);
  const { secret } = await unwrap(client.v1.partner['2fa'].enrol.$post());
  const { recoveryCodes } = await unwrap(
    client.v1.partner['2fa'].confirm.$post({ json: { code: await totpAt(t, secret) } }),
  );
  t.clock.advance(30_000); // the confirmation code's step is spent; the next one is fresh
  const principal = (await authenticateSession(
    { ...t.deps, meta: META },
    { token: session.token!, transport: 'bearer' },
  ))!;
  // The signed-in user as a partner route's context: the request's origin is META.
  const asPartner = withPartner(t.deps, principal, META);
  return { client, secret, recoveryCodes, asPartner, userId: session.user.id };
}

/** A 6-digit code the authenticator shows at none of the accepted steps (-1, 0, +1). */
async function wrongCode(secret: string): Promise<string> {
  const accepted = new Set(await Promise.all([-1, 0, 1].map((step) => totpAt(t, secret, step))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

const problem = async (res: Response) => ({
  status: res.status,
  ...((await res.json()) as { code: string; detail: string }),
});
const failuresOf = async (userId: string) =>
  (await t.deps.db.select({ n: users.failedSignIns }).from(users).where(eq(users.id, userId)))[0]!.n;

describe('2FA codes outside sign-in follow the sign-in lockout', () => {
  it('turning 2FA off: the 5th wrong code locks; then the right code and recovery codes are refused until the unlock link', async () => {
    const { client, secret, recoveryCodes } = await enrolled('off@example.com');
    const disable = (code: string) => client.v1.partner['2fa'].disable.$post({ json: { code } });
    const bad = await wrongCode(secret);
    for (let i = 0; i < 4; i++) expect((await disable(bad)).status).toBe(422);
    const locked = await problem(await disable(bad));
    expect(locked).toMatchObject({ status: 423, code: 'account_locked' });
    expect(locked.detail).toMatch(/unlock link/);
    expect(await problem(await disable(await totpAt(t, secret)))).toMatchObject({
      status: 423,
      code: 'account_locked',
    });
    expect((await disable(recoveryCodes[0]!)).status).toBe(423);
    expect((await unwrap(client.v1.partner.profile.$get())).user).toMatchObject({
      twoFactorEnabled: true,
      locked: true,
    });
    // Sign-in is locked too: it is one lock per user.
    expect(
      (
        await signInRequest(t, operatorId, {
          email: 'off@example.com',
          password: PASSWORD,
          code: await totpAt(t, secret),
        })
      ).status,
    ).toBe(423);

    const mail = await lastMailTo(t, 'off@example.com');
    expect(mail.template).toBe('unlock');
    await unwrap(
      t
        .clientFor()
        .v1.public.operators[':operatorId'].unlock.$post({ param: { operatorId }, json: { token: mail.token! } }),
    );
    expect((await disable(recoveryCodes[0]!)).status).toBe(200); // the recovery code was not spent while locked
  });

  it('financial actions share the counter with sign-in; it lives in the database; the right code is refused once locked', async () => {
    const { secret, asPartner, userId } = await enrolled('money@example.com');
    const bad = await wrongCode(secret);
    for (let i = 0; i < 2; i++) {
      const res = await signInRequest(t, operatorId, { email: 'money@example.com', password: PASSWORD, code: bad });
      expect((await problem(res)).code).toBe('two_factor_required');
    }
    await expect(requireFreshTwoFactor(asPartner, bad)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(requireFreshTwoFactor(asPartner, 'zzzzz-zzzzz')).rejects.toMatchObject({
      code: 'validation_failed',
    }); // wrong recovery code
    // Not a counter in memory: the row says 4, so a restart or another isolate sees the same.
    expect(await failuresOf(userId)).toBe(4);
    await expect(requireFreshTwoFactor(asPartner, bad)).rejects.toMatchObject({ code: 'account_locked' });
    await expect(requireFreshTwoFactor(asPartner, await totpAt(t, secret))).rejects.toMatchObject({
      code: 'account_locked',
    });
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    expect(events.filter((e) => e.type === 'user_locked')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'sign_in_failed').map((e) => e.detail.action ?? 'sign_in')).toEqual([
      'sign_in',
      'sign_in',
      'financial',
      'financial',
      'financial',
    ]);
  });

  it('counts every one of many parallel guesses: one lock, one email, and the guesses past the threshold answer 423', async () => {
    const { client, secret, userId } = await enrolled('burst@example.com');
    const bad = await wrongCode(secret);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => client.v1.partner['2fa'].disable.$post({ json: { code: bad } })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(4).fill(422), ...Array(8).fill(423)]);
    expect(await failuresOf(userId)).toBe(12);
    const locks = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.type, 'user_locked'));
    expect(locks).toHaveLength(1);
    const unlockMails = await t.deps.db.select().from(mailMessages).where(eq(mailMessages.template, 'unlock'));
    expect(unlockMails).toHaveLength(1);
  });

  it('a right code resets the count, as a successful sign-in does', async () => {
    const { client, secret, userId } = await enrolled('reset-count@example.com');
    const bad = await wrongCode(secret);
    for (let i = 0; i < 4; i++)
      expect((await client.v1.partner['2fa'].disable.$post({ json: { code: bad } })).status).toBe(422);
    expect((await client.v1.partner['2fa'].disable.$post({ json: { code: await totpAt(t, secret) } })).status).toBe(
      200,
    );
    expect(await failuresOf(userId)).toBe(0);
  });
});
