/**
 * Single-use secrets for emailed links (unlock, password reset, invitation) and embed client
 * secrets. The raw value travels once (email or API answer); only its SHA-256 is stored, and
 * consuming marks it used in the same statement that checks it, so a replay finds nothing.
 */
import type { TenantStore } from '../../lib/context.ts';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256Hex } from '../../lib/crypto.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { DomainError } from '../../lib/errors.ts';
import { oneTimeTokens, ONE_TIME_PURPOSES } from './table.ts';

export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

const PREFIX: Record<OneTimePurpose, string> = { unlock: 'ul_', password_reset: 'pr_', invite: 'iv_', embed: 'kbcs_' };

export async function issueOneTimeToken(
  ctx: TenantStore,
  input: { userId: string; purpose: OneTimePurpose; ttlMs: number; data?: Record<string, unknown> },
) {
  const raw = `${PREFIX[input.purpose]}${randomToken(32)}`;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + input.ttlMs);
  await ctx.db.insert(oneTimeTokens).values({
    id: newId('ott', ctx.clock),
    operatorId: ctx.operatorId,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: await sha256Hex(raw),
    data: input.data ?? null,
    createdAt: now,
    expiresAt,
  });
  return { raw, expiresAt };
}

const WHAT: Record<OneTimePurpose, string> = {
  unlock: 'unlock link',
  password_reset: 'password reset link',
  invite: 'invitation link',
  embed: 'client secret',
};

/** Looks a token up without using it (to validate what comes with it first), or answers 401. */
export async function peekOneTimeToken(ctx: TenantStore, input: { purposes: OneTimePurpose[]; raw: string }) {
  const { purposes, raw } = input;
  const [row] = await ctx.db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, await sha256Hex(raw)),
        eq(oneTimeTokens.operatorId, ctx.operatorId),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, ctx.clock.now()),
      ),
    );
  if (!row || !purposes.includes(row.purpose)) throw invalidToken(purposes);
  return row;
}

const invalidToken = (purposes: OneTimePurpose[]) =>
  new DomainError(
    'unauthorized',
    `This ${WHAT[purposes[0]!]} is not valid: it was already used, it has expired, or it belongs elsewhere`,
    [],
    { purpose: purposes[0]! },
  );

/** Uses a token up, or answers 401 saying it is unknown, used or expired (without saying which). */
export async function consumeOneTimeToken(ctx: TenantStore, input: { purposes: OneTimePurpose[]; raw: string }) {
  const { purposes, raw } = input;
  const hash = await sha256Hex(raw);
  const now = ctx.clock.now();
  for (const purpose of purposes) {
    const [row] = await ctx.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, hash),
          eq(oneTimeTokens.operatorId, ctx.operatorId),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .returning();
    if (row) return row;
  }
  throw invalidToken(purposes);
}
