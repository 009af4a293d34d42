/**
 * `<kb-sign-up>`: the partner application form. Checks what it can before sending (in the
 * user's language), shows the server's 422 messages beside their fields, and on success shows
 * the server's answer: the account waits for the operator's approval.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk, type SignUpInput } from '../../internal/api-client.ts';
import { markdownBodyStyles } from '../../internal/markdown-body.styles.ts';
import { FormElement, PASSWORD_MIN_LENGTH } from '../../internal/form-element.ts';
import { formStyles } from '../../internal/form.styles.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import {
  answerName,
  answersToSend,
  blankAnswers,
  checkAnswers,
  questionsChanged,
  renderAnswerControl,
  type Answers,
  type RegistrationField,
} from '../../internal/registration-fields.ts';
import { browserCountry, countryOptions, type CountryOption } from './countries.ts';
import { signUpMessages, type SignUpKey } from './kb-sign-up.messages.ts';
import { renderPublishedTerms, renderTermsLink, type PublishedTerms, type TermsBox } from './terms-box.ts';

type TextField = 'name' | 'email' | 'password' | 'company' | 'messenger' | 'referralCode';
interface Values extends Record<TextField, string> {
  country: string;
  acceptTerms: boolean;
}
/** Empty optional fields are left out rather than sent as "". */
const optional = (value: string) => value.trim() || undefined;
const STANDARD = ['name', 'email', 'password', 'company', 'messenger', 'country'] as const;
/** The form's fields in order: the operator's own after the country; the terms checkbox only when there are terms. */
const fieldsOf = (terms: boolean, extra: readonly RegistrationField[]): string[] => [
  ...STANDARD,
  ...extra.map((f) => answerName(f.key)),
  ...(terms ? ['acceptTerms'] : []),
  'referralCode',
];

/**
 * Partner sign-up for the portal's operator. Place inside `<kb-portal>`. The referral code is
 * prefilled from `?ref=` in the page URL (visible and editable); the visit id of the sub-affiliate
 * link that led here (`?kb_vid=`) goes along with it unseen, so the referrer sees which of its
 * campaigns and promos brought the new partner (the server keeps it only if it is the referrer's
 * own click). When the operator's branding names
 * a terms page (`termsUrl`), a required checkbox links to it (new tab); without one there is none.
 * When the operator has published terms versions, they replace the link: the current version is
 * shown in a scrollable box above the checkbox, and the sign-up records which version was accepted.
 * The operator's own registration fields (text, select, checkbox) follow the country, in the
 * operator's order; their answers go with the sign-up. Without them the form cannot be sent (the
 * server would refuse it), so a failure to load them shows an error with a retry instead.
 *
 * @event kb-signed-up - The application was accepted and waits for approval. `detail: { partnerId }`.
 *
 * @csspart heading - Heading. @csspart intro - Explanation under it. @csspart form - The form.
 * @csspart field - A label with its input.
 * @csspart label - A label.
 * @csspart input - A text input (also `input-<field>`).
 * @csspart select - The country list and a select field. @csspart checkbox-field - A checkbox row (terms, the operator's boxes).
 * @csspart checkbox - A checkbox.
 * @csspart registration-field - One of the operator's own fields (also `registration-field-<key>`).
 * @csspart retry - Retry after the operator's fields failed to load.
 * @csspart terms-link - The link to the operator's terms, inside the checkbox's label.
 * @csspart terms-box - Published terms: their title and version (`terms-title`) and text (`body`, scrollable).
 * @csspart hint - Help under an input (the password rule…). @csspart field-error - A message under a field.
 * @csspart error - The form's alert. @csspart actions - Button row. @csspart submit - The submit button.
 * @csspart done - The success state.
 * @csspart success - What happens next (worded from the account's status).
 * @csspart status - Shown without a portal.
 *
 * @cssproperty --kb-color-primary - Button and checkbox. @cssproperty --kb-color-on-primary - Button text.
 * @cssproperty --kb-color-text, --kb-color-text-muted - Text.
 * @cssproperty --kb-color-border - Input borders.
 * @cssproperty --kb-color-bg - Input background.
 * @cssproperty --kb-color-danger, --kb-color-danger-bg - Errors. @cssproperty --kb-color-surface - The success notice.
 * @cssproperty --kb-color-link - The terms link.
 * @cssproperty --kb-radius-small - Corners. @cssproperty --kb-space-3 - Spacing. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color, --kb-focus-ring-width - Focus ring.
 */
