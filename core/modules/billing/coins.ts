/**
 * Currencies shown as "coin" beside fiat amounts (the demo's brands bill in both). The same list
 * as list-bills.ts keeps for bills; a qualification's amounts are marked the same way.
 */
const COINS = new Set(['BTC', 'LTC', 'DOGE', 'BCH', 'USDT', 'USDC', 'TRX', 'XRP']);

export const isCoin = (currency: string): boolean => COINS.has(currency);
