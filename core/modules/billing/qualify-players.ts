/**
 * CPA qualification: a registered player qualifies for their plan once they have a first deposit
 * and meet every rule the plan's CPA sets (minimum first deposit, number of deposits, wager, NGR,
 * all within N days of registration; allowed countries). Each qualification is stored once per
 * plan and player (the primary key decides between processes) with the values that met the rules,
 * and fires the partner's qualification postbacks. Amounts compare in the brand's currency, each
 * event converted at its day's rate; a player whose rate is missing is checked again next run.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { insertMany } from '../../db/insert-many.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { TenantContext } from '../../lib/context.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import { listBrands } from '../catalog/service.ts';
import { listPlanVersions } from '../commissions/service.ts';
import type { StoredMoney, StoredPlanTerms } from '../commissions/terms.ts';
import { listPlayerMoneyEvents, listPlayersWithNewEvents } from '../events/billing-facts.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { fireQualificationPostbacks } from '../postbacks/plan-postbacks.ts';
import { add, compare, fraction, round, times, type Fraction } from './exact.ts';
import { readProgress, saveProgress } from './progress.ts';
import { loadRateSeries, minorRate, rateLookup } from './rates.ts';
import { qualifications, type QualificationValues } from './table.ts';

const SCAN = '*qualifications';
const DAY = 86_400_000;

type Cpa = NonNullable<StoredPlanTerms['cpa']>;
type Candidate = Awaited<ReturnType<typeof listPlayersWithNewEvents>>[number];

/** Checks the players with events that arrived since the last check, up to `until`. Returns how many qualified. */
export async function qualifyPlayers(ctx: TenantContext, input: { until: number }): Promise<number> {
  const plans = (await listPlanVersions(ctx)).filter((p) => p.versions.some((v) => v.terms?.cpa));
  const from = Number((await readProgress(ctx, { subject: SCAN })) ?? 0);
  if (plans.length === 0 || from >= input.until) return 0;
  const candidates = await listPlayersWithNewEvents(ctx, {
    planIds: plans.map((p) => p.planId),
    receivedFrom: from,
    receivedBefore: input.until,
  });
  const done = await qualifiedAlready(ctx, candidates);
  const zone = await findOperatorTimeZone(ctx);
  const currencyOf = new Map((await listBrands(ctx)).map((b) => [b.id, b.currency]));
  const rows: Array<typeof qualifications.$inferInsert> = [];
  const sources: Candidate[] = [];
  let waiting = false;
  for (const candidate of candidates) {
    if (done.has(keyOf(candidate))) continue;
    const registered = candidate.registeredAt.getTime();
    const versions = plans.find((p) => p.planId === candidate.planId)!.versions;
    const cpa = versions.findLast((v) => v.effectiveFrom <= localDateAt(zone, registered))?.terms?.cpa;
    const currency = currencyOf.get(candidate.brandId);
    if (!cpa || !currency) continue;
    const result = await checkPlayer(ctx, { candidate, cpa, currency, zone, until: input.until });
    if (result === 'waiting') waiting = true;
    if (!result || result === 'waiting') continue;
    sources.push(candidate);
    rows.push({
      operatorId: ctx.operatorId,
      planId: candidate.planId,
      brandId: candidate.brandId,
      playerId: candidate.playerId,
      partnerId: candidate.partnerId,
      qualifiedAt: new Date(result.at),
      registeredAt: candidate.registeredAt,
      country: candidate.country,
      values: result.values,
      createdAt: ctx.clock.now(),
    });
  }
  await insertMany(ctx.db, qualifications, rows, { maxParams: ctx.maxBoundParams, onConflictDoNothing: true });
  await fireQualificationPostbacks(
    ctx,
    sources.map((c, i) => ({
      partnerId: c.partnerId,
      campaignId: c.campaignId,
      promoId: c.promoId,
      clickId: c.clickId,
      triggerKey: `qualification:${c.planId}:${c.brandId}:${c.playerId}`,
      at: rows[i]!.qualifiedAt as Date,
      values: { player_id: c.playerId, brand_id: c.brandId, plan_id: c.planId },
    })),
  );
  // A player waiting for a rate is found again from the same position next run.
  if (!waiting) await saveProgress(ctx, { subject: SCAN, position: String(input.until) });
  return rows.length;
}

const keyOf = (q: { planId: string; brandId: string; playerId: string }) => `${q.planId}|${q.brandId}|${q.playerId}`;

