/**
 * The postbacks part of `<kb-campaign-detail>`: the campaign's own postbacks below its promos,
 * and each promo's count ("none" or how many) that opens that promo's postbacks. The elements
 * come from the postbacks chunk, imported on demand so the campaigns chunk does not carry it.
 */
import { html, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';

/** Defines `<kb-postbacks>` and friends; elements already rendered upgrade when it lands. */
export function loadPostbacksChunk(): void {
  import('../../sections/postbacks.ts').catch(() => undefined);
}

/** The campaign's promo postbacks counted per promo; null when they could not be loaded (the cards then just offer to show them). */
export async function promoPostbackCounts(api: ApiClient, campaignId: string): Promise<Record<string, number> | null> {
  try {
    const { data } = await expectOk(api.client.v1.partner.postbacks.$get({ query: { scope: 'promo', campaignId } }));
    const counts: Record<string, number> = {};
    for (const p of data) if (p.promoId) counts[p.promoId] = (counts[p.promoId] ?? 0) + 1;
    return counts;
  } catch {
    return null;
  }
}

/** The campaign's own (campaign-scope) postbacks; an archived campaign's are read-only (the server refuses changes). */
export function renderCampaignPostbacks(campaignId: string, archived: boolean): TemplateResult {
  return html`<kb-postbacks part="campaign-postbacks" campaign-id=${campaignId} ?read-only=${archived}></kb-postbacks>`;
}

/** A promo's postbacks, shown when its card's "Postbacks" is opened. */
export function renderPromoPostbacks(promoId: string, archived: boolean): TemplateResult {
  return html`<kb-postbacks part="promo-postbacks" id=${`promo-${promoId}-postbacks`} promo-id=${promoId} ?read-only=${archived}></kb-postbacks>`;
}
