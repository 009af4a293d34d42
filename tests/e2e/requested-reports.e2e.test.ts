/**
 * A requested report, end to end in real Chromium against a real server with the demo data: the
 * signed-in partner asks for the shown report as zipped CSV (Request report) → the server answers
 * it processing and the portal says an e-mail will come → the live server's in-process job builds
 * it → the "ready" e-mail lands in the demo mailbox with the link → following the link shows the
 * request successful on its page → Download hands over the file (a real browser download) → the zip
 * holds rows.csv and totals.csv, which are, byte for byte, the CSV export of the same question
 * split into its rows and its totals line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startLiveServer(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
  await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('kb-dashboard').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 250 });
const reports = () => page.locator('kb-reports');
const NAME = 'E2E last 30 days by day and country';
/** UTF-8 as sent: the byte-order mark kept (a plain TextDecoder drops it). */
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

interface Requested {
  id: string;
  status: string;
  query: Record<string, string>;
  requestedBy: { email: string };
}
let request: Requested;
let asked: Record<string, string>;

describe('a requested report', { timeout: 120_000 }, () => {
  it('is requested from the shown report and said to be prepared, with an e-mail to come', async () => {
    await page.goto(`${server.baseUrl}/portal/${lucky.id}#/reports?period=last_30_days&groupBy=day,country`);
    await reports().locator('[part~="report-table"][aria-busy="false"] [part~="report-row"]').first().waitFor();
    await reports().getByRole('button', { name: 'Request report' }).click();
    const name = reports().getByLabel('Report name');
    expect(await name.inputValue()).toBe('Last 30 days by day, country');
    await name.fill(NAME);
    await reports().getByLabel('Zipped CSV (rows and totals)').check();
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/v1/partner/reports/requested'),
    );
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/v1/partner/reports/requested'),
    );
    await reports().getByRole('button', { name: 'Request', exact: true }).click();
    const sent = (await posted).postDataJSON() as { name: string; format: string; query: Record<string, string> };
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    const answer = await answered;
    expect(answer.status()).toBe(201);
    request = (await answer.json()) as Requested;
    asked = sent.query;
    // The server's answer at once: processing (the job builds it afterwards).
    expect(request.status).toBe('processing');
    expect(sent).toMatchObject({
      name: NAME,
      format: 'csv_zip',
      query: { period: 'last_30_days', groupBy: 'day,country' },
    });
    expect('limit' in sent.query || 'offset' in sent.query).toBe(false);
    const done = reports().locator('[part~="request-done"]');
    await expect
      .poll(() => done.textContent())
      .toContain(`“${NAME}” is being prepared. We will e-mail ${lucky.signInEmail} when it is ready.`);
  });

  it('is listed with its state, and the "ready" e-mail reaches the demo mailbox with the link to it', async () => {
    await reports().getByRole('link', { name: 'Open it in Requested reports' }).click();
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/reports/requested/${request.id}`);
    const shown = page.locator(`kb-requested-reports [part~="request-page"][data-request-id="${request.id}"]`);
    await shown.waitFor();
    // Processing or already built (the in-process runner starts at once): the page asks again until it is ready.
    expect(['processing', 'successful']).toContain(await shown.getAttribute('data-state'));
    await poll(() => shown.getAttribute('data-state')).toBe('successful');

    const mailbox = await browser.newPage();
    let link: string | null = null;
    await poll(async () => {
      await mailbox.goto(`${server.baseUrl}/demo/mailbox`);
      const mail = mailbox.locator('article', { hasText: lucky.signInEmail }).filter({ hasText: NAME }).first();
      link = (await mail.count())
        ? await mail.locator(`a[href*="#/reports/requested/${request.id}"]`).getAttribute('href')
        : null;
      return link;
    }).toBe(`${server.baseUrl}/portal/${lucky.id}#/reports/requested/${request.id}`);
    await mailbox.close();

    // A fresh load of the mailed address, as opening the e-mail's link in the browser would (the session cookie kept).
    await page.goto('about:blank');
    await page.goto(link!);
    const page2 = page.locator(`kb-requested-reports [part~="request-page"][data-request-id="${request.id}"]`);
    await page2.waitFor();
    expect(await page2.getAttribute('data-state')).toBe('successful');
    expect((await page2.locator('[part~="fact-state"] dd').textContent())?.trim()).toBe('Successful');
    expect((await page2.locator('[part~="fact-format"] dd').textContent())?.trim()).toBe('Zipped CSV');
    expect((await page2.locator('[part~="request-page-name"]').textContent())?.trim()).toBe(NAME);
  });

  it('downloads a zip whose rows.csv and totals.csv are the report', async () => {
    const shown = page.locator('kb-requested-reports [part~="request-page"]');
    await shown.getByRole('button', { name: `Download ${NAME}` }).click();
    const save = shown.locator('[part~="save-file"]');
    await save.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual(['rows.csv', 'totals.csv']);
    const rows = text(files['rows.csv']!);
    const totals = text(files['totals.csv']!);
    expect(rows.startsWith('\uFEFF'), 'Excel’s byte-order mark').toBe(true);

    // The same question as the CSV export (Excel's byte-order mark, as the zip's files have), through the partner's session.
    const exported = await page.request.get(
      `${server.baseUrl}/v1/partner/reports/performance/export?${new URLSearchParams({ ...asked, format: 'csv', bom: 'true' })}`,
    );
    expect(exported.status()).toBe(200);
    const csv = text(await exported.body());
    const header = rows.slice(0, rows.indexOf('\r\n') + 2);
    expect(header).toContain('country');
    expect(totals.startsWith(header)).toBe(true);
    const lines = rows.split('\r\n').filter(Boolean);
    expect(lines.length, 'rows beyond the header').toBeGreaterThan(5);
    expect(totals.slice(header.length).split('\r\n').filter(Boolean)).toHaveLength(1);
    expect(rows + totals.slice(header.length)).toBe(csv);
    const rowCount = (await shown.locator('[part~="fact-rows"] dd').textContent())?.replace(/\D/g, '');
    expect(Number(rowCount)).toBe(lines.length - 1);
    expect(pageErrors).toEqual([]);
  });

  it('a report slower than the screen’s bound is requested instead, and the screen says so with the link', async () => {
    await page.goto(`${server.baseUrl}/portal/${lucky.id}#/reports?period=last_7_days&groupBy=day`);
    await reports().locator('[part~="report-table"][aria-busy="false"] [part~="report-row"]').first().waitFor();
    // The bound is 20 s; any real report takes longer than 1 ms, so this one counts as too slow.
    await reports().evaluate((el) => Object.assign(el, { slowAfter: 1 }));
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/v1/partner/reports/requested'),
    );
    await reports().getByRole('button', { name: 'Show report' }).click();
    const slow = (await (await answered).json()) as Requested & { name: string; format: string };
    expect(slow).toMatchObject({ name: 'Last 7 days by day', format: 'csv_zip', status: 'processing' });
    const note = reports().locator('[part~="slow"][data-state="requested"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('This report is too big to show here (it took longer than 0 seconds)');
    expect(await reports().locator('[part~="report-table"]').count()).toBe(0);
    await note.getByRole('link', { name: 'Open it in Requested reports' }).click();
    const shown = page.locator(`kb-requested-reports [part~="request-page"][data-request-id="${slow.id}"]`);
    await poll(() => shown.getAttribute('data-state')).toBe('successful');
    expect(pageErrors).toEqual([]);
  });
});
