/**
 * The one query a report makes: every cube table its spans need, each joined to its spans (a
 * VALUES list of integers, so D1's 100-parameter limit is never near), the signed sums grouped
 * by period, the requested attributes and currency. Filters go in as one JSON parameter each.
 */
import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { CUBES, DAY_MS, HOUR_MS, PARAMETER_CUBE, QUARTER_MS } from './count-traffic.ts';
import { LOCAL_DAY, type Span } from './decompose.ts';
import {
  METRIC_COLUMNS,
  statsCampaignLocalDay,
  statsCountryLocalDay,
  statsPromoLocalDay,
  type CubeMetrics,
} from './table.ts';

/** Attributes a report groups or filters by, and their columns. */
export const ATTRIBUTE_COLUMNS = {
  partner: 'partner_id',
  brand: 'brand_id',
  plan: 'plan_id',
  campaign: 'campaign_id',
  promo: 'promo_id',
  landing: 'landing_id',
  creative: 'creative_id',
  trafficSource: 'traffic_source_id',
  country: 'country',
  device: 'device',
  os: 'os',
  parameter: 'param_value',
} as const;
export type Attribute = keyof typeof ATTRIBUTE_COLUMNS;

const PROMO_SET: readonly Attribute[] = [
  'partner',
  'brand',
  'plan',
  'campaign',
  'promo',
  'landing',
  'creative',
  'trafficSource',
];
const GEO_SET: readonly Attribute[] = ['partner', 'country', 'device', 'os'];

export type CubeSet = 'promo' | 'geo' | 'full' | 'parameter';

/** The cube set with the fewest rows that holds every attribute asked for; null when none does. */
export function chooseCubeSet(attributes: Iterable<Attribute>): CubeSet | null {
  const needed = [...new Set(attributes)];
  if (needed.includes('parameter'))
    return needed.every((a) => a === 'parameter' || PROMO_SET.includes(a)) ? 'parameter' : null;
  if (needed.every((a) => PROMO_SET.includes(a))) return 'promo';
  if (needed.every((a) => GEO_SET.includes(a))) return 'geo';
  return 'full';
}

const COUNTRY_SET: readonly Attribute[] = ['country', 'device', 'os'];
const CAMPAIGN_SET: readonly Attribute[] = ['partner', 'brand', 'plan', 'campaign'];

export type LocalDayCube = 'campaign' | 'promo' | 'country';
const LOCAL_DAY_TABLES = {
  campaign: statsCampaignLocalDay,
  promo: statsPromoLocalDay,
  country: statsCountryLocalDay,
} as const;

/**
 * The local-day cube with the fewest rows that holds every attribute asked for: campaign
 * attributes (a 90-day day × campaign report reads half the rows the promo cube has), promo
 * attributes, or country, device and OS over all partners.
 */
export function chooseLocalDayCube(attributes: Iterable<Attribute>): LocalDayCube | null {
  const needed = [...new Set(attributes)];
  if (needed.every((a) => CAMPAIGN_SET.includes(a))) return 'campaign';
  if (needed.every((a) => PROMO_SET.includes(a))) return 'promo';
  if (needed.every((a) => COUNTRY_SET.includes(a))) return 'country';
  return null;
}

/** Block sizes a set is kept in, largest first (quarter hours of the promo and geo sets come from `full`). */
export const grainsOf = (set: CubeSet): number[] =>
  set === 'parameter' ? [QUARTER_MS] : [DAY_MS, HOUR_MS, QUARTER_MS];

function tableFor(set: CubeSet, grain: number, localDays: LocalDayCube | null): string {
  if (grain === LOCAL_DAY) {
    if (!localDays) throw new Error('a local-day span needs a local-day cube');
    return getTableName(LOCAL_DAY_TABLES[localDays]);
  }
  if (set === 'parameter') return getTableName(PARAMETER_CUBE.table);
  const cube =
    CUBES.find((c) => c.set === set && c.grain === grain) ?? CUBES.find((c) => c.set === 'full' && c.grain === grain)!;
  return getTableName(cube.table);
}

export interface CubeQuery {
  set: CubeSet;
  /** The local-day cube that local-day spans read. */
  localDays: LocalDayCube | null;
  /** Spans with the index of the period cut they add to. */
  spans: Array<Span & { period: number }>;
  /** Attributes to group by, in order. */
  groupBy: Attribute[];
  /** Attribute → allowed values (an empty list matches nothing). */
  filters: Partial<Record<Attribute, string[]>>;
  /** The custom parameter's key, with the parameter set. */
  parameterKey?: string;
}

export interface CubeRow extends CubeMetrics {
  period: number;
  groups: string[];
  currency: string;
}

const snake = (m: string) => m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const snakeCase = snake;

