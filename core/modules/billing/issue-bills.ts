/**
 * Issues the bills of one plan for one part of a period, in one batch. Safe with several runners
 * at once, by the database alone: a bill goes in only if its chain has no bill for this period or a
 * later one and no bill cut after the one this attempt read (`onlyIf`), and the unique key refuses a
 * second bill for the period; a bill's lines go in only if the bill row is this attempt's
 * (`pricedBy`). So running twice, or on two processes, issues each bill once, with one set of lines.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { insertManyAtomically, type InsertPart } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { addDays } from '../../lib/time-zones.ts';
import type { StoredPlanTerms } from '../commissions/terms.ts';
import { chainKey, gatherUnits } from './gather-units.ts';
import { priceBill } from './price-bill.ts';
import { loadRateSeries, rateLookup } from './rates.ts';
import { billLines, bills, type BillRow, type BillSource } from './table.ts';

export interface IssueInput {
  planId: string;
  terms: StoredPlanTerms;
  versionFrom: string;
  zone: string;
  start: string;
  end: string;
  cutoff: number;
  planCut: number;
  currencyOf: Map<string, string>;
  runId: string;
}

/** The latest direct bill of each chain of a plan (its cut, carry and whether it waits). */
export async function latestBillsOf(
  ctx: TenantContext,
  input: { planId: string; source?: BillSource },
): Promise<Map<string, BillRow>> {
  const rows = await ctx.db
    .select()
    .from(bills)
    .where(
      and(
        eq(bills.operatorId, ctx.operatorId),
        eq(bills.planId, input.planId),
        eq(bills.source, input.source ?? 'direct'),
      ),
    )
    .orderBy(desc(bills.periodStart));
  const latest = new Map<string, BillRow>();
  for (const row of rows) if (!latest.has(chainKey(row))) latest.set(chainKey(row), row);
  return latest;
}

/** Issues the part's bills; answers how many this attempt issued. */
export async function issueBills(ctx: TenantContext, input: IssueInput): Promise<{ issued: number; refused: number }> {
  const latest = await latestBillsOf(ctx, input);
  const chainCuts = new Map([...latest].map(([k, b]) => [k, b.cutoffAt]));
  const chains = await gatherUnits(ctx, { ...input, chainCuts });
  const lastDay = addDays(input.end, -1);
  const foreign = new Set<string>();
  let firstDay = input.start;
  for (const chain of chains.values())
    for (const n of chain.ngr) {
      foreign.add(n.currency);
      if (n.day < firstDay) firstDay = n.day;
    }
  for (const amount of planCurrencies(input.terms)) foreign.add(amount);
  const series = await loadRateSeries(ctx, {
    currencies: [...foreign, ...input.currencyOf.values()],
    from: firstDay,
    to: lastDay,
  });
  const parts: InsertPart[] = [];
  const now = ctx.clock.now();
  let issued = 0;
  for (const [key, units] of chains) {
    const previous = latest.get(key);
    if (previous && previous.periodStart >= input.start) continue;
    const currency = input.currencyOf.get(units.brandId);
    if (!currency) continue;
    const carries = input.terms.revshare?.negativeCarryOver === true;
    const carryInMinor = carries ? (previous?.carryOutMinor ?? 0) : 0;
    const pricing =
      carries && previous?.waitingFor
        ? { waitingFor: `bill:${previous.id}`, lines: [] as [], issuedMinor: 0 as const, carryOutMinor: 0 as const }
        : priceBill({
            ...units,
            currency,
            terms: input.terms,
            lastDay,
            carryInMinor,
            rates: rateLookup(series, currency),
          });
    const id = newId('bill', ctx.clock);
    const nothingOwed = pricing.waitingFor === null && pricing.lines.every((l) => l.amountMinor === 0);
    const bill: typeof bills.$inferInsert = {
      id,
      operatorId: ctx.operatorId,
      partnerId: units.partnerId,
      brandId: units.brandId,
      planId: input.planId,
      source: 'direct',
      billingPeriod: input.terms.billingPeriod,
      periodStart: input.start,
      periodEnd: input.end,
      timeZone: input.zone,
      planVersion: input.versionFrom,
      currency,
      issuedMinor: pricing.issuedMinor,
      carryInMinor: pricing.waitingFor ? 0 : carryInMinor,
      carryOutMinor: pricing.carryOutMinor,
      // A bill of nothing (say a period of negative NGR) is settled at once: nothing to review or pay.
      state: nothingOwed ? 'approved' : 'pending',
      waitingFor: pricing.waitingFor,
      cutoffAt: input.cutoff,
      lateFrom: Math.max(input.planCut, previous?.cutoffAt ?? 0),
      pricedAt: pricing.waitingFor ? null : now.getTime(),
      pricedBy: input.runId,
      createdAt: now,
      processedAt: nothingOwed ? now : null,
      updatedAt: now,
    };
    parts.push(...billParts(ctx, { bill, lines: pricing.lines, previous }));
    issued += 1;
  }
  await insertManyAtomically(ctx.db, parts, { maxParams: ctx.maxBoundParams });
  return countIssued(ctx, {
    runId: input.runId,
    planId: input.planId,
    source: 'direct',
    start: input.start,
    attempted: issued,
  });
}

