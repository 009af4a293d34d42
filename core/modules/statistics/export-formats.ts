/**
 * How a performance report is written as a file, a page of rows at a time: each writer gets the
 * first page (the columns are fixed from it) and answers the file's opening, one page of rows,
 * and its end with the totals. Nothing here holds more than the page it is given.
 *
 * CSV: the groupings (an id grouping as `<grouping>` = its name and `<grouping>Id` = the id;
 * periods, countries, devices, OS and parameters as their value), then each metric; an amount
 * gets a column per currency (`depositAmount EUR`), empty where the row has none; the last line
 * is the totals with `Total` in the first column. Without groupings the first column is `period`
 * (`<from>/<to>`). JSON: the report as the API answers it, with every row. XML: see `xmlWriter`.
 */
import { csvLine, type CsvValue } from '../../lib/csv.ts';
import type { Report } from './run-report.ts';
import { AMOUNT_METRICS, RATE_METRICS, type Metric } from './schemas.ts';

export type Row = Report['rows'][number];
type Values = Report['totals'];

export interface ReportWriter {
  head(): string;
  rows(rows: readonly Row[]): string;
  /** The end: totals, and (JSON) how many rows were written. */
  tail(written: number): string;
}

/** Groupings whose values are ids the report names (report-labels.ts). */
const NAMED = new Set(['brand', 'plan', 'campaign', 'promo', 'landing', 'creative', 'trafficSource', 'partner']);
const AMOUNTS = new Set<string>(AMOUNT_METRICS);
const isAmount = (m: Metric) => AMOUNTS.has(m);

/**
 * The currencies amount columns are cut into: the report currency, or every one the totals and the
 * given rows show (the first page for a streamed file, every row for a workbook held whole).
 */
export function currenciesOf(report: Report, rows: readonly Row[] = report.rows): string[] {
  if (report.currency.currency) return [report.currency.currency];
  const seen = new Set<string>();
  for (const values of [report.totals, ...rows.map((r) => r.values)])
    for (const m of report.metrics.filter(isAmount)) for (const c of Object.keys(amountOf(values, m))) seen.add(c);
  return [...seen].sort();
}

const amountOf = (values: Values, metric: Metric): Record<string, string> => {
  const v = values[metric];
  return v && typeof v === 'object' ? v : {};
};

/** What a column holds: a grouping's text, a count, a rate (percent) or an amount in one currency (a decimal string). */
export interface Column {
  name: string;
  kind: 'key' | 'count' | 'rate' | 'amount';
  currency?: string;
  cell(row: Row): CsvValue;
}

/** The columns of a report file (CSV and XLSX share them): groupings first, then each metric, amounts per currency. */
export function reportColumns(first: Report, currencies: readonly string[]): Column[] {
  const columns: Column[] = [];
  if (first.groupBy.length === 0)
    columns.push({ name: 'period', kind: 'key', cell: () => `${first.period.from}/${first.period.to}` });
  for (const g of first.groupBy) {
    if (NAMED.has(g)) {
      columns.push({ name: g, kind: 'key', cell: (r) => r.labels[g] ?? '' });
      columns.push({ name: `${g}Id`, kind: 'key', cell: (r) => r.key[g] ?? '' });
    } else columns.push({ name: g, kind: 'key', cell: (r) => r.key[g] ?? '' });
  }
  for (const m of first.metrics) {
    if (!isAmount(m)) {
      const kind = (RATE_METRICS as readonly string[]).includes(m) ? 'rate' : 'count';
      columns.push({ name: m, kind, cell: (r) => r.values[m] as number | null });
      continue;
    }
    for (const c of currencies)
      columns.push({ name: `${m} ${c}`, kind: 'amount', currency: c, cell: (r) => amountOf(r.values, m)[c] ?? null });
  }
  return columns;
}

