/**
 * CSV for spreadsheets (RFC 4180): cells quoted when they hold a comma, a quote or a line break,
 * lines ended by CRLF, and a UTF-8 byte-order mark first, without which Excel reads UTF-8 as the
 * local code page and Cyrillic names turn into mojibake. A cell that starts with = + - @, a tab or
 * a carriage return would run as a formula when the file is opened (CSV injection: a partner names
 * itself `=HYPERLINK(…)`), so it gets a leading apostrophe, which spreadsheets read as "text".
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formulas neutralised, then quoted (quotes doubled) when RFC 4180 needs it. Empty for null. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the byte-order mark, then the header and each row as a CRLF-ended line. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
