/**
 * The XLSX report export on Workers: edge/worker.ts bundled with the workbook writer (SheetJS CE),
 * run by real workerd on D1; the file is read back with another library (ExcelJS).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { startWorkerd } from '../helpers/workerd.ts';

it('an XLSX export answers 200 on workerd with a workbook whose totals are the report’s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-workerd-xlsx-'));
  const { mf, baseUrl } = await startWorkerd(dir, undefined, { demo: { clicks: 300 } });
  try {
    const demo = DEMO_OPERATORS[0]!;
    const question = { period: 'last_30_days', groupBy: 'day', metrics: 'clicks,registrations,ngr' };
    const res = await fetch(
      `${baseUrl}/v1/reports/performance/export?${new URLSearchParams({ ...question, format: 'xlsx' })}`,
      {
        headers: { authorization: `Bearer ${demo.apiKey}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Report', 'Totals']);
    const report = await unwrap(
      createKabinetClient(baseUrl, { secretKey: demo.apiKey }).v1.reports.performance.$get({
        query: { ...question, limit: '1000' } as never,
      }),
    );
    const sheet = book.getWorksheet('Report')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('day');
    expect(sheet.rowCount).toBe(report.rows.length + 1);
    const totals = book.getWorksheet('Totals')!;
    expect(totals.getRow(1).getCell(2).value).toBe('clicks');
    expect(totals.getRow(2).getCell(2).value).toBe(report.totals.clicks);
    expect(report.totals.clicks).toBeGreaterThan(0);
    // Money: a number per currency, formatted with its code.
    const ngr: Record<string, number> = {};
    totals.getRow(1).eachCell((cell, column) => {
      const currency = String(cell.value).match(/^ngr (\w+)$/)?.[1];
      if (!currency) return;
      const value = totals.getRow(2).getCell(column);
      expect(value.numFmt).toMatch(new RegExp(`"${currency}"$`));
      ngr[currency] = value.value as number;
    });
    expect(ngr).toEqual(
      Object.fromEntries(Object.entries(report.totals.ngr as Record<string, string>).map(([c, v]) => [c, Number(v)])),
    );
  } finally {
    await mf.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
