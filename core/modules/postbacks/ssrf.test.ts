/**
 * Send-time SSRF guard: whatever reaches send time (rows saved before the host rules, hosts a
 * partner's own click values complete, redirects, test sends, pins), nothing is sent to an
 * address that is not public. Real loopback receivers stand where an internal service would be:
 * they must receive nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { startReceiver } from '../../../tests/helpers/receiver.ts';
import { unwrap } from '../../sdk/index.ts';
import { createGuardedOutbound, parseHostMap } from '../../../edge/outbound-http.ts';
import { DEMO_TRACKER_HOST, demoTrackerPins } from '../../../demo/demo-tracker.ts';
import { createOperator } from '../operators/service.ts';
import { createFetchOutbound, guardOutboundUrl, sendFollowingRedirects, type OutboundRequest } from './outbound.ts';
import { postbackConfigs, postbackDeliveries } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let setup: Awaited<ReturnType<typeof partnerWithCampaign>>;
let inside: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(async () => {
  t = await createTestApp();
  // The "internal service": listening on loopback, reachable only by an IP literal or a pin.
  inside = await startReceiver(() => 200);
  setup = await partnerWithCampaign(t);
});
afterEach(async () => {
  await inside.close();
  t.dispose();
});

const get = (url: string): OutboundRequest => ({ url, method: 'GET', headers: {}, timeoutMs: 1000 });
const click = async (query: string) =>
  new URL((await t.fetchApp(`${setup.trackingLink}?${query}`)).headers.get('location')!).searchParams.get('kb_vid')!;
const registration = (id: string, visit: string) => ({
  id,
  type: 'registration',
  playerId: `p-${id}`,
  brand: setup.brandId,
  occurredAt: '2026-11-24T10:05:00Z',
  visitId: visit,
});
const log = async () => (await unwrap(setup.partner.v1.partner.postbacks.log.$get({ query: {} }))).data;

/** A postback whose template the save rules now refuse, written as an older version stored it. */
async function savedBeforeTheRules(urlTemplate: string) {
  const pb = await unwrap(
    setup.partner.v1.partner.postbacks.$post({
      json: { scope: 'account', action: 'registration', url: 'https://tracker.example/pb?p=${promo_id}' },
    }),
  );
  await t.deps.db.update(postbackConfigs).set({ urlTemplate }).where(eq(postbackConfigs.id, pb.id));
  return pb;
}

/** Every spelling of loopback a host can take once click values fill it in. */
const LOOPBACK_SPELLINGS = ['127.0.0.1', '127.1', '0x7f000001', '2130706433', '0177.0.0.1', '0x7f.1'];

