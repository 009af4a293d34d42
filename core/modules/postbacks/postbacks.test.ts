import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let setup: Awaited<ReturnType<typeof partnerWithCampaign>>;
let partner: Awaited<ReturnType<typeof partnerWithCampaign>>['partner'];
let campaignId = '';
let promoId = '';

beforeEach(async () => {
  t = await createTestApp();
  setup = await partnerWithCampaign(t);
  ({ partner, campaignId, promoId } = setup);
});
afterEach(() => t.dispose());

describe('partner postbacks', () => {
  it('saves valid postbacks per scope, keeping warnings, and lists them by scope', async () => {
    const account = await unwrap(
      partner.v1.partner.postbacks.$post({
        json: { scope: 'account', action: 'registration', url: 'https://tracker.example/pb?cid=${clickID}' },
      }),
    );
    expect(account.warnings.map((w) => w.message)).toEqual([expect.stringContaining('${promo_id} or ${campaign_id}')]);
    const promo = await unwrap(
      partner.v1.partner.postbacks.$post({
        json: {
          scope: 'promo',
          promoId,
          action: 'first_deposit',
          method: 'POST',
          bodyFormat: 'json',
          url: 'https://tracker.example/pb?v=${visit_id}&a=${amount}',
        },
      }),
    );
    expect(promo).toMatchObject({
      scope: 'promo',
      campaignId,
      campaignName: 'Main',
      promoId,
      promoTitle: 'Link',
      method: 'POST',
      bodyFormat: 'json',
      enabled: true,
      warnings: [],
    });
    expect(
      (await unwrap(partner.v1.partner.postbacks.$get({ query: { scope: 'promo' } }))).data.map((p) => [
        p.id,
        p.campaignName,
        p.promoTitle,
      ]),
    ).toEqual([[promo.id, 'Main', 'Link']]);
    expect(account).toMatchObject({ campaignName: null, promoTitle: null });
    const off = await unwrap(
      partner.v1.partner.postbacks[':postbackId'].$patch({
        param: { postbackId: promo.id },
        json: { enabled: false, method: 'GET' },
      }),
    );
    expect(off).toMatchObject({
      enabled: false,
      method: 'GET',
      bodyFormat: null,
      campaignName: 'Main',
      promoTitle: 'Link',
    });
    await unwrap(partner.v1.partner.postbacks[':postbackId'].$delete({ param: { postbackId: account.id } }));
    expect((await unwrap(partner.v1.partner.postbacks.$get({ query: {} }))).data).toHaveLength(1);
  });

  it('refuses template mistakes with 422 naming each one and its position, storing nothing', async () => {
    const res = await partner.v1.partner.postbacks.$post({
      json: {
        scope: 'campaign',
        campaignId,
        action: 'registration',
        url: 'http://track.me/affiliate?a={track_id}&b=$[visit_id]',
      },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as unknown as { errors: Array<{ path: string; message: string }> };
    expect(problem.errors).toEqual([
      {
        path: 'body.url',
        reason: 'invalid_template',
        params: { problem: 'missing_dollar', position: 28, name: 'track_id' },
        message: 'at 28: "{track_id}" is missing the $: write ${track_id}',
      },
      {
        path: 'body.url',
        reason: 'invalid_template',
        params: { problem: 'square_brackets', position: 41, name: 'visit_id' },
        message: 'at 41: "$[visit_id]" uses square brackets: write ${visit_id}',
      },
    ]);
    expect(
      (
        await partner.v1.partner.postbacks.$post({
          json: { scope: 'account', action: 'sale', url: 'http://169.254.169.254/latest?x=${visit_id}&p=${promo_id}' },
        })
      ).status,
    ).toBe(422);
    expect((await unwrap(partner.v1.partner.postbacks.$get({ query: {} }))).data).toEqual([]);
  });

  it("checks a template live for the editor, and needs the scope's campaign or promo", async () => {
    const check = await unwrap(
      partner.v1.partner.postbacks.validate.$post({
        json: { url: 'https://t.example/p?v=${visitid}', scope: 'promo' },
      }),
    );
    expect(check.problems).toEqual([
      {
        position: 22,
        severity: 'warning',
        code: 'unknown_builtin',
        params: { name: 'visitid', suggestion: 'visit_id' },
        message:
          "${visitid} is not a built-in macro, so it is read from the click's own parameters: did you mean ${visit_id}?",
      },
    ]);
    expect(check.builtIns).toContain('visit_id');
    expect(
      (
        await partner.v1.partner.postbacks.$post({
          json: { scope: 'campaign', action: 'lead', url: 'https://t.example/p?c=${campaign_id}' },
        })
      ).status,
    ).toBe(422);
  });

  it("previews only with the partner's own campaign or promo: another partner's or operator's answers 404", async () => {
    const preview = (json: { campaignId?: string; promoId?: string }) =>
      partner.v1.partner.postbacks.preview.$post({
        json: {
          url: 'https://t.example/p?c=${campaign_name}&p=${promo_code}',
          scope: json.promoId ? 'promo' : 'campaign',
          action: 'registration',
          ...json,
        },
      });
    expect((await preview({ campaignId })).status).toBe(200);
    expect((await preview({ promoId })).status).toBe(200);
    // Another partner of the same operator.
    await activePartner(t, setup.op.operator.id, 'neighbour@example.com');
    const neighbour = (await signedInClient(t, setup.op.operator.id, 'neighbour@example.com')).client;
    const theirs = await unwrap(
      neighbour.v1.partner.campaigns.$post({
        json: { name: 'Secret plans', brandId: setup.brandId, planId: setup.planId },
      }),
    );
    const theirPromo = await unwrap(
      neighbour.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: theirs.id },
        json: { landingId: setup.landingId, title: 'Theirs' },
      }),
    );
    // Another operator's.
    const elsewhere = await partnerWithCampaign(t, { email: 'elsewhere@example.com' });
    for (const foreign of [
      { campaignId: theirs.id },
      { promoId: theirPromo.id },
      { campaignId: elsewhere.campaignId },
      { promoId: elsewhere.promoId },
    ]) {
      const res = await preview(foreign);
      expect(res.status, JSON.stringify(foreign)).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain('Secret plans');
    }
  });

  it('takes no new postbacks on an archived campaign', async () => {
    await unwrap(partner.v1.partner.campaigns[':campaignId'].archive.$post({ param: { campaignId } }));
    expect(
      (
        await partner.v1.partner.postbacks.$post({
          json: { scope: 'campaign', campaignId, action: 'registration', url: 'https://t.example/p?v=${visit_id}' },
        })
      ).status,
    ).toBe(409);
  });
});
