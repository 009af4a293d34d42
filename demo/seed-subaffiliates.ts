/**
 * Demo sub-affiliates: a three-level referral tree under each operator's demo partner, so its
 * Sub-affiliates page has something to show. The demo partner gets an "invite" promo on its
 * brand's sub-affiliate landing; two level-1 partners came by that promo's tracking link (a click
 * each, counted in the statistics like any other), the rest signed up with a referral code only.
 * A level-1 and a level-2 sub-partner bring a few players (seed-subaffiliate-traffic.ts), so the
 * demo partner has sub-affiliate bills. Runs after seedTracking (it needs the demo partner's
 * campaigns, the landings and the plans).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { StoreContext } from '../core/lib/context.ts';
import { insertMany, insertManyAtomically } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { landings } from '../core/modules/catalog/table.ts';
import { campaigns, promos } from '../core/modules/campaigns/table.ts';
import { clickWriteParts, type ClickRow } from '../core/modules/tracking/click-writer.ts';
import { partners, users } from '../core/modules/identity/table.ts';
import { newReferralCode } from '../core/modules/identity/sign-up.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import { seedSubAffiliateTraffic } from './seed-subaffiliate-traffic.ts';

interface TreeNode {
  name: string;
  country: string;
  status: 'active' | 'pending';
  /** Days ago it signed up. */
  daysAgo: number;
  /** Came by the demo partner's invite link (level 1 only); else by referral code. */
  byLink?: boolean;
  children?: TreeNode[];
}

/** Level 1 under the demo partner, level 2 under them, level 3 under one of those. */
const TREES: Record<string, TreeNode[]> = {
  op_demo_luckyspin: [
    {
      name: 'Casino Compass',
      country: 'DE',
      status: 'active',
      daysAgo: 70,
      byLink: true,
      children: [
        {
          name: 'Bonus Hunters Berlin',
          country: 'DE',
          status: 'active',
          daysAgo: 45,
          children: [{ name: 'Slots Weekly', country: 'AT', status: 'pending', daysAgo: 6 }],
        },
        { name: 'Jackpot Journal', country: 'IE', status: 'active', daysAgo: 30 },
      ],
    },
    { name: 'Roulette Insider', country: 'GB', status: 'active', daysAgo: 52, byLink: true },
    { name: 'Spin Scouts', country: 'FI', status: 'pending', daysAgo: 3 },
  ],
  op_demo_northwind: [
    {
      name: 'Pip Academy',
      country: 'AE',
      status: 'active',
      daysAgo: 60,
      byLink: true,
      children: [
        {
          name: 'Chart Club Lagos',
          country: 'ZA',
          status: 'active',
          daysAgo: 35,
          children: [{ name: 'Swing Notes', country: 'SG', status: 'pending', daysAgo: 4 }],
        },
      ],
    },
    { name: 'Forex Signals Daily', country: 'MX', status: 'pending', daysAgo: 8 },
  ],
};

/** The demo partner's first campaign, its brand's sub-affiliate landing, and an invite promo on it. */
async function invitePromo(ctx: StoreContext, operatorId: string, partnerId: string, key: string) {
  const [campaign] = await ctx.db
    .select()
    .from(campaigns)
    .where(
      and(eq(campaigns.operatorId, operatorId), eq(campaigns.partnerId, partnerId), eq(campaigns.status, 'active')),
    )
    .orderBy(asc(campaigns.createdAt))
    .limit(1);
  if (!campaign) return null;
  const [landing] = await ctx.db
    .select({ id: landings.id })
    .from(landings)
    .where(
      and(
        eq(landings.operatorId, operatorId),
        eq(landings.brandId, campaign.brandId),
        eq(landings.audience, 'sub_affiliates'),
      ),
    );
  if (!landing) return null;
  const promo = {
    id: newId('promo', ctx.clock),
    operatorId,
    partnerId,
    campaignId: campaign.id,
    code: `${key}SUBAFF`.toUpperCase(),
    landingId: landing.id,
    creativeId: null,
    trafficSourceId: null,
    title: 'Partner program invite',
    promoCode: null,
    createdAt: campaign.createdAt,
  };
  await ctx.db.insert(promos).values(promo);
  return { promo, campaign };
}

export async function seedSubAffiliates(ctx: StoreContext, options: { maxParams?: number } = {}): Promise<void> {
  const day = 86_400_000;
  const now = ctx.clock.now().getTime();
  for (const demo of DEMO_OPERATORS) {
    const tree = TREES[demo.id];
    if (!tree) continue;
    const invite = await invitePromo(ctx, demo.id, demo.partnerId, demo.id.split('_').pop()!.slice(0, 2));
    const partnerRows: Array<typeof partners.$inferInsert> = [];
    const clickRows: ClickRow[] = [];
    const add = (node: TreeNode, referrerPartnerId: string) => {
      const id = newId('partner', ctx.clock);
      const createdAt = new Date(now - node.daysAgo * day);
      // The visit that led to the sign-up: a click on the invite link a few minutes before it.
      const click =
        node.byLink && invite
          ? {
              id: newId('v', ctx.clock),
              operatorId: demo.id,
              partnerId: demo.partnerId,
              campaignId: invite.campaign.id,
              promoId: invite.promo.id,
              brandId: invite.campaign.brandId,
              planId: invite.campaign.planId,
              landingId: invite.promo.landingId,
              creativeId: null,
              trafficSourceId: null,
              createdAt: new Date(createdAt.getTime() - 7 * 60_000),
              params: [],
              ipPrefix: '198.51.100.0/24',
              country: node.country,
              device: 'desktop',
              os: 'Windows',
              browser: 'Chrome',
              referrer: null,
              isBot: false,
              isUnique: true,
            }
          : null;
      if (click) clickRows.push(click);
      partnerRows.push({
        id,
        operatorId: demo.id,
        name: node.name,
        company: `${node.name} Ltd`,
        country: node.country,
        status: node.status,
        referrerPartnerId,
        referralCode: newReferralCode(),
        referredClickId: click?.id ?? null,
        referredCampaignId: click?.campaignId ?? null,
        referredPromoId: click?.promoId ?? null,
        createdAt,
      });
      for (const child of node.children ?? []) add(child, id);
    };
    for (const node of tree) add(node, demo.partnerId);
    await insertMany(ctx.db, partners, partnerRows, options);
    // Owners without a password: the demo signs in only as the demo partner.
    await insertMany(
      ctx.db,
      users,
      partnerRows.map((p) => ({
        id: newId('user', ctx.clock),
        operatorId: demo.id,
        partnerId: p.id!,
        email: `owner@${p.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        name: `${p.name} owner`,
        role: 'owner' as const,
        passwordHash: null,
        createdAt: p.createdAt,
      })),
      options,
    );
    if (clickRows.length) await insertManyAtomically(ctx.db, clickWriteParts(clickRows), options);
    // An active level-1 sub-partner and an active level-2 one under it bring players.
    const active = (referrer: string | undefined) =>
      partnerRows.find((p) => p.status === 'active' && referrer && p.referrerPartnerId === referrer);
    const level1 = active(demo.partnerId);
    const level2 = active(level1?.id);
    await seedSubAffiliateTraffic(
      ctx,
      { operatorId: demo.id, key: demo.id.split('_').pop()!, brand: demo.brands[0]! },
      [level1, level2].flatMap((p) =>
        p ? [{ id: p.id!, name: p.name, country: p.country ?? 'DE', createdAt: p.createdAt! }] : [],
      ),
      options,
    );
  }
}
