import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CURRENCY_CODES,
  CURRENCY_EXPONENTS,
  MAX_PAYOUT_MINOR,
  MoneyError,
  addMoney,
  formatMoney,
  formatMoneyForDisplay,
  money,
  parseMoney,
  parsePayout,
  payoutProblemField,
  subtractMoney,
} from './money.ts';

const currency = fc.constantFrom(...CURRENCY_CODES);
const safeMinor = fc.bigInt({ min: BigInt(Number.MIN_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) });

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as MoneyError).reason;
  }
  return 'no error';
};

describe('money', () => {
  it('knows fiat and crypto exponents', () => {
    expect([
      CURRENCY_EXPONENTS.EUR,
      CURRENCY_EXPONENTS.JPY,
      CURRENCY_EXPONENTS.BTC,
      CURRENCY_EXPONENTS.USDT,
      CURRENCY_EXPONENTS.KWD,
    ]).toEqual([2, 0, 8, 6, 3]);
  });

  it('parses decimal strings into exact minor units', () => {
    expect(parseMoney('1234.56', 'EUR')).toEqual({ minor: 123456, currency: 'EUR' });
    expect(parseMoney('0.1', 'EUR').minor).toBe(10);
    expect(parseMoney('-0.00000001', 'BTC').minor).toBe(-1);
    expect(parseMoney('500', 'JPY').minor).toBe(500);
    expect(parseMoney('12.500000', 'USDT').minor).toBe(12_500_000);
    expect(parseMoney('1.10', 'EUR').minor).toBe(110);
    expect(parseMoney('-0', 'EUR')).toEqual({ minor: 0, currency: 'EUR' });
  });

  it('refuses what it cannot represent exactly, naming the reason', () => {
    expect(reason(() => parseMoney('1.234', 'EUR'))).toBe('too_precise');
    expect(reason(() => parseMoney('1.5', 'JPY'))).toBe('too_precise');
    expect(reason(() => parseMoney('1,50', 'EUR'))).toBe('malformed');
    expect(reason(() => parseMoney('1e3', 'EUR'))).toBe('malformed');
    expect(reason(() => parseMoney('', 'EUR'))).toBe('malformed');
    expect(reason(() => parseMoney('1', 'XXX'))).toBe('unknown_currency');
    expect(reason(() => parseMoney('999999999999999999', 'EUR'))).toBe('out_of_range');
    expect(reason(() => money(1.5, 'EUR'))).toBe('malformed');
    expect(reason(() => addMoney(money(1, 'EUR'), money(1, 'USD')))).toBe('currency_mismatch');
  });

  it('accepts trailing zeros beyond the exponent (they change nothing)', () => {
    expect(parseMoney('1.2300', 'EUR').minor).toBe(123);
  });

  it('round-trips format → parse for every currency and amount', () => {
    fc.assert(
      fc.property(currency, safeMinor, (code, minor) => {
        const value = money(minor, code);
        const text = formatMoney(value);
        expect(text).toMatch(CURRENCY_EXPONENTS[code] > 0 ? /^-?\d+\.\d+$/ : /^-?\d+$/);
        expect(parseMoney(text, code)).toEqual(value);
      }),
    );
  });

  it('round-trips parse → format for decimal strings with allowed precision', () => {
    const decimal = currency.chain((code) =>
      fc.tuple(
        fc.constant(code),
        fc.bigInt({ min: 0n, max: 10n ** 7n }), // 10^7 whole units keep even 8-decimal coins within safe integers
        fc.bigInt({ min: 0n, max: 10n ** BigInt(CURRENCY_EXPONENTS[code]) - 1n }),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(decimal, ([code, whole, fraction, negative]) => {
        const exponent = CURRENCY_EXPONENTS[code];
        const text = `${negative && (whole > 0n || fraction > 0n) ? '-' : ''}${whole}${exponent ? `.${fraction.toString().padStart(exponent, '0')}` : ''}`;
        expect(formatMoney(parseMoney(text, code))).toBe(text);
      }),
    );
  });

  it('adds and subtracts exactly where floats would drift', () => {
    const sum = [0.1, 0.2].reduce((acc, n) => addMoney(acc, parseMoney(String(n), 'EUR')), money(0, 'EUR'));
    expect(formatMoney(sum)).toBe('0.30');
    expect(formatMoney(subtractMoney(parseMoney('0.3', 'BTC'), parseMoney('0.1', 'BTC')))).toBe('0.20000000');
    fc.assert(
      fc.property(
        currency,
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        (code, a, b) => {
          expect(subtractMoney(addMoney(money(a, code), money(b, code)), money(b, code))).toEqual(money(a, code));
        },
      ),
    );
  });

  it("formats for display in the user's locale without losing digits", () => {
    expect(formatMoneyForDisplay(parseMoney('1234.5', 'EUR'), 'en')).toBe('€1,234.50');
    expect(formatMoneyForDisplay(parseMoney('1234.5', 'EUR'), 'ru').replace(/\s/g, ' ')).toBe('1 234,50 €');
    expect(formatMoneyForDisplay(parseMoney('90071992.54740991', 'BTC'), 'en')).toBe('90,071,992.54740991 BTC');
  });

  it('reads payouts one way for every sender: non-negative, bounded, exact, in a known currency', () => {
    expect(parsePayout('12.50', 'usd')).toEqual({ minor: 1250, currency: 'USD' });
    expect(parsePayout(' 10.0000 ', 'EUR').minor).toBe(1000);
    expect(parsePayout('0', 'EUR').minor).toBe(0);
    expect(parsePayout('-0.00', 'EUR').minor).toBe(0);
    expect(parsePayout('0.5', 'USDT')).toEqual({ minor: 500_000, currency: 'USDT' });
    expect(parsePayout('10000000000.00', 'USD').minor).toBe(MAX_PAYOUT_MINOR);
    const refusal = (amount: string, code = 'USD') => {
      try {
        parsePayout(amount, code);
      } catch (e) {
        return [(e as MoneyError).reason, payoutProblemField(e as MoneyError)];
      }
      return 'accepted';
    };
    expect(refusal('-5.00')).toEqual(['negative', 'amount']);
    expect(refusal('-0.01')).toEqual(['negative', 'amount']);
    expect(refusal('10000000000.01')).toEqual(['out_of_range', 'amount']);
    expect(refusal('1000000000001', 'JPY')).toEqual(['out_of_range', 'amount']);
    expect(refusal('9'.repeat(30))).toEqual(['out_of_range', 'amount']);
    expect(refusal('9'.repeat(41))).toEqual(['malformed', 'amount']);
    expect(refusal('1.001')).toEqual(['too_precise', 'amount']);
    expect(refusal('1.5', 'JPY')).toEqual(['too_precise', 'amount']);
    for (const garbage of ['NaN', 'Infinity', '1e3', '0x10', '1,50', '+5', '', ' ', '5 USD', '١٢'])
      expect(refusal(garbage)).toEqual(['malformed', 'amount']);
    expect(refusal('5', 'XXX')).toEqual(['unknown_currency', 'currency']);
    expect(refusal('5', '')).toEqual(['unknown_currency', 'currency']);
  });
});
