/**
 * Sub-affiliates ("partner connections"): the partners a partner brought into the program, down
 * to SUB_AFFILIATE_MAX_LEVEL levels (level 1 signed up with its referral code, level 2 with a
 * level-1 partner's code, …), with what brought each (campaign and promo of the sign-up's click)
 * and the commission its referrer earns on them at that level.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { campaignNames, promoTitles } from '../campaigns/service.ts';
import { plansForPartner, subAffiliatePayers } from '../commissions/service.ts';
import { partnerExists } from './partners.ts';
import { SUB_AFFILIATE_MAX_LEVEL, type SubAffiliateQuerySchema } from './schemas.ts';
import type { PARTNER_STATUSES } from './table.ts';

type SubAffiliateQuery = z.infer<typeof SubAffiliateQuerySchema>;

interface TreeRow {
  id: string;
  name: string;
  status: (typeof PARTNER_STATUSES)[number];
  created_at: number;
  level: number;
  referred_campaign_id: string | null;
  referred_promo_id: string | null;
}

/**
 * One page of the tree under `rootId`, newest sign-up first. A recursive CTE walks
 * `referrer_partner_id` within the operator, bounded to the maximum level; a partner reachable
 * twice (only a corrupted chain could do that) counts at its nearest level, and the root never
 * counts as its own sub-affiliate.
 */
async function loadTreePage(ctx: TenantContext, input: { rootId: string; query: SubAffiliateQuery }) {
  const { rootId, query } = input;
  const cursor = query.before
    ? sql`and (p.created_at, p.id) < (select c.created_at, c.id from partners c
        where c.operator_id = ${ctx.operatorId} and c.id = ${query.before})`
    : sql``;
  return ctx.db.all<TreeRow>(sql`
    with recursive tree(id, level) as (
      select id, 1 from partners where operator_id = ${ctx.operatorId} and referrer_partner_id = ${rootId}
      union all
      select p.id, tree.level + 1 from partners p join tree on p.referrer_partner_id = tree.id
      where p.operator_id = ${ctx.operatorId} and tree.level < ${SUB_AFFILIATE_MAX_LEVEL}
    ),
    nearest as (select id, min(level) as level from tree where id <> ${rootId} group by id)
    select p.id, p.name, p.status, p.created_at, nearest.level,
      p.referred_campaign_id, p.referred_promo_id
    from nearest join partners p on p.id = nearest.id
    where p.operator_id = ${ctx.operatorId}
      ${query.level ? sql`and nearest.level = ${query.level}` : sql``}
      ${cursor}
    order by p.created_at desc, p.id desc
    limit ${query.limit + 1}`);
}

/** Each sub-affiliate level the referrer's paying plan pays for: level → [{ plan, percent }]. */
type Deals = Map<number, Array<{ planId: string; planName: string; percent: string }>>;

/**
 * The levels of the one plan billing pays the referrer's shares under (`subAffiliatePayers`), as its
 * terms read today: another plan offered with sub-affiliate terms pays nothing, so it is not listed.
 */
async function dealsByLevel(ctx: PartnerContext): Promise<Deals> {
  const [payerOf, plans] = await Promise.all([subAffiliatePayers(ctx), plansForPartner(ctx)]);
  const plan = plans.find((p) => p.id === payerOf(ctx.partner.partnerId));
  const deals: Deals = new Map();
  (plan?.current?.terms?.subAffiliate?.levels ?? []).forEach((percent, i) => {
    deals.set(i + 1, [{ planId: plan!.id, planName: plan!.name, percent }]);
  });
  return deals;
}

/** The id with its name, or null when there is no id or the row behind it is gone. */
function named<T>(id: string | null, names: Map<string, string>, shape: (id: string, name: string) => T): T | null {
  const name = id ? names.get(id) : undefined;
  return id && name !== undefined ? shape(id, name) : null;
}

async function presentPage(ctx: PartnerContext, query: SubAffiliateQuery) {
  const rows = await loadTreePage(ctx, { rootId: ctx.partner.partnerId, query });
  const page = rows.slice(0, query.limit);
  const [campaigns, promos, deals] = await Promise.all([
    campaignNames(ctx, new Set(page.flatMap((r) => r.referred_campaign_id ?? []))),
    promoTitles(ctx, new Set(page.flatMap((r) => r.referred_promo_id ?? []))),
    dealsByLevel(ctx),
  ]);
  return {
    data: page.map((r) => ({
      id: r.id,
      name: r.name,
      level: Number(r.level),
      status: r.status,
      signedUpAt: new Date(Number(r.created_at)).toISOString(),
      campaign: named(r.referred_campaign_id, campaigns, (id, name) => ({ id, name })),
      promo: named(r.referred_promo_id, promos, (id, title) => ({ id, title })),
      deals: deals.get(Number(r.level)) ?? [],
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The calling partner's sub-affiliates, newest first, optionally of one level. */
export async function listSubAffiliates(ctx: PartnerContext, query: SubAffiliateQuery) {
  return presentPage(ctx, query);
}

/** Any partner's sub-affiliates, as that partner sees them; another operator's partner is not found. */
export async function listPartnerSubAffiliates(ctx: TenantContext, input: { partnerId: string } & SubAffiliateQuery) {
  const { partnerId, ...query } = input;
  if (!(await partnerExists(ctx, partnerId))) throw notFound('Partner');
  // The deals are the plans offered to that partner; plansForPartner reads only the principal's
  // partner id, so the operator's view borrows a principal with no user and no session behind it.
  const asPartner: PartnerContext = {
    ...ctx,
    partner: {
      operatorId: ctx.operatorId,
      partnerId,
      userId: '',
      email: '',
      role: 'analyst',
      sessionId: '',
      kind: 'embed',
      transport: 'bearer',
      components: [],
    },
  };
  return presentPage(asPartner, query);
}
