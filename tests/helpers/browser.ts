/** Real headless Chromium (Debian's) through playwright-core, for end-to-end tests. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/demo-operators.ts';

export const CHROMIUM_PATH =
  ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ??
  '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

type Scope = Pick<import('playwright-core').Page, 'locator' | 'getByRole'>;

/** The signed-in account button in the portal's header (its menu holds the account pages and Sign out). */
export const accountButton = (page: Scope) => page.locator('kb-portal [part~="account-button"]');

/**
 * Clicks an entry of the portal's account menu (Profile, Security, Team, Activity, Sign out) on a
 * wide portal, opening the menu first when it is closed.
 */
export async function pickAccountEntry(page: Scope, name: string): Promise<void> {
  const entry = page.getByRole('button', { name, exact: true });
  if ((await entry.count()) === 0 || !(await entry.first().isVisible())) {
    const button = accountButton(page);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  await entry.first().click();
}

/**
 * Signs the demo partner (Lucky Spin's, by default) in on the hosted portal at `baseUrl` and waits
 * for the dashboard, the landing section after sign-in.
 */
export async function signInToDemoPortal(
  page: Page,
  baseUrl: string,
  operator: { id: string; signInEmail: string } = DEMO_OPERATORS[0]!,
): Promise<void> {
  await page.goto(`${baseUrl}/portal/${operator.id}`);
  await page.getByLabel('Email', { exact: true }).fill(operator.signInEmail);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('kb-dashboard').waitFor();
}
