import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, problem, query } from '../../internal/account/account-test-kit.ts';
import {
  eachTestApi,
  fakeStatisticsApi,
  mountStatistics,
  queryText,
  REPORT_PATH,
} from '../../internal/statistics/statistics-test-kit.ts';
import { COLUMNS, answer } from './reports-test-kit.ts';

define('kb-reports', KbReports);
define('kb-stats-chart', KbStatsChart);

const EXPORT_PATH = `${REPORT_PATH}/export`;
const CSV = '\uFEFFday,clicks,ngr EUR\r\n2026-11-02,40,-3.20\r\nTotal,40,-3.20\r\n';

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountStatistics<KbReports>('kb-reports', { locale });
  await find(el, '[part~="report-row"]');
  return el;
}

/** The file the stubbed server sends for a format, named as the server names it. */
function file(format: string): Response {
  const body =
    format === 'csv'
      ? CSV
      : format === 'json'
        ? '{"rows":[]}'
        : format === 'xml'
          ? '<?xml version="1.0"?><report/>'
          : '';
  // A workbook is a zip: its first bytes are the local file header's `PK`.
  const bytes = format === 'xlsx' ? new Uint8Array([0x50, 0x4b, 0x03, 0x04]) : new TextEncoder().encode(body);
  return new Response(bytes, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="performance-2026-10-31-2026-11-29.${format}"`,
    },
  });
}

const pick = (el: KbReports, format: string) => fill($in<HTMLSelectElement>(el, '[part~="download-format"]'), format);
const downloadButton = (el: KbReports) => $in<HTMLButtonElement>(el, '[part~="download-report"]');

describe('<kb-reports> download', () => {
  const stub = eachTestApi();

  it('downloads the shown report’s question (no paging) in each format and offers the file through a Blob link', async () => {
    const api = stub(
      fakeStatisticsApi(answer, (r) => (r.path === EXPORT_PATH ? file(r.query.get('format')!) : undefined)),
    );
    const el = await mounted();
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="download-format"] option')].map((o) => o.textContent?.trim()),
    ).to.deep.equal(['CSV', 'CSV for Excel', 'Excel workbook (XLSX)', 'JSON', 'XML']);
    pick(el, 'excel');
    downloadButton(el).click();
    const link = await find<HTMLAnchorElement>(el, '[part~="save-file"]');
    const [sent] = api.sent(`GET ${EXPORT_PATH}`);
    expect(queryText(sent!.query)).to.equal(
      `period=last_30_days&groupBy=day&metrics=${COLUMNS}&currency=EUR&format=csv&bom=true`,
    );
    expect(link.getAttribute('download')).to.equal('performance-2026-10-31-2026-11-29.csv');
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(link);
    const saved = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
    expect(Array.from(saved.slice(0, 3)), 'the byte-order mark kept').to.deep.equal([0xef, 0xbb, 0xbf]);

    for (const format of ['csv', 'xlsx', 'json', 'xml']) {
      pick(el, format);
      await waitFor(() => !query(el, '[part~="save-file"]'), 1000, 'the old file dropped with the format');
      downloadButton(el).click();
      const next = await find<HTMLAnchorElement>(el, '[part~="save-file"]');
      expect(next.getAttribute('download')).to.equal(`performance-2026-10-31-2026-11-29.${format}`);
      const asked = api.sent(`GET ${EXPORT_PATH}`).at(-1)!.query;
      expect(asked.get('format')).to.equal(format);
      expect(asked.has('bom')).to.equal(false);
      expect(asked.has('limit') || asked.has('offset')).to.equal(false);
    }
    // The workbook's bytes are saved as sent, typed as a workbook.
    pick(el, 'xlsx');
    await waitFor(() => !query(el, '[part~="save-file"]'), 1000, 'the old file dropped with the format');
    downloadButton(el).click();
    const workbook = await (await fetch((await find<HTMLAnchorElement>(el, '[part~="save-file"]')).href)).blob();
    expect(workbook.type).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Array.from(new Uint8Array(await workbook.arrayBuffer()).slice(0, 2)), 'a zip').to.deep.equal([0x50, 0x4b]);
  });

  for (const [locale, words] of [
    ['en', ['150,000', 'CSV', 'too big for an Excel workbook']],
    ['ru', ['CSV', 'слишком велик для книги Excel']],
  ] as const)
    it(`says a report too big for a workbook should be downloaded as CSV (${locale})`, async () => {
      stub(
        fakeStatisticsApi(answer, (r) =>
          r.path === EXPORT_PATH
            ? problem(422, 'validation_failed', 'query.format: an XLSX file holds at most 150000 cells', [
                { path: 'query.format', reason: 'too_big', params: { maximum: 150000 }, message: 'too big' },
              ])
            : undefined,
        ),
      );
      const el = await mounted(locale);
      pick(el, 'xlsx');
      downloadButton(el).click();
      const error = await find(el, '[part~="download-error"]');
      for (const word of words) expect(error.textContent).to.contain(word);
      expect(el.shadowRoot!.activeElement).to.equal(error);
    });

  it('says why the file could not be made, in Russian too', async () => {
    stub(
      fakeStatisticsApi(answer, (r) =>
        r.path === EXPORT_PATH
          ? problem(422, 'validation_failed', 'query.groupBy: not available', [
              { path: 'query.groupBy', reason: 'invalid_choice', params: {}, message: 'not available' },
            ])
          : undefined,
      ),
    );
    const el = await mounted('ru');
    expect(downloadButton(el).textContent?.trim()).to.equal('Скачать');
    expect($in(el, '[part~="download-format-field"] [part~="label"]').textContent).to.equal('Формат файла');
    downloadButton(el).click();
    const error = await find(el, '[part~="download-error"]');
    expect(error.textContent!.trim().length).to.be.greaterThan(0);
    expect(el.shadowRoot!.activeElement).to.equal(error);
    expect(query(el, '[part~="save-file"]')).to.equal(null);
  });
});
