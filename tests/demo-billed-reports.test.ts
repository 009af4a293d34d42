/**
 * Reports over the demo's bills. The performance report's billed columns (commission, profit, ROI,
 * EPC) per month and partner equal what the bills and uploaded costs hold, read here straight from
 * their tables; grouped finer, they are null. And the demo's sub-affiliates report is not empty:
 * the demo partner of each demo operator has a three-level tree (demo/seed-subaffiliates.ts) and
 * two of its sub-affiliates bring players (demo/seed-subaffiliate-traffic.ts), so the report's
 * default period shows their traffic, and the sub-affiliate bills billing cut from their bills show
 * as earnings in a period their month starts in (the demo's plans bill monthly: the last 30 days
 * hold no bill's start, last month does).
 */
import { and, eq, gte, isNull, lte, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bills } from '../core/modules/billing/table.ts';
import { campaigns } from '../core/modules/campaigns/table.ts';
import { campaignCosts } from '../core/modules/conversions/table.ts';
import { formatMoney, money } from '../core/lib/money.ts';
import type { TenantContext } from '../core/lib/context.ts';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import type { PartnerContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { runSubAffiliateReport } from '../core/modules/statistics/sub-affiliate-report.ts';
import { SubAffiliateReportQuerySchema } from '../core/modules/statistics/sub-affiliate-report-schemas.ts';
import { runOperatorReport, runPartnerReport } from '../core/modules/statistics/run-report.ts';
import { ReportQuerySchema } from '../core/modules/statistics/schemas.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
// The day demo-bills.test.ts seeds on (inside the demo's sample rates).
const clock = manualClock('2026-12-02T14:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  const deps = {
    db: t.db,
    clock,
    secretBox: await createSecretBox('demo-subaffiliate-report-secret-0123456789'),
    publicUrl: 'http://kabinet.test',
  };
  await seedDemo(deps, [], { publicUrl: 'http://kabinet.test', clicks: 3000, maxParams: 32_000 });
}, 120_000);
afterAll(() => t.dispose());

function asDemoPartner(demo: (typeof DEMO_OPERATORS)[number]): PartnerContext {
  return {
    db: t.db,
    clock,
    operatorId: demo.id,
    partner: { operatorId: demo.id, partnerId: demo.partnerId },
  } as unknown as PartnerContext;
}

const report = (demo: (typeof DEMO_OPERATORS)[number], query: object = {}) =>
  runSubAffiliateReport(asDemoPartner(demo), SubAffiliateReportQuerySchema.parse(query));

describe('the demo sub-affiliates report', () => {
  it('shows the tree and its traffic for the default period (the last 30 days)', async () => {
    for (const demo of DEMO_OPERATORS) {
      const answer = await report(demo);
      expect(answer.period.to, demo.id).toBe('2026-12-02');
      expect(answer.levels.map((l) => l.level)).toEqual([1, 2, 3]);
      expect(answer.levels.every((l) => l.subAffiliates > 0 && l.rows.length === l.subAffiliates)).toBe(true);
      const { values } = answer.totals;
      expect(values.clicks, demo.id).toBeGreaterThan(0);
      expect(values.registrations, demo.id).toBeGreaterThan(0);
      expect(Object.keys(values.ngr as object), demo.id).toEqual([demo.brands[0]!.currency]);
      // Level 1 and level 2 each have a sub-affiliate with players.
      for (const level of answer.levels.slice(0, 2)) expect(level.values.registrations).toBeGreaterThan(0);
    }
  });

  it('shows last month’s sub-affiliate bills as earnings, the same figure the performance report bills', async () => {
    for (const demo of DEMO_OPERATORS) {
      const answer = await report(demo, { period: 'last_month' });
      const currency = demo.brands[0]!.currency;
      expect(Object.keys(answer.totals.earned), demo.id).toEqual([currency]);
      const performance = await runPartnerReport(
        asDemoPartner(demo),
        ReportQuerySchema.parse({ period: 'last_month' }),
      );
      const billed = performance.commissions!.byKind.find((k) => k.kind === 'sub_affiliate' && k.currency === currency);
      expect(answer.totals.earned[currency]).toBe(billed!.amount);
    }
  });
});

/** currency → minor units, added into `into[key]`. */
function addTo(into: Map<string, Map<string, number>>, key: string, currency: string, minor: number) {
  const amounts = into.get(key) ?? new Map<string, number>();
  into.set(key, amounts.set(currency, (amounts.get(currency) ?? 0) + minor));
}
/** As the report shows amounts: a sum that nets to zero is no amount, but a derived zero (profit, EPC) is shown. */
const shown = (amounts: Map<string, number> | undefined, derived = false) =>
  Object.fromEntries(
    [...(amounts ?? new Map<string, number>())]
      .filter(([, minor]) => derived || minor !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, minor]) => [c, formatMoney(money(minor, c))]),
  );

