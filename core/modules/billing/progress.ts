/** How far billing has got, per subject (a plan's next period start, the qualification scan's received time). */
import { and, eq, sql } from 'drizzle-orm';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import { billingProgress } from './table.ts';

export async function readProgress(ctx: Pick<TenantContext, 'db' | 'operatorId'>, input: { subject: string }) {
  const [row] = await ctx.db
    .select({ position: billingProgress.position })
    .from(billingProgress)
    .where(and(eq(billingProgress.operatorId, ctx.operatorId), eq(billingProgress.subject, input.subject)));
  return row?.position ?? null;
}

/**
 * Moves a subject forward, never back: two runners saving different positions keep the later one.
 * Positions compare as text, so they are fixed-width ("YYYY-MM-DD") or numbers of equal length.
 */
export async function saveProgress(ctx: TenantStore, input: { subject: string; position: string }) {
  await ctx.db
    .insert(billingProgress)
    .values({ operatorId: ctx.operatorId, ...input, updatedAt: ctx.clock.now() })
    .onConflictDoUpdate({
      target: [billingProgress.operatorId, billingProgress.subject],
      set: { position: sql`max(${billingProgress.position}, excluded.position)`, updatedAt: ctx.clock.now() },
    });
}
