/**
 * The statistic token: one per user, static, read-only, for the Report API and JSON/XML feeds.
 * It is looked up by SHA-256 and kept sealed (AES-GCM) so the profile page can show it again.
 * A token rotated or expired leaves its hash in retired_statistic_tokens, so the Report API can
 * say which happened instead of "unknown".
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { insertManyAtomically, rawStatement, type QueryPart } from '../../db/insert-many.ts';
import type { PartnerContext, ServiceContext, TenantContext } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { randomToken } from '../../lib/ids.ts';
import { partners, retiredStatisticTokens, users, type RETIRED_TOKEN_REASONS } from './table.ts';
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

/**
 * Each user keeps the hashes of this many retired tokens, newest first: enough to explain the
 * last few rotations to a script still sending an old one, and bounded without a housekeeping job.
 */
export const RETIRED_TOKENS_PER_USER = 10;

/**
 * The batch statements that retire a user's current token (if any) with `reason`: its hash is
 * copied from the users row as the batch runs (not as read before it, so a concurrent rotation
 * cannot retire the wrong one), then the user's oldest beyond RETIRED_TOKENS_PER_USER go.
 */
function retireCurrentToken(
  ctx: Pick<ServiceContext, 'clock'>,
  userId: string,
  reason: (typeof RETIRED_TOKEN_REASONS)[number],
): QueryPart[] {
  const t = retiredStatisticTokens;
  return [
    rawStatement(sql`insert into ${t} (token_hash, operator_id, user_id, reason, retired_at)
      select ${users.statTokenHash}, ${users.operatorId}, ${users.id}, ${reason}, ${ctx.clock.now().getTime()}
      from ${users} where ${users.id} = ${userId} and ${users.statTokenHash} is not null
      on conflict do nothing`),
    rawStatement(sql`delete from ${t} where ${t.userId} = ${userId} and ${t.tokenHash} not in (
      select ${t.tokenHash} from ${t} where ${t.userId} = ${userId}
      order by ${t.retiredAt} desc, rowid desc limit ${RETIRED_TOKENS_PER_USER})`),
  ];
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
  await insertManyAtomically(ctx.db, [
    ...retireCurrentToken(ctx, user.id, 'rotated'),
    {
      query: ctx.db
        .update(users)
        .set({ statTokenHash: await sha256Hex(token), statTokenSealed: sealed, statTokenCreatedAt: now })
        .where(eq(users.id, user.id)),
    },
    {
      query: auditStatement(ctx, {
        partnerId: user.partnerId,
        userId: user.id,
        type: 'statistic_token_rotated',
        actor: { kind: 'user', userId: principal.userId },
      }),
    },
  ]);
  return { token, createdAt: now.toISOString() };
}

/** Expires a user's token: a partner user (the context's `partner`) for the team, or the operator. */
export async function expireStatisticToken(ctx: TenantContext | PartnerContext, userId: string) {
  const principal = 'partner' in ctx ? ctx.partner : null;
  const user = await loadUser(ctx, userId);
  await insertManyAtomically(ctx.db, [
    ...retireCurrentToken(ctx, user.id, 'expired'),
    {
      query: ctx.db
        .update(users)
        .set({ statTokenHash: null, statTokenSealed: null, statTokenCreatedAt: null })
        .where(eq(users.id, user.id)),
    },
    {
      query: auditStatement(ctx, {
        partnerId: user.partnerId,
        userId: user.id,
        type: 'statistic_token_expired',
        actor: principal ? { kind: 'user', userId: principal.userId } : { kind: 'operator' },
      }),
    },
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

/**
 * Why a statistic token that no longer authenticates was retired: 'rotated' or 'expired', and
 * when; null for one never issued (or pruned), and for one whose user is blocked or partner is not
 * active, whose answer must not differ from an unknown token's. Not tenant-scoped, as above.
 */
export async function findRetiredStatisticToken(ctx: Pick<ServiceContext, 'db'>, token: string) {
  if (!token.startsWith('st_') || token.length > 100) return null;
  const t = retiredStatisticTokens;
  const [row] = await ctx.db
    .select({ reason: t.reason, retiredAt: t.retiredAt })
    .from(t)
    .innerJoin(users, eq(users.id, t.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(and(eq(t.tokenHash, await sha256Hex(token)), isNull(users.blockedAt), eq(partners.status, 'active')));
  return row ? { reason: row.reason, retiredAt: row.retiredAt.toISOString() } : null;
}