describe('send-time SSRF guard', () => {
  it("refuses a host built from the click's values, in every IPv4 notation, and does not retry it", async () => {
    await savedBeforeTheRules(`http://\${h}:${inside.port}/scan?p=\${promo_id}`);
    await savedBeforeTheRules(`http://\${a}.\${b}:${inside.port}/two`);
    const visits = [];
    for (const h of LOOPBACK_SPELLINGS) visits.push(await click(`h=${h}&a=127&b=1`));
    await unwrap(setup.op.client.v1.events.$post({ json: { events: visits.map((v, i) => registration(`e${i}`, v)) } }));
    await t.runJobs();
    expect(inside.received, 'the internal service received nothing').toEqual([]);
    const attempts = await log();
    expect(attempts).toHaveLength(LOOPBACK_SPELLINGS.length * 2);
    for (const a of attempts)
      expect(a).toMatchObject({ responseCode: null, error: 'refused: the host 127.0.0.1 is an IP address' });
    // The log shows the address as it would have gone on the wire, not the disguise.
    expect(attempts.every((a) => a.url.startsWith(`http://127.0.0.1:${inside.port}/`))).toBe(true);
    // A refusal is final: retrying would be refused the same way.
    expect(
      (await t.deps.db.select().from(postbackDeliveries)).every((d) => d.status === 'failed' && d.attempts === 1),
    ).toBe(true);
  });

  it('refuses IP literals in URLs saved before the rules, IPv6 and IPv4-mapped included, on the Node transport itself', async () => {
    const literals = [
      ...LOOPBACK_SPELLINGS.map((h) => `http://${h}:${inside.port}/`),
      `http://[::1]:${inside.port}/`,
      `http://[::ffff:127.0.0.1]:${inside.port}/`,
      `http://[::ffff:7f00:1]:${inside.port}/`,
      `http://[0:0:0:0:0:0:0:1]:${inside.port}/`,
    ];
    const unpinned = createGuardedOutbound();
    for (const url of literals) {
      await expect(unpinned.send(get(url)), url).rejects.toThrow(/is an IP address/);
      await expect(sendFollowingRedirects(t.deps.outbound, get(url)), url).rejects.toThrow(/is an IP address/);
    }
    // Public literals too: the rule is "a host name", so a scanner has no numeric way in.
    await expect(unpinned.send(get('http://8.8.8.8/'))).rejects.toThrow(/is an IP address/);
    expect(inside.received).toEqual([]);
  });

  it('refuses redirects into loopback in any notation, and to forbidden names', async () => {
    const targets = [
      ...LOOPBACK_SPELLINGS.map((h) => `http://${h}:${inside.port}/x`),
      `http://[::ffff:127.0.0.1]:${inside.port}/x`,
      `http://localhost:${inside.port}/x`,
      `http://localhost.:${inside.port}/x`,
      'http://169.254.169.254/latest/meta-data',
    ];
    const redirecting = await startReceiver((_r, i) => ({ status: 302, location: targets[i]! }));
    try {
      for (const target of targets)
        await expect(sendFollowingRedirects(t.deps.outbound, get(`${redirecting.base}/r`)), target).rejects.toThrow(
          /^redirect refused: /,
        );
      expect(redirecting.received).toHaveLength(targets.length);
      expect(inside.received).toEqual([]);
    } finally {
      await redirecting.close();
    }
  });

  it("refuses a test send whose host the click's values complete", async () => {
    const pb = await savedBeforeTheRules(`http://\${a}.\${b}:${inside.port}/test`);
    const visit = await click('a=127&b=1');
    const result = await unwrap(
      setup.partner.v1.partner.postbacks[':postbackId'].test.$post({
        param: { postbackId: pb.id },
        json: { confirm: true, clickId: visit },
      }),
    );
    expect(result).toMatchObject({
      delivered: false,
      responseCode: null,
      error: 'refused: the host 127.0.0.1 is an IP address',
    });
    expect(inside.received).toEqual([]);
  });

  it('sends a raw space saved before the rule as %20 and logs exactly that', async () => {
    const receiver = await startReceiver(() => 200);
    try {
      await savedBeforeTheRules(`${receiver.base}/pb?x=a b&p=\${promo_id}`);
      await unwrap(setup.op.client.v1.events.$post({ json: { events: [registration('e1', await click('q=1'))] } }));
      await t.runJobs();
      expect(receiver.received.map((r) => r.url)).toEqual([`/pb?x=a%20b&p=${setup.promoId}`]);
      expect((await log()).map((a) => a.url)).toEqual([`${receiver.base}${receiver.received[0]!.url}`]);
    } finally {
      await receiver.close();
    }
  });
});

