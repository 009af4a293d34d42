import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { EcbCsvError, parseEcbRatesCsv, readEcbDate } from './ecb-rates-csv.ts';

/** eurofxref-hist.csv as the ECB publishes it: every currency it ever quoted, N/A where it no longer does. */
const HIST_HEADER =
  'Date,USD,JPY,BGN,CYP,CZK,DKK,EEK,GBP,HUF,LTL,LVL,MTL,PLN,ROL,RON,SEK,SIT,SKK,CHF,ISK,NOK,HRK,RUB,TRL,TRY,AUD,' +
  'BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR,';
const HIST = [
  HIST_HEADER,
  '2026-11-27,1.0553,160.9,N/A,N/A,25.112,7.4598,N/A,0.83245,391.85,N/A,N/A,N/A,4.2385,N/A,5.0876,11.2045,N/A,N/A,' +
    '0.9381,146.3,11.6435,N/A,N/A,N/A,44.8812,1.6512,6.2087,1.4823,7.6482,8.2157,17205.43,3.8421,91.3275,1512.66,' +
    '20.4518,4.6512,1.8277,61.873,1.4215,36.512,19.0712,',
  '2026-11-26,1.0548,160.62,N/A,N/A,25.098,7.4597,N/A,0.83301,392.4,N/A,N/A,N/A,4.2411,N/A,5.0869,11.1985,N/A,N/A,' +
    '0.9377,146.1,11.6502,N/A,N/A,N/A,44.8421,1.6498,6.2011,1.4817,7.6431,8.2118,17198.2,3.8402,91.2914,1511.2,' +
    '20.4401,4.6498,1.8269,61.81,1.4209,36.488,19.0655,',
  // 2022-02-28, before the ECB stopped quoting the rouble: RUB is a Kabinet currency, so it is kept.
  '2022-02-28,1.1216,129.28,1.9558,N/A,24.825,7.4404,N/A,0.83816,371.2,N/A,N/A,N/A,4.6662,N/A,4.9484,10.6095,N/A,N/A,' +
    '1.0355,141.2,10.0068,7.5345,98.2226,N/A,15.5512,1.5549,5.7712,1.4264,7.0866,8.7638,16085.05,3.6218,84.659,' +
    '1350.11,23.0275,4.7065,1.6657,57.6,1.5201,36.636,17.2295,',
].join('\n');

/** eurofxref.csv, the day's rates: spaces after commas, a long date, trailing zeros kept. */
const DAILY = [
  'Date, USD, JPY, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, ' +
    'MXN, MYR, NZD, PHP, SGD, THB, ZAR, ',
  '27 November 2026, 1.0553, 160.90, 25.112, 7.4598, 0.83245, 391.85, 4.2385, 5.0876, 11.2045, 0.9381, 146.30, ' +
    '11.6435, 44.8812, 1.6512, 6.2087, 1.4823, 7.6482, 8.2157, 17205.43, 3.8421, 91.3275, 1512.66, 20.4518, 4.6512, ' +
    '1.8277, 61.873, 1.4215, 36.512, 19.0712, ',
  '',
].join('\r\n');

const rateOf = (rates: Array<{ date: string; currency: string; perEur: string }>, date: string, currency: string) =>
  rates.find((r) => r.date === date && r.currency === currency)?.perEur;

