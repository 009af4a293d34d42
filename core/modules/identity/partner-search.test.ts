import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { PASSWORD, signInRequest } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { mailMessages } from '../mail/table.ts';
import { decideOnPartner } from './partner-admin.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Operator = Awaited<ReturnType<TestApp['addOperator']>>;

let t: TestApp;
let op: Operator;
let other: Operator;
const ids: Record<string, string> = {};

async function signUp(operator: Operator, name: string, email: string, extra: Record<string, string> = {}) {
  t.clock.advance(60_000);
  const answer = await unwrap(
    t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId: operator.operator.id },
      json: { name: `Owner of ${name}`, email, password: PASSWORD, country: 'DE', acceptTerms: true, ...extra },
    }),
  );
  return answer.partnerId;
}
const decide = (partnerId: string, decision: 'approve' | 'reject' | 'block' | 'unblock', operator = op) =>
  decideOnPartner(withTenant(t.deps, operator.operator.id), { partnerId, decision });
const list = (query: Record<string, string>, operator = op) =>
  t.fetchApp(`http://kabinet.test/v1/partners?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${operator.key}` },
  });
async function names(query: Record<string, string>, operator = op) {
  const res = await list(query, operator);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { data: Array<{ company: string | null }>; total: number };
  return body.data.map((p) => p.company);
}

beforeAll(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky');
  other = await t.addOperator('Other');
  ids.azart = await signUp(op, 'Азарт Медиа', 'azart@example.com', { company: 'Азарт Медиа', messenger: '@azart' });
  ids.sale = await signUp(op, '50%_Off Deals', 'deals@example.com', { company: '50%_Off Deals' });
  ids.slot = await signUp(op, 'SlotHunters Media', 'owner@slothunters.example', { company: 'SlotHunters Media' });
  ids.bonus = await signUp(op, 'Bonus Radar', 'team@bonusradar.example', { company: 'Bonus Radar' });
  ids.fifty = await signUp(op, '50 Offers', 'fifty@example.com', { company: '50 Offers' });
  await decide(ids.slot, 'approve');
  await decide(ids.bonus, 'reject');
  await decide(ids.fifty, 'block');
  ids.foreign = await signUp(other, 'Азарт Клон', 'clone@example.com', { company: 'Азарт Клон' });
});
afterAll(() => t.dispose());

describe('GET /v1/partners: search, filters, sort and paging', () => {
  it('finds Cyrillic names whatever their case, ASCII names and e-mails case-insensitively, ids by part', async () => {
    expect(await names({ q: 'азарт' })).toEqual(['Азарт Медиа']);
    expect(await names({ q: 'АЗАРТ' })).toEqual(['Азарт Медиа']);
    expect(await names({ q: 'медиа' })).toEqual(['Азарт Медиа']);
    expect(await names({ q: 'SLOTHUNTERS' })).toEqual(['SlotHunters Media']);
    expect(await names({ q: 'media' })).toEqual(['SlotHunters Media']);
    expect(await names({ q: 'TEAM@BonusRadar' })).toEqual(['Bonus Radar']);
    // An id is found by its whole or its beginning (pasted), not by a piece from its middle.
    expect(await names({ q: ids.sale! })).toEqual(['50%_Off Deals']);
    expect(await names({ q: ids.sale!.slice(0, -3) })).toEqual(['50%_Off Deals']);
    expect(await names({ q: ids.sale!.slice(-8) })).toEqual([]);
    // Another operator's partner is never found.
    expect(await names({ q: 'Клон' })).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await names({ q: '50%' })).toEqual(['50%_Off Deals']);
    expect(await names({ q: '%' })).toEqual(['50%_Off Deals']);
    expect(await names({ q: '0_' })).toEqual([]);
    expect(await names({ q: '%_' })).toEqual(['50%_Off Deals']);
    expect(await names({ q: '\\' })).toEqual([]);
  });

  it('filters by statuses, counts per status under the search, totals and sorts', async () => {
    const res = await list({ status: 'pending,rejected', sort: 'name' });
    const body = (await res.json()) as { data: Array<{ company: string }>; total: number; counts: unknown };
    expect(body.data.map((p) => p.company)).toEqual(['50%_Off Deals', 'Bonus Radar', 'Азарт Медиа']);
    expect(body.total).toBe(3);
    expect(body.counts).toEqual({ pending: 2, active: 1, rejected: 1, blocked: 1 });
    const searched = (await (await list({ q: '50', status: 'blocked' })).json()) as { total: number; counts: unknown };
    expect(searched.total).toBe(1);
    expect(searched.counts).toEqual({ pending: 1, active: 0, rejected: 0, blocked: 1 });
    expect(await names({})).toEqual(['50 Offers', 'Bonus Radar', 'SlotHunters Media', '50%_Off Deals', 'Азарт Медиа']);
    expect(await names({ sort: 'oldest', limit: '2' })).toEqual(['Азарт Медиа', '50%_Off Deals']);
    const second = (await (await list({ sort: 'oldest', limit: '2', offset: '2' })).json()) as {
      data: Array<{ company: string }>;
      total: number;
    };
    expect(second.data.map((p) => p.company)).toEqual(['SlotHunters Media', 'Bonus Radar']);
    expect(second.total).toBe(5);
    expect(await names({ sort: 'oldest', offset: '4' })).toEqual(['50 Offers']);
  });

  it('answers 422 naming the field for a bad status, sort, page or a search too long for one pattern', async () => {
    const problem = async (query: Record<string, string>) => {
      const res = await list(query);
      expect(res.status).toBe(422);
      return ((await res.json()) as { errors: Array<{ path: string; reason: string; params: unknown }> }).errors;
    };
    expect(await problem({ status: 'pending,gone' })).toEqual([
      expect.objectContaining({ path: 'query.status', reason: 'invalid_choice' }),
    ]);
    expect(await problem({ sort: 'size' })).toEqual([
      expect.objectContaining({ path: 'query.sort', reason: 'invalid_choice' }),
    ]);
    expect(await problem({ limit: '0' })).toEqual([
      expect.objectContaining({ path: 'query.limit', reason: 'too_small' }),
    ]);
    // 30 Cyrillic letters are 60 bytes: D1 refuses LIKE patterns over 50, so 24 (48 bytes + two %) is the most.
    expect(await problem({ q: 'ж'.repeat(30) })).toEqual([
      expect.objectContaining({ path: 'query.q', reason: 'too_long', params: { maximum: 24 } }),
    ]);
    expect(await problem({ q: '%'.repeat(30) })).toEqual([
      expect.objectContaining({ path: 'query.q', reason: 'too_long', params: { maximum: 24 } }),
    ]);
    expect((await list({ q: 'ж'.repeat(24) })).status).toBe(200);
  });
});

