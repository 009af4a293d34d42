/**
 * The editor's draft, the request bodies made from it (create, change, preview) and what a 422
 * on save says. Pure, so the element keeps only the flow.
 */
import { ApiError } from '../../internal/api-client.ts';
import { fieldErrorsOf } from '../../internal/account/account-section.ts';
import type { Locale } from '../../internal/i18n.ts';
import type {
  Postback,
  PostbackChange,
  PostbackInput,
  PostbackScope,
  PreviewInput,
  TemplateProblem,
} from '../../internal/postback/postback-types.ts';
import type { Draft } from './editor-fields.ts';
import { problemsFromErrors } from './template-marks.ts';

export interface Presets {
  scope: PostbackScope | null;
  campaignId: string | null;
  promoId: string | null;
}

/** A promo or campaign given by the page fixes the scope. */
export const fixedScopeOf = (p: Presets): PostbackScope | null =>
  p.promoId ? 'promo' : p.campaignId ? 'campaign' : null;

export function draftOf(postback: Postback | null, presets: Presets): Draft {
  if (postback) {
    const { scope, campaignId, promoId, action, method, bodyFormat, url, enabled } = postback;
    return {
      scope,
      campaignId: campaignId ?? '',
      promoId: promoId ?? '',
      action,
      method,
      bodyFormat: bodyFormat ?? 'form',
      url,
      enabled,
    };
  }
  return {
    scope: fixedScopeOf(presets) ?? presets.scope ?? 'account',
    campaignId: presets.campaignId ?? '',
    promoId: presets.promoId ?? '',
    action: 'registration',
    method: 'GET',
    bodyFormat: 'form',
    url: '',
    enabled: true,
  };
}

const bodyFormatOf = (d: Pick<Draft, 'method' | 'bodyFormat'>) => (d.method === 'POST' ? d.bodyFormat : null);

export function createBody(d: Draft): PostbackInput {
  const bodyFormat = bodyFormatOf(d);
  return {
    scope: d.scope,
    action: d.action,
    method: d.method,
    url: d.url.trim(),
    enabled: d.enabled,
    ...(bodyFormat ? { bodyFormat } : {}),
    ...(d.scope === 'campaign' ? { campaignId: d.campaignId } : {}),
    ...(d.scope === 'promo' ? { promoId: d.promoId } : {}),
  };
}

export const changeBody = (d: Draft): PostbackChange => ({
  url: d.url.trim(),
  method: d.method,
  bodyFormat: bodyFormatOf(d),
  enabled: d.enabled,
});

/** What the preview renders: the draft as typed, or a saved postback (a test sends the saved one). */
export function previewBody(source: Draft | Postback): PreviewInput {
  const bodyFormat = 'id' in source ? source.bodyFormat : bodyFormatOf(source);
  return {
    url: source.url.trim(),
    scope: source.scope,
    action: source.action,
    method: source.method,
    ...(bodyFormat ? { bodyFormat } : {}),
    ...(source.scope !== 'account' && source.campaignId ? { campaignId: source.campaignId } : {}),
    ...(source.scope === 'promo' && source.promoId ? { promoId: source.promoId } : {}),
  };
}

/** The form differs from the saved postback in what a test would send. */
export const isDirty = (d: Draft, p: Postback | null): boolean =>
  Boolean(p && (d.url.trim() !== p.url || d.method !== p.method || bodyFormatOf(d) !== p.bodyFormat));

export interface Refusal {
  /** The URL's problems, each at its position (`at <position>:` in the server's messages). */
  problems: TemplateProblem[];
  /** Messages for the campaign and promo pickers (by their input: `campaign`, `promo`). */
  fieldErrors: Record<string, string>;
  /** For the alert: the problem worded when nothing could be placed, else another field's message, or none. */
  message: string | null;
}

/** A 422 from create or change, sorted for showing; null for any other failure. */
export function refusalOf(error: unknown, locale: Locale): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const problems = problemsFromErrors(error.errors, locale);
  const { url: _url, campaignId, promoId, ...others } = fieldErrorsOf(error, locale);
  const fieldErrors = { ...(campaignId ? { campaign: campaignId } : {}), ...(promoId ? { promo: promoId } : {}) };
  const placed = problems.length > 0 || Object.keys(fieldErrors).length > 0;
  return { problems, fieldErrors, message: placed ? (Object.values(others)[0] ?? null) : error.localized(locale) };
}
