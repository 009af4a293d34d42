/**
 * From cube sums to report rows: rows folded across currencies (counts add up, amounts stay per
 * currency), totals, sorting, and the values as the API shows them (amounts per currency or
 * converted at one date's rates; CR and FTD rate as percentages).
 */
import type { TenantRead } from '../../lib/context.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { convertMinor, ratesOn } from './exchange-rates.ts';
import type { PeriodCut, TimeGrouping } from './periods.ts';
import type { Attribute, CubeRow } from './report-sql.ts';
import type { Grouping, Metric, ReportQuery } from './schemas.ts';

export const COUNT_METRICS = [
  'clicks',
  'uniqueClicks',
  'botClicks',
  'registrations',
  'leads',
  'ftdCount',
  'depositCount',
  'saleCount',
] as const;
/** Report amount → cube column. */
export const AMOUNT_COLUMNS = {
  ftdAmount: 'ftdAmount',
  depositAmount: 'depositAmount',
  ngr: 'ngrAmount',
  saleAmount: 'saleAmount',
} as const;
type CountMetric = (typeof COUNT_METRICS)[number];
/** Amounts a row holds: the cubes' sums, and costs and commissions added after the query. */
export type AmountMetric = keyof typeof AMOUNT_COLUMNS | 'cost' | 'commission';

/** One report row before presentation: its key, counts, and amounts in minor units per currency. */
export interface Folded {
  key: Record<string, string>;
  counts: Record<CountMetric, number>;
  /** Only metrics with an amount have a map (most rows have one currency and some none). */
  amounts: Partial<Record<AmountMetric, Map<string, number>>>;
}

const NO_AMOUNTS: ReadonlyMap<string, number> = new Map();
/** A row's amounts of one metric, per currency (empty when it has none). */
export const amountsOf = (f: Folded, metric: AmountMetric): ReadonlyMap<string, number> =>
  f.amounts[metric] ?? NO_AMOUNTS;

export function emptyFolded(key: Record<string, string>): Folded {
  return {
    key,
    counts: {
      clicks: 0,
      uniqueClicks: 0,
      botClicks: 0,
      registrations: 0,
      leads: 0,
      ftdCount: 0,
      depositCount: 0,
      saleCount: 0,
    },
    amounts: {},
  };
}

/** Adds to a currency's amount; an amount that nets to zero is no amount (as if nothing happened). */
export function addAmount(f: Folded, metric: AmountMetric, currency: string, minor: number) {
  const amounts = (f.amounts[metric] ??= new Map());
  const sum = (amounts.get(currency) ?? 0) + minor;
  if (sum === 0) amounts.delete(currency);
  else amounts.set(currency, sum);
}

/** Every amount a row holds: the cubes' and those added after the query. */
const AMOUNT_METRICS: readonly AmountMetric[] = [
  ...(Object.keys(AMOUNT_COLUMNS) as AmountMetric[]),
  'cost',
  'commission',
];

const isEmpty = (f: Folded) =>
  COUNT_METRICS.every((m) => f.counts[m] === 0) && AMOUNT_METRICS.every((m) => amountsOf(f, m).size === 0);

/** The row key a cube row belongs to: each grouping's value in the order asked. */
export function rowKey(groupBy: readonly Grouping[], timeLabel: string, attributes: readonly string[]) {
  const key: Record<string, string> = {};
  let i = 0;
  for (const g of groupBy) key[g] = TIME_SET.has(g) ? timeLabel : (attributes[i++] ?? '');
  return key;
}
const TIME_SET = new Set<string>(['hour', 'day', 'week', 'month', 'year']);

/**
 * Cube rows (per period cut, attributes and currency) into report rows. Signed sums can leave a
 * combination that nets to nothing (all it had was taken away again): such rows are dropped, as
 * a GROUP BY over the raw rows would never have made them.
 */
