/**
 * A small program for report tests (favorites, feeds, the Report API): an operator with a brand, a
 * landing and a default CPA plan; each partner signed in with a campaign, a promo and a statistic
 * token, the way a partner gets them from the API.
 */
import { expect } from 'vitest';
import type { createTestApp } from './test-app.ts';
import { activePartner, signedInClient } from './identity.ts';
import { unwrap, type KabinetClient } from '../../core/sdk/index.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface ProgramPartner {
  client: KabinetClient;
  code: string;
  token: string;
  partnerId: string;
}

export async function buildReportProgram(t: TestApp, name: string, emails: string[]) {
  const op = await t.addOperator(name);
  const api = op.client.v1;
  const brand = await unwrap(
    api.brands.$post({ json: { name: `${name} Casino`, currency: 'EUR', websiteUrl: 'https://a.example' } }),
  );
  const landing = await unwrap(
    api.landings.$post({
      json: { brandId: brand.id, name: 'Home', url: 'https://a.example/', audience: 'players', language: 'en' },
    }),
  );
  const plan = await unwrap(
    api.plans.$post({
      json: {
        name: 'CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  const members: ProgramPartner[] = [];
  for (const email of emails) {
    const partner = await activePartner(t, op.operator.id, email);
    const { client } = await signedInClient(t, op.operator.id, email);
    const campaign = await unwrap(
      client.v1.partner.campaigns.$post({ json: { name: `Spring ${email}`, brandId: brand.id, planId: plan.id } }),
    );
    const promo = await unwrap(
      client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link', promoCode: `C${email.length}${email[0]}${name}`.toUpperCase() },
      }),
    );
    const token = (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;
    members.push({ client, code: promo.code, token, partnerId: partner.partnerId });
  }
  return { op, members };
}

/** One browser click on a promo's link at the given time; the redirect must answer 302. */
export async function clickAt(t: TestApp, code: string, at: string) {
  t.clock.set(at);
  const res = await t.fetchApp(`http://kabinet.test/t/${code}`, {
    headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' },
  });
  expect(res.status).toBe(302);
}
