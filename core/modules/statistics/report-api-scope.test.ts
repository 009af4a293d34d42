/**
 * Report API token scope: a statistic token sees its own partner's rows only (two partners of one
 * operator with traffic, and another operator's), and only the metrics the operator lets partners
 * see: a hidden metric asked for by name is refused (422 on `metrics`), attributes do not list it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { CALLS_PER_MINUTE } from '../../../widgets/src/components/kb-api-docs/kb-api-docs.messages.ts';
import { REPORT_API_CALLS_PER_MINUTE } from './report-api-rate.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let members: Array<{ client: KabinetClient; token: string; campaignId: string; code: string }>;

/** An operator with a brand, a landing and a plan; each partner a campaign, a promo and a token. */
async function program(name: string, emails: string[]) {
  const op = await t.addOperator(name);
  const v1 = op.client.v1;
  const brand = await unwrap(
    v1.brands.$post({ json: { name: `${name} Casino`, currency: 'EUR', websiteUrl: 'https://a.example' } }),
  );
  const landing = await unwrap(
    v1.landings.$post({
      json: { brandId: brand.id, name: 'Home', url: 'https://a.example/', audience: 'players', language: 'en' },
    }),
  );
  const plan = await unwrap(
    v1.plans.$post({
      json: {
        name: 'CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  const out = [];
  for (const email of emails) {
    await activePartner(t, op.operator.id, email);
    const { client } = await signedInClient(t, op.operator.id, email);
    const campaign = await unwrap(
      client.v1.partner.campaigns.$post({ json: { name: `Campaign of ${email}`, brandId: brand.id, planId: plan.id } }),
    );
    const promo = await unwrap(
      client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link', promoCode: `S${email.length}${name}`.toUpperCase() },
      }),
    );
    const token = (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;
    out.push({ client, token, campaignId: campaign.id, code: promo.code });
  }
  return { op, out };
}

async function clicks(code: string, count: number, at: string) {
  for (let i = 0; i < count; i++) {
    t.clock.set(at);
    const res = await t.fetchApp(`http://kabinet.test/t/${code}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' },
    });
    expect(res.status).toBe(302);
  }
}

const base = { period: 'custom', from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' };
async function api(token: string, path: string, query: Record<string, string> = {}) {
  const res = await t.fetchApp(
    `http://kabinet.test/api/customer/v1/partner${path}?${new URLSearchParams(path === '/report' ? { ...base, ...query } : query)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface Report {
  metrics: string[];
  totals: Record<string, unknown>;
  rows: Array<{ key: Record<string, unknown>; values: Record<string, unknown> }>;
}

beforeEach(async () => {
  t = await createTestApp();
  const alpha = await program('Alpha', ['a@alpha.example', 'bb@alpha.example']);
  const beta = await program('Beta', ['c@beta.example']);
  operator = alpha.op.client;
  members = [...alpha.out, ...beta.out];
  // Different counts per partner, so a leaked number would show: 3, 5 and 7 clicks.
  await clicks(members[0]!.code, 3, '2026-11-22T10:00:00Z');
  await clicks(members[1]!.code, 5, '2026-11-22T11:00:00Z');
  await clicks(members[2]!.code, 7, '2026-11-23T12:00:00Z');
  t.clock.set('2026-11-24T12:00:00Z');
});
afterEach(() => t.dispose());

describe('Report API token scope', () => {
  it("shows a token its own partner's campaigns and numbers only, in the report and the attributes", async () => {
    const expected = [3, 5, 7];
    for (const [i, member] of members.entries()) {
      const others = members.filter((_, j) => j !== i);
      const report = await api(member.token, '/report', { groupBy: 'campaign' });
      expect(report.status).toBe(200);
      const body = report.body as unknown as Report;
      expect(body.totals.clicks).toBe(expected[i]);
      expect(body.rows.map((r) => r.key.campaign)).toEqual([member.campaignId]);
      const attributes = await api(member.token, '/report/attributes');
      expect(attributes.status).toBe(200);
      expect((attributes.body.campaigns as Array<{ id: string }>).map((c) => c.id)).toEqual([member.campaignId]);
      expect(attributes.body.partners).toEqual([]);
      for (const other of others) {
        expect(JSON.stringify(report.body)).not.toContain(other.campaignId);
        expect(JSON.stringify(attributes.body)).not.toContain(other.campaignId);
        // Asking for another partner's campaign by id gives nothing of its numbers.
        const foreign = await api(member.token, '/report', { campaignId: other.campaignId });
        expect(foreign.status).toBe(200);
        expect((foreign.body as unknown as Report).totals.clicks).toBe(0);
        expect((foreign.body as unknown as Report).rows).toEqual([]);
      }
    }
    // Asking for a partner dimension at all is refused.
    expect((await api(members[0]!.token, '/report', { groupBy: 'partner' })).status).toBe(422);
  });

  it('refuses a metric the operator hides with 422 on metrics, and the attributes stop listing it', async () => {
    const [a, , c] = members;
    const asked = { metrics: 'clicks,ngr' };
    expect((await api(a!.token, '/report', asked)).status).toBe(200);
    expect(((await api(a!.token, '/report/attributes')).body.metrics as string[]).includes('ngr')).toBe(true);

    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['ngr'], hiddenGroupings: [], clickRetentionDays: null },
      }),
    );
    const refused = await api(a!.token, '/report', asked);
    expect(refused.status).toBe(422);
    const errors = refused.body.errors as Array<{ path: string; reason: string; params: { allowed: string[] } }>;
    expect(errors[0]).toMatchObject({ path: 'query.metrics', reason: 'invalid_choice' });
    expect(errors[0]!.params.allowed).toContain('clicks');
    expect(errors[0]!.params.allowed).not.toContain('ngr');
    const attributes = (await api(a!.token, '/report/attributes')).body.metrics as string[];
    expect(attributes).toContain('clicks');
    expect(attributes).not.toContain('ngr');
    // Without naming metrics the report just leaves the hidden one out.
    const all = (await api(a!.token, '/report')).body as unknown as Report;
    expect(all.metrics).not.toContain('ngr');
    expect(Object.keys(all.totals)).not.toContain('ngr');
    // The other operator hid nothing: its partner may still ask for it.
    expect((await api(c!.token, '/report', asked)).status).toBe(200);
  });

  it("the portal's API docs page states the real per-token limit", () => {
    expect(CALLS_PER_MINUTE).toBe(REPORT_API_CALLS_PER_MINUTE);
  });
});
