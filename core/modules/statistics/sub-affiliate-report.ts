/**
 * The sub-affiliates report: for a period, each level of the calling partner's sub-affiliate tree
 * (identity's `listSubAffiliateTree`) with how many sub-affiliates it has, the sum of their own
 * performance numbers (the same cubes, spans and presentation as each one's performance report,
 * only the metrics the operator lets partners see) and what the partner earned from them
 * (billing's `sumSubAffiliateEarnings`: the sub-affiliate lines of its bills whose period starts in
 * the range); under each level its sub-affiliates, the most active first, at most `limit` rows.
 */
import type { PartnerContext } from '../../lib/context.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { isTimeZone } from '../../lib/time-zones.ts';
import { sumSubAffiliateEarnings } from '../billing/sub-affiliate-earnings.ts';
import { listSubAffiliateTree, type SubAffiliateMember } from '../identity/sub-affiliate-tree.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { spansOf } from './decompose.ts';
import { cutPeriod, resolvePeriod, type DateRange } from './periods.ts';
import { chooseLocalDayCube, grainsOf, queryCubes } from './report-sql.ts';
import { emptyFolded, foldRows, presentValues, sumTotals, type Folded } from './report-values.ts';
import { getReportSettings } from './report-settings.ts';
import { readableLocalDays } from './roll-up.ts';
import type { Metric } from './schemas.ts';
import {
  SUB_AFFILIATE_REPORT_METRICS,
  type SubAffiliateReport,
  type SubAffiliateReportQuery,
} from './sub-affiliate-report-schemas.ts';

/** Currency → minor units. */
type Earned = Map<string, number>;

const addEarned = (into: Earned, currency: string, minor: number) =>
  into.set(currency, (into.get(currency) ?? 0) + minor);

const showEarned = (earned: Earned | undefined): Record<string, string> =>
  Object.fromEntries(
    [...(earned ?? [])]
      .filter(([, minor]) => minor !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, minor]) => [currency, formatMoney(money(minor, currency))]),
  );

/**
 * Each partner's own traffic over the range, as its performance report reads it (the promo cubes,
 * whole local days from the local-day cube where rolled up): one query for all of them.
 */
async function sumTrafficByPartner(
  ctx: PartnerContext,
  input: { partnerIds: string[]; range: DateRange; timeZone: string },
): Promise<Map<string, Folded>> {
  if (input.partnerIds.length === 0) return new Map();
  const { range, timeZone } = input;
  const cuts = cutPeriod(range, timeZone, null);
  const localDays = chooseLocalDayCube(['partner']);
  const readable = { zone: timeZone, ...(await readableLocalDays(ctx, { zone: timeZone, ...range })) };
  const spans = cuts.flatMap((cut, period) =>
    spansOf(cut.start, cut.end, grainsOf('promo'), readable).map((s) => ({ ...s, period })),
  );
  const rows = await queryCubes(ctx, {
    set: 'promo',
    localDays,
    spans,
    groupBy: ['partner'],
    filters: { partner: input.partnerIds },
  });
  const folded = foldRows(rows, cuts, { time: null, attributes: ['partner'] }, ['partner']);
  return new Map(folded.map((f) => [f.key.partner ?? '', f]));
}

/** The most active first: by the visible counts in this order, then earnings, then the newest sign-up. */
function byActivity(metrics: readonly Metric[], earned: Map<string, Earned>, traffic: Map<string, Folded>) {
  const counts = (['ftdCount', 'registrations', 'clicks', 'depositCount'] as const).filter((m) => metrics.includes(m));
  const earnedSum = (id: string) => [...(earned.get(id)?.values() ?? [])].reduce((a, b) => a + b, 0);
  return (a: SubAffiliateMember, b: SubAffiliateMember) => {
    for (const m of counts) {
      const diff = (traffic.get(b.id)?.counts[m] ?? 0) - (traffic.get(a.id)?.counts[m] ?? 0);
      if (diff !== 0) return diff;
    }
    return earnedSum(b.id) - earnedSum(a.id) || b.signedUpAt.localeCompare(a.signedUpAt) || a.id.localeCompare(b.id);
  };
}

