import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { eq } from 'drizzle-orm';
import { sha256Hex } from '../../lib/crypto.ts';
import { playerEvents } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
let partner: Awaited<ReturnType<typeof signedInClient>>['client'];
let brandId = '';
let trackingLink = '';
let campaignId = '';

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky');
  brandId = (
    await unwrap(
      op.client.v1.brands.$post({
        json: { name: 'Lucky Casino', currency: 'EUR', websiteUrl: 'https://casino.example' },
      }),
    )
  ).id;
  await activePartner(t, op.operator.id, 'aff@example.com');
  partner = (await signedInClient(t, op.operator.id, 'aff@example.com')).client;
  const landing = await unwrap(
    op.client.v1.landings.$post({
      json: { brandId, name: 'Home', url: 'https://casino.example/', audience: 'players', language: 'en' },
    }),
  );
  const plan = await unwrap(
    op.client.v1.plans.$post({
      json: {
        name: 'CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  const campaign = await unwrap(
    partner.v1.partner.campaigns.$post({ json: { name: 'Main', brandId, planId: plan.id } }),
  );
  campaignId = campaign.id;
  trackingLink = (
    await unwrap(
      partner.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId },
        json: { landingId: landing.id, title: 'Link', promoCode: 'WELCOME' },
      }),
    )
  ).trackingLink;
});
afterEach(() => t.dispose());

const send = (events: unknown[]) => unwrap(op.client.v1.events.$post({ json: { events } }));
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'registration',
  playerId: 'p1',
  brand: brandId,
  occurredAt: '2026-11-24T10:05:00Z',
  ...extra,
});

describe('player events', () => {
  it("attributes by visit id, then promo code, then the player's earlier attribution; keeps the unattributed", async () => {
    const visit = new URL((await t.fetchApp(`${trackingLink}?clickID=abc`)).headers.get('location')!).searchParams.get(
      'kb_vid',
    )!;
    const result = await send([
      event('e1', { visitId: visit }),
      event('e2', { type: 'first_deposit', amount: '25.50', currency: 'EUR' }),
      event('e3', { playerId: 'p2', promoCode: 'WELCOME' }),
      event('e4', { playerId: 'stranger', type: 'deposit', amount: '10', currency: 'EUR' }),
    ]);
    expect(result).toMatchObject({ accepted: 4, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(result.results.map((r) => r.attribution?.method ?? null)).toEqual([
      'visit_id',
      'player',
      'promo_code',
      null,
    ]);
    expect(result.results[1]!.attribution!.clickId).toBe(visit);
    const conversions = await unwrap(partner.v1.partner.events.$get({ query: {} }));
    expect(conversions.data.map((c) => [c.id, c.type, c.amount])).toEqual(
      expect.arrayContaining([
        ['e1', 'registration', null],
        ['e2', 'first_deposit', '25.50'],
        ['e3', 'registration', null],
      ]),
    );
    expect(conversions.data).toHaveLength(3);
    const byClick = await unwrap(partner.v1.partner.events.$get({ query: { clickId: visit } }));
    expect(byClick.data.map((c) => c.id).sort()).toEqual(['e1', 'e2']);
    expect(byClick.data[0]!.campaignName).toBe('Main');
    const deposits = await unwrap(partner.v1.partner.events.$get({ query: { type: 'first_deposit' } }));
    expect(deposits.data.map((c) => c.id)).toEqual(['e2']);
    expect((await unwrap(op.client.v1.events.unattributed.$get({ query: {} }))).data.map((e) => e.id)).toEqual(['e4']);
  });

  it('is idempotent by id: a repeat counts once, a changed repeat is a conflict; one bad event does not sink the batch', async () => {
    await send([event('e1', { amount: '5.00', currency: 'EUR', type: 'deposit' })]);
    const result = await send([
      event('e1', { amount: '5', currency: 'EUR', type: 'deposit', occurredAt: '2026-11-24T12:05:00+02:00' }), // the same event, written differently
      event('e1', { amount: '6.00', currency: 'EUR', type: 'deposit' }),
      event('e5', { amount: 25.5, currency: 'EUR' }),
      event('e6', { amount: '1.234', currency: 'EUR' }),
      event('e7', { brand: 'brand_other' }),
      { nonsense: true },
      event('e8'),
      event('e8'),
    ]);
    expect(result.results.map((r) => r.status)).toEqual([
      'duplicate',
      'conflict',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
      'duplicate',
    ]);
    expect(result.results[2]!.errors![0]!.path).toBe('events.2.amount');
    expect(result.results[3]!.errors![0]!.message).toContain('decimal places');
    expect(result.results[4]!.errors![0]).toEqual({ path: 'events.4.brand', message: 'no such brand' });
    const again = await send([event('e1', { amount: '5.00', currency: 'EUR', type: 'deposit' })]);
    expect(again.results[0]!.status).toBe('duplicate');
  });

  it('stores the content hash in the form 0.1.0 wrote (snake_case keys), so repeats of events stored then stay duplicates', async () => {
    await send([event('h1')]);
    const [row] = await t.deps.db.select().from(playerEvents).where(eq(playerEvents.id, 'h1'));
    const before = `{"amount":null,"brand":"${brandId}","id":"h1","occurred_at":"2026-11-24T10:05:00.000Z","player_id":"p1","type":"registration"}`;
    expect(row!.contentHash).toBe(await sha256Hex(before));
  });

  it('refuses a batch over 1,000 events as a whole', async () => {
    const res = await op.client.v1.events.$post({
      json: { events: Array.from({ length: 1001 }, (_, i) => event(`x${i}`)) },
    });
    expect(res.status).toBe(422);
  });

  it("isolates operators: another operator cannot attribute to this partner's clicks", async () => {
    const visit = new URL((await t.fetchApp(trackingLink)).headers.get('location')!).searchParams.get('kb_vid')!;
    const other = await t.addOperator('Other');
    const otherBrand = (
      await unwrap(
        other.client.v1.brands.$post({ json: { name: 'Other', currency: 'USD', websiteUrl: 'https://o.example' } }),
      )
    ).id;
    const result = await unwrap(
      other.client.v1.events.$post({
        json: { events: [{ ...event('z1', { visitId: visit, promoCode: 'WELCOME' }), brand: otherBrand }] },
      }),
    );
    expect(result.results[0]).toMatchObject({ status: 'accepted', attribution: null });
    expect((await unwrap(partner.v1.partner.events.$get({ query: {} }))).data).toEqual([]);
  });
});
