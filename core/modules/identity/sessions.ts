/**
 * Sessions: created on sign-in or embed exchange, found by the SHA-256 of their token, listed
 * with the device from the user agent, and ended one by one, all-but-current, or all.
 */
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import Bowser from 'bowser';
import type { PartnerPrincipal, PartnerStore, StoreContext, TenantContext, TenantStore } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { sessions, partners, users } from './table.ts';
import { recordAudit } from './audit.ts';

export const PASSWORD_SESSION_TTL_MS = 12 * 3_600_000;
export const EMBED_SESSION_TTL_MS = 60 * 60_000;
/** last_seen_at is written at most this often, so reads don't turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** A session of a user of the context's operator, from where the request came (`ctx.meta`). */
export async function createSession(
  ctx: TenantStore,
  input: {
    userId: string;
    kind: 'password' | 'embed';
    transport: 'bearer' | 'cookie';
    components?: string[] | null;
  },
) {
  const token = `kbs_${randomToken(40)}`;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + (input.kind === 'embed' ? EMBED_SESSION_TTL_MS : PASSWORD_SESSION_TTL_MS));
  const id = newId('sess', ctx.clock);
  await ctx.db.insert(sessions).values({
    id,
    operatorId: ctx.operatorId,
    userId: input.userId,
    tokenHash: await sha256Hex(token),
    kind: input.kind,
    transport: input.transport,
    components: input.components ?? null,
    ip: ctx.meta?.ip ?? null,
    userAgent: ctx.meta?.userAgent ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { id, token, expiresAt };
}

/**
 * The principal behind a token, or null. Blocked users and inactive partners have no session.
 * Not tenant-scoped: the token is what tells the operator (it is looked up by its hash).
 */
export async function authenticateSession(
  ctx: StoreContext & Pick<TenantContext, 'meta'>,
  input: { token: string; transport: 'bearer' | 'cookie' },
): Promise<PartnerPrincipal | null> {
  const { token, transport } = input;
  const meta = ctx.meta;
  if (token.length > 200) return null;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ session: sessions, user: users, partner: partners })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(
        eq(sessions.tokenHash, await sha256Hex(token)),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now),
        eq(sessions.transport, transport),
      ),
    );
  if (!row || row.user.blockedAt || row.partner.status !== 'active') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: now, ...(meta?.ip ? { ip: meta.ip } : {}) })
      .where(eq(sessions.id, row.session.id));
  }
  return {
    operatorId: row.session.operatorId,
    partnerId: row.partner.id,
    userId: row.user.id,
    email: row.user.email,
    role: row.user.role,
    sessionId: row.session.id,
    kind: row.session.kind,
    transport: row.session.transport,
    components: row.session.components ?? null,
  };
}

/**
 * The device of a session in parts (browser, system, mobile or tablet), so each client words it in
 * its own language; `device` joins them in English for API users and logs.
 */
function describeDevice(userAgent: string | null) {
  const ua = userAgent ? Bowser.parse(userAgent) : null;
  const browser = [ua?.browser.name, ua?.browser.version?.split('.')[0]].filter(Boolean).join(' ') || null;
  const os = [ua?.os.name, ua?.os.versionName ?? ua?.os.version].filter(Boolean).join(' ') || null;
  const type = ua?.platform.type;
  const deviceType: 'mobile' | 'tablet' | null = type === 'mobile' || type === 'tablet' ? type : null;
  const device =
    [browser, os].filter(Boolean).join(' on ') + (deviceType ? ` (${deviceType})` : '') || 'Unknown device';
  return { device, browser, os, deviceType };
}

/** The active sessions of `userId`, a user of the caller's account (the caller's own are marked `current`). */
export async function listSessions(ctx: PartnerStore, userId: string) {
  const principal = ctx.partner;
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.operatorId, ctx.operatorId),
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, ctx.clock.now()),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    ...describeDevice(s.userAgent),
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current: s.id === principal.sessionId,
  }));
}

/** Ends one session of `userId` (default: the caller). Another user's session id answers 404. */
export async function terminateSession(ctx: PartnerStore, input: { sessionId: string; userId?: string }) {
  const principal = ctx.partner;
  const { sessionId, userId = principal.userId } = input;
  const ended = await ctx.db
    .update(sessions)
    .set({ endedAt: ctx.clock.now() })
    .where(
      and(
        eq(sessions.operatorId, ctx.operatorId),
        eq(sessions.userId, userId),
        eq(sessions.id, sessionId),
        isNull(sessions.endedAt),
      ),
    )
    .returning({ id: sessions.id });
  if (ended.length === 0) throw notFound('Session');
  await recordAudit(ctx, {
    partnerId: principal.partnerId,
    userId,
    type: 'session_terminated',
    actor: { kind: 'user', userId: principal.userId },
    detail: { sessionId, signOut: sessionId === principal.sessionId },
  });
  return { terminated: 1 };
}

/** Ends every session of the caller but the current one. */
export async function terminateOtherSessions(ctx: PartnerStore) {
  const principal = ctx.partner;
  const ended = await ctx.db
    .update(sessions)
    .set({ endedAt: ctx.clock.now() })
    .where(
      and(
        eq(sessions.operatorId, ctx.operatorId),
        eq(sessions.userId, principal.userId),
        ne(sessions.id, principal.sessionId),
        isNull(sessions.endedAt),
      ),
    )
    .returning({ id: sessions.id });
  if (ended.length) {
    await recordAudit(ctx, {
      partnerId: principal.partnerId,
      userId: principal.userId,
      type: 'session_terminated',
      actor: { kind: 'user', userId: principal.userId },
      detail: { count: ended.length, allOthers: true },
    });
  }
  return { terminated: ended.length };
}

/** The statement that ends every session of a user (password reset, block): batch it with the change. */
export function endAllSessionsStatement(ctx: TenantStore, userId: string) {
  return ctx.db
    .update(sessions)
    .set({ endedAt: ctx.clock.now() })
    .where(and(eq(sessions.operatorId, ctx.operatorId), eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
