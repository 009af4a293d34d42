/**
 * A report's commissions: the bills (billing's own figures) whose period starts in the report's
 * range, for its partner, brand and plan filters. Bills are per partner, brand, plan and period, so
 * a report grouped or filtered by anything finer (a campaign, a country, a day…) has no commission
 * figure: null, and the report says why rather than showing a share the bills do not hold.
 */
import type { TenantContext, TenantRead } from '../../lib/context.ts';
import { listBillCommissions, sumCommissions, type CommissionTotals } from '../billing/commission-totals.ts';
import type { DateRange, TimeGrouping } from './periods.ts';
import { placeAmounts, type PlacingInput } from './report-costs.ts';
import type { Attribute } from './report-sql.ts';
import type { Folded } from './report-values.ts';

/** The commissions block: the counted bills' totals by kind, unless a filter is finer than bills are cut. */
export async function reportCommissions(
  ctx: TenantContext,
  input: { range: DateRange; filters: Partial<Record<Attribute, string[]>> },
): Promise<CommissionTotals | null> {
  const { filters } = input;
  if (!filtersHoldWholeBills(filters)) return null;
  return sumCommissions(ctx, {
    from: input.range.from,
    to: input.range.to,
    partnerIds: filters.partner,
    brandIds: filters.brand,
    planIds: filters.plan,
  });
}

const BILL_ATTRIBUTES: ReadonlySet<Attribute> = new Set(['partner', 'brand', 'plan']);
/** Periods a bill's period start places it in without pretending to split it: a monthly bill is a month's. */
const BILL_TIMES: ReadonlySet<TimeGrouping | null> = new Set([null, 'month', 'year']);

/** Whether a report's rows can carry commissions (and so profit, ROI and EPC): groupings and filters bills hold. */
export function commissionApplies(
  grouping: { time: TimeGrouping | null; attributes: Attribute[] },
  filters: Partial<Record<Attribute, string[]>>,
): boolean {
  return (
    BILL_TIMES.has(grouping.time) &&
    grouping.attributes.every((a) => BILL_ATTRIBUTES.has(a)) &&
    filtersHoldWholeBills(filters)
  );
}

/** Filters by partner, brand and plan only (the promo code's promo counts as a promo filter). */
const filtersHoldWholeBills = (filters: Partial<Record<Attribute, string[]>>) =>
  (Object.keys(filters) as Attribute[]).every((a) => BILL_ATTRIBUTES.has(a));

/** Adds each counted bill's commission to the row of its partner, brand, plan and the period its period starts in. */
export async function addCommissions(ctx: TenantRead, input: PlacingInput): Promise<Folded[]> {
  const billed = await listBillCommissions(ctx, {
    from: input.range.from,
    to: input.range.to,
    partnerIds: input.filters.partner,
    brandIds: input.filters.brand,
    planIds: input.filters.plan,
  });
  const placed = billed.map((b) => ({
    date: b.periodStart,
    values: { partner: b.partnerId, brand: b.brandId, plan: b.planId },
    currency: b.currency,
    amountMinor: b.amountMinor,
  }));
  return placeAmounts(input.rows, 'commission', placed, input);
}
