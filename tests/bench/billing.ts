/**
 * Billing benchmark for `npm run bench` (alone: `npm run bench -- billing`). One operator, one EUR
 * brand, a monthly Hybrid plan (CPA with qualification rules and volume tiers, RevShare with
 * carry-over), 1,000 partners and 1,000,000 player events in one month (registrations, first
 * deposits, deposits, wagers, NGR; a few in USD). Then, on the same database in the same process:
 * one plain SQL aggregate over the month's events (count and sum per partner, brand, currency and
 * type), and a full billing run (qualifying every player, then the month's bills); each timed,
 * the run as a ratio to the aggregate (target ≤ 3×). Checks the bills' sum against the aggregate's
 * NGR. Asserts nothing. BENCH_BILLING_EVENTS (default 1,000,000), BENCH_BILLING_PARTNERS (1,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { insertMany } from '../../core/db/insert-many.ts';
import { createOutbox } from '../../core/jobs/outbox.ts';
import type { Clock } from '../../core/lib/clock.ts';
import { withTenant, type TenantContext } from '../../core/lib/context.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { createBrand } from '../../core/modules/catalog/service.ts';
import { commissionPlans, planVersions } from '../../core/modules/commissions/table.ts';
import { storeTerms } from '../../core/modules/commissions/terms.ts';
import { playerEvents } from '../../core/modules/events/table.ts';
import { partners } from '../../core/modules/identity/table.ts';
import { createOperator } from '../../core/modules/operators/service.ts';
import { saveExchangeRates } from '../../core/modules/statistics/exchange-rates.ts';
import { runBilling } from '../../core/modules/billing/run-billing.ts';
import { prng } from '../../demo/seed-tracking.ts';
import { openLibsqlDatabase } from '../../edge/libsql.ts';
import { createGuardedOutbound } from '../../edge/outbound-http.ts';

const EVENTS = Number(process.env.BENCH_BILLING_EVENTS ?? 1_000_000);
const PARTNERS = Number(process.env.BENCH_BILLING_PARTNERS ?? 1_000);
const OPERATOR_ID = 'op_benchbilling';
const START = Date.UTC(2026, 9, 1); // October 2026, UTC (the operator's zone)
const DAY = 86_400_000;
const TARGET_RATIO = 3;

/** Events per player: a registration, then deposits, wagers and NGR (8 on average). */
function playerEventsOf(random: () => number, player: number, partnerId: string, ids: { brand: string; plan: string }) {
  const registered = START + Math.floor(random() * 28 * DAY);
  const at = (offset: number) => new Date(Math.min(registered + offset, START + 31 * DAY - 1));
  const usd = random() < 0.05;
  const currency = usd ? 'USD' : 'EUR';
  const base = {
    operatorId: OPERATOR_ID,
    playerId: `pl${player}`,
    brandId: ids.brand,
    partnerId,
    campaignId: `camp_${partnerId}`,
    promoId: `promo_${partnerId}`,
    planId: ids.plan,
    contentHash: 'bench',
    receivedAt: new Date(START + 32 * DAY),
  };
  const rows: Array<typeof playerEvents.$inferInsert> = [
    { ...base, id: `e${player}r`, type: 'registration', occurredAt: at(0) },
  ];
  const deposits = 1 + Math.floor(random() * 3);
  for (let d = 0; d < deposits; d++)
    rows.push({
      ...base,
      id: `e${player}d${d}`,
      type: d === 0 ? 'first_deposit' : 'deposit',
      amountMinor: 1000 + Math.floor(random() * 20000),
      currency,
      occurredAt: at((d + 1) * 3_600_000),
    });
  rows.push({
    ...base,
    id: `e${player}w`,
    type: 'wager',
    amountMinor: Math.floor(random() * 50000),
    currency,
    occurredAt: at(5 * 3_600_000),
  });
  for (let n = 0; n < 8 - 2 - deposits; n++)
    rows.push({
      ...base,
      id: `e${player}n${n}`,
      type: 'ngr',
      amountMinor: Math.floor(random() * 12000) - 4000,
      currency,
      occurredAt: at((n + 6) * 3_600_000),
    });
  return rows;
}

