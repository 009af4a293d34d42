/**
 * The performance report as a file (CSV, JSON, XML or XLSX): the report's own question, every row.
 * The first page is asked before anything is sent, so a bad question is a 422 and the file is
 * named after the resolved period; CSV, JSON and XML are a stream that asks the engine for the
 * next page only when the reader wants more, so a Worker never holds more than one page of the
 * file. XLSX is built whole (export-xlsx.ts), so a report too big for it is a 422 up front.
 */
import { z } from '@hono/zod-openapi';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { csvWriter, jsonWriter, xmlWriter, type ReportWriter } from './export-formats.ts';
import { MAX_XLSX_CELLS, workbookCells, writeReportWorkbook, XLSX_CONTENT_TYPE } from './export-xlsx.ts';
import { runOperatorReport, runPartnerReport, type Report } from './run-report.ts';
import { addDays } from '../../lib/time-zones.ts';
import { dayLabel, type TimeGrouping } from './periods.ts';
import { sortOf } from './report-values.ts';
import { ReportQuerySchema, TIME_GROUPINGS, type ReportQuery } from './schemas.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'xml', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The engine's largest page. */
const PAGE_SIZE = 1000;

/** The report's query without paging (a file holds every row), plus the format and, for CSV, Excel's byte-order mark. */
export const ReportExportQuerySchema = ReportQuerySchema.omit({ limit: true, offset: true }).extend({
  format: z.enum(EXPORT_FORMATS).default('csv').openapi({ description: 'csv (default), json, xml or xlsx' }),
  bom: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({
      description: 'CSV only: start with a UTF-8 byte-order mark, so Excel reads Cyrillic and accents right',
    }),
});
export type ReportExportQuery = z.output<typeof ReportExportQuerySchema>;

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
};

export interface ReportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export type RunPage = (query: ReportQuery) => Promise<Report>;
/** Tests make pages small to see the file come out the same across page boundaries, and the workbook's cap small to reach it. */
type ExportInput = ReportExportQuery & { pageSize?: number; maxCells?: number };

export async function exportPartnerReport(ctx: PartnerContext, input: ExportInput): Promise<ReportFile> {
  return exportReport((query) => runPartnerReport(ctx, query), input);
}

export async function exportOperatorReport(ctx: TenantContext, input: ExportInput): Promise<ReportFile> {
  return exportReport((query) => runOperatorReport(ctx, query), input);
}

/**
 * A report question's first page (a bad question throws here) and every page in order, the first
 * included, as a file is written: later pages ask for the period and rates date the first page
 * resolved (a file written past midnight must not shift `today` or `last_30_days` between its
 * pages), and a time-sorted report is read period piece by period piece (see `readPages`). The
 * requested-reports builder reads its files through this too.
 */
export async function reportPages(
  run: RunPage,
  question: Omit<ReportQuery, 'limit' | 'offset'>,
  pageSize = PAGE_SIZE,
): Promise<{ first: Report; pages: () => AsyncGenerator<Report['rows'], void> }> {
  const first = await run({ ...question, limit: pageSize, offset: 0 });
  const pinned: ReportQuery = {
    ...question,
    period: 'custom',
    from: first.period.from,
    to: first.period.to,
    timeZone: first.period.timeZone,
    ...(first.currency.ratesDate ? { ratesDate: first.currency.ratesDate } : {}),
    limit: pageSize,
    offset: 0,
  };
  return { first, pages: () => readPages(run, first, pinned) };
}

