/**
 * The owner's management of secret keys: list (never the secret), revoke (the key answers 401 from
 * the next request), rotate (a new secret under the same name; the old key is revoked at once, no
 * grace period, so a leaked key stops working the moment it is rotated).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { createApiKey } from './service.ts';
import { operatorApiKeys } from './table.ts';

type KeyRow = typeof operatorApiKeys.$inferSelect;

const describeKey = (row: KeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.displayPrefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listApiKeys(ctx: Pick<TenantContext, 'db' | 'operatorId'>) {
  const rows = await ctx.db
    .select()
    .from(operatorApiKeys)
    .where(eq(operatorApiKeys.operatorId, ctx.operatorId))
    .orderBy(desc(operatorApiKeys.createdAt), desc(operatorApiKeys.id));
  return { items: rows.map(describeKey) };
}

async function loadKey(ctx: Pick<TenantContext, 'db' | 'operatorId'>, keyId: string): Promise<KeyRow> {
  const [row] = await ctx.db
    .select()
    .from(operatorApiKeys)
    .where(and(eq(operatorApiKeys.id, keyId), eq(operatorApiKeys.operatorId, ctx.operatorId)));
  if (!row) throw notFound('API key');
  return row;
}

/** A new key; the answer is the only place its secret ever appears. */
export async function issueApiKey(ctx: TenantStore, input: { name: string }) {
  const { id, secret } = await createApiKey(ctx, { name: input.name.trim() });
  return { ...describeKey(await loadKey(ctx, id)), secret };
}

/**
 * Revokes a key. The key that authenticates this very request may not revoke itself (409): the
 * caller would lock itself out mid-call; revoke it from the console or with another key.
 */
export async function revokeApiKey(ctx: TenantStore, input: { keyId: string; callerKeyId?: string }) {
  const key = await loadKey(ctx, input.keyId);
  if (key.id === input.callerKeyId)
    throw new DomainError('conflict', 'A key cannot revoke itself: use another key or the console', [], {
      resource: 'api_key',
      state: 'self',
    });
  if (!key.revokedAt)
    await ctx.db
      .update(operatorApiKeys)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(operatorApiKeys.id, key.id), isNull(operatorApiKeys.revokedAt)));
  return describeKey(await loadKey(ctx, key.id));
}

/** A new secret for the same name; the old key is revoked in the same step. A revoked key answers 409. */
export async function rotateApiKey(ctx: TenantStore, keyId: string) {
  const key = await loadKey(ctx, keyId);
  const revoked = await ctx.db
    .update(operatorApiKeys)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(operatorApiKeys.id, key.id), isNull(operatorApiKeys.revokedAt)))
    .returning({ id: operatorApiKeys.id });
  if (revoked.length !== 1)
    throw new DomainError('conflict', 'This key is revoked; create a new key instead', [], {
      resource: 'api_key',
      state: 'archived',
    });
  return issueApiKey(ctx, { name: key.name });
}
