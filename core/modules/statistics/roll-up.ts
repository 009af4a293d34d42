/**
 * The local-day roll-up. Reports in the operator's own time zone (the default) read closed local
 * days from the local-day cubes: one row per combination and day, where the UTC cubes need the
 * UTC day plus the hours that mend it at both ends (four hour rows for every day row in Malta).
 *
 * The roll-up is a job, not part of the click's commit, so the hot path never needs the
 * operator's zone and a change of zone is a rebuild, not a rewrite of live rows:
 * - each closed day is summed from the quarter-hour `full` cube, in one transaction per slice
 *   of days (delete the days' rows, insert their sums, clear their change marks);
 * - every batch of clicks or events marks the quarter hours it touched (count-traffic.ts), so a
 *   late event in a rolled-up day is seen: reports read that day from the UTC cubes until the
 *   next run rolls it up again;
 * - every statement of a slice runs only while the stored zone is the one it was cut for, so a
 *   runner that read the old zone changes nothing after another one started the rebuild.
 * Two runners may roll the same days: each slice replaces the days' rows, so the result is the same.
 */
import { and, eq, getTableColumns, getTableName, gte, lt, sql, type SQL } from 'drizzle-orm';
import { insertManyAtomically, rawStatement } from '../../db/insert-many.ts';
import { createOutbox, type JobHandlers } from '../../jobs/outbox.ts';
import type { TenantRead, TenantStore } from '../../lib/context.ts';
import { addDays, dayStartIn, localDateAt } from '../../lib/time-zones.ts';
import { snakeCase } from './report-sql.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import {
  METRIC_COLUMNS,
  statsCampaignLocalDay,
  statsChangedQuarters,
  statsCountryLocalDay,
  statsFullDay,
  statsFullQuarter,
  statsPromoLocalDay,
  statsRollups,
} from './table.ts';

/** Local days summed in one transaction: about 100k quarter rows a day at 10 million clicks a quarter year. */
const DAYS_PER_SLICE = 3;

/** The local-day cubes and the attribute columns each keeps. */
export const LOCAL_DAY_CUBES = [statsPromoLocalDay, statsCampaignLocalDay, statsCountryLocalDay].map((table) => ({
  table,
  attributes: Object.values(getTableColumns(table))
    .map((c) => c.name)
    .filter(
      (n) => !['operator_id', 'bucket', 'currency'].includes(n) && !METRIC_COLUMNS.some((m) => snakeCase(m) === n),
    ),
}));

export interface RollUpResult {
  timeZone: string;
  /** Local days summed in this run (new ones and changed ones). */
  days: number;
  rolledUntil: number;
  /** False when the time budget ran out first: the next run goes on from there. */
  done: boolean;
}

/**
 * Rolls up the rolled-up days that changed since, then every closed local day not yet rolled
 * up, slice by slice until done or past `deadline` (a time from `Date.now()`: a first roll-up of a
 * big history takes several runs).
 */
