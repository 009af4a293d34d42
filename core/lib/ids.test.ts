import { describe, expect, it } from 'vitest';
import { manualClock } from './clock.ts';
import { looksLikeId, newId } from './ids.ts';

describe('ids', () => {
  it('are prefixed, 26 characters of Crockford base32 after the prefix', () => {
    const id = newId('op');
    expect(id).toMatch(/^op_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(looksLikeId(id, 'op')).toBe(true);
    expect(looksLikeId(id, 'user')).toBe(false);
  });

  it('sort by creation time, and in creation order within one millisecond', () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const sameMs = Array.from({ length: 200 }, () => newId('evt', clock));
    expect([...sameMs].sort()).toEqual(sameMs);
    clock.advance(1);
    const later = newId('evt', clock);
    expect(later > sameMs[sameMs.length - 1]!).toBe(true);
    expect(new Set(sameMs).size).toBe(200);
  });
});
