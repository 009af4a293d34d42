import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createExportWorld,
  neutralised,
  rowFromCsv,
  type ExportWorld,
} from '../../../tests/helpers/report-export-world.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { exportOperatorReport, type ReportExportQuery } from './export-report.ts';
import { AMOUNT_METRICS } from './schemas.ts';
import type { Report } from './run-report.ts';
import { parseXml, readCsv, type XmlElement } from '../../../tests/helpers/report-file-readers.ts';

let t: ExportWorld['t'];
let operatorA: ExportWorld['operatorA'];
let operatorB: KabinetClient;
let alice: KabinetClient;
let carol: KabinetClient;
let aliceCampaign = '';

const range = { period: 'custom', from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' } as const;
const question = {
  ...range,
  groupBy: 'day,campaign',
  metrics: 'clicks,registrations,cr,ftdCount,ftdAmount,depositAmount,ngr',
};

beforeEach(async () => {
  ({ t, operatorA, operatorB, alice, carol, aliceCampaign } = await createExportWorld());
});
afterEach(() => t.dispose());

const exportOf = (client: KabinetClient, query: Record<string, string>, partner = false) =>
  partner
    ? client.v1.partner.reports.performance.export.$get({ query: query as never })
    : client.v1.reports.performance.export.$get({ query: query as never });
const reportOf = (client: KabinetClient, query: Record<string, string>) =>
  unwrap(client.v1.reports.performance.$get({ query: { ...query, limit: '1000' } as never })) as Promise<Report>;

describe('report export', () => {
  it('CSV reads back as the report, rows and totals; a formula name is neutralised while a negative NGR stays a number', async () => {
    const res = await exportOf(operatorA.client, question);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="performance-2026-11-20-2026-11-24.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Read as bytes: a TextDecoder (and so Response.text()) drops a byte-order mark silently.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(false);
    const report = await reportOf(operatorA.client, question);
    expect(report.rows.length).toBeGreaterThan(4);
    const { header, records, raw } = readCsv(text);
    expect(header.filter((h) => h.startsWith('ngr '))).toEqual(['ngr EUR', 'ngr USD']);
    const expected = report.rows.map((r) => ({
      ...r,
      labels: Object.fromEntries(Object.entries(r.labels).map(([g, l]) => [g, neutralised(l)])),
    }));
    expect(records.slice(0, -1).map((r) => rowFromCsv(r, report))).toEqual(expected);
    const total = records.at(-1)!;
    expect(total.day).toBe('Total');
    expect(rowFromCsv(total, report).values).toEqual(report.totals);
    expect(report.totals.ngr).toEqual({ EUR: '-28.25', USD: '12.00' });
    // In the file itself: the name behind an apostrophe (and quoted), the negative amount bare.
    const line = raw.find((l) => l.includes(aliceCampaign) && l.includes('-40.25'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",${aliceCampaign},`);
    expect(line.split(',')).toContain('-40.25');

    const excel = new Uint8Array(await (await exportOf(operatorA.client, { ...question, bom: 'true' })).arrayBuffer());
    expect(Array.from(excel.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.slice(3)).toEqual(bytes);
  });

  it('comes out the same across page boundaries: by period pieces (sorted by time, either way), by offset (sorted by an amount)', async () => {
    const ctx = withTenant(t.deps, operatorA.id);
    const variants = [
      { groupBy: ['day', 'campaign'] },
      { groupBy: ['day', 'campaign'], sort: 'day', order: 'desc' },
      { groupBy: ['campaign', 'week'] },
      { groupBy: ['hour'], order: 'desc' },
      { groupBy: ['month', 'campaign'], metrics: ['clicks', 'ngr', 'cost'] },
      { groupBy: ['day', 'campaign'], sort: 'ngr', order: 'asc' },
      { groupBy: ['day', 'campaign'], sort: 'campaign' },
    ] as const;
    for (const variant of variants) {
      for (const format of ['csv', 'json'] as const) {
        const query = { ...range, format, bom: false, ...variant } as never as ReportExportQuery;
        const read = async (pageSize?: number) =>
          new Response((await exportOperatorReport(ctx, { ...query, ...(pageSize ? { pageSize } : {}) })).body).text();
        const whole = await read();
        const label = `${JSON.stringify(variant)} ${format}`;
        expect(await read(1), label).toBe(whole);
        expect(await read(3), label).toBe(whole);
        expect(whole.length).toBeGreaterThan(200);
      }
    }
  });

  it('JSON is the report with every row', async () => {
    const res = await exportOf(operatorA.client, { ...question, format: 'json', currency: 'EUR' });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('performance-2026-11-20-2026-11-24.json');
    expect(await res.json()).toEqual(await reportOf(operatorA.client, { ...question, currency: 'EUR' }));
    const each = await (await exportOf(operatorA.client, { ...question, format: 'json' })).json();
    expect(each).toEqual(await reportOf(operatorA.client, question));
  });

  it('XML is well formed, escapes names, and holds the same numbers', async () => {
    const res = await exportOf(operatorA.client, { ...question, format: 'xml' });
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const text = await res.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<report from="2026-11-20"')).toBe(true);
    const root = parseXml(text);
    expect(root.name).toBe('report');
    const report = await reportOf(operatorA.client, question);
    const values = (el: XmlElement) => {
      const out: Record<string, unknown> = {};
      for (const m of report.metrics) {
        const found = el.children.filter((c) => c.name === m);
        out[m] = (AMOUNT_METRICS as readonly string[]).includes(m)
          ? Object.fromEntries(found.map((c) => [c.attributes.currency, c.text]))
          : found[0]!.text === ''
            ? null
            : Number(found[0]!.text);
      }
      return out;
    };
    const rows = root.children.filter((c) => c.name === 'row');
    expect(
      rows.map((row) => {
        const group = (g: string) => row.children.find((c) => c.name === g)!;
        const label = (g: string) => group(g).children.find((c) => c.name === 'label')?.text;
        return {
          key: Object.fromEntries(
            report.groupBy.map((g) => [g, group(g).children.find((c) => c.name === 'key')!.text]),
          ),
          labels: Object.fromEntries(report.groupBy.filter((g) => label(g) !== undefined).map((g) => [g, label(g)])),
          values: values(row),
        };
      }),
    ).toEqual(report.rows);
    expect(values(root.children.find((c) => c.name === 'totals')!)).toEqual(report.totals);
    expect(text).toContain('<label>Plain &amp; &lt;&quot;quoted&quot;&gt; &apos;x&apos;, Ёлка</label>');
  });

  it("keeps operators apart: another operator's partner and key see none of this data", async () => {
    const own = readCsv(await (await exportOf(alice, question, true)).text()).records;
    expect(own.slice(0, -1).map((r) => r.campaignId)).toEqual(expect.arrayContaining([aliceCampaign]));
    expect(new Set(own.slice(0, -1).map((r) => r.campaignId))).toEqual(new Set([aliceCampaign]));
    const carols = readCsv(await (await exportOf(carol, question, true)).text()).records;
    expect(carols.some((r) => r.campaignId === aliceCampaign)).toBe(false);
    expect(carols.at(-1)!.clicks).toBe('4');
    const reaching = await exportOf(carol, { ...question, format: 'json', campaignId: aliceCampaign }, true);
    expect(((await reaching.json()) as Report).rows).toEqual([]);
    const keyB = (await (await exportOf(operatorB, { ...question, format: 'json' })).json()) as Report;
    expect(keyB.totals.clicks).toBe(4);
    expect(JSON.stringify(keyB)).not.toContain(aliceCampaign);
    expect((await t.fetchApp('http://kabinet.test/v1/reports/performance/export')).status).toBe(401);
  });

  it('answers a bad question with 422 naming the field, before any file', async () => {
    for (const [query, path, partner] of [
      [{ format: 'pdf' }, 'query.format', false],
      [{ format: 'json', bom: 'true' }, 'query.bom', false],
      [{ limit: '5' }, 'query.limit', false],
      [{ period: 'custom', from: '2026-11-20' }, 'query.to', false],
      [{ groupBy: 'partner' }, 'query.groupBy', true],
    ] as const) {
      const res = await exportOf(partner ? alice : operatorA.client, query, partner);
      expect(res.status, path).toBe(422);
      expect(res.headers.get('content-type')).toContain('problem+json');
      expect(((await res.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe(path);
    }
  });
});
