/** Operator-side partner administration: list, approve / reject / block, unlock users, expire tokens. */
import { and, desc, eq } from 'drizzle-orm';
import type { RequestMeta, ServiceContext } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { partners, users, PARTNER_STATUSES } from './table.ts';
import { sendMail } from '../mail/service.ts';
import { auditStatement } from './audit.ts';
import { endAllSessionsStatement } from './sessions.ts';
import { portalLink } from './portal-link.ts';
import { expireStatisticToken } from './statistic-token.ts';
import { loadUser, presentUser } from './users.ts';

type PartnerStatus = (typeof PARTNER_STATUSES)[number];
type Decision = 'approve' | 'reject' | 'block' | 'unblock';

export async function listPartners(
  deps: ServiceContext,
  operatorId: string,
  query: { status?: PartnerStatus | undefined },
) {
  const rows = await deps.db
    .select()
    .from(partners)
    .where(and(eq(partners.operatorId, operatorId), query.status ? eq(partners.status, query.status) : undefined))
    .orderBy(desc(partners.createdAt));
  const owners = await deps.db
    .select({ id: users.id, email: users.email, partnerId: users.partnerId })
    .from(users)
    .where(and(eq(users.operatorId, operatorId), eq(users.role, 'owner')));
  const ownerOf = new Map(owners.map((o) => [o.partnerId, { id: o.id, email: o.email }]));
  return rows.map((p) => presentPartner(p, ownerOf.get(p.id) ?? null));
}

function presentPartner(p: typeof partners.$inferSelect, owner: { id: string; email: string } | null) {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    country: p.country,
    status: p.status,
    referralCode: p.referralCode,
    referrerPartnerId: p.referrerPartnerId,
    createdAt: p.createdAt.toISOString(),
    owner,
  };
}

/** Which decisions each status allows, and where they lead. */
const TRANSITIONS: Record<
  Decision,
  { from: PartnerStatus[]; to: PartnerStatus; event: 'partner_approved' | 'partner_rejected' | 'partner_blocked' }
> = {
  approve: { from: ['pending', 'rejected'], to: 'active', event: 'partner_approved' },
  reject: { from: ['pending'], to: 'rejected', event: 'partner_rejected' },
  block: { from: ['active', 'pending'], to: 'blocked', event: 'partner_blocked' },
  unblock: { from: ['blocked'], to: 'active', event: 'partner_approved' },
};

export async function decideOnPartner(
  deps: ServiceContext,
  operatorId: string,
  partnerId: string,
  decision: Decision,
  meta: RequestMeta,
) {
  const [partner] = await deps.db
    .select()
    .from(partners)
    .where(and(eq(partners.operatorId, operatorId), eq(partners.id, partnerId)));
  if (!partner) throw notFound('Partner');
  const rule = TRANSITIONS[decision];
  if (!rule.from.includes(partner.status)) {
    throw new DomainError(
      'conflict',
      `Cannot ${decision} a partner that is ${partner.status} (allowed from: ${rule.from.join(', ')})`,
      [],
      { resource: 'partner', state: 'status', status: partner.status, action: decision },
    );
  }
  const team = await deps.db
    .select()
    .from(users)
    .where(and(eq(users.operatorId, operatorId), eq(users.partnerId, partnerId)));
  await deps.db.batch([
    deps.db.update(partners).set({ status: rule.to }).where(eq(partners.id, partnerId)),
    ...(rule.to === 'blocked' ? team.map((u) => endAllSessionsStatement(deps, operatorId, u.id)) : []),
    auditStatement(deps, {
      operatorId,
      partnerId,
      userId: null,
      type: rule.event,
      actor: { kind: 'operator' },
      detail: { decision, from: partner.status, to: rule.to },
      meta,
    }),
  ]);
  const owner = team.find((u) => u.role === 'owner');
  if (owner && (decision === 'approve' || decision === 'reject')) {
    await sendMail(
      deps,
      decision === 'approve'
        ? {
            operatorId,
            to: owner.email,
            locale: owner.locale,
            template: 'partner_approved',
            params: { partnerName: partner.name, link: portalLink(deps, operatorId, 'sign-in') },
          }
        : {
            operatorId,
            to: owner.email,
            locale: owner.locale,
            template: 'partner_rejected',
            params: { partnerName: partner.name },
          },
    );
  }
  return presentPartner({ ...partner, status: rule.to }, owner ? { id: owner.id, email: owner.email } : null);
}

export async function operatorUnlockUser(deps: ServiceContext, operatorId: string, userId: string, meta: RequestMeta) {
  const user = await loadUser(deps, operatorId, userId);
  await deps.db.batch([
    deps.db.update(users).set({ lockedAt: null, failedSignIns: 0 }).where(eq(users.id, user.id)),
    auditStatement(deps, {
      operatorId,
      partnerId: user.partnerId,
      userId: user.id,
      type: 'user_unlocked',
      actor: { kind: 'operator' },
      detail: { via: 'operator' },
      meta,
    }),
  ]);
  return presentUser({ ...user, lockedAt: null, failedSignIns: 0 });
}

export function operatorExpireStatisticToken(
  deps: ServiceContext,
  operatorId: string,
  userId: string,
  meta: RequestMeta,
) {
  return expireStatisticToken(deps, null, userId, meta, operatorId);
}
