/**
 * Three report favorites for the first demo partner, saved through the favorites service as the
 * partner's owner would: "Last 30 days by day" (a relative period, so it always shows the latest
 * 30 days, each currency on its own), last calendar month by campaign converted to EUR (fixed
 * dates, so it keeps showing that month), and the last three calendar months' earnings by month in
 * EUR (commission, cost, profit, ROI and EPC: a month is a grain bills are cut at).
 */
import { withPartner, type PartnerContext } from '../core/lib/context.ts';
import { saveFavorite } from '../core/modules/report-favorites/service.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);
const monthName = (date: Date) => date.toLocaleString('en', { month: 'long', timeZone: 'UTC' });

export async function seedReportFavorites(ctx: SeedDeps, options: { maxParams?: number } = {}): Promise<void> {
  const demo = DEMO_OPERATORS[0]!;
  const partner = withPartner(
    { ...ctx, ...(options.maxParams ? { maxBoundParams: options.maxParams } : {}) },
    {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: '',
      kind: 'password',
      transport: 'bearer',
      components: null,
    },
  );
  // The report reads the database, the clock and the tenant only; the seed has no mailer or job queue to give.
  const asPartner = partner as unknown as PartnerContext;
  const now = ctx.clock.now();
  const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonthEnd = new Date(firstOfMonth.getTime() - 86_400_000);
  const lastMonthStart = new Date(Date.UTC(lastMonthEnd.getUTCFullYear(), lastMonthEnd.getUTCMonth(), 1));
  await saveFavorite(asPartner, {
    name: 'Last 30 days by day',
    query: { period: 'last_30_days', groupBy: 'day', metrics: 'clicks,uniqueClicks,registrations,ftdCount,ftdAmount' },
  });
  await saveFavorite(asPartner, {
    name: `${monthName(lastMonthStart)} ${lastMonthStart.getUTCFullYear()} by campaign in EUR`,
    query: {
      period: 'custom',
      from: day(lastMonthStart),
      to: day(lastMonthEnd),
      groupBy: 'campaign',
      metrics: 'clicks,registrations,ftdCount,ftdAmount,depositAmount,ngr',
      currency: 'EUR',
    },
  });
  const threeMonthsStart = new Date(Date.UTC(lastMonthStart.getUTCFullYear(), lastMonthStart.getUTCMonth() - 2, 1));
  await saveFavorite(asPartner, {
    name:
      `Earnings ${monthName(threeMonthsStart)} – ${monthName(lastMonthStart)} ` +
      `${lastMonthStart.getUTCFullYear()} in EUR`,
    query: {
      period: 'custom',
      from: day(threeMonthsStart),
      to: day(lastMonthEnd),
      groupBy: 'month',
      metrics: 'clicks,registrations,ftdCount,cost,commission,profit,roi,epc',
      currency: 'EUR',
    },
  });
}
