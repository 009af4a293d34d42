/**
 * Prefixed random ids ("op_01JD…"): the prefix tells a reader what a string names, the first
 * 10 characters are the creation time so ids sort by age, the rest is 80 bits of randomness.
 */
import type { Clock } from './clock.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export const ID_PREFIXES = [
  'op',
  'brand',
  'partner',
  'user',
  'key',
  'job',
  'req',
  'sess',
  'ott',
  'evt',
  'rc',
  'mail',
  'v',
  'camp',
  'promo',
  'land',
  'crt',
  'ts',
  'plan',
  'pb',
  'pbd',
  'pba',
  'conv',
  'cch',
  'nc',
  'noff',
  'lacc',
  'ltr',
  'bill',
  'bcor',
  'brun',
  'brev',
  'pm',
  'pacc',
  'cout',
  'coch',
  'csch',
  'rrep',
  'rfav',
  'mgr',
  'ntf',
  'news',
  'staff',
  'ssess',
  'stok',
  'terms',
  'tacc',
  'rfld',
  'doc',
  /** Network API: a log row, a sync run or test, a lead. */
  'nal',
  'nsr',
  'nlead',
] as const;
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

// Random bytes are drawn 4 KiB at a time: one call per 256 ids instead of one per id (a tracking
// link makes one per click). Each byte is still used once.
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

/** `count` (≤ 4096) fresh random bytes, each masked to a base32 digit. */
function randomDigits(count: number): number[] {
  if (poolUsed + count > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const digits: number[] = [];
  for (let i = 0; i < count; i++) digits.push(pool[poolUsed + i]! & 31);
  poolUsed += count;
  return digits;
}

export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

// Within one millisecond ids count up from the last random part (ULID's monotonic mode), so ids
// made in one process sort in creation order even when the clock stands still (tests, bursts).
let lastTime = '';
let lastRandom: number[] = [];

function nextRandom(): number[] {
  const digits = [...lastRandom];
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]!++;
      return digits;
    }
    digits[i] = 0;
  }
  return randomDigits(16);
}

export function newId(prefix: IdPrefix, clock?: Clock): string {
  const time = encodeTime(clock ? clock.now().getTime() : Date.now());
  lastRandom = time === lastTime ? nextRandom() : randomDigits(16);
  lastTime = time;
  let random = '';
  for (const digit of lastRandom) random += ALPHABET[digit];
  return `${prefix}_${time}${random}`;
}

/**
 * The smallest id of this prefix made at `at` or later: every id made from then on sorts above it,
 * every earlier one below (a watermark "up to then" compared with ids).
 */
export function idFloorAt(prefix: IdPrefix, at: Date): string {
  return `${prefix}_${encodeTime(at.getTime())}`;
}

const ID_SHAPE = /^[a-z]+_[0-9A-Z_a-z]{4,64}$/;
/** Ids from outside are checked for shape only; existence is the service's job (404). */
export function looksLikeId(value: string, prefix: IdPrefix): boolean {
  return value.startsWith(`${prefix}_`) && ID_SHAPE.test(value);
}
