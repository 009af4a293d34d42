/**
 * Exact arithmetic for bills: fractions of BigInts, so a line's amount is computed exactly and
 * rounded once, half away from zero, to the currency's minor unit. Nothing here touches a float.
 */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export const fraction = (n: bigint | number, d: bigint | number = 1n): Fraction => {
  const num = BigInt(n);
  const den = BigInt(d);
  return den < 0n ? { n: -num, d: -den } : { n: num, d: den };
};

export const ZERO = fraction(0);

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const times = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export const compare = (a: Fraction, b: Fraction): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
export const sum = (values: Iterable<Fraction>): Fraction => {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
};

/** Half away from zero: 2.5 → 3, −2.5 → −3, 2.4 → 2. */
export function round(value: Fraction): number {
  const negative = value.n < 0n;
  const abs = negative ? -value.n : value.n;
  const rounded = (abs * 2n + value.d) / (value.d * 2n);
  return Number(negative ? -rounded : rounded);
}

/** "12.5" → 25/2: a decimal string read exactly. */
export function decimal(text: string): Fraction {
  const negative = text.startsWith('-');
  const [whole = '0', part = ''] = text.replace(/^[-+]/, '').split('.');
  const value = fraction(BigInt(whole + part), 10n ** BigInt(part.length));
  return negative ? fraction(-value.n, value.d) : value;
}

/** A percentage string as the fraction it multiplies by ("35" → 35/100). */
export const percentOf = (percent: string): Fraction => times(decimal(percent), fraction(1, 100));

/** A fraction as a decimal string with at most `digits` decimals (rounded half away), for display. */
export function toDecimal(value: Fraction, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = round(fraction(value.n * scale, value.d));
  const negative = scaled < 0;
  const text = String(Math.abs(scaled)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const part = text.slice(text.length - digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${part ? `.${part}` : ''}`;
}
