/**
 * TOTP two-factor authentication (RFC 6238: SHA-1, 6 digits, 30 s steps, as authenticator apps
 * expect) with otplib. One step of drift either way is accepted; the last accepted step is
 * stored so a code cannot be used twice. Recovery codes (10, shown once, stored hashed) stand
 * in for a lost phone. Financial actions call `requireFreshTwoFactor`. Every check of a code of
 * an enabled second factor goes through `verifySecondFactor`, which applies the lockout rule.
 */
import { and, eq, exists, isNull } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { getOperator } from '../operators/service.ts';
import { auditStatement } from './audit.ts';
import {
  assertNotLocked,
  clearFailuresStatement,
  lockedProblem,
  registerFailure,
  type FailedCheck,
} from './lockout.ts';
import { recoveryCodes, users } from './table.ts';
import { loadUser, type UserRow } from './users.ts';

export const TOTP_PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;

const normalise = (code: string) => code.replace(/\s+/g, '');
const badCode = () =>
  new DomainError('validation_failed', 'body.code: the code is not correct or was already used', [
    { path: 'body.code', reason: 'wrong_code', message: 'not correct or already used' },
  ]);

/** Checks a TOTP code for a secret: returns the matched time step, or null. */
export async function checkTotp(
  secret: string,
  code: string,
  nowMs: number,
  afterTimeStep: number | null,
): Promise<number | null> {
  const token = normalise(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  if (!result.valid) return null;
  return (result as { timeStep?: number }).timeStep ?? Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + result.delta;
}

export async function startTotpEnrolment(ctx: PartnerContext) {
  const user = await loadUser(ctx, ctx.partner.userId);
  if (user.totpEnabledAt)
    throw new DomainError(
      'conflict',
      'Two-factor authentication is already on; disable it first to enrol a new device',
      [],
      { resource: 'two_factor', state: 'on' },
    );
  const operator = await getOperator(ctx);
  const secret = generateSecret();
  await ctx.db
    .update(users)
    .set({ totpPendingSecret: await ctx.secretBox.seal(secret) })
    .where(eq(users.id, user.id));
  const otpauthUri = generateURI({ issuer: operator.branding.displayName, label: user.email, secret });
  return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
}

export async function confirmTotp(ctx: PartnerContext, code: string) {
  const principal = ctx.partner;
  const user = await loadUser(ctx, principal.userId);
  if (user.totpEnabledAt)
    throw new DomainError('conflict', 'Two-factor authentication is already on', [], {
      resource: 'two_factor',
      state: 'on',
    });
  if (!user.totpPendingSecret)
    throw new DomainError('conflict', 'Start the enrolment first (scan the QR code), then confirm with a code', [], {
      resource: 'two_factor',
      state: 'not_started',
    });
  const secret = await ctx.secretBox.open(user.totpPendingSecret);
  // Not counted toward the lockout: the caller was just shown this secret, so guessing its code
  // wins nothing, and a person fumbling a new app must not lock themselves out.
  const step = await checkTotp(secret, code, ctx.clock.now().getTime(), null);
  if (step === null) throw badCode();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => `${randomToken(5)}-${randomToken(5)}`.toLowerCase());
  const hashed = await Promise.all(codes.map((c) => sha256Hex(c)));
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: ctx.clock.now(),
        totpLastStep: step,
      })
      .where(eq(users.id, user.id)),
    ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)),
    ctx.db
      .insert(recoveryCodes)
      .values(hashed.map((codeHash) => ({ id: newId('rc', ctx.clock), userId: user.id, codeHash }))),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'two_factor_enabled',
      actor: { kind: 'user', userId: principal.userId },
    }),
  ]);
  return { recoveryCodes: codes };
}

/**
 * The one check of a code against an enabled second factor (sign-in, turning 2FA off, financial
 * actions): a current TOTP code (not used before), or an unused recovery code (then spent).
 * A locked user is refused whatever the code (423); a wrong code counts toward the lockout and
 * the failure that reaches the threshold answers 423 too. Returns false for a wrong code.
 */
