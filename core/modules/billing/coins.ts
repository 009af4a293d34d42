/**
 * Currencies shown as "coin" beside fiat amounts (the seed's bills have fiat and coin amounts; the
 * demo's brands bill in both): bills and qualifications mark their amounts with it.
 */
const COINS = new Set(['BTC', 'LTC', 'DOGE', 'BCH', 'USDT', 'USDC', 'TRX', 'XRP']);

export const isCoin = (currency: string): boolean => COINS.has(currency);
