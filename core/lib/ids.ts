/**
 * Prefixed random ids ("op_01JD…"): the prefix tells a reader what a string names, the first
 * 10 characters are the creation time so ids sort by age, the rest is 80 bits of randomness.
 */
import type { Clock } from './clock.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export const ID_PREFIXES = ['op', 'brand', 'partner', 'user', 'key', 'job', 'req'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

export function newId(prefix: IdPrefix, clock?: Clock): string {
  const ms = clock ? clock.now().getTime() : Date.now();
  return `${prefix}_${encodeTime(ms)}${randomToken(16)}`;
}

const ID_SHAPE = /^[a-z]+_[0-9A-Z_a-z]{4,64}$/;
/** Ids from outside are checked for shape only; existence is the service's job (404). */
export function looksLikeId(value: string, prefix: IdPrefix): boolean {
  return value.startsWith(`${prefix}_`) && ID_SHAPE.test(value);
}
