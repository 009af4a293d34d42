/**
 * IANA time zones with nothing but Intl (Node, Deno and Workers all carry the tz database): the
 * wall clock at an instant, a zone's offset, and the instant a local date and hour begins,
 * daylight-saving changes and 30- and 45-minute offsets included.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA zone ("Europe/Berlin", "Asia/Kathmandu", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Wall clocks already read, per zone and minute. Intl's formatToParts costs microseconds a call,
 * and a 90-day report's period cuts read a few thousand instants, the same ones report after
 * report; a zone's clock at a given instant never changes, so the cache is exact. Bounded: when
 * it grows past the limit it starts afresh.
 */
const wallClocks = new Map<string, WallClock>();
const WALL_CLOCKS_KEPT = 50_000;

/** The date and time a clock in `zone` shows at the instant `ms`. */
export function wallClock(zone: string, ms: number): WallClock {
  const key = `${zone} ${ms}`;
  const known = wallClocks.get(key);
  if (known) return known;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Object.freeze({
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
  });
  if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

/** Local time minus UTC at the instant `ms`, in milliseconds (+5:45 in Kathmandu is 20,700,000). */
export function offsetAt(zone: string, ms: number): number {
  const w = wallClock(zone, ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The first instant at which `zone`'s clocks show this date and hour or later: a local time in a
 * spring-forward gap begins when the gap ends; a repeated hour begins at its first occurrence.
 */
export function zonedStart(zone: string, year: number, month: number, day: number, hour = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  // The offset just before and just after the wall time (at most one change lies in ±1 day).
  const candidates = [wall - offsetAt(zone, wall - 86_400_000), wall - offsetAt(zone, wall + 86_400_000)];
  candidates.push(wall - offsetAt(zone, candidates[0]!), wall - offsetAt(zone, candidates[1]!));
  let best = Number.POSITIVE_INFINITY;
  for (const t of candidates) {
    const w = wallClock(zone, t);
    if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wall && t < best) best = t;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // In a gap: the clock jumps over `wall`; the local time begins at the jump.
  const before = Math.min(...candidates);
  const after = Math.max(...candidates);
  let lo = before;
  let hi = after;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
    const w = wallClock(zone, mid);
    if (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant of a local date ("YYYY-MM-DD") in `zone`. */
export function dayStartIn(zone: string, date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedStart(zone, y, m, d);
}

/** The local date ("YYYY-MM-DD") in `zone` at an instant. */
export const localDateAt = (zone: string, ms: number): string => isoDate(wallClock(zone, ms));

/** "YYYY-MM-DD" of a wall clock. */
export const isoDate = (w: Pick<WallClock, 'year' | 'month' | 'day'>): string =>
  `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;

/** The calendar date `days` after "YYYY-MM-DD" (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** ISO 8601 week of a date: "2026-W48" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - weekday + 3);
  const weekYear = t.getUTCFullYear();
  // Thursday of week 1: the week holding 4 January.
  const first = new Date(Date.UTC(weekYear, 0, 4));
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((t.getTime() - first.getTime()) / 604_800_000);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