describe('GET /v1/partners/{partnerId}', () => {
  it('shows the profile, the status history, the team, the referrer and the plans', async () => {
    const plan = await unwrap(
      op.client.v1.plans.$post({
        json: {
          name: 'RevShare 30',
          isDefault: true,
          terms: { billingPeriod: 'weekly', revshare: { percent: '30', negativeCarryOver: false } },
        },
      }),
    );
    const slot = await unwrap(op.client.v1.partners[':partnerId'].$get({ param: { partnerId: ids.slot! } }));
    const referral = await signUp(op, 'Kazino Obzor', 'obzor@example.com', {
      company: 'Kazino Obzor',
      referralCode: slot.referralCode,
    });
    await decide(referral, 'approve');
    await decide(referral, 'block');
    await decide(referral, 'unblock');
    const detail = await unwrap(op.client.v1.partners[':partnerId'].$get({ param: { partnerId: referral } }));
    expect(detail).toMatchObject({
      id: referral,
      name: 'Kazino Obzor',
      company: 'Kazino Obzor',
      country: 'DE',
      status: 'active',
      owner: { email: 'obzor@example.com' },
      locale: 'en',
      referrer: { id: ids.slot, name: 'SlotHunters Media', status: 'active' },
    });
    expect(detail.history.map((h) => [h.type, h.from, h.to, h.by])).toEqual([
      ['signed_up', null, 'pending', 'user'],
      ['partner_approved', 'pending', 'active', 'operator'],
      ['partner_blocked', 'active', 'blocked', 'operator'],
      ['partner_approved', 'blocked', 'active', 'operator'],
    ]);
    expect(detail.team).toEqual([
      expect.objectContaining({
        email: 'obzor@example.com',
        role: 'owner',
        twoFactorEnabled: false,
        locked: false,
        lastSignInAt: null,
      }),
    ]);
    expect(detail.plans).toEqual([
      expect.objectContaining({ id: plan.id, name: 'RevShare 30', isDefault: true, individual: false }),
    ]);
    const azart = await unwrap(op.client.v1.partners[':partnerId'].$get({ param: { partnerId: ids.azart! } }));
    expect([azart.messenger, azart.referrer, azart.status]).toEqual(['@azart', null, 'pending']);
  });

  it("answers 404 for another operator's partner", async () => {
    const res = await op.client.v1.partners[':partnerId'].$get({ param: { partnerId: ids.foreign! } });
    expect(res.status).toBe(404);
  });
});

describe('decisions', () => {
  it('moves only along allowed transitions, mails approve and reject, and lets only an active partner sign in', async () => {
    const id = await signUp(op, 'Reel Deal', 'reel@example.com', { company: 'Reel Deal' });
    const post = (action: 'approve' | 'reject' | 'block' | 'unblock') =>
      op.client.v1.partners[':partnerId'].decision.$post({ param: { partnerId: id }, json: { action } });
    expect((await post('unblock')).status).toBe(409);
    expect((await signInRequest(t, op.operator.id, { email: 'reel@example.com', password: PASSWORD })).status).toBe(
      403,
    );
    expect((await unwrap(post('approve'))).status).toBe('active');
    expect((await post('reject')).status).toBe(409);
    const mails = await t.deps.db.select().from(mailMessages);
    expect(mails.filter((m) => m.toAddress === 'reel@example.com').map((m) => m.template)).toContain(
      'partner_approved',
    );
    expect((await signInRequest(t, op.operator.id, { email: 'reel@example.com', password: PASSWORD })).status).toBe(
      200,
    );
    expect((await unwrap(post('block'))).status).toBe('blocked');
    expect((await signInRequest(t, op.operator.id, { email: 'reel@example.com', password: PASSWORD })).status).toBe(
      403,
    );
    expect((await unwrap(post('unblock'))).status).toBe('active');
  });
});
