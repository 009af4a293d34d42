import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, PASSWORD, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Operator = Awaited<ReturnType<TestApp['addOperator']>>;

let t: TestApp;
let op: Operator;
let other: Operator;
let rootId = '';
let root: Awaited<ReturnType<typeof signedInClient>>['client'];
/** A click on the root partner's sub-affiliate promo link: the sign-up page URL it led to. */
let recruitLink = '';
const ids = { campaign: '', promo: '', l1: '', l2: '', l3: '', l1b: '' };

/** A partner signing up on the program's page (company = the display name). */
async function signUp(input: { company: string; email: string; referralCode: string; visitId?: string }) {
  const anon = t.clientFor();
  const { company, email, ...source } = input;
  const answer = await unwrap(
    anon.v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId: op.operator.id },
      json: {
        name: `Owner of ${company}`,
        email,
        password: PASSWORD,
        country: 'DE',
        acceptTerms: true,
        company,
        ...source,
      },
    }),
  );
  return answer.partnerId;
}

async function referralCodeOf(partnerId: string) {
  const all = await unwrap(op.client.v1.partners.$get({ query: {} }));
  return all.data.find((p) => p.id === partnerId)!.referralCode;
}

/** Follows a tracking link; returns the sign-up page URL it redirects to. */
async function follow(link: string) {
  return new URL((await t.fetchApp(link)).headers.get('location')!);
}

beforeAll(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky');
  other = await t.addOperator('Other');
  // A brand with its own visit parameter: the sign-up still finds the visit under kb_vid.
  const brand = await unwrap(
    op.client.v1.brands.$post({
      json: { name: 'Lucky Casino', currency: 'EUR', websiteUrl: 'https://casino.example', visitParam: 'click_id' },
    }),
  );
  const landing = await unwrap(
    op.client.v1.landings.$post({
      json: {
        brandId: brand.id,
        name: 'Join us',
        url: 'https://lucky.example/partners',
        audience: 'sub_affiliates',
        language: 'en',
      },
    }),
  );
  const plan = await unwrap(
    op.client.v1.plans.$post({
      json: {
        name: 'RevShare 30%',
        terms: {
          billingPeriod: 'monthly',
          revshare: { percent: '30', negativeCarryOver: false },
          subAffiliate: { levels: ['10', '5'] },
        },
        isDefault: true,
      },
    }),
  );
  rootId = (await activePartner(t, op.operator.id, 'root@example.com')).partnerId;
  root = (await signedInClient(t, op.operator.id, 'root@example.com')).client;
  const campaign = await unwrap(
    root.v1.partner.campaigns.$post({ json: { name: 'Recruiting', brandId: brand.id, planId: plan.id } }),
  );
  const promo = await unwrap(
    root.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId: campaign.id },
      json: { landingId: landing.id, title: 'Blog footer' },
    }),
  );
  Object.assign(ids, { campaign: campaign.id, promo: promo.id });
  recruitLink = promo.trackingLink;

  // Level 1 came by the root's link; level 2 by code, carrying a visit that is not its referrer's;
  // level 3 by code only. A second level-1 partner signs up by code with a made-up visit id.
  const first = await follow(recruitLink);
  ids.l1 = await signUp({
    company: 'Alpha Media',
    email: 'alpha@example.com',
    referralCode: first.searchParams.get('ref')!,
    visitId: first.searchParams.get('kb_vid')!,
  });
  const stray = await follow(recruitLink);
  ids.l2 = await signUp({
    company: 'Beta Traffic',
    email: 'beta@example.com',
    referralCode: await referralCodeOf(ids.l1),
    visitId: stray.searchParams.get('kb_vid')!,
  });
  ids.l3 = await signUp({
    company: 'Gamma Reviews',
    email: 'gamma@example.com',
    referralCode: await referralCodeOf(ids.l2),
  });
  ids.l1b = await signUp({
    company: 'Delta Deals',
    email: 'delta@example.com',
    referralCode: await referralCodeOf(rootId),
    visitId: 'v_made_up',
  });
});
afterAll(() => t.dispose());