describe('billed columns in the performance report', () => {
  const [from, to] = ['2026-08-01', '2026-11-30'];
  const asOperator = (demo: (typeof DEMO_OPERATORS)[number]) =>
    ({ db: t.db, clock, operatorId: demo.id }) as unknown as TenantContext;

  it('per month and partner: commission = the bills, profit = commission − cost, ROI and EPC from them', async () => {
    for (const demo of DEMO_OPERATORS) {
      const answer = await runOperatorReport(
        asOperator(demo),
        ReportQuerySchema.parse({
          period: 'custom',
          from,
          to,
          groupBy: 'month,partner',
          metrics: 'clicks,cost,commission,profit,roi,epc',
          limit: '1000',
        }),
      );
      // Independently: the counted bills (priced, not cancelled, starting in the dates) and the costs, by SQL.
      const commission = new Map<string, Map<string, number>>();
      for (const b of await t.db
        .select()
        .from(bills)
        .where(
          and(
            eq(bills.operatorId, demo.id),
            gte(bills.periodStart, from),
            lte(bills.periodStart, to),
            ne(bills.state, 'cancelled'),
            isNull(bills.waitingFor),
          ),
        ))
        addTo(
          commission,
          `${b.periodStart.slice(0, 7)}|${b.partnerId}`,
          b.currency,
          b.issuedMinor + b.correctionsMinor,
        );
      const cost = new Map<string, Map<string, number>>();
      for (const c of await t.db
        .select({
          day: campaignCosts.day,
          partnerId: campaigns.partnerId,
          currency: campaignCosts.currency,
          minor: campaignCosts.amountMinor,
        })
        .from(campaignCosts)
        .innerJoin(campaigns, eq(campaigns.id, campaignCosts.campaignId))
        .where(and(eq(campaignCosts.operatorId, demo.id), gte(campaignCosts.day, from), lte(campaignCosts.day, to))))
        addTo(cost, `${c.day.slice(0, 7)}|${c.partnerId}`, c.currency, c.minor);
      expect(commission.size, demo.id).toBeGreaterThan(0);
      const rows = new Map(answer.rows.map((r) => [`${r.key.month}|${r.key.partner}`, r.values]));
      for (const key of new Set([...commission.keys(), ...cost.keys()])) {
        const values = rows.get(key);
        expect(values, key).toBeDefined();
        expect(values!.commission, key).toEqual(shown(commission.get(key)));
        expect(values!.cost, key).toEqual(shown(cost.get(key)));
        const profit = new Map(commission.get(key));
        for (const [c, minor] of cost.get(key) ?? []) profit.set(c, (profit.get(c) ?? 0) - minor);
        expect(values!.profit, key).toEqual(shown(profit, true));
        // ROI is profit ÷ cost when both sides share one currency (else null: each currency stays apart here);
        // EPC is commission ÷ clicks per currency, rounded to the minor unit.
        const currencies = [...new Set([...(commission.get(key)?.keys() ?? []), ...(cost.get(key)?.keys() ?? [])])];
        const costMinor = cost.get(key)?.get(currencies[0]!) ?? 0;
        const roi = currencies.length === 1 && costMinor > 0 ? (profit.get(currencies[0]!)! / costMinor) * 100 : null;
        expect(values!.roi, key).toBe(roi === null ? null : Math.round(roi * 100) / 100);
        const clicks = values!.clicks as number;
        const perClick = new Map([...(commission.get(key) ?? [])].map(([c, minor]) => [c, Math.round(minor / clicks)]));
        expect(values!.epc, key).toEqual(clicks ? shown(perClick, true) : null);
      }
      expect(answer.rows.some((r) => typeof r.values.roi === 'number')).toBe(true);
    }
  });

  it('grouped finer than a bill (by day, by campaign) the billed columns are null, the totals’ bills remain', async () => {
    const demo = DEMO_OPERATORS[0]!;
    for (const groupBy of ['day', 'month,campaign']) {
      const answer = await runOperatorReport(
        asOperator(demo),
        ReportQuerySchema.parse({ period: 'custom', from, to, groupBy, metrics: 'clicks,commission,profit,roi,epc' }),
      );
      expect(answer.rows.length, groupBy).toBeGreaterThan(0);
      for (const values of [...answer.rows.map((r) => r.values), answer.totals])
        expect([values.commission, values.profit, values.roi, values.epc], groupBy).toEqual([null, null, null, null]);
      expect(answer.commissions!.total.length, groupBy).toBeGreaterThan(0);
    }
  });

  it('converted to one currency, a partner’s months carry ROI in that currency', async () => {
    const demo = DEMO_OPERATORS[1]!;
    const answer = await runPartnerReport(
      asDemoPartner(demo),
      ReportQuerySchema.parse({
        period: 'custom',
        from,
        to,
        groupBy: 'month',
        currency: 'EUR',
        ratesDate: '2026-11-30',
      }),
    );
    const billed = answer.rows.filter((r) => Object.keys(r.values.commission as object).length > 0);
    expect(billed.length).toBeGreaterThan(0);
    for (const row of billed) {
      expect(Object.keys(row.values.commission as object)).toEqual(['EUR']);
      expect(Object.keys(row.values.profit as object)).toEqual(['EUR']);
      expect(typeof row.values.roi).toBe('number');
    }
    expect(answer.metrics).toEqual(expect.arrayContaining(['commission', 'profit', 'roi', 'epc']));
  });
});
