/**
 * `<kb-campaign-wizard>`: creates a campaign and its first promo (tracking link) in three steps,
 * or, with `campaign-id`, adds a promo to that campaign (steps 2 and 3 only). Finish creates the
 * campaign, then the promo, and shows the tracking link and HTML code to copy.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { type CampaignDetail, type Catalog, type Landing, type Promo } from '../../internal/campaign/campaign-types.ts';
import { renderPromoLinks } from '../../internal/campaign/promo-links.ts';
import { wizardMessages, type WizardKey } from './kb-campaign-wizard.messages.ts';
import { wizardStyles } from './kb-campaign-wizard.styles.ts';
import {
  renderBannerStep,
  renderCampaignStep,
  renderLandingStep,
  type WizardValues,
  type WizardView,
} from './wizard-steps.ts';

type FormStep = 1 | 2 | 3;
/** Which step shows each field, so a server error sends the partner back to the right step. */
const STEP_FIELDS: Record<FormStep, readonly string[]> = {
  1: ['name', 'brandId', 'planId'],
  2: ['landingId', 'trafficSourceId'],
  3: ['creativeId', 'title', 'promoCode'],
};
const PROMO_CODE = /^[A-Za-z0-9_-]{3,40}$/;
const INVALID = '[aria-invalid="true"], [part~="field-error"][tabindex]';
const onlyId = (list: Array<{ id: string }>) => (list.length === 1 ? list[0]!.id : '');
const emptyValues = (): WizardValues => ({
  name: '',
  brandId: '',
  planId: '',
  audience: 'players',
  landingId: '',
  trafficSourceId: '',
  creativeId: undefined,
  title: '',
  promoCode: '',
});

