/**
 * Contacts in real Chromium against a real server with the demo data: the demo partner opens
 * Contacts in the hosted portal and sees Anna Petrova, her photo loaded from its public address,
 * and only mailto/t.me/wa.me links; in the operator console a new manager is added with a photo
 * (through the operator backend's proxy), the Operator API gives the partner that manager, and the
 * partner's Contacts shows them after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { avatarPng } from '../../demo/avatar-png.ts';
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

const contacts = () => portal.locator('kb-contacts');

describe('contacts end to end', () => {
  it('shows the demo partner their manager with a loaded photo, and only safe links', async () => {
    await pickAccountEntry(portal, 'Contacts');
    await contacts().locator('[part~="manager"]').waitFor();
    expect(await contacts().locator('[part~="manager-name"]').textContent()).toBe('Anna Petrova');
    const photo = contacts().locator('img[part~="avatar"]');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);
    const hrefs = await contacts()
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(4);
    for (const href of hrefs) expect(href).toMatch(/^(mailto:[^\s]+@|https:\/\/t\.me\/\w+$|https:\/\/wa\.me\/\d+$)/);
    expect(await portal.evaluate(() => location.hash)).toBe('#/contacts');
    expect(pageErrors).toEqual([]);
  });

  it('adds a manager with a photo in the operator console; given to the partner, they see them', async () => {
    const consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    consolePage.on('pageerror', (e) => pageErrors.push(String(e)));
    await consolePage.goto(`${server.baseUrl}/operator/#contacts`);
    const panel = consolePage.locator('kb-contacts-console');
    await panel.locator('[part~="manager-item"]').first().waitFor();
    await panel.getByRole('button', { name: 'Add a manager' }).click();
    await panel.getByLabel('Name', { exact: true }).fill('Mila Sorokina');
    await panel.getByLabel('E-mail', { exact: true }).fill('mila@luckyspin.example');
    await panel.getByLabel('Handle 1').fill('@mila_luckyspin');
    await panel.getByLabel('Photo', { exact: true }).setInputFiles({
      name: 'mila.png',
      mimeType: 'image/png',
      buffer: Buffer.from(avatarPng('MS', [30, 64, 175], [124, 58, 237])),
    });
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    const item = panel.locator('[part~="manager-item"]', { hasText: 'Mila Sorokina' });
    await item.waitFor();
    await expect
      .poll(() => item.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(128);
    await consolePage.close();

    const key = { authorization: `Bearer ${lucky.apiKey}`, 'content-type': 'application/json' };
    const { items } = (await (await fetch(`${server.baseUrl}/v1/managers`, { headers: key })).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    const mila = items.find((m) => m.name === 'Mila Sorokina')!;
    const assigned = await fetch(`${server.baseUrl}/v1/partners/${lucky.partnerId}/manager`, {
      method: 'PUT',
      headers: key,
      body: JSON.stringify({ managerId: mila.id }),
    });
    expect(assigned.status).toBe(200);
    await portal.reload();
    await contacts().locator('[part~="manager"]').waitFor();
    expect(await contacts().locator('[part~="manager-name"]').textContent()).toBe('Mila Sorokina');
    expect(await contacts().locator('[part~="manager"] a').first().getAttribute('href')).toBe(
      'mailto:mila@luckyspin.example',
    );
    expect(pageErrors).toEqual([]);
  });
});
