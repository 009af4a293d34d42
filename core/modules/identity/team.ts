/**
 * Team members of a partner account: invite by email, change role, block, unlock, see and end
 * their sessions, expire their statistic token. Every action on a member goes through
 * `memberInReach`: nobody acts on the account's owner or on themselves from here.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { users } from './table.ts';
import { sendMail } from '../mail/service.ts';
import { auditStatement, type AuditEventType } from './audit.ts';
import { issueOneTimeToken } from './one-time-tokens.ts';
import { endAllSessionsStatement, listSessions, terminateSession } from './sessions.ts';
import { expireStatisticToken } from './statistic-token.ts';
import { portalLink } from './portal-link.ts';
import { findUserByEmail, loadPartnerOfUser, loadUser, presentUser } from './users.ts';
import type { InviteSchema, UpdateMemberSchema } from './schemas.ts';

export const INVITE_LINK_TTL_MS = 72 * 3_600_000;

export async function listMembers(ctx: PartnerContext) {
  const principal = ctx.partner;
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.operatorId, ctx.operatorId), eq(users.partnerId, principal.partnerId)))
    .orderBy(asc(users.createdAt));
  return rows.map(presentUser);
}

/** A member of the caller's own partner account; anyone else answers 404. */
export async function getMember(ctx: PartnerContext, userId: string) {
  const principal = ctx.partner;
  const user = await loadUser(ctx, userId).catch(() => null);
  if (!user || user.partnerId !== principal.partnerId) throw notFound('Team member');
  return presentUser(user);
}

/**
 * The one rule for team actions: the member must belong to the caller's account (404 otherwise,
 * as for any foreign id) and may be neither the owner (the owner answers to nobody on the team:
 * an admin must not sign the owner out or cut off the owner's feeds) nor the caller (whose own
 * account is managed on the Profile and Security pages). Both answer 403, the same everywhere.
 */
async function memberInReach(ctx: PartnerContext, userId: string) {
  const principal = ctx.partner;
  const member = await getMember(ctx, userId);
  if (member.id === principal.userId)
    throw new DomainError(
      'forbidden',
      'You cannot act on your own user here; use your Profile and Security pages',
      [],
      { resource: 'user', state: 'self' },
    );
  if (member.role === 'owner')
    throw new DomainError('forbidden', 'The account owner is out of reach of team actions', [], {
      resource: 'user',
      state: 'owner',
    });
  return member;
}

export async function listMemberSessions(ctx: PartnerContext, userId: string) {
  const member = await memberInReach(ctx, userId);
  return listSessions(ctx, member.id);
}

export async function terminateMemberSession(ctx: PartnerContext, input: { userId: string; sessionId: string }) {
  const member = await memberInReach(ctx, input.userId);
  return terminateSession(ctx, { sessionId: input.sessionId, userId: member.id });
}

export async function expireMemberStatisticToken(ctx: PartnerContext, userId: string) {
  const member = await memberInReach(ctx, userId);
  return expireStatisticToken(ctx, member.id);
}

export async function inviteMember(ctx: PartnerContext, input: z.infer<typeof InviteSchema>) {
  const principal = ctx.partner;
  if (await findUserByEmail(ctx, input.email)) {
    throw new DomainError(
      'conflict',
      'A user with this email already exists in this program',
      [{ path: 'body.email', reason: 'already_exists', message: 'already registered' }],
      { resource: 'user', state: 'exists' },
    );
  }
  const inviter = await loadUser(ctx, principal.userId);
  const partner = await loadPartnerOfUser(ctx, inviter);
  const id = newId('user', ctx.clock);
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.insert(users).values({
      id,
      operatorId: ctx.operatorId,
      partnerId: principal.partnerId,
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale,
      createdAt: now,
    }),
    auditStatement(ctx, {
      partnerId: principal.partnerId,
      userId: id,
      type: 'member_invited',
      actor: { kind: 'user', userId: principal.userId },
      detail: { role: input.role },
    }),
  ]);
  const { raw } = await issueOneTimeToken(ctx, {
    userId: id,
    purpose: 'invite',
    ttlMs: INVITE_LINK_TTL_MS,
  });
  await sendMail(ctx, {
    to: input.email,
    locale: input.locale,
    template: 'invite',
    params: {
      inviterName: inviter.name,
      partnerName: partner.name,
      link: portalLink(ctx, { action: 'invite', token: raw }),
      expiresInHours: INVITE_LINK_TTL_MS / 3_600_000,
    },
  });
  return getMember(ctx, id);
}

export async function updateMember(
  ctx: PartnerContext,
  input: { userId: string } & z.infer<typeof UpdateMemberSchema>,
) {
  const principal = ctx.partner;
  const member = await memberInReach(ctx, input.userId);
  const now = ctx.clock.now();
  const events: Array<{ type: AuditEventType; detail: Record<string, unknown> }> = [];
  if (input.role && input.role !== member.role)
    events.push({ type: 'member_role_changed', detail: { from: member.role, to: input.role } });
  if (input.blocked !== undefined && input.blocked !== member.blocked)
    events.push({ type: input.blocked ? 'member_blocked' : 'member_unblocked', detail: {} });
  if (input.locked === false && member.locked) events.push({ type: 'user_unlocked', detail: { via: 'team' } });
  if (events.length === 0) return member;
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.blocked !== undefined ? { blockedAt: input.blocked ? now : null } : {}),
        ...(input.locked === false ? { lockedAt: null, failedSignIns: 0 } : {}),
      })
      .where(and(eq(users.operatorId, ctx.operatorId), eq(users.id, member.id))),
    // A blocked member is signed out everywhere at once.
    ...(input.blocked ? [endAllSessionsStatement(ctx, member.id)] : []),
    ...events.map((e) =>
      auditStatement(ctx, {
        partnerId: principal.partnerId,
        userId: member.id,
        type: e.type,
        actor: { kind: 'user', userId: principal.userId },
        detail: e.detail,
      }),
    ),
  ]);
  return getMember(ctx, member.id);
}
