/**
 * Where a tracking code leads: the promo, its campaign and partner, the landing URL and the
 * brand's visit-id parameter. Looked up once and kept for a short while per app, since the
 * redirect is the hottest path and a promo's target changes rarely.
 */
import type { Db } from '../../db/client.ts';
import { findPromoByTrackingCode, type PromoAttributes } from '../campaigns/service.ts';

export interface PromoTarget {
  promoId: string;
  operatorId: string;
  partnerId: string;
  campaignId: string;
  /** What statistics count the promo's clicks under. */
  attributes: PromoAttributes;
  landingUrl: string;
  visitParam: string;
  /** Sub-affiliate landings lead to the program's sign-up carrying the partner's referral code. */
  referralCode: string | null;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

export function createPromoTargetCache(db: Db, now: () => number) {
  const cache = new Map<string, { target: PromoTarget | null; until: number }>();
  return {
    async resolve(code: string): Promise<PromoTarget | null> {
      const hit = cache.get(code);
      if (hit && hit.until > now()) return hit.target;
      const promo = await findPromoByTrackingCode({ db }, code);
      const target: PromoTarget | null = promo
        ? {
            promoId: promo.promoId,
            operatorId: promo.operatorId,
            partnerId: promo.partnerId,
            campaignId: promo.campaignId,
            attributes: promo.attributes,
            landingUrl: promo.landing.url,
            visitParam: promo.landing.visitParam,
            referralCode: promo.landing.audience === 'sub_affiliates' ? promo.partnerReferralCode : null,
          }
        : null;
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(code, { target, until: now() + TTL_MS });
      return target;
    },
    forget(code: string) {
      cache.delete(code);
    },
  };
}

/**
 * The visit-id parameter a sub-affiliate landing always gets besides the brand's own: the sign-up
 * form (`<kb-sign-up>`) reads this fixed name, since it cannot know each brand's parameter.
 */
export const SIGN_UP_VISIT_PARAM = 'kb_vid';

/**
 * The landing URL with the visit id added, keeping the landing's own query and fragment. A
 * sub-affiliate landing (a referral code) also gets `ref` and the visit id under
 * SIGN_UP_VISIT_PARAM, so the sign-up can record which campaign and promo brought the partner.
 */
export function landingWithVisit(
  landingUrl: string,
  visitParam: string,
  visitId: string,
  referralCode: string | null = null,
): string {
  // Every click of a link builds the same URL but for the visit id: parse it once per link and
  // fill the id into the kept text. An id is letters, digits and `_`, which the query writes as is.
  const key = `${landingUrl}\n${visitParam}\n${referralCode ?? ''}`;
  if (!/^\w+$/.test(visitId) || key.includes(VISIT_MARK))
    return buildLanding(landingUrl, visitParam, visitId, referralCode);
  let pieces = landingPieces.get(key);
  if (!pieces) {
    if (landingPieces.size >= LANDINGS_KEPT) landingPieces.clear();
    pieces = buildLanding(landingUrl, visitParam, VISIT_MARK, referralCode).split(VISIT_MARK);
    landingPieces.set(key, pieces);
  }
  return pieces.join(visitId);
}

/** Stands for the visit id in a kept landing URL (text no real landing URL holds). */
const VISIT_MARK = 'KbVisitMark7q';
const LANDINGS_KEPT = 4096;
const landingPieces = new Map<string, string[]>();

function buildLanding(landingUrl: string, visitParam: string, visitId: string, referralCode: string | null): string {
  const url = new URL(landingUrl);
  url.searchParams.set(visitParam, visitId);
  if (referralCode) {
    url.searchParams.set('ref', referralCode);
    url.searchParams.set(SIGN_UP_VISIT_PARAM, visitId);
  }
  return url.toString();
}
