/**
 * The whole sub-affiliate tree under the calling partner, level by level, for reports that sum over
 * it (the sub-affiliates report). Each member carries only what the partner's sub-affiliates list
 * already shows of it (id, display name, level, status, sign-up date). Bounded: a tree larger than
 * the cap comes back cut, nearest levels and newest sign-ups first, and says so.
 */
import { sql } from 'drizzle-orm';
import type { PartnerContext } from '../../lib/context.ts';
import { SUB_AFFILIATE_MAX_LEVEL } from './schemas.ts';
import type { PARTNER_STATUSES } from './table.ts';

/** Members a tree answer holds at most: sums over more would be slow, and no demo or test tree is near it. */
export const SUB_AFFILIATE_TREE_CAP = 5000;

export interface SubAffiliateMember {
  id: string;
  name: string;
  level: number;
  status: (typeof PARTNER_STATUSES)[number];
  signedUpAt: string;
}

interface MemberRow {
  id: string;
  name: string;
  status: (typeof PARTNER_STATUSES)[number];
  created_at: number;
  level: number;
}

/**
 * The caller's sub-affiliates, optionally of one level, nearest level first and newest sign-up
 * first within it. `complete` is false when the cap cut the tree. The walk is the sub-affiliates
 * list's own (a recursive CTE over `referrer_partner_id` within the operator, each partner at its
 * nearest level, never the root itself).
 */
export async function listSubAffiliateTree(
  ctx: PartnerContext,
  input: { level?: number | undefined; cap?: number | undefined },
): Promise<{ members: SubAffiliateMember[]; complete: boolean }> {
  const rootId = ctx.partner.partnerId;
  const cap = Math.min(input.cap ?? SUB_AFFILIATE_TREE_CAP, SUB_AFFILIATE_TREE_CAP);
  const rows = await ctx.db.all<MemberRow>(sql`
    with recursive tree(id, level) as (
      select id, 1 from partners where operator_id = ${ctx.operatorId} and referrer_partner_id = ${rootId}
      union all
      select p.id, tree.level + 1 from partners p join tree on p.referrer_partner_id = tree.id
      where p.operator_id = ${ctx.operatorId} and tree.level < ${SUB_AFFILIATE_MAX_LEVEL}
    ),
    nearest as (select id, min(level) as level from tree where id <> ${rootId} group by id)
    select p.id, p.name, p.status, p.created_at, nearest.level
    from nearest join partners p on p.id = nearest.id
    where p.operator_id = ${ctx.operatorId}
      ${input.level ? sql`and nearest.level = ${input.level}` : sql``}
    order by nearest.level, p.created_at desc, p.id desc
    limit ${cap + 1}`);
  return {
    members: rows.slice(0, cap).map((r) => ({
      id: r.id,
      name: r.name,
      level: Number(r.level),
      status: r.status,
      signedUpAt: new Date(Number(r.created_at)).toISOString(),
    })),
    complete: rows.length <= cap,
  };
}
