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
import { CURRENCY_CODES } from '../../lib/money.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import { listBrands } from '../catalog/service.ts';
import { listPlanVersions } from '../commissions/service.ts';
import type { StoredMoney, StoredPlanTerms } from '../commissions/terms.ts';
import { listMoneyEventsOfPlayers, listPlayersWithNewEvents } from '../events/billing-facts.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { fireQualificationPostbacks } from '../postbacks/plan-postbacks.ts';
import { add, compare, fraction, round, times, type Fraction } from './exact.ts';
import { readProgress, saveProgress } from './progress.ts';
import { loadRateSeries, minorRate, rateLookup, type RateSeries } from './rates.ts';
import { qualifications, type QualificationValues } from './table.ts';

const SCAN = '*qualifications';
/** Players whose events one query reads (their pairs go as one JSON parameter). */
const PLAYERS_PER_READ = 500;
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
  const open: Array<{ candidate: Candidate; cpa: Cpa; currency: string }> = [];
  for (const candidate of candidates) {
    if (done.has(keyOf(candidate))) continue;
    const versions = plans.find((p) => p.planId === candidate.planId)!.versions;
    const day = localDateAt(zone, candidate.registeredAt.getTime());
    const cpa = versions.findLast((v) => v.effectiveFrom <= day)?.terms?.cpa;
    const currency = currencyOf.get(candidate.brandId);
    if (cpa && currency) open.push({ candidate, cpa, currency });
  }
  const rates = await rateSeriesFor(ctx, { open, zone, until: input.until, currencies: currencyOf.values() });
  const rows: Array<typeof qualifications.$inferInsert> = [];
  const sources: Candidate[] = [];
  let waiting = false;
  for (let i = 0; i < open.length; i += PLAYERS_PER_READ) {
    const batch = open.slice(i, i + PLAYERS_PER_READ);
    const byPlayer = histories(
      await listMoneyEventsOfPlayers(ctx, { players: batch.map((b) => b.candidate), receivedBefore: input.until }),
    );
    for (const { candidate, cpa, currency } of batch) {
      const history = byPlayer.get(`${candidate.brandId}|${candidate.playerId}`) ?? [];
      const result = checkPlayer({ candidate, cpa, currency, zone, until: input.until, history, rates });
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

type MoneyEvent = Awaited<ReturnType<typeof listMoneyEventsOfPlayers>>[number];

/** Events grouped by player (brand|player), oldest first per player. */
function histories(events: MoneyEvent[]): Map<string, MoneyEvent[]> {
  const out = new Map<string, MoneyEvent[]>();
  for (const e of events) {
    const key = `${e.brandId}|${e.playerId}`;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  const order = (a: MoneyEvent, b: MoneyEvent) =>
    a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of out.values()) list.sort(order);
  return out;
}

interface PlayerCheck {
  candidate: Candidate;
  cpa: Cpa;
  currency: string;
  zone: string;
  until: number;
  history: MoneyEvent[];
  rates: RateSeries;
}

/** Rates for every currency the run may meet, from the earliest registration to now: one read per run. */
async function rateSeriesFor(
  ctx: TenantContext,
  input: { open: Array<{ candidate: Candidate; cpa: Cpa }>; zone: string; until: number; currencies: Iterable<string> },
): Promise<RateSeries> {
  if (input.open.length === 0) return new Map();
  // A loop, not Math.min(...list): a first run may check hundreds of thousands of players.
  let earliest = Number.POSITIVE_INFINITY;
  for (const o of input.open) earliest = Math.min(earliest, o.candidate.registeredAt.getTime());
  return loadRateSeries(ctx, {
    currencies: [...CURRENCY_CODES].filter((c) => c !== 'EUR'),
    from: localDateAt(input.zone, earliest),
    to: localDateAt(input.zone, input.until),
  });
}

/** The moment the player met every rule and the values then, null if not (yet), 'waiting' without a rate. */
function checkPlayer(input: PlayerCheck) {
  const { candidate, cpa, currency } = input;
  const rules = cpa.qualification ?? {};
  if (rules.countries && !(candidate.country && rules.countries.includes(candidate.country))) return null;
  const registered = candidate.registeredAt.getTime();
  // Everything received so far counts, even an event dated after now (a sender's clock runs ahead):
  // the player would otherwise never be checked again, having no newer arrival.
  const windowEnd = rules.withinDays ? registered + rules.withinDays * DAY : Number.POSITIVE_INFINITY;
  const events = input.history.filter(
    (e) => e.occurredAt.getTime() >= registered && e.occurredAt.getTime() < windowEnd,
  );
  const registrationDay = localDateAt(input.zone, registered);
  const rate = rateLookup(input.rates, currency);
  const inBrand = (minor: number, from: string, at: number | string): Fraction | 'waiting' => {
    if (from === currency) return fraction(minor);
    // The local day only when a conversion needs it (Intl is the slow part of a check).
    const found = rate(from, typeof at === 'string' ? at : localDateAt(input.zone, at));
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
        ? inBrand(event.amountMinor, event.currency, event.occurredAt.getTime())
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
