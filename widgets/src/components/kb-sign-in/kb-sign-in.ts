/**
 * `<kb-sign-in>`: email and password, then the 2FA code when the account has it, the locked
 * state, and "forgot password". The session it gets goes to the portal's `sessionHandler`
 * (tokens never travel in DOM events); the page hears `kb-signed-in` with the user only.
 */
import { html, type TemplateResult } from 'lit';
import { ApiError, expectOk, type SessionResult } from '../../internal/api-client.ts';
import { FormElement } from '../../internal/form-element.ts';
import { formStyles } from '../../internal/form.styles.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { signInMessages, type SignInKey } from './kb-sign-in.messages.ts';

type Step = 'credentials' | 'code' | 'locked' | 'forgot' | 'forgot-sent';
const CODE_PATTERN = /^\d{3}\s?\d{3}$/;
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Partner sign-in for the portal's operator. Place inside `<kb-portal>` (it reads the portal's
 * API client, configuration and locale); the portal shows it while nobody is signed in.
 *
 * @event kb-signed-in - Signed in. `detail: { user }`.
 *
 * @csspart heading - The step's heading. @csspart intro - Explanation under it.
 * @csspart form - The form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A text input (also `input-email`, `input-password`, `input-code`). @csspart hint - Help under an input.
 * @csspart field-error - A message under a field. @csspart error - The form's alert (wrong password, inactive account…).
 * @csspart actions - Button row. @csspart submit - The main button. @csspart link-button - Secondary actions (forgot password, back).
 * @csspart locked - The locked-account state. @csspart success - The "link sent" notice. @csspart status - Shown without a portal.
 *
 * @cssproperty --kb-color-primary - Buttons and links. @cssproperty --kb-color-on-primary - Button text.
 * @cssproperty --kb-color-text, --kb-color-text-muted - Text. @cssproperty --kb-color-border - Input borders. @cssproperty --kb-color-bg - Input background.
 * @cssproperty --kb-color-danger, --kb-color-danger-bg - Errors. @cssproperty --kb-color-surface - Notices.
 * @cssproperty --kb-radius-small - Corners. @cssproperty --kb-space-3 - Spacing. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color, --kb-focus-ring-width - Focus ring.
 */
export class KbSignIn extends FormElement {
  static override styles = formStyles;
  static override properties = {
    step: { state: true },
    email: { state: true },
    password: { state: true },
    code: { state: true },
  };

  /** Receives the session (set by `<kb-portal>`). */
  declare sessionHandler: ((session: SessionResult) => void) | null;
  protected declare step: Step;
  protected declare email: string;
  protected declare password: string;
  protected declare code: string;

  constructor() {
    super();
    this.sessionHandler = null;
    this.step = 'credentials';
    this.email = '';
    this.password = '';
    this.code = '';
  }

  private t(key: SignInKey, params?: MessageParams): string {
    return signInMessages(this.locale, key, params);
  }

  protected override render(): TemplateResult {
    if (!this.api || !this.operatorId) return html`<p part="status" role="status">${this.t('waiting')}</p>`;
    switch (this.step) {
      case 'credentials': return this.renderCredentials();
      case 'code': return this.renderCode();
      case 'locked': return this.renderLocked();
      case 'forgot': return this.renderForgot();
      case 'forgot-sent': return this.renderForgotSent();
    }
  }

  private renderCredentials(): TemplateResult {
    return html`<h2 part="heading">${this.t('heading')}</h2>
      <form part="form" novalidate @submit=${this.submitSignIn}>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="email">${this.t('email')}</label>
          <input part="input input-email" id="email" name="email" type="email" autocomplete="username" required
            .value=${this.email} @input=${(e: InputEvent) => { this.email = (e.target as HTMLInputElement).value; }}
            aria-invalid=${this.invalid('email')} aria-describedby=${this.describedBy('email')} />
          ${this.renderFieldError('email')}
        </div>
        <div part="field">
          <label part="label" for="password">${this.t('password')}</label>
          <input part="input input-password" id="password" name="password" type="password" autocomplete="current-password" required
            .value=${this.password} @input=${(e: InputEvent) => { this.password = (e.target as HTMLInputElement).value; }}
            aria-invalid=${this.invalid('password')} aria-describedby=${this.describedBy('password')} />
          ${this.renderFieldError('password')}
        </div>
        <div part="actions">
          ${this.renderSubmit('submit', 'busy')}
          <button part="link-button forgot" type="button" @click=${() => this.go('forgot', '#email')}>${this.t('forgot')}</button>
        </div>
      </form>`;
  }

