/**
 * Turns a postback configuration and a trigger into the exact request to send: macro values
 * from the trigger, the click (its country and every custom parameter, under its own name) and
 * the campaign/promo names. POST postbacks move the query string into a form or JSON body.
 */
import type { TenantRead } from '../../lib/context.ts';
import { campaignNames, promoCodesOf } from '../campaigns/service.ts';
import { clickFacts, type ClickFacts } from '../tracking/service.ts';
import { renderPostbackUrl, type MacroValues } from './template.ts';
import type { postbackConfigs } from './table.ts';

export interface RenderContext {
  clicks: Map<string, ClickFacts>;
  campaignNames: Map<string, string>;
  promoCodes: Map<string, string | null>;
}

/** Everything the macros need for a set of triggers, in three queries. */
export async function loadRenderContext(
  ctx: TenantRead,
  refs: { clickIds: Iterable<string>; campaignIds: Iterable<string>; promoIds: Iterable<string> },
): Promise<RenderContext> {
  return {
    clicks: await clickFacts(ctx, refs.clickIds),
    campaignNames: await campaignNames(ctx, refs.campaignIds),
    promoCodes: await promoCodesOf(ctx, refs.promoIds),
  };
}

function decodeOnce(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A click's custom parameters by name (first occurrence), decoded once; broken encodings kept raw. */
export function customParameters(params: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const decode = decodeOnce;
  for (const [rawKey, rawValue] of params) {
    const key = decode(rawKey);
    if (!(key in out)) out[key] = decode(rawValue);
  }
  return out;
}

export interface TriggerFacts {
  partnerId: string;
  campaignId: string | null;
  promoId: string | null;
  clickId: string | null;
  action: string;
  /** Trigger-specific values: player_id, event_id, amount, currency, payout, status, occurred_at… */
  values: MacroValues;
  at: Date;
}

export interface RenderedRequest {
  url: string;
  method: 'GET' | 'POST';
  body: string | null;
  contentType: string | null;
}

export function renderPostbackRequest(
  config: Pick<typeof postbackConfigs.$inferSelect, 'urlTemplate' | 'method' | 'bodyFormat'>,
  trigger: TriggerFacts,
  context: RenderContext,
): RenderedRequest {
  const click = trigger.clickId ? context.clicks.get(trigger.clickId) : undefined;
  const values: MacroValues = {
    visit_id: trigger.clickId,
    promo_id: trigger.promoId,
    campaign_id: trigger.campaignId,
    partner_id: trigger.partnerId,
    campaign_name: trigger.campaignId ? (context.campaignNames.get(trigger.campaignId) ?? null) : null,
    promo_code: trigger.promoId ? (context.promoCodes.get(trigger.promoId) ?? null) : null,
    country: click?.country ?? null,
    action: trigger.action,
    timestamp: Math.floor(trigger.at.getTime() / 1000),
    ...trigger.values,
  };
  const url = wireUrl(
    renderPostbackUrl(config.urlTemplate.trim(), values, click ? customParameters(click.params) : {}),
  );
  if (config.method === 'GET') return { url, method: 'GET', body: null, contentType: null };
  const query = url.indexOf('?');
  const search = query < 0 ? '' : url.slice(query + 1);
  if (config.bodyFormat === 'json')
    return { url, method: 'POST', body: JSON.stringify(jsonBody(search)), contentType: 'application/json' };
  return { url, method: 'POST', body: search, contentType: 'application/x-www-form-urlencoded' };
}

/**
 * The URL as it goes on the wire (and so in the log): WHATWG-serialised (a raw space saved
 * before the rule becomes %20, `0x7f000001` becomes 127.0.0.1) without the fragment, which is
 * never sent. One that does not parse stays as rendered: the send-time guard refuses it.
 */
export function wireUrl(rendered: string): string {
  try {
    const url = new URL(rendered);
    url.hash = '';
    return url.href;
  } catch {
    return rendered;
  }
}

/** A query string as a JSON object; a repeated key (`x=1&x=2`) keeps every value, as an array. */
export function jsonBody(search: string): Record<string, string | string[]> {
  // A Map, then fromEntries: a key named `__proto__` stays a plain key.
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = fields.get(key);
    fields.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
  }
  return Object.fromEntries(fields);
}
