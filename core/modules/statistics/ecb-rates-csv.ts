/**
 * The ECB's euro reference rates as CSV, read into exchange rates (units of a currency per euro,
 * by date). Two layouts, both with a header of currency codes after a "Date" column:
 * - eurofxref-hist.csv (every day since 1999): `Date,USD,JPY,BGN,…,` then `2026-11-27,1.0553,160.9,…,`;
 *   currencies the ECB no longer quotes are `N/A` on later days.
 * - eurofxref.csv (one day): `Date, USD, JPY, …, ` then `27 November 2026, 1.0553, 160.9, …, `.
 * Cells may have spaces around them and a trailing comma. Currencies Kabinet does not support
 * (and EUR itself, 1 by definition) are ignored; rates stay the file's decimal strings, never
 * floats. A cell that is not a positive decimal skips that rate; a bad date skips its line.
 * Pure: no I/O (the CLI reads the file, services save the rates).
 */
import { CURRENCY_CODES } from '../../lib/money.ts';
import type { ExchangeRate } from './exchange-rates.ts';

export interface EcbCsvSkip {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  reason: string;
}

export interface EcbCsvResult {
  rates: ExchangeRate[];
  skipped: EcbCsvSkip[];
  /** Header columns that are not currencies Kabinet supports (e.g. BGN, IDR), in file order. */
  ignoredCurrencies: string[];
}

/** The file is not an ECB reference-rate CSV at all (no usable header). */
export class EcbCsvError extends Error {}

const SUPPORTED = new Set<string>(CURRENCY_CODES);
/** As the exchange-rate API takes them: at most 9 whole digits and 10 decimals. */
const RATE = /^\d{1,9}(?:\.\d{1,10})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONG_DATE = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MISSING = new Set(['', 'N/A', 'NA', '-']);

function cell(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** `2026-11-27` or `27 November 2026` (or `27 Nov 2026`) as YYYY-MM-DD; null if neither or no such day. */
export function readEcbDate(text: string): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const long = LONG_DATE.exec(text.replace(/\s+/g, ' '));
  if (!long) return null;
  const name = long[2]!.toLowerCase();
  const month = MONTHS.findIndex((m) => m === name || (name.length === 3 && m.startsWith(name)));
  return month < 0 ? null : isoDate(Number(long[3]), month + 1, Number(long[1]));
}

/** Why a cell is not a rate, or null when it is one. */
function rateProblem(value: string): string | null {
  if (RATE.test(value)) return /[1-9]/.test(value) ? null : 'is not above zero';
  if (/^\d+(?:\.\d+)?$/.test(value)) return 'has more than 9 whole digits or 10 decimals';
  return 'is not a positive decimal like 1.0553';
}

export function parseEcbRatesCsv(text: string): EcbCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new EcbCsvError('the file is empty');
  const header = lines[headerIndex]!.split(',').map(cell);
  if (header[0]?.toLowerCase() !== 'date')
    throw new EcbCsvError(
      `line ${headerIndex + 1} should be a header starting with "Date," followed by currency codes, as in ` +
        `eurofxref-hist.csv (got "${lines[headerIndex]!.trim().slice(0, 60)}")`,
    );
  // Trailing empty header cells are the ECB's trailing comma.
  while (header.length > 1 && header.at(-1) === '') header.pop();
  const codes = header.slice(1).map((c) => c.toUpperCase());
  if (codes.length === 0 || codes.some((c) => !/^[A-Z]{3,5}$/.test(c)))
    throw new EcbCsvError(
      `line ${headerIndex + 1}: after "Date" the header should name currencies (USD, JPY, …), got "${codes.join(', ')}"`,
    );
  const columns: Array<{ index: number; currency: string }> = [];
  const ignoredCurrencies: string[] = [];
  const seen = new Set<string>();
  codes.forEach((currency, i) => {
    if (SUPPORTED.has(currency) && currency !== 'EUR' && !seen.has(currency)) {
      seen.add(currency);
      columns.push({ index: i + 1, currency });
    } else if (!seen.has(currency)) ignoredCurrencies.push(currency);
  });

  const rates: ExchangeRate[] = [];
  const skipped: EcbCsvSkip[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = raw.split(',').map(cell);
    while (cells.length > header.length && cells.at(-1) === '') cells.pop();
    if (cells.length > header.length) {
      skipped.push({ line, reason: `${cells.length} cells but the header has ${header.length} columns` });
      continue;
    }
    const date = readEcbDate(cells[0]!);
    if (!date) {
      skipped.push({ line, reason: `"${cells[0]!.slice(0, 40)}" is not a date like 2026-11-27 or 27 November 2026` });
      continue;
    }
    for (const { index, currency } of columns) {
      const value = cells[index] ?? '';
      if (MISSING.has(value.toUpperCase())) continue;
      const problem = rateProblem(value);
      if (problem) skipped.push({ line, reason: `${currency} on ${date}: "${value.slice(0, 40)}" ${problem}` });
      else rates.push({ date, currency, perEur: value });
    }
  }
  return { rates, skipped, ignoredCurrencies };
}
