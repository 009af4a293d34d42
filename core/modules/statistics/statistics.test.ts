import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { KabinetApiError, unwrap, type KabinetClient } from '../../sdk/index.ts';
import { statisticsHandlers } from './purge-raw-clicks.ts';
import type { JobHandler } from '../../jobs/outbox.ts';
import { clicks } from '../tracking/table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let partners: Array<{ id: string; client: KabinetClient; promo: { id: string; code: string; campaignId: string } }>;
let brandId = '';

async function setUp() {
  t = await createTestApp();
  const op = await t.addOperator('Stats');
  operator = op.client;
  brandId = (
    await unwrap(
      operator.v1.brands.$post({ json: { name: 'Lucky', currency: 'EUR', websiteUrl: 'https://a.example' } }),
    )
  ).id;
  const landing = await unwrap(
    operator.v1.landings.$post({
      json: { brandId, name: 'Home', url: 'https://a.example/', audience: 'players', language: 'en', countries: [] },
    }),
  );
  const plan = await unwrap(
    operator.v1.plans.$post({
      json: {
        name: 'CPA',
        terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
        isDefault: true,
      },
    }),
  );
  partners = [];
  for (const email of ['a@example.com', 'b@example.com']) {
    await activePartner(t, op.operator.id, email);
    const client = (await signedInClient(t, op.operator.id, email)).client;
    const id = (await unwrap(client.v1.partner.profile.$get())).user.partnerId;
    const campaign = await unwrap(
      client.v1.partner.campaigns.$post({ json: { name: email, brandId, planId: plan.id } }),
    );
    const promo = await unwrap(
      client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link', promoCode: `CODE${partners.length}` },
      }),
    );
    partners.push({ id, client, promo: { id: promo.id, code: promo.code, campaignId: campaign.id } });
  }
}

const human = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' };
async function click(code: string, at: string, country = 'DE') {
  t.clock.set(at);
  const res = await t.fetchApp(`http://kabinet.test/t/${code}?sub1=x`, {
    headers: { ...human, 'x-test-country': country },
  });
  return new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
}
const now = () => t.clock.set('2026-11-24T12:00:00Z');
const day = { period: 'custom', from: '2026-11-20', to: '2026-11-24', timeZone: 'UTC' } as const;

beforeEach(setUp);
afterEach(() => t.dispose());

