/**
 * Shapes of the partner campaign routes, taken from the typed client so a server change breaks
 * the campaign widgets at compile time. Shared by <kb-campaigns>, <kb-campaign-wizard>,
 * <kb-campaign-detail>, <kb-creatives> and <kb-conversions>.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type Partner = KabinetClient['v1']['partner'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type Catalog = BodyOf<Partner['catalog']['$get']>;
export type Plan = Catalog['plans'][number];
export type Landing = Catalog['landings'][number];
export type Audience = Landing['audience'];
export type Creative = BodyOf<Partner['creatives']['$get']>['data'][number];
export type CreativeQuery = NonNullable<Parameters<Partner['creatives']['$get']>[0]>['query'];
export type Campaign = BodyOf<Partner['campaigns']['$get']>['data'][number];
export type CampaignQuery = NonNullable<Parameters<Partner['campaigns']['$get']>[0]>['query'];
export type CampaignStatus = Campaign['status'];
export type CampaignDetail = BodyOf<Partner['campaigns'][':campaignId']['$get']>;
export type Promo = CampaignDetail['promos'][number];
export type PlayerEventEntry = BodyOf<Partner['events']['$get']>['data'][number];
export type PlayerEventQuery = NonNullable<Parameters<Partner['events']['$get']>[0]>['query'];

export const AUDIENCES = ['players', 'sub_affiliates'] as const satisfies readonly Audience[];

/** A filter form's fields as trimmed strings, empty ones left out (the client drops undefined). */
export function formValues(form: HTMLFormElement): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) out[key] = text;
  }
  return out;
}
