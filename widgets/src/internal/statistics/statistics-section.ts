/**
 * Base of the statistics widgets (`<kb-dashboard>`, `<kb-reports>`): the campaign-section behaviour
 * (contexts, newest-load-wins, worded errors) plus what both show a report with: the options the
 * operator allows this partner, metric and grouping names, row labels and values in the partner's
 * language, and the operator's id (for what the browser keeps per operator and user).
 */
import { html, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { expectOk, type ApiClient } from '../api-client.ts';
import { brandingContext } from '../contexts.ts';
import type { MessageParams } from '../i18n.ts';
import { CampaignSection } from '../campaign/campaign-section.ts';
import { countryName, formatMetric, formatPeriodKey } from './format.ts';
import { statisticsMessages, type StatisticsKey } from './statistics.messages.ts';
import {
  DEVICES,
  isTimeGrouping,
  type Device,
  type Grouping,
  type Metric,
  type MetricValue,
  type Report,
  type ReportOptions,
  type ReportQuery,
  type ReportRow,
} from './statistics-types.ts';

export abstract class StatisticsSection extends CampaignSection {
  private readonly brandingConsumer = new ContextConsumer(this, { context: brandingContext, subscribe: true });

  /** The operator whose portal this is ('portal' outside one). */
  protected get operatorId(): string {
    return this.brandingConsumer.value?.operator.id ?? 'portal';
  }

  protected s(key: StatisticsKey, params?: MessageParams): string {
    return statisticsMessages(this.i18n.locale, key, params);
  }

  protected metricLabel(metric: Metric): string {
    return this.s(`metric.${metric}`);
  }

  protected groupingLabel(grouping: Grouping): string {
    return this.s(`grouping.${grouping}`);
  }

  protected fetchOptions(api: ApiClient): Promise<ReportOptions> {
    return expectOk(api.client.v1.partner.reports.options.$get());
  }

  protected fetchReport(api: ApiClient, query: ReportQuery): Promise<Report> {
    return expectOk(api.client.v1.partner.reports.performance.$get({ query }));
  }

  /** A row's value for one grouping, readable: the server's label, a period, a country or device name. */
  protected keyLabel(row: ReportRow, grouping: Grouping, short = false): string {
    const label = row.labels[grouping];
    if (label) return label;
    const key = row.key[grouping] ?? '';
    if (!key) return this.s('notSet');
    if (isTimeGrouping(grouping)) return formatPeriodKey(this.i18n.locale, grouping, key, short);
    if (grouping === 'country') return countryName(this.i18n.locale, key);
    if (grouping === 'device' && (DEVICES as readonly string[]).includes(key)) return this.s(`device.${key as Device}`);
    return key;
  }

  /** A metric's value in a cell: one line, or one line per currency for amounts. */
  protected renderValue(metric: Metric, value: MetricValue | undefined): TemplateResult {
    const lines = formatMetric(this.i18n.locale, metric, value);
    return lines.length === 1
      ? html`<span part="value">${lines[0]}</span>`
      : html`${lines.map((line) => html`<span part="value amount-line">${line}</span>`)}`;
  }
}
