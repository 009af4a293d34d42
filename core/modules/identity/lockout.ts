/**
 * The one lockout rule for every secret a person proves: a wrong password at sign-in and a wrong
 * 2FA or recovery code anywhere (sign-in, turning 2FA off, financial actions) count as failures
 * of that user. After the operator's threshold (default 5) of consecutive failures the user is
 * locked and emailed a single-use unlock link; while locked no password or code is accepted,
 * even the right one, until the link, the operator, the account's owner/admin or a password reset
 * unlocks it. The count lives in `users.failed_sign_ins`, so it survives restarts and isolates.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext, TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { getOperator } from '../operators/service.ts';
import { users } from './table.ts';
import { sendMail } from '../mail/service.ts';
import { auditStatement } from './audit.ts';
import { issueOneTimeToken } from './one-time-tokens.ts';
import { portalLink } from './portal-link.ts';
import type { UserRow } from './users.ts';

export const UNLOCK_LINK_TTL_MS = 24 * 3_600_000;

/** Where the failure happened, and how the events log tells it (`action` only outside sign-in). */
const LOGGED = {
  password: { reason: 'password' },
  two_factor: { reason: 'two_factor' },
  two_factor_disable: { reason: 'two_factor', action: 'disable' },
  two_factor_financial: { reason: 'two_factor', action: 'financial' },
} as const;
export type FailedCheck = keyof typeof LOGGED;

export const lockedProblem = () =>
  new DomainError(
    'account_locked',
    'Your account is locked after too many wrong ' +
      'passwords or codes. Use the unlock link we emailed you, or ask the program team or your account owner to unlock it',
  );

export function assertNotLocked(user: Pick<UserRow, 'lockedAt'>): void {
  if (user.lockedAt) throw lockedProblem();
}

/**
 * Counts one failure; returns true when the user is now locked (by this failure or an earlier
 * one). The count is incremented in SQL, not from the row read earlier, so parallel guesses each
 * count; only the request whose failure crossed the threshold locks and sends the email.
 */
export async function registerFailure(
  ctx: TenantContext,
  input: { user: UserRow; check: FailedCheck },
): Promise<boolean> {
  const { user, check } = input;
  const now = ctx.clock.now();
  const [counted] = await ctx.db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, user.id))
    .returning({ failures: users.failedSignIns, lockedAt: users.lockedAt });
  const failures = counted?.failures ?? user.failedSignIns + 1;
  const { lockoutThreshold } = await getOperator(ctx);
  const lockedNow =
    !counted?.lockedAt &&
    failures >= lockoutThreshold &&
    (
      await ctx.db
        .update(users)
        .set({ lockedAt: now })
        .where(and(eq(users.id, user.id), isNull(users.lockedAt)))
        .returning({ id: users.id })
    ).length === 1;
  const base = { partnerId: user.partnerId, userId: user.id };
  await ctx.db.batch([
    auditStatement(ctx, {
      ...base,
      type: 'sign_in_failed',
      actor: { kind: 'system' },
      detail: { ...LOGGED[check], failures },
    }),
    ...(lockedNow
      ? [auditStatement(ctx, { ...base, type: 'user_locked', actor: { kind: 'system' }, detail: { failures } })]
      : []),
  ]);
  if (lockedNow) await sendUnlockEmail(ctx, { user, failedAttempts: failures });
  // Locked now or before: a racing request may have written lockedAt first, so the count decides.
  return failures >= lockoutThreshold || Boolean(counted?.lockedAt);
}

/** After a right password or code: the next failure counts from one again. */
export function clearFailuresStatement(ctx: Pick<ServiceContext, 'db'>, userId: string) {
  return ctx.db.update(users).set({ failedSignIns: 0 }).where(eq(users.id, userId));
}

export async function sendUnlockEmail(ctx: TenantContext, input: { user: UserRow; failedAttempts: number }) {
  const { user, failedAttempts } = input;
  const { raw } = await issueOneTimeToken(ctx, {
    userId: user.id,
    purpose: 'unlock',
    ttlMs: UNLOCK_LINK_TTL_MS,
  });
  await sendMail(ctx, {
    to: user.email,
    locale: user.locale,
    template: 'unlock',
    params: {
      link: portalLink(ctx, { action: 'unlock', token: raw }),
      expiresInHours: UNLOCK_LINK_TTL_MS / 3_600_000,
      failedAttempts,
    },
  });
}
