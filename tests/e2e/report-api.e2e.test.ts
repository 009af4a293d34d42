/**
 * The Report API, end to end in real Chromium against a real server with the demo data: the
 * partner creates (or has) a statistic token on the Security page and reads it off the page; the
 * test calls GET /api/customer/v1/partner/report with it over HTTP (200, the partner's own numbers,
 * checked against the Operator API's report filtered to that partner); the partner rotates the
 * token on the page; the old token now answers 401 `statistic_token_rotated`, the new one (read off
 * the page) 200. The Report API page's curl command carries the server's address and, once shown,
 * the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { launchChromium, pickAccountEntry, signInToDemoPortal } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let portal: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startLiveServer(), launchChromium()]);
  portal = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  portal.on('pageerror', (e) => pageErrors.push(String(e)));
  await signInToDemoPortal(portal, server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const QUERY = 'period=last_30_days&groupBy=month';

async function reportApi(token: string) {
  const res = await fetch(`${server.baseUrl}/api/customer/v1/partner/report?${QUERY}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as { code?: string; totals: Record<string, unknown> } };
}

/** The token as the Security page shows it once revealed. */
async function tokenOnSecurityPage(): Promise<string> {
  const security = portal.locator('kb-security');
  const token = security.locator('[part~="token"]');
  await security.getByRole('button', { name: 'Show', exact: true }).click();
  await poll(async () => (await token.textContent())?.trim() ?? '').toMatch(/^st_\w+$/);
  const value = (await token.textContent())!.trim();
  await security.getByRole('button', { name: 'Hide', exact: true }).click();
  return value;
}

let firstToken = '';
let secondToken = '';

describe('Report API with a token from the Security page', () => {
  it("answers the partner's own report to the token read off the Security page", async () => {
    await pickAccountEntry(portal, 'Security');
    const security = portal.locator('kb-security');
    await poll(() => security.locator('[part~="token-row"], [part~="statistic-token"] [part~="empty"]').count()).toBe(
      1,
    );
    // The demo user has no token yet: creating one needs no confirmation.
    if ((await security.locator('[part~="token-row"]').count()) === 0)
      await security.getByRole('button', { name: 'Create token', exact: true }).click();
    await security.locator('[part~="token-row"]').waitFor();
    firstToken = await tokenOnSecurityPage();

    const answer = await reportApi(firstToken);
    expect(answer.status).toBe(200);
    // The same question through the Operator API, narrowed to this partner: the same numbers.
    const operator = await fetch(`${server.baseUrl}/v1/reports/performance?${QUERY}&partnerId=${lucky.partnerId}`, {
      headers: { authorization: `Bearer ${lucky.apiKey}` },
    });
    expect(operator.status).toBe(200);
    const expected = ((await operator.json()) as { totals: Record<string, unknown> }).totals;
    expect(answer.body.totals.clicks).toBeGreaterThan(0);
    for (const metric of ['clicks', 'registrations', 'ftdCount'])
      expect(answer.body.totals[metric], metric).toEqual(expected[metric]);
  });

  it('after rotating on the page, the old token answers 401 statistic_token_rotated and the new one 200', async () => {
    const security = portal.locator('kb-security');
    await security.getByRole('button', { name: 'Rotate', exact: true }).click();
    await security.getByRole('button', { name: 'Yes, rotate', exact: true }).click();
    await poll(() => security.getByText('A new token is issued.').count()).toBe(1);
    secondToken = await tokenOnSecurityPage();
    expect(secondToken).not.toBe(firstToken);

    const old = await reportApi(firstToken);
    expect([old.status, old.body.code]).toEqual([401, 'statistic_token_rotated']);
    const fresh = await reportApi(secondToken);
    expect(fresh.status).toBe(200);
    expect(fresh.body.totals.clicks).toBeGreaterThan(0);
  });

  it("the Report API page's curl command has the server's address and, once shown, the token", async () => {
    await pickAccountEntry(portal, 'Report API');
    const docs = portal.locator('kb-api-docs');
    const command = docs.locator('[part~="command"]');
    await command.waitFor();
    const masked = (await command.textContent()) ?? '';
    expect(masked).toContain(`${server.baseUrl}/api/customer/v1/partner/report?`);
    expect(masked).toContain(`Bearer ••••••••••••${secondToken.slice(-4)}`);
    expect(masked).not.toContain(secondToken);
    await docs.getByRole('button', { name: 'Show token', exact: true }).click();
    await poll(async () => (await command.textContent()) ?? '').toContain(`Bearer ${secondToken}`);
    // The parameters come from this partner's attributes: the metrics list names clicks.
    await poll(() => docs.locator('[part~="value"]', { hasText: /^clicks$/ }).count()).toBeGreaterThan(0);
    expect(await docs.locator('[part~="openapi-link"]').getAttribute('href')).toBe(`${server.baseUrl}/openapi.json`);
    expect(pageErrors).toEqual([]);
  });
});
