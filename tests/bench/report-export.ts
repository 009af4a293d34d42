/**
 * Report export benchmark for `npm run bench` (alone: `npm run bench -- export`): a 1,000,000-row
 * performance report (100 days × 10,000 campaigns, grouped by day and campaign) downloaded as CSV
 * through the real path: the Hono app's fetch → the export route → the report engine over a
 * libSQL file, page by page → the CSV writer → the response stream, read chunk by chunk as an
 * HTTP client reads it. Against a baseline in the same run: the same rows read by plain SELECTs
 * (10,000 rows each, in key order) and written with the same csvLine. Prints time, rows/s, peak
 * RSS and heap (sampled every 20 ms) and the ratio; then what one engine page costs at the start
 * and near the end of the report (offset paging would pay the deep one on every page). Asserts
 * nothing but the row count.
 *
 * The rows are aggregates inserted straight into the UTC day cube (and the campaigns' names into
 * `campaigns`) by one SQL statement each: the point is the export, not the write path (see
 * reports.ts for that). BENCH_EXPORT_DAYS and BENCH_EXPORT_CAMPAIGNS change the size.
 */
import { sql } from 'drizzle-orm';
import { csvLine } from '../../core/lib/csv.ts';
import { withTenant } from '../../core/lib/context.ts';
import { runOperatorReport } from '../../core/modules/statistics/run-report.ts';
import { ReportQuerySchema } from '../../core/modules/statistics/schemas.ts';
import { createTestApp } from '../helpers/test-app.ts';

const DAYS = Number(process.env.BENCH_EXPORT_DAYS ?? 100);
const CAMPAIGNS = Number(process.env.BENCH_EXPORT_CAMPAIGNS ?? 10_000);
const ROWS = DAYS * CAMPAIGNS;
const FIRST_DAY = Date.UTC(2026, 7, 1);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Peak RSS and heap while `work` runs, above what they were when it started. */
async function measured<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return { result, ms: performance.now() - started, rss, heap, rssGrowth: rss - before.rss };
  } finally {
    clearInterval(timer);
  }
}

