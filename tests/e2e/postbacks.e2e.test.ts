/**
 * The postback journeys of the "done means", in real Chromium against a real server with
 * the demo data and a real receiver on loopback (its host name pinned to 127.0.0.1):
 * a partner builds a postback in the editor, is stopped at the exact position of each of the
 * guide's wrong examples, saves a correct one, and after an operator event sees the delivery
 * with its response code and the click's custom parameter expanded; an operator connects a
 * CPA network from the catalog in its console, and the network's calls with the guide's tail
 * move a conversion to approve, then cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { DEMO_TRACKER_HOST } from '../../demo/demo-tracker.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { TEST_TRACKER_HOST } from '../helpers/test-app.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let browser: Browser;
beforeAll(async () => {
  receiver = await startReceiver(() => 200);
  server = await startLiveServer({ KABINET_POSTBACK_HOST_MAP: `${TEST_TRACKER_HOST}=127.0.0.1` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

async function playerClick(query: string) {
  const res = await fetch(`${server.baseUrl}/t/LU0X0KKK?${query}`, {
    redirect: 'manual',
    headers: {
      'user-agent':
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    },
  });
  return new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
}

// Whole journeys in Chromium: on a loaded 2-core machine they may take longer than the default 20 s.
describe('postbacks in the browser', { timeout: 60_000 }, () => {
  it("editor refuses the guide's wrong syntax at its position, saves a correct postback, and the log shows the real delivery", async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.baseUrl}/portal/${lucky.id}`);
    await page.getByLabel('Email', { exact: true }).fill(lucky.signInEmail);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Postbacks', exact: true }).click();
    await page.locator('kb-postbacks').getByRole('button', { name: 'New postback' }).click();
    const editor = page.locator('kb-postback-editor');
    await editor.getByLabel('Whole account').check();
    await editor.getByLabel('Action', { exact: true }).selectOption('registration');
    const url = editor.getByLabel('Postback URL', { exact: true });
    // The guide's table of wrong vs correct syntax: each wrong one is marked where it goes wrong.
    for (const [wrong, position, says] of [
      ['http://track.me/affiliate?a={track_id}', 28, 'is missing the $'],
      ['http://track.me/affiliate?b=$[visit_id]', 28, 'square brackets'],
      ['http://track.me/affiliate/c=${clickID}', 26, 'without a "?"'],
    ] as const) {
      await url.fill(wrong);
      const problem = editor.locator(`[part~="problem-error"][data-position="${position}"]`);
      // The check runs when typing pauses: wait for this URL's own problem.
      await expect
        .poll(
          async () =>
            (await problem.count()) === 1 &&
            (await problem.locator('[part~="problem-message"]').textContent())!.includes(says),
        )
        .toBe(true);
      // The mirror of the URL marks the offending text, starting exactly at that position.
      const marked = (await problem.locator('mark').textContent())!;
      expect(marked.length).toBeGreaterThan(0);
      expect(wrong.slice(position, position + marked.length)).toBe(marked);
      expect(await editor.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    }
    const template = `${receiver.base}/pb?cid=\${clickID}&v=\${visit_id}&p=\${promo_id}&e=\${event_id}`;
    await url.fill(template);
    await expect.poll(() => editor.getByText('No problems found.').count()).toBe(1);
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editor.getByText('Postback saved.').count()).toBe(1);

    // A player arrives with the tracker's click id; the operator reports the registration.
    const visit = await playerClick('clickID=e2e-777&sub1=x');
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    await unwrap(
      operator.v1.events.$post({
        json: {
          events: [
            {
              id: 'e2e-reg-1',
              type: 'registration',
              playerId: 'e2e-p1',
              brand: lucky.brands[0]!.id,
              visitId: visit,
              occurredAt: new Date().toISOString(),
            },
          ],
        },
      }),
    );
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.url).toMatch(new RegExp(`^/pb\\?cid=e2e-777&v=${visit}&p=promo_\\w+&e=e2e-reg-1$`));

    await page.getByRole('button', { name: 'Postback log', exact: true }).click();
    const log = page.locator('kb-postback-log');
    // (The demo's own account postback also carried cid=e2e-777, to the demo tracker.)
    await log.getByLabel('URL contains').fill(`${receiver.base}/pb?cid=e2e-777`);
    await log.getByRole('button', { name: 'Filter' }).click();
    const row = log.locator('[part~="attempt-row"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[part~="response-code"]').textContent()).toBe('200');
    expect(await row.locator('[part~="url"]').textContent()).toContain('cid=e2e-777');
    await page.close();
  });

  it("the demo tracker's pin reaches this server's /demo/tracker/ only: a demo postback arrives, other paths and ports are refused", async () => {
    const anon = createKabinetClient(server.baseUrl);
    const session = await unwrap(
      anon.v1.public.operators[':operatorId'].sign_in.$post({
        param: { operatorId: lucky.id },
        json: { email: lucky.signInEmail, password: DEMO_PASSWORD },
      }),
    );
    const partner = createKabinetClient(server.baseUrl, { sessionToken: session.token! });
    const testSend = (postbackId: string) =>
      unwrap(
        partner.v1.partner.postbacks[':postbackId'].test.$post({ param: { postbackId }, json: { confirm: true } }),
      );
    const seeded = (await unwrap(partner.v1.partner.postbacks.$get({ query: { scope: 'account' } }))).data.find(
      (p) => p.enabled && p.url.includes(DEMO_TRACKER_HOST),
    )!;
    expect(await testSend(seeded.id)).toMatchObject({ delivered: true, responseCode: 200 });
    await expect
      .poll(async () => (await (await fetch(`${server.baseUrl}/demo/tracker`)).text()).includes('event=reg'))
      .toBe(true);
    const port = new URL(server.baseUrl).port;
    for (const [url, refusal] of [
      [`http://${DEMO_TRACKER_HOST}:${port}/v1/partners?p=\${promo_id}`, 'may only be reached under /demo/tracker/'],
      [
        `http://${DEMO_TRACKER_HOST}:${receiver.port}/demo/tracker/postback?p=\${promo_id}`,
        `may only be reached on port ${port}`,
      ],
    ] as const) {
      const pb = await unwrap(
        partner.v1.partner.postbacks.$post({ json: { scope: 'account', action: 'custom', url } }),
      );
      expect(await testSend(pb.id), url).toMatchObject({
        delivered: false,
        responseCode: null,
        error: expect.stringContaining(refusal),
      });
      await unwrap(partner.v1.partner.postbacks[':postbackId'].$delete({ param: { postbackId: pb.id } }));
    }
    expect(
      receiver.received.filter((r) => r.url.startsWith('/demo/tracker/')),
      'nothing reached the other port',
    ).toEqual([]);
  });

  it("operator connects a network from the catalog; the guide's tail moves a conversion to approve, then cancel", async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.baseUrl}/operator/`);
    const operatorConsole = page.locator('kb-network-connections');
    await operatorConsole.getByLabel('Search networks').fill('adbees');
    await operatorConsole.getByRole('button', { name: 'Connect AdBees (ZCPA)' }).click();
    await operatorConsole.getByLabel('API token (from your account)').fill('e2e-token-5678');
    await operatorConsole.getByLabel('Connection name').fill('AdBees E2E');
    await operatorConsole
      .locator('form[part~="connect-form"]')
      .getByRole('button', { name: 'Connect', exact: true })
      .click();
    const card = operatorConsole.locator('[data-connection-name="AdBees E2E"], li:has-text("AdBees E2E")').first();
    await expect.poll(() => card.count()).toBe(1);
    await card
      .getByRole('button', { name: /^Copy the postback URL/ })
      .first()
      .click();
    const postbackUrl = await page.evaluate(() => navigator.clipboard.readText());
    expect(postbackUrl).toMatch(
      new RegExp(
        `^${server.baseUrl}/pb/network/nc_\\w+\\?t=\\w+&oid=\\[sub_id1\\]&status=\\[status\\]&sta=11&stc=12&stt=13$`,
      ),
    );

    // The network fills in its macros: our visit id as sub_id1, its own status codes.
    const visit = await playerClick('clickID=net-1');
    const call = async (status: string) =>
      (
        await fetch(postbackUrl.replace('[sub_id1]', visit).replace('[status]', status) + '&pay=9.90&cc=USD')
      ).json() as Promise<{ result: string; status: string; conversionId: string }>;
    const approved = await call('11');
    expect(approved).toMatchObject({ result: 'created', status: 'approve' });
    expect(await call('11')).toMatchObject({ result: 'duplicate', status: 'approve' });
    expect(await call('12')).toMatchObject({ result: 'changed', status: 'cancel' });
    const operator = createKabinetClient(server.baseUrl, { secretKey: lucky.apiKey });
    const detail = await unwrap(
      operator.v1.conversions[':conversionId'].$get({ param: { conversionId: approved.conversionId } }),
    );
    expect(detail).toMatchObject({ status: 'cancel', payout: '9.90', currency: 'USD', clickId: visit });
    expect(detail.changes.map((c) => [c.outcome, c.rawStatus, c.toStatus])).toEqual([
      ['created', '11', 'approve'],
      ['duplicate', '11', null],
      ['changed', '12', 'cancel'],
    ]);
    await context.close();
  });
});
