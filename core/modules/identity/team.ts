/**
 * Team members of a partner account: invite by email, change role, block, unlock, see and end
 * their sessions, expire their statistic token. Every action on a member goes through
 * `memberInReach`: nobody acts on the account's owner or on themselves from here.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerPrincipal, RequestMeta, ServiceContext } from '../../lib/context.ts';
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

export async function listMembers(deps: ServiceContext, principal: PartnerPrincipal) {
  const rows = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.operatorId, principal.operatorId), eq(users.partnerId, principal.partnerId)))
    .orderBy(asc(users.createdAt));
  return rows.map(presentUser);
}

/** A member of the caller's own partner account; anyone else answers 404. */
export async function getMember(deps: ServiceContext, principal: PartnerPrincipal, userId: string) {
  const user = await loadUser(deps, principal.operatorId, userId).catch(() => null);
  if (!user || user.partnerId !== principal.partnerId) throw notFound('Team member');
  return presentUser(user);
}

/**
 * The one rule for team actions: the member must belong to the caller's account (404 otherwise,
 * as for any foreign id) and may be neither the owner (the owner answers to nobody on the team:
 * an admin must not sign the owner out or cut off the owner's feeds) nor the caller (whose own
 * account is managed on the Profile and Security pages). Both answer 403, the same everywhere.
 */
async function memberInReach(deps: ServiceContext, principal: PartnerPrincipal, userId: string) {
  const member = await getMember(deps, principal, userId);
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

export async function listMemberSessions(deps: ServiceContext, principal: PartnerPrincipal, userId: string) {
  const member = await memberInReach(deps, principal, userId);
  return listSessions(deps, principal, member.id);
}

export async function terminateMemberSession(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  userId: string,
  sessionId: string,
  meta: RequestMeta,
) {
  const member = await memberInReach(deps, principal, userId);
  return terminateSession(deps, principal, sessionId, meta, member.id);
}

export async function expireMemberStatisticToken(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  userId: string,
  meta: RequestMeta,
) {
  const member = await memberInReach(deps, principal, userId);
  return expireStatisticToken(deps, principal, member.id, meta);
}

export async function inviteMember(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  input: z.infer<typeof InviteSchema>,
  meta: RequestMeta,
) {
  if (await findUserByEmail(deps, principal.operatorId, input.email)) {
    throw new DomainError(
      'conflict',
      'A user with this email already exists in this program',
      [{ path: 'body.email', reason: 'already_exists', message: 'already registered' }],
      { resource: 'user', state: 'exists' },
    );
  }
  const inviter = await loadUser(deps, principal.operatorId, principal.userId);
  const partner = await loadPartnerOfUser(deps, inviter);
  const id = newId('user', deps.clock);
  const now = deps.clock.now();
  await deps.db.batch([
    deps.db.insert(users).values({
      id,
      operatorId: principal.operatorId,
      partnerId: principal.partnerId,
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale,
      createdAt: now,
    }),
    auditStatement(deps, {
      operatorId: principal.operatorId,
      partnerId: principal.partnerId,
      userId: id,
      type: 'member_invited',
      actor: { kind: 'user', userId: principal.userId },
      detail: { role: input.role },
      meta,
    }),
  ]);
  const { raw } = await issueOneTimeToken(deps, {
    operatorId: principal.operatorId,
    userId: id,
    purpose: 'invite',
    ttlMs: INVITE_LINK_TTL_MS,
  });
  await sendMail(deps, {
    operatorId: principal.operatorId,
    to: input.email,
    locale: input.locale,
    template: 'invite',
    params: {
      inviterName: inviter.name,
      partnerName: partner.name,
      link: portalLink(deps, principal.operatorId, 'invite', raw),
      expiresInHours: INVITE_LINK_TTL_MS / 3_600_000,
    },
  });
  return getMember(deps, principal, id);
}

export async function updateMember(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  userId: string,
  input: z.infer<typeof UpdateMemberSchema>,
  meta: RequestMeta,
) {
  const member = await memberInReach(deps, principal, userId);
  const now = deps.clock.now();
  const events: Array<{ type: AuditEventType; detail: Record<string, unknown> }> = [];
  if (input.role && input.role !== member.role)
    events.push({ type: 'member_role_changed', detail: { from: member.role, to: input.role } });
  if (input.blocked !== undefined && input.blocked !== member.blocked)
    events.push({ type: input.blocked ? 'member_blocked' : 'member_unblocked', detail: {} });
  if (input.locked === false && member.locked) events.push({ type: 'user_unlocked', detail: { via: 'team' } });
  if (events.length === 0) return member;
  await deps.db.batch([
    deps.db
      .update(users)
      .set({
        ...(input.role ? { role: input.role } : {}),
        ...(input.blocked !== undefined ? { blockedAt: input.blocked ? now : null } : {}),
        ...(input.locked === false ? { lockedAt: null, failedSignIns: 0 } : {}),
      })
      .where(and(eq(users.operatorId, principal.operatorId), eq(users.id, member.id))),
    // A blocked member is signed out everywhere at once.
    ...(input.blocked ? [endAllSessionsStatement(deps, principal.operatorId, member.id)] : []),
    ...events.map((e) =>
      auditStatement(deps, {
        operatorId: principal.operatorId,
        partnerId: principal.partnerId,
        userId: member.id,
        type: e.type,
        actor: { kind: 'user', userId: principal.userId },
        detail: e.detail,
        meta,
      }),
    ),
  ]);
  return getMember(deps, principal, member.id);
}