/** A currency the columns lack (its every amount netted to zero in the totals) would be dropped: fail loudly instead. */
export function checkCurrencies(first: Report, known: ReadonlySet<string>, row: Row) {
  for (const m of first.metrics.filter(isAmount))
    for (const c of Object.keys(amountOf(row.values, m)))
      if (!known.has(c)) throw new Error(`report export: ${m} in ${c} has no column`);
}

export function csvWriter(first: Report, bom: boolean): ReportWriter {
  const currencies = currenciesOf(first);
  const known = new Set(currencies);
  const columns = reportColumns(first, currencies);
  const keyColumns = columns.filter((c) => c.kind === 'key').length;
  const line = (row: Row) => {
    checkCurrencies(first, known, row);
    return csvLine(columns.map((col) => col.cell(row)));
  };
  return {
    head: () => `${bom ? '\uFEFF' : ''}${csvLine(columns.map((c) => c.name))}`,
    rows: (rows) => rows.map(line).join(''),
    tail: () => {
      const cells = columns.map((col, i) =>
        i === 0 ? 'Total' : i < keyColumns ? '' : col.cell({ key: {}, labels: {}, values: first.totals }),
      );
      return csvLine(cells);
    },
  };
}

export function jsonWriter(first: Report): ReportWriter {
  let separator = '';
  const { period, groupBy, metrics, currency } = first;
  return {
    head: () => `${JSON.stringify({ period, groupBy, metrics, currency }).slice(0, -1)},"rows":[`,
    rows: (rows) =>
      rows
        .map((row) => {
          const text = `${separator}${JSON.stringify(row)}`;
          separator = ',';
          return text;
        })
        .join(''),
    tail: (written) =>
      `],${JSON.stringify({ totals: first.totals, total: written, commissions: first.commissions }).slice(1)}`,
  };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text and attribute values escaped; characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates) become U+FFFD. */
export const xmlText = (value: string): string =>
  value
    .replace(
      // oxlint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/**
 * XML: `<report from to timeZone currencyMode [currency] [ratesDate]>`, a `<row>` per row, then
 * `<totals>`. A row holds, per grouping, `<campaign><key>…</key><label>…</label></campaign>` (the
 * label where the report names the id), then each metric as an element of its name: a count or a
 * rate as text (empty when the rate has no divisor), an amount as one `<depositAmount
 * currency="EUR">12.50</depositAmount>` per currency (none when it has none; `cost` is empty when
 * the report cannot know it).
 */
export function xmlWriter(first: Report): ReportWriter {
  const values = (v: Values) =>
    first.metrics
      .map((m) => {
        const value = v[m];
        if (value === null || value === undefined) return `<${m}/>`;
        if (typeof value === 'number') return `<${m}>${value}</${m}>`;
        return Object.entries(value)
          .map(([c, amount]) => `<${m} currency="${xmlText(c)}">${xmlText(amount)}</${m}>`)
          .join('');
      })
      .join('');
  const row = (r: Row) => {
    const groups = first.groupBy
      .map((g) => {
        const label = r.labels[g] === undefined ? '' : `<label>${xmlText(r.labels[g])}</label>`;
        return `<${g}><key>${xmlText(r.key[g] ?? '')}</key>${label}</${g}>`;
      })
      .join('');
    return `<row>${groups}${values(r.values)}</row>\n`;
  };
  const { period, currency } = first;
  const attributes = [
    ['from', period.from],
    ['to', period.to],
    ['timeZone', period.timeZone],
    ['currencyMode', currency.mode],
    ['currency', currency.currency],
    ['ratesDate', currency.ratesDate],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => ` ${k}="${xmlText(v!)}"`)
    .join('');
  return {
    head: () => `<?xml version="1.0" encoding="UTF-8"?>\n<report${attributes}>\n`,
    rows: (rows) => rows.map(row).join(''),
    tail: () => `<totals>${values(first.totals)}</totals>\n</report>\n`,
  };
}