describe('who sees what', () => {
  it("a partner's report counts its own traffic only; the operator's counts everyone's and names partners", async () => {
    await click(partners[0]!.promo.code, '2026-11-22T10:00:00Z');
    await click(partners[0]!.promo.code, '2026-11-22T11:00:00Z');
    await click(partners[1]!.promo.code, '2026-11-22T12:00:00Z');
    now();
    const own = await unwrap(partners[0]!.client.v1.partner.reports.performance.$get({ query: day }));
    expect(own.totals.clicks).toBe(2);
    const all = await unwrap(operator.v1.reports.performance.$get({ query: { ...day, groupBy: 'partner' } }));
    expect(all.totals.clicks).toBe(3);
    expect(all.rows.map((r) => [r.labels.partner, r.values.clicks])).toEqual([
      ['a@example.com GmbH', 2],
      ['b@example.com GmbH', 1],
    ]);
    // Another partner's promo code, or grouping by partner, shows nothing of theirs.
    const other = await unwrap(
      partners[0]!.client.v1.partner.reports.performance.$get({ query: { ...day, promoCode: 'CODE1' } }),
    );
    expect(other.totals.clicks).toBe(0);
    const refused = await partners[0]!.client.v1.partner.reports.performance.$get({
      query: { ...day, groupBy: 'partner' },
    });
    expect(refused.status).toBe(422);
  });

  it('metrics and groupings the operator hides are absent from partner answers, and refused as groupings and filters', async () => {
    await click(partners[0]!.promo.code, '2026-11-22T10:00:00Z');
    now();
    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['botClicks', 'ngr'], hiddenGroupings: ['country'], clickRetentionDays: null },
      }),
    );
    const report = await unwrap(partners[0]!.client.v1.partner.reports.performance.$get({ query: day }));
    expect(report.metrics).not.toContain('ngr');
    expect(Object.keys(report.totals)).not.toContain('botClicks');
    const options = await unwrap(partners[0]!.client.v1.partner.reports.options.$get());
    expect(options.metrics).not.toContain('ngr');
    expect(options.groupings).not.toContain('country');
    expect(options.countries).toEqual([]);
    for (const query of [
      { ...day, groupBy: 'country' },
      { ...day, country: 'DE' },
    ]) {
      const res = await partners[0]!.client.v1.partner.reports.performance.$get({ query });
      expect(res.status).toBe(422);
    }
    // The operator still sees everything.
    const full = await unwrap(operator.v1.reports.performance.$get({ query: { ...day, groupBy: 'country' } }));
    expect(full.rows[0]).toMatchObject({ key: { country: 'DE' }, values: { botClicks: 0 } });
  });

  it('refuses unknown time zones, hour reports over 31 days, bad sorts and custom periods without dates, naming the field', async () => {
    const bad = [
      [{ ...day, timeZone: 'Mars/Olympus' }, 'query.timeZone'],
      [{ period: 'custom', from: '2026-01-01', to: '2026-11-24', groupBy: 'hour' }, 'query.period'],
      [{ ...day, sort: 'nonsense' }, 'query.sort'],
      [{ period: 'custom', from: '2026-11-01' }, 'query.to'],
      [{ period: 'custom', from: '2026-11-10', to: '2026-11-01' }, 'query.to'],
      [{ ...day, groupBy: 'day,week' }, 'query.groupBy'],
      [{ ...day, groupBy: 'parameter' }, 'query.parameter'],
      [{ ...day, groupBy: 'parameter,country', parameter: 'sub1' }, 'query.groupBy'],
    ] as const;
    for (const [query, path] of bad) {
      const res = await operator.v1.reports.performance.$get({ query: query as never });
      expect(res.status, JSON.stringify(query)).toBe(422);
      const body = (await res.json()) as unknown as { errors: Array<{ path: string }> };
      expect(body.errors[0]!.path).toBe(path);
    }
  });
});

