/**
 * axe-core over every portal screen a partner sees, in real Chromium against a real server with
 * the demo data: the signed-out screens and every section of a signed-in owner, in both themes,
 * on the demo operator's page (a host page with its own landmarks) and on the hosted page.
 * Serious and critical violations fail; the rest are printed so they stay visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { accountButton, launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

/** The pages' CSP (script-src 'self') would refuse the injected axe script: the test bypasses it. */
async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width, height },
  });
  return context.newPage();
}

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** Runs axe on the whole page (it walks open shadow roots) and returns the violations. */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<any> };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return (
      result.violations as Array<{
        id: string;
        impact: string;
        nodes: Array<{ target: unknown[] }>;
      }>
    ).map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.map((v) => ({ screen, ...v }));
}

/** Lets the section's lazy chunk arrive and its first requests settle before auditing. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => document.querySelector('kb-portal')!.setAttribute('theme', t), theme);
  await settle(page);
}

/** On a narrow portal the sections, e-mail and Sign out live in the menu: open it when it is closed. */
async function openMenuIfNarrow(page: Page) {
  const button = page.locator('kb-portal [part~="menu-button"]');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function auditSignedIn(page: Page, label: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => page.locator('kb-portal [part~="nav-link"]').count()).toBeGreaterThan(5);
  const links = page.locator('kb-portal [part~="nav-link"]');
  const count = await links.count();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await openMenuIfNarrow(page);
    findings.push(...(await audit(page, `${label} ${theme} menu`)));
    for (let i = 0; i < count; i++) {
      await openMenuIfNarrow(page);
      const link = links.nth(i);
      // Account pages sit in the account menu on a wide portal: open it (its own screen is audited too).
      if (!(await link.isVisible())) {
        await accountButton(page).click();
        findings.push(...(await audit(page, `${label} ${theme} account menu`)));
      }
      const name = ((await link.textContent()) ?? `#${i}`).trim();
      await link.click();
      await settle(page);
      findings.push(...(await audit(page, `${label} ${theme} ${name}`)));
    }
  }
  return findings;
}

function report(findings: Finding[]): Finding[] {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(`${f.impact} ${f.rule}`, (byRule.get(`${f.impact} ${f.rule}`) ?? 0) + 1);
  console.log(`axe: ${findings.length} violations`, Object.fromEntries(byRule));
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

describe('accessibility (axe-core) of every portal screen', {
  timeout: 180_000,
}, () => {
  it('signed out and every signed-in section, both themes, on the demo operator page: no serious or critical violation', async () => {
    const page = await newPage(1440, 900);
    await page.goto(`${server.baseUrl}/`);
    await settle(page);
    const findings: Finding[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      findings.push(...(await audit(page, `demo page ${theme} sign-in`)));
    }
    await setTheme(page, 'light');
    findings.push(...(await auditSignedIn(page, 'demo page')));
    await page.close();
    expect(report(findings)).toEqual([]);
  });

  it('the hosted portal page at phone width, signed in, both themes: no serious or critical violation', async () => {
    const page = await newPage(390, 844);
    await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await settle(page);
    const findings = await auditSignedIn(page, 'hosted 390');
    await page.close();
    expect(report(findings)).toEqual([]);
  });
});
