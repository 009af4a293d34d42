/**
 * An amount in the partner's language, from its decimal string (never through a float): the
 * portal's header and every section that shows money share it, so it lives outside the lazy chunks.
 */
import type { Locale } from './i18n.ts';

type Numeric = `${number}`;

const fractionDigits = (decimal: string): number => decimal.split('.')[1]?.length ?? 0;

/** One amount (`'1250.5'`, `'EUR'`) as the locale writes money: `€1,250.50`, `1 250,50 €`. */
export function formatAmount(locale: Locale, currency: string, decimal: string): string {
  const digits = fractionDigits(decimal);
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const standard = format.resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: Math.max(standard, digits),
    }).format(decimal as Numeric);
  } catch {
    // Codes Intl does not take as currencies (USDT, a 4-letter crypto code): the number and the
    // code, with the decimals the amount needs (at least two: 114.000000 USDT reads 114.00 USDT).
    const needed = fractionDigits(decimal.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
    const shown = Math.min(digits, Math.max(2, needed));
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: shown, maximumFractionDigits: shown });
    return `${number.format(decimal as Numeric)} ${currency}`;
  }
}
