/**
 * The portal embedded the way operators embed it: their page on their own origin, kabinet.js,
 * its chunks and the API on the Kabinet server's origin. Real Chromium, a real Kabinet server
 * and a separate "operator site" (tests/helpers/host-site.ts) whose localhost origin the operator
 * allows and whose 127.0.0.1 origin it does not. Also the pages' Content-Security-Policy.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { WIDGETS_DIST } from '../../edge/site.ts';
import { accountButton, launchChromium, pickAccountEntry } from '../helpers/browser.ts';
import { startHostSite } from '../helpers/host-site.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let host: Awaited<ReturnType<typeof startHostSite>>;
let browser: Browser;
let secretsMinted = 0;

async function mintClientSecret(): Promise<string> {
  const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
  const session = await unwrap(
    operator.v1.partner_sessions.$post({
      json: { userId: lucky.userId, components: ['program', 'profile', 'campaigns'] },
    }),
  );
  secretsMinted += 1;
  return session.clientSecret;
}

/** An operator's page: kabinet.js by script tag from the Kabinet server; kb-error details kept in window.kbErrors. */
const operatorPage = (
  portal: string,
  script = '',
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Operator page</title>
<script>window.kbErrors = []; document.addEventListener('kb-error', (e) => window.kbErrors.push(e.detail));</script>
<script type="module" src="${server.baseUrl}/kabinet.js"></script></head>
<body><h1>Our partner program</h1>${portal}<script type="module">${script}</script></body></html>`;
const portalTag = (extra = '') =>
  `<kb-portal id="portal" api="${server.baseUrl}" operator="${lucky.id}" locale="en" ${extra}></kb-portal>`;
const html = (body: string) => ({ type: 'text/html' as const, body });

beforeAll(async () => {
  server = await startLiveServer();
  host = await startHostSite({
    '/password': async () => html(operatorPage(portalTag())),
    '/embed-attribute': async () => html(operatorPage(portalTag(`client-secret="${await mintClientSecret()}"`))),
    '/embed-callback': async () =>
      html(
        operatorPage(
          portalTag(),
          "document.getElementById('portal').fetchClientSecret = async () => (await (await fetch('/embed-secret')).json()).clientSecret;",
        ),
      ),
    '/embed-secret': async () => ({
      type: 'application/json',
      body: JSON.stringify({ clientSecret: await mintClientSecret() }),
    }),
    '/frames': async () =>
      html(`<!doctype html><title>Frames</title>
      <iframe id="hosted" src="${server.baseUrl}/portal/${lucky.id}" width="900" height="600"></iframe>
      <iframe id="demo" src="${server.baseUrl}/" width="900" height="600"></iframe>`),
  });
  // The operator lists its site's localhost origin (and keeps the seeded ones); 127.0.0.1:<port> stays unlisted.
  const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
  const current = await unwrap(operator.v1.operator.$get());
  await unwrap(
    operator.v1.operator.$patch({ json: { allowedOrigins: [...current.allowedOrigins, host.origins.localhost] } }),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

/** A page that fails its test on an uncaught error or a Content-Security-Policy violation. */
async function openPage(url: string): Promise<Page & { violations: string[] }> {
  const page = Object.assign(await browser.newPage(), { violations: [] as string[] });
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) page.violations.push(m.text());
  });
  await page.goto(url);
  return page;
}

/** expect.poll with room for a shared, busy machine (the default gives up after one second). */
const poll = <T>(fn: () => T | Promise<T>, message?: string) =>
  expect.poll(fn, { timeout: 10_000, ...(message ? { message } : {}) });

const kbErrors = (page: Page) =>
  page.evaluate(() => (window as unknown as { kbErrors: Array<{ code: string }> }).kbErrors);

describe('widget code served across origins', { timeout: 60_000 }, () => {
  it('kabinet.js, kabinet-operator.js and every chunk answer with Access-Control-Allow-Origin: *, never credentials', async () => {
    const chunks = readdirSync(`${WIDGETS_DIST}/chunks`).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const path of ['/kabinet.js', '/kabinet-operator.js', ...chunks.map((c) => `/chunks/${c}`)]) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { origin: host.origins.localhost } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials'), path).toBe(null);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await fetch(`${server.baseUrl}/_headers`)).status, 'the header rules are not a page').toBe(404);
  });
});

describe('the portal on an operator page on another origin', { timeout: 90_000 }, () => {
  it('signs in with a password, then lazy sections load their chunks from the Kabinet origin', async () => {
    const page = await openPage(`${host.origins.localhost}/password`);
    const chunkAnswers: Array<{ url: string; status: number }> = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${server.baseUrl}/chunks/`)) chunkAnswers.push({ url: r.url(), status: r.status() });
    });
    await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await poll(() => accountButton(page).count()).toBe(1);
    await pickAccountEntry(page, 'Profile');
    await poll(() => page.locator('kb-profile').getByText(lucky.signInEmail).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Campaigns', exact: true }).click();
    await poll(() => page.locator('kb-campaigns [part~="tab"]').count()).toBeGreaterThan(0);
    expect(chunkAnswers.length, 'sections came as chunks').toBeGreaterThan(0);
    expect(
      chunkAnswers.every((a) => a.status === 200),
      JSON.stringify(chunkAnswers),
    ).toBe(true);
    expect(await kbErrors(page)).toEqual([]);
    await page.close();
  });

  it('opens an embed session from the client-secret attribute', async () => {
    const page = await openPage(`${host.origins.localhost}/embed-attribute`);
    await poll(() => accountButton(page).count()).toBe(1);
    await pickAccountEntry(page, 'Profile');
    await poll(() => page.locator('kb-profile').getByText(lucky.signInEmail).count()).toBeGreaterThan(0);
    expect(await kbErrors(page)).toEqual([]);
    await page.close();
  });

  it('opens an embed session from fetchClientSecret (the page asks its own backend)', async () => {
    const before = secretsMinted;
    const page = await openPage(`${host.origins.localhost}/embed-callback`);
    await poll(() => page.getByRole('button', { name: 'Campaigns', exact: true }).count()).toBe(1);
    expect(secretsMinted - before, 'one secret from the operator backend').toBe(1);
    await page.getByRole('button', { name: 'Campaigns', exact: true }).click();
    await poll(() => page.locator('kb-campaigns [part~="tab"]').count()).toBeGreaterThan(0);
    expect(await kbErrors(page)).toEqual([]);
    await page.close();
  });

  it('on an origin the operator did not allow: kb-error origin_not_allowed and words in the element, not a blank box', async () => {
    const page = await openPage(`${host.origins.loopback}/password`);
    await poll(() => kbErrors(page)).toHaveLength(1);
    expect((await kbErrors(page))[0]).toMatchObject({ code: 'origin_not_allowed', status: 0 });
    await poll(() => page.getByText('We couldn’t load the partner portal').isVisible()).toBe(true);
    expect(
      await page
        .getByText(`its address (${host.origins.loopback}) is not among the operator’s allowed origins`)
        .isVisible(),
    ).toBe(true);
    await page.close();
  });

  it("the demo's own cross-origin page (localhost page, 127.0.0.1 Kabinet) signs in", async () => {
    const kabinetPort = new URL(server.baseUrl).port;
    const page = await openPage(`http://localhost:${kabinetPort}/cross-origin/`);
    await poll(() => page.getByText(`Loaded from ${server.baseUrl}`).count()).toBe(1);
    await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await poll(() => accountButton(page).count()).toBe(1);
    // Every section under the page's policy (styles, images, chunks and calls from the twin origin).
    const sections = page.locator('kb-portal [part~="nav-link"]');
    for (let i = 0; i < (await sections.count()); i++) {
      // Account pages sit in the account menu: open it first.
      if (!(await sections.nth(i).isVisible())) await accountButton(page).click();
      await sections.nth(i).click();
      await poll(() => page.locator('kb-portal [part~="section"]').count()).toBeGreaterThan(0);
      await page.waitForTimeout(300);
    }
    expect(page.violations).toEqual([]);
    expect(await page.getByText('could not load').count()).toBe(0);
    await page.close();
  });
});

