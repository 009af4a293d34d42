/**
 * The period keys a report uses (`2026-11-30`, `2026-W48`, `2026-11`, `2026`), listed from a first
 * to a last day, so a chart shows the days without traffic as zeros instead of skipping them.
 * Calendar arithmetic in UTC on purpose: the keys are the report's own calendar days, already in
 * its time zone.
 */

const DAY_MS = 86_400_000;
const toDay = (date: Date): string => date.toISOString().slice(0, 10);
const parseDay = (day: string): Date => new Date(`${day.slice(0, 10)}T00:00:00Z`);

/** ISO 8601 week key of a day: `2026-W48` (the week's Thursday names its year). */
export function isoWeekKey(day: string): string {
  const date = parseDay(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * DAY_MS;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whole days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  const span = Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS) + 1;
  return Math.max(0, span);
}

/**
 * Every key of `grouping` from `from` to `to` (days `YYYY-MM-DD`), in order; null for groupings
 * whose keys are not calendar periods or when the range is too long to draw (over 1000 keys).
 */
export function periodKeys(grouping: string, from: string, to: string): string[] | null {
  if (!['day', 'week', 'month', 'year'].includes(grouping)) return null;
  const days = daysBetween(from, to);
  if (days === 0 || days > 3660) return null;
  const keys: string[] = [];
  const start = parseDay(from).getTime();
  for (let i = 0; i < days; i++) {
    const day = toDay(new Date(start + i * DAY_MS));
    const key =
      grouping === 'day'
        ? day
        : grouping === 'week'
          ? isoWeekKey(day)
          : grouping === 'month'
            ? day.slice(0, 7)
            : day.slice(0, 4);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys.length > 1000 ? null : keys;
}
