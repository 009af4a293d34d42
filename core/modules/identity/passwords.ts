/**
 * Password hashing and policy.
 *
 * PBKDF2-HMAC-SHA-256 through Web Crypto: native and identical on Node, Deno and Workers (a
 * memory-hard scrypt/argon2 would be pure JS there and blow the Workers CPU budget). 100,000
 * iterations is the most Cloudflare's Web Crypto accepts; OWASP asks 600,000 for PBKDF2-SHA-256,
 * so the iteration count is stored in every hash and `needsRehash` lets sign-in upgrade a hash
 * when the constant is raised on a runtime that allows it. 16-byte random salt, 32-byte key.
 */
import { DomainError, type FieldProblemReason, type ProblemParams } from '../../lib/errors.ts';
import { timingSafeEqual } from '../../lib/crypto.ts';
import { COMMON_PASSWORDS_TEXT } from './common-passwords.ts';

export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    KEY_BITS,
  );
  return toHex(new Uint8Array(bits));
}

/** Format: `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toHex(salt)}$${await derive(password, salt, PBKDF2_ITERATIONS)}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Unknown users and users without a password still pay for one derivation, so response time
  // does not reveal which emails exist.
  const [scheme, iterations, salt, hash] = (stored ?? `pbkdf2-sha256$${PBKDF2_ITERATIONS}$00$00`).split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return false;
  const derived = await derive(password, fromHex(salt), Number(iterations));
  return stored !== null && timingSafeEqual(derived, hash);
}

export function needsRehash(stored: string): boolean {
  return Number(stored.split('$')[1]) < PBKDF2_ITERATIONS;
}

/**
 * The 10,000 most common passwords of the zxcvbn-ts list, from a generated copy: importing the
 * library put its whole dictionary (about 400 kB) into the Worker bundle to use a third of it.
 */
const COMMON_PASSWORDS = new Set(COMMON_PASSWORDS_TEXT.split(' '));
export const PASSWORD_MIN_LENGTH = 10;

/** Throws a 422 naming the field when a new password is too weak. */
export function assertPasswordAcceptable(password: string, email: string | null, field = 'body.password'): void {
  const fail = (message: string, reason: FieldProblemReason, params: ProblemParams) => {
    throw new DomainError('validation_failed', `${field}: ${message}`, [{ path: field, reason, params, message }]);
  };
  if (password.length < PASSWORD_MIN_LENGTH)
    fail(`must be at least ${PASSWORD_MIN_LENGTH} characters`, 'too_short', { minimum: PASSWORD_MIN_LENGTH });
  const lowered = password.toLowerCase();
  if (
    COMMON_PASSWORDS.has(lowered) ||
    /^(.)\1+$/.test(password) ||
    /^(0123456789|1234567890|abcdefghij)/.test(lowered)
  ) {
    fail('is one of the most common passwords; choose something less guessable', 'weak_password', { rule: 'common' });
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local))
    fail('must not contain your email name', 'weak_password', { rule: 'contains_email' });
}
