/**
 * What other modules may know of bills by id: a bill's period and brand, and a bill correction's
 * comment. The wallet names the bill each of its transactions came from with it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { selectInChunks } from '../../db/in-chunks.ts';
import type { TenantRead } from '../../lib/context.ts';
import { addDays } from '../../lib/time-zones.ts';
import { catalogNames } from '../catalog/service.ts';
import { billCorrections, bills } from './table.ts';

export interface BillSummary {
  id: string;
  /** The period's first and last local day (inclusive). */
  period: { from: string; to: string };
  brand: { id: string; name: string | null };
}

/**
 * The bill correction a ledger transfer posted, from its key (bill-actions.ts posts a correction
 * of an approved bill as `correction:<correction id>`); null for any other key.
 */
export const billCorrectionIdOfTransferKey = (key: string): string | null =>
  key.startsWith('correction:bcor_') ? key.slice('correction:'.length) : null;

/** Bills and bill corrections of this operator by id (ids not found are left out). Two or three queries. */
export async function billSummaries(
  ctx: TenantRead,
  input: { billIds: Iterable<string>; correctionIds?: Iterable<string> },
): Promise<{ bills: Map<string, BillSummary>; correctionComments: Map<string, string> }> {
  const rows = await selectInChunks(
    input.billIds,
    (chunk) =>
      ctx.db
        .select({ id: bills.id, brandId: bills.brandId, periodStart: bills.periodStart, periodEnd: bills.periodEnd })
        .from(bills)
        .where(and(eq(bills.operatorId, ctx.operatorId), inArray(bills.id, chunk))),
    ctx.maxBoundParams,
  );
  const corrections = await selectInChunks(
    input.correctionIds ?? [],
    (chunk) =>
      ctx.db
        .select({ id: billCorrections.id, comment: billCorrections.comment })
        .from(billCorrections)
        .where(and(eq(billCorrections.operatorId, ctx.operatorId), inArray(billCorrections.id, chunk))),
    ctx.maxBoundParams,
  );
  const brands = rows.length ? (await catalogNames(ctx, { brand: rows.map((r) => r.brandId) })).brand : new Map();
  return {
    bills: new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          period: { from: r.periodStart, to: addDays(r.periodEnd, -1) },
          brand: { id: r.brandId, name: brands.get(r.brandId) ?? null },
        },
      ]),
    ),
    correctionComments: new Map(corrections.map((c) => [c.id, c.comment])),
  };
}
