/**
 * The world the report export tests download files from. Operator A: Alice (a campaign named like a
 * formula, a negative NGR), Bob (USD, a name XML must escape) and Dave (a campaign named `-cmd`);
 * operator B: Carol. Each partner's link gets three clicks on 21–22 November and a fourth on the
 * 23rd that registers, deposits and has NGR; the clock then stands at 24 November.
 */
import { createTestApp } from './test-app.ts';
import { activePartner, signedInClient } from './identity.ts';
import { unwrap, type KabinetClient } from '../../core/sdk/index.ts';
import { AMOUNT_METRICS } from '../../core/modules/statistics/schemas.ts';
import type { Report } from '../../core/modules/statistics/run-report.ts';

export const HOSTILE = '=HYPERLINK("http://evil.example","x")';
export const AWKWARD = `Plain & <"quoted"> 'x', Ёлка`;
export const DASHED = '-cmd';
const human = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' };

export interface ExportWorld {
  t: Awaited<ReturnType<typeof createTestApp>>;
  operatorA: { id: string; client: KabinetClient };
  operatorB: KabinetClient;
  alice: KabinetClient;
  carol: KabinetClient;
  aliceCampaign: string;
}

export async function createExportWorld(): Promise<ExportWorld> {
  const t = await createTestApp();
  const click = async (code: string, at: string) => {
    t.clock.set(at);
    const res = await t.fetchApp(`http://kabinet.test/t/${code}`, { headers: { ...human, 'x-test-country': 'DE' } });
    return new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
  };
  const a = await t.addOperator('Alpha');
  const b = await t.addOperator('Beta');
  const sides: Array<{
    client: KabinetClient;
    code: string;
    brandId: string;
    campaignId: string;
    operator: KabinetClient;
  }> = [];
  for (const [op, email, name] of [
    [a, 'alice@a.example', HOSTILE],
    [a, 'bob@a.example', AWKWARD],
    [b, 'carol@b.example', 'Carol'],
    [a, 'dave@a.example', DASHED],
  ] as const) {
    const brand = await unwrap(
      op.client.v1.brands.$post({ json: { name: `B ${email}`, currency: 'EUR', websiteUrl: 'https://a.example' } }),
    );
    const landing = await unwrap(
      op.client.v1.landings.$post({
        json: {
          brandId: brand.id,
          name: 'Home',
          url: 'https://a.example/',
          audience: 'players',
          language: 'en',
          countries: [],
        },
      }),
    );
    const plan = await unwrap(
      op.client.v1.plans.$post({
        json: {
          name: `CPA ${email}`,
          terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
          isDefault: true,
        },
      }),
    );
    await activePartner(t, op.operator.id, email);
    const client = (await signedInClient(t, op.operator.id, email)).client;
    const campaign = await unwrap(
      client.v1.partner.campaigns.$post({ json: { name, brandId: brand.id, planId: plan.id } }),
    );
    const promo = await unwrap(
      client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link' },
      }),
    );
    sides.push({ client, code: promo.code, brandId: brand.id, campaignId: campaign.id, operator: op.client });
  }
  const event = (brand: string, visitId: string, id: string, type: string, amount?: string, currency?: string) => ({
    id,
    type,
    playerId: `p-${visitId}`,
    brand,
    ...(type === 'registration' ? { visitId } : {}),
    ...(amount ? { amount, currency } : {}),
    occurredAt: '2026-11-22T12:00:00Z',
  });
  const events = [];
  for (const [i, side] of sides.entries()) {
    for (const at of ['2026-11-21T10:00:00Z', '2026-11-22T10:00:00Z', '2026-11-22T11:00:00Z'])
      await click(side.code, at);
    const visit = await click(side.code, '2026-11-23T09:00:00Z');
    const currency = i === 1 ? 'USD' : 'EUR';
    events.push(
      event(side.brandId, visit, `r${i}`, 'registration'),
      event(side.brandId, visit, `f${i}`, 'first_deposit', '100.00', currency),
      event(side.brandId, visit, `d${i}`, 'deposit', '20.50', currency),
      event(side.brandId, visit, `n${i}`, 'ngr', i === 0 ? '-40.25' : '12.00', currency),
    );
    await unwrap(side.operator.v1.events.$post({ json: { events: events.splice(0) as never } }));
  }
  t.clock.set('2026-11-24T12:00:00Z');
  return {
    t,
    operatorA: { id: a.operator.id, client: a.client },
    operatorB: b.client,
    alice: sides[0]!.client,
    carol: sides[2]!.client,
    aliceCampaign: sides[0]!.campaignId,
  };
}

/** A text cell as the CSV writes it: behind an apostrophe when a spreadsheet would run it as a formula. */
export const neutralised = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** A CSV record back into the report's row shape: ids from `<g>Id`, names from `<g>`, amounts from `<metric> <CUR>`. */
export function rowFromCsv(record: Record<string, string>, report: Report) {
  const key: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const g of report.groupBy) {
    if (`${g}Id` in record) {
      key[g] = record[`${g}Id`]!;
      if (record[g]) labels[g] = record[g];
    } else key[g] = record[g]!;
  }
  const values: Record<string, unknown> = {};
  for (const m of report.metrics) {
    if ((AMOUNT_METRICS as readonly string[]).includes(m)) {
      const prefix = `${m} `;
      values[m] = Object.fromEntries(
        Object.entries(record)
          .filter(([h, v]) => h.startsWith(prefix) && v !== '')
          .map(([h, v]) => [h.slice(prefix.length), v]),
      );
    } else values[m] = record[m] === '' ? null : Number(record[m]);
  }
  return { key, labels, values };
}