export async function runSubAffiliateReport(
  ctx: PartnerContext,
  query: SubAffiliateReportQuery,
): Promise<SubAffiliateReport> {
  const timeZone = query.timeZone ?? (await findOperatorTimeZone(ctx));
  if (!isTimeZone(timeZone))
    throw fieldProblem('query.timeZone', 'invalid_format', 'must be an IANA time zone like Europe/Malta', {
      format: 'time_zone',
    });
  const range = resolvePeriod(query, timeZone, ctx.clock.now().getTime());
  const settings = await getReportSettings(ctx);
  const metrics = SUB_AFFILIATE_REPORT_METRICS.filter((m) => !settings.hiddenMetrics.includes(m));
  const tree = await listSubAffiliateTree(ctx, { level: query.level });
  const [traffic, earnings] = await Promise.all([
    sumTrafficByPartner(ctx, { partnerIds: tree.members.map((m) => m.id), range, timeZone }),
    sumSubAffiliateEarnings(ctx, { from: range.from, to: range.to }),
  ]);

  // A line counts at its sub-partner's level today; one whose sub-partner left the tree (or the
  // cap cut it off) at the level its bill paid for.
  const levelOf = new Map(tree.members.map((m) => [m.id, m.level]));
  const earnedBy = new Map<string, Earned>();
  const earnedAtLevel = new Map<number, Earned>();
  for (const line of earnings) {
    const level = levelOf.get(line.subPartnerId) ?? line.level;
    if (query.level && level !== query.level) continue;
    let own = earnedBy.get(line.subPartnerId);
    if (!own) earnedBy.set(line.subPartnerId, (own = new Map()));
    addEarned(own, line.currency, line.minor);
    let atLevel = earnedAtLevel.get(level);
    if (!atLevel) earnedAtLevel.set(level, (atLevel = new Map()));
    addEarned(atLevel, line.currency, line.minor);
  }

  const membersAt = new Map<number, SubAffiliateMember[]>();
  for (const m of tree.members) {
    const list = membersAt.get(m.level);
    if (list) list.push(m);
    else membersAt.set(m.level, [m]);
  }
  const levelNumbers = [...new Set([...membersAt.keys(), ...earnedAtLevel.keys()])].sort((a, b) => a - b);
  const levelTotals = new Map(
    levelNumbers.map((level) => [
      level,
      sumTotals((membersAt.get(level) ?? []).flatMap((m) => traffic.get(m.id) ?? [])),
    ]),
  );
  const overall = sumTotals([...levelTotals.values()]);
  const overallEarned: Earned = new Map();
  for (const earned of earnedAtLevel.values()) for (const [c, minor] of earned) addEarned(overallEarned, c, minor);

  const order = byActivity(metrics, earnedBy, traffic);
  const shown = new Map(
    levelNumbers.map((level) => [level, [...(membersAt.get(level) ?? [])].sort(order).slice(0, query.limit)]),
  );
  const present = await presentValues(ctx, {
    metrics,
    currency: null,
    ratesDate: null,
    costKnown: false,
    commissionKnown: false,
    rows: [...levelTotals.values(), overall],
  });
  const valuesOf = (f: Folded | undefined) => present.values(f ?? emptyFolded({}));
  return {
    period: { from: range.from, to: range.to, timeZone },
    metrics,
    rowsPerLevel: query.limit,
    complete: tree.complete,
    levels: levelNumbers.map((level) => ({
      level,
      subAffiliates: membersAt.get(level)?.length ?? 0,
      values: valuesOf(levelTotals.get(level)),
      earned: showEarned(earnedAtLevel.get(level)),
      rows: (shown.get(level) ?? []).map((m) => ({
        partner: { id: m.id, name: m.name, status: m.status, signedUpAt: m.signedUpAt },
        values: valuesOf(traffic.get(m.id)),
        earned: showEarned(earnedBy.get(m.id)),
      })),
    })),
    totals: { subAffiliates: tree.members.length, values: valuesOf(overall), earned: showEarned(overallEarned) },
  };
}
