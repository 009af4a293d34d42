/**
 * The operator's registration fields as a new partner meets them, in real Chromium against a real
 * server with the demo data: on the hosted portal at 390 px (no sideways scroll) the Lucky Spin
 * sign-up asks its fields after the country; the required one is refused before sending, then
 * answered; the operator reads the same answers through the Operator API.
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
  [server, browser] = await Promise.all([startLiveServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('registration fields on the portal’s sign-up', () => {
  it('asks the demo’s fields, refuses the required one unanswered, and the operator sees the answers', async () => {
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const fields = (await unwrap(operator.v1.registration_fields.$get())).data.filter((f) => f.active);
    const required = fields.find((f) => f.required && f.kind === 'select');
    const text = fields.find((f) => !f.required && f.kind === 'text');
    expect(required, 'the demo has a required select').toBeTruthy();
    expect(text, 'and an optional text').toBeTruthy();

    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await page.getByRole('button', { name: 'Create an account' }).click();
    const form = page.locator('kb-sign-up');
    const choice = form.getByLabel(required!.label.en, { exact: true });
    await choice.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'no sideways scroll').toBe(0);

    const email = `fields-${Date.now()}@e2e.example`;
    await form.getByLabel('Your name').fill('Fields E2E');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('fields-e2e-secret-1');
    await form.getByLabel('Country').selectOption('DE');
    const terms = form.locator('#acceptTerms');
    if ((await terms.count()) > 0) await terms.check();
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => choice.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator(`[id="fields.${required!.key}-error"]`).textContent()).toBe('Choose one of the options.');

    const option = required!.options.at(-1)!;
    await choice.selectOption(option.value);
    await form.getByLabel(`${text!.label.en} (optional)`).fill('https://fields-e2e.example');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.locator('[part~="success"]').waitFor({ timeout: 15_000 });

    const found = await unwrap(operator.v1.partners.$get({ query: { q: email, status: 'pending,active' } }));
    expect(found.data.length).toBe(1);
    const answers = await unwrap(
      operator.v1.partners[':partnerId'].fields.$get({ param: { partnerId: found.data[0]!.id } }),
    );
    const value = (key: string) => answers.fields.find((f) => f.key === key)?.value;
    expect(value(required!.key)).toBe(option.value);
    expect(value(text!.key)).toBe('https://fields-e2e.example');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
