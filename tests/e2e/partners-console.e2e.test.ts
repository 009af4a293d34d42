/**
 * The partners console as an operator uses it, in real Chromium against a real server with the demo
 * data: a partner signs up on the hosted portal (pending), the operator finds them on the demo's
 * /operator/ page (`<kb-partners-console>`, through the demo backend's proxy: the page's api-base
 * mode) by e-mail, opens their page and approves; the approval e-mail is in the demo mailbox and the
 * partner signs in. Rejecting and blocking (both confirmed first) refuse the partner's sign-in, and
 * rejecting e-mails them. Statuses are checked against the Operator API asked with the secret key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { accountButton, launchChromium } from '../helpers/browser.ts';
import { signUpDemoPartner, startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
const PASSWORD = 'console-e2e-secret-1';
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

async function newPage(width = 1440): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

const signUpByApi = (name: string, email: string) =>
  signUpDemoPartner(server.baseUrl, { name, email, password: PASSWORD });

async function statusOf(partnerId: string) {
  return (await unwrap(operatorApi().v1.partners[':partnerId'].$get({ param: { partnerId } }))).status;
}

/**
 * The console on the demo's operator page, searched for one e-mail among all statuses (it opens
 * on the pending ones), that partner's page opened.
 */
async function openInConsole(page: Page, email: string): Promise<Locator> {
  await page.goto(`${server.baseUrl}/operator/`);
  const panel = page.locator('kb-partners-console');
  await panel.locator('[part~="chip-all"]').click();
  await panel.getByLabel('Search').fill(email);
  const row = panel.locator('[part~="partner-row"]', { hasText: email });
  await poll(() => row.count()).toBe(1);
  await poll(() => panel.locator('[part~="partner-row"]').count()).toBe(1);
  await row.locator('[part~="open"]').click();
  await panel.getByRole('heading', { name: 'Decisions' }).waitFor();
  return panel;
}

/** Signs in on the hosted portal; true when the account menu appears, else the alert's words. */
async function signInOnPortal(email: string): Promise<true | string> {
  const page = await newPage();
  await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const alert = page.locator('kb-sign-in [part~="error"]');
  await poll(async () => (await accountButton(page).count()) + (await alert.count())).toBeGreaterThan(0);
  const result = (await accountButton(page).count()) ? true : ((await alert.textContent()) ?? '').trim();
  await page.close();
  return result;
}

/** The demo mailbox's newest message to an address, as the mailbox page shows it. */
async function mailboxEntry(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`${server.baseUrl}/demo/mailbox`);
  const article = page.locator('article', { hasText: to }).filter({ hasText: subject }).first();
  await article.waitFor({ timeout: 15_000 });
  return (await article.textContent()) ?? '';
}

// Whole journeys in Chromium on a loaded 2-core machine.
describe('partners console in the browser', { timeout: 90_000 }, () => {
  it('a sign-up on the portal is found by e-mail, approved in the console, mailed, and signs in', async () => {
    const email = 'panel.approve@example.com';
    const portal = await newPage();
    await portal.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await portal.getByRole('button', { name: 'Create an account', exact: true }).click();
    await portal.getByLabel('Your name').fill('Console Approve');
    await portal.getByLabel('Email', { exact: true }).fill(email);
    await portal.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await portal.getByLabel('Country').selectOption('DE');
    // The demo program's required sign-up field and its published terms (demo/seed-registration-fields.ts, seed-terms.ts).
    await portal.getByLabel('Main traffic source', { exact: true }).selectOption('social');
    await portal.getByLabel('I have read and accept these terms and conditions').check();
    await portal.getByRole('button', { name: 'Create account', exact: true }).click();
    await poll(() => portal.getByText('pending approval').count()).toBeGreaterThan(0);
    await portal.close();
    expect(await signInOnPortal(email)).toBe('Your partner account is waiting for approval by the program team.');

    const page = await newPage();
    const panel = await openInConsole(page, email);
    const partnerId = new URL(page.url()).hash.replace('#partners/', '');
    expect(await statusOf(partnerId)).toBe('pending');
    expect(await panel.locator('[part~="fact-email"] [part~="fact-value"]').textContent()).toBe(email);
    expect(await panel.locator('[part~="action"]').allTextContents()).toEqual(['Approve', 'Reject', 'Block']);
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    await poll(() => panel.locator('[part~="decisions"] [part~="status"]').textContent()).toBe(
      'Approved: Console Approve can sign in now and got an e-mail saying so.',
    );
    await poll(() => statusOf(partnerId)).toBe('active');
    // The page is fetched again after the decision's answer: its history follows a moment later.
    await poll(() => panel.locator('[part~="history-entry"]').allTextContents()).toEqual([
      expect.stringMatching(/^Signed up by the partner /),
      expect.stringMatching(/^Approved by you /),
    ]);
    // Back returns to the list (the browser's history), searched as it was.
    await panel.getByRole('button', { name: 'Back to partners', exact: true }).click();
    await poll(() => panel.locator('[part~="partner-row"]', { hasText: email }).count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');

    expect(await mailboxEntry(page, email, `Your ${lucky.name} Partners account is approved`)).toContain(
      'Console Approve',
    );
    await page.close();
    expect(await signInOnPortal(email)).toBe(true);
  });

  it('rejecting asks first, e-mails the partner and refuses their sign-in', async () => {
    const email = 'panel.reject@example.com';
    const partnerId = await signUpByApi('Console Reject', email);
    const page = await newPage(390);
    const panel = await openInConsole(page, email);
    await panel.getByRole('button', { name: 'Reject', exact: true }).click();
    await poll(() => panel.locator('[part~="confirm-text"]').textContent()).toBe(
      'Reject Console Reject? They get an e-mail saying the application was not approved.',
    );
    expect(await statusOf(partnerId), 'nothing changed before confirming').toBe('pending');
    await panel.getByRole('button', { name: 'Yes, reject', exact: true }).click();
    await poll(() => statusOf(partnerId)).toBe('rejected');
    await poll(() => panel.locator('[part~="action"]').allTextContents()).toEqual(['Approve']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await mailboxEntry(page, email, `Your application to ${lucky.name}`)).toContain('Console Reject');
    await page.close();
    expect(await signInOnPortal(email)).toBe('Your partner account was not approved.');
  });

  it('blocking an active partner asks first and refuses their next sign-in; unblocking lets them in again', async () => {
    const email = 'panel.block@example.com';
    const partnerId = await signUpByApi('Console Block', email);
    await unwrap(
      operatorApi().v1.partners[':partnerId'].decision.$post({ param: { partnerId }, json: { action: 'approve' } }),
    );
    expect(await signInOnPortal(email)).toBe(true);
    const page = await newPage();
    const panel = await openInConsole(page, email);
    expect(await panel.locator('[part~="action"]').allTextContents()).toEqual(['Block']);
    await panel.getByRole('button', { name: 'Block', exact: true }).click();
    await panel.getByRole('button', { name: 'Yes, block', exact: true }).click();
    await poll(() => statusOf(partnerId)).toBe('blocked');
    expect(await signInOnPortal(email)).toBe('Your partner account is blocked by the program team.');
    await poll(() => panel.locator('[part~="action"]').allTextContents()).toEqual(['Unblock']);
    await panel.getByRole('button', { name: 'Unblock', exact: true }).click();
    await poll(() => statusOf(partnerId)).toBe('active');
    await page.close();
    expect(await signInOnPortal(email)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