/**
 * The query's cube rows as SQL, each signed and tagged with its period cut (`period`, `g0`…,
 * `currency` and the metric columns), not yet summed; null when no span reads anything.
 */
export function cubeRows(ctx: TenantRead, q: CubeQuery): SQL | null {
  const byTable = new Map<string, Array<Span & { period: number }>>();
  for (const span of q.spans) {
    const table = tableFor(q.set, span.grain, q.localDays);
    const list = byTable.get(table);
    if (list) list.push(span);
    else byTable.set(table, [span]);
  }
  if (byTable.size === 0) return null;
  const groupSelect = q.groupBy.map((a, i) => `t.${ATTRIBUTE_COLUMNS[a]} as g${i}`).join(', ');
  const metricSelect = METRIC_COLUMNS.map((m) => `s.sign * t.${snake(m)} as ${snake(m)}`).join(', ');
  const conditions: SQL[] = [sql`t.operator_id = ${ctx.operatorId}`];
  for (const [attribute, values] of Object.entries(q.filters) as Array<[Attribute, string[]]>) {
    const column = sql.raw(`t.${ATTRIBUTE_COLUMNS[attribute]}`);
    conditions.push(
      values.length === 1
        ? sql`${column} = ${values[0]}`
        : sql`${column} in (select value from json_each(${JSON.stringify(values)}))`,
    );
  }
  if (q.set === 'parameter') conditions.push(sql`t.param_key = ${q.parameterKey ?? ''}`);
  const where = sql.join(conditions, sql.raw(' and '));
  const parts: SQL[] = [];
  const selectList = sql.raw(
    [`s.period as period`, ...(groupSelect ? [groupSelect] : []), `t.currency as currency`, metricSelect].join(', '),
  );
  for (const [table, spans] of byTable) {
    const values = sql.raw(spans.map((s) => `(${s.lo},${s.hi},${s.period},${s.sign})`).join(','));
    const spanRows = sql`select column1 as lo, column2 as hi, column3 as period, column4 as sign from (values ${values})`;
    // CROSS JOIN keeps the spans the outer loop (SQLite does not reorder it): each span is one
    // range over the cube's (operator, bucket, …) index, so only rows inside some span are read.
    parts.push(
      sql`select ${selectList} from (${spanRows}) s
        cross join ${sql.raw(`"${table}"`)} t
        where t.bucket >= s.lo and t.bucket < s.hi and ${where}`,
    );
  }
  return sql.join(parts, sql.raw(' union all '));
}

/**
 * The query's cube sums as SQL: one row per period cut × groups × currency (`period`, `g0`…,
 * `currency` and the metric columns), or null when no span reads anything.
 */
export function cubeSums(ctx: TenantRead, q: CubeQuery): SQL | null {
  const rows = cubeRows(ctx, q);
  if (!rows) return null;
  const groups = q.groupBy.map((_, i) => `g${i}`);
  const keyList = sql.raw(['period', ...groups, 'currency'].join(', '));
  const sums = sql.raw(METRIC_COLUMNS.map((m) => `sum(${snake(m)}) as ${snake(m)}`).join(', '));
  return sql`select ${keyList}, ${sums} from (${rows}) group by ${keyList}`;
}

/** Every row of the query's cube sums (the report then folds, sorts and pages them). */
export async function queryCubes(ctx: TenantRead, q: CubeQuery): Promise<CubeRow[]> {
  const sums = cubeSums(ctx, q);
  if (!sums) return [];
  const groups = q.groupBy.map((_, i) => `g${i}`);
  const fields = sql.raw(['period', ...groups, 'currency', ...METRIC_COLUMNS.map(snake)].join(', '));
  // The rows come back as JSON arrays, a few thousand to a text value: the driver turns a long
  // result into objects value by value (about four times the query's own time for a 20k-row
  // report), and D1 caps one value at 2 MB.
  const chunks = await ctx.db.all<{ rows: string }>(
    sql`select json_group_array(json(r)) as rows from (
      select json_array(${fields}) as r, (row_number() over ()) / ${ROWS_PER_CHUNK} as chunk
      from (${sums})
    ) group by chunk`,
  );
  const width = groups.length;
  const out: CubeRow[] = [];
  for (const chunk of chunks)
    for (const values of JSON.parse(chunk.rows) as Array<Array<string | number | null>>) {
      const row = {
        period: Number(values[0]),
        groups: values.slice(1, 1 + width).map((v) => String(v ?? '')),
        currency: String(values[1 + width] ?? ''),
      } as CubeRow;
      METRIC_COLUMNS.forEach((m, i) => (row[m] = Number(values[2 + width + i] ?? 0)));
      out.push(row);
    }
  return out;
}

/** Result rows per JSON text value: about 300 kB, far under D1's 2 MB a value. */
const ROWS_PER_CHUNK = 2000;
