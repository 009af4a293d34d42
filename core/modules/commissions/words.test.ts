import { describe, expect, it } from 'vitest';
import { storeTerms, type PlanTerms } from './terms.ts';
import { planWords, type PlanLocale } from './words.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const brands = new Map([['brand_crypto', 'Lucky Crypto']]);
// Intl puts a no-break space between a number and "€" in Russian; compare with plain spaces.
const words = (terms: PlanTerms | null, locale: PlanLocale) =>
  planWords(terms && storeTerms(terms), locale, { brands }).map((l) => l.replace(/[\u00a0\u202f]/g, ' '));

const table: Array<[string, PlanTerms | null, string[], string[]]> = [
  [
    'CPA with a first-deposit rule',
    {
      billingPeriod: 'monthly',
      cpa: { amounts: [eur('150')], qualification: { minFirstDeposit: [eur('20')], withinDays: 30 } },
    },
    ['CPA €150 per player who deposits €20+ within 30 days of registration', 'Billed monthly'],
    [
      'CPA 150 € за игрока, который внёс первый депозит от 20 € в течение 30 дней после регистрации',
      'Расчёт ежемесячно',
    ],
  ],
  [
    'CPA per brand and currency, every rule, countries',
    {
      billingPeriod: 'weekly',
      cpa: {
        amounts: [eur('100'), { brandId: 'brand_crypto', amount: '110.5', currency: 'USDT' }],
        qualification: {
          minDeposits: 3,
          minWager: [eur('200')],
          minNgr: [eur('50')],
          withinDays: 21,
          countries: ['DE', 'AT'],
        },
      },
    },
    [
      'CPA €100; 110.50 USDT for Lucky Crypto per player who makes 3+ deposits, wagers €200+, and ' +
        'brings €50+ NGR within 21 days of registration (players from Germany, Austria)',
      'Billed weekly',
    ],
    [
      'CPA 100 €; 110,50 USDT для Lucky Crypto за игрока, который сделал от 3 депозитов, поставил от ' +
        '200 € и принёс NGR от 50 € в течение 21 дня после регистрации (игроки из стран: Германия, ' +
        'Австрия)',
      'Расчёт еженедельно',
    ],
  ],
  [
    'RevShare with carry-over, sub-affiliate levels',
    {
      billingPeriod: 'monthly',
      revshare: { percent: '35', negativeCarryOver: true },
      subAffiliate: { levels: ['5', '2'] },
    },
    [
      'RevShare 35% of NGR, negative balance carried over',
      'Sub-affiliates: 5% of level 1 earnings, 2% of level 2',
      'Billed monthly',
    ],
    [
      'RevShare 35% от NGR, отрицательный баланс переносится',
      'Суб-партнёры: 5% от заработка 1-го уровня, 2% — 2-го уровня',
      'Расчёт ежемесячно',
    ],
  ],
  [
    'RevShare tiers by NGR, above each threshold, no carry-over',
    {
      billingPeriod: 'monthly',
      revshare: { percent: '25', negativeCarryOver: false },
      tiers: { basis: 'ngr', pays: 'above_threshold', steps: [{ minNgr: eur('10000'), percent: '30.5' }] },
    },
    [
      'RevShare 25% of NGR, negative balance reset each period',
      'Tiers by NGR in the period: from €10,000: RevShare 30.5%; each rate pays only above its threshold',
      'Billed monthly',
    ],
    [
      'RevShare 25% от NGR, отрицательный баланс обнуляется каждый период',
      'Уровни по NGR за период: от 10 000 €: RevShare 30,5%; каждая ставка — только сверх своего порога',
      'Расчёт ежемесячно',
    ],
  ],
  [
    'CPA tiers by qualified players',
    {
      billingPeriod: 'monthly',
      cpa: { amounts: [eur('100')] },
      tiers: { basis: 'qualified_players', pays: 'whole_period', steps: [{ minPlayers: 20, cpa: eur('120') }] },
    },
    [
      'CPA €100 per player',
      'Tiers by qualified players in the period: from 20: CPA €120; the tier reached pays the whole period',
      'Billed monthly',
    ],
    [
      'CPA 100 € за игрока',
      'Уровни по числу квалифицированных игроков за период: от 20: CPA 120 €; достигнутый уровень оплачивает весь период',
      'Расчёт ежемесячно',
    ],
  ],
  [
    'CPL per country',
    {
      billingPeriod: 'daily',
      cpl: { per: 'registration', amounts: [{ country: 'DE', ...eur('5') }, eur('2.50')] },
    },
    ['CPL per registration: €5 from Germany, €2.50 elsewhere', 'Billed daily'],
    ['CPL за регистрацию: 5 € — Германия, 2,50 € — остальные страны', 'Расчёт ежедневно'],
  ],
  ['terms not set up', null, ['Terms not set'], ['Условия не заданы']],
];

describe('plan terms in words', () => {
  it.each(table)('%s', (_name, terms, en, ru) => {
    expect(words(terms, 'en')).toEqual(en);
    expect(words(terms, 'ru')).toEqual(ru);
  });
});