async function exportReport(run: RunPage, input: ExportInput): Promise<ReportFile> {
  const { format, bom, pageSize = PAGE_SIZE, maxCells = MAX_XLSX_CELLS, ...question } = input;
  if (bom && format !== 'csv') throw fieldProblem('query.bom', 'not_applicable', 'a byte-order mark is for CSV only');
  const { first, pages } = await reportPages(run, question, pageSize);
  const filename = `performance-${first.period.from}-${first.period.to}.${format}`;
  if (format === 'xlsx') {
    const tooBig = () =>
      fieldProblem(
        'query.format',
        'too_big',
        `an XLSX file holds at most ${maxCells} cells (rows × columns) and this report has ${first.total} rows: ` +
          'download it as CSV, or request the report',
        { maximum: maxCells },
      );
    if (workbookCells(first) > maxCells) throw tooBig();
    // Columns counted from the first page can grow (a currency only later pages show): the writer checks again.
    const bytes = await writeReportWorkbook(first, pages()).catch((error: unknown) => {
      throw error instanceof RangeError ? tooBig() : error;
    });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    return { filename, contentType: TYPES.xlsx, body };
  }
  const writer: ReportWriter =
    format === 'csv' ? csvWriter(first, bom) : format === 'json' ? jsonWriter(first) : xmlWriter(first);
  return { filename, contentType: TYPES[format], body: streamOf(chunks(pages(), writer)) };
}

/**
 * Every page of the report in order, the first one (already asked) included; the next is asked
 * only when wanted. Each engine page folds and sorts the whole question's rows before cutting its
 * page out, so paging a big report by offset costs its size on every page: a 1,000,000-row report
 * would fold 1,000,000 rows a thousand times. When the report is sorted by its time grouping (the
 * default), its rows come out period piece by period piece, so each piece (a day; the days of a
 * week, month or year) is asked on its own and paged within: a page costs its piece's rows.
 */
async function* readPages(run: RunPage, first: Report, pinned: ReportQuery): AsyncGenerator<Report['rows'], void> {
  const pieces = first.rows.length < first.total ? piecesOf(first, pinned) : null;
  if (!pieces) {
    yield* pagesOf(run, first, pinned);
    return;
  }
  for (const piece of pieces) {
    const question = { ...pinned, from: piece.from, to: piece.to };
    yield* pagesOf(run, await run(question), question);
  }
}

/** The pages of one question by offset, from its first page on. */
async function* pagesOf(run: RunPage, first: Report, question: ReportQuery): AsyncGenerator<Report['rows'], void> {
  let page = first;
  let written = 0;
  for (;;) {
    if (page.rows.length > 0) yield page.rows;
    written += page.rows.length;
    if (page.rows.length < question.limit || written >= page.total) break;
    page = await run({ ...question, offset: written });
  }
}

const TIME_SET = new Set<string>(TIME_GROUPINGS);

/**
 * The period's pieces in the report's order, when it sorts by its time grouping: each day (hour
 * and day groupings) or each week's, month's or year's days inside the period; null otherwise,
 * and null when the report adds costs (spread over the period asked, so they are not cut).
 */
function piecesOf(first: Report, question: ReportQuery): Array<{ from: string; to: string }> | null {
  const time = first.groupBy.find((g): g is TimeGrouping => TIME_SET.has(g));
  if (!time || (first.totals.cost !== undefined && first.totals.cost !== null)) return null;
  const { sort, direction } = sortOf(question, first.metrics);
  if (sort !== time) return null;
  const pieces: Array<{ label: string; from: string; to: string }> = [];
  for (let date = first.period.from; date <= first.period.to; date = addDays(date, 1)) {
    const label = time === 'hour' ? date : dayLabel(time, date);
    const last = pieces.at(-1);
    if (last?.label === label) last.to = date;
    else pieces.push({ label, from: date, to: date });
  }
  return direction === 1 ? pieces : pieces.toReversed();
}

/** The file's parts in order: opening, each page as the engine answers it, then the totals. */
async function* chunks(rows: AsyncGenerator<Report['rows'], void>, writer: ReportWriter) {
  yield writer.head();
  let written = 0;
  for await (const page of rows) {
    yield writer.rows(page);
    written += page.length;
  }
  yield writer.tail(written);
}

/** A pull stream: the next part is made only when the reader asks for it (back-pressure, one page in memory). */
function streamOf(parts: AsyncGenerator<string, void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}
