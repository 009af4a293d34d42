/**
 * A report page sorted and cut in SQL. A 90-day day × campaign report has 18,000 rows and shows
 * 1,000: folding, sorting and presenting every row in JavaScript cost more than the query. When
 * the order needs nothing SQL lacks (a grouping, or a count: not an amount in converted currency,
 * not a rate, not costs added afterwards), the database sums each key's rows into one, the
 * amounts in a column per currency, drops the rows that net to nothing, sorts, and returns only
 * the page, the row count and the totals. The result is row for row what the folding path gives (a test compares them).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import type { PeriodCut } from './periods.ts';
import { cubeRows, snakeCase, type CubeQuery } from './report-sql.ts';
import { addAmount, COUNT_METRICS, emptyFolded, rowKey, type Folded } from './report-values.ts';
import { TIME_GROUPINGS, type Grouping } from './schemas.ts';

const TIME_SET = new Set<string>(TIME_GROUPINGS);
const AMOUNT_COLUMNS = ['ftd_amount', 'deposit_amount', 'ngr_amount', 'sale_amount'] as const;
const AMOUNT_METRICS = ['ftdAmount', 'depositAmount', 'ngr', 'saleAmount'] as const;
const COUNT_COLUMNS = COUNT_METRICS.map(snakeCase);

/** A currency code as a SQL string literal (codes go into the SQL text: D1 binds at most 100 values). */
const literal = (currency: string) => `'${currency.replaceAll("'", "''")}'`;

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
  const cubeRowsSql = cubeRows(ctx, q);
  if (!cubeRowsSql) return { rows: [], totals: emptyFolded({}), total: 0 };
  // The operator's currencies as last found: amounts in any other currency show up in the
  // answer's `unknown` sum, and then the period's own currencies are read and the page asked again.
  const guess = currencyGuesses.get(ctx.db)?.get(ctx.operatorId);
  let currencies = guess ?? (await readCurrencies(ctx, cubeRowsSql));
  let answer = await askPage(ctx, page, cubeRowsSql, currencies);
  if (guess && Number(answer?.unknown ?? 0) !== 0) {
    currencies = await readCurrencies(ctx, cubeRowsSql);
    answer = await askPage(ctx, page, cubeRowsSql, currencies);
  }
  const groups = q.groupBy.map((_, i) => `g${i}`);
  const width = groups.length;
  /** Counts and per-currency amounts from a row's sum columns (values at `from`…). */
  const fill = (row: Folded, values: unknown[], from: number) => {
    COUNT_METRICS.forEach((m, i) => (row.counts[m] += Number(values[from + i] ?? 0)));
    currencies.forEach((currency, c) =>
      AMOUNT_METRICS.forEach((metric, a) => {
        const minor = Number(values[from + COUNT_METRICS.length + c * AMOUNT_COLUMNS.length + a] ?? 0);
        if (minor !== 0) addAmount(row, metric, currency, minor);
      }),
    );
    return row;
  };
  const rows = (JSON.parse(answer?.rows ?? '[]') as unknown[][]).map((values) =>
    fill(
      emptyFolded(
        rowKey(
          page.groupBy,
          page.cuts[Number(values[0])]?.label ?? '',
          values.slice(1, 1 + width).map((v) => String(v ?? '')),
        ),
      ),
      values,
      1 + width,
    ),
  );
  const totals = fill(emptyFolded({}), JSON.parse(answer?.totals ?? '[]') as unknown[], 0);
  return { rows, totals, total: Number(answer?.total ?? 0) };
}

/**
 * Each operator's currencies as last read (per database, then operator). Reading them costs a
 * pass over the period's rows (about 10 ms for 90 local days at 10M clicks); a report that finds
 * amounts in a currency missing here reads them again, so the guess never changes an answer.
 */
const currencyGuesses = new WeakMap<object, Map<string, string[]>>();

