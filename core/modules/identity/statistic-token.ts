/**
 * The statistic token: one per user, static, read-only, for the Report API and JSON/XML feeds.
 * It is looked up by SHA-256 and kept sealed (AES-GCM) so the profile page can show it again.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { PartnerContext, ServiceContext, TenantContext } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { randomToken } from '../../lib/ids.ts';
import { partners, users } from './table.ts';
import { auditStatement } from './audit.ts';
import { loadUser, type UserRow } from './users.ts';

async function present(
  ctx: Pick<ServiceContext, 'secretBox'>,
  user: Pick<UserRow, 'statTokenSealed' | 'statTokenCreatedAt'>,
) {
  return {
    token: user.statTokenSealed ? await ctx.secretBox.open(user.statTokenSealed) : null,
    createdAt: user.statTokenCreatedAt?.toISOString() ?? null,
  };
}

export async function getStatisticToken(ctx: PartnerContext, userId: string) {
  return present(ctx, await loadUser(ctx, userId));
}

export async function rotateStatisticToken(ctx: PartnerContext, userId: string) {
  const principal = ctx.partner;
  const user = await loadUser(ctx, userId);
  const token = `st_${randomToken(40)}`;
  const now = ctx.clock.now();
  const sealed = await ctx.secretBox.seal(token);
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ statTokenHash: await sha256Hex(token), statTokenSealed: sealed, statTokenCreatedAt: now })
      .where(eq(users.id, user.id)),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'statistic_token_rotated',
      actor: { kind: 'user', userId: principal.userId },
    }),
  ]);
  return { token, createdAt: now.toISOString() };
}

/** Expires a user's token: a partner user (the context's `partner`) for the team, or the operator. */
export async function expireStatisticToken(ctx: TenantContext | PartnerContext, userId: string) {
  const principal = 'partner' in ctx ? ctx.partner : null;
  const user = await loadUser(ctx, userId);
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ statTokenHash: null, statTokenSealed: null, statTokenCreatedAt: null })
      .where(eq(users.id, user.id)),
    auditStatement(ctx, {
      partnerId: user.partnerId,
      userId: user.id,
      type: 'statistic_token_expired',
      actor: principal ? { kind: 'user', userId: principal.userId } : { kind: 'operator' },
    }),
  ]);
  return { token: null, createdAt: null };
}

/**
 * For the Report API and feeds (reports issue): the user behind a statistic token, if active.
 * Not tenant-scoped: the token is what tells the operator (it is looked up by its hash).
 */
export async function authenticateStatisticToken(ctx: Pick<ServiceContext, 'db'>, token: string) {
  if (!token.startsWith('st_') || token.length > 100) return null;
  const [row] = await ctx.db
    .select({ user: users, partner: partners })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(eq(users.statTokenHash, await sha256Hex(token)), isNull(users.blockedAt), eq(partners.status, 'active')),
    );
  return row
    ? {
        operatorId: row.user.operatorId,
        partnerId: row.partner.id,
        userId: row.user.id,
        email: row.user.email,
        role: row.user.role,
      }
    : null;
}
