/**
 * The performance report: checks the question, picks the smallest cube that can answer it, cuts
 * the period in the report's time zone, reads each cut as signed UTC blocks (one query), then
 * folds currencies, converts, derives the rates, names the rows, sorts and pages.
 */
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { isTimeZone } from '../../lib/time-zones.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { resolvePromoCodes } from '../tracking/service.ts';
import { spansOf } from './decompose.ts';
import { cutPeriod, localToday, MAX_FINE_PERIOD_DAYS, periodDays, resolvePeriod } from './periods.ts';
import { addCosts, costApplies } from './report-costs.ts';
import { labelRows } from './report-labels.ts';
import {
  chooseCubeSet,
  chooseLocalDayCube,
  grainsOf,
  queryCubes,
  type Attribute,
  type CubeQuery,
} from './report-sql.ts';
import { queryReportPage, sortsInSql } from './report-page.ts';
import { readableLocalDays } from './roll-up.ts';
import { addCommissions, commissionApplies, reportCommissions } from './report-commissions.ts';
import { emptyFolded, foldRows, presentValues, sortOf, sortRows, sumTotals, type Folded } from './report-values.ts';
import { getReportSettings } from './report-settings.ts';
import {
  ATTRIBUTE_GROUPINGS,
  METRICS,
  TIME_GROUPINGS,
  type Grouping,
  type Metric,
  type ReportQuery,
  type ReportSchema,
} from './schemas.ts';
import type { z } from 'zod';
import type { TimeGrouping } from './periods.ts';

export type Report = z.infer<typeof ReportSchema>;

/** Who asks: a partner sees their own traffic and what the operator lets partners see. */
interface Audience {
  partnerId: string | null;
  hiddenMetrics: ReadonlySet<string>;
  hiddenGroupings: ReadonlySet<string>;
}

const FILTERS: Array<[keyof ReportQuery, Attribute]> = [
  ['brandId', 'brand'],
  ['planId', 'plan'],
  ['campaignId', 'campaign'],
  ['promoId', 'promo'],
  ['landingId', 'landing'],
  ['creativeId', 'creative'],
  ['trafficSourceId', 'trafficSource'],
  ['country', 'country'],
  ['device', 'device'],
  ['os', 'os'],
  ['partnerId', 'partner'],
];

export async function runPartnerReport(ctx: PartnerContext, query: ReportQuery): Promise<Report> {
  if (query.partnerId) throw fieldProblem('query.partnerId', 'not_applicable', 'partners see their own traffic only');
  if (query.groupBy.includes('partner'))
    throw fieldProblem('query.groupBy', 'invalid_choice', 'partners cannot group by partner', {
      allowed: [...TIME_GROUPINGS, ...ATTRIBUTE_GROUPINGS],
    });
  const settings = await getReportSettings(ctx);
  // A metric the operator hides is refused when asked for by name (the default list just omits it).
  const hidden = query.metrics?.filter((m) => settings.hiddenMetrics.includes(m)) ?? [];
  if (hidden.length)
    throw fieldProblem('query.metrics', 'invalid_choice', `not available: ${hidden.join(', ')}`, {
      allowed: METRICS.filter((m) => !settings.hiddenMetrics.includes(m)),
    });
  // What partners may not group by they may not filter by either.
  for (const [field, attribute] of FILTERS)
    if (query[field] && settings.hiddenGroupings.includes(attribute as (typeof settings.hiddenGroupings)[number]))
      throw fieldProblem(`query.${field}`, 'not_applicable', `filtering by ${attribute} is not available`);
  return runReport(ctx, query, {
    partnerId: ctx.partner.partnerId,
    hiddenMetrics: new Set(settings.hiddenMetrics),
    hiddenGroupings: new Set(settings.hiddenGroupings),
  });
}

/** Metrics that need the costs, and those that need the bills' commissions. */
const COST_METRICS: ReadonlySet<Metric> = new Set(['cost', 'profit', 'roi']);
const COMMISSION_METRICS: ReadonlySet<Metric> = new Set(['commission', 'profit', 'roi', 'epc']);

