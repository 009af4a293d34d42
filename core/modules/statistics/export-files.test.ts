/**
 * Each export format opened with a reader that is not ours: CSV with csv-parse (RFC 4180), XLSX
 * with ExcelJS (the file is written by SheetJS), XML validated against performance-report.xsd by
 * libxml2's xmllint (xmllint-wasm). Pages are made small so every file crosses page boundaries.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validateXML } from 'xmllint-wasm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createExportWorld,
  DASHED,
  HOSTILE,
  neutralised,
  rowFromCsv,
  type ExportWorld,
} from '../../../tests/helpers/report-export-world.ts';
import { withTenant } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { unwrap } from '../../sdk/index.ts';
import { exportOperatorReport, type ReportExportQuery } from './export-report.ts';
import type { Report } from './run-report.ts';
import { AMOUNT_METRICS, RATE_METRICS, type Grouping, type Metric } from './schemas.ts';

const XSD = readFileSync(new URL('./performance-report.xsd', import.meta.url), 'utf8');
let world: ExportWorld;
beforeEach(async () => {
  world = await createExportWorld();
});
afterEach(() => world.t.dispose());

const range = { period: 'custom', from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' } as const;
const metrics: Metric[] = ['clicks', 'registrations', 'cr', 'ftdCount', 'ftdAmount', 'depositAmount', 'ngr'];
const question = { ...range, groupBy: ['day', 'campaign'] as Grouping[], metrics };
const isAmount = (m: string) => (AMOUNT_METRICS as readonly string[]).includes(m);

/** The file's bytes, asked of the service with pages of two rows. */
async function download(query: Partial<ReportExportQuery>, pageSize = 2) {
  const ctx = withTenant(world.t.deps, world.operatorA.id);
  const file = await exportOperatorReport(ctx, { ...question, format: 'csv', bom: false, ...query, pageSize });
  return new Uint8Array(await new Response(file.body).arrayBuffer());
}

/** The same question as the report API answers it, every row on one page. */
function reportOf(query: Record<string, string> = {}) {
  const { groupBy, metrics: asked, ...rest } = question;
  return unwrap(
    world.operatorA.client.v1.reports.performance.$get({
      query: { ...rest, groupBy: groupBy.join(','), metrics: asked.join(','), limit: '1000', ...query } as never,
    }),
  ) as Promise<Report>;
}