async function qualifiedAlready(ctx: TenantContext, candidates: Candidate[]): Promise<Set<string>> {
  const rows = await selectInChunks(
    candidates.map((c) => c.playerId),
    (playerIds) =>
      ctx.db
        .select({ planId: qualifications.planId, brandId: qualifications.brandId, playerId: qualifications.playerId })
        .from(qualifications)
        .where(and(eq(qualifications.operatorId, ctx.operatorId), inArray(qualifications.playerId, playerIds))),
    ctx.maxBoundParams,
  );
  return new Set(rows.map(keyOf));
}

interface PlayerCheck {
  candidate: Candidate;
  cpa: Cpa;
  currency: string;
  zone: string;
  until: number;
}

/** The moment the player met every rule and the values then, null if not (yet), 'waiting' without a rate. */
async function checkPlayer(ctx: TenantContext, input: PlayerCheck) {
  const { candidate, cpa, currency } = input;
  const rules = cpa.qualification ?? {};
  if (rules.countries && !(candidate.country && rules.countries.includes(candidate.country))) return null;
  const registered = candidate.registeredAt.getTime();
  const windowEnd = rules.withinDays ? registered + rules.withinDays * DAY : input.until;
  const events = await listPlayerMoneyEvents(ctx, {
    brandId: candidate.brandId,
    playerId: candidate.playerId,
    from: registered,
    until: Math.min(windowEnd, input.until),
    receivedBefore: input.until,
  });
  const foreign = new Set(events.flatMap((e) => (e.currency && e.currency !== currency ? [e.currency] : [])));
  const days = events.map((e) => localDateAt(input.zone, e.occurredAt.getTime())).sort();
  const registrationDay = localDateAt(input.zone, registered);
  const series = await loadRateSeries(ctx, {
    currencies: [...foreign, ...thresholdCurrencies(cpa), currency],
    from: days[0] ?? registrationDay,
    to: days.at(-1) ?? registrationDay,
  });
  const rate = rateLookup(series, currency);
  const inBrand = (minor: number, from: string, day: string): Fraction | 'waiting' => {
    if (from === currency) return fraction(minor);
    const found = rate(from, day);
    return found ? times(fraction(minor), minorRate(found.perUnit, from, currency)) : 'waiting';
  };
  const threshold = (list: StoredMoney[] | undefined) => {
    if (!list) return null;
    const own = list.find((m) => m.currency === currency) ?? list[0]!;
    return inBrand(own.minor, own.currency, registrationDay);
  };
  const limits = {
    ftd: threshold(rules.minFirstDeposit),
    wager: threshold(rules.minWager),
    ngr: threshold(rules.minNgr),
  };
  if (Object.values(limits).includes('waiting')) return 'waiting';
  let ftd: Fraction | null = null;
  let deposits = 0;
  let wager = fraction(0);
  let ngr = fraction(0);
  for (const event of events) {
    const value =
      event.amountMinor !== null && event.currency
        ? inBrand(event.amountMinor, event.currency, localDateAt(input.zone, event.occurredAt.getTime()))
        : fraction(0);
    if (value === 'waiting') return 'waiting';
    if (event.type === 'first_deposit') ftd ??= value;
    if (event.type === 'first_deposit' || event.type === 'deposit') deposits += 1;
    if (event.type === 'wager') wager = add(wager, value);
    if (event.type === 'ngr') ngr = add(ngr, value);
    const met =
      ftd !== null &&
      (!limits.ftd || compare(ftd, limits.ftd as Fraction) >= 0) &&
      deposits >= (rules.minDeposits ?? 0) &&
      (!limits.wager || compare(wager, limits.wager as Fraction) >= 0) &&
      (!limits.ngr || compare(ngr, limits.ngr as Fraction) >= 0);
    if (!met) continue;
    const values: QualificationValues = {
      currency,
      firstDepositMinor: round(ftd!),
      deposits,
      wagerMinor: round(wager),
      ngrMinor: round(ngr),
      country: candidate.country,
    };
    return { at: event.occurredAt.getTime(), values };
  }
  return null;
}

const thresholdCurrencies = (cpa: Cpa) =>
  [cpa.qualification?.minFirstDeposit, cpa.qualification?.minWager, cpa.qualification?.minNgr].flatMap(
    (list) => list?.map((m) => m.currency) ?? [],
  );
