/** Loading and presenting partner users, always within one operator. */
import type { TenantContext } from '../../lib/context.ts';

type TenantDb = Pick<TenantContext, 'db' | 'operatorId'>;
import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { TenantRead } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { partners, users } from './table.ts';

export type UserRow = typeof users.$inferSelect;

export function presentUser(user: UserRow) {
  return {
    id: user.id,
    partnerId: user.partnerId,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    blocked: Boolean(user.blockedAt),
    locked: Boolean(user.lockedAt),
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}

export async function findUserByEmail(ctx: TenantDb, email: string) {
  const [row] = await ctx.db
    .select({ user: users, partner: partners })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(and(eq(users.operatorId, ctx.operatorId), eq(users.email, email.trim().toLowerCase())));
  return row ?? null;
}

/** A user of this operator, or 404 (another operator's user ids are simply not found). */
export async function loadUser(ctx: TenantDb, userId: string): Promise<UserRow> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.operatorId, ctx.operatorId), eq(users.id, userId)));
  if (!row) throw notFound('User');
  return row;
}

export async function loadPartnerOfUser(ctx: TenantDb, user: UserRow) {
  const [row] = await ctx.db
    .select()
    .from(partners)
    .where(and(eq(partners.operatorId, ctx.operatorId), eq(partners.id, user.partnerId)));
  if (!row) throw notFound('Partner');
  return row;
}

/** The emails of these users of the operator, by id (terms acceptances name who accepted). One query per chunk. */
export async function userEmails(ctx: TenantRead, userIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await selectInChunks(
    userIds,
    (ids) =>
      ctx.db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.operatorId, ctx.operatorId), inArray(users.id, ids))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((u) => [u.id, u.email]));
}

/**
 * How many users can sign in with a password, now or once their partner is approved (a password
 * set, not blocked, their partner active or pending): everyone the terms gate will ask to accept
 * new terms at their next sign-in.
 */
export async function countSignInUsers(ctx: TenantRead): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(
        eq(users.operatorId, ctx.operatorId),
        isNotNull(users.passwordHash),
        isNull(users.blockedAt),
        inArray(partners.status, ['active', 'pending']),
      ),
    );
  return row?.n ?? 0;
}
