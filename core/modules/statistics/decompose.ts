/**
 * A local period as a signed sum of whole UTC blocks. A day in Berlin is 23:00–23:00 UTC: the
 * UTC day it mostly covers, minus the hour that belongs to the next local day, plus the hour
 * from the day before. Rounding each edge to the nearest block of the largest size and mending
 * the difference with smaller blocks (added or taken away) reads few rows for any zone: one day
 * row and two hour rows per local day in Berlin; quarter hours only where an offset needs them.
 */

import { addDays, dayStartIn, localDateAt } from '../../lib/time-zones.ts';

/** The `grain` of a span over the local-day cubes (their rows are whole local days, not UTC blocks). */
export const LOCAL_DAY = -1;

/** Blocks of one size to add (sign 1) or take away (sign -1): [lo, hi) in ms, both multiples of `grain`. */
export interface Span {
  grain: number;
  lo: number;
  hi: number;
  sign: 1 | -1;
}

const nearest = (t: number, grain: number) => Math.round(t / grain) * grain;

/**
 * Spans whose signed sum is exactly [start, end). `grains` from largest to smallest; the smallest
 * must divide both ends (quarter hours for any zone in use today).
 */
export function decompose(start: number, end: number, grains: readonly number[], sign: 1 | -1 = 1): Span[] {
  if (start === end) return [];
  if (start > end) return decompose(end, start, grains, sign === 1 ? -1 : 1);
  for (const [i, grain] of grains.entries()) {
    const last = i === grains.length - 1;
    const lo = last ? start : nearest(start, grain);
    const hi = last ? end : nearest(end, grain);
    if (last && (lo % grain !== 0 || hi % grain !== 0))
      throw new Error(`decompose: ${start}–${end} is not made of ${grain} ms blocks`);
    if (lo >= hi) continue;
    const smaller = grains.slice(i + 1);
    return [{ grain, lo, hi, sign }, ...decompose(start, lo, smaller, sign), ...decompose(hi, end, smaller, sign)];
  }
  throw new Error(`decompose: ${start}–${end} is shorter than the smallest block`);
}

/** Local days a report may read from the local-day cubes: rolled up in `zone` before `until`, except `changed`. */
export interface ReadableDays {
  zone: string;
  until: number;
  /** Local dates (YYYY-MM-DD) changed since they were rolled up. */
  changed: ReadonlySet<string>;
}

/**
 * [start, end) as spans: each run of whole readable local days is one span over the local-day
 * cubes; what is left (partial days, days not rolled up or changed since) is UTC blocks.
 */
export function spansOf(start: number, end: number, grains: readonly number[], days: ReadableDays | null): Span[] {
  if (!days || days.until <= start) return decompose(start, end, grains);
  const spans: Span[] = [];
  let utcFrom = start;
  let localFrom: number | null = null;
  const closeLocal = (at: number) => {
    if (localFrom !== null && at > localFrom) spans.push({ grain: LOCAL_DAY, lo: localFrom, hi: at, sign: 1 });
    localFrom = null;
  };
  for (let date = localDateAt(days.zone, start); ; date = addDays(date, 1)) {
    const lo = dayStartIn(days.zone, date);
    if (lo >= end) break;
    const hi = dayStartIn(days.zone, addDays(date, 1));
    const readable = lo >= start && hi <= end && hi <= days.until && !days.changed.has(date);
    if (readable) {
      if (localFrom === null) {
        spans.push(...decompose(utcFrom, lo, grains));
        localFrom = lo;
      }
    } else if (localFrom !== null) {
      closeLocal(lo);
      utcFrom = lo;
    }
    if (readable) utcFrom = hi;
  }
  closeLocal(utcFrom);
  spans.push(...decompose(utcFrom, end, grains));
  return spans;
}