describe('sub-affiliates', () => {
  it('sends a sub-affiliate link to the sign-up with the referral code and the visit id under kb_vid', async () => {
    const location = await follow(recruitLink);
    expect(location.searchParams.get('ref')).toBe(await referralCodeOf(rootId));
    expect(location.searchParams.get('kb_vid')).toMatch(/^v_/);
    expect(location.searchParams.get('click_id')).toBe(location.searchParams.get('kb_vid'));
  });

  it('lists every level with what brought each partner and the deal at that level, never an e-mail', async () => {
    const page = await unwrap(root.v1.partner.sub_affiliates.$get({ query: {} }));
    expect(page.nextBefore).toBeNull();
    const byId = new Map(page.data.map((row) => [row.id, row]));
    expect(page.data.map((row) => row.id)).toEqual([ids.l1b, ids.l3, ids.l2, ids.l1]);
    expect(byId.get(ids.l1)).toMatchObject({
      name: 'Alpha Media',
      level: 1,
      status: 'pending',
      campaign: { id: ids.campaign, name: 'Recruiting' },
      promo: { id: ids.promo, title: 'Blog footer' },
      deals: [{ planName: 'RevShare 30%', percent: '10' }],
    });
    // Another partner's click (the root's, though the referrer is level 1) and an unknown visit are ignored.
    expect(byId.get(ids.l2)).toMatchObject({ name: 'Beta Traffic', level: 2, campaign: null, promo: null });
    expect(byId.get(ids.l2)!.deals).toEqual([expect.objectContaining({ percent: '5' })]);
    expect(byId.get(ids.l3)).toMatchObject({ name: 'Gamma Reviews', level: 3, campaign: null, deals: [] });
    expect(byId.get(ids.l1b)).toMatchObject({ level: 1, campaign: null, promo: null });
    expect(JSON.stringify(page)).not.toContain('@example.com');
  });

  it('filters by level and pages newest first', async () => {
    const second = await unwrap(root.v1.partner.sub_affiliates.$get({ query: { level: '2' } }));
    expect(second.data.map((row) => row.id)).toEqual([ids.l2]);
    const first = await unwrap(root.v1.partner.sub_affiliates.$get({ query: { limit: '3' } }));
    expect(first.data).toHaveLength(3);
    expect(first.nextBefore).toBe(ids.l2);
    const rest = await unwrap(
      root.v1.partner.sub_affiliates.$get({ query: { limit: '3', before: first.nextBefore! } }),
    );
    expect(rest.data.map((row) => row.id)).toEqual([ids.l1]);
    expect(rest.nextBefore).toBeNull();
  });

  it("starts from the caller: a level-1 partner sees its own sub-affiliates, not its referrer's", async () => {
    await unwrap(
      op.client.v1.partners[':partnerId'].decision.$post({ param: { partnerId: ids.l1 }, json: { action: 'approve' } }),
    );
    const l1 = (await signedInClient(t, op.operator.id, 'alpha@example.com')).client;
    const page = await unwrap(l1.v1.partner.sub_affiliates.$get({ query: {} }));
    expect(page.data.map((row) => [row.id, row.level])).toEqual([
      [ids.l3, 2],
      [ids.l2, 1],
    ]);
  });

  it('shows the deal of the one plan that pays the shares: an individual plan before a default one', async () => {
    const individual = await unwrap(
      op.client.v1.plans.$post({
        json: {
          name: 'VIP sub-affiliates',
          terms: {
            billingPeriod: 'monthly',
            revshare: { percent: '35', negativeCarryOver: false },
            subAffiliate: { levels: ['12'] },
          },
          isDefault: false,
        },
      }),
    );
    const assign = op.client.v1.plans[':planId'].assignments;
    await unwrap(assign.$post({ param: { planId: individual.id }, json: { partnerId: rootId } }));
    try {
      const page = await unwrap(root.v1.partner.sub_affiliates.$get({ query: {} }));
      const byId = new Map(page.data.map((row) => [row.id, row]));
      expect(byId.get(ids.l1)!.deals).toEqual([
        { planId: individual.id, planName: 'VIP sub-affiliates', percent: '12' },
      ]);
      // The VIP plan has no second level, and the default plan's 5% is not paid to this partner.
      expect(byId.get(ids.l2)!.deals).toEqual([]);
    } finally {
      await op.client.v1.plans[':planId'].assignments[':partnerId'].$delete({
        param: { planId: individual.id, partnerId: rootId },
      });
    }
  });

  it("gives the operator the same list, and another operator's key a 404", async () => {
    const mine = await unwrap(
      op.client.v1.partners[':partnerId'].sub_affiliates.$get({ param: { partnerId: rootId }, query: { level: '1' } }),
    );
    expect(mine.data.map((row) => row.id)).toEqual([ids.l1b, ids.l1]);
    expect(mine.data[1]!.deals).toEqual([expect.objectContaining({ planName: 'RevShare 30%', percent: '10' })]);
    const theirs = await other.client.v1.partners[':partnerId'].sub_affiliates.$get({
      param: { partnerId: rootId },
      query: {},
    });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain('Alpha Media');
  });
});