export function foldRows(
  rows: readonly CubeRow[],
  cuts: readonly PeriodCut[],
  _grouping: { time: TimeGrouping | null; attributes: Attribute[] },
  groupBy: readonly Grouping[],
): Folded[] {
  const byKey = new Map<string, Folded>();
  for (const r of rows) {
    const label = cuts[r.period]?.label ?? '';
    const id = `${label}\u0000${r.groups.join('\u0000')}`;
    let f = byKey.get(id);
    if (!f) byKey.set(id, (f = emptyFolded(rowKey(groupBy, label, r.groups))));
    for (const m of COUNT_METRICS) f.counts[m] += r[m];
    if (r.currency)
      for (const [metric, column] of AMOUNTS) {
        const minor = r[column];
        if (minor !== 0) addAmount(f, metric, r.currency, minor);
      }
  }
  return [...byKey.values()].filter((f) => !isEmpty(f));
}
const AMOUNTS = Object.entries(AMOUNT_COLUMNS) as Array<
  [AmountMetric, (typeof AMOUNT_COLUMNS)[keyof typeof AMOUNT_COLUMNS]]
>;

export function sumTotals(rows: readonly Folded[]): Folded {
  const total = emptyFolded({});
  for (const r of rows) {
    for (const m of COUNT_METRICS) total.counts[m] += r.counts[m];
    for (const metric of AMOUNT_METRICS)
      for (const [currency, minor] of amountsOf(r, metric)) addAmount(total, metric, currency, minor);
  }
  return total;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/** Values as the API shows them, for one presentation (each currency, or converted at one date). */
export async function presentValues(
  ctx: TenantRead,
  options: {
    metrics: readonly Metric[];
    currency: string | null;
    ratesDate: string | null;
    costKnown: boolean;
    /** Whether the rows carry their bills' commissions (then profit, ROI and EPC are known too). */
    commissionKnown: boolean;
    rows: readonly Folded[];
  },
) {
  const { metrics, currency } = options;
  const seen = new Set<string>();
  for (const r of options.rows) for (const m of AMOUNT_METRICS) for (const c of amountsOf(r, m).keys()) seen.add(c);
  const rates =
    currency && options.ratesDate
      ? await ratesOn(ctx, { date: options.ratesDate, currencies: [...seen, currency] })
      : null;
  const missing = new Set<string>();
  /** Minor units of the report currency, or null in each-currency mode. */
  const converted = (amounts: ReadonlyMap<string, number>) => {
    if (!currency || !rates) return null;
    let sum = 0;
    for (const [c, minor] of amounts) {
      const value = convertMinor(minor, c, currency, rates);
      if (value === null) missing.add(c);
      else sum += value;
    }
    return sum;
  };
  const show = (amounts: ReadonlyMap<string, number>) => {
    const sum = converted(amounts);
    if (sum !== null) return { [currency!]: formatMoney(money(sum, currency!)) };
    return Object.fromEntries(
      [...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([c, minor]) => [c, formatMoney(money(minor, c))]),
    );
  };
  const { costKnown, commissionKnown } = options;
  /** Commission less cost, per currency. */
  const profitOf = (row: Folded) => {
    const profit = new Map(amountsOf(row, 'commission'));
    for (const [c, minor] of amountsOf(row, 'cost')) profit.set(c, (profit.get(c) ?? 0) - minor);
    return profit;
  };
  /** Profit ÷ cost, %: in the report currency, or when commission and cost share one currency; else null. */
  const roiOf = (row: Folded): number | null => {
    if (!costKnown || !commissionKnown) return null;
    const cost = amountsOf(row, 'cost');
    const profit = profitOf(row);
    let costMinor = converted(cost);
    let profitMinor = converted(profit);
    if (costMinor === null || profitMinor === null) {
      const currencies = new Set([...cost.keys(), ...profit.keys()]);
      if (currencies.size !== 1) return null;
      const [only] = currencies;
      costMinor = cost.get(only!) ?? 0;
      profitMinor = profit.get(only!) ?? 0;
    }
    return costMinor > 0 ? percent(profitMinor, costMinor) : null;
  };
  /** Commission per click, rounded to the currency's minor unit; null without clicks. */
  const epcOf = (row: Folded) => {
    const clicks = row.counts.clicks;
    if (!commissionKnown || clicks === 0) return null;
    const perClick = (minor: number) => Math.round(minor / clicks) || 0;
    const commission = amountsOf(row, 'commission');
    const sum = converted(commission);
    if (sum !== null) return { [currency!]: formatMoney(money(perClick(sum), currency!)) };
    return Object.fromEntries(
      [...commission]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([c, minor]) => [c, formatMoney(money(perClick(minor), c))]),
    );
  };
  const summed = (amounts: ReadonlyMap<string, number>) =>
    converted(amounts) ?? [...amounts.values()].reduce((a, b) => a + b, 0);
  return {
    values(row: Folded): Record<string, number | Record<string, string> | null> {
      const out: Record<string, number | Record<string, string> | null> = {};
      for (const m of metrics) {
        if (m === 'cr') out[m] = percent(row.counts.registrations, row.counts.clicks);
        else if (m === 'ftdRate') out[m] = percent(row.counts.ftdCount, row.counts.registrations);
        else if (m === 'cost') out[m] = costKnown ? show(amountsOf(row, 'cost')) : null;
        else if (m === 'commission') out[m] = commissionKnown ? show(amountsOf(row, 'commission')) : null;
        else if (m === 'profit') out[m] = costKnown && commissionKnown ? show(profitOf(row)) : null;
        else if (m === 'roi') out[m] = roiOf(row);
        else if (m === 'epc') out[m] = epcOf(row);
        else if (m in AMOUNT_COLUMNS) out[m] = show(amountsOf(row, m as AmountMetric));
        else out[m] = row.counts[m as CountMetric];
      }
      return out;
    },
    /** What a row sorts by for `metric`: counts and rates as they are, amounts in the report currency (or their sum of minor units). */
    sortValue(row: Folded, metric: Metric): number {
      if (metric === 'cr') return percent(row.counts.registrations, row.counts.clicks) ?? -1;
      if (metric === 'ftdRate') return percent(row.counts.ftdCount, row.counts.registrations) ?? -1;
      if (metric === 'cost' || metric === 'commission' || metric in AMOUNT_COLUMNS)
        return summed(amountsOf(row, metric as AmountMetric));
      if (metric === 'profit') return summed(profitOf(row));
      if (metric === 'roi') return roiOf(row) ?? Number.NEGATIVE_INFINITY;
      if (metric === 'epc') return row.counts.clicks ? summed(amountsOf(row, 'commission')) / row.counts.clicks : -1;
      return row.counts[metric as CountMetric];
    },
    missingRates: () => [...missing].sort(),
  };
}

