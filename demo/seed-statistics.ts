/**
 * What the demo's reports convert with and weigh traffic against: exchange rates (the sample ECB
 * file, read by the importer's own parser, plus crypto rates the ECB does not publish) and the
 * operator's daily costs per campaign, uploaded as an operator uploads them, in the currency of
 * the campaign's brand. Runs after the traffic seed: costs follow each campaign's clicks.
 */
import { readFileSync } from 'node:fs';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { AppDeps } from '../core/http/deps.ts';
import { withTenant } from '../core/lib/context.ts';
import { formatMoney, money } from '../core/lib/money.ts';
import { campaigns } from '../core/modules/campaigns/table.ts';
import { uploadCosts } from '../core/modules/conversions/service.ts';
import { parseEcbRatesCsv } from '../core/modules/statistics/ecb-rates-csv.ts';
import { saveExchangeRates, type ExchangeRate } from '../core/modules/statistics/exchange-rates.ts';
import { clicks } from '../core/modules/tracking/table.ts';
import type { SeedDeps } from './seed-postbacks.ts';
import { demoAmountMinor, prng } from './seed-tracking.ts';

/** Illustrative euro reference rates in the ECB's eurofxref-hist.csv layout (business days, Aug–Dec 2026). */
export const DEMO_RATES_FILE = new URL('./rates/eurofxref-sample.csv', import.meta.url);

const DAY = 86_400_000;

/**
 * The demo's rates up to `today` (the ECB publishes none ahead): the sample file, and, because
 * ECB files have no crypto, illustrative USDT (the dollar's rate: a stablecoin) and weekly BTC rates.
 */
export function demoExchangeRates(today: string): ExchangeRate[] {
  const { rates } = parseEcbRatesCsv(readFileSync(DEMO_RATES_FILE, 'utf8'));
  const ecb = rates.filter((r) => r.date <= today);
  const usdt = ecb.filter((r) => r.currency === 'USD').map((r) => ({ ...r, currency: 'USDT' }));
  // Illustrative, not market data: a bitcoin at €80,000–95,000, each Monday, as BTC per euro (10 decimals).
  const mondays = [...new Set(ecb.map((r) => r.date))]
    .filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1)
    .sort();
  const btc = mondays.map((date, i) => {
    const euros = 87_500 + 5_500 * Math.sin(i / 2.7) + 1_800 * Math.sin(i * 1.9);
    const perEur = Math.round(1e10 / euros); // BTC per euro × 10^10, an integer
    return { date, currency: 'BTC', perEur: `0.${String(perEur).padStart(10, '0')}` };
  });
  return [...ecb, ...usdt, ...btc];
}

/**
 * Saves the demo rates for each operator, as `kabinet rates import` would (plus the crypto ones).
 * `latestOnly`: each currency's latest rate only, for a D1 binding, where saveExchangeRates' one
 * statement per rate costs milliseconds each (88 days of 25 currencies: ~20 s per operator).
 */
export async function seedExchangeRates(deps: SeedDeps, operatorIds: string[], latestOnly = false): Promise<void> {
  let rates = demoExchangeRates(deps.clock.now().toISOString().slice(0, 10));
  if (latestOnly) {
    const latest = new Map<string, ExchangeRate>();
    for (const r of rates) if ((latest.get(r.currency)?.date ?? '') < r.date) latest.set(r.currency, r);
    rates = [...latest.values()];
  }
  for (const operatorId of operatorIds) await saveExchangeRates(withTenant(deps, operatorId), rates);
}

/**
 * Each campaign's cost for each of the last 90 days before today that had human clicks: the
 * clicks at a cost per click around `cpcEuros`, in the campaign's brand currency. Uploaded through
 * the operator's cost upload (`uploadCosts`), at most 1,000 lines a call as the API takes them.
 */
export async function seedCosts(
  deps: SeedDeps,
  plan: { operatorId: string; brands: Array<{ id: string; currency: string }>; cpcEuros: number },
): Promise<void> {
  const random = prng(90_210);
  const today = Math.floor(deps.clock.now().getTime() / DAY) * DAY;
  const currencyOf = new Map(plan.brands.map((b) => [b.id, b.currency]));
  const mine = await deps.db
    .select({ id: campaigns.id, name: campaigns.name, brandId: campaigns.brandId, archivedAt: campaigns.archivedAt })
    .from(campaigns)
    .where(eq(campaigns.operatorId, plan.operatorId));
  const campaignOf = new Map(mine.map((c) => [c.id, c]));
  const day = sql<string>`strftime('%Y-%m-%d', ${clicks.createdAt} / 1000, 'unixepoch')`;
  const perDay = await deps.db
    .select({ campaignId: clicks.campaignId, day, clicks: count() })
    .from(clicks)
    .where(
      and(
        eq(clicks.operatorId, plan.operatorId),
        eq(clicks.isBot, false),
        gte(clicks.createdAt, new Date(today - 90 * DAY)),
        lt(clicks.createdAt, new Date(today)),
      ),
    )
    .groupBy(clicks.campaignId, day);
  // In the order of the campaigns' names (ids are random): the same draws for the same campaign each run.
  const name = (id: string) => campaignOf.get(id)?.name ?? id;
  perDay.sort((a, b) => name(a.campaignId).localeCompare(name(b.campaignId)) || a.day.localeCompare(b.day));
  const costs = perDay.flatMap((row) => {
    const campaign = campaignOf.get(row.campaignId);
    if (!campaign || (campaign.archivedAt && row.day > campaign.archivedAt.toISOString().slice(0, 10))) return [];
    const currency = currencyOf.get(campaign.brandId) ?? 'EUR';
    const euros = row.clicks * plan.cpcEuros * (0.8 + random() * 0.4);
    const amount = formatMoney(money(demoAmountMinor(currency, euros, false), currency));
    return [{ campaignId: row.campaignId, date: row.day, amount, currency }];
  });
  // The seed's deps carry what the upload reads (database, clock) as AppDeps does.
  const tenant = withTenant(deps as AppDeps, plan.operatorId);
  for (let i = 0; i < costs.length; i += 1000) await uploadCosts(tenant, { costs: costs.slice(i, i + 1000) });
}
