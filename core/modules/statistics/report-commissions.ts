/**
 * A report's commissions: the bills (billing's own figures) whose period starts in the report's
 * range, for its partner, brand and plan filters. Bills are per partner, brand, plan and period, so
 * a report filtered by anything finer (a campaign, a country…) has no commission figure: null, and
 * the report says why rather than showing a number the bills do not hold.
 */
import type { TenantContext } from '../../lib/context.ts';
import { sumCommissions, type CommissionTotals } from '../billing/commission-totals.ts';
import type { DateRange } from './periods.ts';
import type { ReportQuery } from './schemas.ts';

const FINER_FILTERS = [
  'campaignId',
  'promoId',
  'promoCode',
  'landingId',
  'creativeId',
  'trafficSourceId',
  'country',
  'device',
  'os',
] as const;

export async function reportCommissions(
  ctx: TenantContext,
  input: { query: ReportQuery; range: DateRange; partnerId: string | null },
): Promise<CommissionTotals | null> {
  const { query } = input;
  if (FINER_FILTERS.some((f) => (Array.isArray(query[f]) ? (query[f] as string[]).length > 0 : query[f]))) return null;
  return sumCommissions(ctx, {
    from: input.range.from,
    to: input.range.to,
    partnerIds: input.partnerId ? [input.partnerId] : query.partnerId,
    brandIds: query.brandId,
    planIds: query.planId,
  });
}
