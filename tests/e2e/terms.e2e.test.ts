/**
 * Terms versions end to end, in real Chromium against a real server with the demo data: the
 * operator publishes version 3 in `<kb-terms-console>` on the demo's /operator/ page (preview, then
 * the confirmation); the demo partner signs in on the hosted portal and meets the accept view before
 * anything else; accepts; the portal opens; the console's version view lists that acceptance, and the
 * Operator API asked with the secret key agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
const TITLE = 'Lucky Spin Partners: terms and conditions (2027)';
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

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

describe('terms in the browser', { timeout: 90_000 }, () => {
  it('the operator publishes v3; the partner must accept it at sign-in; the console lists the acceptance', async () => {
    const operator = await newPage();
    await operator.goto(`${server.baseUrl}/operator/`);
    const terms = operator.locator('kb-terms-console');
    const rows = terms.locator('[part~="version-row"]');
    await poll(() => rows.count()).toBe(2);
    // The demo's v2 is current and every demo user who must accept it has: "N accepted · N can sign in".
    const accepted = ((await rows.first().locator('[part~="accepted"]').textContent()) ?? '').trim();
    expect(accepted).toMatch(/^(\d+) accepted · \1 can sign in$/);

    await terms.getByRole('button', { name: 'Publish a new version', exact: true }).click();
    await terms.getByLabel('Title', { exact: true }).fill(TITLE);
    await terms.getByLabel('Summary of changes', { exact: true }).fill('A section on bonus abuse.');
    await terms
      .getByRole('textbox', { name: 'Terms (Markdown)', exact: true })
      .fill('## Bonus abuse\n\nTraffic that only chases bonuses is not paid.');
    await terms.getByRole('button', { name: 'Preview', exact: true }).click();
    await poll(() => terms.locator('[part~="preview"] h2').textContent()).toBe('Bonus abuse');
    await terms.getByRole('button', { name: 'Publish…', exact: true }).click();
    const confirm = terms.locator('[part~="confirm"]');
    expect(await confirm.textContent()).toContain(
      'must accept it at their next sign-in before they can do anything else',
    );
    await confirm.getByRole('button', { name: 'Publish version 3', exact: true }).click();
    await poll(() => terms.locator('[part~="notice"]').textContent()).toContain(`Version 3 “${TITLE}” is published`);
    await poll(() => rows.first().locator('[part~="accepted"]').textContent()).toMatch(
      /^\s*0 accepted · \d+ can sign in\s*$/,
    );

    // The partner signs in: the new terms, before anything else.
    const portal = await newPage();
    await portal.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await portal.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await portal.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await portal.getByRole('button', { name: 'Sign in', exact: true }).click();
    const gate = portal.locator('kb-terms[gate]');
    await gate.getByRole('heading', { name: 'New terms' }).waitFor();
    await gate.getByText(TITLE).first().waitFor();
    expect(await gate.getByText('Traffic that only chases bonuses is not paid.').count()).toBe(1);
    expect(await portal.locator('kb-dashboard').count()).toBe(0);
    await gate.getByRole('button', { name: 'I accept these terms', exact: true }).click();
    await portal.locator('kb-dashboard').waitFor();
    expect(await portal.locator('kb-terms[gate]').count()).toBe(0);

    // The console's version view lists that user's acceptance.
    await terms.getByRole('button', { name: `View version 3: ${TITLE}`, exact: true }).click();
    const acceptance = terms.locator(`[part~="acceptance-row"][data-user-id="${lucky.userId}"]`);
    await acceptance.waitFor();
    expect(await acceptance.locator('[part~="acceptance-email"]').textContent()).toBe(lucky.signInEmail);
    expect(await acceptance.locator('[part~="user-agent"]').textContent()).toContain('Chrome');
    expect(await terms.locator('[part~="acceptance-row"]').count()).toBe(1);

    // The Operator API with the secret key agrees.
    const api = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const [current] = (await unwrap(api.v1.terms.versions.$get())).data;
    expect(current).toMatchObject({ version: 3, title: TITLE, current: true, acceptanceCount: 1 });
    const list = await unwrap(
      api.v1.terms.versions[':versionId'].acceptances.$get({ param: { versionId: current!.id }, query: {} }),
    );
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ userId: lucky.userId, email: lucky.signInEmail, partnerId: lucky.partnerId });
    expect(pageErrors).toEqual([]);
  });
});
