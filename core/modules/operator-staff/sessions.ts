/**
 * Staff session tokens: random, shown once (the console keeps them in an HttpOnly cookie), stored
 * as SHA-256. A console session ends STAFF_SESSION_TTL_MS after sign-in, or after
 * STAFF_IDLE_TIMEOUT_MS without a request, whichever comes first.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { StoreContext, TenantContext, TenantStore } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { operatorStaff, operatorStaffSessions, type StaffRole } from './table.ts';

export const STAFF_SESSION_TTL_MS = 12 * 3_600_000;
export const STAFF_IDLE_TIMEOUT_MS = 30 * 60_000;
/** The password step's challenge, and the restricted enrolment session, are short. */
const SHORT_TTL_MS = { challenge: 5 * 60_000, enrol: 15 * 60_000 } as const;
/** How stale last-seen may get before a request writes it again (saves a write per call). */
const TOUCH_INTERVAL_MS = 60_000;

export type StaffSessionStage = (typeof operatorStaffSessions.$inferSelect)['stage'];

/** Who is calling with a staff session (set by the operator middleware). */
export interface StaffPrincipal {
  operatorId: string;
  staffId: string;
  email: string;
  role: StaffRole;
  sessionId: string;
  stage: StaffSessionStage;
}

export async function createStaffSession(ctx: TenantStore, input: { staffId: string; stage: StaffSessionStage }) {
  const token = `kbo_${randomToken(32)}`;
  const now = ctx.clock.now();
  const ttl = input.stage === 'full' ? STAFF_SESSION_TTL_MS : SHORT_TTL_MS[input.stage];
  const expiresAt = new Date(now.getTime() + ttl);
  await ctx.db.insert(operatorStaffSessions).values({
    id: newId('ssess', ctx.clock),
    operatorId: ctx.operatorId,
    staffId: input.staffId,
    tokenHash: await sha256Hex(token),
    stage: input.stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/**
 * The session a token opens, if it is live and of one of `stages`, and its user is not disabled.
 * Not tenant-scoped: the token names the operator. An idle console session is ended here.
 */
export async function findStaffSession(
  ctx: StoreContext,
  input: { token: string; stages: StaffSessionStage[] },
): Promise<{ principal: StaffPrincipal } | null> {
  if (!input.token.startsWith('kbo_') || input.token.length > 200) return null;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ session: operatorStaffSessions, staff: operatorStaff })
    .from(operatorStaffSessions)
    .innerJoin(operatorStaff, eq(operatorStaff.id, operatorStaffSessions.staffId))
    .where(
      and(
        eq(operatorStaffSessions.tokenHash, await sha256Hex(input.token)),
        isNull(operatorStaffSessions.endedAt),
        gt(operatorStaffSessions.expiresAt, now),
      ),
    );
  if (!row || row.staff.disabledAt || !input.stages.includes(row.session.stage)) return null;
  const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleFor > STAFF_IDLE_TIMEOUT_MS) {
    await ctx.db
      .update(operatorStaffSessions)
      .set({ endedAt: now })
      .where(eq(operatorStaffSessions.id, row.session.id));
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS)
    await ctx.db
      .update(operatorStaffSessions)
      .set({ lastSeenAt: now })
      .where(eq(operatorStaffSessions.id, row.session.id));
  return {
    principal: {
      operatorId: row.session.operatorId,
      staffId: row.staff.id,
      email: row.staff.email,
      role: row.staff.role,
      sessionId: row.session.id,
      stage: row.session.stage,
    },
  };
}

export async function endStaffSession(ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId'>, sessionId: string) {
  await ctx.db
    .update(operatorStaffSessions)
    .set({ endedAt: ctx.clock.now() })
    .where(
      and(
        eq(operatorStaffSessions.id, sessionId),
        eq(operatorStaffSessions.operatorId, ctx.operatorId),
        isNull(operatorStaffSessions.endedAt),
      ),
    );
}
