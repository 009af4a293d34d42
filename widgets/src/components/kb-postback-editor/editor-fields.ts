/**
 * The scope, action and method fields of `<kb-postback-editor>`. A saved postback's scope and
 * action are facts (the server changes neither); a scope preset by the page (a campaign's or a
 * promo's own postbacks) is fixed; otherwise the partner picks account, campaign or promo.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import type { Campaign, Promo } from '../../internal/campaign/campaign-types.ts';
import { ACTION_LABELS, SCOPE_LABELS, actionHint } from '../../internal/postback/postback-labels.ts';
import {
  POSTBACK_ACTIONS,
  POSTBACK_SCOPES,
  type BodyFormat,
  type Postback,
  type PostbackAction,
  type PostbackMethod,
  type PostbackScope,
} from '../../internal/postback/postback-types.ts';
import type { EditorKey } from './kb-postback-editor.messages.ts';

export interface Draft {
  scope: PostbackScope;
  campaignId: string;
  promoId: string;
  action: PostbackAction;
  method: PostbackMethod;
  bodyFormat: BodyFormat;
  url: string;
  enabled: boolean;
}

export interface FieldsView {
  locale: Locale;
  m(key: EditorKey, params?: MessageParams): string;
  draft: Draft;
  postback: Postback | null;
  /** The page fixed the scope (`campaign-id` or `promo-id`). */
  fixedScope: PostbackScope | null;
  campaigns: Campaign[];
  /** The chosen campaign's promos; null until loaded. */
  promos: Promo[] | null;
  errors: Record<string, string>;
  disabled: boolean;
  onScope(scope: PostbackScope): void;
  onCampaign(id: string): void;
  onPromo(id: string): void;
  onAction(action: PostbackAction): void;
  onMethod(method: PostbackMethod): void;
  onFormat(format: BodyFormat): void;
}

function radios<T extends string>(
  v: FieldsView,
  o: {
    name: string;
    legend: string;
    values: readonly T[];
    label: (value: T) => string;
    current: T;
    onPick: (value: T) => void;
  },
): TemplateResult {
  return html`<fieldset part=${`fieldset ${o.name}-choice`}>
    <legend part="label">${o.legend}</legend>
    ${o.values.map(
      (value) => html`<label part="check">
      <input part="radio" type="radio" name=${o.name} value=${value} .checked=${live(value === o.current)} ?disabled=${v.disabled}
        @change=${() => o.onPick(value)} /> ${o.label(value)}</label>`,
    )}
  </fieldset>`;
}

export function renderScopeFields(v: FieldsView): TemplateResult {
  const { draft, postback, m } = v;
  const scopes = SCOPE_LABELS[v.locale];
  const actions = ACTION_LABELS[v.locale];
  if (postback) {
    const target = postback.promoId ?? postback.campaignId;
    return html`<dl part="facts postback-facts">
        <dt part="fact-label">${m('scope')}</dt>
        <dd part="fact-value scope-value">${scopes[postback.scope]}${target ? html` <code part="mono">${target}</code>` : nothing}</dd>
        <dt part="fact-label">${m('action')}</dt><dd part="fact-value action-value">${actions[postback.action]}</dd>
      </dl>
      <p part="hint fixed-note">${m('fixedNote')}</p>`;
  }
  return html`${
    v.fixedScope
      ? html`<dl part="facts postback-facts">
      <dt part="fact-label">${m('scope')}</dt>
      <dd part="fact-value scope-value">${m(v.fixedScope === 'promo' ? 'scope.fixedPromo' : 'scope.fixedCampaign')}</dd>
    </dl>`
      : html`${radios(v, { name: 'scope', legend: m('scope'), values: POSTBACK_SCOPES, label: (s) => scopes[s], current: draft.scope, onPick: v.onScope })}
      ${draft.scope === 'account' ? html`<p part="hint scope-hint">${m('scope.accountHint')}</p>` : nothing}
      ${draft.scope !== 'account' ? renderTargets(v) : nothing}`
  }
    ${selectField({
      id: 'postback-action',
      name: 'action',
      label: m('action'),
      value: draft.action,
      disabled: v.disabled,
      hint: actionHint(v.locale, draft.action),
      options: POSTBACK_ACTIONS.map((a) => [a, actions[a]] as const),
      onChange: (a) => v.onAction(a as PostbackAction),
    })}`;
}

function renderTargets(v: FieldsView): TemplateResult {
  const { draft, m } = v;
  if (v.campaigns.length === 0) return html`<p part="hint no-campaigns">${m('noCampaigns')}</p>`;
  return html`${selectField({
    id: 'postback-campaign',
    name: 'campaignId',
    label: m('campaign'),
    value: draft.campaignId,
    disabled: v.disabled,
    error: v.errors.campaign,
    options: [['', m('choose')], ...v.campaigns.map((c) => [c.id, c.name] as const)],
    onChange: v.onCampaign,
  })}
    ${
      draft.scope === 'promo' && draft.campaignId && v.promos
        ? selectField({
            id: 'postback-promo',
            name: 'promoId',
            label: m('promo'),
            value: draft.promoId,
            disabled: v.disabled,
            error: v.errors.promo,
            options: [
              ['', m('choose')],
              ...v.promos.map((p) => [p.id, p.promoCode ? `${p.title} (${p.promoCode})` : p.title] as const),
            ],
            onChange: v.onPromo,
          })
        : nothing
    }`;
}

export function renderMethodFields(v: FieldsView): TemplateResult {
  const { draft, m } = v;
  return html`${radios(v, { name: 'method', legend: m('method'), values: ['GET', 'POST'] as const, label: (x) => x, current: draft.method, onPick: v.onMethod })}
    ${
      draft.method === 'POST'
        ? radios(v, {
            name: 'bodyFormat',
            legend: m('bodyFormat'),
            values: ['form', 'json'] as const,
            label: (f) => m(`format.${f}`),
            current: draft.bodyFormat,
            onPick: v.onFormat,
          })
        : nothing
    }`;
}