describe('host pins', () => {
  it('reach only the pinned port and path', async () => {
    const other = await startReceiver(() => 200);
    try {
      const outbound = createGuardedOutbound({
        hostMap: parseHostMap(`pinned.kabinet.test=127.0.0.1:${inside.port}/demo/tracker/`),
      });
      expect(
        (
          await sendFollowingRedirects(
            outbound,
            get(`http://pinned.kabinet.test:${inside.port}/demo/tracker/postback?x=1`),
          )
        ).status,
      ).toBe(200);
      expect(
        (await outbound.send(get(`http://PINNED.kabinet.test.:${inside.port}/demo/tracker/postback`))).status,
      ).toBe(200);
      await expect(
        outbound.send(get(`http://pinned.kabinet.test:${other.port}/demo/tracker/postback`)),
      ).rejects.toThrow(`may only be reached on port ${inside.port}`);
      await expect(outbound.send(get('http://pinned.kabinet.test/demo/tracker/postback'))).rejects.toThrow(
        /only be reached on port/,
      );
      for (const path of [
        '/v1/partners',
        '/demo/trackerx',
        '/demo/tracker/../../v1/partners',
        '/demo/tracker/%2e%2e/%2e%2e/v1',
      ]) {
        await expect(outbound.send(get(`http://pinned.kabinet.test:${inside.port}${path}`)), path).rejects.toThrow(
          'may only be reached under /demo/tracker/',
        );
      }
      // A redirect from the pinned tracker elsewhere on the same address is held to the pin too.
      const bounce = createGuardedOutbound({ hostMap: parseHostMap(`pinned.kabinet.test=127.0.0.1:${other.port}/r`) });
      await expect(
        sendFollowingRedirects(bounce, get(`http://pinned.kabinet.test:${other.port}/r`)).then(() => 'sent'),
      ).resolves.toBe('sent');
      expect(inside.received.map((r) => r.url)).toEqual(['/demo/tracker/postback?x=1', '/demo/tracker/postback']);
      expect(other.received.map((r) => r.url)).toEqual(['/r']);
    } finally {
      await other.close();
    }
  });

  it('parses name=address[:port][/path], IPv6 in brackets; a bare address reaches any port', () => {
    expect(parseHostMap('a.test=127.0.0.1, B.test=[::1]:8080/x/,c.test=10.0.0.2:80')).toEqual({
      'a.test': { address: '127.0.0.1', port: null, pathPrefix: null },
      'b.test': { address: '::1', port: 8080, pathPrefix: '/x/' },
      'c.test': { address: '10.0.0.2', port: 80, pathPrefix: null },
    });
    for (const bad of ['a.test', 'a.test=tracker.example', 'a.test=127.0.0.1:port', 'a.test=::1:80'])
      expect(() => parseHostMap(bad), bad).toThrow(/KABINET_POSTBACK_HOST_MAP/);
  });

  it('pins the demo tracker (this port, /demo/tracker/ only) only where the demo data is', async () => {
    const ids = ['op_demo_luckyspin', 'op_demo_northwind'];
    // An install with its own operators that left KABINET_SEED at "demo": no pin.
    expect(await demoTrackerPins(t.deps.db, 8787, ids)).toEqual({});
    await createOperator(t.deps, { id: 'op_demo_luckyspin', name: 'Lucky Spin' });
    expect(await demoTrackerPins(t.deps.db, 8787, ids)).toEqual({
      [DEMO_TRACKER_HOST]: { address: '127.0.0.1', port: 8787, pathPrefix: '/demo/tracker/' },
    });
    // An empty database: the demo seed runs next, so its tracker is pinned.
    const fresh = await createTestApp();
    try {
      expect(Object.keys(await demoTrackerPins(fresh.deps.db, 8787, ids))).toEqual([DEMO_TRACKER_HOST]);
    } finally {
      fresh.dispose();
    }
  });
});

describe('the Workers transport (fetch, no DNS)', () => {
  it('refuses IP literals in any notation and forbidden names before fetch is called', async () => {
    const fetched: string[] = [];
    const outbound = createFetchOutbound((async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return new Response('ok');
    }) as typeof fetch);
    const refused = [
      ...LOOPBACK_SPELLINGS.map((h) => `http://${h}/`),
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.0.0.5/',
      'http://169.254.169.254/latest',
      'http://localhost/',
      'http://localhost./',
      'http://metadata.google.internal/',
      'http://db.internal/',
      'http://router/',
      'ftp://tracker.example/',
    ];
    for (const url of refused) await expect(outbound.send(get(url)), url).rejects.toThrow(/^refused: /);
    expect(fetched).toEqual([]);
    expect((await outbound.send(get('https://tracker.example.com/pb?x=1'))).status).toBe(200);
    expect(fetched).toEqual(['https://tracker.example.com/pb?x=1']);
  });

  it('is the same guard the Node transport uses', () => {
    expect(() => guardOutboundUrl('http://0x7f000001/')).toThrow('refused: the host 127.0.0.1 is an IP address');
    expect(guardOutboundUrl('https://tracker.example/pb').hostname).toBe('tracker.example');
  });
});
