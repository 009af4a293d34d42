/** Names for the ids a report page shows (brands, plans, campaigns, promos, landings, creatives, traffic sources, partners). */
import type { TenantRead } from '../../lib/context.ts';
import { catalogNames } from '../catalog/service.ts';
import { campaignNames, promoTitles } from '../campaigns/service.ts';
import { partnerNames } from '../identity/partners.ts';
import type { Folded } from './report-values.ts';
import type { Grouping } from './schemas.ts';

const CATALOG = ['brand', 'plan', 'landing', 'creative', 'trafficSource'] as const;

/** Each row's labels: grouping → name, for groupings whose values are ids (unknown or empty ids get none). */
export async function labelRows(
  ctx: TenantRead,
  { rows, groupBy }: { rows: readonly Folded[]; groupBy: readonly Grouping[] },
) {
  const idsOf = (g: Grouping) => (groupBy.includes(g) ? rows.map((r) => r.key[g]!).filter(Boolean) : []);
  const catalog = await catalogNames(ctx, Object.fromEntries(CATALOG.map((g) => [g, idsOf(g)])));
  const names: Partial<Record<Grouping, Map<string, string>>> = {
    ...catalog,
    campaign: await campaignNames(ctx, idsOf('campaign')),
    promo: await promoTitles(ctx, idsOf('promo')),
    partner: await partnerNames(ctx, idsOf('partner')),
  };
  return rows.map((row) => {
    const labels: Record<string, string> = {};
    for (const g of groupBy) {
      const name = names[g]?.get(row.key[g] ?? '');
      if (name) labels[g] = name;
    }
    return labels;
  });
}