describe('export files read back', () => {
  it('CSV parsed by csv-parse equals the report: rows and totals per currency, formulas neutralised, negatives numbers', async () => {
    const bytes = await download({ bom: true });
    const records = parse(Buffer.from(bytes), { bom: true, columns: true, skip_empty_lines: false }) as Array<
      Record<string, string>
    >;
    const report = await reportOf();
    expect(report.rows.length).toBeGreaterThan(6);
    expect(Object.keys(records[0]!).filter((h) => h.startsWith('ngr '))).toEqual(['ngr EUR', 'ngr USD']);
    const expected = report.rows.map((r) => ({
      ...r,
      labels: Object.fromEntries(Object.entries(r.labels).map(([g, l]) => [g, neutralised(l)])),
    }));
    expect(records.slice(0, -1).map((r) => rowFromCsv(r, report))).toEqual(expected);
    expect(records.at(-1)!.day).toBe('Total');
    expect(rowFromCsv(records.at(-1)!, report).values).toEqual(report.totals);
    const names = records.map((r) => r.campaign);
    expect(names).toContain(`'${HOSTILE}`);
    expect(names).toContain(`'${DASHED}`);
    expect(names).not.toContain(HOSTILE);
    const alice = records.find((r) => r.campaignId === world.aliceCampaign && r['ngr EUR'] !== '')!;
    expect(alice['ngr EUR']).toBe('-40.25');
  });

  it('XLSX read by ExcelJS equals the report: numbers are numbers, money carries its currency format, a Totals sheet', async () => {
    const report = await reportOf();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download({ format: 'xlsx' })).buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Report', 'Totals']);
    const sheet = book.getWorksheet('Report')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const csvHeader = Object.keys(parse(Buffer.from(await download({})), { columns: true })[0] as object);
    expect(header).toEqual(csvHeader);
    expect(sheet.rowCount).toBe(report.rows.length + 1);
    const read = (row: ExcelJS.Row, names: readonly string[], first: number) => {
      const values: Record<string, unknown> = {};
      names.forEach((name, i) => {
        if (i < first) return;
        const cell = row.getCell(i + 1);
        const [metric, currency] = name.split(' ');
        if (currency) {
          if (cell.value === null) return;
          expect(cell.type).toBe(ExcelJS.ValueType.Number);
          expect(cell.numFmt).toBe(`#,##0.00 "${currency}"`);
          ((values[metric!] ??= {}) as Record<string, number>)[currency] = cell.value as number;
        } else {
          if (cell.value !== null) expect(typeof cell.value, name).toBe('number');
          if ((RATE_METRICS as readonly string[]).includes(metric!) && cell.value !== null)
            expect(cell.numFmt).toBe('0.00');
          values[metric!] = cell.value;
        }
      });
      for (const m of report.metrics) if (isAmount(m)) values[m] ??= {};
      return values;
    };
    // The report's values with amounts as numbers (a cost the report cannot know is an empty map in a file).
    const numeric = (values: Report['totals']) =>
      Object.fromEntries(
        Object.entries(values).map(([m, v]) => [
          m,
          v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([c, a]) => [c, Number(a)]))
            : isAmount(m)
              ? {}
              : v,
        ]),
      );
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const key: Record<string, string> = {};
      const labels: Record<string, string> = {};
      for (const g of report.groupBy) {
        const at = header.indexOf(g) + 1;
        const named = header[at] === `${g}Id`;
        for (const cell of named ? [row.getCell(at), row.getCell(at + 1)] : [row.getCell(at)])
          expect(cell.type, `${g} is text`).toBe(ExcelJS.ValueType.String);
        if (named) {
          key[g] = row.getCell(at + 1).value as string;
          labels[g] = row.getCell(at).value as string;
        } else key[g] = row.getCell(at).value as string;
      }
      rows.push({ key, labels, values: read(row, header, header.indexOf(report.metrics[0]!)) });
    }
    expect(rows).toEqual(report.rows.map((r) => ({ ...r, values: numeric(r.values) })));
    // Formula-looking names are plain text cells, the negative NGR a number.
    const hostile = rows.find((r) => r.labels.campaign === HOSTILE && !!(r.values.ngr as { EUR?: number }).EUR)!;
    expect(hostile.values.ngr).toEqual({ EUR: -40.25 });
    expect(rows.some((r) => r.labels.campaign === DASHED)).toBe(true);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const totals = book.getWorksheet('Totals')!;
    const totalsHeader = (totals.getRow(1).values as unknown[]).slice(1) as string[];
    expect(totalsHeader).toEqual(['period', ...header.slice(header.indexOf(report.metrics[0]!))]);
    expect(totals.getRow(2).getCell(1).value).toBe('2026-11-20/2026-11-24');
    expect(read(totals.getRow(2), totalsHeader, 1)).toEqual(numeric(report.totals));
  });

  it('XLSX in a converted currency and without groupings; a report over the cap is a 422 on format', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download({ format: 'xlsx', currency: 'JPY', groupBy: [] })).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Report')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('period');
    const ngr = ((sheet.getRow(1).values as unknown[]).slice(1) as string[]).indexOf('ngr JPY') + 1;
    expect(ngr).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(ngr).numFmt).toBe('#,##0 "JPY"');
    const ctx = withTenant(world.t.deps, world.operatorA.id);
    const tooBig = exportOperatorReport(ctx, { ...question, format: 'xlsx', bom: false, maxCells: 20 });
    await expect(tooBig).rejects.toBeInstanceOf(DomainError);
    const problem = (await tooBig.catch((e: DomainError) => e)) as DomainError;
    expect(problem.errors[0]?.path).toBe('query.format');
    expect(problem.errors[0]?.reason).toBe('too_big');
    expect(problem.errors[0]?.message).toMatch(/CSV.*request the report/);
  });

  it('XML validates against performance-report.xsd with xmllint, each currency and converted, with and without groupings', async () => {
    const variants: Array<Partial<ReportExportQuery>> = [
      {},
      { currency: 'EUR', ratesDate: '2026-11-24' },
      { groupBy: [] },
      { groupBy: ['country', 'device'] },
      { metrics: undefined },
    ];
    for (const variant of variants) {
      const xml = new TextDecoder().decode(await download({ ...variant, format: 'xml' }));
      const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [XSD] });
      expect(result.errors, JSON.stringify(variant)).toEqual([]);
      expect(result.valid).toBe(true);
    }
    // The schema is checked too: a count that is not a number, or an unknown element, fails.
    const good = new TextDecoder().decode(await download({ format: 'xml' }));
    for (const bad of [
      good.replace(/<clicks>\d+<\/clicks>/, '<clicks>many</clicks>'),
      good.replace('<row>', '<row><x/>'),
    ]) {
      expect(bad).not.toBe(good);
      const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: bad }], schema: [XSD] });
      expect(result.valid).toBe(false);
    }
  });
});
