import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { clicks } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
let partner: Awaited<ReturnType<typeof signedInClient>>['client'];
let brandId = '';

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
  brandId = (
    await unwrap(
      op.client.v1.brands.$post({
        json: { name: 'Lucky Casino', currency: 'EUR', websiteUrl: 'https://casino.example' },
      }),
    )
  ).id;
  await activePartner(t, op.operator.id, 'aff@example.com');
  partner = (await signedInClient(t, op.operator.id, 'aff@example.com')).client;
});
afterEach(() => t.dispose());

async function setUpPromo() {
  const landing = await unwrap(
    op.client.v1.landings.$post({
      json: {
        brandId,
        name: 'Welcome bonus',
        url: 'https://casino.example/welcome?lang=de#top',
        audience: 'players',
        language: 'de',
        countries: ['DE'],
      },
    }),
  );
  const creative = await unwrap(
    op.client.v1.creatives.$post({
      json: {
        title: 'Spin 300x250',
        language: 'de',
        format: 'banner',
        width: 300,
        height: 250,
        tags: ['slots'],
        assetUrl: 'https://cdn.example/b.png',
      },
    }),
  );
  const source = await unwrap(op.client.v1.traffic_sources.$post({ json: { name: 'SEO' } }));
  const plan = await unwrap(
    op.client.v1.plans.$post({
      json: {
        name: 'RevShare 35%',
        terms: { billingPeriod: 'monthly', revshare: { percent: '35', negativeCarryOver: true } },
        isDefault: true,
      },
    }),
  );
  const catalog = await unwrap(partner.v1.partner.catalog.$get());
  expect(catalog.plans.map((p) => p.name)).toEqual(['RevShare 35%']);
  const campaign = await unwrap(
    partner.v1.partner.campaigns.$post({ json: { name: 'DE SEO', brandId, planId: plan.id } }),
  );
  const promo = await unwrap(
    partner.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId: campaign.id },
      json: {
        landingId: landing.id,
        creativeId: creative.id,
        trafficSourceId: source.id,
        title: 'Sidebar banner',
        promoCode: 'SPIN50',
      },
    }),
  );
  return { landing, creative, source, plan, campaign, promo };
}

