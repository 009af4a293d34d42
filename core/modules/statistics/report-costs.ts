/**
 * Costs in reports. The operator uploads a cost per campaign and date, so a cost belongs to a
 * date, a campaign and what a campaign fixes (partner, brand, plan): reports grouped or filtered
 * by anything finer (hours, promos, countries…) show no cost rather than a made-up share. A
 * cost's date is a calendar date: it counts on that date in any time zone.
 */
import type { TenantRead } from '../../lib/context.ts';
import { campaignAttributesOf } from '../campaigns/service.ts';
import { campaignCostsBetween } from '../conversions/service.ts';
import { dayLabel, type DateRange, type TimeGrouping } from './periods.ts';
import type { Attribute } from './report-sql.ts';
import { addAmount, emptyFolded, rowKey, type AmountMetric, type Folded } from './report-values.ts';
import type { Grouping } from './schemas.ts';

const COST_ATTRIBUTES: ReadonlySet<Attribute> = new Set(['partner', 'brand', 'plan', 'campaign']);

export function costApplies(
  grouping: { time: TimeGrouping | null; attributes: Attribute[] },
  filters: Partial<Record<Attribute, string[]>>,
): boolean {
  return (
    grouping.time !== 'hour' &&
    grouping.attributes.every((a) => COST_ATTRIBUTES.has(a)) &&
    (Object.keys(filters) as Attribute[]).every((a) => COST_ATTRIBUTES.has(a))
  );
}

/** An amount that belongs to a calendar date and to attributes no finer than a campaign's. */
export interface PlacedAmount {
  date: string;
  values: Partial<Record<Attribute, string>>;
  currency: string;
  amountMinor: number;
}

/**
 * Adds amounts to the rows they belong to (a row with such an amount and no traffic appears too):
 * by the date's period label and the grouped attributes' values, skipping what the filters exclude.
 */
export function placeAmounts(
  rows: Folded[],
  metric: AmountMetric,
  amounts: readonly PlacedAmount[],
  input: { time: TimeGrouping | null; filters: Partial<Record<Attribute, string[]>>; groupBy: readonly Grouping[] },
): Folded[] {
  const byKey = new Map(rows.map((r) => [JSON.stringify(r.key), r]));
  const attributes = input.groupBy.filter((g) => !TIME_GROUPINGS.has(g)) as Attribute[];
  const filters = Object.entries(input.filters) as Array<[Attribute, string[]]>;
  for (const amount of amounts) {
    if (filters.some(([a, allowed]) => !allowed.includes(amount.values[a] ?? ''))) continue;
    const label = input.time && input.time !== 'hour' ? dayLabel(input.time, amount.date) : '';
    const key = rowKey(
      input.groupBy,
      label,
      attributes.map((a) => amount.values[a] ?? ''),
    );
    const id = JSON.stringify(key);
    let row = byKey.get(id);
    if (!row) byKey.set(id, (row = emptyFolded(key)));
    if (amount.amountMinor !== 0) addAmount(row, metric, amount.currency, amount.amountMinor);
  }
  return [...byKey.values()];
}
const TIME_GROUPINGS: ReadonlySet<string> = new Set(['hour', 'day', 'week', 'month', 'year']);

/** What adding amounts after the query needs: the folded rows and the report's question. */
export interface PlacingInput {
  rows: Folded[];
  range: DateRange;
  time: TimeGrouping | null;
  filters: Partial<Record<Attribute, string[]>>;
  groupBy: readonly Grouping[];
}

/** Adds the period's costs to the rows (a row with a cost and no traffic appears too). */
export async function addCosts(ctx: TenantRead, input: PlacingInput): Promise<Folded[]> {
  const costs = await campaignCostsBetween(ctx, {
    from: input.range.from,
    to: input.range.to,
    campaignIds: input.filters.campaign,
  });
  const campaigns = await campaignAttributesOf(
    ctx,
    costs.map((c) => c.campaignId),
  );
  const placed: PlacedAmount[] = [];
  for (const cost of costs) {
    const campaign = campaigns.get(cost.campaignId);
    if (!campaign) continue;
    placed.push({
      date: cost.date,
      values: {
        partner: campaign.partnerId,
        brand: campaign.brandId,
        plan: campaign.planId,
        campaign: cost.campaignId,
      },
      currency: cost.currency,
      amountMinor: cost.amountMinor,
    });
  }
  return placeAmounts(input.rows, 'cost', placed, input);
}
