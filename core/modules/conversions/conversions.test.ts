import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { startReceiver } from '../../../tests/helpers/receiver.ts';
import { unwrap } from '../../sdk/index.ts';
import { networkConnections } from '../networks/table.ts';
import { NETWORK_CATALOG } from '../networks/catalog.ts';
import { oneAtATime } from './record-conversion.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
let partner: Awaited<ReturnType<typeof partnerWithCampaign>>['partner'];
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let campaignId = '';
let trackingLink = '';

beforeEach(async () => {
  t = await createTestApp();
  receiver = await startReceiver(() => 200);
  ({ op, partner, campaignId, trackingLink } = await partnerWithCampaign(t));
  for (const action of ['lead', 'sale', 'rejected'] as const) {
    await unwrap(
      partner.v1.partner.postbacks.$post({
        json: {
          scope: 'campaign',
          campaignId,
          action,
          url: `${receiver.base}/${action}?s=\${status}&p=\${payout}&cid=\${clickID}`,
        },
      }),
    );
  }
});
afterEach(async () => {
  await receiver.close();
  t.dispose();
});

const click = async () =>
  new URL((await t.fetchApp(`${trackingLink}?clickID=trk-42`)).headers.get('location')!).searchParams.get('kb_vid')!;
const call = async (url: string, init?: RequestInit) => {
  const res = await t.fetchApp(url, init);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const sentPaths = () => receiver.received.map((r) => r.url);

describe('tracker postbacks in', () => {
  it("creates, repeats once, moves lead → sale → rejected, counts an upsell, and fires the partner's postbacks", async () => {
    const tracker = await unwrap(
      op.client.v1.network_connections.$post({
        json: { kind: 'tracker', name: 'Our Keitaro', defaultCurrency: 'EUR' },
      }),
    );
    const base = tracker.postbackUrls[0]!.url.split('&')[0]!;
    expect(tracker.postbackUrls[0]!.url).toContain('&click_id={click_id}&status={status}');
    const visit = await click();
    const lead = await call(`${base}&click_id=${visit}&status=lead&payout=10&txid=tx1`);
    expect(lead).toMatchObject({ status: 200, body: { ok: true, result: 'created', status: 'hold' } });
    expect((await call(`${base}&click_id=${visit}&status=lead&payout=10&txid=tx1`)).body).toMatchObject({
      result: 'duplicate',
      conversionId: lead.body.conversionId,
    });
    expect((await call(`${base}&click_id=${visit}&status=sale&payout=12.50&currency=EUR&txid=tx1`)).body).toMatchObject(
      { result: 'changed', status: 'approve' },
    );
    const upsell = await call(`${base}&click_id=${visit}&status=sale&payout=5&txid=tx2`, { method: 'POST' });
    expect(upsell.body).toMatchObject({ result: 'created', status: 'approve' });
    expect(upsell.body.conversionId).not.toBe(lead.body.conversionId);
    expect((await call(`${base}&click_id=${visit}&status=rejected&txid=tx1`)).body).toMatchObject({
      result: 'changed',
      status: 'cancel',
    });
    expect((await call(`${base}&click_id=${visit}&status=sale&txid=tx1`)).body).toMatchObject({
      result: 'refused',
      status: 'cancel',
      warning: 'status cancel cannot become approve',
    });
    expect((await call(`${base}&click_id=${visit}&status=weird&txid=tx1`)).body).toMatchObject({
      result: 'unknown_status',
      status: 'cancel',
    });
    await t.runJobs();
    expect(sentPaths()).toEqual([
      '/lead?s=hold&p=10.00&cid=trk-42',
      '/sale?s=approve&p=12.50&cid=trk-42',
      '/sale?s=approve&p=5.00&cid=trk-42',
      '/rejected?s=cancel&p=12.50&cid=trk-42',
    ]);
    const detail = await unwrap(
      op.client.v1.conversions[':conversionId'].$get({ param: { conversionId: lead.body.conversionId } }),
    );
    expect(detail.changes.map((c) => [c.outcome, c.rawStatus])).toEqual([
      ['created', 'lead'],
      ['duplicate', 'lead'],
      ['changed', 'sale'],
      ['changed', 'rejected'],
      ['refused', 'sale'],
      ['unknown_status', 'weird'],
    ]);
    expect(detail.changes[0]!.received).not.toHaveProperty('t');
    // The partner sees both conversions on its click, with status and payout, newest change first.
    const mine = await unwrap(partner.v1.partner.conversions.$get({ query: {} }));
    expect(mine.data.map((c) => [c.externalId, c.status, c.payout, c.campaignName])).toEqual([
      ['tx1', 'cancel', '12.50', 'Main'],
      ['tx2', 'approve', '5.00', 'Main'],
    ]);
    expect((await unwrap(partner.v1.partner.conversions.$get({ query: { status: 'approve' } }))).data).toHaveLength(1);
  });

  it('counts the same report arriving twice at once as one conversion', async () => {
    const tracker = await unwrap(op.client.v1.network_connections.$post({ json: { kind: 'tracker', name: 'T' } }));
    const url = `${tracker.postbackUrls[0]!.url.split('&')[0]!}&click_id=${await click()}&status=lead&txid=same`;
    const answers = await Promise.all([call(url), call(url), call(url)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.result).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(answers.map((a) => a.body.conversionId)).size).toBe(1);
    expect((await unwrap(op.client.v1.conversions.$get({ query: {} }))).data).toHaveLength(1);
    await t.runJobs();
    expect(sentPaths()).toEqual(['/lead?s=hold&p=&cid=trk-42']);
  });

  it('applies racing reports one after another: approve and trash at once cannot both win', async () => {
    const tracker = await unwrap(op.client.v1.network_connections.$post({ json: { kind: 'tracker', name: 'T' } }));
    const base = `${tracker.postbackUrls[0]!.url.split('&')[0]!}&click_id=${await click()}&txid=race`;
    const { body: created } = await call(`${base}&status=lead`);
    const [sale, trash] = await Promise.all([call(`${base}&status=sale`), call(`${base}&status=trash`)]);
    // Either order is right (sale then trash, or trash then a refused sale); both ends are trash.
    expect(trash.body).toMatchObject({ result: 'changed', status: 'trash' });
    expect(['changed', 'refused']).toContain(sale.body.result);
    const detail = await unwrap(
      op.client.v1.conversions[':conversionId'].$get({ param: { conversionId: created.conversionId } }),
    );
    expect(detail.status).toBe('trash');
    // Each change starts from the status the previous one left: no two changes from "hold".
    const changed = detail.changes.filter((c) => c.outcome === 'changed' || c.outcome === 'created');
    for (let i = 1; i < changed.length; i++) expect(changed[i]!.fromStatus).toBe(changed[i - 1]!.toStatus);
    await t.runJobs();
    expect(
      sentPaths()
        .map((p) => p.split('?')[0])
        .sort(),
    ).toEqual(sale.body.result === 'changed' ? ['/lead', '/rejected', '/sale'] : ['/lead', '/rejected']);
  });

  it('runs work on one key one after another, other keys alongside, and goes on after a failure', async () => {
    const order: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        order.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    // (With libSQL's synchronous binding requests rarely interleave in process; remote libSQL and D1 do.)
    const results = await Promise.allSettled([
      oneAtATime(t.deps, { key: 'k', run: step('a', 30, true) }),
      oneAtATime(t.deps, { key: 'k', run: step('b', 5) }),
      oneAtATime(t.deps, { key: 'other', run: step('c', 5) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order.indexOf('b start')).toBeGreaterThan(order.indexOf('a end'));
    expect(order.indexOf('c end')).toBeLessThan(order.indexOf('a end'));
  });

  it('refuses malformed calls naming the parameter, and answers a wrong token like a missing connection', async () => {
    const tracker = await unwrap(op.client.v1.network_connections.$post({ json: { kind: 'tracker', name: 'T' } }));
    const base = tracker.postbackUrls[0]!.url.split('&')[0]!;
    expect(await call(`${base}&status=lead`)).toMatchObject({
      status: 422,
      body: { errors: [{ path: 'query.click_id' }] },
    });
    expect(await call(`${base}&click_id=v_1&payout=ten`)).toMatchObject({
      status: 422,
      body: { errors: [{ path: 'query.payout' }] },
    });
    expect(await call(`${base}&click_id=v_1&payout=1&currency=XXX`)).toMatchObject({
      status: 422,
      body: { errors: [{ path: 'query.currency' }] },
    });
    expect((await call(`${base.replace(/t=[^&]+/, 't=wrong')}&click_id=v_1`)).status).toBe(404);
    expect(
      await call(base, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `click_id=v_1&comment=${'x'.repeat(20_000)}`,
      }),
    ).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    expect(
      (await call(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"click_id": ' }))
        .status,
    ).toBe(400);
    expect((await unwrap(op.client.v1.conversions.$get({ query: {} }))).data).toHaveLength(0);
    // Kept, not dropped: a conversion for a click nobody knows is stored unattributed with a warning.
    expect((await call(`${base}&click_id=v_unknown&status=lead`)).body).toMatchObject({
      result: 'created',
      warning: 'no click "v_unknown": kept unattributed',
    });
  });
});

describe('CPA network postbacks in', () => {
  const withMapping = NETWORK_CATALOG.find(
    (n) => n.postbacks.mode === 'tails' && n.postbacks.tails.some((tail) => tail.tail.includes('sta=')),
  )!;
  const settingsFor = (network: typeof withMapping) =>
    Object.fromEntries(network.settings.map((s) => [s.key, `${s.key}-value-1234`]));

  it("connects a catalog network with sealed settings and applies its tail's status mapping: approve, then cancel", async () => {
    const connection = await unwrap(
      op.client.v1.network_connections.$post({
        json: {
          kind: 'network',
          networkKey: withMapping.key,
          name: withMapping.name,
          settings: settingsFor(withMapping),
        },
      }),
    );
    const stored = (await t.deps.db.select().from(networkConnections))[0]!;
    expect(JSON.stringify(stored)).not.toContain('-value-1234');
    const secret = withMapping.settings.find((s) => s.secret);
    if (secret) expect(connection.settings[secret.key]).toBe('••••1234');
    const tail = withMapping.postbacks.mode === 'tails' ? withMapping.postbacks.tails[0]!.tail : '';
    expect(connection.postbackUrls[0]!.url).toContain(tail);
    const query = new URLSearchParams(tail.replace(/^&/, ''));
    const approve = query.get('sta')!;
    const cancel = query.get('stc')!;
    const base = connection.postbackUrls[0]!.url.split('&')[0]!;
    const visit = await click();
    const pass = (status: string) =>
      call(
        `${base}&oid=${visit}&status=${status}&${['sta', 'stc', 'stt', 'stw']
          .filter((k) => query.get(k))
          .map((k) => `${k}=${query.get(k)}`)
          .join('&')}&pay=7.5&cc=USD`,
      );
    expect((await pass(approve)).body).toMatchObject({ result: 'created', status: 'approve' });
    expect((await pass(approve)).body).toMatchObject({ result: 'duplicate', status: 'approve' });
    expect((await pass(cancel)).body).toMatchObject({ result: 'changed', status: 'cancel' });
    expect(await call(`${base}&status=1`)).toMatchObject({ status: 422, body: { errors: [{ path: 'query.oid' }] } });
    await t.runJobs();
    expect(sentPaths()).toEqual(['/sale?s=approve&p=7.50&cid=trk-42', '/rejected?s=cancel&p=7.50&cid=trk-42']);
  });

  it('refuses settings the network does not take or lacks, naming each', async () => {
    const res = await op.client.v1.network_connections.$post({
      json: { kind: 'network', networkKey: withMapping.key, name: 'x', settings: { bogus: '1' } },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as unknown as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toContain('body.settings.bogus');
    expect(
      (await op.client.v1.network_connections.$post({ json: { kind: 'network', networkKey: 'nope', name: 'x' } }))
        .status,
    ).toBe(422);
  });
});

describe('operator conversion and cost API', () => {
  it('changes status and payout through the state machine, firing postbacks; refuses a move out of cancel', async () => {
    const tracker = await unwrap(
      op.client.v1.network_connections.$post({ json: { kind: 'tracker', name: 'T', defaultCurrency: 'EUR' } }),
    );
    const base = tracker.postbackUrls[0]!.url.split('&')[0]!;
    const { body } = await call(`${base}&click_id=${await click()}&status=lead&payout=3`);
    const id = body.conversionId as string;
    const approved = await unwrap(
      op.client.v1.conversions[':conversionId'].$patch({
        param: { conversionId: id },
        json: { status: 'approve', payout: '20.00' },
      }),
    );
    expect(approved).toMatchObject({ status: 'approve', payout: '20.00', currency: 'EUR' });
    const repriced = await unwrap(
      op.client.v1.conversions[':conversionId'].$patch({ param: { conversionId: id }, json: { payout: '25.00' } }),
    );
    expect(repriced.changes.at(-1)).toMatchObject({ source: 'operator', outcome: 'changed', payout: '25.00' });
    await unwrap(
      op.client.v1.conversions[':conversionId'].$patch({ param: { conversionId: id }, json: { status: 'cancel' } }),
    );
    expect(
      (
        await op.client.v1.conversions[':conversionId'].$patch({
          param: { conversionId: id },
          json: { status: 'approve' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await op.client.v1.conversions[':conversionId'].$patch({ param: { conversionId: id }, json: {} as never }))
        .status,
    ).toBe(422);
    await t.runJobs();
    expect(sentPaths()).toEqual([
      '/lead?s=hold&p=3.00&cid=trk-42',
      '/sale?s=approve&p=20.00&cid=trk-42',
      '/sale?s=approve&p=25.00&cid=trk-42',
      '/rejected?s=cancel&p=25.00&cid=trk-42',
    ]);
    const other = await t.addOperator('Other');
    expect((await other.client.v1.conversions[':conversionId'].$get({ param: { conversionId: id } })).status).toBe(404);
  });

  it('uploads costs per campaign and day: replaces a day, refuses a bad line without storing any', async () => {
    await unwrap(
      op.client.v1.costs.$put({
        json: {
          costs: [
            { campaignId, date: '2026-11-20', amount: '100.00', currency: 'EUR' },
            { campaignId, date: '2026-11-21', amount: '50', currency: 'EUR' },
          ],
        },
      }),
    );
    await unwrap(
      op.client.v1.costs.$put({
        json: { costs: [{ campaignId, date: '2026-11-21', amount: '55.10', currency: 'EUR' }] },
      }),
    );
    const bad = await op.client.v1.costs.$put({
      json: {
        costs: [
          { campaignId, date: '2026-11-22', amount: '1', currency: 'EUR' },
          { campaignId: 'camp_nope', date: '2026-11-22', amount: '1.001', currency: 'EUR' },
        ],
      },
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as unknown as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toEqual(['body.costs.1.campaignId', 'body.costs.1.amount']);
    const costs = await unwrap(op.client.v1.costs.$get({ query: { campaignId } }));
    expect(costs.data.map((c) => [c.date, c.amount])).toEqual([
      ['2026-11-20', '100.00'],
      ['2026-11-21', '55.10'],
    ]);
  });
});
