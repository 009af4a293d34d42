/**
 * The report's chart: the first chosen count metric along the first grouping, from the chart's own
 * query (all periods in order, days without data as zeros; or the 20 largest values). A line for a
 * time grouping, bars otherwise.
 */
import type { ChartSeries } from '../kb-stats-chart.ts';
import { periodKeys } from '../period-keys.ts';
import { isTimeGrouping, type Grouping, type Metric, type Report, type ReportRow } from '../statistics-types.ts';

export interface ReportChart {
  kind: 'line' | 'bar';
  heading: string;
  labels: string[];
  series: ChartSeries[];
}

export function buildChart(
  report: Report,
  metric: Metric,
  o: {
    heading(grouping: Grouping): string;
    metricLabel: string;
    keyLabel(row: ReportRow, grouping: Grouping, short: boolean): string;
  },
): ReportChart | null {
  const grouping = report.groupBy[0];
  if (!grouping || report.rows.length === 0) return null;
  const time = isTimeGrouping(grouping);
  const byKey = new Map(report.rows.map((r) => [r.key[grouping] ?? '', r] as const));
  const keys = (time ? periodKeys(grouping, report.period.from, report.period.to) : null) ?? [...byKey.keys()];
  const rows = keys.map((key) => byKey.get(key) ?? { key: { [grouping]: key }, labels: {}, values: {} });
  return {
    kind: time ? 'line' : 'bar',
    heading: o.heading(grouping),
    labels: rows.map((r) => o.keyLabel(r, grouping, true)),
    series: [
      {
        label: o.metricLabel,
        axis: 'count',
        values: rows.map((r) => {
          const value = r.values[metric];
          return typeof value === 'number' ? value : 0;
        }),
      },
    ],
  };
}
