/** The events log: every security-relevant change is recorded here and listed to the partner. */
import { and, desc, eq, gte, inArray, lt, lte, or } from 'drizzle-orm';
import type { PartnerStore, StoreContext, TenantStore } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { auditEvents, users } from './table.ts';
import type { AUDIT_EVENT_TYPES } from './schemas.ts';

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** One entry of the log, of the context's operator; the IP is the request's (`ctx.meta`), when there is one. */
export interface AuditInput {
  partnerId: string | null;
  userId: string | null;
  type: AuditEventType;
  actor: { kind: 'user'; userId: string } | { kind: 'operator' } | { kind: 'system' };
  detail?: Record<string, unknown>;
}

/** The insert, unexecuted, so callers can put it in the same batch as the change it records. */
export function auditStatement(ctx: TenantStore, input: AuditInput) {
  return ctx.db.insert(auditEvents).values({
    id: newId('evt', ctx.clock),
    operatorId: ctx.operatorId,
    partnerId: input.partnerId,
    userId: input.userId,
    actorKind: input.actor.kind,
    actorUserId: input.actor.kind === 'user' ? input.actor.userId : null,
    type: input.type,
    // An operator decision made from the console names the staff user who made it.
    detail:
      input.actor.kind === 'operator' && ctx.meta?.staffId
        ? { ...input.detail, staffId: ctx.meta.staffId }
        : (input.detail ?? {}),
    ip: ctx.meta?.ip ?? null,
    createdAt: ctx.clock.now(),
  });
}

export async function recordAudit(ctx: TenantStore, input: AuditInput): Promise<void> {
  await auditStatement(ctx, input);
}

/** Failed sign-ins from one IP since `since`, across all operators on purpose (the per-IP throttle). */
export async function countRecentFailures(
  ctx: Pick<StoreContext, 'db'>,
  input: { ip: string; since: Date },
): Promise<number> {
  const { ip, since } = input;
  const rows = await ctx.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.ip, ip), eq(auditEvents.type, 'sign_in_failed'), gte(auditEvents.createdAt, since)))
    .limit(1000);
  return rows.length;
}

export interface ActivityQuery {
  type?: AuditEventType;
  userId?: string;
  from?: string;
  to?: string;
  limit: number;
  before?: string;
}

/** Owners and admins see the whole account's log; analysts and finance see their own events. */
export async function listActivity(ctx: PartnerStore, query: ActivityQuery) {
  const { partner: principal } = ctx;
  const ownOnly = principal.role === 'analyst' || principal.role === 'finance';
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.operatorId, ctx.operatorId),
        eq(auditEvents.partnerId, principal.partnerId),
        ownOnly
          ? or(eq(auditEvents.userId, principal.userId), eq(auditEvents.actorUserId, principal.userId))
          : undefined,
        query.type ? eq(auditEvents.type, query.type) : undefined,
        query.userId ? or(eq(auditEvents.userId, query.userId), eq(auditEvents.actorUserId, query.userId)) : undefined,
        query.from ? gte(auditEvents.createdAt, new Date(query.from)) : undefined,
        query.to ? lte(auditEvents.createdAt, new Date(query.to)) : undefined,
        query.before ? lt(auditEvents.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const ids = [...new Set(page.flatMap((r) => [r.userId, r.actorUserId]).filter((x): x is string => Boolean(x)))];
  const emails = new Map(
    (ids.length
      ? await ctx.db
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.operatorId, ctx.operatorId), inArray(users.id, ids)))
      : []
    ).map((u) => [u.id, u.email]),
  );
  return {
    data: page.map((r) => ({
      id: r.id,
      type: r.type as AuditEventType,
      actor: {
        kind: r.actorKind,
        id: r.actorUserId,
        email: r.actorUserId ? (emails.get(r.actorUserId) ?? null) : null,
      },
      subject: { id: r.userId, email: r.userId ? (emails.get(r.userId) ?? null) : null },
      detail: r.detail,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
