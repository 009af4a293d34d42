/** What the emailed single-use links do: unlock an account, reset a password, accept an invitation. */
import { eq } from 'drizzle-orm';
import type { RequestMeta, TenantContext } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { users } from './table.ts';
import { sendMail, type MailDeps } from '../mail/service.ts';
import { auditStatement, recordAudit } from './audit.ts';
import { consumeOneTimeToken, issueOneTimeToken, peekOneTimeToken } from './one-time-tokens.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { endAllSessionsStatement } from './sessions.ts';
import { portalLink } from './portal-link.ts';
import { findUserByEmail, loadUser } from './users.ts';

export const RESET_LINK_TTL_MS = 2 * 3_600_000;

export async function unlockWithToken(ctx: TenantContext, token: string) {
  const used = await consumeOneTimeToken(ctx, { purposes: ['unlock'], raw: token });
  const user = await loadUser(ctx, used.userId);
  await ctx.db.batch([
    ctx.db.update(users).set({ lockedAt: null, failedSignIns: 0 }).where(eq(users.id, user.id)),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'user_unlocked',
      actor: { kind: 'user', userId: user.id },
      detail: { via: 'email_link' },
    }),
  ]);
  return { message: 'Your account is unlocked; you can sign in again' };
}

export const PASSWORD_RESET_JOB = 'identity.password_reset';
/** One reset email per address per window, however often the form is sent (no mail-bombing). */
export const RESET_REQUEST_WINDOW_MS = 5 * 60_000;

/** The job's payload: the job builds its context from the operator and the request's origin here. */
export interface PasswordResetJob {
  operatorId: string;
  email: string;
  linkBase: string;
  meta: RequestMeta;
}

/**
 * Always the same answer after the same work, one job row, whether or not the email has an
 * account: neither the words nor the time taken tell which emails exist. The lookup and the
 * email happen in the job (sendPasswordResetLink), after the answer has left.
 */
export async function requestPasswordReset(ctx: TenantContext, email: string) {
  const { operatorId } = ctx;
  const address = email.trim().toLowerCase();
  const window = Math.floor(ctx.clock.now().getTime() / RESET_REQUEST_WINDOW_MS);
  const payload: PasswordResetJob = {
    operatorId,
    email: address,
    linkBase: portalLink(ctx, { action: 'reset' }),
    meta: ctx.meta ?? { ip: null, userAgent: null },
  };
  await ctx.jobs.enqueue({
    kind: PASSWORD_RESET_JOB,
    operatorId,
    payload,
    idempotencyKey: `${operatorId}:${await sha256Hex(address)}:${window}`,
  });
  return { message: 'If an account exists for this email, we have sent a link to reset the password' };
}

/**
 * The job behind requestPasswordReset; it runs with the mail handlers, which every edge registers.
 * `ctx` is the job's operator, with the origin of the request that asked (both from the payload).
 */
export async function sendPasswordResetLink(ctx: MailDeps, job: Pick<PasswordResetJob, 'email' | 'linkBase'>) {
  const found = await findUserByEmail(ctx, job.email);
  if (!found || found.user.blockedAt) return;
  const { raw } = await issueOneTimeToken(ctx, {
    userId: found.user.id,
    purpose: 'password_reset',
    ttlMs: RESET_LINK_TTL_MS,
  });
  await sendMail(ctx, {
    to: found.user.email,
    locale: found.user.locale,
    template: 'password_reset',
    params: { link: `${job.linkBase}#reset=${raw}`, expiresInHours: RESET_LINK_TTL_MS / 3_600_000 },
  });
  await recordAudit(ctx, {
    partnerId: found.user.partnerId,
    userId: found.user.id,
    type: 'password_reset',
    actor: { kind: 'user', userId: found.user.id },
    detail: { stage: 'requested' },
  });
}

/** Sets the password from a reset or invitation link; every existing session of the user ends. */
export async function completePasswordToken(ctx: TenantContext, input: { token: string; password: string }) {
  // A weak password must not burn the link: check it before the token is used up.
  const pending = await peekOneTimeToken(ctx, { purposes: ['password_reset', 'invite'], raw: input.token });
  const user = await loadUser(ctx, pending.userId);
  assertPasswordAcceptable(input.password, user.email);
  const used = await consumeOneTimeToken(ctx, { purposes: [pending.purpose], raw: input.token });
  const invite = used.purpose === 'invite';
  await ctx.db.batch([
    // A reset also clears a lock: the person proved control of the mailbox.
    ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), lockedAt: null, failedSignIns: 0 })
      .where(eq(users.id, user.id)),
    endAllSessionsStatement(ctx, user.id),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: invite ? 'password_set' : 'password_reset',
      actor: { kind: 'user', userId: user.id },
      detail: invite ? { via: 'invitation' } : { stage: 'completed', sessionsEnded: true },
    }),
  ]);
  return {
    message: invite
      ? 'Your password is set; sign in with it now'
      : 'Your password is changed and every session has ended; sign in again',
  };
}
