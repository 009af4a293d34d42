/**
 * A report page sorted and cut in SQL. A 90-day day × campaign report has 18,000 rows and shows
 * 1,000: folding, sorting and presenting every row in JavaScript cost more than the query. When
 * the order needs nothing SQL lacks (a grouping, or a count: not an amount in converted currency,
 * not a rate, not costs added afterwards), the database folds currencies into one row per key,
 * drops the rows that net to nothing, sorts, and returns only the page, the row count and the
 * totals. The result is row for row what the folding path gives (a test compares them).
 */
import { sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import type { PeriodCut } from './periods.ts';
import { cubeSums, snakeCase, type CubeQuery } from './report-sql.ts';
import { addAmount, COUNT_METRICS, emptyFolded, rowKey, type Folded } from './report-values.ts';
import { TIME_GROUPINGS, type Grouping } from './schemas.ts';

const TIME_SET = new Set<string>(TIME_GROUPINGS);
const AMOUNT_COLUMNS = ['ftd_amount', 'deposit_amount', 'ngr_amount', 'sale_amount'] as const;
const AMOUNT_METRICS = ['ftdAmount', 'depositAmount', 'ngr', 'saleAmount'] as const;
const COUNT_COLUMNS = COUNT_METRICS.map(snakeCase);

/** Whether SQL can order the rows as the report asks (a grouping or a count metric). */
export function sortsInSql(sort: string, groupBy: readonly Grouping[]): boolean {
  return (groupBy as readonly string[]).includes(sort) || (COUNT_METRICS as readonly string[]).includes(sort);
}

export interface SqlPage {
  rows: Folded[];
  totals: Folded;
  total: number;
}

export async function queryReportPage(
  ctx: TenantRead,
  page: {
    cube: CubeQuery;
    cuts: readonly PeriodCut[];
    groupBy: readonly Grouping[];
    sort: string;
    direction: number;
    limit: number;
    offset: number;
  },
): Promise<SqlPage> {
  const q = page.cube;
  const sums = cubeSums(ctx, q);
  if (!sums) return { rows: [], totals: emptyFolded({}), total: 0 };
  // The row key in the order of the groupings, the time cut by its index (chronological, as its label sorts).
  const keyColumns: string[] = [];
  let attribute = 0;
  for (const g of page.groupBy) keyColumns.push(TIME_SET.has(g) ? 'period' : `g${attribute++}`);
  const groups = q.groupBy.map((_, i) => `g${i}`);
  const foldKey = ['period', ...groups].join(', ');
  const hasAmount = AMOUNT_COLUMNS.map((c) => `${c} <> 0`).join(' or ');
  const primary = (page.groupBy as readonly string[]).includes(page.sort)
    ? keyColumns[(page.groupBy as readonly string[]).indexOf(page.sort)]!
    : snakeCase(page.sort);
  const order = [`${primary} ${page.direction === 1 ? 'asc' : 'desc'}`, ...keyColumns.map((c) => `${c} asc`)];
  const countSums = COUNT_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', ');
  const anyCount = COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ');
  const folded = sql.raw(`select ${foldKey}, ${countSums},
      json_group_array(json_array(currency, ${AMOUNT_COLUMNS.join(', ')}))
        filter (where currency <> '' and (${hasAmount})) as amounts
    from cube group by ${foldKey}
    having ${anyCount} or count(*) filter (where currency <> '' and (${hasAmount})) > 0`);
  const fields = sql.raw(['period', ...groups, ...COUNT_COLUMNS, 'json(amounts)'].join(', '));
  const [answer] = await ctx.db.all<{ rows: string; total: number | null; totals: string }>(
    sql`with cube as (${sums}), folded as (${folded})
      select (select json_group_array(json(r)) from (
          select json_array(${fields}) as r from folded
          order by ${sql.raw(order.join(', '))} limit ${page.limit} offset ${page.offset}
        )) as rows,
        (select count(*) from folded) as total,
        (select json_group_array(json_array(currency, ${sql.raw(COUNT_COLUMNS.join(', '))}, ${sql.raw(AMOUNT_COLUMNS.join(', '))}))
          from (select currency, ${sql.raw([...COUNT_COLUMNS, ...AMOUNT_COLUMNS].map((c) => `sum(${c}) as ${c}`).join(', '))}
            from cube group by currency)) as totals`,
  );
  const rows = (JSON.parse(answer?.rows ?? '[]') as unknown[][]).map((values) => {
    const row = emptyFolded(
      rowKey(
        page.groupBy,
        page.cuts[Number(values[0])]?.label ?? '',
        values.slice(1, 1 + groups.length).map((v) => String(v ?? '')),
      ),
    );
    COUNT_METRICS.forEach((m, i) => (row.counts[m] = Number(values[1 + groups.length + i])));
    for (const entry of values[1 + groups.length + COUNT_METRICS.length] as unknown[][]) addAmounts(row, entry);
    return row;
  });
  const totals = emptyFolded({});
  for (const entry of JSON.parse(answer?.totals ?? '[]') as unknown[][]) {
    COUNT_METRICS.forEach((m, i) => (totals.counts[m] += Number(entry[1 + i])));
    if (entry[0]) addAmounts(totals, [entry[0], ...entry.slice(1 + COUNT_METRICS.length)]);
  }
  return { rows, totals, total: Number(answer?.total ?? 0) };
}

/** `[currency, ftd, deposits, ngr, sales]` into a row's amounts (zero sums are no amount). */
function addAmounts(row: Folded, [currency, ...amounts]: unknown[]) {
  AMOUNT_METRICS.forEach((metric, i) => {
    const minor = Number(amounts[i]);
    if (minor !== 0) addAmount(row, metric, String(currency), minor);
  });
}
