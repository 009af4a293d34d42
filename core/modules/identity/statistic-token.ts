/**
 * The statistic token: one per user, static, read-only, for the Report API and JSON/XML feeds.
 * It is looked up by SHA-256 and kept sealed (AES-GCM) so the profile page can show it again.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { PartnerPrincipal, RequestMeta, ServiceContext } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { randomToken } from '../../lib/ids.ts';
import { partners, users } from './table.ts';
import { auditStatement } from './audit.ts';
import { loadUser, type UserRow } from './users.ts';

async function present(deps: ServiceContext, user: Pick<UserRow, 'statTokenSealed' | 'statTokenCreatedAt'>) {
  return {
    token: user.statTokenSealed ? await deps.secretBox.open(user.statTokenSealed) : null,
    createdAt: user.statTokenCreatedAt?.toISOString() ?? null,
  };
}

export async function getStatisticToken(deps: ServiceContext, principal: PartnerPrincipal, userId: string) {
  return present(deps, await loadUser(deps, principal.operatorId, userId));
}

export async function rotateStatisticToken(
  deps: ServiceContext,
  principal: PartnerPrincipal,
  userId: string,
  meta: RequestMeta,
) {
  const user = await loadUser(deps, principal.operatorId, userId);
  const token = `st_${randomToken(40)}`;
  const now = deps.clock.now();
  const sealed = await deps.secretBox.seal(token);
  await deps.db.batch([
    deps.db
      .update(users)
      .set({ statTokenHash: await sha256Hex(token), statTokenSealed: sealed, statTokenCreatedAt: now })
      .where(eq(users.id, user.id)),
    auditStatement(deps, {
      operatorId: user.operatorId,
      partnerId: user.partnerId,
      userId: user.id,
      type: 'statistic_token_rotated',
      actor: { kind: 'user', userId: principal.userId },
      meta,
    }),
  ]);
  return { token, createdAt: now.toISOString() };
}

export async function expireStatisticToken(
  deps: ServiceContext,
  principal: PartnerPrincipal | null,
  userId: string,
  meta: RequestMeta,
  operatorId = principal?.operatorId,
) {
  const user = await loadUser(deps, operatorId!, userId);
  await deps.db.batch([
    deps.db
      .update(users)
      .set({ statTokenHash: null, statTokenSealed: null, statTokenCreatedAt: null })
      .where(eq(users.id, user.id)),
    auditStatement(deps, {
      operatorId: user.operatorId,
      partnerId: user.partnerId,
      userId: user.id,
      type: 'statistic_token_expired',
      actor: principal ? { kind: 'user', userId: principal.userId } : { kind: 'operator' },
      meta,
    }),
  ]);
  return { token: null, createdAt: null };
}

/** For the Report API and feeds (reports issue): the user behind a statistic token, if active. */
export async function authenticateStatisticToken(deps: ServiceContext, token: string) {
  if (!token.startsWith('st_') || token.length > 100) return null;
  const [row] = await deps.db
    .select({ user: users, partner: partners })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(eq(users.statTokenHash, await sha256Hex(token)), isNull(users.blockedAt), eq(partners.status, 'active')),
    );
  return row ? { operatorId: row.user.operatorId, partnerId: row.partner.id, userId: row.user.id } : null;
}