describe('Content-Security-Policy of the pages', { timeout: 90_000 }, () => {
  it('the hosted portal may be framed by the operator’s allowed origins only; demo pages by themselves only', async () => {
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const { allowedOrigins } = await unwrap(operator.v1.operator.$get());
    const hosted = (await fetch(`${server.baseUrl}/portal/${lucky.id}`)).headers.get('content-security-policy') ?? '';
    expect(hosted).toContain(`frame-ancestors ${allowedOrigins.join(' ')}`);
    expect(hosted).toContain("script-src 'self'");
    for (const path of ['/', '/northwind/', '/embedded/', '/operator/']) {
      expect((await fetch(`${server.baseUrl}${path}`)).headers.get('content-security-policy'), path).toContain(
        "frame-ancestors 'self'",
      );
    }
  });

  it('in Chromium: an allowed origin frames the hosted portal; an unlisted origin cannot, nor can it frame a demo page', async () => {
    // A blocked frame shows Chromium's error page: waiting for the portal inside it times out.
    const appears = (locator: ReturnType<Page['locator']>) =>
      locator.waitFor({ state: 'attached', timeout: 4000 }).then(
        () => true,
        () => false,
      );
    const framed = async (origin: string) => {
      const page = await openPage(`${origin}/frames`);
      const [hosted, demo] = await Promise.all([
        appears(page.frameLocator('#hosted').getByRole('button', { name: 'Sign in', exact: true })),
        appears(page.frameLocator('#demo').locator('kb-portal [part~="nav-link"]')),
      ]);
      await page.close();
      return { hosted, demo };
    };
    expect(await framed(host.origins.localhost)).toEqual({ hosted: true, demo: false });
    expect(await framed(host.origins.loopback)).toEqual({ hosted: false, demo: false });
  });

  it('the demo pages and the hosted portal run under their policy without a single violation', async () => {
    for (const path of ['/', '/northwind/', '/embedded/', '/operator/', `/portal/${lucky.id}`]) {
      const page = await openPage(`${server.baseUrl}${path}`);
      const widget =
        path === '/operator/'
          ? page.getByRole('heading', { name: 'CPA networks and trackers' })
          : page.locator('kb-portal [part~="nav-link"]').first();
      await poll(() => widget.count(), path).toBeGreaterThan(0);
      expect(page.violations, path).toEqual([]);
      await page.close();
    }
  });
});
