/**
 * The operator console's report (`<kb-operator-reports>` on the demo's /operator/ page) in real
 * Chromium against a real server with the demo data: its calls go through the demo operator backend's
 * proxy (the key added there), and what it shows — totals, and the partners' names when grouped by
 * partner — is what the Operator API answers the same question with the key. The proxy only reads
 * reports: the partners' report settings are not reachable through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
const METRICS = ['clicks', 'registrations', 'ftdCount'] as const;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Answer {
  rows: Array<{ key: Record<string, string>; labels: Record<string, string>; values: Record<string, number> }>;
  totals: Record<string, number>;
}

/** The Operator API's own answer, asked with the secret key (no proxy, no browser). */
async function apiReport(groupBy: string): Promise<Answer> {
  const query = `period=last_30_days&groupBy=${groupBy}&metrics=${METRICS.join(',')}&limit=1000`;
  const res = await fetch(`${server.baseUrl}/v1/reports/performance?${query}`, {
    headers: { authorization: `Bearer ${lucky.apiKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

const numberIn = async (page: Page, selector: string) =>
  Number(((await page.locator(selector).first().textContent()) ?? '').replace(/\D/g, ''));

/** The totals row's counts, once the table is not updating. */
async function shownTotals(page: Page): Promise<Record<string, number>> {
  await page.locator('kb-operator-reports [part~="report-table"][aria-busy="false"]').waitFor();
  const out: Record<string, number> = {};
  for (const m of METRICS)
    out[m] = await numberIn(page, `kb-operator-reports [part~="totals-row"] [part~="metric-${m}"]`);
  return out;
}

describe('the operator console’s report', { timeout: 90_000 }, () => {
  it('shows through the demo backend’s proxy the totals and partner names the Operator API answers', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    const proxied: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/kabinet/v1/reports/')) proxied.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.baseUrl}/operator/`);
    const reports = page.locator('kb-operator-reports');
    const byDay = await apiReport('day');
    expect(byDay.totals.clicks).toBeGreaterThan(0);
    await expect.poll(() => shownTotals(page)).toEqual(Object.fromEntries(METRICS.map((m) => [m, byDay.totals[m]])));
    expect(proxied).toContain(`/demo/operator-backend/${lucky.id}/kabinet/v1/reports/options`);

    await reports.locator('[data-grouping="day"] [part~="remove"]').click();
    await reports.locator('#report-add-grouping').selectOption('partner');
    await reports.locator('[part~="add-grouping-button"]').click();
    await reports.getByRole('button', { name: 'Show report' }).click();
    await reports.locator('[part~="grouping-partner"]').first().waitFor();
    const byPartner = await apiReport('partner');
    await expect
      .poll(() => shownTotals(page))
      .toEqual(Object.fromEntries(METRICS.map((m) => [m, byPartner.totals[m]])));
    const names = await reports.locator('[part~="report-row"] [part~="grouping-partner"]').allTextContents();
    expect(names).toEqual(byPartner.rows.map((r) => r.labels.partner ?? r.key.partner));
    expect(names.every((n) => !n.startsWith('prt_'))).toBe(true);
    await page.close();
  });

  it('the proxy reads reports only: no report settings, no other method', async () => {
    const proxy = `${server.baseUrl}/demo/operator-backend/${lucky.id}/kabinet`;
    const options = await fetch(`${proxy}/v1/reports/options`);
    expect(options.status).toBe(200);
    expect(((await options.json()) as { partners: unknown[] }).partners.length).toBeGreaterThan(0);
    expect((await fetch(`${proxy}/v1/reports/settings`)).status).toBe(404);
    const put = await fetch(`${proxy}/v1/reports/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hiddenMetrics: ['ngr'], hiddenGroupings: [] }),
    });
    expect(put.status).toBe(404);
    expect((await fetch(`${proxy}/v1/reports/performance`, { method: 'POST', body: '{}' })).status).toBe(404);
    const problem = await fetch(`${proxy}/v1/reports/performance?groupBy=nonsense`);
    expect(problem.status).toBe(422);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
  });
});
