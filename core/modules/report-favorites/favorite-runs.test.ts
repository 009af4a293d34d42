/** Running a favorite: its download, its feeds by statistic token, a relative period that moves with the clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { buildReportProgram, clickAt } from '../../../tests/helpers/report-program.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { REPORT_API_CALLS_PER_MINUTE } from '../statistics/report-api-rate.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let partner: { client: KabinetClient; token: string };
let other: { client: KabinetClient; token: string };

beforeEach(async () => {
  t = await createTestApp();
  const { op, members } = await buildReportProgram(t, 'Alpha', ['a@alpha.example', 'b@alpha.example']);
  operator = op.client;
  partner = members[0]!;
  other = members[1]!;
  await clickAt(t, members[0]!.code, '2026-11-10T10:00:00Z');
  await clickAt(t, members[0]!.code, '2026-11-22T10:00:00Z');
  await clickAt(t, members[0]!.code, '2026-11-22T11:00:00Z');
  await clickAt(t, members[1]!.code, '2026-11-22T12:00:00Z');
  t.clock.set('2026-11-24T12:00:00Z');
});
afterEach(() => t.dispose());

const favorites = () => partner.client.v1.partner.reports.favorites;
const download = (favoriteId: string, query: { format?: 'csv' | 'json' | 'xml' | 'xlsx'; bom?: 'true' | 'false' }) =>
  favorites()[':favoriteId'].export.$get({ param: { favoriteId }, query });
type ReportBody = {
  period: { from: string; to: string };
  metrics: string[];
  groupBy: string[];
  totals: Record<string, unknown>;
  currency: { mode: string; currency: string | null };
};
const feed = (path: string, headers: Record<string, string> = {}) =>
  t.fetchApp(`http://kabinet.test/api/customer/v1/partner/report/feeds/${path}`, { headers });

describe('Running a report favorite', () => {
  it('a relative period stays relative: the resolved period moves with the clock', async () => {
    const weekly = await unwrap(
      favorites().$post({
        json: {
          name: 'Last week',
          query: { period: 'last_7_days', timeZone: 'UTC', groupBy: 'day', metrics: 'clicks' },
        },
      }),
    );
    const now = (await (await download(weekly.id, { format: 'json' })).json()) as ReportBody;
    expect(now.period).toMatchObject({ from: '2026-11-18', to: '2026-11-24' });
    expect(now.totals.clicks).toBe(2);
    t.clock.set('2026-11-15T12:00:00Z');
    const earlier = (await (await download(weekly.id, { format: 'json' })).json()) as ReportBody;
    expect(earlier.period).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
    expect(earlier.totals.clicks).toBe(1);
    // The favorite itself still says last_7_days.
    const saved = await unwrap(favorites()[':favoriteId'].$get({ param: { favoriteId: weekly.id } }));
    expect(saved.query.period).toBe('last_7_days');
  });

  it('downloads with the saved fixed period, columns in their order and its own currency', async () => {
    const fixed = await unwrap(
      favorites().$post({
        json: {
          name: 'November in EUR',
          query: {
            period: 'custom',
            from: '2026-11-01',
            to: '2026-11-30',
            timeZone: 'UTC',
            groupBy: 'campaign',
            metrics: 'uniqueClicks,clicks,ngr',
            currency: 'EUR',
          },
        },
      }),
    );
    t.clock.set('2026-11-24T13:00:00Z');
    const csv = await download(fixed.id, { format: 'csv', bom: 'true' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="performance-2026-11-01-2026-11-30.csv"');
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('campaign,campaignId,uniqueClicks,clicks,ngr EUR');
    const json = (await (await download(fixed.id, { format: 'json' })).json()) as ReportBody;
    expect(json.metrics).toEqual(['uniqueClicks', 'clicks', 'ngr']);
    expect(json.currency).toMatchObject({ mode: 'converted', currency: 'EUR' });
    expect(json.totals.clicks).toBe(3);
    const xml = await download(fixed.id, { format: 'xml' });
    expect(await xml.text()).toContain('<report from="2026-11-01" to="2026-11-30"');
    // The export's formats are the favorite's: a workbook too.
    const xlsx = await download(fixed.id, { format: 'xlsx' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    // A byte-order mark is for CSV only, as on the performance export.
    expect((await download(fixed.id, { format: 'json', bom: 'true' })).status).toBe(422);
  });

  it('a saved question the operator no longer allows answers 422 naming the field, not 500', async () => {
    const saved = await unwrap(
      favorites().$post({
        json: { name: 'Unique', query: { period: 'last_30_days', metrics: 'clicks,uniqueClicks' } },
      }),
    );
    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['uniqueClicks'], hiddenGroupings: [], clickRetentionDays: null },
      }),
    );
    for (const res of [
      await download(saved.id, { format: 'csv' }),
      await feed(`${saved.id}/report.json?token=${partner.token}`),
    ]) {
      expect(res.status).toBe(422);
      const body = (await res.json()) as { errors: Array<{ path: string }> };
      expect(body.errors[0]!.path).toBe('query.metrics');
    }
  });

  it('feeds answer the saved report by statistic token, in the header or the URL', async () => {
    const fixed = await unwrap(
      favorites().$post({
        json: {
          name: 'By day',
          query: {
            period: 'custom',
            from: '2026-11-20',
            to: '2026-11-24',
            timeZone: 'UTC',
            groupBy: 'day',
            metrics: 'clicks',
          },
        },
      }),
    );
    const fromReportApi = await (
      await t.fetchApp(
        'http://kabinet.test/api/customer/v1/partner/report?period=custom&from=2026-11-20&to=2026-11-24&timeZone=UTC&groupBy=day&metrics=clicks',
        { headers: { authorization: partner.token } },
      )
    ).json();
    for (const res of [
      await feed(`${fixed.id}/report.json`, { authorization: `Bearer ${partner.token}` }),
      await feed(`${fixed.id}/report.json?token=${partner.token}`),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual(fromReportApi);
    }
    const xml = await feed(`${fixed.id}/report.xml?token=${partner.token}`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toContain('application/xml');
    const body = await xml.text();
    expect(body).toMatch(/^<\?xml/);
    expect(body).toContain('<clicks>2</clicks>');

    // Unknown, missing and rotated tokens: 401; another partner's token: the favorite is not theirs.
    expect((await feed(`${fixed.id}/report.json?token=st_${'x'.repeat(40)}`)).status).toBe(401);
    expect((await feed(`${fixed.id}/report.json`)).status).toBe(401);
    expect((await feed(`${fixed.id}/report.json?token=${other.token}`)).status).toBe(404);
    const fresh = (await unwrap(partner.client.v1.partner.statistic_token.rotate.$post())).token!;
    const rotated = await feed(`${fixed.id}/report.json?token=${partner.token}`);
    expect(rotated.status).toBe(401);
    expect((await feed(`${fixed.id}/report.xml?token=${fresh}`)).status).toBe(200);
    // A session token is no statistic token.
    expect((await feed(`${fixed.id}/report.json`, { authorization: 'Bearer sess_nope' })).status).toBe(401);
  });

  it('feeds and the Report API share one per-token limit', async () => {
    const saved = await unwrap(favorites().$post({ json: { name: 'Month', query: { period: 'last_30_days' } } }));
    t.clock.set('2026-11-24T12:00:15Z');
    for (let i = 0; i < REPORT_API_CALLS_PER_MINUTE - 1; i++) {
      const res = await t.fetchApp('http://kabinet.test/api/customer/v1/partner/report/attributes', {
        headers: { authorization: partner.token },
      });
      expect(res.status).toBe(200);
    }
    expect((await feed(`${saved.id}/report.xml?token=${partner.token}`)).status).toBe(200);
    const over = await feed(`${saved.id}/report.json?token=${partner.token}`);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    const api = await t.fetchApp('http://kabinet.test/api/customer/v1/partner/report/attributes', {
      headers: { authorization: partner.token },
    });
    expect(api.status).toBe(429);
    t.clock.set('2026-11-24T12:01:00Z');
    expect((await feed(`${saved.id}/report.json?token=${partner.token}`)).status).toBe(200);
  });
});