export class KbSignUp extends FormElement {
  static override styles = [
    formStyles,
    markdownBodyStyles,
    css`
      [part~='terms-box'] { display: grid; gap: var(--_space-1, 4px); min-width: 0; }
      [part~='terms-title'] { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
      [part~='terms-box'] [part~='body'] {
        max-height: 14rem; overflow: auto; padding: 0 var(--_space-2, 8px); overflow-wrap: anywhere;
        border: 1px solid var(--_border); border-radius: var(--_radius-small, 4px);
      }
      [part~='terms-box'] [part~='body']:focus-visible { outline: var(--_ring); outline-offset: 1px; }
      [part~='terms-link'] { color: var(--_link); }
      [part~='terms-link']:focus-visible { outline: var(--_ring); outline-offset: 1px; }
    `,
  ];
  static override properties = {
    values: { state: true },
    done: { state: true },
    published: { state: true },
    extraFields: { state: true },
    fieldsError: { state: true },
    answers: { state: true },
  };

  declare protected values: Values;
  declare protected done: { partnerId: string; status: string } | null;
  /** The operator's current published terms (null: none, or not loaded yet). */
  declare protected published: PublishedTerms | null;
  private publishedFor: string | null = null;
  /** The operator's active registration fields (null: not loaded yet). */
  declare protected extraFields: RegistrationField[] | null;
  /** Why they could not be loaded (the form is replaced by this and a retry). */
  declare protected fieldsError: string | null;
  /** Answers to them by key. */
  declare protected answers: Answers;
  private fieldsFor: string | null = null;
  private fieldsLoading: Promise<void> | null = null;
  private countries: { locale: Locale; options: CountryOption[] } | null = null;
  /** The tracking click that brought the visitor (`?kb_vid=`, set by a sub-affiliate link's redirect). */
  private visitId: string | null = null;

  constructor() {
    super();
    this.values = {
      name: '',
      email: '',
      password: '',
      company: '',
      messenger: '',
      country: browserCountry(),
      acceptTerms: false,
      referralCode: '',
    };
    this.done = null;
    this.published = null;
    this.extraFields = null;
    this.fieldsError = null;
    this.answers = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const query = typeof location === 'undefined' ? null : new URLSearchParams(location.search);
    const ref = query?.get('ref');
    if (ref && !this.values.referralCode) this.values = { ...this.values, referralCode: ref.trim().slice(0, 40) };
    this.visitId = query?.get('kb_vid')?.trim().slice(0, 64) || null;
  }

  private t(key: SignUpKey, params?: MessageParams): string {
    return signUpMessages(this.locale, key, params);
  }

  /** The operator's terms page; null when it has none (then nothing here mentions terms). */
  private get termsUrl(): string | null {
    return this.published ? null : (this.portalConfig?.branding.termsUrl ?? null);
  }

  /** Whether a terms checkbox is shown: published terms, or the branding's terms page. */
  private get hasTerms(): boolean {
    return Boolean(this.published || this.termsUrl);
  }

  /** Loads the operator's current published terms (once per operator, again when they changed). */
  private async loadPublished(): Promise<void> {
    const api = this.api;
    const operatorId = this.operatorId;
    if (!api || !operatorId) return;
    this.publishedFor = operatorId;
    try {
      const body = await expectOk(api.client.v1.public.operators[':operatorId'].terms.$get({ param: { operatorId } }));
      if (this.operatorId === operatorId) this.published = body.current;
    } catch {
      // Without an answer the form falls back to the branding's terms page; the server still checks.
    }
  }

