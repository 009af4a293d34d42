import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { startReceiver } from '../../../tests/helpers/receiver.ts';
import { unwrap } from '../../sdk/index.ts';
import { postbackAttempts, postbackDeliveries } from './table.ts';
import { retryDelayMs } from '../../jobs/outbox.ts';
import { scheduleMaintenance } from '../../jobs/maintenance.ts';
import { POSTBACK_LOG_RETENTION_MS } from './deliver-postback.ts';
import { fireQualificationPostbacks } from './plan-postbacks.ts';
import { withTenant } from '../../lib/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
let partner: Awaited<ReturnType<typeof partnerWithCampaign>>['partner'];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let brandId = '';
let campaignId = '';
let promoId = '';
let trackingLink = '';
let status = 200;

beforeEach(async () => {
  t = await createTestApp();
  status = 200;
  receiver = await startReceiver(() => status);
  ({ op, partner, brandId, campaignId, promoId, trackingLink } = await partnerWithCampaign(t, {
    campaignName: 'DE & AT',
    promoCode: 'WELCOME',
  }));
});
afterEach(async () => {
  await receiver.close();
  t.dispose();
});

const click = async (query: string) =>
  new URL((await t.fetchApp(`${trackingLink}?${query}`)).headers.get('location')!).searchParams.get('kb_vid')!;
const sendEvents = (events: unknown[]) => unwrap(op.client.v1.events.$post({ json: { events } }));
const registration = (id: string, visit: string) => ({
  id,
  type: 'registration',
  playerId: `p-${id}`,
  brand: brandId,
  occurredAt: '2026-11-24T10:05:00Z',
  visitId: visit,
});
const addPostback = (json: Record<string, unknown>) =>
  unwrap(partner.v1.partner.postbacks.$post({ json: { scope: 'account', action: 'registration', ...json } as never }));
const log = (query: Record<string, string> = {}) => unwrap(partner.v1.partner.postbacks.log.$get({ query }));

