/**
 * One partner as the operator's console shows it: profile, status and how it got there (the
 * sign-up and decisions from the events log), the referrer, the team and the plans it may choose.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { plansOfferedTo } from '../commissions/service.ts';
import { auditEvents, partners, users, PARTNER_STATUSES } from './table.ts';
import { presentPartner } from './partner-search.ts';
import { presentUser } from './users.ts';

type PartnerStatus = (typeof PARTNER_STATUSES)[number];
const STATUS_EVENTS = ['signed_up', 'partner_approved', 'partner_rejected', 'partner_blocked'] as const;
const isStatus = (value: unknown): value is PartnerStatus =>
  typeof value === 'string' && (PARTNER_STATUSES as readonly string[]).includes(value);
/** Where each event leads when its detail does not say (events written before details named `to`). */
const LEADS_TO: Record<(typeof STATUS_EVENTS)[number], PartnerStatus> = {
  signed_up: 'pending',
  partner_approved: 'active',
  partner_rejected: 'rejected',
  partner_blocked: 'blocked',
};

const ROLE_ORDER = { owner: 0, admin: 1, finance: 2, analyst: 3 } as const;

export async function getPartnerDetail(ctx: TenantContext, partnerId: string) {
  const { operatorId } = ctx;
  const [partner] = await ctx.db
    .select()
    .from(partners)
    .where(and(eq(partners.operatorId, operatorId), eq(partners.id, partnerId)));
  if (!partner) throw notFound('Partner');
  const [team, events, referrer, plans] = await Promise.all([
    ctx.db
      .select()
      .from(users)
      .where(and(eq(users.operatorId, operatorId), eq(users.partnerId, partnerId)))
      .orderBy(asc(users.createdAt), asc(users.id)),
    ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.operatorId, operatorId),
          eq(auditEvents.partnerId, partnerId),
          inArray(auditEvents.type, [...STATUS_EVENTS]),
        ),
      )
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id)),
    partner.referrerPartnerId
      ? ctx.db
          .select({ id: partners.id, name: partners.name, status: partners.status })
          .from(partners)
          .where(and(eq(partners.operatorId, operatorId), eq(partners.id, partner.referrerPartnerId)))
          .then((rows) => rows[0] ?? null)
      : null,
    plansOfferedTo(ctx, partnerId),
  ]);
  team.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const owner = team.find((u) => u.role === 'owner') ?? null;
  return {
    ...presentPartner(partner, owner ? { id: owner.id, email: owner.email } : null),
    messenger: owner?.messenger ?? null,
    phone: owner?.phone ?? null,
    locale: owner?.locale ?? null,
    referrer,
    history: events.map((e) => {
      const type = e.type as (typeof STATUS_EVENTS)[number];
      return {
        type,
        from: type === 'signed_up' ? null : isStatus(e.detail.from) ? e.detail.from : null,
        to: isStatus(e.detail.to) ? e.detail.to : LEADS_TO[type],
        by: e.actorKind,
        at: e.createdAt.toISOString(),
      };
    }),
    team: team.map(presentUser),
    plans: plans.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      isDefault: p.isDefault,
      individual: p.individual,
      summary: p.current?.summary ?? { en: [], ru: [] },
    })),
  };
}
