import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { planVersions } from '../commissions/table.ts';
import { storeTerms } from '../commissions/terms.ts';
import { runBilling } from './run-billing.ts';

/**
 * One operator in Moscow (UTC+3) with a CPA plan that qualifies a player at 30.00 EUR of wager;
 * partner A brings three players who qualify, partner B one (at the same instant as one of A's,
 * so paging has a tie to break), and one of A's players never wagers enough.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let world: Awaited<ReturnType<typeof partnerWithCampaign>>;
let partnerB = '';
let partnerA = '';
const clientOf = async (email: string) => (await signedInClient(t, world.op.operator.id, email)).client;

beforeAll(async () => {
  t = await createTestApp(); // 2026-11-24T10:00Z
  world = await partnerWithCampaign(t, { promoCode: 'ALPHA', email: 'a@example.com' });
  const op = world.op;
  await unwrap(op.client.v1.operator.$patch({ json: { timeZone: 'Europe/Moscow' } }));
  await t.deps.db.delete(planVersions).where(eq(planVersions.planId, world.planId));
  await t.deps.db.insert(planVersions).values({
    planId: world.planId,
    operatorId: op.operator.id,
    effectiveFrom: '2026-10-01',
    terms: storeTerms({
      billingPeriod: 'monthly',
      cpa: {
        amounts: [{ amount: '100', currency: 'EUR' }],
        qualification: { minWager: [{ amount: '30', currency: 'EUR' }] },
      },
    }),
    createdAt: new Date(),
  });
  partnerB = (await activePartner(t, op.operator.id, 'b@example.com')).partnerId;
  const b = await clientOf('b@example.com');
  const campaignId = (
    await unwrap(b.v1.partner.campaigns.$post({ json: { name: 'B', brandId: world.brandId, planId: world.planId } }))
  ).id;
  await unwrap(
    b.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId },
      json: { landingId: world.landingId, title: 'B', promoCode: 'BETA' },
    }),
  );
  const player = (code: string, id: string, registered: string, steps: Array<[string, string, string?]>) => [
    {
      id: `${id}-r`,
      type: 'registration',
      playerId: id,
      brand: world.brandId,
      promoCode: code,
      occurredAt: registered,
    },
    ...steps.map(([type, at, amount], i) => ({
      id: `${id}-${i}`,
      type,
      playerId: id,
      brand: world.brandId,
      promoCode: code,
      occurredAt: at,
      ...(amount && { amount, currency: 'EUR' }),
    })),
  ];
  const events = [
    // Qualifies at its second wager (25.00 + 12.50 ≥ 30.00): 2026-11-25 13:00 in Moscow.
    ...player('ALPHA', 'alpha-1', '2026-11-25T08:00:00Z', [
      ['first_deposit', '2026-11-25T08:10:00Z', '50'],
      ['wager', '2026-11-25T08:20:00Z', '25'],
      ['ngr', '2026-11-25T09:00:00Z', '-7.25'],
      ['deposit', '2026-11-25T09:30:00Z', '20'],
      ['wager', '2026-11-25T10:00:00Z', '12.50'],
      ['wager', '2026-11-25T11:00:00Z', '100'],
    ]),
    // 22:30 UTC on the 25th is already the 26th in Moscow.
    ...player('ALPHA', 'alpha-2', '2026-11-25T22:00:00Z', [
      ['first_deposit', '2026-11-25T22:10:00Z', '30'],
      ['wager', '2026-11-25T22:30:00Z', '30'],
    ]),
    ...player('ALPHA', 'alpha-3', '2026-11-27T09:00:00Z', [
      ['first_deposit', '2026-11-27T09:05:00Z', '10'],
      ['wager', '2026-11-27T12:00:00Z', '40'],
    ]),
    // Deposits but never wagers enough: not qualified.
    ...player('ALPHA', 'alpha-4', '2026-11-27T09:00:00Z', [
      ['first_deposit', '2026-11-27T09:05:00Z', '10'],
      ['wager', '2026-11-27T12:00:00Z', '29.99'],
    ]),
    ...player('BETA', 'beta-1', '2026-11-27T08:00:00Z', [
      ['first_deposit', '2026-11-27T08:05:00Z', '100'],
      ['wager', '2026-11-27T12:00:00Z', '45'],
    ]),
  ];
  await unwrap(op.client.v1.events.$post({ json: { events } }));
  t.clock.set(new Date('2026-12-02T10:00:00Z'));
  expect(await runBilling(withTenant(t.deps, op.operator.id))).toMatchObject({ qualified: 4 });
  partnerA = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data.find((p) => p.id !== partnerB)!.id;
});
afterAll(() => t.dispose());

const get = async (path: string, token: string) => {
  const res = await t.fetchApp(`http://kabinet.test${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
};
const operatorList = (query = '') => get(`/v1/qualifications${query}`, world.op.key);
const players = (body: { data: Array<{ playerId: string }> }) => body.data.map((r) => r.playerId);

describe('qualified players', () => {
  it('lists the operator’s qualified players newest first, with names, values as money and the zone', async () => {
    const { status, body } = await operatorList();
    expect(status).toBe(200);
    expect(body.timeZone).toBe('Europe/Moscow');
    // alpha-3 and beta-1 qualified at the same instant: the primary key orders them.
    expect(players(body)).toEqual(['beta-1', 'alpha-3', 'alpha-2', 'alpha-1']);
    expect(body.next).toBeNull();
    const first = body.data.find((r: { playerId: string }) => r.playerId === 'alpha-1');
    expect(first).toEqual({
      plan: { id: world.planId, name: 'CPA' },
      brand: { id: world.brandId, name: 'Casino' },
      partner: { id: partnerA, name: expect.any(String) },
      playerId: 'alpha-1',
      qualifiedAt: '2026-11-25T10:00:00.000Z',
      registeredAt: '2026-11-25T08:00:00.000Z',
      country: null,
      currency: 'EUR',
      coin: false,
      firstDeposit: '50.00',
      deposits: 2,
      wager: '37.50',
      ngr: '-7.25',
    });
  });

  it('filters by partner, plan, brand, player and local dates on the operator’s calendar', async () => {
    expect(players((await operatorList(`?partnerId=${partnerB}`)).body)).toEqual(['beta-1']);
    expect(players((await operatorList(`?planId=${world.planId}&brandId=${world.brandId}`)).body)).toHaveLength(4);
    expect((await operatorList('?planId=plan_none')).body.data).toEqual([]);
    expect((await operatorList('?brandId=brand_none')).body.data).toEqual([]);
    expect(players((await operatorList('?playerId=alpha-2')).body)).toEqual(['alpha-2']);
    // Exact, not a prefix or a pattern.
    expect((await operatorList('?playerId=alpha')).body.data).toEqual([]);
    expect((await operatorList('?playerId=alpha-%25')).body.data).toEqual([]);
    // alpha-2 qualified at 22:30 UTC on the 25th: the 26th in Moscow.
    expect(players((await operatorList('?from=2026-11-25&to=2026-11-25')).body)).toEqual(['alpha-1']);
    expect(players((await operatorList('?from=2026-11-26&to=2026-11-26')).body)).toEqual(['alpha-2']);
    expect(players((await operatorList('?from=2026-11-26')).body)).toEqual(['beta-1', 'alpha-3', 'alpha-2']);
    expect(players((await operatorList('?to=2026-11-26')).body)).toEqual(['alpha-2', 'alpha-1']);
    expect((await operatorList('?from=2026-12-01')).body.data).toEqual([]);
  });

  it('pages with the `next` cursor: every row once, in order, across a tie', async () => {
    const all = players((await operatorList()).body);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const { body } = await operatorList(query);
      seen.push(...players(body));
      after = body.next;
      pages += 1;
    } while (after && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(4);
    const two = (await operatorList('?limit=2&partnerId=' + partnerA)).body;
    expect(players(two)).toEqual(['alpha-3', 'alpha-2']);
    const rest = (await operatorList(`?limit=2&partnerId=${partnerA}&after=${encodeURIComponent(two.next)}`)).body;
    expect(players(rest)).toEqual(['alpha-1']);
    expect(rest.next).toBeNull();
    // As on the bills' list, a cursor this list did not give reads as none.
    expect(players((await operatorList('?after=not-a-cursor')).body)).toEqual(all);
  });

  it('shows a partner only its own players, whatever it asks for', async () => {
    const a = await clientOf('a@example.com');
    const own = await unwrap(a.v1.partner.qualifications.$get({ query: {} }));
    expect(players(own)).toEqual(['alpha-3', 'alpha-2', 'alpha-1']);
    expect(own.data[0]).not.toHaveProperty('partner');
    expect(own.data[2]).toMatchObject({ firstDeposit: '50.00', wager: '37.50', ngr: '-7.25', deposits: 2 });
    // B's player id and B's partner id find nothing of B's.
    expect((await unwrap(a.v1.partner.qualifications.$get({ query: { playerId: 'beta-1' } }))).data).toEqual([]);
    const token = (await signedInClient(t, world.op.operator.id, 'a@example.com')).session.token!;
    expect(players((await get(`/v1/partner/qualifications?partnerId=${partnerB}`, token)).body)).toEqual([
      'alpha-3',
      'alpha-2',
      'alpha-1',
    ]);
    const b = await clientOf('b@example.com');
    expect(players(await unwrap(b.v1.partner.qualifications.$get({ query: {} })))).toEqual(['beta-1']);
    expect(
      players(await unwrap(b.v1.partner.qualifications.$get({ query: { from: '2026-11-27', to: '2026-11-27' } }))),
    ).toEqual(['beta-1']);
  });

  it('answers another operator’s key with none of these players, even given their ids', async () => {
    const other = await t.addOperator('Other');
    for (const query of ['', `?partnerId=${partnerA}`, `?planId=${world.planId}`, '?playerId=alpha-1']) {
      const { status, body } = await get(`/v1/qualifications${query}`, other.key);
      expect(status, query).toBe(200);
      expect(body.data, query).toEqual([]);
    }
    expect((await get('/v1/qualifications', 'sk_wrong')).status).toBe(401);
  });

  it('refuses bad input with 422 problem+json naming the field', async () => {
    const token = (await signedInClient(t, world.op.operator.id, 'a@example.com')).session.token!;
    const cases: Array<[string, string, string]> = [
      ['/v1/qualifications?from=2026-13-01', world.op.key, 'from'],
      ['/v1/qualifications?to=yesterday', world.op.key, 'to'],
      ['/v1/qualifications?limit=0', world.op.key, 'limit'],
      ['/v1/qualifications?limit=many', world.op.key, 'limit'],
      [`/v1/qualifications?after=${'1'.repeat(301)}`, world.op.key, 'after'],
      ['/v1/qualifications?partnerId=x', world.op.key, 'partnerId'],
      [`/v1/qualifications?playerId=${'p'.repeat(101)}`, world.op.key, 'playerId'],
      ['/v1/partner/qualifications?from=26.11.2026', token, 'from'],
      ['/v1/partner/qualifications?limit=201', token, 'limit'],
    ];
    for (const [path, credential, field] of cases) {
      const { status, type, body } = await get(path, credential);
      expect(status, path).toBe(422);
      expect(type, path).toContain('application/problem+json');
      expect(
        body.errors.map((e: { path: string }) => e.path),
        path,
      ).toEqual([`query.${field}`]);
    }
  });
});