const OPERATOR: Audience = { partnerId: null, hiddenMetrics: new Set(), hiddenGroupings: new Set() };

export async function runOperatorReport(ctx: TenantContext, query: ReportQuery): Promise<Report> {
  return runReport(ctx, query, OPERATOR);
}

/** The same report with every row folded, sorted and paged in JavaScript: what the SQL page is checked against. */
export async function runOperatorReportFolded(ctx: TenantContext, query: ReportQuery): Promise<Report> {
  return runReport(ctx, query, OPERATOR, 'fold');
}

/** The metrics an audience may see, in the order asked (default: all of them). */
export function visibleMetrics(requested: readonly Metric[] | undefined, audience: Pick<Audience, 'hiddenMetrics'>) {
  return (requested ?? METRICS).filter((m) => !audience.hiddenMetrics.has(m));
}

function checkGroupings(
  query: ReportQuery,
  audience: Audience,
): { time: TimeGrouping | null; attributes: Attribute[] } {
  const groupBy = query.groupBy as Grouping[];
  if (new Set(groupBy).size !== groupBy.length)
    throw fieldProblem('query.groupBy', 'not_applicable', 'each grouping may appear once');
  const times = groupBy.filter((g): g is TimeGrouping => (TIME_GROUPINGS as readonly string[]).includes(g));
  if (times.length > 1)
    throw fieldProblem('query.groupBy', 'not_applicable', 'one time grouping at most (hour, day, week, month or year)');
  const hidden = groupBy.filter((g) => audience.hiddenGroupings.has(g));
  if (hidden.length > 0)
    throw fieldProblem('query.groupBy', 'invalid_choice', `not available: ${hidden.join(', ')}`, {
      allowed: [...TIME_GROUPINGS, ...ATTRIBUTE_GROUPINGS].filter((g) => !audience.hiddenGroupings.has(g)),
    });
  if (groupBy.includes('parameter') && !query.parameter)
    throw fieldProblem('query.parameter', 'required', 'grouping by a custom parameter needs its name');
  return {
    time: times[0] ?? null,
    attributes: groupBy.filter((g): g is Attribute => !times.includes(g as TimeGrouping)),
  };
}

