/**
 * `<kb-operator-sign-in>`: the operator console's staff sign-in on Kabinet itself. E-mail and
 * password, then the authenticator's 6-digit code; an account without TOTP yet gets a restricted
 * session that may only enrol, so it is shown the QR code and the key and confirms with a code.
 * The session is Kabinet's HttpOnly `kb_operator_session` cookie: nothing secret reaches the page.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { groupsOfFour, svgDataUrl } from '../../internal/totp-enrolment.ts';
import { operatorSignInMessages, type OperatorSignInKey } from './kb-operator-sign-in.messages.ts';
import { operatorSignInStyles } from './kb-operator-sign-in.styles.ts';

type Step = 'credentials' | 'code' | 'enrol';
interface Enrolment {
  secret: string;
  qrSvg: string;
}
const CODE_PATTERN = /^\d{6}$/;

/**
 * Staff sign-in for the operator console. Attributes: `operator-id` (whose console), `api-base`
 * (Kabinet's origin; empty, the default, is the page's own origin) and `locale` (`en`, `ru`).
 *
 * @event kb-operator-signed-in - Signed in; `detail` is the staff user (GET /v1/operator/me).
 *
 * @csspart heading, intro, form, field, label, input, input-email, input-password, input-code, field-error - The forms.
 * @csspart error - The step's alert (wrong password, lockout, network). @csspart actions, button, primary, submit, back - Buttons.
 * @csspart enrol-steps, enrol-step, qr, secret, status - The TOTP enrolment.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbOperatorSignIn extends ConsoleElement {
  static override styles = [...accountSectionStyles, operatorSignInStyles];
  static override properties = {
    ...ConsoleElement.properties,
    operatorId: { attribute: 'operator-id' },
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    codeError: { state: true },
    enrolment: { state: true },
  };

  declare operatorId: string;
  declare private step: Step;
  declare private busy: boolean;
  declare private error: string | null;
  declare private codeError: string | null;
  declare private enrolment: Enrolment | null;
  private email = '';
  /** The password step's answer, sent with the code. */
  private challenge = '';

  constructor() {
    super();
    this.operatorId = '';
    this.step = 'credentials';
    this.busy = false;
    this.error = null;
    this.codeError = null;
    this.enrolment = null;
  }

  private m(key: OperatorSignInKey, params?: MessageParams): string {
    return operatorSignInMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override render(): TemplateResult {
    if (!this.operatorId) return html`<p part="error" role="alert">${this.m('missingOperator')}</p>`;
    if (this.step === 'code') return this.renderCode();
    if (this.step === 'enrol') return this.renderEnrol();
    return this.renderCredentials();
  }

  private renderCredentials(): TemplateResult {
    return html`<h2 part="heading" id="op-sign-in-heading" tabindex="-1">${this.m('heading')}</h2>
      <p part="intro">${this.m('intro')}</p>
      <form part="form" novalidate aria-labelledby="op-sign-in-heading" @submit=${this.submitPassword}>
        ${this.renderError()}
        <div part="field">
          <label part="label" for="op-email">${this.m('email')}</label>
          <input part="input input-email" id="op-email" name="email" type="email" autocomplete="username" required
            .value=${this.email} />
        </div>
        <div part="field">
          <label part="label" for="op-password">${this.m('password')}</label>
          <input part="input input-password" id="op-password" name="password" type="password"
            autocomplete="current-password" required />
        </div>
        <div part="actions">${this.renderSubmit('signIn', 'signingIn')}</div>
      </form>`;
  }

  private renderCode(): TemplateResult {
    return html`<h2 part="heading" id="op-sign-in-heading" tabindex="-1">${this.m('codeHeading')}</h2>
      <p part="intro">${this.m('codeIntro', { email: this.email })}</p>
      ${this.renderCodeForm('verify')}`;
  }

  private renderEnrol(): TemplateResult {
    const enrolment = this.enrolment;
    return html`<h2 part="heading" id="op-sign-in-heading" tabindex="-1">${this.m('enrolHeading')}</h2>
      <p part="intro">${this.m('enrolIntro')}</p>
      ${
        enrolment
          ? html`<ol part="enrol-steps">
              <li part="enrol-step">
                <p>${this.m('scan')}</p>
                <img part="qr" src=${svgDataUrl(enrolment.qrSvg)} alt=${this.m('qrAlt')} width="200" height="200" />
              </li>
              <li part="enrol-step">
                <p id="op-secret-label">${this.m('manual')}</p>
                <code part="secret" aria-labelledby="op-secret-label">${groupsOfFour(enrolment.secret)}</code>
              </li>
              <li part="enrol-step"><p>${this.m('enterCode')}</p>${this.renderCodeForm('confirm')}</li>
            </ol>`
          : this.error
            ? html`${this.renderError()}<div part="actions">
                  <button part="button primary" type="button" @click=${this.startEnrolment}>${this.m('retry')}</button>
                  ${this.renderBack()}
                </div>`
            : html`<p part="status" role="status">${this.m('preparing')}</p>`
      }`;
  }

  private renderCodeForm(label: OperatorSignInKey): TemplateResult {
    return html`<form part="form" novalidate @submit=${this.submitCode}>
      ${this.renderError()}
      <div part="field">
        <label part="label" for="op-code">${this.m('code')}</label>
        <input part="input input-code" id="op-code" name="code" inputmode="numeric" autocomplete="one-time-code"
          maxlength="7" size="8" required aria-invalid=${this.codeError ? 'true' : 'false'}
          aria-describedby=${this.codeError ? 'op-code-error' : nothing} />
        ${this.codeError ? html`<p part="field-error" id="op-code-error" role="alert">${this.codeError}</p>` : nothing}
      </div>
      <div part="actions">${this.renderSubmit(label, 'verifying')} ${this.renderBack()}</div>
    </form>`;
  }

  private renderBack(): TemplateResult {
    return html`<button part="button back" type="button" @click=${() => this.restart(null)}>${this.m('back')}</button>`;
  }

  private renderError(): TemplateResult | typeof nothing {
    return this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing;
  }

  /** aria-disabled rather than disabled: the button keeps focus while the request runs. */
  private renderSubmit(label: OperatorSignInKey, busyLabel: OperatorSignInKey): TemplateResult {
    return html`<button part="button primary submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.m(this.busy ? busyLabel : label)}</button>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A new step starts at its first input, so keyboard and screen-reader users land where to type.
    if (changed.has('step') && changed.get('step') !== undefined)
      this.renderRoot.querySelector<HTMLElement>(this.step === 'credentials' ? '#op-email' : '#op-code')?.focus();
  }

  private go(step: Step): void {
    this.step = step;
    this.error = null;
    this.codeError = null;
  }

  /** Back to the password step (with a reason, e.g. an expired challenge). */
  private restart(reason: string | null): void {
    this.go('credentials');
    this.challenge = '';
    this.enrolment = null;
    this.error = reason;
  }

  private readonly submitPassword = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    this.email = email;
    if (!email || !password) return this.showError(this.m('missing'));
    await this.run(async () => {
      const json = { operatorId: this.operatorId, email, password };
      const result = await expectOk(this.api.client.v1.operator.sessions.$post({ json }));
      if (result.stage === 'second_factor') {
        this.challenge = result.challenge ?? '';
        return this.go('code');
      }
      if (result.stage === 'enrol_two_factor') {
        this.go('enrol');
        return this.startEnrolment();
      }
      await this.finish();
    });
  };

  private readonly startEnrolment = async (): Promise<void> => {
    this.error = null;
    try {
      const { secret, qrSvg } = await expectOk(this.api.client.v1.operator.me.totp.$post());
      this.enrolment = { secret, qrSvg };
    } catch (error) {
      this.error = this.failure(error);
    }
  };

  private readonly submitCode = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.busy) return;
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.replace(/\s+/g, '');
    if (!CODE_PATTERN.test(code)) {
      this.codeError = this.m('codeInvalid');
      return input.focus();
    }
    await this.run(async () => {
      const v1 = this.api.client.v1.operator;
      if (this.step === 'enrol') await expectOk(v1.me.totp.confirm.$post({ json: { code } }));
      else
        await expectOk(
          v1.sessions.second_factor.$post({ json: { operatorId: this.operatorId, challenge: this.challenge, code } }),
        );
      input.value = '';
      await this.finish();
    });
  };

  /** Signed in: tell the page who it is, and be ready for the next sign-in (after a sign-out). */
  private async finish(): Promise<void> {
    const me = await expectOk(this.api.client.v1.operator.me.$get());
    this.restart(null);
    this.email = '';
    this.emit('kb-operator-signed-in', me);
  }

  private async run(call: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.codeError = null;
    try {
      await call();
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  /** Failures in the step's words: the server's English detail is never shown to a Russian reader. */
  private failed(error: unknown): void {
    if (!(error instanceof ApiError)) return this.showError(this.failure(error));
    const minutes = Number(error.params.minutes);
    if (error.status === 423 && minutes > 0) return this.showError(this.m('locked', { count: minutes }));
    if (error.status === 401 && this.step === 'credentials') return this.showError(this.m('wrongCredentials'));
    // The challenge (or the restricted session) is over: the password again.
    if (error.status === 401) return this.restart(this.m('expired'));
    const codeMessage = error.fieldMessage('code', this.uiLocale);
    if (codeMessage && this.step !== 'credentials') {
      this.codeError = codeMessage;
      return void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#op-code')?.focus());
    }
    this.showError(error.localized(this.uiLocale));
  }

  /** The alert is read out (role=alert); focus goes back to where to type again. */
  private showError(message: string): void {
    this.error = message;
    const field = this.step === 'credentials' ? (this.email ? '#op-password' : '#op-email') : '#op-code';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(field)?.focus());
  }
}
