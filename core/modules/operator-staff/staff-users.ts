/**
 * Operator staff users: invitation (a single-use set-password link, emailed or printed by the CLI),
 * the owner's changes (role, disable, unlock, reset of the second factor) and the rule that an
 * operator always keeps one active owner.
 */
import { and, asc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { assertPasswordAcceptable, hashPassword } from '../identity/passwords.ts';
import { sendMail } from '../mail/service.ts';
import { getOperator } from '../operators/service.ts';
import { operatorStaff, operatorStaffSessions, operatorStaffTokens, type StaffRole } from './table.ts';

export type StaffRow = typeof operatorStaff.$inferSelect;

/** How long an invitation's set-password link works. */
export const SET_PASSWORD_LINK_TTL_MS = 72 * 3_600_000;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The console page of the operator on this server, where set-password links open. */
export function consoleLink(ctx: Pick<TenantContext, 'publicUrl' | 'operatorId'>, token?: string): string {
  const base = `${ctx.publicUrl.replace(/\/+$/, '')}/console/${encodeURIComponent(ctx.operatorId)}`;
  return token ? `${base}#set-password=${token}` : base;
}

export function describeStaff(row: StaffRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    twoFactor: row.totpConfirmedAt ? ('on' as const) : ('off' as const),
    passwordSet: row.passwordHash !== null,
    locked: row.lockedAt !== null,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

export async function loadStaff(ctx: Pick<TenantContext, 'db' | 'operatorId'>, staffId: string): Promise<StaffRow> {
  const [row] = await ctx.db
    .select()
    .from(operatorStaff)
    .where(and(eq(operatorStaff.id, staffId), eq(operatorStaff.operatorId, ctx.operatorId)));
  if (!row) throw notFound('Staff user');
  return row;
}

export async function findStaffByEmail(ctx: Pick<TenantContext, 'db' | 'operatorId'>, email: string) {
  const [row] = await ctx.db
    .select()
    .from(operatorStaff)
    .where(and(eq(operatorStaff.operatorId, ctx.operatorId), eq(operatorStaff.email, normaliseEmail(email))));
  return row ?? null;
}

export async function listStaff(ctx: Pick<TenantContext, 'db' | 'operatorId'>) {
  const rows = await ctx.db
    .select()
    .from(operatorStaff)
    .where(eq(operatorStaff.operatorId, ctx.operatorId))
    .orderBy(asc(operatorStaff.createdAt), asc(operatorStaff.id));
  return { items: rows.map(describeStaff) };
}

/**
 * Creates a staff user without a password and returns a single-use set-password link (the CLI
 * prints it; `inviteStaff` emails it). A second invitation of the same email answers 409.
 */
export async function addStaff(
  ctx: TenantStore & Pick<TenantContext, 'publicUrl'>,
  input: { email: string; name: string; role: StaffRole },
) {
  await getOperator(ctx);
  const email = normaliseEmail(input.email);
  if (await findStaffByEmail(ctx, email))
    throw new DomainError('conflict', `A staff user with the email ${email} already exists`, [], {
      resource: 'staff_user',
      state: 'exists',
    });
  const id = newId('staff', ctx.clock);
  await ctx.db.insert(operatorStaff).values({
    id,
    operatorId: ctx.operatorId,
    email,
    name: input.name.trim(),
    role: input.role,
    createdAt: ctx.clock.now(),
  });
  const { link, expiresAt } = await issueSetPasswordLink(ctx, id);
  return { staff: describeStaff(await loadStaff(ctx, id)), link, expiresAt: expiresAt.toISOString() };
}

async function issueSetPasswordLink(ctx: TenantStore & Pick<TenantContext, 'publicUrl'>, staffId: string) {
  const raw = `ssp_${randomToken(32)}`;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_TTL_MS);
  await ctx.db.insert(operatorStaffTokens).values({
    id: newId('stok', ctx.clock),
    operatorId: ctx.operatorId,
    staffId,
    tokenHash: await sha256Hex(raw),
    createdAt: now,
    expiresAt,
  });
  return { link: consoleLink(ctx, raw), expiresAt };
}

/** The owner's invitation: creates the user and emails the set-password link (`staff_invite`). */
export async function inviteStaff(
  ctx: TenantContext,
  input: { email: string; name: string; role: StaffRole; locale?: 'en' | 'ru'; inviterName: string },
) {
  const { staff, link } = await addStaff(ctx, input);
  await sendMail(ctx, {
    to: staff.email,
    locale: input.locale ?? 'en',
    template: 'staff_invite',
    params: {
      inviterName: input.inviterName,
      name: staff.name,
      role: staff.role,
      link,
      expiresInHours: SET_PASSWORD_LINK_TTL_MS / 3_600_000,
    },
  });
  return staff;
}

/** Sets the password through a set-password link (used once; a weak password changes nothing). */
export async function setStaffPassword(ctx: TenantStore, input: { token: string; password: string }) {
  const now = ctx.clock.now();
  const hash = await sha256Hex(input.token);
  const [token] = await ctx.db
    .select()
    .from(operatorStaffTokens)
    .where(
      and(
        eq(operatorStaffTokens.tokenHash, hash),
        eq(operatorStaffTokens.operatorId, ctx.operatorId),
        isNull(operatorStaffTokens.usedAt),
        gt(operatorStaffTokens.expiresAt, now),
      ),
    );
  if (!token)
    throw new DomainError(
      'unauthorized',
      'This set-password link is not valid: it was already used, it has expired, or it belongs elsewhere',
      [],
      { purpose: 'invite' },
    );
  const staff = await loadStaff(ctx, token.staffId);
  assertPasswordAcceptable(input.password, staff.email);
  const passwordHash = await hashPassword(input.password);
  const used = await ctx.db
    .update(operatorStaffTokens)
    .set({ usedAt: now })
    .where(and(eq(operatorStaffTokens.id, token.id), isNull(operatorStaffTokens.usedAt)))
    .returning({ id: operatorStaffTokens.id });
  if (used.length !== 1) throw new DomainError('unauthorized', 'This set-password link was already used', [], {});
  await ctx.db.batch([
    ctx.db
      .update(operatorStaff)
      .set({ passwordHash, failedAttempts: 0, lockedAt: null })
      .where(eq(operatorStaff.id, staff.id)),
    // A new password ends every session of the person.
    endSessionsStatement(ctx, staff.id),
  ]);
  return { email: staff.email };
}

function endSessionsStatement(ctx: TenantStore, staffId: string) {
  return ctx.db
    .update(operatorStaffSessions)
    .set({ endedAt: ctx.clock.now() })
    .where(and(eq(operatorStaffSessions.staffId, staffId), isNull(operatorStaffSessions.endedAt)));
}

/** Another active owner besides `staffId`: the last one may not be demoted or disabled (409). */
async function assertAnotherOwner(ctx: TenantStore, staffId: string) {
  const [other] = await ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(operatorStaff)
    .where(
      and(
        eq(operatorStaff.operatorId, ctx.operatorId),
        eq(operatorStaff.role, 'owner'),
        isNull(operatorStaff.disabledAt),
        ne(operatorStaff.id, staffId),
      ),
    );
  if (!other?.count)
    throw new DomainError(
      'conflict',
      'The last owner cannot be demoted or disabled: make someone else owner first',
      [],
      {
        resource: 'staff_user',
        state: 'owner',
      },
    );
}

/** The owner's change of a staff user's role or its disabling (which ends the user's sessions). */
export async function updateStaff(ctx: TenantStore, input: { staffId: string; role?: StaffRole; disabled?: boolean }) {
  const staff = await loadStaff(ctx, input.staffId);
  if (input.role === undefined && input.disabled === undefined)
    throw fieldProblem('body', 'required_one_of', 'send role or disabled', { fields: ['role', 'disabled'] });
  const demoting = staff.role === 'owner' && input.role !== undefined && input.role !== 'owner';
  const disabling = staff.role === 'owner' && input.disabled === true && !staff.disabledAt;
  if (demoting || disabling) await assertAnotherOwner(ctx, staff.id);
  const disabledAt =
    input.disabled === undefined ? staff.disabledAt : input.disabled ? (staff.disabledAt ?? ctx.clock.now()) : null;
  await ctx.db.batch([
    ctx.db
      .update(operatorStaff)
      .set({ role: input.role ?? staff.role, disabledAt })
      .where(eq(operatorStaff.id, staff.id)),
    ...(disabledAt && !staff.disabledAt ? [endSessionsStatement(ctx, staff.id)] : []),
  ]);
  return describeStaff(await loadStaff(ctx, staff.id));
}

/** Lifts a lockout before it ends by itself. */
export async function unlockStaff(ctx: TenantStore, staffId: string) {
  const staff = await loadStaff(ctx, staffId);
  await ctx.db.update(operatorStaff).set({ failedAttempts: 0, lockedAt: null }).where(eq(operatorStaff.id, staff.id));
  return describeStaff(await loadStaff(ctx, staff.id));
}

/** For a lost phone: the user must enrol a new authenticator at the next sign-in; their sessions end. */
export async function resetStaffTwoFactor(ctx: TenantStore, staffId: string) {
  const staff = await loadStaff(ctx, staffId);
  await ctx.db.batch([
    ctx.db
      .update(operatorStaff)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null })
      .where(eq(operatorStaff.id, staff.id)),
    endSessionsStatement(ctx, staff.id),
  ]);
  return describeStaff(await loadStaff(ctx, staff.id));
}