  private renderCode(): TemplateResult {
    return html`<h2 part="heading">${this.t('codeHeading')}</h2>
      <form part="form" novalidate @submit=${this.submitSignIn}>
        <p part="intro">${this.t('codeIntro')}</p>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="code">${this.t('code')}</label>
          <input part="input input-code" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required
            .value=${this.code} @input=${(e: InputEvent) => { this.code = (e.target as HTMLInputElement).value; }}
            aria-invalid=${this.invalid('code')} aria-describedby=${this.describedBy('code', true)} />
          <p part="hint" id="code-hint">${this.t('codeHint')}</p>
          ${this.renderFieldError('code')}
        </div>
        <div part="actions">
          ${this.renderSubmit('verify', 'busy')}
          <button part="link-button" type="button" @click=${() => this.go('credentials', '#email')}>${this.t('otherAccount')}</button>
        </div>
      </form>`;
  }

  private renderLocked(): TemplateResult {
    return html`<div part="locked">
      <h2 part="heading" tabindex="-1" id="locked-heading">${this.t('lockedHeading')}</h2>
      <p part="error" role="alert">${this.t('lockedText')} ${this.t('lockedEmail')}</p>
      <div part="actions">
        <button part="link-button" type="button" @click=${() => this.go('credentials', '#password')}>${this.t('backToSignIn')}</button>
      </div>
    </div>`;
  }

  private renderForgot(): TemplateResult {
    return html`<h2 part="heading">${this.t('forgotHeading')}</h2>
      <form part="form" novalidate @submit=${this.submitReset}>
        <p part="intro">${this.t('forgotIntro')}</p>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="email">${this.t('email')}</label>
          <input part="input input-email" id="email" name="email" type="email" autocomplete="email" required
            .value=${this.email} @input=${(e: InputEvent) => { this.email = (e.target as HTMLInputElement).value; }}
            aria-invalid=${this.invalid('email')} aria-describedby=${this.describedBy('email')} />
          ${this.renderFieldError('email')}
        </div>
        <div part="actions">
          ${this.renderSubmit('sendLink', 'sending')}
          <button part="link-button" type="button" @click=${() => this.go('credentials', '#email')}>${this.t('backToSignIn')}</button>
        </div>
      </form>`;
  }

  private renderForgotSent(): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">${this.t('forgotHeading')}</h2>
      <p part="success" role="status">${this.t('resetSent', { email: this.email.trim() })}</p>
      <div part="actions">
        <button part="link-button" type="button" @click=${() => this.go('credentials', '#password')}>${this.t('backToSignIn')}</button>
      </div>`;
  }

  /** aria-disabled rather than disabled: the button keeps focus while the request runs. */
  private renderSubmit(label: SignInKey, busyLabel: SignInKey): TemplateResult {
    return html`<button part="submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.t(this.busy ? busyLabel : label)}</button>`;
  }

  private go(step: Step, focus: string): void {
    this.step = step;
    this.error = null;
    this.fieldErrors = {};
    this.focusAfterRender(step === 'locked' ? '#locked-heading' : focus);
  }

  private readonly submitSignIn = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const api = this.api;
    const operatorId = this.operatorId;
    if (this.busy || !api || !operatorId) return;
    const email = this.email.trim();
    const code = this.code.trim();
    if (!email || !this.password) return this.reject(this.t('missing'), email ? '#password' : '#email');
    if (this.step === 'code' && !CODE_PATTERN.test(code)) {
      this.fieldErrors = { code: this.t('codeInvalid') };
      return this.focusAfterRender('#code');
    }
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    try {
      const json = { email, password: this.password, transport: this.transport, ...(this.step === 'code' ? { code } : {}) };
      const session = await expectOk(api.client.v1.public.operators[':operatorId']['sign-in'].$post({ param: { operatorId }, json }));
      this.password = '';
      this.code = '';
      this.sessionHandler?.(session);
      this.emit('kb-signed-in', { user: session.user });
    } catch (error) {
      this.signInFailed(error);
    } finally {
      this.busy = false;
    }
  };

  private signInFailed(error: unknown): void {
    const code = error instanceof ApiError ? error.code : null;
    if (code === 'two_factor_required' && this.step !== 'code') return this.go('code', '#code');
    if (code === 'account_locked') return this.go('locked', '#locked-heading');
    if (code === 'two_factor_required' && error instanceof ApiError) {
      this.code = '';
      return this.reject(error.detail, '#code');
    }
    this.showFailure(error, ['email', 'password', 'code'], this.t('network'));
    if (this.error) this.focusAfterRender(this.step === 'code' ? '#code' : '#password');
  }

  private reject(message: string, focus: string): void {
    this.error = message;
    this.focusAfterRender(focus);
  }

  private readonly submitReset = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const api = this.api;
    const operatorId = this.operatorId;
    if (this.busy || !api || !operatorId) return;
    const email = this.email.trim();
    if (!looksLikeEmail(email)) {
      this.fieldErrors = { email: this.t('emailInvalid') };
      return this.focusAfterRender('#email');
    }
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    try {
      await expectOk(api.client.v1.public.operators[':operatorId']['password-reset'].$post({ param: { operatorId }, json: { email } }));
      this.go('forgot-sent', '[part~="heading"]');
    } catch (error) {
      this.showFailure(error, ['email'], this.t('network'));
    } finally {
      this.busy = false;
    }
  };
}