/**
 * The campaign wizard. Must sit inside `<kb-portal>` (api, session and locale contexts). Only
 * owners and admins may use it; other roles see a note.
 *
 * @event kb-campaign-created - "Open campaign" after Finish; `detail: { campaignId, promoId }`.
 * @event kb-promo-created - A promo was added to `campaign-id`; `detail: { campaignId, promoId }`.
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The wizard's heading. @csspart subheading - A step's heading (also `step-heading`).
 * @csspart form - A step's form (also `step`). @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - An input or select (also `tracking-link`).
 * @csspart hint - Help text.
 * @csspart field-error - A field's error.
 * @csspart fieldset - The audience switch (also `audience`).
 * @csspart check - One audience option.
 * @csspart check-label - Its label.
 * @csspart radio - A radio button.
 * @csspart terms - The plan's terms in words (`terms-lines` of `term`; `scheduled-from` before a scheduled change).
 * @csspart gallery - The banner picker (`<kb-creatives>`).
 * @csspart result - The created promo. @csspart link-field - The tracking link. @csspart snippet-field - The HTML code.
 * @csspart snippet - The HTML code as text. @csspart copy-row - Copy button row. @csspart copy-status - "Copied".
 * @csspart actions - Buttons row.
 * @csspart button - Any button (also `primary`, `more`, `back`, `next`, `finish`, `open`, `copy-button`,
 *   `retry`).
 * @csspart empty - No landings.
 * @csspart note - Read-only note.
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Snippet and note backgrounds. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbCampaignWizard extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, wizardStyles];
  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    catalog: { state: true },
    campaign: { state: true },
    loadError: { state: true },
    step: { state: true },
    v: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
    result: { state: true },
    showTerms: { state: true },
  };

  /** Add a promo to this campaign instead of creating one. */
  declare campaignId: string | null;
  declare private catalog: Catalog | null;
  /** With `campaign-id`: the campaign (its brand and plan decide the landings). */
  declare private campaign: CampaignDetail | null;
  declare private loadError: string | null;
  declare private step: FormStep | 'done';
  declare private v: WizardValues;
  declare private errors: Record<string, string>;
  declare private formError: string | null;
  declare private busy: boolean;
  declare private result: Promo | null;
  declare private showTerms: boolean;
  /** Set once Finish created the campaign, so a failed promo is retried without a second campaign. */
  private createdCampaignId: string | null = null;
  /** The title follows the landing's name until the partner types their own. */
  private titleEdited = false;
  /** Only the latest load may write: `campaign-id` can change while an earlier load is in flight. */
  private loadSeq = 0;

  constructor() {
    super();
    this.campaignId = null;
    this.catalog = null;
    this.campaign = null;
    this.loadError = null;
    this.step = 1;
    this.v = emptyValues();
    this.errors = {};
    this.formError = null;
    this.busy = false;
    this.result = null;
    this.showTerms = false;
  }

  private m(key: WizardKey, params?: MessageParams): string {
    return wizardMessages(this.i18n.locale, key, params);
  }

  private get firstStep(): FormStep {
    return this.campaignId || this.createdCampaignId ? 2 : 1;
  }

  private get brandId(): string {
    return this.campaign?.brand.id ?? this.v.brandId;
  }

  private get subAffiliatesOff(): boolean {
    const planId = this.campaign?.plan.id ?? this.v.planId;
    return this.catalog?.plans.find((p) => p.id === planId)?.supportsSubAffiliates === false;
  }

  private get landings(): Landing[] {
    if (this.v.audience === 'sub_affiliates' && this.subAffiliatesOff) return [];
    return (this.catalog?.landings ?? []).filter((l) => l.brandId === this.brandId && l.audience === this.v.audience);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another campaign after the first load: start over for it.
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined && this.api && this.ready)
      void this.load(this.api);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.catalog = null;
    this.campaign = null;
    this.loadError = null;
    this.result = null;
    this.errors = {};
    this.formError = null;
    this.createdCampaignId = null;
    this.titleEdited = false;
    this.showTerms = false;
    this.v = emptyValues();
    this.step = this.firstStep;
    if (!this.canWrite) return;
    const { campaignId } = this;
    const seq = ++this.loadSeq;
    try {
      const [catalog, campaign] = await Promise.all([
        expectOk(api.client.v1.partner.catalog.$get()),
        campaignId ? expectOk(api.client.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId } })) : null,
      ]);
      if (seq !== this.loadSeq) return;
      // A single brand or plan is chosen for the partner: there is nothing to pick.
      this.v = {
        ...this.v,
        brandId: campaign?.brand.id ?? onlyId(catalog.brands),
        planId: campaign?.plan.id ?? onlyId(catalog.plans),
      };
      this.campaign = campaign;
      this.catalog = catalog;
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = this.errorMessage(error);
    }
  }

  private set = (patch: Partial<WizardValues>): void => {
    if ('title' in patch) this.titleEdited = patch.title !== '';
    const next = { ...this.v, ...patch };
    if ('landingId' in patch && !this.titleEdited)
      next.title = this.catalog?.landings.find((l) => l.id === next.landingId)?.name ?? '';
    this.v = next;
    const errors = { ...this.errors };
    for (const key of Object.keys(patch)) delete errors[key];
    this.errors = errors;
  };

  private validate(step: FormStep): Record<string, string> {
    const { v } = this;
    const errors: Record<string, string> = {};
    const text = (key: 'name' | 'title') => {
      const value = v[key].trim();
      if (!value) errors[key] = this.c('required');
      else if (value.length > 120) errors[key] = this.m('tooLong');
    };
    if (step === 1) {
      text('name');
      if (!v.brandId) errors.brandId = this.c('required');
      if (!v.planId) errors.planId = this.c('required');
    } else if (step === 2) {
      if (!v.landingId) errors.landingId = this.c('required');
    } else {
      if (v.creativeId === undefined) errors.creativeId = this.m('pickCreative');
      text('title');
      if (v.promoCode.trim() && !PROMO_CODE.test(v.promoCode.trim())) errors.promoCode = this.m('promoCodeFormat');
    }
    return errors;
  }

  private go(step: FormStep): void {
    this.step = step;
    this.formError = null;
    this.focusAfterRender('#wizard-step');
  }

  private next = (event: SubmitEvent): void => {
    event.preventDefault();
    const { step, api } = this;
    if (this.busy || step === 'done' || !api) return;
    this.errors = this.validate(step);
    this.formError = null;
    if (Object.keys(this.errors).length > 0) {
      this.formError = this.m('fix');
      this.focusAfterRender(INVALID);
    } else if (step === 3) {
      void this.finish(api);
    } else {
      this.go((step + 1) as FormStep);
    }
  };

  private async finish(api: ApiClient): Promise<void> {
    const { v } = this;
    this.busy = true;
    try {
      let campaignId = this.campaignId ?? this.createdCampaignId;
      if (!campaignId) {
        const campaign = await expectOk(
          api.client.v1.partner.campaigns.$post({
            json: { name: v.name.trim(), brandId: v.brandId, planId: v.planId },
          }),
        );
        campaignId = this.createdCampaignId = campaign.id;
      }
      const promo = await expectOk(
        api.client.v1.partner.campaigns[':campaignId'].promos.$post({
          param: { campaignId },
          json: {
            landingId: v.landingId,
            creativeId: v.creativeId ?? null,
            trafficSourceId: v.trafficSourceId || null,
            title: v.title.trim(),
            promoCode: v.promoCode.trim() || null,
          },
        }),
      );
      this.result = promo;
      this.step = 'done';
      this.focusAfterRender('#wizard-step');
      if (this.campaignId) this.emit('kb-promo-created', { campaignId, promoId: promo.id });
    } catch (error) {
      const message = this.errorMessage(error);
      const fields = fieldErrorsOf(error, this.i18n.locale);
      const step = ([1, 2, 3] as const).find((s) => STEP_FIELDS[s].some((f) => fields[f]));
      this.errors = fields;
      if (step) {
        this.step = Math.max(step, this.firstStep) as FormStep;
        this.formError = this.createdCampaignId && !this.campaignId ? this.m('campaignSaved') : this.m('fix');
        this.focusAfterRender(INVALID);
      } else {
        this.formError = message;
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const heading = html`<h2 part="heading">${this.m(this.campaignId ? 'headingPromo' : 'heading')}</h2>`;
    if (!this.canWrite) return html`${heading}<p part="note">${this.c('readOnly')}</p>`;
    if (!this.catalog)
      return html`${heading}${this.loadError ? this.renderLoadError(this.loadError) : this.renderLoading()}`;
    if (this.step === 'done') return html`${heading}${this.result ? this.renderResult(this.result) : nothing}`;
    const { step } = this;
    const first = this.campaignId ? 2 : 1;
    const view: WizardView = {
      v: this.v,
      errors: this.errors,
      catalog: this.catalog,
      landings: this.landings,
      subAffiliatesOff: this.subAffiliatesOff,
      showTerms: this.showTerms,
      locale: this.i18n.locale,
      m: this.m.bind(this),
      c: this.c.bind(this),
      set: this.set,
      toggleTerms: () => {
        this.showTerms = !this.showTerms;
      },
    };
    return html`${heading}
      <form part="form step" novalidate aria-labelledby="wizard-step" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.next}>
        <h3 part="subheading step-heading" id="wizard-step" tabindex="-1">${this.m('step', { n: step - first + 1, total: 4 - first, name: this.m(`step.${step}`) })}</h3>
        <div part="error" role="alert">${this.formError ?? nothing}</div>
        ${step === 1 ? renderCampaignStep(view) : step === 2 ? renderLandingStep(view) : renderBannerStep(view, this.brandId)}
        <div part="actions">
          ${step > this.firstStep ? html`<button part="button back" type="button" ?disabled=${this.busy} @click=${() => this.go((step - 1) as FormStep)}>${this.m('back')}</button>` : nothing}
          ${
            step === 3
              ? html`<button part="button primary finish" type="submit" ?disabled=${this.busy}>${this.busy ? this.m('creating') : this.m('finish')}</button>`
              : html`<button part="button primary next" type="submit">${this.m('next')}</button>`
          }
        </div>
      </form>`;
  }

  private renderResult(promo: Promo): TemplateResult {
    return html`<section part="result" aria-labelledby="wizard-step">
      <h3 part="subheading step-heading" id="wizard-step" tabindex="-1">${this.m('done')}</h3>
      <p part="hint">${this.m('doneHint')}</p>
      ${renderPromoLinks(
        promo,
        (key) => this.c(key),
        (key, text, label) => this.renderCopy(key, text, label),
      )}
      ${
        this.campaignId
          ? nothing
          : html`<div part="actions">
        <button part="button primary open" type="button"
          @click=${() => this.emit('kb-campaign-created', { campaignId: promo.campaignId, promoId: promo.id })}>${this.m('open')}</button>
      </div>`
      }
    </section>`;
  }
}
