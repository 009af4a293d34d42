/**
 * What `<kb-dashboard>` asks the API for its question (a period and perhaps one campaign): the
 * quick stats, the period per day (or week, month) for the charts, and the top campaigns by the
 * first metric the operator shows.
 */
import { daysBetween } from '../../internal/statistics/period-keys.ts';
import { periodQuery } from '../../internal/statistics/period-picker.ts';
import type { Grouping, Metric, QuickStatsQuery, ReportQuery } from '../../internal/statistics/statistics-types.ts';
import type { DashboardQuestion } from './dashboard-address.ts';
import { CAMPAIGN_METRICS, DEPOSIT_METRICS, TRAFFIC_METRICS } from './dashboard-view.ts';

/** Campaigns in the performance table (by clicks); Reports lists them all. */
export const TOP_CAMPAIGNS = 20;

/** Day by day for a month or so; a longer custom range by week, or by month beyond two years. */
export function chartGrouping({ choice }: DashboardQuestion): Grouping {
  const { period, from, to } = choice;
  if (period !== 'custom') return 'day';
  const days = daysBetween(from, to);
  return days <= 92 ? 'day' : days <= 731 ? 'week' : 'month';
}

export const quickQuery = ({ campaignId }: DashboardQuestion): QuickStatsQuery => (campaignId ? { campaignId } : {});

/** The two reports of a period; `shown` keeps the metrics the operator lets this partner see. */
export function periodQueries(
  question: DashboardQuestion,
  shown: (wanted: readonly Metric[]) => Metric[],
): { grouping: Grouping; daily: ReportQuery; campaigns: ReportQuery } {
  const grouping = chartGrouping(question);
  const common = { ...periodQuery(question.choice), campaignId: question.campaignId || undefined };
  const campaignMetrics = shown(CAMPAIGN_METRICS);
  return {
    grouping,
    daily: {
      ...common,
      groupBy: grouping,
      metrics: shown([...TRAFFIC_METRICS, ...DEPOSIT_METRICS]).join(','),
      sort: grouping,
      order: 'asc',
      limit: '1000',
    },
    campaigns: {
      ...common,
      groupBy: 'campaign',
      metrics: campaignMetrics.join(','),
      sort: campaignMetrics[0],
      order: 'desc',
      limit: String(TOP_CAMPAIGNS),
    },
  };
}