/**
 * What a report sorts by: the asked column, else the time grouping ascending, else clicks
 * descending (or the first grouping when clicks are hidden); ties by the row key ascending.
 */
export function sortOf(query: Pick<ReportQuery, 'sort' | 'order' | 'groupBy'>, metrics: readonly Metric[]) {
  const time = query.groupBy.find((g) => TIME_SET.has(g));
  const sort = query.sort ?? time ?? (metrics.includes('clicks') ? 'clicks' : (query.groupBy[0] ?? 'clicks'));
  const order = query.order ?? (sort === time || (query.groupBy as string[]).includes(sort) ? 'asc' : 'desc');
  return { sort, direction: order === 'asc' ? 1 : -1, byGroup: (query.groupBy as string[]).includes(sort) };
}

const compare = <T extends string | number>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted as asked: by a metric or a grouping; default the time grouping ascending, else clicks descending. */
export function sortRows(
  rows: Folded[],
  query: Pick<ReportQuery, 'sort' | 'order' | 'groupBy'>,
  metrics: readonly Metric[],
  sortValue: (row: Folded, metric: Metric) => number,
): Folded[] {
  const { sort, direction, byGroup } = sortOf(query, metrics);
  // Each row's sort value and tie-break key computed once (a report may have tens of thousands of rows).
  const decorated = rows.map((row) => ({
    row,
    value: byGroup ? (row.key[sort] ?? '') : sortValue(row, sort as Metric),
    tie: Object.values(row.key).join('\u0000'),
  }));
  decorated.sort((a, b) => compare(a.value, b.value) * direction || compare(a.tie, b.tie));
  return decorated.map((d) => d.row);
}