export async function verifySecondFactor(
  ctx: TenantContext,
  input: { user: UserRow; code: string; check: Exclude<FailedCheck, 'password'> },
): Promise<boolean> {
  const { user, code, check } = input;
  assertNotLocked(user);
  if (await matchSecondFactor(ctx, user, code)) return true;
  if (await registerFailure(ctx, { user, check })) throw lockedProblem();
  return false;
}

/** Spends the code if it is right. Each write also demands "not locked", so a guess racing the lock cannot win. */
async function matchSecondFactor(ctx: TenantContext, user: UserRow, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = await ctx.secretBox.open(user.totpSecret);
  const step = await checkTotp(secret, code, ctx.clock.now().getTime(), user.totpLastStep);
  if (step !== null) {
    // Conditional update: two requests racing with the same code cannot both win.
    const won = await ctx.db
      .update(users)
      .set({ totpLastStep: step, failedSignIns: 0 })
      .where(
        and(
          eq(users.id, user.id),
          isNull(users.lockedAt),
          user.totpLastStep === null ? isNull(users.totpLastStep) : eq(users.totpLastStep, user.totpLastStep),
        ),
      )
      .returning({ id: users.id });
    return won.length === 1;
  }
  const recovery = normalise(code).toLowerCase();
  if (!/^[0-9a-z]{5}-[0-9a-z]{5}$/.test(recovery)) return false;
  const unlocked = ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, user.id), isNull(users.lockedAt)));
  const spent = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: ctx.clock.now() })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, await sha256Hex(recovery)),
        isNull(recoveryCodes.usedAt),
        exists(unlocked),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (spent.length) {
    await ctx.db.batch([
      clearFailuresStatement(ctx, user.id),
      // Logged without the request's origin, as it always was.
      auditStatement(
        { db: ctx.db, clock: ctx.clock, operatorId: ctx.operatorId },
        {
          partnerId: user.partnerId,
          userId: user.id,
          type: 'recovery_code_used',
          actor: { kind: 'user', userId: user.id },
        },
      ),
    ]);
  }
  return spent.length === 1;
}

export async function disableTotp(ctx: PartnerContext, code: string) {
  const principal = ctx.partner;
  const user = await loadUser(ctx, principal.userId);
  if (!user.totpEnabledAt)
    throw new DomainError('conflict', 'Two-factor authentication is not on', [], {
      resource: 'two_factor',
      state: 'off',
    });
  if (!(await verifySecondFactor(ctx, { user, code, check: 'two_factor_disable' }))) throw badCode();
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id)),
    ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'two_factor_disabled',
      actor: { kind: 'user', userId: principal.userId },
    }),
  ]);
  return { message: 'Two-factor authentication is off' };
}

/**
 * The one gate for financial actions (cash-out, payment methods, schedules): 2FA must be on and
 * the request must carry a fresh code. Answers 403 when 2FA is off, 422 when the code is wrong,
 * 423 when the user is locked (wrong codes count toward the same lockout as sign-in).
 */
export async function requireFreshTwoFactor(ctx: PartnerContext, code: string | undefined): Promise<void> {
  const user = await loadUser(ctx, ctx.partner.userId);
  if (!user.totpEnabledAt)
    throw new DomainError(
      'forbidden',
      'Turn on two-factor authentication (Security page) before financial actions',
      [],
      { resource: 'two_factor', state: 'off' },
    );
  if (!code)
    throw new DomainError('validation_failed', 'body.code: enter the 6-digit code from your authenticator app', [
      { path: 'body.code', reason: 'required', message: 'required for financial actions' },
    ]);
  if (!(await verifySecondFactor(ctx, { user, code, check: 'two_factor_financial' }))) throw badCode();
}

/**
 * For changes a partner may make without 2FA but must confirm when it is on (adding or deleting
 * a payment account): no check while 2FA is off, otherwise the same fresh-code check (and the
 * same lockout) as requireFreshTwoFactor.
 */
export async function requireTwoFactorWhenOn(ctx: PartnerContext, code: string | undefined): Promise<void> {
  const user = await loadUser(ctx, ctx.partner.userId);
  if (!user.totpEnabledAt) return;
  await requireFreshTwoFactor(ctx, code);
}
