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
import { addAmount, emptyFolded, rowKey, type Folded } from './report-values.ts';
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

/** Adds the period's costs to the rows (a row with a cost and no traffic appears too). */
export async function addCosts(
  ctx: TenantRead,
  input: {
    rows: Folded[];
    range: DateRange;
    time: TimeGrouping | null;
    filters: Partial<Record<Attribute, string[]>>;
    groupBy: readonly Grouping[];
  },
): Promise<Folded[]> {
  const costs = await campaignCostsBetween(ctx, {
    from: input.range.from,
    to: input.range.to,
    campaignIds: input.filters.campaign,
  });
  const campaigns = await campaignAttributesOf(
    ctx,
    costs.map((c) => c.campaignId),
  );
  const byKey = new Map(input.rows.map((r) => [JSON.stringify(r.key), r]));
  for (const cost of costs) {
    const campaign = campaigns.get(cost.campaignId);
    if (!campaign) continue;
    const values: Record<Attribute, string> = {
      partner: campaign.partnerId,
      brand: campaign.brandId,
      plan: campaign.planId,
      campaign: cost.campaignId,
    } as Record<Attribute, string>;
    const filtered = (Object.entries(input.filters) as Array<[Attribute, string[]]>).some(
      ([a, allowed]) => !allowed.includes(values[a]),
    );
    if (filtered) continue;
    const label = input.time && input.time !== 'hour' ? dayLabel(input.time, cost.date) : '';
    const attributes = input.groupBy.filter((g) => !['hour', 'day', 'week', 'month', 'year'].includes(g));
    const key = rowKey(
      input.groupBy,
      label,
      attributes.map((g) => values[g as Attribute] ?? ''),
    );
    const id = JSON.stringify(key);
    let row = byKey.get(id);
    if (!row) byKey.set(id, (row = emptyFolded(key)));
    if (cost.amountMinor !== 0) addAmount(row, 'cost', cost.currency, cost.amountMinor);
  }
  return [...byKey.values()];
}
