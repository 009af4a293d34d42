/**
 * The console's staff sign-in, in real Chromium against a real server with the demo data: on /operator/
 * the demo owner signs in with the demo password and the TOTP code of DEMO_STAFF's published secret;
 * the consoles then call Kabinet itself with the staff session cookie (not the demo backend) and the
 * owner approves a sign-up; the session survives a reload; sign-out puts the demo backend back. The
 * viewer's wrong code is refused in words, and their Approve is refused for the role, in words; when
 * their session ends meanwhile, the page falls back to the demo backend.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/demo-operators.ts';
import { DEMO_STAFF } from '../../demo/seed-staff.ts';
import { launchChromium } from '../helpers/browser.ts';
import { signUpDemoPartner, startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
const DEMO_BACKEND = `/demo/operator-backend/${lucky.id}/kabinet`;
const [owner, , , viewer] = DEMO_STAFF;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startLiveServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const operatorApi = () => createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });

const signUpByApi = (name: string, email: string) =>
  signUpDemoPartner(server.baseUrl, { name, email, password: 'staff-e2e-secret-1' });
const statusOf = async (partnerId: string) =>
  (await unwrap(operatorApi().v1.partners[':partnerId'].$get({ param: { partnerId } }))).status;

/** /operator/ with every API request's method and path recorded. */
async function openConsolePage(width = 1440): Promise<{ page: Page; calls: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const calls: string[] = [];
  page.on('request', (r) => calls.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.goto(`${server.baseUrl}/operator/`);
  return { page, calls };
}

/** Opens the bar, enters the e-mail and password; returns the sign-in element at its code step. */
async function enterPassword(page: Page, email: string): Promise<Locator> {
  await page.locator('#staff-signed-out > summary').click();
  const form = page.locator('kb-operator-sign-in');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.getByLabel('6-digit code').waitFor();
  return form;
}

async function enterCode(form: Locator, code: string): Promise<void> {
  await form.getByLabel('6-digit code').fill(code);
  await form.getByRole('button', { name: 'Verify' }).click();
}

const apiBases = (page: Page) =>
  page.evaluate(() => [
    ...new Set([...document.querySelectorAll('main [api-base]')].map((e) => e.getAttribute('api-base'))),
  ]);

/** The partners console searched for one e-mail among all statuses, that partner opened. */
async function openPartner(page: Page, email: string): Promise<Locator> {
  const panel = page.locator('kb-partners-console');
  await panel.locator('[part~="chip-all"]').click();
  await panel.getByLabel('Search').fill(email);
  const row = panel.locator('[part~="partner-row"]', { hasText: email });
  await poll(() => row.count()).toBe(1);
  await row.locator('[part~="open"]').click();
  await panel.getByRole('heading', { name: 'Decisions' }).waitFor();
  return panel;
}

describe('operator console staff sign-in', { timeout: 60_000 }, () => {
  it('the owner signs in with password and code, approves through Kabinet, stays signed in, signs out', async () => {
    const email = 'staff.approve@example.com';
    const partnerId = await signUpByApi('Staff Approve', email);
    const { page, calls } = await openConsolePage();
    expect(await apiBases(page)).toEqual([DEMO_BACKEND]);
    await enterCode(await enterPassword(page, owner.email), await generate({ secret: owner.totpSecret }));
    const account = page.locator('kb-operator-account');
    await poll(() => account.locator('[part~="name"]').textContent()).toBe('Signed in as Olga Sokolova');
    // The owner-only panels (staff, API keys) show to the owner.
    for (const panel of ['staff-title', 'api-keys-title'])
      await page.locator(`section[aria-labelledby="${panel}"]`).waitFor({ state: 'visible' });
    expect(await account.locator('[part~="role"]').textContent()).toBe(`Owner at ${lucky.name} · ${owner.email}`);
    expect(await apiBases(page)).toEqual([server.baseUrl]);

    const panel = await openPartner(page, email);
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    await poll(() => statusOf(partnerId)).toBe('active');
    expect(calls).toContain(`POST /v1/partners/${partnerId}/decision`);
    expect(calls.filter((c) => c.includes(`/demo/operator-backend/`) && c.includes(partnerId))).toEqual([]);

    // The HttpOnly cookie outlives the page: a reload asks Kabinet who is signed in.
    await page.reload();
    await poll(() => account.locator('[part~="name"]').textContent()).toBe('Signed in as Olga Sokolova');
    await poll(() => apiBases(page)).toEqual([server.baseUrl]);
    await account.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#staff-signed-out').waitFor();
    expect(await apiBases(page)).toEqual([DEMO_BACKEND]);
    expect(await page.locator('#staff-signed-in').isHidden()).toBe(true);
    await page.close();
  });

  it('the viewer: a wrong code is refused in words, Approve is refused for the role, an ended session falls back', async () => {
    const email = 'staff.viewer@example.com';
    const partnerId = await signUpByApi('Staff Viewer', email);
    const { page } = await openConsolePage(390);
    const form = await enterPassword(page, viewer.email);
    const code = await generate({ secret: viewer.totpSecret });
    await enterCode(form, code === '000000' ? '111111' : '000000');
    await poll(() => form.locator('[part~="field-error"]').textContent()).toBe(
      'The code is not correct or was already used.',
    );
    await enterCode(form, code);
    const account = page.locator('kb-operator-account');
    await poll(() => account.locator('[part~="role"]').textContent()).toBe(`Viewer at ${lucky.name} · ${viewer.email}`);
    // The owner-only panels stay hidden from a viewer (their calls would be refused for the role anyway).
    for (const panel of ['staff-title', 'api-keys-title'])
      expect(await page.locator(`section[aria-labelledby="${panel}"]`).isHidden(), panel).toBe(true);
    expect(await page.locator('a[href="#staff"]').isHidden()).toBe(true);

    const panel = await openPartner(page, email);
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    await poll(() => panel.locator('[part~="decisions"] [part~="error"]').textContent()).toBe(
      'Your role (viewer) may not do this; it needs owner, manager.',
    );
    expect(await statusOf(partnerId)).toBe('pending');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A session that ends meanwhile (here the cookie is gone) answers 401: the page goes back to the demo backend.
    // The call that finds out is a read (any console call would do; one of the page's own may come first, and
    // then an Approve clicked here would rightly go to the demo backend, which may approve).
    await page.context().clearCookies();
    expect(await page.evaluate(async () => (await fetch('/v1/operator/me')).status)).toBe(401);
    await poll(() => page.locator('#staff-note').textContent()).toBe('Your staff session ended: sign in again.');
    expect(await apiBases(page)).toEqual([DEMO_BACKEND]);
    expect(await page.locator('#staff-signed-out').isVisible()).toBe(true);
    expect(await statusOf(partnerId)).toBe('pending');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
