/**
 * The Report API's rate limit: a fixed one-minute window per statistic token, counted in the
 * database so every process (and every Worker isolate) serving the API shares one count.
 */
import { sql } from 'drizzle-orm';
import type { TenantStore } from '../../lib/context.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { reportApiRate } from './table.ts';

export const REPORT_API_CALLS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export interface ReportApiAllowance {
  allowed: boolean;
  limit: number;
  /** Seconds until the current window ends (when a refused caller may try again). */
  retryAfterSeconds: number;
}

/**
 * Counts one call of a token of the context's operator. One conditional upsert: the first call of
 * a window resets the row, later ones add to it, and RETURNING gives the count this call made, so
 * two processes counting at once can never both read the same number.
 */
export async function countReportApiCall(ctx: TenantStore, input: { token: string }): Promise<ReportApiAllowance> {
  const now = ctx.clock.now().getTime();
  const windowStart = now - (now % WINDOW_MS);
  const [row] = await ctx.db
    .insert(reportApiRate)
    .values({ tokenHash: await sha256Hex(input.token), operatorId: ctx.operatorId, windowStart, calls: 1 })
    .onConflictDoUpdate({
      target: reportApiRate.tokenHash,
      set: {
        calls: sql`case when ${reportApiRate.windowStart} = excluded.window_start then ${reportApiRate.calls} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ calls: reportApiRate.calls });
  return {
    allowed: (row?.calls ?? 1) <= REPORT_API_CALLS_PER_MINUTE,
    limit: REPORT_API_CALLS_PER_MINUTE,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
  };
}
