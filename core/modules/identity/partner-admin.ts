/** Operator-side partner administration: approve / reject / block, unlock users, expire tokens (the list: partner-search.ts). */
import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { partners, users, PARTNER_STATUSES } from './table.ts';
import { sendMail } from '../mail/service.ts';
import { auditStatement } from './audit.ts';
import { endAllSessionsStatement } from './sessions.ts';
import { portalLink } from './portal-link.ts';
import { expireStatisticToken } from './statistic-token.ts';
import { loadUser, presentUser } from './users.ts';
import { presentPartner } from './partner-search.ts';

// The list lives in partner-search.ts; the CLI and the cash-out export import it from here.
export { listPartners } from './partner-search.ts';

type PartnerStatus = (typeof PARTNER_STATUSES)[number];
type Decision = 'approve' | 'reject' | 'block' | 'unblock';

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

export async function decideOnPartner(ctx: TenantContext, input: { partnerId: string; decision: Decision }) {
  const { operatorId } = ctx;
  const { partnerId, decision } = input;
  const [partner] = await ctx.db
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
  const team = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.operatorId, operatorId), eq(users.partnerId, partnerId)));
  await ctx.db.batch([
    ctx.db.update(partners).set({ status: rule.to }).where(eq(partners.id, partnerId)),
    ...(rule.to === 'blocked' ? team.map((u) => endAllSessionsStatement(ctx, u.id)) : []),
    auditStatement(ctx, {
      partnerId,
      userId: null,
      type: rule.event,
      actor: { kind: 'operator' },
      detail: { decision, from: partner.status, to: rule.to },
    }),
  ]);
  const owner = team.find((u) => u.role === 'owner');
  if (owner && (decision === 'approve' || decision === 'reject')) {
    await sendMail(
      ctx,
      decision === 'approve'
        ? {
            to: owner.email,
            locale: owner.locale,
            template: 'partner_approved',
            params: { partnerName: partner.name, link: portalLink(ctx, { action: 'sign-in' }) },
          }
        : {
            to: owner.email,
            locale: owner.locale,
            template: 'partner_rejected',
            params: { partnerName: partner.name },
          },
    );
  }
  return presentPartner({ ...partner, status: rule.to }, owner ? { id: owner.id, email: owner.email } : null);
}

export async function operatorUnlockUser(ctx: TenantContext, userId: string) {
  const user = await loadUser(ctx, userId);
  await ctx.db.batch([
    ctx.db.update(users).set({ lockedAt: null, failedSignIns: 0 }).where(eq(users.id, user.id)),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'user_unlocked',
      actor: { kind: 'operator' },
      detail: { via: 'operator' },
    }),
  ]);
  return presentUser({ ...user, lockedAt: null, failedSignIns: 0 });
}

/** The operator expires a user's token (logged as the operator's doing: the context has no partner). */
export function operatorExpireStatisticToken(ctx: TenantContext, userId: string) {
  return expireStatisticToken(ctx, userId);
}
