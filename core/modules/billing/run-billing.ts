/**
 * A billing run: qualify players, then bill every closed period of every plan not billed yet, oldest
 * first (a plan's progress is its next period start), then price the bills that waited for a rate.
 * The scheduler runs it hourly; `npx kabinet bills run` and POST /v1/billing/runs run it by hand.
 * Every step is idempotent (see issue-bills.ts), so overlapping runs issue nothing twice.
 */
import { and, eq, isNotNull, min, sql } from 'drizzle-orm';
import { insertManyAtomically, rawStatement } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { addDays, localDateAt } from '../../lib/time-zones.ts';
import { listBrands } from '../catalog/service.ts';
import { listPlanVersions, subAffiliatePayers } from '../commissions/service.ts';
import { firstEventOf } from '../events/billing-facts.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { chainKey, gatherUnits } from './gather-units.ts';
import { issueBills, linesPart, planCurrencies, type IssueInput } from './issue-bills.ts';
import { issueSubAffiliateBills } from './issue-sub-bills.ts';
import { periodHolding, segmentFrom, type Version } from './periods.ts';
import { priceBill } from './price-bill.ts';
import { readProgress, saveProgress } from './progress.ts';
import { qualifyPlayers } from './qualify-players.ts';
import { loadRateSeries, rateLookup } from './rates.ts';
import { bills, type BillSource } from './table.ts';

const NONE = { issued: 0, refused: 0 };

export interface BillingRunResult {
  qualified: number;
  issued: number;
  priced: number;
  /** False when the deadline stopped the run before it caught up (a follow-up run continues). */
  complete: boolean;
}

export interface BillingRunInput {
  /** Bill periods that start on or before this local date only (default: every closed period). */
  through?: string | undefined;
  /** Stop starting new periods after this instant (Workers' request time). */
  deadline?: number | undefined;
}

export async function runBilling(ctx: TenantContext, input: BillingRunInput = {}): Promise<BillingRunResult> {
  const qualified = await qualifyPlayers(ctx, { until: ctx.clock.now().getTime() });
  // Taken after qualifying, so this run's qualifications are on its bills.
  const cutoff = ctx.clock.now().getTime();
  const runId = newId('brun', ctx.clock);
  const zone = await findOperatorTimeZone(ctx);
  const today = localDateAt(zone, cutoff);
  const currencyOf = new Map((await listBrands(ctx)).map((b) => [b.id, b.currency]));
  const plans = await listPlanVersions(ctx);
  const base = { zone, today, cutoff, runId, through: input.through, deadline: input.deadline };
  let issued = 0;
  let complete = true;
  for (const { planId, versions } of plans) {
    const result = await billClosedSegments(ctx, {
      ...base,
      subject: `plan:${planId}`,
      planId,
      versions,
      bill: (segment) =>
        segment.terms ? issueBills(ctx, { ...segment, terms: segment.terms, currencyOf }) : Promise.resolve(NONE),
    });
    issued += result.issued;
    complete &&= result.complete;
  }
  // Shares of sub-partners' bills, from the direct bills issued above and before: with a cut of their
  // own, taken now, so the direct bills this run priced (after `cutoff`) are on them.
  const subBase = { ...base, cutoff: ctx.clock.now().getTime() };
  const withTerms = new Set(plans.filter((p) => p.versions.some((v) => v.terms?.subAffiliate)).map((p) => p.planId));
  const planOf = await subAffiliatePayers(ctx);
  for (const { planId, versions } of plans.filter((p) => withTerms.has(p.planId))) {
    const result = await billClosedSegments(ctx, {
      ...subBase,
      subject: `sub:${planId}`,
      planId,
      versions,
      bill: (segment) => {
        const terms = segment.terms;
        return terms?.subAffiliate
          ? issueSubAffiliateBills(ctx, { ...segment, terms: { ...terms, subAffiliate: terms.subAffiliate }, planOf })
          : Promise.resolve(NONE);
      },
    });
    issued += result.issued;
    complete &&= result.complete;
  }
  const priced = await priceWaitingBills(ctx, { runId, currencyOf });
  return { qualified, issued, priced, complete };
}

