/**
 * Network API adapters against stand-in networks on loopback (tests/helpers/stand-in-network.ts,
 * written for these tests: the seed names no network's endpoints). Real HTTP, the real SSRF
 * guard with the test host pinned, the real job runner for lead pushes.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { startStandInNetwork, type StandInOptions } from '../../../tests/helpers/stand-in-network.ts';
import { runDueJobs } from '../../jobs/outbox.ts';
import { networkApiHandlers } from './jobs.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let world: Awaited<ReturnType<typeof partnerWithCampaign>>;
let network: Awaited<ReturnType<typeof startStandInNetwork>>;

beforeEach(async () => {
  t = await createTestApp();
  world = await partnerWithCampaign(t);
});
afterEach(async () => {
  await network?.close();
  t.dispose();
});

const api = async (method: string, path: string, body?: unknown, key = world.op.key) => {
  const res = await t.fetchApp(`http://kabinet.test${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

const visit = async () =>
  new URL((await t.fetchApp(world.trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;

async function connect(networkKey: string, settings: Record<string, string>) {
  const connection = await api('POST', '/v1/network_connections', {
    kind: 'network',
    networkKey,
    name: networkKey,
    settings,
  });
  expect(connection.status).toBe(201);
  return connection.body as { id: string; postbackUrls: Array<{ url: string }> };
}

async function standIn(options: Omit<StandInOptions, 'now'>) {
  network = await startStandInNetwork({ ...options, now: () => t.clock.now().getTime() });
  return network;
}

const pollFor = (base: string, paging: 'page' | 'offset' | 'token' | 'none', pageSize = 2) => ({
  url: `${base}/api/orders{?from,to}${paging === 'page' ? '{&page}' : paging === 'offset' ? '{&offset,limit}' : paging === 'token' ? '{&cursor}' : ''}`,
  paging:
    paging === 'page'
      ? { style: 'page', firstPage: 1, pageSize }
      : paging === 'offset'
        ? { style: 'offset', pageSize }
        : paging === 'token'
          ? { style: 'token', nextTokenPath: '$.next' }
          : { style: 'none' },
  itemsPath: '$.result.items[*]',
  orderIdPath: '$.order.id',
  subIdPath: '$.sub_id1',
  statusPath: '$.state',
  payoutPath: '$.money.amount',
  currencyPath: '$.money.currency',
  statusWords: { sta: 'confirmed', stc: 'declined', stt: 'spam', stw: 'new' },
});

const sync = (connectionId: string) => api('POST', `/v1/network_connections/${connectionId}/api/sync`);
const conversions = async () => (await api('GET', '/v1/conversions')).body.data as Array<Record<string, any>>;

describe('adapters are checked on save', () => {
  it('names each bad template, path and header at its field, refuses trackers, and hides other operators', async () => {
    const connection = await connect('pladomarket', { bearer_token: 'tok-123456789' });
    const bad = await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'header', name: 'X Api Key', value: '{{settings.bearer_token}}' },
      statusPoll: {
        url: 'https://net.example/orders{?from,tomorrow}',
        itemsPath: 'data[*]',
        orderIdPath: '$.id',
        statusPath: '$.status',
        headers: { 'X-Sign': '{{#lead.name}}' },
      },
    });
    expect(bad.status).toBe(422);
    const byPath = Object.fromEntries(bad.body.errors.map((e: any) => [e.path, e]));
    expect(byPath['body.auth.name']).toMatchObject({ reason: 'invalid_format', params: { format: 'header_name' } });
    expect(byPath['body.statusPoll.url']).toMatchObject({ params: { format: 'api_template' } });
    expect(byPath['body.statusPoll.url'].message).toContain('{tomorrow}');
    expect(byPath['body.statusPoll.itemsPath']).toMatchObject({ params: { format: 'json_path' } });
    expect(byPath['body.statusPoll.headers.X-Sign']).toMatchObject({ params: { format: 'api_template' } });

    // Addresses inside the network are refused when saved (and again by the guard when sent).
    for (const url of [
      'http://127.0.0.1/orders',
      'http://metadata.google.internal/x',
      'http://0x7f000001/',
      'ftp://net.example/',
    ])
      expect(
        (
          await api('PUT', `/v1/network_connections/${connection.id}/api`, {
            auth: { style: 'none' },
            statusPoll: { url, itemsPath: '$[*]', orderIdPath: '$.id', statusPath: '$.s' },
          })
        ).body.errors,
        url,
      ).toMatchObject([{ path: 'body.statusPoll.url', reason: 'invalid_format', params: { format: 'url' } }]);

    const tracker = await api('POST', '/v1/network_connections', { kind: 'tracker', name: 'Keitaro' });
    const onTracker = await api('PUT', `/v1/network_connections/${tracker.body.id}/api`, { auth: { style: 'none' } });
    expect(onTracker).toMatchObject({ status: 409, body: { params: { state: 'tracker' } } });

    const saved = await api('PUT', `/v1/network_connections/${connection.id}/api`, { auth: { style: 'none' } });
    expect(saved.status).toBe(200);
    const other = await t.addOperator('Other');
    for (const [method, path] of [
      ['GET', '/api'],
      ['POST', '/api/sync'],
      ['POST', '/api/test'],
      ['GET', '/api/log'],
      ['GET', '/leads'],
    ] as const)
      expect((await api(method, `/v1/network_connections/${connection.id}${path}`, undefined, other.key)).status).toBe(
        404,
      );
  });
});

describe('status sync', () => {
  it('authenticates by bearer token and pages by page number; a repeat applies nothing', async () => {
    await standIn({
      paging: 'page',
      authenticate: (r) => (r.headers.authorization === 'Bearer tok-123456789' ? null : 'bad token'),
    });
    const connection = await connect('pladomarket', { bearer_token: 'tok-123456789' });
    const visits = [await visit(), await visit(), await visit()];
    visits.forEach((sub, i) => network.addOrder({ id: `o${i}`, sub, status: 'new', payout: null, currency: null }));
    network.setStatus('o1', 'confirmed', '12.50', 'EUR');
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'bearer', token: '{{settings.bearer_token}}' },
      statusPoll: pollFor(network.base, 'page'),
      requestsPerMinute: 600,
    });
    t.clock.advance(60_000);
    const first = await sync(connection.id);
    expect(first.body).toMatchObject({ outcome: 'ok', requests: 2, itemsSeen: 3, itemsChanged: 3, itemsSkipped: 0 });
    const pages = network.requests.map((r) => r.url.searchParams.get('page'));
    expect(pages).toEqual(['1', '2']);
    // 600 requests a minute: the second page waits at least 100 ms after the first.
    expect(network.requests[1]!.arrivedAt - network.requests[0]!.arrivedAt).toBeGreaterThanOrEqual(95);
    const rows = await conversions();
    expect(rows.map((c) => [c.clickId, c.status]).sort()).toEqual(
      [
        [visits[0], 'hold'],
        [visits[1], 'approve'],
        [visits[2], 'hold'],
      ].sort(),
    );
    expect(rows.find((c) => c.clickId === visits[1])).toMatchObject({ payout: '12.50', currency: 'EUR' });

    t.clock.advance(60_000);
    const again = await sync(connection.id);
    expect(again.body).toMatchObject({ outcome: 'ok', itemsSeen: 3, itemsChanged: 0 });
    const view = await api('GET', `/v1/network_connections/${connection.id}/api`);
    expect(view.body.sync).toMatchObject({
      lastOutcome: 'ok',
      running: false,
      syncedUntil: t.clock.now().toISOString(),
    });
    // The log masks the token wherever it went.
    const log = await api('GET', `/v1/network_connections/${connection.id}/api/log`);
    expect(log.body.data).toHaveLength(4);
    expect(JSON.stringify(log.body)).not.toContain('tok-123456789');
  });

  it('authenticates with HTTP Basic and pages by offset', async () => {
    await standIn({
      paging: 'offset',
      authenticate: (r) =>
        r.headers.authorization === `Basic ${Buffer.from('u-77:secret-abcdef12').toString('base64')}` ? null : 'who',
    });
    const connection = await connect('apileads', { user_id: 'u-77', api_token: 'secret-abcdef12' });
    for (let i = 0; i < 5; i++)
      network.addOrder({ id: `b${i}`, sub: await visit(), status: 'spam', payout: null, currency: null });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'basic', user: '{{settings.user_id}}', password: '{{settings.api_token}}' },
      statusPoll: pollFor(network.base, 'offset'),
      requestsPerMinute: 600,
    });
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ outcome: 'ok', requests: 3, itemsChanged: 5 });
    expect(network.requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect((await conversions()).every((c) => c.status === 'trash')).toBe(true);
  });

  it('signs key + secret with HMAC over the documented canonical string and pages by next-page token', async () => {
    await standIn({
      paging: 'token',
      authenticate: (r) => {
        const canonical = `${r.method}\n${r.url.pathname}${r.url.search}\n${r.headers['x-timestamp']}`;
        const expected = createHmac('sha256', 'shh-secret-0001').update(canonical).digest('hex');
        return r.headers['x-api-key'] === 'key-1' && r.headers['x-signature'] === expected ? null : 'bad signature';
      },
    });
    const connection = await connect('leadrock', { api_key: 'key-1', api_secret: 'shh-secret-0001' });
    for (let i = 0; i < 3; i++)
      network.addOrder({ id: `h${i}`, sub: await visit(), status: 'confirmed', payout: '5', currency: 'USD' });
    const saved = await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: {
        style: 'hmac',
        secret: '{{settings.api_secret}}',
        canonical: '{{method}}\n{{path_and_query}}\n{{timestamp}}',
        signatureHeader: 'X-Signature',
        headers: { 'X-Api-Key': '{{settings.api_key}}', 'X-Timestamp': '{{timestamp}}' },
      },
      statusPoll: pollFor(network.base, 'token'),
      requestsPerMinute: 600,
    });
    expect(saved.status).toBe(200);
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ outcome: 'ok', requests: 2, itemsChanged: 3 });
    expect(network.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '2']);
    const log = JSON.stringify((await api('GET', `/v1/network_connections/${connection.id}/api/log`)).body);
    expect(log).not.toContain('shh-secret-0001');
  });

  it('fails on a malformed answer and a timeout without moving the cursor; waits out a short 429, stops on a long one', async () => {
    await standIn({ paging: 'none', authenticate: () => null });
    const connection = await connect('kma', { api_token: 'kma-token-0001' });
    network.addOrder({ id: 'm1', sub: await visit(), status: 'confirmed', payout: null, currency: null });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'query', name: 'api_key', value: '{{settings.api_token}}' },
      statusPoll: pollFor(network.base, 'none'),
      timeoutSeconds: 1,
    });
    network.faults.push('malformed');
    expect((await sync(connection.id)).body).toMatchObject({ outcome: 'failed', error: 'the answer is not JSON' });
    network.faults.push('slow');
    const slow = await sync(connection.id);
    expect(slow.body).toMatchObject({ outcome: 'failed' });
    expect(slow.body.error).toMatch(/no answer within 1 s/);
    expect(await conversions()).toHaveLength(0);
    expect((await api('GET', `/v1/network_connections/${connection.id}/api`)).body.sync).toMatchObject({
      syncedUntil: null,
      lastOutcome: 'failed',
    });

    // A redirect into the network is refused by the guard on that hop: nothing is fetched there.
    network.faults.push({ status: 302, location: 'http://127.0.0.1:9/steal' });
    const redirected = await sync(connection.id);
    expect(redirected.body).toMatchObject({ outcome: 'failed' });
    expect(redirected.body.error).toMatch(/^redirect refused: the host 127\.0\.0\.1 is an IP address/);

    network.faults.push({ status: 429, retryAfter: '1' });
    const waited = await sync(connection.id);
    expect(waited.body).toMatchObject({ outcome: 'ok', requests: 2, itemsChanged: 1 });
    network.faults.push({ status: 429, retryAfter: '120' });
    const stopped = await sync(connection.id);
    expect(stopped.body).toMatchObject({
      outcome: 'partial',
      retryAt: new Date(t.clock.now().getTime() + 120_000).toISOString(),
    });
    expect((await api('GET', `/v1/network_connections/${connection.id}/api`)).body.sync.nextSyncAt).toBe(
      stopped.body.retryAt,
    );
    // The query token is in the URL the log keeps: masked there too.
    const log = JSON.stringify((await api('GET', `/v1/network_connections/${connection.id}/api/log`)).body);
    expect(log).not.toContain('kma-token-0001');
  });
});

describe('lead push', () => {
  async function leadWorld() {
    await standIn({
      paging: 'none',
      authenticate: (r) => (r.headers['x-api-key'] === 'omni-tok-0001' ? null : 'no key'),
    });
    const connection = await connect('pladomarket', { bearer_token: 'omni-tok-0001' });
    const offer = await api('POST', `/v1/network_connections/${connection.id}/offers`, {
      label: 'Slim tea',
      parameters: { plado: 'stream-42' },
    });
    expect(offer.status).toBe(201);
    const saved = await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'header', name: 'X-Api-Key', value: '{{settings.bearer_token}}' },
      leadPush: {
        url: `${network.base}/api/leads`,
        body: {
          format: 'json',
          fields: {
            stream: '{{offer.plado}}',
            name: '{{lead.name}}',
            phone: '{{lead.phone}}',
            sub1: '{{visit_id}}',
          },
        },
        orderIdPath: '$.data.order_id',
        duplicate: { statuses: [409] },
      },
      statusPoll: { ...pollFor(network.base, 'none'), subIdPath: undefined },
    });
    expect(saved.status).toBe(200);
    return { connection, offerId: offer.body.id as string };
  }
  const runJobs = () => runDueJobs(t.deps.db, t.clock, networkApiHandlers(t.deps), 50, 4);
  const lead = (connectionId: string, body: Record<string, unknown>) =>
    api('POST', `/v1/network_connections/${connectionId}/leads`, body);

  it('pushes once per lead id with the offer parameters and our visit id, masks the contact, and understands a duplicate', async () => {
    const { connection, offerId } = await leadWorld();
    const sub = await visit();
    const body = { leadId: 'L-1', offerId, visitId: sub, contact: { name: 'Ivan Petrov', phone: '+7 912 345-67-89' } };
    const [a, b] = await Promise.all([lead(connection.id, body), lead(connection.id, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.contact).toEqual({ name: 'I••• P••••', phone: '••••89' });
    await runJobs();
    expect(network.requests).toHaveLength(1);
    expect(JSON.parse(network.requests[0]!.body)).toEqual({
      stream: 'stream-42',
      name: 'Ivan Petrov',
      phone: '+7 912 345-67-89',
      sub1: sub,
    });
    const listed = await api('GET', `/v1/network_connections/${connection.id}/leads`);
    expect(listed.body.data).toMatchObject([{ leadId: 'L-1', state: 'pushed', networkOrderId: '1000', attempts: 1 }]);
    // The same phone again under another lead id: the network says duplicate.
    await lead(connection.id, { ...body, leadId: 'L-2', visitId: await visit() });
    await runJobs();
    const after = await api('GET', `/v1/network_connections/${connection.id}/leads`);
    expect(after.body.data[0]).toMatchObject({ leadId: 'L-2', state: 'duplicate', lastError: null });
    // The log keeps the push with the contact masked.
    const log = JSON.stringify((await api('GET', `/v1/network_connections/${connection.id}/api/log`)).body);
    expect(log).not.toContain('Ivan Petrov');
    expect(log).not.toContain('345-67-89');
    expect(log).not.toContain('omni-tok-0001');
  });

  it('retries a 503 through the outbox, refuses a bad lead naming the field, and a poll finds the order by the lead', async () => {
    const { connection, offerId } = await leadWorld();
    const refused = await lead(connection.id, { leadId: 'x', offerId, visitId: 'v', contact: { name: 'No Phone' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: 'body.contact', reason: 'required_one_of' });
    const unknownOffer = await lead(connection.id, {
      leadId: 'x',
      offerId: 'noff_nope',
      visitId: 'v',
      contact: { phone: '+100000' },
    });
    expect(unknownOffer.body.errors[0]).toMatchObject({ path: 'body.offerId', reason: 'not_found_reference' });

    const sub = await visit();
    network.faults.push({ status: 503 });
    await lead(connection.id, { leadId: 'L-9', offerId, visitId: sub, contact: { phone: '+49 170 1234567' } });
    await runJobs();
    let listed = (await api('GET', `/v1/network_connections/${connection.id}/leads`)).body.data[0];
    expect(listed).toMatchObject({ state: 'retrying', lastError: 'the network answered HTTP 503' });
    t.clock.advance(10 * 60_000);
    await runJobs();
    listed = (await api('GET', `/v1/network_connections/${connection.id}/leads`)).body.data[0];
    expect(listed).toMatchObject({ state: 'pushed', attempts: 2 });

    // The poll's items carry no sub id here: the order id finds the lead, the lead our visit.
    network.setStatus(listed.networkOrderId, 'confirmed', '30', 'EUR');
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ outcome: 'ok', itemsChanged: 1 });
    expect(await conversions()).toMatchObject([{ clickId: sub, status: 'approve', payout: '30.00' }]);
  });
});

describe('one truth with postbacks', () => {
  it("reads the network's own status words from its catalog tails when the adapter names none", async () => {
    await standIn({ paging: 'none', authenticate: () => null });
    // AdBees' tail is &oid=[sub_id1]&status=[status]&sta=11&stc=12&stt=13.
    const connection = await connect('adbees-zcpa', { api_token: 'adbees-token-01' });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'none' },
      statusPoll: { ...pollFor(network.base, 'none'), statusWords: {} },
    });
    const [a, b] = [await visit(), await visit()];
    network.addOrder({ id: 'z1', sub: a, status: '11', payout: null, currency: null });
    network.addOrder({ id: 'z2', sub: b, status: '13', payout: null, currency: null });
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ itemsChanged: 2 });
    const rows = await conversions();
    expect(Object.fromEntries(rows.map((c) => [c.clickId, [c.status, c.rawStatus]]))).toEqual({
      [a]: ['approve', '11'],
      [b]: ['trash', '13'],
    });
  });

  it('a postback and a poll about the same order move one conversion, and neither repeats a change', async () => {
    await standIn({ paging: 'none', authenticate: () => null });
    const connection = await connect('drcash', { bearer_token: 'tok-123456789' });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'bearer', token: '{{settings.bearer_token}}' },
      statusPoll: pollFor(network.base, 'none'),
    });
    const sub = await visit();
    const postback = async (query: string) =>
      (await t.fetchApp(`${connection.postbackUrls[0]!.url.split('&')[0]}&${query}`)).json() as Promise<any>;
    const first = await postback(`oid=${sub}&status=new`);
    expect(first).toMatchObject({ result: 'created', status: 'hold' });

    network.addOrder({ id: 'p1', sub, status: 'confirmed', payout: '12.50', currency: 'EUR' });
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ itemsChanged: 1 });
    expect(await postback(`oid=${sub}&status=confirmed&sta=confirmed&pay=12.50&cc=EUR`)).toMatchObject({
      result: 'duplicate',
      conversionId: first.conversionId,
    });
    t.clock.advance(60_000);
    expect((await sync(connection.id)).body).toMatchObject({ itemsSeen: 1, itemsChanged: 0 });
    const rows = await conversions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.conversionId, status: 'approve', payout: '12.50', currency: 'EUR' });
  });
});

describe('test connection and housekeeping', () => {
  it('test connection sends one request, applies nothing and shows the items as the paths read them', async () => {
    await standIn({ paging: 'none', authenticate: () => null });
    const connection = await connect('kma', { api_token: 'kma-token-0001' });
    const sub = await visit();
    network.addOrder({ id: 't1', sub, status: 'declined', payout: null, currency: null });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'query', name: 'api_key', value: '{{settings.api_token}}' },
      statusPoll: pollFor(network.base, 'none'),
    });
    const tested = await api('POST', `/v1/network_connections/${connection.id}/api/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({
      status: 200,
      itemCount: 1,
      items: [{ orderId: 't1', subId: sub, rawStatus: 'declined', status: 'cancel' }],
      problem: null,
    });
    expect(tested.body.request.url).toContain('api_key=••••0001');
    expect(JSON.stringify(tested.body)).not.toContain('kma-token-0001');
    expect(network.requests).toHaveLength(1);
    expect(await conversions()).toHaveLength(0);
    const log = (await api('GET', `/v1/network_connections/${connection.id}/api/log`)).body.data;
    expect(log).toMatchObject([{ purpose: 'test', status: 200, itemsSeen: 1, itemsChanged: 0 }]);
  });

  it('erases lead contacts past the retention and log rows past 30 days', async () => {
    await standIn({ paging: 'none', authenticate: () => null });
    const connection = await connect('pladomarket', { bearer_token: 'tok-123456789' });
    const offer = await api('POST', `/v1/network_connections/${connection.id}/offers`, {
      label: 'Offer',
      parameters: { plado: 's-1' },
    });
    await api('PUT', `/v1/network_connections/${connection.id}/api`, {
      auth: { style: 'none' },
      leadPush: {
        url: `${network.base}/api/leads`,
        body: { format: 'json', fields: { phone: '{{lead.phone}}', sub1: '{{visit_id}}' } },
        orderIdPath: '$.data.order_id',
      },
      leadContactRetentionDays: 10,
    });
    await api('POST', `/v1/network_connections/${connection.id}/leads`, {
      leadId: 'R-1',
      offerId: offer.body.id,
      visitId: await visit(),
      contact: { phone: '+44 7700 900123', email: 'ann@example.com' },
    });
    await runDueJobs(t.deps.db, t.clock, networkApiHandlers(t.deps), 50, 4);
    const purge = networkApiHandlers(t.deps)['network_api.purge'] as (ctx: unknown, payload: unknown) => Promise<void>;
    t.clock.advance(9 * 86_400_000);
    await purge({}, {});
    const kept = (await api('GET', `/v1/network_connections/${connection.id}/leads`)).body.data[0];
    expect(kept.contact).toEqual({ phone: '••••23', email: 'a••@example.com' });
    t.clock.advance(22 * 86_400_000);
    await purge({}, {});
    const erased = (await api('GET', `/v1/network_connections/${connection.id}/leads`)).body.data[0];
    expect(erased).toMatchObject({ leadId: 'R-1', state: 'pushed', contact: null });
    expect((await api('GET', `/v1/network_connections/${connection.id}/api/log`)).body.data).toEqual([]);
  });
});