export async function generate(db: Db) {
  const clock: Clock = { now: () => new Date(START - 10 * DAY) };
  await createOperator({ db, clock }, { name: 'Bench Billing Ltd', id: OPERATOR_ID });
  const tenant = withTenant({ db, clock }, OPERATOR_ID);
  const brand = await createBrand(tenant, {
    name: 'Bench Casino',
    currency: 'EUR',
    websiteUrl: 'https://casino.bench.example/',
    visitParam: 'kb_vid',
    fallbackUrl: null,
  });
  const planId = 'plan_benchhybrid';
  const created = new Date(START - 10 * DAY);
  await insertMany(db, commissionPlans, [
    {
      id: planId,
      operatorId: OPERATOR_ID,
      name: 'Hybrid',
      kind: 'hybrid',
      isDefault: true,
      supportsSubAffiliates: false,
      createdAt: created,
    },
  ]);
  const terms = storeTerms({
    billingPeriod: 'monthly',
    cpa: {
      amounts: [{ amount: '100', currency: 'EUR' }],
      qualification: { minFirstDeposit: [{ amount: '20', currency: 'EUR' }], minDeposits: 2, withinDays: 30 },
    },
    revshare: { percent: '25', negativeCarryOver: true },
    tiers: {
      basis: 'qualified_players',
      pays: 'above_threshold',
      steps: [
        { minPlayers: 20, cpa: { amount: '120', currency: 'EUR' } },
        { minPlayers: 50, cpa: { amount: '150', currency: 'EUR' } },
      ],
    },
  });
  await insertMany(db, planVersions, [
    { planId, operatorId: OPERATOR_ID, effectiveFrom: '2026-10-01', terms, createdAt: created },
  ]);
  const partnerIds = Array.from({ length: PARTNERS }, (_, i) => `partner_bench${String(i).padStart(5, '0')}`);
  await insertMany(
    db,
    partners,
    partnerIds.map((id, i) => ({
      id,
      operatorId: OPERATOR_ID,
      name: `Bench partner ${i + 1}`,
      status: 'active' as const,
      referralCode: `BBREF${i}`,
      createdAt: created,
    })),
    { maxParams: 32_000 },
  );
  const days = Array.from({ length: 33 }, (_, i) => new Date(START - DAY + i * DAY).toISOString().slice(0, 10));
  await saveExchangeRates(
    tenant,
    days.map((date, i) => ({ date, currency: 'USD', perEur: (1.08 + (i % 7) / 100).toFixed(4) })),
  );
  const random = prng(20261202);
  let written = 0;
  let player = 0;
  let batch: Array<typeof playerEvents.$inferInsert> = [];
  while (written < EVENTS) {
    // Zipf-ish: a few partners bring most players.
    const partner = partnerIds[Math.min(PARTNERS - 1, Math.floor(PARTNERS * random() ** 3))]!;
    const rows = playerEventsOf(random, player++, partner, { brand: brand.id, plan: planId });
    batch.push(...rows);
    written += rows.length;
    if (batch.length >= 20_000) {
      await insertMany(db, playerEvents, batch, { maxParams: 32_000 });
      batch = [];
    }
  }
  await insertMany(db, playerEvents, batch, { maxParams: 32_000 });
  return { events: written, players: player };
}

const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
};

export async function benchBilling(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-bench-billing-'));
  const { db, close } = await openLibsqlDatabase(`file:${join(dir, 'billing.db')}`);
  try {
    const [made, generationMs] = await time(() => generate(db));
    const count = (n: number) => n.toLocaleString('en');
    console.log(
      `\nBilling: ${count(made.events)} events of ${count(made.players)} players, ${count(PARTNERS)} partners,` +
        ` one monthly Hybrid plan (generated in ${(generationMs / 1000).toFixed(1)} s)`,
    );
    const [aggregate, aggregateMs] = await time(() =>
      db.all<{ n: number }>(sql`select partner_id, brand_id, currency, type, count(*) as n, sum(amount_minor) as total
        from player_events where operator_id = ${OPERATOR_ID} and plan_id = 'plan_benchhybrid'
        and occurred_at >= ${START} and occurred_at < ${START + 31 * DAY}
        group by partner_id, brand_id, currency, type`),
    );
    const now = START + 33 * DAY;
    const clock: Clock = { now: () => new Date(now) };
    const ctx: TenantContext = withTenant(
      {
        db,
        clock,
        jobs: createOutbox(db, clock),
        version: 'bench',
        secretBox: await createSecretBox('bench-secret-0123456789abcdef-0123456789'),
        mailTransport: null,
        publicUrl: 'http://bench.example',
        outbound: createGuardedOutbound(),
        maxBoundParams: 32_000,
      },
      OPERATOR_ID,
    );
    const [result, billingMs] = await time(() => runBilling(ctx));
    const [bills] = await db.all<{ n: number; issued: number }>(
      sql`select count(*) as n, sum(issued_minor) as issued from bills where operator_id = ${OPERATOR_ID}`,
    );
    const [again, repeatMs] = await time(() => runBilling(ctx));
    console.log(
      `  one plain SQL aggregate over the month's events (${aggregate.length} groups): ${aggregateMs.toFixed(0)} ms`,
    );
    const euros = ((bills?.issued ?? 0) / 100).toLocaleString('en');
    console.log(
      `  billing run: ${(billingMs / 1000).toFixed(2)} s` +
        ` (${count(result.qualified)} players qualified, ${result.issued} bills, €${euros} issued)`,
    );
    console.log(
      `  ratio billing run / aggregate: ${(billingMs / aggregateMs).toFixed(1)}× (target ≤ ${TARGET_RATIO}×)`,
    );
    console.log(
      `  a second run (nothing new): ${repeatMs.toFixed(0)} ms, ${again.issued} bills, ${again.qualified} qualified`,
    );
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}