export async function rollUpLocalDays(ctx: TenantStore, { deadline = Infinity } = {}): Promise<RollUpResult> {
  const overBudget = () => Date.now() > deadline;
  const zone = await findOperatorTimeZone(ctx);
  const state = await readRollUp(ctx);
  let rolledUntil = state?.timeZone === zone ? state.rolledUntil : 0;
  if (!state || state.timeZone !== zone) await restartRollUp(ctx, zone);

  const todayStart = dayStartIn(zone, localDateAt(zone, ctx.clock.now().getTime()));
  let days = 0;
  // Rolled-up days with change marks: summed again.
  const changed = await ctx.db
    .selectDistinct({ bucket: statsChangedQuarters.bucket })
    .from(statsChangedQuarters)
    .where(and(eq(statsChangedQuarters.operatorId, ctx.operatorId), lt(statsChangedQuarters.bucket, rolledUntil)));
  const changedDates = [...new Set(changed.map((c) => localDateAt(zone, c.bucket)))].sort();
  for (let i = 0; i < changedDates.length; i += DAYS_PER_SLICE) {
    if (overBudget()) return { timeZone: zone, days, rolledUntil, done: false };
    await rollUpDates(ctx, zone, changedDates.slice(i, i + DAYS_PER_SLICE), null);
    days += Math.min(DAYS_PER_SLICE, changedDates.length - i);
  }
  // Then the closed days after the last one rolled up (from the first day with traffic).
  let next: string;
  if (rolledUntil > 0) next = localDateAt(zone, rolledUntil);
  else {
    const [first] = await ctx.db
      .select({ bucket: sql<number | null>`min(${statsFullDay.bucket})` })
      .from(statsFullDay)
      .where(eq(statsFullDay.operatorId, ctx.operatorId));
    const firstBucket = first?.bucket ?? null;
    next = localDateAt(zone, firstBucket === null ? todayStart : firstBucket);
  }
  while (dayStartIn(zone, next) < todayStart) {
    if (overBudget()) return { timeZone: zone, days, rolledUntil, done: false };
    const dates: string[] = [];
    for (let d = next; dates.length < DAYS_PER_SLICE && dayStartIn(zone, d) < todayStart; d = addDays(d, 1))
      dates.push(d);
    next = addDays(dates[dates.length - 1]!, 1);
    rolledUntil = dayStartIn(zone, next);
    await rollUpDates(ctx, zone, dates, rolledUntil);
    days += dates.length;
  }
  if (rolledUntil < todayStart) {
    // No traffic at all yet: nothing to sum, every day before today is rolled up (as empty).
    rolledUntil = todayStart;
    await ctx.db
      .update(statsRollups)
      .set({ rolledUntil })
      .where(and(eq(statsRollups.operatorId, ctx.operatorId), eq(statsRollups.timeZone, zone)));
  }
  return { timeZone: zone, days, rolledUntil, done: true };
}

async function readRollUp(ctx: Pick<TenantStore, 'db' | 'operatorId'>) {
  const [row] = await ctx.db.select().from(statsRollups).where(eq(statsRollups.operatorId, ctx.operatorId));
  return row ?? null;
}

/** A new zone (or none yet): the local-day rows of the old one go, the roll-up starts again. */
async function restartRollUp(ctx: TenantStore, zone: string) {
  await insertManyAtomically(ctx.db, [
    ...LOCAL_DAY_CUBES.map(({ table }) =>
      rawStatement(sql`delete from ${table} where operator_id = ${ctx.operatorId}`),
    ),
    {
      query: ctx.db
        .insert(statsRollups)
        .values({ operatorId: ctx.operatorId, timeZone: zone, rolledUntil: 0 })
        .onConflictDoUpdate({ target: statsRollups.operatorId, set: { timeZone: zone, rolledUntil: 0 } }),
    },
  ]);
}

const sumsOf = (prefix: string) => METRIC_COLUMNS.map((m) => `sum(${prefix}${snakeCase(m)})`).join(', ');
const metricsOf = (prefix: string) => METRIC_COLUMNS.map((m) => `${prefix}${snakeCase(m)}`).join(', ');

/**
 * One transaction: the dates' local-day rows replaced by the sums of their quarter hours, their
 * change marks cleared, and (for new days) the roll-up moved on — all only while `zone` is stored.
 */