interface SegmentWalk {
  subject: string;
  planId: string;
  versions: Version[];
  zone: string;
  today: string;
  cutoff: number;
  runId: string;
  through?: string | undefined;
  deadline?: number | undefined;
  /** Bills one part; answers how many bills it issued and how many chains another run took first. */
  bill: (segment: Segment) => Promise<{ issued: number; refused: number }>;
}

type Segment = Omit<IssueInput, 'terms' | 'currencyOf'> & { terms: Version['terms'] };

/**
 * Walks a plan's closed, unbilled period parts from its saved position, oldest first, saving the
 * position (and the cut the part was billed with) after each: a run stopped anywhere resumes there.
 * Exported for its tests (run-billing.test.ts).
 */
export async function billClosedSegments(
  ctx: TenantContext,
  walk: SegmentWalk,
): Promise<{ issued: number; complete: boolean }> {
  const { versions, zone, bill } = walk;
  let position = await readProgress(ctx, { subject: walk.subject });
  if (!position) {
    const first = await firstEventOf(ctx, { planId: walk.planId });
    const firstDay = first === null ? versions[0]!.effectiveFrom : localDateAt(zone, first);
    const kind = versions.findLast((v) => v.effectiveFrom <= firstDay)?.terms?.billingPeriod ?? 'monthly';
    position = [periodHolding(kind, firstDay).start, versions[0]!.effectiveFrom].sort().at(-1)!;
  }
  const cutSubject = `cut:${walk.subject}`;
  const planCut = Number((await readProgress(ctx, { subject: cutSubject })) ?? 0);
  let issued = 0;
  for (;;) {
    const segment = segmentFrom(versions, position);
    if (!segment || segment.end > walk.today || (walk.through && segment.start > walk.through)) break;
    if (walk.deadline !== undefined && ctx.clock.now().getTime() > walk.deadline) return { issued, complete: false };
    const part: Segment = {
      planId: walk.planId,
      terms: segment.version.terms,
      versionFrom: segment.version.effectiveFrom,
      zone,
      start: segment.start,
      end: segment.end,
      cutoff: walk.cutoff,
      planCut,
      runId: walk.runId,
    };
    let result = await bill(part);
    // Another run billed some chains meanwhile. Its chains may differ from this run's (a player it
    // qualified after this run's cut), so both could be refused a chain and stop, leaving periods
    // to the next hourly run. Trying again from what is read now bills the chains still without a
    // bill; a run cut after every bill of its chains is never refused by the cut, so of runs racing,
    // the one cut last goes on. Each attempt has an id of its own so the count is that attempt's.
    for (let attempt = 2; result.refused > 0 && attempt <= 3; attempt += 1) {
      const again = await bill({ ...part, runId: `${walk.runId}:${attempt}` });
      result = { issued: result.issued + again.issued, refused: again.refused };
    }
    issued += result.issued;
    // Still refused: leave the position for a later run (see countIssued).
    if (result.refused > 0) return { issued, complete: false };
    // The plan's cut is the oldest cut among the period's bills: a chain another run billed with an
    // earlier cut must still find what arrived after that cut late on its next bill.
    const oldest = await oldestCutOf(ctx, {
      planId: walk.planId,
      start: segment.start,
      source: walk.subject.startsWith('sub:') ? 'sub_affiliates' : 'direct',
    });
    await saveProgress(ctx, { subject: cutSubject, position: String(Math.min(walk.cutoff, oldest ?? walk.cutoff)) });
    await saveProgress(ctx, { subject: walk.subject, position: segment.end });
    position = segment.end;
  }
  return { issued, complete: true };
}

/** The earliest cut among a plan's bills for the period starting `start`, or null when it has none. */
async function oldestCutOf(ctx: TenantContext, input: { planId: string; start: string; source: BillSource }) {
  const [row] = await ctx.db
    .select({ cut: min(bills.cutoffAt) })
    .from(bills)
    .where(
      and(
        eq(bills.operatorId, ctx.operatorId),
        eq(bills.planId, input.planId),
        eq(bills.periodStart, input.start),
        eq(bills.source, input.source),
      ),
    );
  return row?.cut ?? null;
}

