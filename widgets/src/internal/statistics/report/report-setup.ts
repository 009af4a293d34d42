/**
 * The report's question as the report screens hold it (`<kb-reports>`, `<kb-operator-reports>`:
 * filters, nested groupings, currency, sort and page), turned into the API's query string (lists
 * comma-separated), and the reader's columns: their choice and order, kept in localStorage.
 */
import type { Locale } from '../../i18n.ts';
import { periodError, periodQuery, type PeriodChoice } from '../period-picker.ts';
import {
  DEFAULT_COLUMNS,
  isTimeGrouping,
  type Grouping,
  type Metric,
  type ReportOptions,
  type ReportQuery,
} from '../statistics-types.ts';

/** At most this many nested groupings (the server's limit too). */
export const MAX_GROUPINGS = 4;
export const PAGE_SIZES = [25, 50, 100, 250] as const;

/**
 * The filters beyond the period (empty: any): one value each, but campaigns and countries may be
 * several, comma-separated as the API takes them. `partnerId`: operator reports only.
 */
export interface ReportFilterValues {
  partnerId: string;
  brandId: string;
  planId: string;
  campaignId: string;
  promoId: string;
  promoCode: string;
  country: string;
  device: string;
  os: string;
  landingId: string;
  trafficSourceId: string;
}
export const NO_FILTERS: ReportFilterValues = {
  partnerId: '',
  brandId: '',
  planId: '',
  campaignId: '',
  promoId: '',
  promoCode: '',
  country: '',
  device: '',
  os: '',
  landingId: '',
  trafficSourceId: '',
};

/** What the filter form edits; it applies with "Show report". */
export interface ReportSetup {
  period: PeriodChoice;
  filters: ReportFilterValues;
  groupBy: Grouping[];
  /** The link parameter `parameter` groups by. */
  parameter: string;
  /** Convert every amount to this currency; empty: each currency on its own. */
  currency: string;
  /** The rates' date; empty: today's. */
  ratesDate: string;
}

export interface ReportView {
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export function initialSetup(options: ReportOptions): ReportSetup {
  return {
    period: { period: 'last_30_days', from: '', to: '' },
    filters: { ...NO_FILTERS },
    groupBy: options.groupings.includes('day') ? ['day'] : [],
    parameter: options.parameters[0] ?? '',
    currency: options.defaultCurrency ?? '',
    ratesDate: '',
  };
}

/** The form's own checks, by field: both custom dates (the end not before the start), the parameter to group by. */
export function setupProblems(setup: ReportSetup, locale: Locale, needParameter: string): Record<string, string> {
  const out: Record<string, string> = {};
  const period = periodError(locale, setup.period);
  if (period) out.to = period;
  if (setup.groupBy.includes('parameter') && !setup.parameter) out.parameter = needParameter;
  return out;
}

export const hasFilterValues = (filters: ReportFilterValues): boolean => Object.values(filters).some((v) => v !== '');

/** An empty value is left out of the query (the client drops undefined). */
const or = (value: string): string | undefined => value || undefined;

/** The API query for `setup`, the shown `metrics` and the table's sort and page. */
export function reportQuery(setup: ReportSetup, metrics: readonly Metric[], view: ReportView): ReportQuery {
  const f = setup.filters;
  const converting = Boolean(setup.currency);
  return {
    ...periodQuery(setup.period),
    groupBy: or(setup.groupBy.join(',')),
    parameter: setup.groupBy.includes('parameter') ? or(setup.parameter) : undefined,
    metrics: or(metrics.join(',')),
    partnerId: or(f.partnerId),
    brandId: or(f.brandId),
    planId: or(f.planId),
    campaignId: or(f.campaignId),
    promoId: or(f.promoId),
    promoCode: or(f.promoCode.trim()),
    country: or(f.country),
    device: or(f.device),
    os: or(f.os),
    landingId: or(f.landingId),
    trafficSourceId: or(f.trafficSourceId),
    currency: converting ? setup.currency : undefined,
    ratesDate: converting ? or(setup.ratesDate) : undefined,
    sort: or(view.sort),
    order: view.sort ? view.order : undefined,
    limit: String(view.limit),
    offset: String(view.offset),
  };
}

/** The first count metric among the columns: what the chart draws. */
export const chartMetric = (columns: readonly Metric[], isCount: (m: Metric) => boolean): Metric | undefined =>
  columns.find(isCount);

/**
 * The chart's own query: the same filters grouped by the first grouping only, one metric, the
 * periods in order (all of them) or the 20 largest values.
 */
export function chartQuery(setup: ReportSetup, metric: Metric): ReportQuery | null {
  const first = setup.groupBy[0];
  if (!first) return null;
  const time = isTimeGrouping(first);
  return reportQuery({ ...setup, groupBy: [first], currency: '' }, [metric], {
    sort: time ? first : metric,
    order: time ? 'asc' : 'desc',
    limit: time ? 1000 : 20,
    offset: 0,
  });
}

/** Groupings that may still be added (of those the options offer): not chosen yet, and no second time grouping. */
export function addableGroupings(all: readonly Grouping[], chosen: readonly Grouping[], parameters: readonly string[]) {
  if (chosen.length >= MAX_GROUPINGS) return [];
  const timeChosen = chosen.some(isTimeGrouping);
  return all.filter(
    (g) => !chosen.includes(g) && !(timeChosen && isTimeGrouping(g)) && (g !== 'parameter' || parameters.length > 0),
  );
}

/** `list` with the item at `from` moved to `to` (a new array). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The reader's columns in this browser: a partner's per operator and user, an operator console's per `api-base`.

export const columnsKey = (operatorId: string, userId: string): string =>
  `kabinet.report-columns:${operatorId}:${userId}`;

/** The kept columns (only those the operator still shows), else the default ones. */
export function loadColumns(key: string, allowed: readonly Metric[]): Metric[] {
  let kept: unknown = null;
  try {
    kept = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    kept = null;
  }
  if (Array.isArray(kept)) {
    const valid = kept.filter((m): m is Metric => typeof m === 'string' && allowed.includes(m as Metric));
    if (valid.length) return [...new Set(valid)];
  }
  const defaults = DEFAULT_COLUMNS.filter((m) => allowed.includes(m));
  return defaults.length ? defaults : allowed.slice(0, 6);
}

export function saveColumns(key: string, columns: readonly Metric[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(columns));
  } catch {
    // Storage full or blocked (a private window): the choice lasts until the page closes.
  }
}
