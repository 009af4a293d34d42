import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { unwrap } from '../../sdk/index.ts';
import { NETWORK_CATALOG } from '../networks/catalog.ts';
import { postbackDeliveries } from '../postbacks/table.ts';
import { oneAtATime } from './record-conversion.ts';
import { conversions } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
let partner: Awaited<ReturnType<typeof partnerWithCampaign>>['partner'];
let campaignId = '';
let visit = '';
let trackerBase = '';
let networkBase = '';
const warnings: string[] = [];

beforeEach(async () => {
  t = await createTestApp();
  t.deps.reportWarning = (message) => warnings.push(message);
  warnings.length = 0;
  let trackingLink = '';
  ({ op, partner, campaignId, trackingLink } = await partnerWithCampaign(t));
  for (const action of ['lead', 'sale', 'rejected'] as const) {
    await unwrap(
      partner.v1.partner.postbacks.$post({
        json: { scope: 'campaign', campaignId, action, url: `https://tracker.kabinet.test/${action}?p=\${payout}` },
      }),
    );
  }
  visit = new URL((await t.fetchApp(trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;
  const tracker = await unwrap(
    op.client.v1.network_connections.$post({ json: { kind: 'tracker', name: 'T', defaultCurrency: 'USD' } }),
  );
  trackerBase = tracker.postbackUrls[0]!.url.split('&')[0]!;
  const network = NETWORK_CATALOG.find((n) => n.postbacks.mode === 'tails')!;
  const connection = await unwrap(
    op.client.v1.network_connections.$post({
      json: {
        kind: 'network',
        networkKey: network.key,
        name: network.name,
        settings: Object.fromEntries(network.settings.map((s) => [s.key, `${s.key}-value`])),
      },
    }),
  );
  networkBase = connection.postbackUrls[0]!.url.split('&')[0]!;
});
afterEach(() => t.dispose());

const call = async (url: string) => {
  const res = await t.fetchApp(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const patch = async (id: string, json: Record<string, string>, client = op.client) => {
  const res = await client.v1.conversions[':conversionId'].$patch({ param: { conversionId: id }, json: json as never });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const detail = (id: string) => unwrap(op.client.v1.conversions[':conversionId'].$get({ param: { conversionId: id } }));
const owed = async () => (await t.deps.db.select({ n: sql<number>`count(*)` }).from(postbackDeliveries))[0]!.n;

// Each bad payout, and the parameter whose name the refusal must carry: amount or currency.
const BAD: Array<[string, string, 'amount' | 'currency']> = [
  ['-5.00', 'USD', 'amount'],
  ['-0.01', 'USD', 'amount'],
  ['10000000000.01', 'USD', 'amount'],
  ['1e13', 'USD', 'amount'],
  ['9'.repeat(60), 'USD', 'amount'],
  ['1.001', 'USD', 'amount'],
  ['1.5', 'JPY', 'amount'],
  ['NaN', 'USD', 'amount'],
  ['Infinity', 'USD', 'amount'],
  ['0x10', 'USD', 'amount'],
  ['12,50', 'USD', 'amount'],
  ['ten', 'USD', 'amount'],
  ['5', 'XXX', 'currency'],
  ['5', 'US', 'currency'],
];

describe('payouts are read one way by every sender', () => {
  it('refuses the same bad payout from the tracker, a network and the operator with the same words, storing nothing', async () => {
    const { body: created } = await call(`${trackerBase}&click_id=${visit}&status=lead&payout=1&txid=known`);
    const before = await owed();
    for (const [amount, currency, field] of BAD) {
      const value = encodeURIComponent(amount);
      const tracker = await call(
        `${trackerBase}&click_id=${visit}&status=sale&payout=${value}&currency=${currency}&txid=fresh`,
      );
      const network = await call(`${networkBase}&oid=${visit}&status=approved&pay=${value}&cc=${currency}`);
      const operator = await patch(created.conversionId, { status: 'approve', payout: amount, currency });
      expect([tracker.status, network.status, operator.status], `${amount} ${currency}`).toEqual([422, 422, 422]);
      expect(tracker.body.errors).toEqual([
        {
          path: field === 'amount' ? 'query.payout' : 'query.currency',
          reason: field === 'amount' ? expect.any(String) : 'unknown_currency',
          params: expect.any(Object),
          message: expect.any(String),
        },
      ]);
      // The same reason, params and words from every sender.
      const { path: _path, ...same } = tracker.body.errors[0];
      expect(network.body.errors).toEqual([{ path: field === 'amount' ? 'query.pay' : 'query.cc', ...same }]);
      expect(operator.body.errors).toEqual([{ path: field === 'amount' ? 'body.payout' : 'body.currency', ...same }]);
    }
    expect((await unwrap(op.client.v1.conversions.$get({ query: {} }))).data.map((c) => [c.status, c.payout])).toEqual([
      ['hold', '1.00'],
    ]);
    expect(await owed()).toBe(before);
  });

  it('says why in words a sender can act on', async () => {
    const refusal = async (payout: string) =>
      (await call(`${trackerBase}&click_id=${visit}&payout=${encodeURIComponent(payout)}`)).body.errors[0].message;
    expect(await refusal('-5.00')).toBe('a payout cannot be negative (got "-5.00")');
    expect(await refusal('10000000000.01')).toBe('a payout is at most 10000000000.00 USD');
    expect(await refusal('1.001')).toBe('USD has 2 decimal places; "1.001" has more');
    expect(await refusal('NaN')).toBe('"NaN" is not a decimal amount like 12.50');
  });

  it('names the reason and its values, for clients that word it themselves', async () => {
    const reason = async (payout: string, currency = 'USD') => {
      const [error] = (
        await call(`${trackerBase}&click_id=${visit}&payout=${encodeURIComponent(payout)}&currency=${currency}`)
      ).body.errors;
      return [error.reason, error.params];
    };
    expect(await reason('-5.00')).toEqual(['too_small', { minimum: 0 }]);
    expect(await reason('10000000000.01')).toEqual(['too_big', { maximum: '10000000000.00' }]);
    expect(await reason('1.001')).toEqual(['money_format', { decimals: 2 }]);
    expect(await reason('NaN')).toEqual(['money_format', {}]);
    expect(await reason('1.00', 'XYZ')).toEqual(['unknown_currency', {}]);
  });

  it('logs a refused payout on the conversion it names and changes nothing there', async () => {
    const { body } = await call(`${networkBase}&oid=${visit}&status=hold&pay=7.50&cc=usd`);
    expect(body).toMatchObject({ result: 'created', status: 'hold' });
    const before = await owed();
    expect((await call(`${networkBase}&oid=${visit}&status=approved&pay=-5.00&cc=USD`)).status).toBe(422);
    const conversion = await detail(body.conversionId);
    expect(conversion).toMatchObject({ status: 'hold', payout: '7.50', currency: 'USD' });
    expect(conversion.changes.at(-1)).toMatchObject({
      outcome: 'refused',
      fromStatus: 'hold',
      toStatus: null,
      payout: null,
      received: { pay: '-5.00', status: 'approved' },
      warning: 'refused, nothing changed: query.pay: a payout cannot be negative (got "-5.00")',
    });
    expect(await owed()).toBe(before);
    expect(warnings).toEqual([expect.stringContaining('a payout cannot be negative')]);
  });

  it('takes what is right: zero, trailing zeros, any letter case, four-letter coins, the maximum', async () => {
    const take = async (txid: string, payout: string, currency: string) =>
      (await call(`${trackerBase}&click_id=${visit}&status=lead&payout=${payout}&currency=${currency}&txid=${txid}`))
        .body;
    expect(await take('a', '0', 'USD')).toMatchObject({ result: 'created' });
    expect(await take('b', '10.0000', 'eur')).toMatchObject({ result: 'created' });
    expect(await take('c', '0.000001', 'USDT')).toMatchObject({ result: 'created' });
    expect(await take('d', '10000000000.00', 'USD')).toMatchObject({ result: 'created' });
    const payouts = (await unwrap(op.client.v1.conversions.$get({ query: {} }))).data
      .map((c) => `${c.payout} ${c.currency}`)
      .sort();
    expect(payouts).toEqual(['0.00 USD', '0.000001 USDT', '10.00 EUR', '10000000000.00 USD']);
  });
});

describe('operator changes', () => {
  it("reprices in another currency (also a four-letter coin), refuses a currency without a payout, and 404s another operator's conversion", async () => {
    const { body } = await call(`${trackerBase}&click_id=${visit}&status=lead&payout=3`);
    const id = body.conversionId as string;
    expect((await patch(id, { payout: '2.5', currency: 'usdt' })).body).toMatchObject({
      status: 'hold',
      payout: '2.500000',
      currency: 'USDT',
    });
    expect(await patch(id, { status: 'approve', currency: 'EUR' })).toMatchObject({
      status: 422,
      body: { errors: [{ path: 'body.currency' }] },
    });
    const other = await t.addOperator('Other');
    expect((await patch(id, { status: 'trash' }, other.client)).status).toBe(404);
    expect(await detail(id)).toMatchObject({ status: 'hold', payout: '2.500000', currency: 'USDT' });
  });

  it('changes only the payout when only the payout is sent, whatever the status became meanwhile', async () => {
    const { body } = await call(`${trackerBase}&click_id=${visit}&status=lead&payout=3&txid=x`);
    const id = body.conversionId as string;
    // Another process approves the conversion between this request reading it and applying the change.
    let release = () => {};
    const held = oneAtATime(t.deps, {
      key: `${op.operator.id}\u0000${(await detail(id)).connectionId}\u0000${visit}`,
      run: () =>
        new Promise<void>((r) => {
          release = r;
        }),
    });
    const repricing = patch(id, { payout: '4.00' });
    await new Promise((r) => setTimeout(r, 300));
    await t.deps.db
      .update(conversions)
      .set({ status: 'approve', revision: sql`${conversions.revision} + 1` })
      .where(eq(conversions.id, id));
    release();
    await held;
    expect(await repricing).toMatchObject({ status: 200, body: { status: 'approve', payout: '4.00' } });
  });
});