/** The currencies the period has amounts in (each becomes its own sum columns), remembered as the operator's. */
async function readCurrencies(ctx: TenantRead, cubeRowsSql: SQL): Promise<string[]> {
  const found = await ctx.db.all<{ currency: string }>(
    sql`select distinct currency from (${cubeRowsSql}) where currency <> '' order by currency`,
  );
  const currencies = found.map((r) => r.currency);
  let byOperator = currencyGuesses.get(ctx.db);
  if (!byOperator) currencyGuesses.set(ctx.db, (byOperator = new Map()));
  const known = byOperator.get(ctx.operatorId) ?? [];
  byOperator.set(ctx.operatorId, [...new Set([...known, ...currencies])].sort());
  return currencies;
}

interface PageAnswer {
  rows: string;
  total: number | null;
  totals: string;
  unknown: number | null;
}

async function askPage(
  ctx: TenantRead,
  page: {
    cube: CubeQuery;
    groupBy: readonly Grouping[];
    sort: string;
    direction: number;
    limit: number;
    offset: number;
  },
  cubeRowsSql: SQL,
  currencies: readonly string[],
): Promise<PageAnswer | undefined> {
  const q = page.cube;
  // The row key in the order of the groupings, the time cut by its index (chronological, as its label sorts).
  const keyColumns: string[] = [];
  let attribute = 0;
  for (const g of page.groupBy) keyColumns.push(TIME_SET.has(g) ? 'period' : `g${attribute++}`);
  const groups = q.groupBy.map((_, i) => `g${i}`);
  const foldKey = ['period', ...groups].join(', ');
  // One pass folds the currencies too: counts add up across them, and each amount is summed per
  // currency into a column of its own (a0_1: the first amount in the second currency). Grouping
  // by currency first and folding those rows again took twice as long (two sorts of every row).
  const amountSums = currencies.flatMap((currency, c) =>
    AMOUNT_COLUMNS.map((column, a) => ({
      name: `a${a}_${c}`,
      sum: `sum(${column}) filter (where currency = ${literal(currency)})`,
    })),
  );
  // Amounts in a currency not in the list: any at all, and the caller reads the currencies again.
  const listed = currencies.length ? ` and currency not in (${currencies.map(literal).join(', ')})` : '';
  const unknown = `sum(${AMOUNT_COLUMNS.map((c) => `abs(${c})`).join(' + ')}) filter (where currency <> ''${listed})`;
  const countSums = COUNT_COLUMNS.map((c) => `sum(${c})`);
  const sumColumns = [...COUNT_COLUMNS, ...amountSums.map((a) => a.name)];
  // A key whose sums all net to nothing is no row (signed spans can cancel out).
  const anyValue = [...countSums, ...amountSums.map((a) => a.sum), unknown]
    .map((s) => `coalesce(${s}, 0) <> 0`)
    .join(' or ');
  const folded = sql`select ${sql.raw(foldKey)}, ${sql.raw(
    [
      ...countSums.map((s, i) => `${s} as ${COUNT_COLUMNS[i]}`),
      ...amountSums.map((a) => `${a.sum} as ${a.name}`),
      `${unknown} as unknown`,
    ].join(', '),
  )}
    from (${cubeRowsSql}) group by ${sql.raw(foldKey)} having ${sql.raw(anyValue)}`;
  const primary = (page.groupBy as readonly string[]).includes(page.sort)
    ? keyColumns[(page.groupBy as readonly string[]).indexOf(page.sort)]!
    : snakeCase(page.sort);
  const order = [`${primary} ${page.direction === 1 ? 'asc' : 'desc'}`, ...keyColumns.map((c) => `${c} asc`)];
  const fields = sql.raw(['period', ...groups, ...sumColumns].join(', '));
  const [answer] = await ctx.db.all<PageAnswer>(
    sql`with folded as (${folded})
      select (select json_group_array(json(r)) from (
          select json_array(${fields}) as r from folded
          order by ${sql.raw(order.join(', '))} limit ${page.limit} offset ${page.offset}
        )) as rows,
        (select count(*) from folded) as total,
        (select json_array(${sql.raw(sumColumns.map((c) => `coalesce(sum(${c}), 0)`).join(', '))}) from folded) as totals,
        (select coalesce(sum(unknown), 0) from folded) as unknown`,
  );
  return answer;
}
