/**
 * Staff sign-in: password, then a TOTP code, which staff cannot skip. A right password answers a
 * short-lived challenge when TOTP is confirmed; without it, an `enrol` session that may only set
 * TOTP up. Wrong passwords and codes count toward the operator's lockout threshold (the partner
 * users' rule); a lock lasts STAFF_LOCK_MS, or until an owner unlocks.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import { renderSVG } from 'uqr';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { checkTotp } from '../identity/two-factor.ts';
import { needsRehash, hashPassword, verifyPassword } from '../identity/passwords.ts';
import { getOperator } from '../operators/service.ts';
import { describeStaff, findStaffByEmail, loadStaff, type StaffRow } from './staff-users.ts';
import { createStaffSession, endStaffSession, findStaffSession, type StaffPrincipal } from './sessions.ts';
import { operatorStaff } from './table.ts';

/** How long a lock lasts when no owner lifts it earlier. */
export const STAFF_LOCK_MS = 15 * 60_000;

const wrongCredentials = () => new DomainError('unauthorized', 'The email or password is not correct', [], {});
const wrongCode = () =>
  new DomainError('validation_failed', 'body.code: the code is not correct or was already used', [
    { path: 'body.code', reason: 'wrong_code', message: 'not correct or already used' },
  ]);

function lockMinutesLeft(staff: Pick<StaffRow, 'lockedAt'>, now: Date): number {
  if (!staff.lockedAt) return 0;
  return Math.max(0, Math.ceil((staff.lockedAt.getTime() + STAFF_LOCK_MS - now.getTime()) / 60_000));
}

function assertStaffNotLocked(staff: StaffRow, now: Date) {
  const minutes = lockMinutesLeft(staff, now);
  if (minutes > 0)
    throw new DomainError(
      'account_locked',
      `Too many wrong passwords or codes: try again in ${minutes} min, or ask an owner to unlock you`,
      [],
      { minutes },
    );
}

/** Counts one failure in SQL (parallel guesses each count); the one reaching the threshold locks. */
async function registerStaffFailure(ctx: TenantStore, staff: StaffRow): Promise<void> {
  const expired = staff.lockedAt !== null && lockMinutesLeft(staff, ctx.clock.now()) === 0;
  const [row] = await ctx.db
    .update(operatorStaff)
    .set({
      failedAttempts: expired ? 1 : sql`${operatorStaff.failedAttempts} + 1`,
      ...(expired ? { lockedAt: null } : {}),
    })
    .where(eq(operatorStaff.id, staff.id))
    .returning({ failures: operatorStaff.failedAttempts });
  const { lockoutThreshold } = await getOperator(ctx);
  if ((row?.failures ?? 0) >= lockoutThreshold) {
    await ctx.db
      .update(operatorStaff)
      .set({ lockedAt: ctx.clock.now() })
      .where(and(eq(operatorStaff.id, staff.id), isNull(operatorStaff.lockedAt)));
    assertStaffNotLocked(await loadStaff(ctx, staff.id), ctx.clock.now());
  }
}

const clearFailures = (ctx: TenantStore, staffId: string) =>
  ctx.db.update(operatorStaff).set({ failedAttempts: 0, lockedAt: null }).where(eq(operatorStaff.id, staffId));

export type SignInResult =
  | { stage: 'second_factor'; challenge: string; expiresAt: string }
  | { stage: 'enrol_two_factor'; token: string; expiresAt: string };

/** Step one. Unknown emails, disabled users and wrong passwords all answer the same 401. */
export async function signInStaff(
  ctx: TenantContext,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const staff = await findStaffByEmail(ctx, input.email);
  const ok = await verifyPassword(input.password, staff?.passwordHash ?? null);
  if (!staff || staff.disabledAt) throw wrongCredentials();
  assertStaffNotLocked(staff, ctx.clock.now());
  if (!ok) {
    await registerStaffFailure(ctx, staff);
    throw wrongCredentials();
  }
  await ctx.db
    .update(operatorStaff)
    .set({
      failedAttempts: 0,
      lockedAt: null,
      ...(staff.passwordHash && needsRehash(staff.passwordHash)
        ? { passwordHash: await hashPassword(input.password) }
        : {}),
    })
    .where(eq(operatorStaff.id, staff.id));
  if (staff.totpConfirmedAt) {
    const { token, expiresAt } = await createStaffSession(ctx, { staffId: staff.id, stage: 'challenge' });
    return { stage: 'second_factor', challenge: token, expiresAt: expiresAt.toISOString() };
  }
  const { token, expiresAt } = await createStaffSession(ctx, { staffId: staff.id, stage: 'enrol' });
  return { stage: 'enrol_two_factor', token, expiresAt: expiresAt.toISOString() };
}

