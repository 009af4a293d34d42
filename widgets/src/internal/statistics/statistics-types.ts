/**
 * Shapes of the partner statistics routes (the performance report, its options and the dashboard's
 * quick stats), taken from the typed client so a server change breaks the statistics widgets at
 * compile time, and the metric, grouping and period lists they offer.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type Reports = KabinetClient['v1']['partner']['reports'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type Report = BodyOf<Reports['performance']['$get']>;
export type ReportRow = Report['rows'][number];
export type ReportValues = Report['totals'];
export type MetricValue = ReportValues[string];
export type ReportQuery = NonNullable<Parameters<Reports['performance']['$get']>[0]>['query'];
export type ReportOptions = BodyOf<Reports['options']['$get']>;
export type QuickStats = BodyOf<Reports['quick_stats']['$get']>;
export type QuickStatsQuery = NonNullable<Parameters<Reports['quick_stats']['$get']>[0]>['query'];
export type Metric = Report['metrics'][number];
export type Grouping = Report['groupBy'][number];
export type QuickPeriod = QuickStats['periods'][number]['period'];
/**
 * Billed commissions (the bills whose period starts in the range, priced, not cancelled): per line
 * kind and currency, and the total per currency. A report or a quick stats period has them or, when
 * filtered finer than bills are cut (a campaign, a country…), null.
 */
export type Commissions = NonNullable<Report['commissions']>;
export type CommissionKind = Commissions['byKind'][number]['kind'];
/** The kinds in the order a commissions block lists them. */
export const COMMISSION_KINDS = [
  'cpa',
  'cpl',
  'revshare',
  'sub_affiliate',
  'correction',
] as const satisfies readonly CommissionKind[];
/** An amount metric's value: currency → decimal string (`{ EUR: '12.50' }`). */
export type Amounts = Record<string, string>;

export const RELATIVE_PERIODS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'this_month',
  'last_month',
] as const satisfies readonly NonNullable<ReportQuery['period']>[];
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];
export type Period = RelativePeriod | 'custom';

export const TIME_GROUPINGS = ['hour', 'day', 'week', 'month', 'year'] as const satisfies readonly Grouping[];
export type TimeGrouping = (typeof TIME_GROUPINGS)[number];
export const isTimeGrouping = (g: string): g is TimeGrouping => (TIME_GROUPINGS as readonly string[]).includes(g);

/** Every metric a report may carry, in the order a new partner's columns start in. */
export const METRICS = [
  'clicks',
  'uniqueClicks',
  'botClicks',
  'registrations',
  'cr',
  'leads',
  'ftdCount',
  'ftdRate',
  'ftdAmount',
  'depositCount',
  'depositAmount',
  'ngr',
  'saleCount',
  'saleAmount',
  'cost',
  'commission',
  'profit',
  'roi',
  'epc',
] as const satisfies readonly Metric[];
export const AMOUNT_METRICS = [
  'ftdAmount',
  'depositAmount',
  'ngr',
  'saleAmount',
  'cost',
  'commission',
  'profit',
  'epc',
] as const satisfies readonly Metric[];
export const RATE_METRICS = ['cr', 'ftdRate', 'roi'] as const satisfies readonly Metric[];
/** Columns that come from the bills: known per row only where rows are whole bills (see the commissions note). */
export const BILLED_METRICS = ['commission', 'profit', 'roi', 'epc'] as const satisfies readonly Metric[];
export type MetricKind = 'count' | 'amount' | 'rate';
export function metricKind(metric: string): MetricKind {
  if ((AMOUNT_METRICS as readonly string[]).includes(metric)) return 'amount';
  if ((RATE_METRICS as readonly string[]).includes(metric)) return 'rate';
  return 'count';
}

/** A new partner's report columns (those the operator shows, in this order). */
export const DEFAULT_COLUMNS: readonly Metric[] = [
  'clicks',
  'registrations',
  'cr',
  'ftdCount',
  'ftdAmount',
  'depositAmount',
  'ngr',
];

/** Device classes the tracker records for a click (bots are counted apart, as bot clicks). */
export const DEVICES = ['desktop', 'mobile', 'tablet', 'tv', 'unknown'] as const;
export type Device = (typeof DEVICES)[number];

/** The report's filters as the form holds them: one value each, `country` a list of codes. */
export interface ReportFilters {
  period: Period;
  from: string;
  to: string;
  brandId: string;
  planId: string;
  campaignId: string;
  promoId: string;
  promoCode: string;
  country: string;
  device: string;
  landingId: string;
  trafficSourceId: string;
}
