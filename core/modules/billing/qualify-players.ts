/**
 * CPA qualification: a registered player qualifies for their registration's plan once they have a
 * first deposit and meet every rule the plan's CPA sets (minimum first deposit, number of deposits,
 * wager, NGR, all within N days of registration; allowed countries). Each qualification is stored
 * once per plan and player (the primary key decides between processes) with the values that met the
 * rules, and fires the partner's qualification postbacks.
 *
 * SQL finds the moment for players whose amounts are all in the brand's currency (nearly all of
 * them); the rest are checked exactly in JavaScript, each event converted at its day's rate. A
 * player whose rate is missing is checked again next run.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { insertMany } from '../../db/insert-many.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { TenantContext } from '../../lib/context.ts';
import { localDateAt } from '../../lib/time-zones.ts';
import { listBrands } from '../catalog/service.ts';
import { listPlanVersions } from '../commissions/service.ts';
import { listMoneyEventsOfPlayers } from '../events/billing-facts.ts';
import { findQualifyingMoments, type QualifyingMoment } from '../events/qualifying-moments.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { fireQualificationPostbacks } from '../postbacks/plan-postbacks.ts';
import { checkPlayer, histories, rateSeriesFor, type Cpa } from './check-player.ts';
import { readProgress, saveProgress } from './progress.ts';
import { qualificationRules } from './qualification-rules.ts';
import { qualifications, type QualificationValues } from './table.ts';

const SCAN = '*qualifications';
/** Players whose events one query reads (their pairs go as one JSON parameter). */
const PLAYERS_PER_READ = 500;

type Qualified = { moment: QualifyingMoment; at: number; values: QualificationValues };

/** Checks the players with events that arrived since the last check, up to `until`. Returns how many qualified. */
export async function qualifyPlayers(ctx: TenantContext, input: { until: number }): Promise<number> {
  const plans = (await listPlanVersions(ctx)).filter((p) => p.versions.some((v) => v.terms?.cpa));
  const from = Number((await readProgress(ctx, { subject: SCAN })) ?? 0);
  if (plans.length === 0 || from >= input.until) return 0;
  const zone = await findOperatorTimeZone(ctx);
  const currencyOf = new Map((await listBrands(ctx)).map((b) => [b.id, b.currency]));
  const rules = qualificationRules({ plans, zone, currencyOf });
  const moments = await findQualifyingMoments(ctx, { rules, receivedFrom: from, receivedBefore: input.until });
  const done = await qualifiedAlready(ctx, moments);
  const open = moments.filter((m) => !done.has(keyOf(m)));
  const qualified: Qualified[] = [];
  for (const moment of open) {
    if (!moment.met) continue;
    const { at, ...met } = moment.met;
    const currency = currencyOf.get(moment.brandId)!;
    qualified.push({ moment, at, values: { currency, ...met, country: moment.country } });
  }
  const checked = await checkUndecided(ctx, {
    undecided: open.filter((m) => !m.met),
    plans,
    zone,
    currencyOf,
    until: input.until,
  });
  qualified.push(...checked.qualified);
  const rows = qualified.map(({ moment: m, at, values }) => ({
    operatorId: ctx.operatorId,
    planId: m.planId,
    brandId: m.brandId,
    playerId: m.playerId,
    partnerId: m.partnerId,
    qualifiedAt: new Date(at),
    registeredAt: m.registeredAt,
    country: m.country,
    values,
    createdAt: ctx.clock.now(),
  }));
  await insertMany(ctx.db, qualifications, rows, { maxParams: ctx.maxBoundParams, onConflictDoNothing: true });
  await fireQualificationPostbacks(
    ctx,
    qualified.map(({ moment: m, at }) => ({
      partnerId: m.partnerId,
      campaignId: m.campaignId,
      promoId: m.promoId,
      clickId: m.clickId,
      triggerKey: `qualification:${m.planId}:${m.brandId}:${m.playerId}`,
      at: new Date(at),
      values: { player_id: m.playerId, brand_id: m.brandId, plan_id: m.planId },
    })),
  );
  // A player waiting for a rate is found again next run: the scan resumes from their latest arrival.
  const position = Math.min(input.until, checked.resumeFrom);
  await saveProgress(ctx, { subject: SCAN, position: String(position) });
  return rows.length;
}

const keyOf = (q: { planId: string; brandId: string; playerId: string }) => `${q.planId}|${q.brandId}|${q.playerId}`;

async function qualifiedAlready(ctx: TenantContext, candidates: QualifyingMoment[]): Promise<Set<string>> {
  const rows = await selectInChunks(
    [...new Set(candidates.map((c) => c.playerId))],
    (playerIds) =>
      ctx.db
        .select({ planId: qualifications.planId, brandId: qualifications.brandId, playerId: qualifications.playerId })
        .from(qualifications)
        .where(and(eq(qualifications.operatorId, ctx.operatorId), inArray(qualifications.playerId, playerIds))),
    ctx.maxBoundParams,
  );
  return new Set(rows.map(keyOf));
}

/**
 * The exact check with rates for the players SQL left undecided. `resumeFrom`: the earliest of the
 * latest arrivals of the players waiting for a rate (a run from there finds them all again), else Infinity.
 */
async function checkUndecided(
  ctx: TenantContext,
  input: {
    undecided: QualifyingMoment[];
    plans: Awaited<ReturnType<typeof listPlanVersions>>;
    zone: string;
    currencyOf: Map<string, string>;
    until: number;
  },
): Promise<{ qualified: Qualified[]; resumeFrom: number }> {
  const { zone, until } = input;
  const open: Array<{ moment: QualifyingMoment; cpa: Cpa; currency: string }> = [];
  for (const moment of input.undecided) {
    const versions = input.plans.find((p) => p.planId === moment.planId)!.versions;
    const day = localDateAt(zone, moment.registeredAt.getTime());
    const cpa = versions.findLast((v) => v.effectiveFrom <= day)?.terms?.cpa;
    const currency = input.currencyOf.get(moment.brandId);
    if (cpa && currency) open.push({ moment, cpa, currency });
  }
  const rates = await rateSeriesFor(ctx, { candidates: open.map((o) => o.moment), zone, until });
  const qualified: Qualified[] = [];
  let resumeFrom = Number.POSITIVE_INFINITY;
  for (let i = 0; i < open.length; i += PLAYERS_PER_READ) {
    const batch = open.slice(i, i + PLAYERS_PER_READ);
    const players = batch.map((b) => b.moment);
    const byPlayer = histories(await listMoneyEventsOfPlayers(ctx, { players, receivedBefore: until }));
    for (const { moment, cpa, currency } of batch) {
      const history = byPlayer.get(`${moment.brandId}|${moment.playerId}`) ?? [];
      const result = checkPlayer({ candidate: moment, cpa, currency, zone, until, history, rates });
      if (result === 'waiting') {
        let latest = 0;
        for (const e of history) latest = Math.max(latest, e.receivedAt);
        resumeFrom = Math.min(resumeFrom, latest);
      } else if (result) qualified.push({ moment, ...result });
    }
  }
  return { qualified, resumeFrom };
}
