/**
 * `<kb-sign-in>`: email and password, then the 2FA code when the account has it (or one of the
 * recovery codes, for a partner who lost their phone), the locked state, and "forgot password".
 * The session it gets goes to the portal's `sessionHandler` (tokens never travel in DOM events);
 * the page hears `kb-signed-in` with the user only.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError, expectOk, type SessionResult } from '../../internal/api-client.ts';
import { FormElement } from '../../internal/form-element.ts';
import { formStyles } from '../../internal/form.styles.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { signInMessages, type SignInKey } from './kb-sign-in.messages.ts';

type Step = 'credentials' | 'code' | 'locked' | 'forgot' | 'forgot-sent';
/** What the code step asks for: the authenticator app's code, or a recovery code (`abcde-fghij`). */
type CodeMode = 'totp' | 'recovery';
const CODE_PATTERN = /^\d{3}\s?\d{3}$/;
/** The server's recovery-code shape (identity/schemas.ts SecondFactorSchema), repeated so the bundle needs no zod. */
const RECOVERY_PATTERN = /^[0-9a-z]{5}-[0-9a-z]{5}$/;
/** Codes are handed out lower-case with a hyphen; a code read aloud or retyped may lose either. */
const normaliseRecoveryCode = (value: string) => {
  const compact = value.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-z]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
};
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Partner sign-in for the portal's operator. Place inside `<kb-portal>` (it reads the portal's
 * API client, configuration and locale); the portal shows it while nobody is signed in.
 *
 * @event kb-signed-in - Signed in. `detail: { user }`.
 *
 * @csspart heading - The step's heading. @csspart intro - Explanation under it.
 * @csspart form - The form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A text input (also `input-email`, `input-password`, `input-code`).
 * @csspart hint - Help under an input.
 * @csspart field-error - A message under a field.
 * @csspart error - The form's alert (wrong password, inactive account…).
 * @csspart actions - Button row.
 * @csspart submit - The main button.
 * @csspart link-button - Secondary actions (forgot password, back).
 * @csspart code-mode - The link-button switching the code step between the app's code and a recovery code.
 * @csspart locked - The locked-account state.
 * @csspart success - The "link sent" notice.
 * @csspart status - Shown without a portal.
 *
 * @cssproperty --kb-color-primary - Buttons and links. @cssproperty --kb-color-on-primary - Button text.
 * @cssproperty --kb-color-text, --kb-color-text-muted - Text.
 * @cssproperty --kb-color-border - Input borders.
 * @cssproperty --kb-color-bg - Input background.
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
    codeMode: { state: true },
  };

  /** Receives the session (set by `<kb-portal>`). */
  declare sessionHandler: ((session: SessionResult) => void) | null;
  declare protected step: Step;
  declare protected email: string;
  declare protected password: string;
  declare protected code: string;
  declare protected codeMode: CodeMode;

  constructor() {
    super();
    this.sessionHandler = null;
    this.step = 'credentials';
    this.email = '';
    this.password = '';
    this.code = '';
    this.codeMode = 'totp';
  }

  private t(key: SignInKey, params?: MessageParams): string {
    return signInMessages(this.locale, key, params);
  }

  protected override render(): TemplateResult {
    if (!this.api || !this.operatorId) return html`<p part="status" role="status">${this.t('waiting')}</p>`;
    switch (this.step) {
      case 'credentials':
        return this.renderCredentials();
      case 'code':
        return this.renderCode();
      case 'locked':
        return this.renderLocked();
      case 'forgot':
        return this.renderForgot();
      case 'forgot-sent':
        return this.renderForgotSent();
    }
  }

  private renderCredentials(): TemplateResult {
    return html`<h2 part="heading">${this.t('heading')}</h2>
      <form part="form" novalidate @submit=${this.submitSignIn}>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="email">${this.t('email')}</label>
          <input part="input input-email" id="email" name="email" type="email" autocomplete="username" required
            .value=${this.email} @input=${(e: InputEvent) => {
              this.email = (e.target as HTMLInputElement).value;
            }}
            aria-invalid=${this.invalid('email')} aria-describedby=${this.describedBy('email')} />
          ${this.renderFieldError('email')}
        </div>
        <div part="field">
          <label part="label" for="password">${this.t('password')}</label>
          <input part="input input-password" id="password" name="password" type="password" autocomplete="current-password" required
            .value=${this.password} @input=${(e: InputEvent) => {
              this.password = (e.target as HTMLInputElement).value;
            }}
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
    const recovery = this.codeMode === 'recovery';
    return html`<h2 part="heading">${this.t('codeHeading')}</h2>
      <form part="form" novalidate @submit=${this.submitSignIn}>
        <p part="intro">${this.t(recovery ? 'recoveryIntro' : 'codeIntro')}</p>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="code">${this.t(recovery ? 'recoveryCode' : 'code')}</label>
          <input part="input input-code" id="code" name="code" inputmode=${recovery ? 'text' : 'numeric'} required
            autocomplete=${recovery ? 'off' : 'one-time-code'} autocapitalize="off" spellcheck="false" maxlength=${recovery ? 11 : 7}
            .value=${live(this.code)} @input=${(e: InputEvent) => {
              this.code = (e.target as HTMLInputElement).value;
            }}
            aria-invalid=${this.invalid('code')} aria-describedby=${this.describedBy('code', true)} />
          <p part="hint" id="code-hint">${this.t(recovery ? 'recoveryHint' : 'codeHint')}</p>
          ${this.renderFieldError('code')}
        </div>
        <div part="actions">
          ${this.renderSubmit('verify', 'busy')}
          <button part="link-button code-mode" type="button" @click=${() => this.switchCodeMode(recovery ? 'totp' : 'recovery')}>
            ${this.t(recovery ? 'useAppCode' : 'useRecoveryCode')}</button>
          <button part="link-button" type="button" @click=${() => this.go('credentials', '#email')}>${this.t('otherAccount')}</button>
        </div>
      </form>`;
  }

  /** The field starts empty in the other mode: half a TOTP code is no start of a recovery code. */
  private switchCodeMode(mode: CodeMode): void {
    this.codeMode = mode;
    this.code = '';
    this.go('code', '#code');
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
            .value=${this.email} @input=${(e: InputEvent) => {
              this.email = (e.target as HTMLInputElement).value;
            }}
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
    // Each sign-in starts with the app's code, the usual case; a recovery code is asked for by choice.
    if (step !== 'code') this.codeMode = 'totp';
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
    const recovery = this.codeMode === 'recovery';
    const code = recovery ? normaliseRecoveryCode(this.code) : this.code.trim();
    if (!email || !this.password) return this.reject(this.t('missing'), email ? '#password' : '#email');
    if (this.step === 'code' && !(recovery ? RECOVERY_PATTERN : CODE_PATTERN).test(code)) {
      this.fieldErrors = { code: this.t(recovery ? 'recoveryInvalid' : 'codeInvalid') };
      return this.focusAfterRender('#code');
    }
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    try {
      const json = {
        email,
        password: this.password,
        transport: this.transport,
        ...(this.step === 'code' ? { code } : {}),
      };
      const session = await expectOk(
        api.client.v1.public.operators[':operatorId'].sign_in.$post({ param: { operatorId }, json }),
      );
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
    if (this.step === 'code' && error instanceof ApiError && this.codeStepFailed(error)) return;
    // Our words say whose attempts were too many (the network's), on either step.
    if (code === 'rate_limited') return this.reject(this.t('rateLimited'), '#password');
    this.showFailure(error, ['email', 'password', 'code'], this.t('network'));
    if (this.error) this.focusAfterRender(this.step === 'code' ? '#code' : '#password');
  }

  /**
   * The answers the code step expects, in our words (the server's detail is English only).
   * Returns false for the rest, shown as the credentials step shows them.
   */
  private codeStepFailed(error: ApiError): boolean {
    const recovery = this.codeMode === 'recovery';
    if (error.code === 'two_factor_required') {
      this.code = '';
      this.reject(this.t(recovery ? 'recoveryWrong' : 'codeWrong'), '#code');
      return true;
    }
    if (error.status === 422) {
      this.fieldErrors = { code: this.t(recovery ? 'recoveryInvalid' : 'codeInvalid') };
      this.focusAfterRender('#code');
      return true;
    }
    if (error.code === 'rate_limited') {
      this.reject(this.t('rateLimited'), '#code');
      return true;
    }
    return false;
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
      await expectOk(
        api.client.v1.public.operators[':operatorId'].password_reset.$post({
          param: { operatorId },
          json: { email },
        }),
      );
      this.go('forgot-sent', '[part~="heading"]');
    } catch (error) {
      this.showFailure(error, ['email'], this.t('network'));
    } finally {
      this.busy = false;
    }
  };
}
