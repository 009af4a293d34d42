/**
 * Money is an integer count of minor units plus a currency code; never a float.
 * Parsing and formatting go through strings and BigInt so no binary rounding can creep in.
 */

/** Decimal places per currency: ISO 4217 for fiat, the common on-chain/exchange precision for coins. */
export const CURRENCY_EXPONENTS = {
  // fiat
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  RUB: 2,
  UAH: 2,
  KZT: 2,
  PLN: 2,
  CZK: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  BRL: 2,
  MXN: 2,
  INR: 2,
  TRY: 2,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  ZAR: 2,
  NGN: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  HUF: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
  JOD: 3,
  // crypto
  BTC: 8,
  LTC: 8,
  DOGE: 8,
  BCH: 8,
  USDT: 6,
  USDC: 6,
  TRX: 6,
  XRP: 6,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;
export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];

export interface Money {
  /** Integer minor units (cents, satoshi…). Always a safe integer. */
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export class MoneyError extends Error {
  constructor(
    readonly reason:
      | 'unknown_currency'
      | 'malformed'
      | 'too_precise'
      | 'out_of_range'
      | 'currency_mismatch'
      | 'negative',
    message: string,
  ) {
    super(message);
  }
}

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

export function currencyExponent(code: string): number {
  if (!isCurrencyCode(code)) throw new MoneyError('unknown_currency', `Unknown currency "${code}"`);
  return CURRENCY_EXPONENTS[code];
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal string ("-12.5", "0.00000001") into minor units without floats. */
export function parseMoney(input: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(input.trim());
  if (!match) throw new MoneyError('malformed', `"${input}" is not a decimal amount like 1234.56`);
  const [, sign, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyError('too_precise', `${currency} has ${exponent} decimal places; "${input}" has more`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent)) * (sign === '-' ? -1n : 1n);
  return money(minor, currency);
}

/**
 * The most a single payout may be, in minor units (10^12: ten billion of a two-decimal
 * currency). Nothing real comes close; a bigger number is a sender's bug or an attack, and it
 * would overflow sums of a few payouts before reports could show them.
 */
export const MAX_PAYOUT_MINOR = 1_000_000_000_000;

/** Which input a payout problem is about, so callers name the right parameter. */
export const payoutProblemField = (error: MoneyError): 'amount' | 'currency' =>
  error.reason === 'unknown_currency' ? 'currency' : 'amount';

/**
 * The one reading of a payout, whoever sends it (a tracker, a CPA network, the operator): a plain
 * non-negative decimal string of at most the currency's decimal places (trailing zeros are fine:
 * "10.0000" is 10.00), at most MAX_PAYOUT_MINOR, in a supported currency (any letter case).
 * Refusals are MoneyErrors; `payoutProblemField` says whether the amount or the currency is wrong.
 */
export function parsePayout(amount: string, currency: string): Money {
  const code = currency.trim().toUpperCase();
  currencyExponent(code);
  const text = amount.trim();
  // Long enough for any real amount in any supported currency; longer is refused before BigInt sees it.
  if (text.length > 40 || !/^-?\d+(\.\d+)?$/.test(text))
    throw new MoneyError('malformed', `"${amount.slice(0, 40)}" is not a decimal amount like 12.50`);
  if (text.startsWith('-') && /[1-9]/.test(text))
    throw new MoneyError('negative', `a payout cannot be negative (got "${text}")`);
  const value = parseMoney(text, code);
  if (value.minor > MAX_PAYOUT_MINOR) {
    throw new MoneyError('out_of_range', `a payout is at most ${formatMoney(money(MAX_PAYOUT_MINOR, code))} ${code}`);
  }
  return value;
}

/** Builds Money from minor units, refusing anything that is not an exact safe integer. */
export function money(minor: number | bigint, currency: string): Money {
  currencyExponent(currency);
  const big = typeof minor === 'bigint' ? minor : Number.isInteger(minor) ? BigInt(minor) : null;
  if (big === null) throw new MoneyError('malformed', `Minor units must be an integer, got ${minor}`);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('out_of_range', `Amount is outside the supported range for ${currency}`);
  }
  // Normalise -0 so formatting and equality never see a negative zero.
  return { minor: Number(big) || 0, currency: currency as CurrencyCode };
}

/** Formats as a plain decimal string with exactly the currency's decimal places ("1234.50"). */
export function formatMoney(value: Money): string {
  const exponent = currencyExponent(value.currency);
  const negative = value.minor < 0;
  const digits = BigInt(Math.abs(value.minor))
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Locale display ("1 234,50 €"); Intl formats the decimal string exactly, with no float step. */
/** A stored amount as its decimal string, or null when the row has no amount or no currency. */
export function formatStoredAmount(
  minor: number | null | undefined,
  currency: string | null | undefined,
): string | null {
  return minor !== null && minor !== undefined && currency ? formatMoney(money(minor, currency)) : null;
}

export function formatMoneyForDisplay(value: Money, locale: string): string {
  const exponent = currencyExponent(value.currency);
  const isIso = Intl.supportedValuesOf?.('currency').includes(value.currency) ?? exponent <= 3;
  const decimal = formatMoney(value) as unknown as number; // Intl accepts decimal strings as exact values
  if (isIso) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(decimal);
  }
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(decimal);
  return `${number} ${value.currency}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw new MoneyError('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.minor) + BigInt(b.minor), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.minor) - BigInt(b.minor), a.currency);
}
