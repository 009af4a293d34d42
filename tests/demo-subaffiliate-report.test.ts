/**
 * The demo's sub-affiliates report is not empty: the demo partner of each demo operator has a
 * three-level tree (demo/seed-subaffiliates.ts) and two of its sub-affiliates bring players
 * (demo/seed-subaffiliate-traffic.ts), so the report's default period shows their traffic, and
 * the sub-affiliate bills billing cut from their bills show as earnings in a period their month
 * starts in (the demo's plans bill monthly: the last 30 days hold no bill's start, last month does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import type { PartnerContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { runSubAffiliateReport } from '../core/modules/statistics/sub-affiliate-report.ts';
import { SubAffiliateReportQuerySchema } from '../core/modules/statistics/sub-affiliate-report-schemas.ts';
import { runPartnerReport } from '../core/modules/statistics/run-report.ts';
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
