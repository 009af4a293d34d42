/** The performance report as a downloadable file (CSV, JSON, XML, XLSX), for partners and for the operator. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { operatorKeySecurity, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import {
  exportOperatorReport,
  exportPartnerReport,
  ReportExportQuerySchema,
  type ReportFile,
} from './export-report.ts';
import { MAX_XLSX_CELLS, XLSX_CONTENT_TYPE } from './export-xlsx.ts';
import { ReportSchema } from './schemas.ts';

const errors = {
  401: problemResponses[401],
  403: problemResponses[403],
  404: problemResponses[404],
  422: problemResponses[422],
  429: problemResponses[429],
};

const CsvSchema = z.string().openapi({
  description:
    'UTF-8 CSV (RFC 4180 quoting, CRLF lines; a byte-order mark first with `bom=true`). Columns: each grouping ' +
    '(an id grouping as two columns, `campaign` = its name and `campaignId` = the id; periods, countries, devices, ' +
    'OS and parameters as their value; `period` = `<from>/<to>` when there is no grouping), then each metric; an ' +
    'amount has one column per currency (`depositAmount EUR`), empty where the row has none. Numbers are plain ' +
    '(negative ones too); text cells starting with = + - @, a tab or CR begin with an apostrophe. The last line ' +
    'is the totals, `Total` in the first column',
  example: 'day,campaign,campaignId,clicks,ngr EUR\r\n2026-11-22,Spring,cmp_…,12,-40.00\r\nTotal,,,12,-40.00\r\n',
});
const XmlSchema = z.string().openapi({
  description:
    'UTF-8 XML: `<report from to timeZone currencyMode [currency] [ratesDate]>`, one `<row>` per row, then ' +
    '`<totals>`. A row holds each grouping as an element of its name with `<key>` (the value: a period start, ' +
    'an id, a code) and `<label>` (the name, for ids), then each metric as an element of its name: counts and ' +
    'rates as text (a rate without a divisor is empty), amounts as one `<ngr currency="EUR">-40.00</ngr>` per ' +
    'currency; `cost` is empty when the report cannot know it. The shape as XML Schema: ' +
    '`core/modules/statistics/performance-report.xsd` in the kabinet package; every exported file validates against it',
  example:
    '<?xml version="1.0" encoding="UTF-8"?>\n<report from="2026-11-01" to="2026-11-30" timeZone="UTC" currencyMode="each">\n' +
    '<row><campaign><key>cmp_…</key><label>Spring</label></campaign><clicks>12</clicks><ngr currency="EUR">-40.00</ngr></row>\n' +
    '<totals><clicks>12</clicks><ngr currency="EUR">-40.00</ngr></totals>\n</report>\n',
});
const XlsxSchema = z.string().openapi({
  format: 'binary',
  description:
    'An Excel workbook (Office Open XML). Sheet `Report`: a header row with the CSV’s column names, then one row ' +
    'per report row: groupings as text (never a formula, whatever they start with), counts as numbers, rates as ' +
    'numbers (percent, format `0.00`), amounts one column per currency as numbers with the currency’s format ' +
    '(`#,##0.00 "EUR"`, the currency’s minor digits); empty where the row has none. Sheet `Totals`: `period` ' +
    '(`<from>/<to>`) and the same metric columns, one row. Built whole in memory, so at most ' +
    `${MAX_XLSX_CELLS.toLocaleString('en')} cells (rows × columns, header included): a larger report is a 422 ` +
    'on `format` (download CSV or request the report)',
});
const description =
  'The report’s question (filters, groupings, metrics, currency, sort; no paging: every row) as a file, ' +
  '`format=csv|json|xml|xlsx`, CSV, JSON and XML streamed page by page. JSON is the report as `GET …/reports/performance` answers it, ' +
  'with every row and `total` the number of rows. Answered with `content-disposition: attachment; ' +
  'filename="performance-<from>-<to>.<csv|json|xml|xlsx>"`. A bad question is a 422 before any byte is sent.';
const responses = {
  200: {
    description: 'The file',
    content: {
      'text/csv': { schema: CsvSchema },
      'application/json': { schema: ReportSchema },
      'application/xml': { schema: XmlSchema },
      [XLSX_CONTENT_TYPE]: { schema: XlsxSchema },
    },
  },
  ...errors,
};

const download = (c: Context, file: ReportFile) =>
  c.body(file.body, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    // A partner's figures: no shared cache keeps a copy.
    'cache-control': 'private, no-store',
  });

export const reportExportRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'exportPartnerReport',
      method: 'get',
      path: '/v1/partner/reports/performance/export',
      tags: ['Partner statistics'],
      security: partnerSecurity,
      middleware: [requirePartnerSession({ component: 'statistics' })],
      summary: 'Download the performance report as CSV, JSON, XML or XLSX',
      description,
      request: { query: ReportExportQuerySchema },
      responses,
    }),
    async (c) => download(c, await exportPartnerReport(partnerContext(c), c.req.valid('query'))),
  )
  .openapi(
    createRoute({
      operationId: 'exportOperatorReport',
      method: 'get',
      path: '/v1/reports/performance/export',
      tags: ['Operator: statistics'],
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Download the performance report over all partners as CSV, JSON, XML or XLSX',
      description,
      request: { query: ReportExportQuerySchema },
      responses,
    }),
    async (c) => download(c, await exportOperatorReport(tenantContext(c), c.req.valid('query'))),
  );
