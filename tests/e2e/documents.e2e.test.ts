/**
 * Partner documents in real Chromium against a real server with the demo data: the demo partner
 * uploads a PDF in the hosted portal's Documents section and is refused a renamed executable with
 * the section's message; in the operator console (through the operator backend's proxy) the
 * document is declined with a reason; the partner then sees "Declined" with that reason, the bell's
 * count and the review first on the Notifications page, and the e-mail. The stored file is read back as uploaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { minimalPdf } from '../../demo/document-files.ts';
import { windowsExecutable } from '../helpers/windows-executable.ts';
import { launchChromium, pickAccountEntry, signInToDemoPortal } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let portal: Page;
const pageErrors: string[] = [];
const REASON = 'E2E: the scan is cut off, please upload the whole page';
const pdf = minimalPdf('E2E passport');

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

const documents = () => portal.locator('kb-documents');
const item = (name: string) => documents().locator('[part~="item"]', { hasText: name });

describe('documents end to end', () => {
  it('uploads a PDF in the portal and refuses a renamed executable with a clear message', async () => {
    await pickAccountEntry(portal, 'Documents');
    await documents().locator('[part~="item"]').first().waitFor();
    expect(await portal.evaluate(() => location.hash)).toBe('#/documents');
    // The demo's documents: one in every state.
    expect(await item('Certificate of incorporation.png').locator('[part~="badge"]').textContent()).toBe('Declined');

    await documents().getByLabel('Document type').selectOption('identity');
    await documents()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'e2e-passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await documents().getByRole('button', { name: 'Upload', exact: true }).click();
    await expect
      .poll(() => documents().locator('[part~="success"]').textContent())
      .toBe('“e2e-passport.pdf” is uploaded and waits for review.');
    expect(await item('e2e-passport.pdf').locator('[part~="badge"]').textContent()).toBe('Pending');

    await documents()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from(windowsExecutable()) });
    await documents().getByRole('button', { name: 'Upload', exact: true }).click();
    await expect
      .poll(() => documents().locator('[part~="field-error"]').textContent())
      .toBe('This file is not a PDF, JPEG or PNG, whatever its name says. Choose another file.');
    expect(await documents().locator('input[type="file"]').getAttribute('aria-invalid')).toBe('true');
    expect(await item('invoice.pdf').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('the operator declines it with a reason in the console; the partner sees why, and is notified', async () => {
    const consolePage = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    consolePage.on('pageerror', (e) => pageErrors.push(String(e)));
    await consolePage.goto(`${server.baseUrl}/operator/#documents`);
    const queue = consolePage.locator('kb-documents-console');
    const row = queue.locator('[part~="item"]', { hasText: 'e2e-passport.pdf' });
    await row.waitFor();
    expect(await row.locator('[part~="partner-name"]').textContent()).toBeTruthy();

    // The operator views the file the partner sent (fetched through the console's backend).
    const popup = consolePage.waitForEvent('popup');
    await row.getByRole('button', { name: 'View e2e-passport.pdf' }).click();
    await (await popup).close();
    expect(await row.locator('[part~="open-file"]').getAttribute('href')).toMatch(/^blob:/);
    // The bytes stored are the bytes sent (the console page's CSP keeps its own scripts off blob: reads).
    const id = await queue.evaluate(
      (el, name) =>
        (el as unknown as { documents: Array<{ id: string; fileName: string }> }).documents.find(
          (d) => d.fileName === name,
        )!.id,
      'e2e-passport.pdf',
    );
    const stored = await fetch(`${server.baseUrl}/v1/documents/${id}/file`, {
      headers: { authorization: `Bearer ${lucky.apiKey}` },
    });
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(pdf);

    await row.getByRole('button', { name: 'Decline e2e-passport.pdf' }).click();
    await row.getByRole('button', { name: 'Decline document' }).click();
    expect(await row.locator('[part~="field-error"]').textContent()).toBe(
      'Say why, so the partner knows what to send instead.',
    );
    await row.getByLabel('Reason for the partner (required)').fill(REASON);
    await row.getByRole('button', { name: 'Decline document' }).click();
    await expect
      .poll(() => queue.locator('[part~="notice"]').textContent())
      .toBe('“e2e-passport.pdf” is declined; the partner is notified.');
    // The notice comes with the answer; the queue is read again right after, and then the document leaves it.
    await expect.poll(() => queue.locator('[part~="item"]', { hasText: 'e2e-passport.pdf' }).count()).toBe(0);
    await consolePage.close();

    await portal.reload();
    await item('e2e-passport.pdf').waitFor();
    expect(await item('e2e-passport.pdf').locator('[part~="badge"]').textContent()).toBe('Declined');
    expect(await item('e2e-passport.pdf').locator('[part~="comment"]').textContent()).toBe(
      `Reviewer’s comment: ${REASON}`,
    );
    expect(await item('e2e-passport.pdf').locator('[part~="delete"]').count()).toBe(0);

    // The review's notification: the bell counts it (read on load) and the Notifications page lists it first.
    const count = portal.locator('kb-notification-bell [part~="notification-count"]');
    await expect.poll(async () => ((await count.count()) ? Number(await count.textContent()) : 0)).toBeGreaterThan(0);
    await portal.evaluate(() => {
      location.hash = '#/notifications';
    });
    const first = portal.locator('kb-notifications [part~="notification-item"]').first();
    await expect.poll(() => first.textContent()).toContain('Your document e2e-passport.pdf was declined');
    const mailbox = await (await fetch(`${server.baseUrl}/demo/mailbox`)).text();
    expect(mailbox).toContain('Your document “e2e-passport.pdf” was declined');
    expect(pageErrors).toEqual([]);
  });
});