describe('tracking redirect', () => {
  it("counts the click with every parameter as sent and redirects with the visit id, keeping the landing's query", async () => {
    const { promo, campaign } = await setUpPromo();
    expect(promo.trackingLink).toBe(`http://kabinet.test/t/${promo.code}`);
    expect(promo.htmlSnippet).toContain(`<a href="http://kabinet.test/t/${promo.code}"`);
    const res = await t.fetchApp(`${promo.trackingLink}?sub1=abc&clickID=xyz&sub1=&webID=%/n/h3D1021df233&flag`, {
      headers: {
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
        'x-test-country': 'DE',
        'x-test-ip': '203.0.113.77',
        referer: 'https://blog.example/post',
      },
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://casino.example/welcome');
    expect(location.searchParams.get('lang')).toBe('de');
    const visitId = location.searchParams.get('kb_vid')!;
    const [click] = await t.deps.db.select().from(clicks).where(eq(clicks.id, visitId));
    expect(click).toMatchObject({
      promoId: promo.id,
      campaignId: campaign.id,
      country: 'DE',
      device: 'mobile',
      os: 'iOS',
      browser: 'Safari',
      ipPrefix: '203.0.113.0/24',
      referrer: 'https://blog.example/post',
      isBot: false,
      isUnique: true,
      params: [
        ['sub1', 'abc'],
        ['clickID', 'xyz'],
        ['sub1', ''],
        ['webID', '%/n/h3D1021df233'],
        ['flag', ''],
      ],
    });
    // The same visitor again (cookie set by the first answer) is not unique.
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const again = await t.fetchApp(promo.trackingLink, {
      headers: { cookie, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36' },
    });
    const [second] = await t.deps.db
      .select()
      .from(clicks)
      .where(eq(clicks.id, new URL(again.headers.get('location')!).searchParams.get('kb_vid')!));
    expect(second!.isUnique).toBe(false);
  });

  it('does not count HEAD requests, prefetches or bots as unique; sends unknown codes to the fallback', async () => {
    const { promo } = await setUpPromo();
    expect((await t.fetchApp(promo.trackingLink, { method: 'HEAD' })).status).toBe(302);
    expect((await t.fetchApp(promo.trackingLink, { headers: { 'sec-purpose': 'prefetch' } })).status).toBe(302);
    expect(await t.deps.db.select().from(clicks)).toHaveLength(0);
    await t.fetchApp(promo.trackingLink, {
      headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    expect((await t.deps.db.select().from(clicks))[0]).toMatchObject({ isBot: true, isUnique: false, device: 'bot' });
    const unknown = await t.fetchApp('http://kabinet.test/t/NoSuchCode1');
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe('https://fallback.example/');
    await unwrap(
      op.client.v1.operator.$patch({
        json: { allowedOrigins: ['http://kabinet.test'], fallbackUrl: 'https://lucky.example/' },
      }),
    );
    expect((await t.fetchApp('http://kabinet.test/t/NoSuchCode2')).headers.get('location')).toBe(
      'https://lucky.example/',
    );
  });

  it('stores every click of a concurrent burst before answering (group commit): stored == answered', async () => {
    const { promo } = await setUpPromo();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => t.fetchApp(`${promo.trackingLink}?sub1=${i}`)),
    );
    expect(answers.every((r) => r.status === 302)).toBe(true);
    const ids = new Set(answers.map((r) => new URL(r.headers.get('location')!).searchParams.get('kb_vid')));
    const stored = await t.deps.db.select({ id: clicks.id }).from(clicks);
    expect(stored).toHaveLength(300);
    expect(stored.every((s) => ids.has(s.id))).toBe(true);
  });

  it('keeps tracking links of archived campaigns; archived campaigns take no new promos', async () => {
    const { promo, campaign, landing } = await setUpPromo();
    await unwrap(partner.v1.partner.campaigns[':campaignId'].archive.$post({ param: { campaignId: campaign.id } }));
    expect((await t.fetchApp(promo.trackingLink)).status).toBe(302);
    expect(await t.deps.db.select().from(clicks)).toHaveLength(1);
    const refused = await partner.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId: campaign.id },
      json: { landingId: landing.id, title: 'More' },
    });
    expect(refused.status).toBe(409);
    expect(
      (await unwrap(partner.v1.partner.campaigns.$get({ query: { status: 'archived' } }))).data.map((c) => c.id),
    ).toEqual([campaign.id]);
  });

  it("sends sub-affiliate links to the program sign-up with the partner's referral code", async () => {
    const { campaign } = await setUpPromo();
    const signUp = await unwrap(
      op.client.v1.landings.$post({
        json: {
          brandId,
          name: 'Join the program',
          url: 'https://lucky.example/partners',
          audience: 'sub_affiliates',
          language: 'en',
        },
      }),
    );
    const promo = await unwrap(
      partner.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: signUp.id, title: 'Recruit affiliates' },
      }),
    );
    const referral = (await unwrap(partner.v1.partner.profile.$get())).partner.referralCode;
    const location = new URL((await t.fetchApp(promo.trackingLink)).headers.get('location')!);
    expect(location.searchParams.get('ref')).toBe(referral);
  });

  it('fixes a traffic source once set, and lets an empty one be set later', async () => {
    const { promo, landing, campaign, source } = await setUpPromo();
    const other = await unwrap(op.client.v1.traffic_sources.$post({ json: { name: 'PPC' } }));
    expect(
      (
        await partner.v1.partner.promos[':promoId'].$patch({
          param: { promoId: promo.id },
          json: { trafficSourceId: other.id },
        })
      ).status,
    ).toBe(409);
    const direct = await unwrap(
      partner.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Direct link' },
      }),
    );
    expect(direct.creative).toBeNull();
    const set = await unwrap(
      partner.v1.partner.promos[':promoId'].$patch({
        param: { promoId: direct.id },
        json: { trafficSourceId: source.id, title: 'Direct link (SEO)' },
      }),
    );
    expect(set).toMatchObject({ title: 'Direct link (SEO)', trafficSource: { id: source.id } });
    // A change of nothing is named, not a 500 (the fuzzer found it).
    const empty = await partner.v1.partner.promos[':promoId'].$patch({ param: { promoId: direct.id }, json: {} });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { errors: Array<{ reason: string }> }).errors[0]!.reason).toBe('required_one_of');
  });
});
