/** What an operator's partners may see in reports, and how long raw clicks are kept. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext, TenantStore } from '../../lib/context.ts';
import type { ReportSettingsSchema } from './schemas.ts';
import { reportSettings } from './table.ts';

export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
const DEFAULTS: ReportSettings = { hiddenMetrics: [], hiddenGroupings: [], clickRetentionDays: null };

export async function getReportSettings(ctx: Pick<TenantContext, 'db' | 'operatorId'>): Promise<ReportSettings> {
  const [row] = await ctx.db.select().from(reportSettings).where(eq(reportSettings.operatorId, ctx.operatorId));
  if (!row) return DEFAULTS;
  return {
    hiddenMetrics: row.hiddenMetrics as ReportSettings['hiddenMetrics'],
    hiddenGroupings: row.hiddenGroupings as ReportSettings['hiddenGroupings'],
    clickRetentionDays: row.clickRetentionDays,
  };
}

export async function updateReportSettings(ctx: TenantStore, input: ReportSettings): Promise<ReportSettings> {
  const values = {
    hiddenMetrics: [...new Set(input.hiddenMetrics)],
    hiddenGroupings: [...new Set(input.hiddenGroupings)],
    clickRetentionDays: input.clickRetentionDays,
    updatedAt: ctx.clock.now(),
  };
  await ctx.db
    .insert(reportSettings)
    .values({ operatorId: ctx.operatorId, ...values })
    .onConflictDoUpdate({ target: reportSettings.operatorId, set: values });
  return getReportSettings(ctx);
}
