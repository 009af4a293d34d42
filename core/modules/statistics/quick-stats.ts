/** The dashboard's quick stats: today, yesterday, this month and last month, from the same engine as reports. */
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { findReportCurrency } from '../identity/profile.ts';
import { runPartnerReport } from './run-report.ts';
import { ReportQuerySchema, type QuickStatsSchema } from './schemas.ts';

const PERIODS = ['today', 'yesterday', 'this_month', 'last_month'] as const;
const METRICS = 'clicks,uniqueClicks,registrations,ftdCount,ftdAmount,depositAmount';

export async function partnerQuickStats(
  ctx: PartnerContext,
  query: { currency?: string | undefined; campaignId?: string | undefined; timeZone?: string | undefined },
): Promise<z.infer<typeof QuickStatsSchema>> {
  const timeZone = query.timeZone ?? (await findOperatorTimeZone(ctx));
  // The partner's default report currency is the starting choice; an explicit one wins.
  const currency = query.currency ?? (await findReportCurrency(ctx));
  const periods = [];
  for (const period of PERIODS) {
    const report = await runPartnerReport(
      ctx,
      ReportQuerySchema.parse({
        period,
        timeZone,
        metrics: METRICS,
        ...(currency ? { currency } : {}),
        ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      }),
    );
    periods.push({
      period,
      from: report.period.from,
      to: report.period.to,
      values: report.totals,
      commissions: report.commissions,
    });
  }
  return { currency: currency ?? null, timeZone, periods };
}
