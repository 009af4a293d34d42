/**
 * CSV for spreadsheets (RFC 4180): cells quoted when they hold a comma, a quote or a line break,
 * lines ended by CRLF, and a UTF-8 byte-order mark first, without which Excel reads UTF-8 as the
 * local code page and Cyrillic names turn into mojibake. A text cell that starts with = + - @, a
 * tab or a carriage return would run as a formula when the file is opened (CSV injection: a partner
 * names itself `=HYPERLINK(…)`), so it gets a leading apostrophe, which spreadsheets read as "text".
 * Numbers are left alone, negative ones included: `-12.50` can only ever be that number, and an
 * apostrophe would turn a negative NGR into text no sum adds up.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** A plain decimal, as money (decimal strings) and counts are written: read back as the number it is. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: numbers as they are, text formulas neutralised, then quoted (quotes doubled) when RFC 4180 needs it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const numeric = (typeof value === 'number' && Number.isFinite(value)) || PLAIN_NUMBER.test(raw);
  const text = !numeric && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-ended line (what a streamed file writes row by row). */
export const csvLine = (cells: readonly CsvValue[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The whole file: the byte-order mark, then the header and each row as a CRLF-ended line. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let file = `\uFEFF${csvLine(header)}`;
  for (const row of rows) file += csvLine(row);
  return file;
}
