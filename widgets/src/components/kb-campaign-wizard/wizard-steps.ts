/**
 * The wizard's three steps as templates: (1) campaign name, brand and commission plan with its
 * terms; (2) target audience, landing and optional traffic source; (3) banner from the gallery
 * (or the direct link), promo title and optional promo code. State lives in the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { renderPlanTerms } from '../../internal/campaign/plan-terms.ts';
import type { CampaignKey } from '../../internal/campaign/campaign.messages.ts';
import { selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import { AUDIENCES, type Audience, type Catalog, type Landing } from '../../internal/campaign/campaign-types.ts';
import type { WizardKey } from './kb-campaign-wizard.messages.ts';

export interface WizardValues {
  name: string;
  brandId: string;
  planId: string;
  audience: Audience;
  landingId: string;
  trafficSourceId: string;
  /** undefined: nothing picked yet; null: the direct link (no banner). */
  creativeId: string | null | undefined;
  title: string;
  promoCode: string;
}

export interface WizardView {
  v: WizardValues;
  errors: Record<string, string>;
  catalog: Catalog;
  /** The chosen brand's landings for the chosen audience. */
  landings: Landing[];
  /** The plan has no sub-affiliate program, so that audience has nothing to offer. */
  subAffiliatesOff: boolean;
  showTerms: boolean;
  locale: Locale;
  m(key: WizardKey, params?: MessageParams): string;
  c(key: CampaignKey, params?: MessageParams): string;
  set(patch: Partial<WizardValues>): void;
  toggleTerms(): void;
}

const options = (first: readonly [string, string], list: ReadonlyArray<{ id: string; name: string }>) => [
  first,
  ...list.map((item) => [item.id, item.name] as const),
];

/** A field's message where no input carries it (focusable, so the wizard can move focus there). */
const loneError = (id: string, error: string | undefined) =>
  error ? html`<p part="field-error" id=${`wizard-${id}-error`} tabindex="-1">${error}</p>` : nothing;

export function renderCampaignStep(w: WizardView): TemplateResult {
  const { v, m, c, errors, catalog } = w;
  const plan = catalog.plans.find((p) => p.id === v.planId);
  const choose = ['', m('choose')] as const;
  return html`
    ${textField({ id: 'wizard-name', name: 'name', label: c('name'), value: v.name, error: errors.name, maxlength: 120, onInput: (name) => w.set({ name }) })}
    ${selectField({
      id: 'wizard-brandId',
      name: 'brandId',
      label: c('brand'),
      value: v.brandId,
      error: errors.brandId,
      options: options(choose, catalog.brands),
      onChange: (brandId) => w.set({ brandId, landingId: '', creativeId: undefined }),
    })}
    ${selectField({
      id: 'wizard-planId',
      name: 'planId',
      label: c('plan'),
      value: v.planId,
      error: errors.planId,
      options: options(choose, catalog.plans),
      onChange: (planId) => w.set({ planId, landingId: '' }),
    })}
    ${
      plan
        ? html`<div part="actions">
      <button part="button more" type="button" aria-label=${`${m('more')}: ${plan.name}`} aria-expanded=${w.showTerms ? 'true' : 'false'}
        aria-controls="wizard-terms" @click=${w.toggleTerms}>${m('more')}</button>
    </div>
    <div id="wizard-terms" part="terms" ?hidden=${!w.showTerms}>
      ${renderPlanTerms(plan, w.locale)}
    </div>`
        : nothing
    }`;
}

export function renderLandingStep(w: WizardView): TemplateResult {
  const { v, m, c, errors } = w;
  return html`<fieldset part="fieldset audience">
      <legend part="label">${c('audience')}</legend>
      ${AUDIENCES.map(
        (audience) => html`<div part="check">
        <input part="radio" type="radio" name="audience" id=${`wizard-audience-${audience}`} value=${audience}
          .checked=${live(v.audience === audience)} @change=${() => w.set({ audience, landingId: '' })} />
        <label part="check-label" for=${`wizard-audience-${audience}`}>${c(`audience.${audience}`)}</label>
      </div>`,
      )}
    </fieldset>
    ${
      w.landings.length > 0
        ? selectField({
            id: 'wizard-landingId',
            name: 'landingId',
            label: c('landing'),
            value: v.landingId,
            error: errors.landingId,
            options: options(['', m('choose')], w.landings),
            onChange: (landingId) => w.set({ landingId }),
          })
        : html`<p part="empty">${m(w.subAffiliatesOff ? 'noSubLandings' : 'noLandings')}</p>${loneError('landingId', errors.landingId)}`
    }
    ${selectField({
      id: 'wizard-trafficSourceId',
      name: 'trafficSourceId',
      label: c('trafficSource'),
      value: v.trafficSourceId,
      error: errors.trafficSourceId,
      hint: c('tsOnce'),
      options: options(['', m('noSource')], w.catalog.trafficSources),
      onChange: (trafficSourceId) => w.set({ trafficSourceId }),
    })}`;
}

export function renderBannerStep(w: WizardView, brandId: string): TemplateResult {
  const { v, m, c, errors } = w;
  return html`${loneError('creativeId', errors.creativeId)}
    <kb-creatives part="gallery" selectable brand-id=${brandId || nothing} .selected=${v.creativeId}
      @kb-creative-selected=${(e: Event) => w.set({ creativeId: (e as CustomEvent<{ creativeId: string | null }>).detail.creativeId })}></kb-creatives>
    ${textField({ id: 'wizard-title', name: 'title', label: c('promoTitle'), value: v.title, error: errors.title, maxlength: 120, onInput: (title) => w.set({ title }) })}
    ${textField({
      id: 'wizard-promoCode',
      name: 'promoCode',
      label: c('promoCode'),
      value: v.promoCode,
      error: errors.promoCode,
      hint: m('promoCodeHint'),
      maxlength: 40,
      onInput: (promoCode) => w.set({ promoCode }),
    })}`;
}
