/**
 * What one part of a period owes per chain (partner × brand), before pricing: the qualified players,
 * CPL events and NGR that happened in it and arrived before the cut, and what happened earlier but
 * arrived after the chain's previous bill was cut (late: it goes on this bill, marked).
 */
import { and, eq, gt, gte, lt, lte } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import type { StoredPlanTerms } from '../commissions/terms.ts';
import { countEventsByCountry, listLateEvents, sumNgrByDay } from '../events/billing-facts.ts';
import type { CountedEvents, NgrAmount, QualifiedUnit } from './price-bill.ts';
import { dayStarts, periodHolding } from './periods.ts';
import { qualifications } from './table.ts';

export interface ChainUnits {
  partnerId: string;
  brandId: string;
  qualified: QualifiedUnit[];
  cplEvents: CountedEvents[];
  ngr: NgrAmount[];
}

export interface GatherInput {
  planId: string;
  terms: StoredPlanTerms;
  zone: string;
  start: string;
  end: string;
  cutoff: number;
  /** The cut of the plan's previous run (0 before the first): everything received before it is billed. */
  planCut: number;
  /** Each chain's latest bill's cut, where later than the plan's. */
  chainCuts: Map<string, number>;
}

export const chainKey = (c: { partnerId: string; brandId: string }) => `${c.partnerId}|${c.brandId}`;

export async function gatherUnits(ctx: TenantContext, input: GatherInput): Promise<Map<string, ChainUnits>> {
  const { terms, zone } = input;
  const starts = dayStarts(zone, input.start, input.end);
  const from = starts[0]!;
  const to = starts.at(-1)!;
  const period = { planId: input.planId, from, to, receivedBefore: input.cutoff };
  const days = starts.slice(0, -1).map((ms) => localDateAt(zone, ms));
  const chains = new Map<string, ChainUnits>();
  const chainOf = (c: { partnerId: string; brandId: string }) => {
    const key = chainKey(c);
    const found = chains.get(key) ?? {
      partnerId: c.partnerId,
      brandId: c.brandId,
      qualified: [],
      cplEvents: [],
      ngr: [],
    };
    chains.set(key, found);
    return found;
  };
  // A chain's items that arrived before the plan's previous cut went on that run's bills (a chain with
  // activity always gets one), so only later arrivals can be late here.
  const earliestCut = input.planCut;
  const isLateFor = (c: { partnerId: string; brandId: string }, receivedAt: number) =>
    receivedAt >= Math.max(input.planCut, input.chainCuts.get(chainKey(c)) ?? 0);
  const lateLabel = (ms: number) => periodHolding(terms.billingPeriod, localDateAt(zone, ms)).start;

  if (terms.cpa) {
    const own = and(eq(qualifications.operatorId, ctx.operatorId), eq(qualifications.planId, input.planId));
    // The columns a bill needs, not the stored values (JSON each row would parse).
    const columns = {
      partnerId: qualifications.partnerId,
      brandId: qualifications.brandId,
      playerId: qualifications.playerId,
      qualifiedAt: qualifications.qualifiedAt,
      createdAt: qualifications.createdAt,
    };
    const onTime = await ctx.db
      .select(columns)
      .from(qualifications)
      .where(
        and(
          own,
          gte(qualifications.qualifiedAt, new Date(from)),
          lt(qualifications.qualifiedAt, new Date(to)),
          lte(qualifications.createdAt, new Date(input.cutoff)),
        ),
      );
    const late = await ctx.db
      .select(columns)
      .from(qualifications)
      .where(
        and(
          own,
          lt(qualifications.qualifiedAt, new Date(from)),
          gt(qualifications.createdAt, new Date(earliestCut)),
          lte(qualifications.createdAt, new Date(input.cutoff)),
        ),
      );
    for (const q of onTime) chainOf(q).qualified.push({ playerId: q.playerId, qualifiedAt: q.qualifiedAt.getTime() });
    // A run's own qualifications carry its cut as their time: the bound is (previous cut, cut].
    for (const q of late)
      if (q.createdAt.getTime() > Math.max(input.planCut, input.chainCuts.get(chainKey(q)) ?? 0))
        chainOf(q).qualified.push({
          playerId: q.playerId,
          qualifiedAt: q.qualifiedAt.getTime(),
          lateFrom: lateLabel(q.qualifiedAt.getTime()),
        });
  }
  if (terms.cpl)
    for (const row of await countEventsByCountry(ctx, { ...period, type: terms.cpl.per }))
      chainOf(row).cplEvents.push({ country: row.country, count: row.count });
  if (terms.revshare)
    for (const row of await sumNgrByDay(ctx, { ...period, dayStarts: starts.slice(0, -1) }))
      if (row.currency) chainOf(row).ngr.push({ currency: row.currency, day: days[row.dayIndex]!, minor: row.minor });

  const lateTypes = [...(terms.cpl ? [terms.cpl.per] : []), ...(terms.revshare ? (['ngr'] as const) : [])];
  if (lateTypes.length > 0) {
    const late = await listLateEvents(ctx, {
      planId: input.planId,
      types: lateTypes,
      before: from,
      receivedFrom: earliestCut,
      receivedBefore: input.cutoff,
    });
    for (const e of late) {
      if (!isLateFor(e, e.receivedAt.getTime())) continue;
      const lateFrom = lateLabel(e.occurredAt.getTime());
      if (e.type === 'ngr' && e.currency && e.amountMinor !== null) {
        const day = localDateAt(zone, e.occurredAt.getTime());
        chainOf(e).ngr.push({ currency: e.currency, day, minor: e.amountMinor, lateFrom });
      } else if (e.type !== 'ngr') chainOf(e).cplEvents.push({ country: e.country, count: 1, lateFrom });
    }
  }
  return chains;
}
