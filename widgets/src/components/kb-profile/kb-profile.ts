/**
 * `<kb-profile>`: the signed-in user's profile: account facts, the partner's referral code, and
 * a form for personal details, language, default report currency, email notifications and
 * (owner/admin only) company details. Saving sends only the fields that changed. When the
 * program has registration fields, a "Program questions" part shows the partner's answers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { LOCALES, LOCALE_NAMES, type MessageParams } from '../../internal/i18n.ts';
import { CURRENCY_CODES } from '../../../../core/lib/money.ts';
import { AccountSection, fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { EMAIL_TOPICS, isManager, type Profile } from '../../internal/account/account-types.ts';
import { profileMessages, type ProfileKey } from './kb-profile.messages.ts';
import { profileChanges, readProfileForm } from './profile-changes.ts';
import { profileStyles } from './kb-profile.styles.ts';
import { ProgramAnswers } from './program-answers.ts';

interface TextFieldOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  maxlength?: number;
}

/**
 * The user's profile and preferences. Must sit inside `<kb-portal>` (it reads the portal's
 * api, session and locale contexts); alone it shows a waiting note.
 *
 * @event kb-session-expired - A call answered 401; `detail: { reason: 'expired' }`. `<kb-portal>` renews or
 *   ends the session.
 *
 * @csspart heading - Section heading. @csspart subheading - Heading of each panel.
 * @csspart panel - A bordered group (`account`, `details`, `answers`: the program's questions, only when it has some).
 * @csspart facts - The account facts list (also the answers, for users who may not change them).
 * @csspart registration-field - One of the program's questions (also `registration-field-<key>`).
 * @csspart checkbox-field - A question's checkbox with its label. @csspart checkbox - That checkbox.
 * @csspart select - A question's list of options.
 * @csspart fact - One fact (also `fact-label`, `fact-value`). @csspart referral-code - The referral code.
 * @csspart form - The profile form. @csspart field - A label with its input. @csspart label - A field label.
 * @csspart input - A text input or select. @csspart hint - Help text. @csspart field-error - A field's error.
 * @csspart fieldset - The email notifications group. @csspart check - One checkbox with its label.
 * @csspart actions - The form buttons. @csspart button - Any button (also `primary`, `copy-button`, `save`, `save-answers`, `retry`).
 * @csspart copy-status - "Copied" note. @csspart success - Saved note. @csspart error - Error message.
 * @csspart status - Waiting and loading notes. @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and notes.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Panel and note backgrounds.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Primary button text. @cssproperty --kb-color-danger - Errors.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Panel corners.
 * @cssproperty --kb-radius-small - Input corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbProfile extends AccountSection {
  static override styles = [accountSectionStyles, profileStyles];
  static override properties = {
    profile: { state: true },
    loading: { state: true },
    loadError: { state: true },
    saving: { state: true },
    formError: { state: true },
    fieldErrors: { state: true },
    notice: { state: true },
  };

  declare private profile: Profile | null;
  declare private loading: boolean;
  declare private loadError: string | null;
  declare private saving: boolean;
  declare private formError: string | null;
  declare private fieldErrors: Record<string, string>;
  declare private notice: string | null;
  /** The "Program questions" part: the partner's answers to the operator's registration fields. */
  private readonly answers = new ProgramAnswers(this, {
    locale: () => this.i18n.locale,
    m: (key) => (key === 'retry' ? this.tc('retry') : this.m(key)),
    errorMessage: (error) => this.errorMessage(error),
    focusAfterRender: (selector) => this.focusAfterRender(selector),
  });

  constructor() {
    super();
    this.profile = null;
    this.loading = false;
    this.loadError = null;
    this.saving = false;
    this.formError = null;
    this.fieldErrors = {};
    this.notice = null;
  }

  private m(key: ProfileKey, params?: MessageParams): string {
    return profileMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    // A new user (or a retry) starts clean: never show the previous user's profile meanwhile.
    this.profile = null;
    this.notice = null;
    this.formError = null;
    this.fieldErrors = {};
    this.loading = true;
    this.loadError = null;
    void this.answers.load(api); // alongside; it shows its own failure
    try {
      this.profile = await expectOk(api.client.v1.partner.profile.$get());
    } catch (error) {
      this.loadError = this.errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { profile, api } = this;
    if (!profile || !api || this.saving) return;
    const values = readProfileForm(event.currentTarget as HTMLFormElement);
    this.notice = null;
    this.formError = null;
    this.fieldErrors = {};
    if (values.country !== undefined && values.country.trim() === '' && profile.partner.country) {
      this.showFieldErrors({ country: this.m('countryRequired') });
      return;
    }
    const patch = profileChanges(profile, values);
    if (Object.keys(patch).length === 0) {
      this.notice = this.m('unchanged');
      return;
    }
    this.saving = true;
    try {
      this.profile = await expectOk(api.client.v1.partner.profile.$patch({ json: patch }));
      this.notice = this.m('saved');
    } catch (error) {
      const message = this.errorMessage(error);
      const fields = fieldErrorsOf(error, this.i18n.locale);
      if (Object.keys(fields).length > 0) this.showFieldErrors(fields);
      else this.formError = message;
    } finally {
      this.saving = false;
    }
  }

  /** Shows messages beside their fields and moves focus to the first one, so keyboard users land on it. */
  private showFieldErrors(fields: Record<string, string>): void {
    this.fieldErrors = fields;
    this.formError = this.m('fixFields');
    this.focusAfterRender('[aria-invalid="true"]');
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const heading = html`<h2 part="heading">${this.m('heading')}</h2>`;
    if (!this.profile)
      return html`${heading}${this.loadError ? this.renderLoadError(this.loadError) : this.renderLoading()}`;
    return html`${heading}${this.renderAccount(this.profile)}${this.renderForm(this.profile)}
      ${this.answers.render(isManager(this.profile.user.role))}`;
  }

  private renderAccount(profile: Profile): TemplateResult {
    return html`<section part="panel account" aria-labelledby="profile-account">
      <h3 part="subheading" id="profile-account">${this.m('account')}</h3>
      <dl part="facts">
        ${fact(this.m('email'), profile.user.email)}
        ${fact(this.m('role'), this.tc(`role.${profile.user.role}`))}
        ${fact(this.m('partnerStatus'), this.m(`status.${profile.partner.status}`))}
        ${fact(
          this.m('referralCode'),
          html`<code part="referral-code">${profile.partner.referralCode}</code>
          ${this.renderCopy('referral', profile.partner.referralCode, this.m('copyCode'))}`,
        )}
      </dl>
      <p part="hint">${this.m('referralHint')}</p>
    </section>`;
  }

  private renderForm(profile: Profile): TemplateResult {
    const manager = isManager(profile.user.role);
    const currencyName = displayNames(this.i18n.locale, 'currency');
    return html`<section part="panel details" aria-labelledby="profile-details">
      <h3 part="subheading" id="profile-details">${this.m('details')}</h3>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.formError ?? nothing}</div>
      <form part="form" novalidate @submit=${this.save} aria-busy=${this.saving ? 'true' : 'false'}>
        ${this.renderText('name', this.m('name'), profile.user.name, { autocomplete: 'name', maxlength: 120 })}
        ${this.renderText('messenger', this.m('messenger'), profile.messenger ?? '', { hint: this.m('messengerHint'), maxlength: 120 })}
        ${this.renderText('phone', this.m('phone'), profile.phone ?? '', { type: 'tel', autocomplete: 'tel', maxlength: 24 })}
        ${this.renderSelect(
          'locale',
          this.m('locale'),
          profile.user.locale,
          LOCALES.map((l) => [l, LOCALE_NAMES[l]]),
        )}
        ${this.renderSelect(
          'defaultCurrency',
          this.m('currency'),
          profile.defaultCurrency,
          CURRENCY_CODES.map((code) => [code, labelCurrency(code, currencyName)]),
          this.m('currencyHint'),
        )}
        <fieldset part="fieldset" aria-describedby=${this.fieldErrors.emailPreferences ? 'profile-emailPreferences-error' : nothing}>
          <legend part="label">${this.m('emails')}</legend>
          ${EMAIL_TOPICS.map(
            (topic) => html`<div part="check">
            <input type="checkbox" id=${`profile-email-${topic}`} name=${`email-${topic}`} .checked=${Boolean(profile.emailPreferences[topic])} />
            <label for=${`profile-email-${topic}`}>${this.m(`topic.${topic}`)}</label>
          </div>`,
          )}
          ${this.renderFieldError('emailPreferences')}
        </fieldset>
        ${manager ? this.renderCompanyInputs(profile) : this.renderCompanyText(profile)}
        <div part="actions">
          <button part="button primary save" type="submit" ?disabled=${this.saving}>${this.saving ? this.m('saving') : this.m('save')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderCompanyInputs(profile: Profile): TemplateResult {
    return html`${this.renderText('company', this.m('company'), profile.partner.company ?? '', { autocomplete: 'organization', maxlength: 120 })}
      ${this.renderText('country', this.m('country'), profile.partner.country ?? '', { autocomplete: 'country', maxlength: 2 })}`;
  }

  private renderCompanyText(profile: Profile): TemplateResult {
    const country = profile.partner.country;
    const countryName = country ? displayNames(this.i18n.locale, 'region')?.(country) : undefined;
    return html`<dl part="facts company">
        ${fact(this.m('company'), profile.partner.company ?? this.tc('none'))}
        ${fact(this.m('country'), country ? (countryName && countryName !== country ? `${country} (${countryName})` : country) : this.tc('none'))}
      </dl>
      <p part="hint">${this.m('companyReadOnly')}</p>`;
  }

  private renderText(name: string, label: string, value: string, options: TextFieldOptions = {}): TemplateResult {
    const id = `profile-${name}`;
    const error = this.fieldErrors[name];
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field">
      <label part="label" for=${id}>${label}</label>
      <input part="input" id=${id} name=${name} type=${options.type ?? 'text'} .value=${value}
        autocomplete=${options.autocomplete ?? 'off'} maxlength=${options.maxlength ?? nothing}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
      ${options.hint ? html`<p part="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${this.renderFieldError(name)}
    </div>`;
  }

  private renderSelect(
    name: string,
    label: string,
    value: string,
    options: Array<readonly [string, string]>,
    hint?: string,
  ): TemplateResult {
    const id = `profile-${name}`;
    const error = this.fieldErrors[name];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field">
      <label part="label" for=${id}>${label}</label>
      <select part="input" id=${id} name=${name} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}>
        ${options.map(([code, text]) => html`<option value=${code} .selected=${code === value}>${text}</option>`)}
      </select>
      ${hint ? html`<p part="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${this.renderFieldError(name)}
    </div>`;
  }

  private renderFieldError(name: string): TemplateResult | typeof nothing {
    const error = this.fieldErrors[name];
    return error ? html`<p part="field-error" id=${`profile-${name}-error`}>${error}</p>` : nothing;
  }
}

function fact(label: string, value: TemplateResult | string): TemplateResult {
  return html`<div part="fact"><dt part="fact-label">${label}</dt><dd part="fact-value">${value}</dd></div>`;
}

/** Intl.DisplayNames where the browser has it; codes alone otherwise. */
function displayNames(locale: string, type: 'currency' | 'region'): ((code: string) => string | undefined) | null {
  try {
    const names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
    return (code) => {
      try {
        return names.of(code);
      } catch {
        return undefined; // not an ISO code the browser knows (USDT has four letters)
      }
    };
  } catch {
    return null;
  }
}

function labelCurrency(code: string, name: ((code: string) => string | undefined) | null): string {
  const full = name?.(code);
  return full && full !== code ? `${code} — ${full}` : code;
}