export async function benchReportExport() {
  const t = await createTestApp();
  try {
    const { operator, key } = await t.addOperator('Bench Export');
    const db = t.deps.db;
    const seeded = performance.now();
    await db.run(sql`insert into campaigns (id, operator_id, partner_id, brand_id, plan_id, name, status, created_at)
      with recursive c(j) as (select 0 union all select j + 1 from c where j < ${CAMPAIGNS - 1})
      select printf('cmp_%06d', j), ${operator.id}, 'ptr_bench', 'brd_bench', 'pln_bench',
        'Campaign ' || j, 'active', ${FIRST_DAY} from c`);
    // Every row has clicks; a third have deposits and an NGR that is negative for some.
    await db.run(sql`insert into stats_promo_d (operator_id, bucket, partner_id, brand_id, plan_id, campaign_id,
        promo_id, landing_id, currency, clicks, unique_clicks, registrations, ftd_count, ftd_amount, deposit_count,
        deposit_amount, ngr_amount)
      with recursive d(i) as (select 0 union all select i + 1 from d where i < ${DAYS - 1}),
        c(j) as (select 0 union all select j + 1 from c where j < ${CAMPAIGNS - 1})
      select ${operator.id}, ${FIRST_DAY} + i * ${DAY}, 'ptr_bench', 'brd_bench', 'pln_bench', printf('cmp_%06d', j),
        printf('prm_%06d', j), 'lnd_bench', case when (i + j) % 3 = 0 then 'EUR' else '' end,
        1 + (i * 7 + j) % 50, 1 + (i * 7 + j) % 40, (i + j) % 5, (i + j) % 3 = 0, ((i + j) % 3 = 0) * 5000,
        ((i + j) % 3 = 0) * 2, ((i + j) % 3 = 0) * 12550, ((i + j) % 3 = 0) * ((i * 31 + j) % 200 - 60) * 100
      from d cross join c`);
    console.log(
      `\nReport export: ${ROWS.toLocaleString('en')} rows (${DAYS} days × ${CAMPAIGNS.toLocaleString('en')} campaigns) ` +
        `seeded into the day cube in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const question = {
      period: 'custom',
      from: iso(FIRST_DAY),
      to: iso(FIRST_DAY + (DAYS - 1) * DAY),
      timeZone: 'UTC',
      groupBy: 'day,campaign',
      metrics: 'clicks,uniqueClicks,registrations,ftdCount,ftdAmount,depositCount,depositAmount,ngr',
    };

    const askedAt = performance.now();
    const subject = await measured(async () => {
      const res = await t.fetchApp(
        `http://kabinet.test/v1/reports/performance/export?${new URLSearchParams({ ...question, format: 'csv' })}`,
        { headers: { authorization: `Bearer ${key}` } },
      );
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      return countLines(res.body!, askedAt);
    });
    const rows = subject.result.lines - 2; // the header and the totals
    if (rows !== ROWS) throw new Error(`the export wrote ${rows} rows, not ${ROWS}`);

    const baseline = await measured(async () => {
      const encoder = new TextEncoder();
      let bytes = encoder.encode(csvLine(['day', 'campaign', 'campaignId', 'clicks'])).length;
      let lines = 1;
      let after: [number, string] = [-1, ''];
      for (;;) {
        const chunk = await db.all<Record<string, string | number>>(sql`select s.bucket, s.campaign_id, c.name,
            s.clicks, s.unique_clicks, s.registrations, s.ftd_count, s.ftd_amount, s.deposit_count,
            s.deposit_amount, s.ngr_amount, s.currency
          from stats_promo_d s left join campaigns c on c.id = s.campaign_id
          where s.operator_id = ${operator.id} and (s.bucket, s.campaign_id) > (${after[0]}, ${after[1]})
          order by s.bucket, s.campaign_id limit 10000`);
        if (chunk.length === 0) break;
        for (const r of chunk) {
          const amount = (minor: number) => (r.currency ? (minor / 100).toFixed(2) : null);
          const line = csvLine([
            iso(Number(r.bucket)),
            r.name as string,
            r.campaign_id as string,
            r.clicks as number,
            r.unique_clicks as number,
            r.registrations as number,
            r.ftd_count as number,
            amount(Number(r.ftd_amount)),
            r.deposit_count as number,
            amount(Number(r.deposit_amount)),
            amount(Number(r.ngr_amount)),
          ]);
          bytes += encoder.encode(line).length;
          lines++;
        }
        const last = chunk.at(-1)!;
        after = [Number(last.bucket), String(last.campaign_id)];
      }
      return { lines, bytes };
    });

    const line = (name: string, m: Omit<typeof baseline, 'result'>, r: number, bytes: number) =>
      `  ${name.padEnd(44)} ${(m.ms / 1000).toFixed(1).padStart(6)} s  ${(r / (m.ms / 1000)).toFixed(0).padStart(8)} rows/s  ` +
      `${mb(bytes).padStart(7)} written  peak RSS ${mb(m.rss)} (+${mb(m.rssGrowth)})  peak heap ${mb(m.heap)}`;
    console.log(line('export route, CSV streamed (Hono app fetch)', subject, rows, subject.result.bytes));
    console.log(line('baseline: plain SELECTs + csvLine', baseline, baseline.result.lines - 1, baseline.result.bytes));
    console.log(`  ratio export / baseline time: ${(subject.ms / baseline.ms).toFixed(2)}`);
    console.log(
      `  export's first byte after ${(subject.result.firstByteMs / 1000).toFixed(1)} s (the first page asks the whole ` +
        `report: its row count and totals), RSS then ${mb(subject.result.rssAtFirstByte)}`,
    );

    // What one engine page costs where the report starts and where it ends: offset paging pays the
    // deep page's cost on every page, so its total grows with the square of the rows.
    const ctx = withTenant(t.deps, operator.id);
    const page = async (offset: number) => {
      const started = performance.now();
      await runOperatorReport(ctx, ReportQuerySchema.parse({ ...question, limit: '1000', offset: String(offset) }));
      return performance.now() - started;
    };
    const first = await page(0);
    const deep = await page(ROWS - 1000);
    console.log(
      `  one 1,000-row page of the whole report: ${first.toFixed(0)} ms at offset 0, ${deep.toFixed(0)} ms at offset ` +
        `${(ROWS - 1000).toLocaleString('en')} (offset paging over ${(ROWS / 1000).toLocaleString('en')} pages ≈ ` +
        `${((((first + deep) / 2) * (ROWS / 1000)) / 1000).toFixed(0)} s; the export reads one day's rows a page instead)`,
    );
  } finally {
    t.dispose();
  }
}

/** Reads a body as an HTTP client would, chunk by chunk, counting lines and bytes (nothing kept). */
async function countLines(body: ReadableStream<Uint8Array>, started: number) {
  const reader = body.getReader();
  let lines = 0;
  let bytes = 0;
  let firstByteMs = 0;
  let rssAtFirstByte = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) {
      firstByteMs = performance.now() - started;
      rssAtFirstByte = process.memoryUsage().rss;
    }
    bytes += value.length;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
  }
  return { lines, bytes, firstByteMs, rssAtFirstByte };
}