  /** Loads the operator's active registration fields (once per operator; again on retry). */
  private loadFields(): Promise<void> {
    const api = this.api;
    const operatorId = this.operatorId;
    if (!api || !operatorId) return Promise.resolve();
    this.fieldsFor = operatorId;
    this.fieldsError = null;
    const loading = (async () => {
      try {
        const body = await expectOk(
          api.client.v1.public.operators[':operatorId'].registration_fields.$get({ param: { operatorId } }),
        );
        if (this.operatorId !== operatorId) return;
        this.extraFields = body.data;
        // Keeps what was already answered when the list reloads.
        this.answers = { ...blankAnswers(body.data), ...this.answers };
      } catch (error) {
        if (this.operatorId !== operatorId) return;
        this.extraFields = null;
        this.fieldsError = error instanceof ApiError ? error.localized(this.locale) : this.t('network');
      }
    })();
    this.fieldsLoading = loading;
    return loading;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.countries?.locale !== this.locale)
      this.countries = { locale: this.locale, options: countryOptions(this.locale) };
    if (this.api && this.operatorId && this.publishedFor !== this.operatorId) void this.loadPublished();
    if (this.api && this.operatorId && this.fieldsFor !== this.operatorId) void this.loadFields();
  }

  protected override render(): TemplateResult {
    if (!this.api || !this.operatorId) return html`<p part="status" role="status">${this.t('waiting')}</p>`;
    if (this.done) {
      return html`<div part="done">
        <h2 part="heading" tabindex="-1" id="done-heading">${this.t('doneHeading')}</h2>
        <p part="success" role="status">${this.t(this.done.status === 'active' ? 'doneActive' : 'donePending')}</p>
      </div>`;
    }
    if (this.fieldsError) {
      return html`<h2 part="heading">${this.t('heading')}</h2>
        <div part="error" role="alert">${this.t('fieldsFailed', { reason: this.fieldsError })}</div>
        <div part="actions">
          <button part="submit retry" type="button" @click=${() => void this.loadFields()}>${this.t('retry')}</button>
        </div>`;
    }
    const min = PASSWORD_MIN_LENGTH;
    return html`<h2 part="heading">${this.t('heading')}</h2>
      <form part="form" novalidate @submit=${this.submit}>
        <p part="intro">${this.t('intro')}</p>
        ${this.renderError()}
        ${this.textField('name', 'text', 'name')}
        ${this.textField('email', 'email', 'email')}
        ${this.textField('password', 'password', 'new-password', this.t('passwordRule', { min }))}
        ${this.textField('company', 'text', 'organization')}
        ${this.textField('messenger', 'text', 'off', this.t('messengerHint'))}
        <div part="field">
          <label part="label" for="country">${this.t('country')}</label>
          <select part="select" id="country" name="country" required autocomplete="country"
            @change=${(e: Event) => this.set('country', (e.target as HTMLSelectElement).value)}
            aria-invalid=${this.invalid('country')} aria-describedby=${this.describedBy('country')}>
            <option value="" ?selected=${!this.values.country}>${this.t('chooseCountry')}</option>
            ${(this.countries?.options ?? []).map((c) => html`<option value=${c.code} ?selected=${c.code === this.values.country}>${c.name}</option>`)}
          </select>
          ${this.renderFieldError('country')}
        </div>
        ${(this.extraFields ?? []).map((field) =>
          renderAnswerControl(field, {
            locale: this.locale,
            value: this.answers[field.key] ?? null,
            error: this.fieldErrors[answerName(field.key)],
            idPrefix: 'fields.',
            onChange: (value) => {
              this.answers = { ...this.answers, [field.key]: value };
            },
          }),
        )}
        ${this.published ? renderPublishedTerms(this.termsBox(), this.published) : this.termsUrl ? renderTermsLink(this.termsBox(), this.termsUrl) : nothing}
        ${this.textField('referralCode', 'text', 'off', this.t('referralHint'))}
        <div part="actions">
          <button part="submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t(this.busy ? 'busy' : 'submit')}</button>
        </div>
      </form>`;
  }

  private termsBox(): TermsBox {
    return {
      t: (key, params) => this.t(key, params),
      checked: this.values.acceptTerms,
      onChange: (checked) => this.set('acceptTerms', checked),
      invalid: this.invalid('acceptTerms'),
      describedBy: this.describedBy('acceptTerms'),
      error: this.renderFieldError('acceptTerms'),
    };
  }

  private textField(name: TextField, type: string, autocomplete: string, hint?: string): TemplateResult {
    const required = name === 'name' || name === 'email' || name === 'password';
    return html`<div part="field">
      <label part="label" for=${name}>${this.t(name)}</label>
      <input part=${`input input-${name}`} id=${name} name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
        maxlength=${name === 'referralCode' ? 40 : name === 'password' ? 200 : 120}
        .value=${this.values[name]} @input=${(e: InputEvent) => this.set(name, (e.target as HTMLInputElement).value)}
        aria-invalid=${this.invalid(name)} aria-describedby=${this.describedBy(name, Boolean(hint))} />
      ${hint ? html`<p part="hint" id=${`${name}-hint`}>${hint}</p>` : nothing}
      ${this.renderFieldError(name)}
    </div>`;
  }

  private set<K extends keyof Values>(field: K, value: Values[K]): void {
    this.values = { ...this.values, [field]: value };
  }

  /** Our own checks, so the common mistakes read in the user's language; the server checks again. */
  private check(v: Values): Record<string, string> {
    const min = PASSWORD_MIN_LENGTH;
    const errors: Record<string, string> = {};
    if (!v.name.trim()) errors.name = this.t('nameRequired');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = this.t('emailInvalid');
    if (v.password.length < min) errors.password = this.t('passwordShort', { min });
    if (!v.country) errors.country = this.t('countryRequired');
    if (this.hasTerms && !v.acceptTerms) errors.acceptTerms = this.t('termsRequired');
    return { ...errors, ...checkAnswers(this.extraFields ?? [], this.answers, this.locale) };
  }

  private readonly submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const api = this.api;
    const operatorId = this.operatorId;
    if (this.busy || !api || !operatorId) return;
    // Sent early, the form waits for the operator's fields, so their required ones are checked here too.
    if (!this.extraFields) {
      this.busy = true;
      await this.fieldsLoading;
      this.busy = false;
    }
    const extra = this.extraFields;
    if (!extra) return; // they failed to load: the form shows that with a retry
    const v = this.values;
    const terms = this.hasTerms;
    const published = this.published;
    const fields = fieldsOf(terms, extra);
    const problems = this.check(v);
    const first = fields.find((f) => problems[f]);
    this.fieldErrors = problems;
    this.error = first ? this.t('fixFields') : null;
    if (first) return this.focusAfterRender(`#${CSS.escape(first)}`);
    const json: SignUpInput = {
      name: v.name.trim(),
      email: v.email.trim(),
      password: v.password,
      country: v.country,
      locale: this.locale,
      // Sent only when there are terms to accept (the check above made sure they are).
      ...(published ? { acceptTermsVersion: published.id } : terms ? { acceptTerms: true } : {}),
      company: optional(v.company),
      messenger: optional(v.messenger),
      referralCode: optional(v.referralCode),
      // Only with a referral code: a visit credits the referrer, never a sign-up without one.
      ...(this.visitId && optional(v.referralCode) ? { visitId: this.visitId } : {}),
      ...(extra.length > 0 ? { fields: answersToSend(extra, this.answers, { clearEmpty: false }) } : {}),
    };
    this.busy = true;
    try {
      const result = await expectOk(
        api.client.v1.public.operators[':operatorId'].sign_up.$post({ param: { operatorId }, json }),
      );
      // Worded here from the status, in the partner's language (the API's `message` is English).
      this.done = { partnerId: result.partnerId, status: result.status };
      this.values = { ...this.values, password: '' };
      this.focusAfterRender('#done-heading');
      this.emit('kb-signed-up', { partnerId: result.partnerId });
    } catch (error) {
      if (error instanceof ApiError && error.errors.some((f) => f.path === 'body.acceptTermsVersion')) {
        // The operator published new terms meanwhile: show them and ask again.
        await this.loadPublished();
        this.values = { ...this.values, acceptTerms: false };
        this.fieldErrors = { acceptTerms: this.t('termsChanged') };
        this.error = this.t('fixFields');
        return this.focusAfterRender('#acceptTerms');
      }
      if (questionsChanged(error, extra)) {
        // The operator changed its questions meanwhile (one added or withdrawn): show the current ones, ask again.
        await this.loadFields();
        this.showFailure(error, fieldsOf(terms, this.extraFields ?? []), this.t('network'));
        this.error = this.t('fieldsChanged');
        return;
      }
      // Without the checkbox, a problem with terms (added since the config loaded) is worded in the alert.
      this.showFailure(error, fields, this.t('network'), this.t('fixFields'));
    } finally {
      this.busy = false;
    }
  };
}
