/**
 * What a partner's browser downloads for the portal, measured as served: real Chromium on the demo
 * portal page of a real Node server, its network events read over CDP (Network.loadingFinished's
 * encodedDataLength: bytes on the wire, headers included). First the signed-out page (kabinet.js
 * and the chunks it imports), then signing in (the first section, whatever chunks it needs), then
 * one lazy section. Prints the kB; asserts only that the widget code arrived compressed and a
 * generous ceiling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { MIN_COMPRESSED_BYTES } from '../../edge/precompress.ts';
import { accountButton, launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startLiveServer({ KABINET_SEED_CLICKS: '500' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface ScriptLoad {
  url: string;
  encoding: string | undefined;
  /** Bytes on the wire (body as sent plus response headers). */
  transferred: number;
  /** The body as sent (Content-Length). */
  body: number;
  /** The script once decoded. */
  decoded: number;
}

/** Records every script response of `page` from here on, as Chromium's network layer saw it. */
async function recordScripts(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map<string, Omit<ScriptLoad, 'transferred' | 'decoded'>>();
  const decoded = new Map<string, number>();
  const loads: ScriptLoad[] = [];
  cdp.on('Network.responseReceived', (event) => {
    if (event.type !== 'Script') return;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    pending.set(event.requestId, {
      url: event.response.url,
      encoding: headers['content-encoding'],
      body: Number(headers['content-length'] ?? Number.NaN),
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    decoded.set(event.requestId, (decoded.get(event.requestId) ?? 0) + event.dataLength);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const load = pending.get(event.requestId);
    if (!load) return;
    pending.delete(event.requestId);
    loads.push({ ...load, transferred: event.encodedDataLength, decoded: decoded.get(event.requestId) ?? 0 });
  });
  /** The scripts finished since the last call. */
  return () => loads.splice(0);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (loads: ScriptLoad[], key: 'transferred' | 'body' | 'decoded') => loads.reduce((s, l) => s + l[key], 0);
function report(label: string, loads: ScriptLoad[]) {
  const lines = loads.map(
    (l) => `    ${new URL(l.url).pathname} ${l.encoding ?? 'identity'} ${kb(l.transferred)} (decoded ${kb(l.decoded)})`,
  );
  console.log(
    `${label}: ${loads.length} scripts, ${kb(sum(loads, 'transferred'))} transferred ` +
      `(${kb(sum(loads, 'body'))} bodies, ${kb(sum(loads, 'decoded'))} decoded)\n${lines.join('\n')}`,
  );
}

describe('first load of the demo portal in Chromium', () => {
  it('arrives compressed: kabinet.js and its chunks, then the first section after sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    const take = await recordScripts(page);

    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const first = take().filter((l) => new URL(l.url).origin === server.baseUrl);
    const widgetCode = first.filter((l) => /^\/(?:kabinet\.js|chunks\/)/.test(new URL(l.url).pathname));
    report('first load (signed out)', first);
    expect(widgetCode.map((l) => new URL(l.url).pathname)).toContain('/kabinet.js');

    await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await accountButton(page).waitFor();
    await page.waitForLoadState('networkidle');
    const section = take().filter((l) => new URL(l.url).origin === server.baseUrl);
    // The section shown after sign-in is in kabinet.js today: usually nothing new arrives here.
    report('first section (after sign-in)', section);

    // A lazy section: its chunks come on the first visit, compressed as well.
    await page.getByRole('button', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('button', { name: 'Create campaign' }).waitFor();
    await page.waitForLoadState('networkidle');
    const campaigns = take().filter((l) => new URL(l.url).origin === server.baseUrl);
    report('lazy section (Campaigns)', campaigns);
    expect(campaigns.length).toBeGreaterThan(0);

    for (const load of [...widgetCode, ...section, ...campaigns]) {
      // Files under MIN_COMPRESSED_BYTES are sent as they are (compressing them saves nothing).
      if (load.decoded < MIN_COMPRESSED_BYTES) continue;
      // Chromium offers br over plain HTTP to loopback only in some versions; gzip otherwise.
      expect(load.encoding, load.url).toMatch(/^(?:br|gzip)$/);
    }
    expect(sum(widgetCode, 'transferred')).toBeLessThan(60 * 1024);
    expect(sum([...widgetCode, ...section], 'transferred')).toBeLessThan(120 * 1024);
    await context.close();
  }, 60_000);
});
