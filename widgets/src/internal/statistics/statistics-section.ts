/**
 * Base of the statistics widgets (`<kb-dashboard>`, `<kb-reports>`): the campaign-section behaviour
 * (contexts, newest-load-wins, worded errors) plus what both show a report with: the options the
 * operator allows this partner, metric and grouping names, row labels and values in the partner's
 * language, and the operator's id (for what the browser keeps per operator and user).
 */
import type { TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { expectOk, type ApiClient } from '../api-client.ts';
import { brandingContext } from '../contexts.ts';
import type { MessageParams } from '../i18n.ts';
import { CampaignSection } from '../campaign/campaign-section.ts';
import { memoLast } from './memo.ts';
import { statisticsLabels, type StatisticsLabels } from './statistics-labels.ts';
import type { StatisticsKey } from './statistics.messages.ts';
import type {
  Grouping,
  Metric,
  MetricValue,
  Report,
  ReportOptions,
  ReportQuery,
  ReportRow,
} from './statistics-types.ts';

export abstract class StatisticsSection extends CampaignSection {
  private readonly brandingConsumer = new ContextConsumer(this, { context: brandingContext, subscribe: true });

  /** The operator whose portal this is ('portal' outside one). */
  protected get operatorId(): string {
    return this.brandingConsumer.value?.operator.id ?? 'portal';
  }

  /** The report words and formats in the partner's language now. */
  private readonly labelsIn = memoLast(statisticsLabels);
  protected get statistics(): StatisticsLabels {
    return this.labelsIn(this.i18n.locale);
  }

  protected s(key: StatisticsKey, params?: MessageParams): string {
    return this.statistics.s(key, params);
  }

  protected metricLabel(metric: Metric): string {
    return this.statistics.metricLabel(metric);
  }

  protected groupingLabel(grouping: Grouping): string {
    return this.statistics.groupingLabel(grouping);
  }

  protected fetchOptions(api: ApiClient): Promise<ReportOptions> {
    return expectOk(api.client.v1.partner.reports.options.$get());
  }

  protected fetchReport(api: ApiClient, query: ReportQuery): Promise<Report> {
    return expectOk(api.client.v1.partner.reports.performance.$get({ query }));
  }

  /** A row's value for one grouping, readable: the server's label, a period, a country or device name. */
  protected keyLabel(row: ReportRow, grouping: Grouping, short = false): string {
    return this.statistics.keyLabel(row, grouping, short);
  }

  /** A metric's value in a cell: one line, or one line per currency for amounts. */
  protected renderValue(metric: Metric, value: MetricValue | undefined): TemplateResult {
    return this.statistics.renderValue(metric, value);
  }
}
