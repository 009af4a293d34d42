/**
 * Sign-in with lockout and throttling.
 *
 * - Per user: the lockout rule of lockout.ts (a wrong password or code counts; at the operator's
 *   threshold the user is locked and emailed a single-use unlock link).
 * - Per IP: more than 20 failed sign-ins from one IP within 15 minutes answers 429 before any
 *   password is checked, so one attacker cannot walk through accounts (or lock them all out)
 *   without being slowed to a crawl; the failures are counted from the events log.
 * - 2FA: with TOTP on, the password alone answers `two_factor_required` (without counting as a
 *   failure); a wrong code counts as a failure like a wrong password (verifySecondFactor counts it).
 */
import { eq } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { getOperator } from '../operators/service.ts';
import { users } from './table.ts';
import { auditStatement, countRecentFailures, recordAudit } from './audit.ts';
import { assertNotLocked, lockedProblem, registerFailure } from './lockout.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { findUserByEmail, presentUser } from './users.ts';
import { verifySecondFactor } from './two-factor.ts';
import { findTermsToAccept } from '../terms/acceptance.ts';

export const IP_FAILURE_LIMIT = 20;
export const IP_WINDOW_MS = 15 * 60_000;

interface SignInInput {
  email: string;
  password: string;
  code?: string | undefined;
  transport: 'bearer' | 'cookie';
}

const INVALID = 'The email or password is not correct';

/** Signs a user of the context's operator in; `ctx.meta` is where from (the per-IP throttle, the session, the log). */
export async function signIn(ctx: TenantContext, input: SignInInput) {
  const meta = ctx.meta;
  await getOperator(ctx); // an unknown operator answers 404
  if (meta?.ip) {
    const since = new Date(ctx.clock.now().getTime() - IP_WINDOW_MS);
    if ((await countRecentFailures(ctx, { ip: meta.ip, since })) >= IP_FAILURE_LIMIT) {
      throw new DomainError(
        'rate_limited',
        'Too many failed sign-ins from your network; wait 15 minutes and try again',
        [],
        { minutes: IP_WINDOW_MS / 60_000 },
      );
    }
  }
  const found = await findUserByEmail(ctx, input.email);
  const passwordOk = await verifyPassword(input.password, found?.user.passwordHash ?? null);
  // A locked account says so whatever the password: the person needs to know to check email.
  // (This tells an attacker that a locked email exists; we accept that for the help it gives.)
  if (found) assertNotLocked(found.user);
  if (!found || !passwordOk) {
    if (!found) {
      await recordAudit(ctx, {
        partnerId: null,
        userId: null,
        type: 'sign_in_failed',
        actor: { kind: 'system' },
        detail: { reason: 'unknown_email' },
      });
    } else if (await registerFailure(ctx, { user: found.user, check: 'password' })) {
      throw lockedProblem();
    }
    throw new DomainError('unauthorized', INVALID);
  }
  const { user, partner } = found;
  if (user.blockedAt)
    throw new DomainError('account_inactive', 'Your user is blocked by your account owner', [], {
      resource: 'user',
      state: 'blocked',
    });
  if (partner.status !== 'active') {
    const why = {
      pending: 'is waiting for approval by the program team',
      rejected: 'was not approved',
      blocked: 'is blocked by the program team',
      active: '',
    }[partner.status];
    throw new DomainError('account_inactive', `Your partner account ${why}`, [], {
      resource: 'partner',
      state: partner.status,
    });
  }
  if (user.totpEnabledAt) {
    if (!input.code) throw new DomainError('two_factor_required', 'Enter the 6-digit code from your authenticator app');
    if (!(await verifySecondFactor(ctx, { user, code: input.code, check: 'two_factor' }))) {
      throw new DomainError(
        'two_factor_required',
        'The code is not correct or was already used; enter the current code',
        [],
        { state: 'wrong_code' },
      );
    }
  }
  const now = ctx.clock.now();
  const session = await createSession(ctx, {
    userId: user.id,
    kind: 'password',
    transport: input.transport,
  });
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({
        failedSignIns: 0,
        lastSignInAt: now,
        ...(user.passwordHash && needsRehash(user.passwordHash)
          ? { passwordHash: await hashPassword(input.password) }
          : {}),
      })
      .where(eq(users.id, user.id)),
    auditStatement(ctx, {
      partnerId: partner.id,
      userId: user.id,
      type: 'signed_in',
      actor: { kind: 'user', userId: user.id },
      detail: { sessionId: session.id },
    }),
  ]);
  return {
    token: session.token as string | null,
    expiresAt: session.expiresAt.toISOString(),
    user: presentUser({ ...user, lastSignInAt: now, failedSignIns: 0 }),
    components: null,
    termsToAccept: await findTermsToAccept(ctx, { userId: user.id }),
  };
}
