/**
 * The saved question's report page by page, and the zipped CSV made of it. The pages come from
 * statistics' own reader (export-report.ts's reportPages: the period pinned after the first page,
 * a time-sorted report read period piece by period piece); this wraps it so the build hears of
 * each page after the first (it renews its job's lease there).
 */
import { Zip, ZipDeflate } from 'fflate';
import { csvWriter, type Row } from '../statistics/export-formats.ts';
import { reportPages as readReportPages } from '../statistics/export-report.ts';
import type { Report } from '../statistics/run-report.ts';
import type { ReportQuery } from '../statistics/schemas.ts';
import type { RequestedReportQuery } from './schemas.ts';

/** The engine's largest page. */
export const PAGE_SIZE = 1000;

export type RunPage = (query: ReportQuery) => Promise<Report>;

/**
 * The first page (bad questions throw here) and every page in order, the first included;
 * `afterPage` runs after each later page is read.
 */
export async function reportPages(
  run: RunPage,
  question: RequestedReportQuery,
  options: { pageSize?: number | undefined; afterPage?: () => Promise<void> } = {},
) {
  const { pageSize = PAGE_SIZE, afterPage } = options;
  let asked = 0;
  const heard: RunPage = async (query) => {
    const report = await run(query);
    if (asked++ > 0) await afterPage?.();
    return report;
  };
  return readReportPages(heard, question, pageSize);
}

/**
 * A zip of `rows.csv` (the header, then each row) and `totals.csv` (the header, then the totals
 * line), the CSV the export writes with Excel's byte-order mark; deflated page by page as the
 * reader pulls, so one page is held at a time. `counted` hears how many rows went in.
 */
export function csvZipStream(
  first: Report,
  pages: AsyncIterable<readonly Row[]>,
  counted: (rows: number) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const writer = csvWriter(first, true);
  const iterator = pages[Symbol.asyncIterator]();
  let rowCount = 0;
  let zip: Zip;
  let rows: ZipDeflate;
  let done = false;
  let enqueued = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        if (chunk.byteLength) {
          enqueued++;
          controller.enqueue(chunk);
        }
        if (final) controller.close();
      });
      rows = new ZipDeflate('rows.csv', { level: 6 });
      zip.add(rows);
      rows.push(encoder.encode(writer.head()));
    },
    // The deflater keeps small input to itself: a pull that enqueued nothing would never be
    // called again, so each pull feeds pages until some output comes out (or the file ends).
    async pull() {
      const before = enqueued;
      const waiting = () => !done && enqueued === before;
      while (waiting()) {
        const next = await iterator.next();
        if (!next.done) {
          rowCount += next.value.length;
          rows.push(encoder.encode(writer.rows(next.value)));
          continue;
        }
        done = true;
        rows.push(new Uint8Array(0), true);
        const totals = new ZipDeflate('totals.csv', { level: 6 });
        zip.add(totals);
        totals.push(encoder.encode(writer.head() + writer.tail(rowCount)), true);
        counted(rowCount);
        zip.end();
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
