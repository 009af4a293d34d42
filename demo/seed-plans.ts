/**
 * Demo commission plans with real terms, so every kind appears in the demo: CPA with
 * qualification rules, RevShare with and without carry-over, Hybrid with volume tiers, tiered
 * RevShare by NGR, CPL per country, sub-affiliate levels, and one scheduled change of terms.
 * The first two plans of each operator are defaults (every partner's campaigns use them).
 */
import type { StoreContext } from '../core/lib/context.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { addDays } from '../core/lib/time-zones.ts';
import { commissionPlans, planVersions } from '../core/modules/commissions/table.ts';
import { kindOf, storeTerms, type PlanTerms } from '../core/modules/commissions/terms.ts';

interface PlanSeed {
  name: string;
  isDefault: boolean;
  terms: PlanTerms;
  /** Terms that take effect on the first day of next month. */
  next?: PlanTerms;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const usd = (amount: string) => ({ amount, currency: 'USD' });

function luckySpinPlans(cryptoBrandId: string | undefined): PlanSeed[] {
  const revshare: PlanTerms = {
    billingPeriod: 'monthly',
    revshare: { percent: '35', negativeCarryOver: true },
    subAffiliate: { levels: ['5', '2'] },
  };
  return [
    {
      name: 'RevShare 35%',
      isDefault: true,
      terms: revshare,
      next: { ...revshare, revshare: { percent: '40', negativeCarryOver: true } },
    },
    {
      name: 'CPA €150',
      isDefault: true,
      terms: {
        billingPeriod: 'weekly',
        cpa: {
          amounts: [
            eur('150'),
            ...(cryptoBrandId ? [{ brandId: cryptoBrandId, amount: '165', currency: 'USDT' }] : []),
          ],
          qualification: {
            minFirstDeposit: [eur('20'), { amount: '25', currency: 'USDT' }],
            minDeposits: 3,
            withinDays: 30,
          },
        },
      },
    },
    {
      name: 'Hybrid VIP',
      isDefault: false,
      terms: {
        billingPeriod: 'monthly',
        cpa: { amounts: [eur('100')], qualification: { minFirstDeposit: [eur('50')], withinDays: 14 } },
        revshare: { percent: '25', negativeCarryOver: false },
        tiers: {
          basis: 'qualified_players',
          pays: 'whole_period',
          steps: [
            { minPlayers: 20, cpa: eur('120') },
            { minPlayers: 50, cpa: eur('150') },
          ],
        },
      },
    },
    {
      name: 'RevShare ladder',
      isDefault: false,
      terms: {
        billingPeriod: 'monthly',
        revshare: { percent: '25', negativeCarryOver: true },
        tiers: {
          basis: 'ngr',
          pays: 'above_threshold',
          steps: [
            { minNgr: eur('10000'), percent: '30' },
            { minNgr: eur('50000'), percent: '40' },
          ],
        },
      },
    },
  ];
}

const northwindPlans = (): PlanSeed[] => [
  {
    name: 'IB RevShare 30%',
    isDefault: true,
    terms: {
      billingPeriod: 'monthly',
      revshare: { percent: '30', negativeCarryOver: false },
      subAffiliate: { levels: ['10', '5', '2'] },
    },
  },
  {
    name: 'CPA $600',
    isDefault: true,
    terms: {
      billingPeriod: 'weekly',
      cpa: {
        amounts: [usd('600')],
        qualification: { minFirstDeposit: [usd('250')], minWager: [usd('1000')], withinDays: 14 },
      },
    },
  },
  {
    name: 'CPL leads',
    isDefault: false,
    terms: {
      billingPeriod: 'daily',
      cpl: {
        per: 'lead',
        amounts: [{ country: 'DE', ...usd('40') }, { country: 'GB', ...usd('35') }, usd('25')],
      },
    },
  },
];

/** Inserts one demo operator's plans and their versions; returns them, defaults first. */
export async function seedDemoPlans(
  ctx: StoreContext,
  op: { key: string; operatorId: string; brands: Array<{ id: string; currency: string }>; created: Date },
  maxParams: number | undefined,
) {
  const crypto = op.brands.find((b) => b.currency === 'USDT')?.id;
  const seeds = op.key === 'luckyspin' ? luckySpinPlans(crypto) : northwindPlans();
  // The first terms start on the first day of the month the plans were made in: on or before the
  // first seeded event (10 days after), and on a period start, so the first bills are whole periods.
  const firstDay = `${op.created.toISOString().slice(0, 7)}-01`;
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const nextMonth = addDays(`${today.slice(0, 8)}01`, 32).slice(0, 8) + '01';
  const plans = seeds.map((seed) => {
    const terms = storeTerms(seed.terms);
    return {
      id: newId('plan', ctx.clock),
      operatorId: op.operatorId,
      name: seed.name,
      kind: kindOf(terms),
      notes: null,
      isDefault: seed.isDefault,
      supportsSubAffiliates: terms.subAffiliate !== undefined,
      createdAt: op.created,
    };
  });
  const versions = seeds.flatMap((seed, i) => {
    const base = { planId: plans[i]!.id, operatorId: op.operatorId, createdAt: op.created };
    return [
      { ...base, effectiveFrom: firstDay, terms: storeTerms(seed.terms) },
      ...(seed.next ? [{ ...base, effectiveFrom: nextMonth, terms: storeTerms(seed.next) }] : []),
    ];
  });
  await insertMany(ctx.db, commissionPlans, plans, { maxParams });
  await insertMany(ctx.db, planVersions, versions, { maxParams });
  return plans;
}