/**
 * How many of the bills this attempt (its `runId`) tried the database took. Fewer means another run
 * billed some of these chains meanwhile; the caller then tries the part again from what it reads
 * now, and if that too is refused, stops walking the plan and leaves its position, so a later run
 * (cut later) bills the period for any chain left without a bill.
 */
export async function countIssued(
  ctx: TenantContext,
  input: { runId: string; planId: string; source: BillSource; start: string; attempted: number },
): Promise<{ issued: number; refused: number }> {
  if (input.attempted === 0) return { issued: 0, refused: 0 };
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(bills)
    .where(
      and(
        eq(bills.operatorId, ctx.operatorId),
        eq(bills.planId, input.planId),
        eq(bills.source, input.source),
        eq(bills.periodStart, input.start),
        eq(bills.pricedBy, input.runId),
      ),
    );
  const issued = row?.n ?? 0;
  return { issued, refused: input.attempted - issued };
}

/**
 * A new bill and its lines as batch parts: the bill only if its chain has no bill for this period
 * or later and none cut after `previous` (the chain's latest bill this attempt read); the lines
 * only if the bill row is this attempt's.
 */
export function billParts(
  ctx: Pick<TenantContext, 'operatorId'>,
  input: {
    bill: typeof bills.$inferInsert;
    lines: ReturnType<typeof priceBill>['lines'];
    previous: BillRow | undefined;
  },
): InsertPart[] {
  const { bill } = input;
  const chainBills = and(
    sql`b.operator_id = ${ctx.operatorId}`,
    sql`b.partner_id = ${bill.partnerId}`,
    sql`b.brand_id = ${bill.brandId}`,
    sql`b.plan_id = ${bill.planId}`,
    sql`b.source = ${bill.source}`,
  );
  const readCut = input.previous?.cutoffAt ?? -1;
  return [
    {
      table: bills,
      rows: [bill],
      onConflictDoNothing: true,
      // Nor one cut after this bill: a run cut earlier must not bill after a later run's bill.
      onlyIf: sql`not exists (select 1 from ${bills} b where ${chainBills}
        and (b.period_start >= ${bill.periodStart} or b.cutoff_at > ${readCut} or b.cutoff_at > ${bill.cutoffAt}))`,
    },
    linesPart(bill.id, bill.pricedBy, input.lines),
  ];
}

/** A bill's lines, inserted only if the bill row is this attempt's. */
export function linesPart(billId: string, runId: string, lines: ReturnType<typeof priceBill>['lines']): InsertPart {
  return {
    table: billLines,
    rows: lines.map((line, n) => ({ billId, n: n + 1, ...line })),
    onlyIf: sql`exists (select 1 from ${bills} where ${bills.id} = ${billId} and ${bills.pricedBy} = ${runId})`,
  };
}

/** Currencies the plan's own amounts are in (converted at the period's last day when not the brand's). */
export function planCurrencies(terms: StoredPlanTerms): string[] {
  return [
    ...(terms.cpa?.amounts ?? []),
    ...(terms.cpl?.amounts ?? []),
    ...(terms.tiers?.steps.flatMap((s) => [s.cpa, s.minNgr].filter((m) => m !== undefined)) ?? []),
  ].map((m) => m!.currency);
}