describe('postback delivery', () => {
  it("delivers an attributed event with the click's custom parameter expanded, logs it, and sends an idempotency key", async () => {
    await addPostback({
      url: `${receiver.base}/pb?cid=\${clickID}&v=\${visit_id}&p=\${promo_id}&c=\${campaign_name}&miss=\${webID}`,
    });
    const visit = await click('clickID=abc%20123&sub1=x');
    await sendEvents([registration('e1', visit)]);
    expect(await t.runJobs()).toMatchObject({ done: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.url).toBe(`/pb?cid=abc%20123&v=${visit}&p=${promoId}&c=DE%20%26%20AT&miss=\${webID}`);
    expect(receiver.received[0]!.headers['idempotency-key']).toMatch(/^pbd_/);
    const entries = (await log()).data;
    expect(entries).toMatchObject([
      {
        responseCode: 200,
        action: 'registration',
        campaignId,
        campaignName: 'DE & AT',
        promoId,
        promoTitle: 'Link',
        promoCode: 'WELCOME',
        error: null,
        isTest: false,
      },
    ]);
    // A repeated event (same id and content) owes nothing new.
    await sendEvents([registration('e1', visit)]);
    expect(await t.runJobs()).toMatchObject({ done: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('matches scopes: account, the campaign, the promo; skips disabled ones and other actions', async () => {
    await addPostback({ url: `${receiver.base}/account?p=\${promo_id}` });
    await addPostback({ scope: 'campaign', campaignId, url: `${receiver.base}/campaign` });
    await addPostback({ scope: 'promo', promoId, url: `${receiver.base}/promo` });
    await addPostback({ scope: 'promo', promoId, url: `${receiver.base}/off`, enabled: false });
    await addPostback({ action: 'first_deposit', url: `${receiver.base}/ftd?p=\${promo_id}` });
    await sendEvents([registration('e1', await click('a=1'))]);
    await t.runJobs();
    expect(receiver.received.map((r) => r.url.split('?')[0]).sort()).toEqual(['/account', '/campaign', '/promo']);
  });

  it('retries 5xx on the schedule, gives up on 4xx at once, and logs every attempt', async () => {
    await addPostback({ url: `${receiver.base}/pb?p=\${promo_id}` });
    status = 503;
    await sendEvents([registration('e1', await click('a=1'))]);
    expect(await t.runJobs()).toMatchObject({ retried: 1 });
    expect(await t.runJobs()).toMatchObject({ done: 0, retried: 0 });
    t.clock.advance(retryDelayMs(1));
    status = 200;
    expect(await t.runJobs()).toMatchObject({ done: 1 });
    expect((await log()).data.map((a) => a.responseCode)).toEqual([200, 503]);
    expect(receiver.received[0]!.headers['idempotency-key']).toBe(receiver.received[1]!.headers['idempotency-key']);
    expect(receiver.received.map((r) => r.headers['x-kabinet-attempt'])).toEqual(['1', '2']);

    status = 404;
    await sendEvents([registration('e2', await click('a=2'))]);
    expect(await t.runJobs()).toMatchObject({ done: 1 });
    t.clock.advance(retryDelayMs(1));
    expect(await t.runJobs()).toMatchObject({ done: 0, retried: 0 });
    const rows = await t.deps.db.select().from(postbackDeliveries);
    expect(rows.map((r) => [r.status, r.attempts]).sort()).toEqual([
      ['delivered', 2],
      ['failed', 1],
    ]);
    expect((await log({ responseCode: '4xx' })).data).toHaveLength(1);
    expect((await log({ responseCode: '5xx' })).data).toHaveLength(1);
  });

  it('records network errors and timeouts as attempts without a code, and retries them', async () => {
    await addPostback({ url: `${receiver.base}/pb?p=\${promo_id}` });
    await receiver.close();
    await sendEvents([registration('e1', await click('a=1'))]);
    expect(await t.runJobs()).toMatchObject({ retried: 1 });
    const [attempt] = (await log({ responseCode: 'none' })).data;
    expect(attempt).toMatchObject({ responseCode: null, error: expect.stringContaining('ECONNREFUSED') });
    receiver = await startReceiver(() => 200);
  });

  it('refuses at send time a host that resolves to a private address, and redirects into private ranges', async () => {
    // A public-looking name whose DNS answer is loopback (DNS rebinding, *.localtest.me): the
    // guarded lookup refuses the address it would connect to. A stand-in resolver plays the DNS.
    const { createGuardedOutbound } = await import('../../../edge/outbound-http.ts');
    const rebinding = createGuardedOutbound({
      resolve: (_name, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]),
    });
    await expect(
      rebinding.send({
        url: `http://rebind.example.com:${receiver.port}/`,
        method: 'GET',
        headers: {},
        timeoutMs: 1000,
      }),
    ).rejects.toThrow(/rebind.example.com does not resolve to a public address/);
    await expect(
      createGuardedOutbound().send({
        url: `http://localhost:${receiver.port}/`,
        method: 'GET',
        headers: {},
        timeoutMs: 1000,
      }),
    ).rejects.toThrow(/is loopback/);
    const redirecting = await startReceiver(() => ({
      status: 302,
      location: 'http://169.254.169.254/latest/meta-data',
    }));
    const { sendFollowingRedirects } = await import('./outbound.ts');
    await expect(
      sendFollowingRedirects(t.deps.outbound, {
        url: `${redirecting.base}/`,
        method: 'GET',
        headers: {},
        timeoutMs: 1000,
      }),
    ).rejects.toThrow(/redirect refused/);
    await redirecting.close();
    expect(receiver.received).toHaveLength(0);
  });

  it('leaves billing a hook: qualification postbacks fire once per trigger', async () => {
    await addPostback({
      action: 'qualification',
      url: `${receiver.base}/q?p=\${player_id}&pay=\${payout}&c=\${clickID}`,
    });
    const visit = await click('clickID=q-1');
    const trigger = {
      partnerId: '',
      campaignId,
      promoId,
      clickId: visit,
      triggerKey: 'qualification:plan_1:p-1:2026-11',
      at: t.clock.now(),
      values: { player_id: 'p-1', payout: '150.00', payout_currency: 'EUR' },
    };
    const { clicks } = await import('../tracking/table.ts');
    trigger.partnerId = (await t.deps.db.select().from(clicks))[0]!.partnerId;
    const ctx = withTenant(t.deps, op.operator.id);
    expect(await fireQualificationPostbacks(ctx, [trigger])).toBe(1);
    expect(await fireQualificationPostbacks(ctx, [trigger])).toBe(1);
    await t.runJobs();
    expect(receiver.received.map((r) => r.url)).toEqual(['/q?p=p-1&pay=150.00&c=q-1']);
  });

  it('keeps the log 90 days: the daily housekeeping purges older attempts and settled deliveries', async () => {
    await addPostback({ url: `${receiver.base}/pb?p=\${promo_id}` });
    await sendEvents([registration('e1', await click('a=1'))]);
    await t.runJobs();
    t.clock.advance(POSTBACK_LOG_RETENTION_MS - 86_400_000);
    await scheduleMaintenance(t.deps.jobs, t.clock);
    await t.runJobs();
    // (The partner's session has long expired: the tables are read directly.)
    expect(await t.deps.db.select().from(postbackAttempts)).toHaveLength(1);
    t.clock.advance(2 * 86_400_000);
    await scheduleMaintenance(t.deps.jobs, t.clock);
    await t.runJobs();
    expect(await t.deps.db.select().from(postbackAttempts)).toHaveLength(0);
    expect(await t.deps.db.select().from(postbackDeliveries)).toHaveLength(0);
  });

  it('POSTs the macros as a JSON or form body', async () => {
    await addPostback({
      method: 'POST',
      bodyFormat: 'json',
      url: `${receiver.base}/json?v=\${visit_id}&a=\${amount}&cur=\${currency}&p=\${promo_id}`,
    });
    const visit = await click('a=1');
    await sendEvents([{ ...registration('e1', visit), type: 'registration' }]);
    await t.runJobs();
    expect(receiver.received[0]).toMatchObject({
      method: 'POST',
      url: '/json',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(receiver.received[0]!.body)).toEqual({ v: visit, a: '', cur: '', p: promoId });
  });

  it('keeps every value of a repeated key in a JSON body, as an array (a form body keeps them as sent)', async () => {
    await addPostback({
      method: 'POST',
      bodyFormat: 'json',
      url: `${receiver.base}/json?x=\${a}&x=\${b}&x=3&p=\${promo_id}`,
    });
    await addPostback({
      method: 'POST',
      bodyFormat: 'form',
      url: `${receiver.base}/form?x=\${a}&x=\${b}&p=\${promo_id}`,
    });
    await sendEvents([registration('e1', await click('a=one&b=two'))]);
    await t.runJobs();
    const byPath = Object.fromEntries(receiver.received.map((r) => [r.url, r.body]));
    expect(JSON.parse(byPath['/json']!)).toEqual({ x: ['one', 'two', '3'], p: promoId });
    expect(byPath['/form']).toBe(`x=one&x=two&p=${promoId}`);
  });

  it('previews with a recent real click, sends a test only when confirmed, and filters the log', async () => {
    const pb = await addPostback({ scope: 'promo', promoId, url: `${receiver.base}/pb?cid=\${clickID}&a=\${amount}` });
    const visit = await click('clickID=from-tracker');
    const preview = await unwrap(
      partner.v1.partner.postbacks.preview.$post({
        json: {
          url: `${receiver.base}/pb?cid=\${clickID}&a=\${amount}`,
          scope: 'promo',
          promoId,
          action: 'registration',
        },
      }),
    );
    expect(preview).toMatchObject({
      clickId: visit,
      sample: false,
      url: `${receiver.base}/pb?cid=from-tracker&a=25.00`,
    });
    expect(receiver.received).toHaveLength(0);
    const refused = await partner.v1.partner.postbacks[':postbackId'].test.$post({
      param: { postbackId: pb.id },
      json: {} as never,
    });
    expect(refused.status).toBe(422);
    const result = await unwrap(
      partner.v1.partner.postbacks[':postbackId'].test.$post({
        param: { postbackId: pb.id },
        json: { confirm: true, clickId: visit },
      }),
    );
    expect(result).toMatchObject({ responseCode: 200, delivered: true, url: preview.url });
    expect(receiver.received).toHaveLength(1);
    expect((await log({ url: 'from-tracker' })).data).toMatchObject([{ isTest: true }]);
    expect((await log({ url: '100%_' })).data).toHaveLength(0);
    expect((await log({ campaign: 'de & a' })).data).toHaveLength(1);
    expect((await log({ promoCode: 'WELCOME', action: 'registration' })).data).toHaveLength(1);
    expect((await log({ promoCode: 'OTHER' })).data).toHaveLength(0);
    expect((await log({ to: '2020-01-01T00:00:00Z' })).data).toHaveLength(0);
    const bad = await partner.v1.partner.postbacks.log.$get({ query: { responseCode: '2x' } });
    expect(bad.status).toBe(422);
    // Ten test sends a minute per account, then 429 until the minute has passed.
    for (let i = 1; i < 10; i++)
      await unwrap(
        partner.v1.partner.postbacks[':postbackId'].test.$post({
          param: { postbackId: pb.id },
          json: { confirm: true },
        }),
      );
    expect(
      (
        await partner.v1.partner.postbacks[':postbackId'].test.$post({
          param: { postbackId: pb.id },
          json: { confirm: true },
        })
      ).status,
    ).toBe(429);
    t.clock.advance(61_000);
    await unwrap(
      partner.v1.partner.postbacks[':postbackId'].test.$post({ param: { postbackId: pb.id }, json: { confirm: true } }),
    );
    expect(receiver.received).toHaveLength(11);
  });
});
