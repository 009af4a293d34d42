/** Who referred whom, upwards: billing pays each partner's referrers a share of what the partner earned. */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { partners } from './table.ts';

/**
 * Each partner's referrers, nearest first (level 1 = who referred the partner), at most `levels`
 * deep. One query per level; a chain that loops (only corrupted data could) stops where it repeats.
 */
export async function listReferrerChains(
  ctx: TenantRead,
  input: { partnerIds: Iterable<string>; levels: number },
): Promise<Map<string, string[]>> {
  const referrerOf = new Map<string, string | null>();
  let frontier = [...new Set(input.partnerIds)];
  for (let level = 0; level < input.levels && frontier.length > 0; level++) {
    const rows = await selectInChunks(
      frontier.filter((id) => !referrerOf.has(id)),
      (ids) =>
        ctx.db
          .select({ id: partners.id, referrer: partners.referrerPartnerId })
          .from(partners)
          .where(and(eq(partners.operatorId, ctx.operatorId), inArray(partners.id, ids))),
      ctx.maxBoundParams,
    );
    for (const row of rows) referrerOf.set(row.id, row.referrer);
    frontier = rows.flatMap((r) => (r.referrer && !referrerOf.has(r.referrer) ? [r.referrer] : []));
  }
  const chains = new Map<string, string[]>();
  for (const id of new Set(input.partnerIds)) {
    const chain: string[] = [];
    let at = referrerOf.get(id);
    while (at && chain.length < input.levels && !chain.includes(at) && at !== id) {
      chain.push(at);
      at = referrerOf.get(at);
    }
    chains.set(id, chain);
  }
  return chains;
}
