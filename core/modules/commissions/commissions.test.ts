import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { planTermsOn } from './service.ts';
import type { PlanTerms } from './terms.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;

const cpa: PlanTerms = {
  billingPeriod: 'monthly',
  cpa: {
    amounts: [{ amount: '150', currency: 'EUR' }],
    qualification: { minFirstDeposit: [{ amount: '20', currency: 'EUR' }], withinDays: 30 },
  },
};
const revshare: PlanTerms = { billingPeriod: 'weekly', revshare: { percent: '35.50', negativeCarryOver: true } };

const createPlan = (json: Record<string, unknown>) => op.client.v1.plans.$post({ json: json as never });
const problemOf = async (res: Response) => (await res.json()) as { errors: Array<{ path: string; reason: string }> };

beforeEach(async () => {
  t = await createTestApp(); // the clock reads 2026-11-24T10:00Z
  op = await t.addOperator('Lucky');
  // 10:00 UTC is already midnight of the 25th on Kiritimati (UTC+14): the operator's today.
  await unwrap(op.client.v1.operator.$patch({ json: { timeZone: 'Pacific/Kiritimati' } }));
});
afterEach(() => t.dispose());

describe('commission plans', () => {
  it('creates a plan whose version 1 starts on the operator’s today, with the kind derived and the terms in words', async () => {
    const plan = await unwrap(createPlan({ name: 'CPA €150', terms: cpa, isDefault: true }));
    expect(plan.kind).toBe('cpa');
    expect(plan.current?.effectiveFrom).toBe('2026-11-25');
    expect(plan.current?.terms?.cpa?.amounts).toEqual([{ amount: '150.00', currency: 'EUR' }]);
    expect(plan.current?.summary.en[0]).toBe('CPA €150 per player who deposits €20+ within 30 days of registration');
    expect(plan.scheduled).toEqual([]);
    const hybrid = await unwrap(createPlan({ name: 'Hybrid', terms: { ...cpa, ...revshare } }));
    expect(hybrid.kind).toBe('hybrid');
    expect(hybrid.current?.terms?.revshare?.percent).toBe('35.5');
    const cpl = await unwrap(
      createPlan({
        name: 'CPL',
        terms: { billingPeriod: 'daily', cpl: { per: 'lead', amounts: [{ amount: '5', currency: 'USD' }] } },
      }),
    );
    expect(cpl.kind).toBe('cpl');
    const listed = await unwrap(op.client.v1.plans.$get({ query: { kind: 'hybrid' } }));
    expect(listed.data.map((p) => p.name)).toEqual(['Hybrid']);
  });

  it.each([
    [
      { ...cpa, cpa: { amounts: [{ amount: '1.234', currency: 'EUR' }] } },
      'body.terms.cpa.amounts.0.amount',
      'money_format',
    ],
    [
      { ...cpa, cpa: { amounts: [{ amount: '1', currency: 'XXX' }] } },
      'body.terms.cpa.amounts.0.currency',
      'unknown_currency',
    ],
    [{ ...revshare, revshare: { percent: '101', negativeCarryOver: true } }, 'body.terms.revshare.percent', 'too_big'],
    [
      { ...revshare, revshare: { percent: 35, negativeCarryOver: true } },
      'body.terms.revshare.percent',
      'invalid_type',
    ],
    [{ billingPeriod: 'monthly' }, 'body.terms', 'required_one_of'],
    [{ ...revshare, billingPeriod: 'yearly' }, 'body.terms.billingPeriod', 'invalid_choice'],
    [
      { ...revshare, subAffiliate: { levels: ['1', '1', '1', '1', '1', '1'] } },
      'body.terms.subAffiliate.levels',
      'too_many',
    ],
    [
      { ...revshare, tiers: { basis: 'ngr', pays: 'whole_period', steps: [{ minPlayers: 10, percent: '40' }] } },
      'body.terms.tiers.steps.0.minNgr',
      'required',
    ],
    [
      {
        ...revshare,
        tiers: {
          basis: 'qualified_players',
          pays: 'whole_period',
          steps: [{ minPlayers: 10, cpa: { amount: '1', currency: 'EUR' } }],
        },
      },
      'body.terms.tiers.steps.0.cpa',
      'requires_field',
    ],
  ])('refuses bad terms naming the field (%#)', async (terms, path, reason) => {
    const res = await createPlan({ name: 'Bad', terms });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors).toContainEqual(expect.objectContaining({ path, reason }));
  });

  it('refuses a brand of another operator in the terms', async () => {
    const other = await t.addOperator('Other');
    const brand = await unwrap(
      other.client.v1.brands.$post({ json: { name: 'B', currency: 'EUR', websiteUrl: 'https://b.example' } }),
    );
    const res = await createPlan({
      name: 'X',
      terms: { ...cpa, cpa: { amounts: [{ brandId: brand.id, amount: '10', currency: 'EUR' }] } },
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]).toMatchObject({ path: 'body.terms.cpa.amounts.0.brandId' });
  });

  it('adds versions from a local date, replaces the same date, refuses days before the operator’s today', async () => {
    const plan = await unwrap(createPlan({ name: 'RS', terms: revshare }));
    const patch = (json: Record<string, unknown>) =>
      op.client.v1.plans[':planId'].$patch({ param: { planId: plan.id }, json: json as never });
    // The 24th is still today in UTC, but yesterday on the operator's clocks: bills up to it stand.
    const past = await patch({ terms: cpa, effectiveFrom: '2026-11-24' });
    expect(past.status).toBe(422);
    expect((await problemOf(past)).errors[0]).toMatchObject({ path: 'body.effectiveFrom', reason: 'too_small' });
    expect((await problemOf(await patch({ effectiveFrom: '2026-12-01' }))).errors[0]).toMatchObject({
      path: 'body.effectiveFrom',
      reason: 'requires_field',
    });

    await unwrap(
      patch({
        terms: { ...revshare, revshare: { percent: '40', negativeCarryOver: true } },
        effectiveFrom: '2027-01-01',
      }),
    );
    const replaced = await unwrap(
      patch({
        terms: { ...revshare, revshare: { percent: '45', negativeCarryOver: false } },
        effectiveFrom: '2027-01-01',
      }),
    );
    expect(replaced.current?.terms?.revshare?.percent).toBe('35.5');
    expect(replaced.scheduled.map((v) => [v.effectiveFrom, v.terms?.revshare?.percent])).toEqual([
      ['2027-01-01', '45'],
    ]);
    expect(replaced.scheduled[0]?.summary.ru[0]).toBe(
      'RevShare 45% от NGR, отрицательный баланс обнуляется каждый период',
    );

    const today = await unwrap(patch({ terms: cpa }));
    expect(today.current).toMatchObject({ effectiveFrom: '2026-11-25' });
    expect(today.current?.terms?.cpa).toBeDefined();

    const ctx = withTenant(t.deps, op.operator.id);
    expect((await planTermsOn(ctx, { planId: plan.id, date: '2026-12-31' }))?.terms?.cpa?.amounts[0]).toEqual({
      minor: 15000,
      currency: 'EUR',
    });
    expect((await planTermsOn(ctx, { planId: plan.id, date: '2027-01-01' }))?.terms?.revshare?.percent).toBe('45');
    expect(await planTermsOn(ctx, { planId: plan.id, date: '2026-11-24' })).toBeNull();
  });

  it('answers 404 for another operator’s plan, to every plan route', async () => {
    const other = await t.addOperator('Other');
    const theirs = await unwrap(other.client.v1.plans.$post({ json: { name: 'Theirs', terms: revshare } }));
    const param = { planId: theirs.id };
    expect((await op.client.v1.plans[':planId'].$get({ param })).status).toBe(404);
    expect((await op.client.v1.plans[':planId'].$patch({ param, json: { name: 'Mine' } })).status).toBe(404);
    const partner = await activePartner(t, op.operator.id, 'aff@example.com');
    const assign = op.client.v1.plans[':planId'].assignments;
    expect((await assign.$post({ param, json: { partnerId: partner.partnerId } })).status).toBe(404);
    expect((await assign[':partnerId'].$delete({ param: { ...param, partnerId: partner.partnerId } })).status).toBe(
      404,
    );
    expect(await planTermsOn(withTenant(t.deps, op.operator.id), { planId: theirs.id, date: '2030-01-01' })).toBeNull();
  });

  it('offers defaults to every partner and individual plans to assigned ones, until unassigned', async () => {
    await unwrap(createPlan({ name: 'Default RS', terms: revshare, isDefault: true }));
    const vip = await unwrap(
      createPlan({
        name: 'VIP',
        terms: { ...revshare, subAffiliate: { levels: ['5', '2'] } },
        notes: 'for top partners',
      }),
    );
    expect(vip.supportsSubAffiliates).toBe(true);
    const { partnerId } = await activePartner(t, op.operator.id, 'aff@example.com');
    const partner = (await signedInClient(t, op.operator.id, 'aff@example.com')).client;
    const offered = async () =>
      (await unwrap(partner.v1.partner.plans.$get())).data.map((p) => `${p.name}:${p.individual}`);
    expect(await offered()).toEqual(['Default RS:false']);
    const assign = op.client.v1.plans[':planId'].assignments;
    await unwrap(assign.$post({ param: { planId: vip.id }, json: { partnerId } }));
    expect((await unwrap(assign.$post({ param: { planId: vip.id }, json: { partnerId } }))).offeredTo).toEqual([
      partnerId,
    ]);
    expect(await offered()).toEqual(['Default RS:false', 'VIP:true']);
    const forOperator = await unwrap(op.client.v1.plans.$get({ query: {} }));
    expect(forOperator.data.map((p) => [p.name, p.offeredTo])).toEqual([
      ['Default RS', []],
      ['VIP', [partnerId]],
    ]);
    const listed = await unwrap(partner.v1.partner.plans.$get());
    expect(listed.data[1]).not.toHaveProperty('notes');
    expect(listed.data[1], 'a partner never sees whom else a plan is offered to').not.toHaveProperty('offeredTo');
    expect(listed.data[1]?.current?.summary.en).toContain('Sub-affiliates: 5% of level 1 earnings, 2% of level 2');
    const unknown = await assign.$post({ param: { planId: vip.id }, json: { partnerId: 'partner_nobody' } });
    expect((await problemOf(unknown)).errors[0]).toMatchObject({
      path: 'body.partnerId',
      reason: 'not_found_reference',
    });
    const unassigned = await unwrap(assign[':partnerId'].$delete({ param: { planId: vip.id, partnerId } }));
    expect(unassigned.offeredTo).toEqual([]);
    expect(await offered()).toEqual(['Default RS:false']);
  });
});
