/**
 * Sub-affiliate bills: a partner on a plan with sub-affiliate terms earns, for each level below it,
 * that level's percentage of what each sub-partner's own (direct) bills issued. They are bills of
 * their own (source `sub_affiliates`), cut from direct bills already priced, so a share is never
 * taken of a share. A sub-partner's bill priced after this bill was cut goes on the next one, marked
 * late, as any late item. A referrer offered several plans with sub-affiliate terms earns under one
 * (commissions' `subAffiliatePayers`).
 */
import { and, eq, gt, gte, isNull, lt, lte, ne } from 'drizzle-orm';
import { insertManyAtomically, type InsertPart } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import type { StoredPlanTerms } from '../commissions/terms.ts';
import { listReferrerChains } from '../identity/referral-chains.ts';
import { fraction, percentOf, round, times } from './exact.ts';
import { billParts, countIssued, latestBillsOf } from './issue-bills.ts';
import type { PricedLine } from './price-bill.ts';
import { bills, type BillRow } from './table.ts';

export interface SubBillsInput {
  planId: string;
  terms: StoredPlanTerms & { subAffiliate: { levels: string[] } };
  versionFrom: string;
  zone: string;
  start: string;
  end: string;
  cutoff: number;
  planCut: number;
  runId: string;
}

const chainKey = (c: { partnerId: string; brandId: string }) => `${c.partnerId}|${c.brandId}`;

export async function issueSubAffiliateBills(
  ctx: TenantContext,
  input: SubBillsInput & { planOf: (partnerId: string) => string | null },
): Promise<{ issued: number; refused: number }> {
  const levels = input.terms.subAffiliate.levels;
  const latest = await latestBillsOf(ctx, { planId: input.planId, source: 'sub_affiliates' });
  const priced = and(
    eq(bills.operatorId, ctx.operatorId),
    eq(bills.source, 'direct'),
    ne(bills.state, 'cancelled'),
    isNull(bills.waitingFor),
    gt(bills.issuedMinor, 0),
    lte(bills.pricedAt, input.cutoff),
  );
  const onTime = await ctx.db
    .select()
    .from(bills)
    .where(and(priced, gte(bills.periodStart, input.start), lt(bills.periodStart, input.end)));
  const late = await ctx.db
    .select()
    .from(bills)
    .where(and(priced, lt(bills.periodStart, input.start), gt(bills.pricedAt, input.planCut)));
  const sources = [...onTime, ...late];
  const chains = await listReferrerChains(ctx, { partnerIds: sources.map((b) => b.partnerId), levels: levels.length });
  const owed = new Map<string, { partnerId: string; brandId: string; currency: string; lines: PricedLine[] }>();
  for (const source of sources) {
    const isLate = source.periodStart < input.start;
    (chains.get(source.partnerId) ?? []).forEach((referrer, i) => {
      if (input.planOf(referrer) !== input.planId) return;
      const key = chainKey({ partnerId: referrer, brandId: source.brandId });
      const previousCut = Math.max(input.planCut, latest.get(key)?.cutoffAt ?? 0);
      if (isLate && (source.pricedAt ?? 0) <= previousCut) return;
      const entry = owed.get(key) ?? {
        partnerId: referrer,
        brandId: source.brandId,
        currency: source.currency,
        lines: [],
      };
      entry.lines.push(shareLine(source, i + 1, levels[i]!, isLate));
      owed.set(key, entry);
    });
  }
  const parts: InsertPart[] = [];
  const now = ctx.clock.now();
  for (const [key, entry] of owed) {
    const previous = latest.get(key);
    if (previous && previous.periodStart >= input.start) continue;
    const issuedMinor = entry.lines.reduce((s, l) => s + l.amountMinor, 0);
    const settled = issuedMinor === 0;
    const bill: typeof bills.$inferInsert = {
      id: newId('bill', ctx.clock),
      operatorId: ctx.operatorId,
      partnerId: entry.partnerId,
      brandId: entry.brandId,
      planId: input.planId,
      source: 'sub_affiliates',
      billingPeriod: input.terms.billingPeriod,
      periodStart: input.start,
      periodEnd: input.end,
      timeZone: input.zone,
      planVersion: input.versionFrom,
      currency: entry.currency,
      issuedMinor,
      state: settled ? 'approved' : 'pending',
      waitingFor: null,
      cutoffAt: input.cutoff,
      lateFrom: Math.max(input.planCut, previous?.cutoffAt ?? 0),
      pricedAt: now.getTime(),
      pricedBy: input.runId,
      createdAt: now,
      processedAt: settled ? now : null,
      updatedAt: now,
    };
    parts.push(...billParts(ctx, { bill, lines: entry.lines, previous }));
  }
  await insertManyAtomically(ctx.db, parts, { maxParams: ctx.maxBoundParams });
  return countIssued(ctx, {
    runId: input.runId,
    planId: input.planId,
    source: 'sub_affiliates',
    start: input.start,
    attempted: parts.length / 2,
  });
}

function shareLine(source: BillRow, level: number, percent: string, late: boolean): PricedLine {
  return {
    kind: 'sub_affiliate',
    quantity: null,
    basisMinor: source.issuedMinor,
    basisCurrency: source.currency,
    rate: percent,
    amountMinor: round(times(fraction(source.issuedMinor), percentOf(percent))),
    detail: {
      subPartnerId: source.partnerId,
      level,
      ofBillId: source.id,
      ...(late && { lateFrom: source.periodStart }),
    },
  };
}