/** Spends a TOTP code: conditional on the last step, so two requests with one code cannot both win. */
async function spendCode(ctx: TenantContext, staff: StaffRow, code: string): Promise<boolean> {
  if (!staff.totpSecret) return false;
  const secret = await ctx.secretBox.open(staff.totpSecret);
  const step = await checkTotp(secret, code, ctx.clock.now().getTime(), staff.totpLastStep);
  if (step === null) return false;
  const won = await ctx.db
    .update(operatorStaff)
    .set({ totpLastStep: step, failedAttempts: 0 })
    .where(
      and(
        eq(operatorStaff.id, staff.id),
        staff.totpLastStep === null
          ? isNull(operatorStaff.totpLastStep)
          : eq(operatorStaff.totpLastStep, staff.totpLastStep),
      ),
    )
    .returning({ id: operatorStaff.id });
  return won.length === 1;
}

/** Step two: the challenge from step one and a current code give the console session. */
export async function completeStaffSecondFactor(ctx: TenantContext, input: { challenge: string; code: string }) {
  const found = await findStaffSession(ctx, { token: input.challenge, stages: ['challenge'] });
  if (!found || found.principal.operatorId !== ctx.operatorId)
    throw new DomainError('unauthorized', 'The sign-in has expired or is not valid; enter your password again', [], {});
  const staff = await loadStaff(ctx, found.principal.staffId);
  assertStaffNotLocked(staff, ctx.clock.now());
  if (!(await spendCode(ctx, staff, input.code))) {
    await registerStaffFailure(ctx, staff);
    throw wrongCode();
  }
  await endStaffSession(ctx, found.principal.sessionId);
  const { token, expiresAt } = await createStaffSession(ctx, { staffId: staff.id, stage: 'full' });
  return { token, expiresAt };
}

/** Enrolment, step one: a new secret (sealed) and its otpauth URI; replaces an unconfirmed one. */
export async function startStaffTotp(ctx: TenantContext, principal: StaffPrincipal) {
  const staff = await loadStaff(ctx, principal.staffId);
  if (staff.totpConfirmedAt)
    throw new DomainError('conflict', 'Two-factor authentication is already on; an owner can reset it', [], {
      resource: 'two_factor',
      state: 'on',
    });
  const operator = await getOperator(ctx);
  const secret = generateSecret();
  await ctx.db
    .update(operatorStaff)
    .set({ totpSecret: await ctx.secretBox.seal(secret), totpLastStep: null })
    .where(eq(operatorStaff.id, staff.id));
  const otpauthUri = generateURI({ issuer: `${operator.branding.displayName} console`, label: staff.email, secret });
  return { secret, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
}

/**
 * Enrolment, step two: a right code confirms the secret and turns the restricted session into a
 * console session. Not counted toward the lockout: the caller was just shown the secret.
 */
export async function confirmStaffTotp(ctx: TenantContext, input: { principal: StaffPrincipal; code: string }) {
  const { principal, code } = input;
  const staff = await loadStaff(ctx, principal.staffId);
  if (staff.totpConfirmedAt)
    throw new DomainError('conflict', 'Two-factor authentication is already on', [], {
      resource: 'two_factor',
      state: 'on',
    });
  if (!staff.totpSecret)
    throw new DomainError('conflict', 'Start the enrolment first (scan the QR code), then confirm with a code', [], {
      resource: 'two_factor',
      state: 'not_started',
    });
  const secret = await ctx.secretBox.open(staff.totpSecret);
  const step = await checkTotp(secret, code, ctx.clock.now().getTime(), null);
  if (step === null) throw wrongCode();
  await ctx.db.batch([
    ctx.db
      .update(operatorStaff)
      .set({ totpConfirmedAt: ctx.clock.now(), totpLastStep: step })
      .where(eq(operatorStaff.id, staff.id)),
    clearFailures(ctx, staff.id),
  ]);
  await endStaffSession(ctx, principal.sessionId);
  return createStaffSession(ctx, { staffId: staff.id, stage: 'full' });
}

/** `GET /v1/operator/me`: who is signed in, for the console header and which sections to show. */
export async function describeSignedInStaff(ctx: TenantContext, principal: StaffPrincipal) {
  const [staff, operator] = await Promise.all([loadStaff(ctx, principal.staffId), getOperator(ctx)]);
  const { id, email, name, role, twoFactor } = describeStaff(staff);
  return {
    id,
    email,
    name,
    role,
    twoFactor,
    session: principal.stage === 'full' ? ('full' as const) : ('enrol_two_factor' as const),
    operator: { id: operator.id, name: operator.name },
  };
}
