/**
 * Plan labels for other modules' pages and reports (they never read the plans' tables). Kept
 * apart from service.ts so the catalog can name plans without importing the plans' operations.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { commissionPlans, type PLAN_KINDS } from './table.ts';

export interface PlanSummary {
  id: string;
  name: string;
  kind: (typeof PLAN_KINDS)[number];
}

/** A plan's id, name and kind as a scalar subquery for the caller's own select (null when none matches). */
export const planSummaryOf = (id: SQLWrapper): SQL<PlanSummary | null> =>
  // Nested in an outer sql`` so drizzle keeps the columns table-qualified.
  sql`${sql`(select json_object('id', ${commissionPlans.id}, 'name', ${commissionPlans.name},
    'kind', ${commissionPlans.kind}) from ${commissionPlans} where ${commissionPlans.id} = ${id})`}`.mapWith(
    (raw: string) => JSON.parse(raw) as PlanSummary,
  ) as SQL<PlanSummary | null>;

/** Plan ids to names, this operator's only; one query per chunk of ids. */
export async function planNames(ctx: TenantRead, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await selectInChunks(
    ids,
    (chunk) =>
      ctx.db
        .select({ id: commissionPlans.id, name: commissionPlans.name })
        .from(commissionPlans)
        .where(and(eq(commissionPlans.operatorId, ctx.operatorId), inArray(commissionPlans.id, chunk))),
    ctx.maxBoundParams,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
