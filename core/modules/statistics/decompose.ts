/**
 * A local period as a signed sum of whole UTC blocks. A day in Berlin is 23:00–23:00 UTC: the
 * UTC day it mostly covers, minus the hour that belongs to the next local day, plus the hour
 * from the day before. Rounding each edge to the nearest block of the largest size and mending
 * the difference with smaller blocks (added or taken away) reads few rows for any zone: one day
 * row and two hour rows per local day in Berlin; quarter hours only where an offset needs them.
 */

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