/**
 * Prices the bills that waited (for a rate, or for the bill their carry-over comes from) from the
 * same items as when they were cut. The update only takes a bill still waiting, so one runner wins.
 */
async function priceWaitingBills(ctx: TenantContext, input: { runId: string; currencyOf: Map<string, string> }) {
  const waiting = await ctx.db
    .select()
    .from(bills)
    .where(and(eq(bills.operatorId, ctx.operatorId), isNotNull(bills.waitingFor)))
    .orderBy(bills.periodStart);
  if (waiting.length === 0) return 0;
  const plans = new Map((await listPlanVersions(ctx)).map((p) => [p.planId, p.versions]));
  let priced = 0;
  for (const bill of waiting) {
    const terms = plans.get(bill.planId)?.find((v) => v.effectiveFrom === bill.planVersion)?.terms;
    if (!terms || bill.source !== 'direct') continue;
    const before = await previousBillOf(ctx, bill);
    if (terms.revshare?.negativeCarryOver && before?.waitingFor) continue;
    const chains = await gatherUnits(ctx, {
      planId: bill.planId,
      terms,
      zone: bill.timeZone,
      start: bill.periodStart,
      end: bill.periodEnd,
      cutoff: bill.cutoffAt,
      planCut: bill.lateFrom,
      chainCuts: new Map(),
    });
    const units = chains.get(chainKey(bill)) ?? { qualified: [], cplEvents: [], ngr: [] };
    const lastDay = addDays(bill.periodEnd, -1);
    const days = units.ngr.map((n) => n.day).sort();
    const series = await loadRateSeries(ctx, {
      currencies: [...units.ngr.map((n) => n.currency), bill.currency, ...planCurrencies(terms)],
      from: days[0] && days[0] < bill.periodStart ? days[0] : bill.periodStart,
      to: lastDay,
    });
    const carryInMinor = terms.revshare?.negativeCarryOver ? (before?.carryOutMinor ?? 0) : 0;
    const pricing = priceBill({
      ...units,
      brandId: bill.brandId,
      currency: bill.currency,
      terms,
      lastDay,
      carryInMinor,
      rates: rateLookup(series, bill.currency),
    });
    if (pricing.waitingFor !== null) continue;
    const attempt = `${input.runId}:${bill.id}`;
    const now = ctx.clock.now();
    const nothingOwed = pricing.lines.every((l) => l.amountMinor === 0);
    await insertManyAtomically(
      ctx.db,
      [
        rawStatement(sql`update ${bills} set issued_minor = ${pricing.issuedMinor}, carry_in_minor = ${carryInMinor},
          carry_out_minor = ${pricing.carryOutMinor}, waiting_for = null, priced_at = ${now.getTime()},
          priced_by = ${attempt}, updated_at = ${now.getTime()},
          state = ${nothingOwed ? 'approved' : 'pending'}, processed_at = ${nothingOwed ? now.getTime() : null}
          where ${bills.id} = ${bill.id} and ${bills.operatorId} = ${ctx.operatorId} and waiting_for is not null`),
        linesPart(bill.id, attempt, pricing.lines),
      ],
      { maxParams: ctx.maxBoundParams },
    );
    priced += 1;
  }
  return priced;
}

async function previousBillOf(ctx: TenantContext, bill: typeof bills.$inferSelect) {
  const [row] = await ctx.db
    .select()
    .from(bills)
    .where(
      and(
        eq(bills.operatorId, ctx.operatorId),
        eq(bills.partnerId, bill.partnerId),
        eq(bills.brandId, bill.brandId),
        eq(bills.planId, bill.planId),
        eq(bills.source, bill.source),
        sql`${bills.periodStart} < ${bill.periodStart}`,
      ),
    )
    .orderBy(sql`${bills.periodStart} desc`)
    .limit(1);
  return row;
}
