/**
 * The performance report as an Excel workbook, written by SheetJS CE (@e965/xlsx: pure JavaScript,
 * no Node built-ins, so the same code runs on Node, Deno and Workers). Sheet "Report": a header
 * row, then a row per report row with the CSV's columns (groupings as text, counts and rates as
 * numbers, amounts one column per currency as numbers formatted with the currency's code and its
 * minor digits). Sheet "Totals": the period and the same metric columns, one row.
 *
 * No writer streams XLSX on Workers (a zip of XML parts, the shared strings written last), so the
 * workbook is built whole in memory; MAX_XLSX_CELLS keeps that within a Worker's 128 MB.
 */
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import { currencyExponent, isCurrencyCode } from '../../lib/money.ts';
import { checkCurrencies, currenciesOf, reportColumns, type Column, type Row } from './export-formats.ts';
import type { Report } from './run-report.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * The most cells (rows × columns) a workbook holds. SheetJS builds each sheet's XML as strings and
 * zips it in memory: measured on Node 20 with the old space capped at 100 MB, 230,000 cells were
 * written (10,000 rows × 23 columns: every metric in two currencies; and 30,000 rows × 6) and
 * 240,000 ran out (and so did 12,000 × 23); 150,000 leaves a Worker's 128 MB room for the rest.
 */
export const MAX_XLSX_CELLS = 150_000;

/** The cells a report's workbook would have, from its first page: every row (and the header) × its columns. */
export const workbookCells = (first: Report): number =>
  (first.total + 1) * reportColumns(first, currenciesOf(first)).length;

/**
 * The workbook of a report: `first` is the report's first answer (its columns, period and totals),
 * `rows` every row of the report, as one array or as pages in order (the first page included).
 * Throws a RangeError past MAX_XLSX_CELLS: callers check `workbookCells(first)` before.
 */
export async function writeReportWorkbook(
  first: Report,
  rows: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]> | readonly Row[],
): Promise<Uint8Array> {
  const width = reportColumns(first, currenciesOf(first)).length;
  const all: Row[] = [];
  const add = (row: Row) => {
    all.push(row);
    if ((all.length + 1) * width > MAX_XLSX_CELLS) throw tooBig();
  };
  if (isRowList(rows)) for (const row of rows) add(row);
  else for await (const page of rows) for (const row of page) add(row);
  // Held whole anyway: the currency columns come from every row, not only the first page.
  const currencies = currenciesOf(first, all);
  const known = new Set(currencies);
  const columns = reportColumns(first, currencies);
  if ((all.length + 1) * columns.length > MAX_XLSX_CELLS) throw tooBig();
  const header = columns.map((c) => text(c.name));
  const data: CellObject[][] = [header];
  for (const row of all) {
    checkCurrencies(first, known, row);
    data.push(columns.map((c) => cellOf(c, row)));
  }
  const metricColumns = columns.filter((c) => c.kind !== 'key');
  const totalsRow = { key: {}, labels: {}, values: first.totals };
  const totals: CellObject[][] = [
    [text('period'), ...metricColumns.map((c) => text(c.name))],
    [text(`${first.period.from}/${first.period.to}`), ...metricColumns.map((c) => cellOf(c, totalsRow))],
  ];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheetOf(data), 'Report');
  utils.book_append_sheet(book, sheetOf(totals), 'Totals');
  const bytes = write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(bytes);
}

const tooBig = () => new RangeError(`a workbook holds at most ${MAX_XLSX_CELLS} cells (rows × columns)`);

const isRowList = (rows: unknown): rows is readonly Row[] =>
  Array.isArray(rows) && (rows.length === 0 || !Array.isArray(rows[0]));

/** A text cell: always a string, never a formula, whatever it starts with (`=HYPERLINK(…)` stays text). */
const text = (value: string): CellObject => ({ t: 's', v: value });
const EMPTY: CellObject = { t: 'z' };

function cellOf(column: Column, row: Row): CellObject {
  const value = column.cell(row);
  if (value === null || value === undefined || value === '') return EMPTY;
  if (column.kind === 'key') return text(String(value));
  if (column.kind === 'amount') return { t: 'n', v: Number(value), z: moneyFormat(column.currency!) };
  return column.kind === 'rate' ? { t: 'n', v: Number(value), z: '0.00' } : { t: 'n', v: Number(value) };
}

/** `#,##0.00 "EUR"`: grouped digits, the currency's minor digits, its code after the number. */
export function moneyFormat(currency: string): string {
  const digits = isCurrencyCode(currency) ? currencyExponent(currency) : 2;
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
}

/** A dense sheet (rows of cells, not one object key per address): about half the memory of a sparse one. */
function sheetOf(data: CellObject[][]): WorkSheet {
  const width = Math.max(1, data[0]?.length ?? 0);
  return {
    '!data': data,
    '!ref': utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: width - 1 } }),
  } as WorkSheet;
}
