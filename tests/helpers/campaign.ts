/** The setup most campaign-level tests share: an operator with a brand, landing and plan, a signed-in partner with one campaign and promo. */
import { unwrap } from '../../core/sdk/index.ts';
import { activePartner, signedInClient } from './identity.ts';
import type { createTestApp } from './test-app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function partnerWithCampaign(
  t: TestApp,
  options: { campaignName?: string; promoCode?: string; email?: string } = {},
) {
  const op = await t.addOperator('Lucky');
  const brandId = (
    await unwrap(
      op.client.v1.brands.$post({ json: { name: 'Casino', currency: 'EUR', websiteUrl: 'https://casino.example' } }),
    )
  ).id;
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
  const email = options.email ?? 'pb@example.com';
  await activePartner(t, op.operator.id, email);
  const partner = (await signedInClient(t, op.operator.id, email)).client;
  const campaignId = (
    await unwrap(
      partner.v1.partner.campaigns.$post({ json: { name: options.campaignName ?? 'Main', brandId, planId: plan.id } }),
    )
  ).id;
  const promo = await unwrap(
    partner.v1.partner.campaigns[':campaignId'].promos.$post({
      param: { campaignId },
      json: { landingId: landing.id, title: 'Link', ...(options.promoCode ? { promoCode: options.promoCode } : {}) },
    }),
  );
  return {
    op,
    partner,
    brandId,
    landingId: landing.id,
    planId: plan.id,
    campaignId,
    promoId: promo.id,
    trackingLink: promo.trackingLink,
  };
}