async function rollUpDates(ctx: TenantStore, zone: string, dates: readonly string[], rolledUntil: number | null) {
  const spans = dates.map((d) => [dayStartIn(zone, d), dayStartIn(zone, addDays(d, 1))] as const);
  const days = sql.raw(spans.map(([lo, hi]) => `(${lo},${hi})`).join(','));
  const daysTable = sql`(select column1 as lo, column2 as hi from (values ${days}))`;
  const current = sql`exists (select 1 from ${statsRollups} where operator_id = ${ctx.operatorId} and time_zone = ${zone})`;
  const inDays = (column: SQL) =>
    sql`exists (select 1 from ${daysTable} d where ${column} >= d.lo and ${column} < d.hi)`;
  const full = sql.raw(`"${getTableName(statsFullQuarter)}"`);
  const metricNames = METRIC_COLUMNS.map(snakeCase).join(', ');
  const statements = LOCAL_DAY_CUBES.flatMap(({ table, attributes }) => {
    const columns = attributes.join(', ');
    const fromFull = attributes.map((a) => `t.${a}`).join(', ');
    return [
      rawStatement(
        sql`delete from ${table} where operator_id = ${ctx.operatorId} and ${inDays(sql.raw('bucket'))} and ${current}`,
      ),
      // Clicks carry no currency (''): their counts join the row of a currency the same day and
      // combination has events in, so a day of a promo is one row, not two.
      rawStatement(sql`insert into ${table} (operator_id, bucket, ${sql.raw(columns)}, currency, ${sql.raw(metricNames)})
        select ${ctx.operatorId}, lo, ${sql.raw(columns)}, merged, ${sql.raw(sumsOf(''))}
        from (
          select d.lo as lo, ${sql.raw(fromFull)}, ${sql.raw(metricsOf('t.'))},
            case when t.currency <> '' then t.currency
              else coalesce(max(nullif(t.currency, '')) over (partition by d.lo, ${sql.raw(fromFull)}), '') end as merged
          from ${daysTable} d cross join ${full} t
          where t.operator_id = ${ctx.operatorId} and t.bucket >= d.lo and t.bucket < d.hi and ${current}
        )
        group by lo, ${sql.raw(columns)}, merged`),
    ];
  });
  const clear = rawStatement(
    sql`delete from ${statsChangedQuarters} where operator_id = ${ctx.operatorId} and ${inDays(sql.raw('bucket'))} and ${current}`,
  );
  const advance = rawStatement(
    sql`update ${statsRollups} set rolled_until = max(rolled_until, ${rolledUntil ?? 0})
      where operator_id = ${ctx.operatorId} and time_zone = ${zone}`,
  );
  await insertManyAtomically(ctx.db, [...statements, clear, advance]);
}

/**
 * The local days of [start, end) a report in `zone` may read from the local-day cubes: rolled
 * up in that zone and unchanged since (their start instants).
 */
export async function readableLocalDays(
  ctx: TenantRead,
  { zone, start, end }: { zone: string; start: number; end: number },
): Promise<{ until: number; changed: Set<string> }> {
  const state = await readRollUp(ctx);
  if (!state || state.timeZone !== zone || state.rolledUntil <= start) return { until: start, changed: new Set() };
  const until = Math.min(end, state.rolledUntil);
  const marks = await ctx.db
    .selectDistinct({ bucket: statsChangedQuarters.bucket })
    .from(statsChangedQuarters)
    .where(
      and(
        eq(statsChangedQuarters.operatorId, ctx.operatorId),
        gte(statsChangedQuarters.bucket, start),
        lt(statsChangedQuarters.bucket, until),
      ),
    );
  return { until, changed: new Set(marks.map((m) => localDateAt(zone, m.bucket))) };
}

/** Operators whose local days may need rolling up: those with change marks or a roll-up already. */
async function operatorsToRollUp(db: TenantStore['db']): Promise<string[]> {
  const rows = await db.all<{ operator_id: string }>(
    sql`select distinct operator_id from ${statsChangedQuarters} union select operator_id from ${statsRollups}`,
  );
  return rows.map((r) => r.operator_id);
}

/** A run stays well inside the job lease (60 s); what is left goes on in a follow-up job. */
const RUN_BUDGET_MS = 20_000;

export const rollUpHandlers: JobHandlers = {
  async 'statistics.roll_up_local_days'({ db, clock }) {
    const deadline = Date.now() + RUN_BUDGET_MS;
    let done = true;
    for (const operatorId of await operatorsToRollUp(db))
      done = (await rollUpLocalDays({ db, clock, operatorId }, { deadline })).done && done;
    if (!done)
      await createOutbox(db, clock).enqueue({
        kind: 'statistics.roll_up_local_days',
        payload: {},
        idempotencyKey: `more-${clock.now().toISOString()}`,
      });
  },
};
