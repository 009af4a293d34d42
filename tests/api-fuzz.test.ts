/**
 * Fuzzing every route of the API in process on Node (the Deno and workerd smoke suites run a
 * smaller sample over real HTTP). A failure prints the request to replay it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from './helpers/test-app.ts';
import { partnerWithCampaign } from './helpers/campaign.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { fuzzApi } from './helpers/api-fuzz.ts';
import { unwrap } from '../core/sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

// About 70 routes × 40 runs: ~3,000 requests in a few seconds; FUZZ_RUNS raises it for a long hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

it('answers every generated request without a 5xx, and every 4xx as problem+json clients can word (listed code, reasons and params)', async () => {
  const mine = await partnerWithCampaign(t, { email: 'fuzz@example.com' });
  const theirs = await t.addOperator('Other');
  const theirBrand = await unwrap(
    theirs.client.v1.brands.$post({ json: { name: 'Theirs', currency: 'USD', websiteUrl: 'https://theirs.example' } }),
  );
  const theirPartner = await activePartner(t, theirs.operator.id, 'other@example.com');
  const operatorId = mine.op.operator.id;
  const result = await fuzzApi(
    {
      baseUrl: 'http://kabinet.test',
      fetch: t.fetchApp,
      operatorKey: mine.op.key,
      partnerToken: async () => (await signedInClient(t, operatorId, 'fuzz@example.com')).session.token!,
      statisticToken: async () => {
        const { client } = await signedInClient(t, operatorId, 'fuzz@example.com');
        return (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;
      },
      knownIds: [
        operatorId,
        mine.brandId,
        mine.campaignId,
        mine.promoId,
        mine.landingId,
        mine.planId,
        theirs.operator.id,
        theirBrand.id,
        theirPartner.partnerId,
      ],
    },
    { runsPerRoute: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  );
  expect(result.routes).toBeGreaterThan(60);
  expect(result.requests).toBeGreaterThanOrEqual(result.routes * RUNS);
  expect(t.errors).toEqual([]);
}, 300_000);