describe('ECB reference-rate CSV', () => {
  it('reads eurofxref-hist.csv: supported currencies only, N/A left out, decimals exactly as written', () => {
    // Each row as wide as the header: a date, 41 currencies and the trailing comma.
    expect(HIST.split('\n').map((l) => l.split(',').length)).toEqual([43, 43, 43, 43]);
    const { rates, skipped, ignoredCurrencies } = parseEcbRatesCsv(HIST);
    expect(skipped).toEqual([]);
    expect(ignoredCurrencies).toEqual([
      'BGN',
      'CYP',
      'EEK',
      'LTL',
      'LVL',
      'MTL',
      'ROL',
      'RON',
      'SIT',
      'SKK',
      'HRK',
      'TRL',
      'IDR',
      'ILS',
      'MYR',
      'PHP',
      'THB',
    ]);
    expect(rates.slice(0, 3)).toEqual([
      { date: '2026-11-27', currency: 'USD', perEur: '1.0553' },
      { date: '2026-11-27', currency: 'JPY', perEur: '160.9' },
      { date: '2026-11-27', currency: 'CZK', perEur: '25.112' },
    ]);
    expect(rateOf(rates, '2026-11-27', 'GBP')).toBe('0.83245');
    expect(rateOf(rates, '2026-11-26', 'KRW')).toBe('1511.2');
    expect(rateOf(rates, '2026-11-27', 'RUB')).toBeUndefined();
    expect(rateOf(rates, '2022-02-28', 'RUB')).toBe('98.2226');
    const currencies = new Set(rates.map((r) => r.currency));
    expect([...currencies].every((c) => (CURRENCY_CODES as string[]).includes(c))).toBe(true);
    // 23 supported currencies on each 2026 day; 2022 adds RUB.
    expect(rates.filter((r) => r.date === '2026-11-27')).toHaveLength(23);
    expect(rates.filter((r) => r.date === '2022-02-28')).toHaveLength(24);
    for (const r of rates) expect(typeof r.perEur).toBe('string');
  });

  it('reads the one-day eurofxref.csv: spaces around cells, "27 November 2026", CRLF, trailing comma', () => {
    const { rates, skipped, ignoredCurrencies } = parseEcbRatesCsv(DAILY);
    expect(skipped).toEqual([]);
    expect(ignoredCurrencies).toEqual(['RON', 'IDR', 'ILS', 'MYR', 'PHP', 'THB']);
    expect(new Set(rates.map((r) => r.date))).toEqual(new Set(['2026-11-27']));
    expect(rates).toHaveLength(23);
    expect(rateOf(rates, '2026-11-27', 'JPY')).toBe('160.90');
    expect(rateOf(rates, '2026-11-27', 'ZAR')).toBe('19.0712');
    expect(rateOf(rates, '2026-11-27', 'ISK')).toBe('146.30');
  });

  it('a bad cell skips that rate, a bad date its line; both are reported with line numbers', () => {
    const text = [
      '\uFEFFDate,USD,GBP,JPY,',
      '2026-11-27,1.0553,0.83245,160.9,',
      '',
      '2026-11-26,abc,0.83301,-160.62,',
      '2026-02-30,1.05,0.83,160,',
      'yesterday,1.05,0.83,160,',
      '2026-11-25,0,1e3,160.123456789012,',
      '2026-11-24,1.0541,0.8331,160.4,99,',
      '2026-11-23, 1.0538 ,"0.83342", N/A ,,,',
      '2026-11-20,1.0520,,',
    ].join('\n');
    const { rates, skipped } = parseEcbRatesCsv(text);
    expect(rates).toEqual([
      { date: '2026-11-27', currency: 'USD', perEur: '1.0553' },
      { date: '2026-11-27', currency: 'GBP', perEur: '0.83245' },
      { date: '2026-11-27', currency: 'JPY', perEur: '160.9' },
      { date: '2026-11-26', currency: 'GBP', perEur: '0.83301' },
      { date: '2026-11-23', currency: 'USD', perEur: '1.0538' },
      { date: '2026-11-23', currency: 'GBP', perEur: '0.83342' },
      { date: '2026-11-20', currency: 'USD', perEur: '1.0520' },
    ]);
    expect(skipped).toEqual([
      { line: 4, reason: 'USD on 2026-11-26: "abc" is not a positive decimal like 1.0553' },
      { line: 4, reason: 'JPY on 2026-11-26: "-160.62" is not a positive decimal like 1.0553' },
      { line: 5, reason: '"2026-02-30" is not a date like 2026-11-27 or 27 November 2026' },
      { line: 6, reason: '"yesterday" is not a date like 2026-11-27 or 27 November 2026' },
      { line: 7, reason: 'USD on 2026-11-25: "0" is not above zero' },
      { line: 7, reason: 'GBP on 2026-11-25: "1e3" is not a positive decimal like 1.0553' },
      { line: 7, reason: 'JPY on 2026-11-25: "160.123456789012" has more than 9 whole digits or 10 decimals' },
      { line: 8, reason: '5 cells but the header has 4 columns' },
    ]);
  });

  it('ignores EUR and unsupported columns, and reads an upper- or lower-case header', () => {
    const { rates, ignoredCurrencies } = parseEcbRatesCsv('date,eur,usd,XAU,usd\n2026-11-27,1,1.0553,0.00041,1.2\n');
    expect(ignoredCurrencies).toEqual(['EUR', 'XAU']);
    // A repeated column counts once: the first.
    expect(rates).toEqual([{ date: '2026-11-27', currency: 'USD', perEur: '1.0553' }]);
  });

  it('refuses a file that is not an ECB rates CSV', () => {
    expect(() => parseEcbRatesCsv('')).toThrow(EcbCsvError);
    expect(() => parseEcbRatesCsv('\n \n')).toThrow('the file is empty');
    expect(() => parseEcbRatesCsv('currency,rate\nUSD,1.05\n')).toThrow(/should be a header starting with "Date,"/);
    expect(() => parseEcbRatesCsv('Date\n2026-11-27\n')).toThrow(/should name currencies/);
    expect(() => parseEcbRatesCsv('Date,1.05,160\n')).toThrow(/should name currencies/);
  });

  it('reads both date forms and refuses days that do not exist', () => {
    expect(readEcbDate('2026-11-27')).toBe('2026-11-27');
    expect(readEcbDate('27 November 2026')).toBe('2026-11-27');
    expect(readEcbDate('2 january 2026')).toBe('2026-01-02');
    expect(readEcbDate('5  Sep  2026')).toBe('2026-09-05');
    expect(readEcbDate('29 February 2027')).toBeNull();
    expect(readEcbDate('2026-13-01')).toBeNull();
    expect(readEcbDate('27/11/2026')).toBeNull();
    expect(readEcbDate('27 Novembre 2026')).toBeNull();
  });
});
