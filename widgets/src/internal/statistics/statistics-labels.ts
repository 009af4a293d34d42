/**
 * The words and formats a report is read in, for one language: metric and grouping names, a row's
 * value for a grouping (the server's label, a period, a country or device name) and a metric's
 * value in a cell. The partner's widgets (StatisticsSection) and the operator console's report use
 * the same ones.
 */
import { html, type TemplateResult } from 'lit';
import type { Locale, MessageParams } from '../i18n.ts';
import { countryName, formatCount, formatMetric, formatPeriodKey } from './format.ts';
import { statisticsMessages, type StatisticsKey } from './statistics.messages.ts';
import {
  DEVICES,
  isTimeGrouping,
  type Device,
  type Grouping,
  type Metric,
  type MetricValue,
  type ReportRow,
} from './statistics-types.ts';

export interface StatisticsLabels {
  locale: Locale;
  s(key: StatisticsKey, params?: MessageParams): string;
  metricLabel(metric: Metric): string;
  groupingLabel(grouping: Grouping): string;
  /** A row's value for one grouping, readable (`short`: a chart axis's period labels). */
  keyLabel(row: ReportRow, grouping: Grouping, short?: boolean): string;
  /** A metric's value in a cell: one line, or one line per currency for amounts. */
  renderValue(metric: Metric, value: MetricValue | undefined): TemplateResult;
  formatCount(n: number): string;
}

export function statisticsLabels(locale: Locale): StatisticsLabels {
  const s = (key: StatisticsKey, params?: MessageParams) => statisticsMessages(locale, key, params);
  return {
    locale,
    s,
    metricLabel: (metric) => s(`metric.${metric}`),
    groupingLabel: (grouping) => s(`grouping.${grouping}`),
    keyLabel: (row, grouping, short = false) => {
      const label = row.labels[grouping];
      if (label) return label;
      const key = row.key[grouping] ?? '';
      if (!key) return s('notSet');
      if (isTimeGrouping(grouping)) return formatPeriodKey(locale, grouping, key, short);
      if (grouping === 'country') return countryName(locale, key);
      if (grouping === 'device' && (DEVICES as readonly string[]).includes(key)) return s(`device.${key as Device}`);
      return key;
    },
    renderValue: (metric, value) => {
      const lines = formatMetric(locale, metric, value);
      return lines.length === 1
        ? html`<span part="value">${lines[0]}</span>`
        : html`${lines.map((line) => html`<span part="value amount-line">${line}</span>`)}`;
    },
    formatCount: (n) => formatCount(locale, n),
  };
}
