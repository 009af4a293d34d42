/**
 * The SDK's operator helpers against the real app: mint an embed session (and the portal's
 * exchange of it), send events (split into requests of 1,000, results indexed over the whole
 * array), update a conversion; every refusal arrives as KabinetApiError with the problem.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../tests/helpers/campaign.ts';
import { MAX_EVENTS_PER_BATCH } from '../modules/events/schemas.ts';
import { createOperatorClient, EVENTS_PER_REQUEST, KabinetApiError, unwrap, type PlayerEvent } from './index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let setup: Awaited<ReturnType<typeof partnerWithCampaign>>;
let operator: ReturnType<typeof createOperatorClient>;
beforeEach(async () => {
  t = await createTestApp();
  setup = await partnerWithCampaign(t);
  operator = createOperatorClient('http://kabinet.test', setup.op.key, { fetch: t.fetchApp });
});
afterEach(() => t.dispose());

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KabinetApiError);
  return error as KabinetApiError;
};

describe('createOperatorClient', () => {
  it('mints an embed session the portal can exchange once, and refuses unknown users and a wrong key', async () => {
    const { user } = await unwrap(setup.partner.v1.partner.profile.$get());
    const session = await operator.mintEmbedSession({
      userId: user.id,
      components: ['profile', 'campaigns'],
      ttlSeconds: 300,
    });
    expect(session).toMatchObject({ userId: user.id, components: ['profile', 'campaigns'] });
    const exchange = () =>
      t.clientFor().v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
        param: { operatorId: setup.op.operator.id },
        json: { clientSecret: session.clientSecret },
      });
    expect((await unwrap(exchange())).user.id).toBe(user.id);
    expect((await exchange()).status).toBe(401); // single use

    const unknown = await rejection(operator.mintEmbedSession({ userId: 'usr_nobody' }));
    expect([unknown.status, unknown.problem.code]).toEqual([404, 'not_found']);
    const invalid = await rejection(operator.mintEmbedSession({ userId: user.id, ttlSeconds: 5 }));
    expect([invalid.status, invalid.problem.errors?.[0]?.path]).toEqual([422, 'body.ttlSeconds']);
    const wrongKey = await rejection(
      createOperatorClient('http://kabinet.test', 'sk_wrong', { fetch: t.fetchApp }).mintEmbedSession({
        userId: user.id,
      }),
    );
    expect([wrongKey.status, wrongKey.problem.code, wrongKey.name]).toEqual([401, 'unauthorized', 'KabinetApiError']);
  });

  it('sends events in requests of 1,000 and indexes results over the whole array', async () => {
    expect(EVENTS_PER_REQUEST).toBe(MAX_EVENTS_PER_BATCH);
    const visit = new URL((await t.fetchApp(setup.trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;
    const event = (i: number): PlayerEvent => ({
      id: `ev-${i}`,
      type: 'deposit',
      playerId: `p-${i}`,
      brand: setup.brandId,
      visitId: visit,
      amount: '10.00',
      currency: 'EUR',
      occurredAt: '2026-11-24T09:00:00Z',
    });
    const events = [
      {
        id: 'reg-1',
        type: 'registration',
        playerId: 'p-0',
        brand: setup.brandId,
        visitId: visit,
        occurredAt: '2026-11-24T08:00:00Z',
      } as PlayerEvent,
      ...Array.from({ length: 1_000 }, (_, i) => event(i + 1)),
    ];
    events[1_000] = { ...event(1_000), amount: '1.5x' };
    const result = await operator.sendEvents(events);
    expect(result).toMatchObject({ accepted: 1_000, duplicates: 0, conflicts: 0, rejected: 1 });
    expect(result.results).toHaveLength(1_001);
    expect(result.results.map((r) => r.index)).toEqual(Array.from({ length: 1_001 }, (_, i) => i));
    expect(result.results[1_000]).toMatchObject({ index: 1_000, status: 'rejected' });
    expect(result.results[0]).toMatchObject({ index: 0, id: 'reg-1', status: 'accepted' });
    // Idempotent by id: the same array again is all duplicates (the rejected one is rejected again).
    expect(await operator.sendEvents(events.slice(0, 3))).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await operator.sendEvents([])).toEqual({
      accepted: 0,
      duplicates: 0,
      conflicts: 0,
      rejected: 0,
      results: [],
    });
  });

  it('updates a conversion along the state machine and throws the 409 when it refuses', async () => {
    const tracker = await unwrap(
      setup.op.client.v1.network_connections.$post({
        json: { kind: 'tracker', name: 'Tracker', defaultCurrency: 'EUR' },
      }),
    );
    const visit = new URL((await t.fetchApp(setup.trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;
    const lead = (await (
      await t.fetchApp(
        `${tracker.postbackUrls[0]!.url.split('&')[0]!}&click_id=${visit}&status=lead&payout=10&txid=tx1`,
      )
    ).json()) as { conversionId: string };
    const approved = await operator.updateConversion(lead.conversionId, {
      status: 'approve',
      payout: '12.50',
      currency: 'EUR',
    });
    expect([approved.id, approved.status, approved.payout, approved.currency]).toEqual([
      lead.conversionId,
      'approve',
      '12.50',
      'EUR',
    ]);
    expect((await operator.updateConversion(lead.conversionId, { status: 'cancel', comment: 'fraud' })).status).toBe(
      'cancel',
    );
    const refused = await rejection(operator.updateConversion(lead.conversionId, { status: 'approve' }));
    expect([refused.status, refused.problem.code]).toEqual([409, 'conflict']);
    const badPayout = await rejection(operator.updateConversion(lead.conversionId, { payout: '-1' }));
    expect([badPayout.status, badPayout.problem.errors?.[0]?.path]).toEqual([422, 'body.payout']);
  });

  it("turns an answer without a problem body (a proxy's 502 page) into a KabinetApiError", async () => {
    const proxy = createOperatorClient('http://kabinet.test', 'sk_x', {
      fetch: (async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        })) as typeof fetch,
    });
    const error = await rejection(proxy.mintEmbedSession({ userId: 'usr_x' }));
    expect([error.status, error.problem.code]).toEqual([502, 'unexpected_response']);
    expect(error.problem.detail).toContain('Bad gateway');
  });
});
