/**
 * The tracking journey as people do it, in real Chromium against a real server with the demo
 * data: a partner creates a campaign in the wizard and copies its link; a player's click on
 * the link is redirected with its custom parameters kept and counted; the operator's event
 * batch attributes a registration and a first deposit to that click; the conversion log shows
 * both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { clicks } from '../../core/modules/tracking/table.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
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

// A whole journey in Chromium: on a loaded 2-core machine it may take longer than the default 20 s.
describe('tracking in the browser', { timeout: 60_000 }, () => {
  it('wizard → copied link → counted click with its parameters → attributed events → conversion log', async () => {
    // A landing on this server itself, so the player's browser can really arrive on it.
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    await unwrap(
      operator.v1.landings.$post({
        json: {
          brandId: lucky.brands[0]!.id,
          name: 'E2E landing',
          url: `${server.baseUrl}/?lang=en`,
          audience: 'players',
          language: 'en',
        },
      }),
    );
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('button', { name: 'Create campaign' }).click();

    const wizard = page.locator('kb-campaign-wizard');
    // Step 1: campaign, brand, plan ("More" shows the plan's terms).
    await wizard.getByLabel('Campaign name').fill('E2E autumn push');
    await wizard.getByLabel('Brand', { exact: true }).selectOption({ label: 'Lucky Spin Casino' });
    await wizard.getByLabel('Commission plan', { exact: true }).selectOption({ label: 'CPA €150' });
    await wizard.getByRole('button', { name: 'More' }).click();
    await expect.poll(() => wizard.getByText('per player who deposits €20+').count()).toBe(1);
    await wizard.getByRole('button', { name: 'Next' }).click();
    // Step 2: landing for players, traffic source.
    await wizard.getByLabel('Landing page', { exact: true }).selectOption({ label: 'E2E landing' });
    await wizard.getByLabel('Traffic source', { exact: true }).selectOption({ label: 'SEO' });
    await wizard.getByRole('button', { name: 'Next' }).click();
    // Step 3: a banner from the gallery, promo title.
    await wizard.getByRole('radio', { name: /Welcome bonus 300×250/ }).check();
    await wizard.getByLabel('Promo title', { exact: true }).fill('Sidebar 300×250');
    await wizard.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => wizard.getByText('Your tracking link is ready').count()).toBe(1);
    await wizard.getByRole('button', { name: 'Copy link' }).first().click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/t/\\w+$`));

    // A player arrives through the partner's tracker with custom parameters.
    // Headless Chromium says "HeadlessChrome" and would rightly be flagged as a bot; a player's
    // browser says what desktop Chrome says.
    const playerContext = await browser.newContext({
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    });
    const player = await playerContext.newPage();
    await player.goto(`${link}?sub1=autumn&clickID=tr-778&webID=%/n/h3D1021df233`);
    const landed = new URL(player.url());
    expect(landed.origin + landed.pathname).toBe(`${server.baseUrl}/`);
    expect(landed.searchParams.get('lang')).toBe('en');
    const visitId = landed.searchParams.get('kb_vid')!;
    const [click] = await server.deps.db.select().from(clicks).where(eq(clicks.id, visitId));
    expect(click!.params).toEqual([
      ['sub1', 'autumn'],
      ['clickID', 'tr-778'],
      ['webID', '%/n/h3D1021df233'],
    ]);
    expect(click).toMatchObject({ isBot: false, isUnique: true, device: 'desktop', os: 'Windows', browser: 'Chrome' });
    await playerContext.close();

    // The operator reports the player's registration and first deposit.
    const result = await unwrap(
      operator.v1.events.$post({
        json: {
          events: [
            {
              id: 'e2e-reg-1',
              type: 'registration',
              playerId: 'e2e-player',
              brand: lucky.brands[0]!.id,
              visitId: visitId,
              occurredAt: new Date().toISOString(),
            },
            {
              id: 'e2e-ftd-1',
              type: 'first_deposit',
              playerId: 'e2e-player',
              brand: lucky.brands[0]!.id,
              amount: '50.00',
              currency: 'EUR',
              occurredAt: new Date().toISOString(),
            },
          ],
        },
      }),
    );
    expect(result.results.map((r) => [r.status, r.attribution?.clickId])).toEqual([
      ['accepted', visitId],
      ['accepted', visitId],
    ]);

    // The partner's conversion log, filtered by the click.
    await page.getByRole('button', { name: 'Conversions', exact: true }).click();
    const log = page.locator('kb-conversions');
    await log.getByLabel('Click id').fill(visitId);
    await log.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => log.getByText('e2e-player').count()).toBe(2);
    await expect.poll(() => log.getByText('50.00').count()).toBe(1);
    await context.close();
  });
});