async function runReport(
  ctx: TenantContext,
  query: ReportQuery,
  audience: Audience,
  engine: 'auto' | 'fold' = 'auto',
): Promise<Report> {
  const timeZone = query.timeZone ?? (await findOperatorTimeZone(ctx));
  if (!isTimeZone(timeZone))
    throw fieldProblem('query.timeZone', 'invalid_format', 'must be an IANA time zone like Europe/Malta', {
      format: 'time_zone',
    });
  const range = resolvePeriod(query, timeZone, ctx.clock.now().getTime());
  const grouping = checkGroupings(query, audience);
  const fine = grouping.time === 'hour' || grouping.attributes.includes('parameter');
  if (fine && periodDays(range) > MAX_FINE_PERIOD_DAYS)
    throw fieldProblem(
      'query.period',
      'too_big',
      `hourly and custom-parameter reports cover at most ${MAX_FINE_PERIOD_DAYS} days`,
      { maximum: MAX_FINE_PERIOD_DAYS },
    );

  const filters: Partial<Record<Attribute, string[]>> = {};
  for (const [field, attribute] of FILTERS) {
    const values = query[field] as string[] | undefined;
    if (values?.length) filters[attribute] = values;
  }
  if (audience.partnerId) filters.partner = [audience.partnerId];
  if (query.promoCode) {
    const promo = (await resolvePromoCodes(ctx, [query.promoCode])).get(query.promoCode);
    const allowed = promo && (!audience.partnerId || promo.partnerId === audience.partnerId) ? [promo.promoId] : [];
    filters.promo = filters.promo ? filters.promo.filter((id) => allowed.includes(id)) : allowed;
  }
  const asked = [...grouping.attributes, ...(Object.keys(filters) as Attribute[])];
  const set = chooseCubeSet(asked);
  if (!set)
    throw fieldProblem(
      'query.groupBy',
      'not_applicable',
      'a custom parameter combines with period, brand, plan, campaign, promo, landing, creative and traffic source only',
    );

  const cuts = cutPeriod(range, timeZone, grouping.time);
  const grains = grainsOf(set);
  // Whole local days already rolled up in this zone are read from the local-day cubes.
  const localDays = set === 'parameter' ? null : chooseLocalDayCube(asked);
  const readable = localDays
    ? { zone: timeZone, ...(await readableLocalDays(ctx, { zone: timeZone, start: range.start, end: range.end })) }
    : null;
  const spans = cuts.flatMap((cut, period) =>
    spansOf(cut.start, cut.end, grains, readable).map((s) => ({ ...s, period })),
  );
  const metrics = visibleMetrics(query.metrics, audience);
  const groupBy = query.groupBy as Grouping[];
  if (query.sort && !(metrics as string[]).includes(query.sort) && !(groupBy as string[]).includes(query.sort))
    throw fieldProblem('query.sort', 'invalid_choice', 'sort by a metric of the report or one of its groupings', {
      allowed: [...metrics, ...groupBy],
    });
  const cubeQuery: CubeQuery = {
    set,
    localDays,
    spans,
    groupBy: grouping.attributes,
    filters,
    ...(query.parameter ? { parameterKey: query.parameter } : {}),
  };
  const emptyFilter = Object.values(filters).some((v) => v.length === 0);
  const costKnown = metrics.some((m) => COST_METRICS.has(m)) && costApplies(grouping, filters);
  const commissionKnown = metrics.some((m) => COMMISSION_METRICS.has(m)) && commissionApplies(grouping, filters);
  const ratesDate = query.currency ? (query.ratesDate ?? localToday(timeZone, ctx.clock.now().getTime())) : null;
  const presenting = { metrics, currency: query.currency ?? null, ratesDate, costKnown, commissionKnown };
  const order = sortOf(query, metrics);
  let page: Folded[];
  let totals: Folded;
  let total: number;
  let present: Awaited<ReturnType<typeof presentValues>>;
  if (engine === 'auto' && !costKnown && !commissionKnown && sortsInSql(order.sort, groupBy)) {
    // Sorted and paged by the database: only the page comes back.
    const result = emptyFilter
      ? { rows: [], totals: emptyFolded({}), total: 0 }
      : await queryReportPage(ctx, {
          cube: cubeQuery,
          cuts,
          groupBy,
          ...order,
          limit: query.limit,
          offset: query.offset,
        });
    ({ rows: page, totals, total } = result);
    present = await presentValues(ctx, { ...presenting, rows: [...page, totals] });
  } else {
    const rows = emptyFilter ? [] : await queryCubes(ctx, cubeQuery);
    let folded = foldRows(rows, cuts, grouping, groupBy);
    const placing = { range, time: grouping.time, filters, groupBy };
    if (costKnown) folded = await addCosts(ctx, { ...placing, rows: folded });
    if (commissionKnown) folded = await addCommissions(ctx, { ...placing, rows: folded });
    totals = sumTotals(folded);
    total = folded.length;
    present = await presentValues(ctx, { ...presenting, rows: [...folded, totals] });
    page = sortRows(folded, query, metrics, present.sortValue).slice(query.offset, query.offset + query.limit);
  }
  const labels = await labelRows(ctx, { rows: page, groupBy });
  const pageValues = page.map((row) => present.values(row));
  const totalValues = present.values(totals);
  return {
    period: { from: range.from, to: range.to, timeZone },
    groupBy,
    metrics,
    currency: {
      mode: query.currency ? 'converted' : 'each',
      currency: query.currency ?? null,
      ratesDate,
      missingRates: present.missingRates(),
    },
    rows: page.map((row, i) => ({ key: row.key, labels: labels[i]!, values: pageValues[i]! })),
    totals: totalValues,
    total,
    commissions: await reportCommissions(ctx, { range, filters }),
  };
}
