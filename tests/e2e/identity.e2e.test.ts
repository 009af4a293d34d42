/**
 * Identity as a person does it, in real Chromium against a real server with the demo data:
 * sign up, operator approval (API), sign in, 2FA enrolment with an authenticator's maths,
 * lockout and unlock by the emailed link, inviting a member who sets a password and signs in,
 * the events log, and the embedded flow from the operator's own page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { accountButton, launchChromium, pickAccountEntry } from '../helpers/browser.ts';
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

async function hostedPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Follows the newest emailed link to `to` from the demo mailbox page, as a person clicks it. */
async function openMailedLink(page: Page, to: string, kind: 'unlock' | 'invite' | 'reset') {
  await page.goto(`${server.baseUrl}/demo/mailbox`);
  const link = page.locator('article', { hasText: to }).first().locator(`a[href*="#${kind}="]`).first();
  await page.goto((await link.getAttribute('href'))!);
}

// Whole journeys in Chromium: on a loaded 2-core machine they may take longer than the default 20 s.
describe('identity in the browser', { timeout: 60_000 }, () => {
  const email = 'e2e.partner@example.com';
  const password = 'e2e-partner-secret-1';
  let totpSecret = '';

  it('signs up on the hosted portal and is told the account awaits approval', async () => {
    const page = await hostedPage();
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('E2E Partner');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Country').selectOption('DE');
    // Lucky Spin has published terms versions (demo/seed-terms.ts): the form shows the current one in a box,
    // and asks the program's own required field (demo/seed-registration-fields.ts).
    await expect
      .poll(() => page.locator('kb-sign-up [part~="terms-title"]').textContent())
      .toBe('Lucky Spin Partners: terms and conditions (2026) (version 2)');
    await page.getByLabel('Main traffic source', { exact: true }).selectOption('seo');
    await page.getByLabel('I have read and accept these terms and conditions').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText('pending approval').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('asks no acceptance of terms where the operator has none (Northwind)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/portal/${DEMO_OPERATORS[1]!.id}`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByText(/terms/i).count()).toBe(0);
    await page.close();
  });

  it('is approved by the operator through the API, then signs in', async () => {
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const pending = await unwrap(operator.v1.partners.$get({ query: { status: 'pending' } }));
    const mine = pending.data.find((p) => p.owner?.email === email)!;
    await unwrap(
      operator.v1.partners[':partnerId'].decision.$post({ param: { partnerId: mine.id }, json: { action: 'approve' } }),
    );
    const page = await hostedPage();
    await signIn(page, email, password);
    await expect.poll(() => accountButton(page).count()).toBe(1);
    await page.close();
  });

  it('enrols 2FA with the shown key; the next sign-in asks for the code', async () => {
    const page = await hostedPage();
    await signIn(page, email, password);
    await pickAccountEntry(page, 'Security');
    await page.getByRole('button', { name: 'Enable 2FA' }).click();
    const key = page.locator('kb-security').locator('[part~="secret"]');
    await expect.poll(() => key.count()).toBe(1);
    totpSecret = (await key.textContent())!.replace(/\s+/g, '');
    await page.getByLabel('6-digit code from your authenticator app').fill(await generate({ secret: totpSecret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('Save your recovery codes').count()).toBe(1);
    await pickAccountEntry(page, 'Sign out');
    await signIn(page, email, password);
    await page
      .getByLabel('Verification code')
      .fill(await generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => accountButton(page).count()).toBe(1);
    await page.close();
  });

  it('locks after wrong passwords and unlocks by the emailed link', async () => {
    const page = await hostedPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, lucky.signInEmail, 'not-the-password');
      await page.waitForTimeout(150);
    }
    await expect.poll(() => page.getByText('Your account is locked').count()).toBe(1);
    await openMailedLink(page, lucky.signInEmail, 'unlock');
    await page.getByRole('button', { name: 'Unlock my account' }).click();
    await expect.poll(() => page.getByText(/unlocked/i).count()).toBeGreaterThan(0);
    await signIn(page, lucky.signInEmail, 'kabinet-demo-2026');
    await expect.poll(() => accountButton(page).count()).toBe(1);
    await page.close();
  });

  it('invites a team member who sets a password from the link and signs in; the events log shows it all', async () => {
    const page = await hostedPage();
    await signIn(page, lucky.signInEmail, 'kabinet-demo-2026');
    await pickAccountEntry(page, 'Team');
    const invite = page.locator('kb-team').locator('form[part~="invite-form"]');
    await invite.getByLabel('Email').fill('new.analyst@slothuntersmedia.example');
    await invite.getByLabel('Name').fill('New Analyst');
    await invite.getByLabel('Role').selectOption('analyst');
    await invite.getByRole('button', { name: 'Invite member' }).click();
    await expect.poll(() => page.getByText('new.analyst@slothuntersmedia.example').count()).toBeGreaterThan(0);
    await pickAccountEntry(page, 'Sign out');
    await openMailedLink(page, 'new.analyst@slothuntersmedia.example', 'invite');
    await page.getByLabel('New password', { exact: true }).fill('analyst-chooses-this-1');
    await page.getByLabel('Repeat the new password').fill('analyst-chooses-this-1');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await signIn(page, 'new.analyst@slothuntersmedia.example', 'analyst-chooses-this-1');
    // A new user of the program accepts its current terms (demo/seed-terms.ts) before anything else.
    await page.locator('kb-terms[gate]').getByRole('button', { name: 'I accept these terms', exact: true }).click();
    await page.locator('kb-dashboard').waitFor();
    await expect.poll(() => accountButton(page).count()).toBe(1);
    // An analyst's account menu has no Team.
    await accountButton(page).click();
    await expect.poll(() => page.getByRole('button', { name: 'Profile', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Team', exact: true }).count()).toBe(0);
    await pickAccountEntry(page, 'Sign out');
    await signIn(page, lucky.signInEmail, 'kabinet-demo-2026');
    await pickAccountEntry(page, 'Activity');
    const log = page.locator('kb-activity');
    for (const label of [/Member invited/i, /locked/i, /unlocked/i, /Signed in/i]) {
      await expect.poll(() => log.getByText(label).count()).toBeGreaterThan(0);
    }
    await page.close();
  });

  it("opens the embedded partner area from the operator's own page without a second login", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/embedded/`);
    await expect.poll(() => accountButton(page).count()).toBe(1);
    await pickAccountEntry(page, 'Profile');
    await expect.poll(() => page.locator('kb-profile').getByText(lucky.signInEmail).count()).toBeGreaterThan(0);
    // The embed session was minted with the postbacks component: the seeded postbacks show.
    await page.getByRole('button', { name: 'Postbacks', exact: true }).click();
    await expect.poll(() => page.locator('kb-postbacks [part~="postback-row"]').count()).toBeGreaterThan(3);
    await page.close();
  });
});
