/**
 * LIKE patterns that take a user's text literally ("50%_off" finds "50%_off", not "50 anything off"),
 * within D1's limit: it refuses a LIKE pattern longer than 50 bytes (SQLITE_LIMIT_LIKE_PATTERN_LENGTH)
 * with an error, so schemas check the length up front and answer 422 instead.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

export const LIKE_PATTERN_MAX_BYTES = 50;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** `%text%` with `\`, `%` and `_` escaped (the query says `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many characters of `text` fit in one pattern: its whole length when it fits. */
export function likeFittingLength(text: string): number {
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && utf8Bytes(containsPattern(chars.slice(0, n).join(''))) > LIKE_PATTERN_MAX_BYTES) n--;
  return n;
}

/** Whether `text` can be searched for as one pattern on every runtime (D1 included). */
export const fitsLikePattern = (text: string): boolean => utf8Bytes(containsPattern(text)) <= LIKE_PATTERN_MAX_BYTES;

/**
 * The spellings of `text` a case-insensitive search tries. SQLite's LIKE folds case for ASCII
 * only, so "азарт" would miss "Азарт Медиа": besides the text as typed, its lower, UPPER and
 * Capitalized spellings are tried (covering names as people write them, not every mixed case).
 * Spellings that would not fit one pattern (a few letters grow when cased) are left out.
 */
export function caseSpellings(text: string): string[] {
  const lower = text.toLocaleLowerCase();
  const capitalized = lower.replace(/(^|[\s\-.'"«(])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toLocaleUpperCase();
  });
  return [...new Set([text, lower, text.toLocaleUpperCase(), capitalized])].filter(fitsLikePattern);
}

/** `column LIKE %text%` for each spelling, any of them. */
export function containsAnySpelling(column: SQLWrapper, text: string): SQL {
  const tests = caseSpellings(text).map((s) => sql`${column} like ${containsPattern(s)} escape '\\'`);
  return sql`(${sql.join(tests, sql` or `)})`;
}