describe('money in reports', () => {
  it('converts every amount at one date’s rates, lists currencies without a rate, and keeps each currency otherwise', async () => {
    const visit = await click(partners[0]!.promo.code, '2026-11-22T10:00:00Z');
    const deposit = (id: string, amount: string, currency: string) => ({
      id,
      type: 'first_deposit' as const,
      playerId: id,
      brand: brandId,
      visitId: visit,
      amount,
      currency,
      occurredAt: '2026-11-22T10:30:00Z',
    });
    await unwrap(
      operator.v1.events.$post({
        json: { events: [deposit('e1', '100.00', 'EUR'), deposit('e2', '108.40', 'USD'), deposit('e3', '5', 'JPY')] },
      }),
    );
    await unwrap(
      operator.v1.exchange_rates.$put({
        json: {
          rates: [
            { date: '2026-11-20', currency: 'USD', perEur: '1.0840' },
            { date: '2026-11-23', currency: 'USD', perEur: '1.2000' },
          ],
        },
      }),
    );
    now();
    const each = await unwrap(operator.v1.reports.performance.$get({ query: day }));
    expect(each.totals.ftdAmount).toEqual({ EUR: '100.00', JPY: '5', USD: '108.40' });
    // The rate on or before the chosen date: 1.0840 on the 22nd; JPY has none and is left out, and said so.
    const converted = await unwrap(
      operator.v1.reports.performance.$get({ query: { ...day, currency: 'EUR', ratesDate: '2026-11-22' } }),
    );
    expect(converted.totals.ftdAmount).toEqual({ EUR: '200.00' });
    expect(converted.currency).toEqual({
      mode: 'converted',
      currency: 'EUR',
      ratesDate: '2026-11-22',
      missingRates: ['JPY'],
    });
    const usd = await unwrap(
      operator.v1.reports.performance.$get({ query: { ...day, currency: 'USD', ratesDate: '2026-11-24' } }),
    );
    expect(usd.totals.ftdAmount).toEqual({ USD: '228.40' });
  });

  it('shows an amount in a currency first seen after the last report (the remembered currencies are only a guess)', async () => {
    const visit = await click(partners[1]!.promo.code, '2026-11-22T11:00:00Z');
    now();
    // Sorted by a grouping and without costs: the page is summed, sorted and cut in SQL (report-page.ts).
    const query = { ...day, groupBy: 'day', metrics: 'clicks,ftdCount,ftdAmount' };
    const before = await unwrap(operator.v1.reports.performance.$get({ query }));
    expect(before.totals.ftdAmount).not.toHaveProperty('CHF');
    await unwrap(
      operator.v1.events.$post({
        json: {
          events: [
            {
              id: 'chf-1',
              type: 'first_deposit',
              playerId: 'chf-1',
              brand: brandId,
              visitId: visit,
              amount: '12.50',
              currency: 'CHF',
              occurredAt: '2026-11-22T11:30:00Z',
            },
          ],
        },
      }),
    );
    const after = await unwrap(operator.v1.reports.performance.$get({ query }));
    expect(after.totals.ftdAmount).toMatchObject({ CHF: '12.50' });
    expect(after.rows.some((r) => (r.values.ftdAmount as Record<string, string>)?.CHF === '12.50')).toBe(true);
  });

  it('shows uploaded costs by day and campaign, and none where a cost cannot be split (hours, countries)', async () => {
    await click(partners[0]!.promo.code, '2026-11-22T10:00:00Z');
    now();
    await unwrap(
      operator.v1.costs.$put({
        json: {
          costs: [{ campaignId: partners[1]!.promo.campaignId, date: '2026-11-23', amount: '40.00', currency: 'EUR' }],
        },
      }),
    );
    const byDay = await unwrap(
      operator.v1.reports.performance.$get({ query: { ...day, groupBy: 'day,campaign', metrics: 'clicks,cost' } }),
    );
    expect(byDay.rows.map((r) => [r.key.day, r.labels.campaign, r.values.clicks, r.values.cost])).toEqual([
      ['2026-11-22', 'a@example.com', 1, {}],
      ['2026-11-23', 'b@example.com', 0, { EUR: '40.00' }],
    ]);
    const byCountry = await unwrap(
      operator.v1.reports.performance.$get({ query: { ...day, groupBy: 'country', metrics: 'clicks,cost' } }),
    );
    expect(byCountry.totals.cost).toBeNull();
  });
});

describe('raw click retention', () => {
  it('purges raw clicks older than the setting; reports keep counting them', async () => {
    await click(partners[0]!.promo.code, '2026-08-01T10:00:00Z');
    await click(partners[0]!.promo.code, '2026-11-22T10:00:00Z');
    now();
    await unwrap(
      operator.v1.reports.settings.$put({ json: { hiddenMetrics: [], hiddenGroupings: [], clickRetentionDays: 30 } }),
    );
    const period = { period: 'custom', from: '2026-07-01', to: '2026-11-24', timeZone: 'UTC' } as const;
    const before = await unwrap(operator.v1.reports.performance.$get({ query: period }));
    await (statisticsHandlers['maintenance.purge_raw_clicks'] as JobHandler)(
      { db: t.deps.db, clock: t.clock } as never,
      {},
    );
    expect((await t.deps.db.select({ createdAt: clicks.createdAt }).from(clicks)).map((c) => c.createdAt)).toEqual([
      new Date('2026-11-22T10:00:00Z'),
    ]);
    expect((await unwrap(operator.v1.reports.performance.$get({ query: period }))).totals).toEqual(before.totals);
    expect(before.totals.clicks).toBe(2);
  });
});

it('names a refused report field in a KabinetApiError for SDK users', async () => {
  const error = await unwrap(operator.v1.reports.performance.$get({ query: { period: 'custom' } })).catch((e) => e);
  expect(error).toBeInstanceOf(KabinetApiError);
});
