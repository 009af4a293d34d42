/**
 * `<kb-account-link>`: what the links in Kabinet's emails open. The hosted page gets
 * `#unlock=TOKEN`, `#reset=TOKEN` or `#invite=TOKEN` (a fragment: it never reaches a server
 * log); `<kb-portal>` reads it and shows this form in the matching mode.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { FormElement, PASSWORD_MIN_LENGTH } from '../../internal/form-element.ts';
import { formStyles } from '../../internal/form.styles.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountLinkMessages, type AccountLinkKey } from './kb-account-link.messages.ts';
import type { AccountLinkMode } from '../../internal/account-link.ts';

export {
  ACCOUNT_LINK_MODES,
  parseAccountLink,
  type AccountLink,
  type AccountLinkMode,
} from '../../internal/account-link.ts';

/**
 * Unlock (one button) or set a password from a reset or invitation link (new password twice).
 * Place inside `<kb-portal>`; set `mode` and `token`, and `doneHandler` to learn of success.
 *
 * @attr mode - `unlock`, `reset` or `invite`.
 *
 * @csspart heading - Heading. @csspart intro - Explanation. @csspart form - The form.
 * @csspart field - A label with its input.
 * @csspart label - A label.
 * @csspart input - A password input (also `input-password`, `input-confirm`).
 * @csspart hint - The password rule.
 * @csspart field-error - A message under a field.
 * @csspart error - The alert (e.g. an expired link).
 * @csspart actions - Button row. @csspart submit - The main button. @csspart status - Shown without a portal.
 *
 * @cssproperty --kb-color-primary - The button. @cssproperty --kb-color-on-primary - Button text.
 * @cssproperty --kb-color-text, --kb-color-text-muted - Text.
 * @cssproperty --kb-color-border - Input borders.
 * @cssproperty --kb-color-bg - Input background.
 * @cssproperty --kb-color-danger, --kb-color-danger-bg - Errors.
 * @cssproperty --kb-radius-small - Corners.
 * @cssproperty --kb-space-3 - Spacing.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color, --kb-focus-ring-width - Focus ring.
 */
export class KbAccountLink extends FormElement {
  static override styles = formStyles;
  static override properties = {
    mode: { type: String },
    token: { attribute: false },
    password: { state: true },
    confirm: { state: true },
  };

  declare mode: AccountLinkMode;
  /** The single-use token from the link (a property, so it never shows up as an attribute). */
  declare token: string;
  /** Called after the server accepted the link (set by `<kb-portal>`). */
  declare doneHandler: ((mode: AccountLinkMode) => void) | null;
  declare protected password: string;
  declare protected confirm: string;

  constructor() {
    super();
    this.mode = 'unlock';
    this.token = '';
    this.doneHandler = null;
    this.password = '';
    this.confirm = '';
  }

  private t(key: AccountLinkKey, params?: MessageParams): string {
    return accountLinkMessages(this.locale, key, params);
  }

  protected override render(): TemplateResult {
    if (!this.api || !this.operatorId) return html`<p part="status" role="status">${this.t('waiting')}</p>`;
    const unlock = this.mode === 'unlock';
    const min = PASSWORD_MIN_LENGTH;
    return html`<h2 part="heading">${this.t(unlock ? 'unlockHeading' : this.mode === 'invite' ? 'inviteHeading' : 'resetHeading')}</h2>
      <form part="form" novalidate @submit=${this.submit}>
        <p part="intro">${this.t(unlock ? 'unlockIntro' : this.mode === 'invite' ? 'inviteIntro' : 'resetIntro')}</p>
        ${this.renderError()}
        ${
          unlock
            ? nothing
            : html`
          <div part="field">
            <label part="label" for="password">${this.t('password')}</label>
            <input part="input input-password" id="password" type="password" autocomplete="new-password" required minlength=${min}
              .value=${this.password} @input=${(e: InputEvent) => {
                this.password = (e.target as HTMLInputElement).value;
              }}
              aria-invalid=${this.invalid('password')} aria-describedby=${this.describedBy('password', true)} />
            <p part="hint" id="password-hint">${this.t('passwordRule', { min })}</p>
            ${this.renderFieldError('password')}
          </div>
          <div part="field">
            <label part="label" for="confirm">${this.t('confirm')}</label>
            <input part="input input-confirm" id="confirm" type="password" autocomplete="new-password" required
              .value=${this.confirm} @input=${(e: InputEvent) => {
                this.confirm = (e.target as HTMLInputElement).value;
              }}
              aria-invalid=${this.invalid('confirm')} aria-describedby=${this.describedBy('confirm')} />
            ${this.renderFieldError('confirm')}
          </div>`
        }
        <div part="actions">
          <button part="submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.t(unlock ? (this.busy ? 'unlocking' : 'unlock') : this.busy ? 'saving' : 'save')}
          </button>
        </div>
      </form>`;
  }

  private readonly submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const api = this.api;
    const operatorId = this.operatorId;
    if (this.busy || !api || !operatorId) return;
    const route = api.client.v1.public.operators[':operatorId'];
    if (this.mode !== 'unlock') {
      const min = PASSWORD_MIN_LENGTH;
      const errors: Record<string, string> = {};
      if (this.password.length < min) errors.password = this.t('passwordShort', { min });
      else if (this.password !== this.confirm) errors.confirm = this.t('mismatch');
      this.fieldErrors = errors;
      const first = Object.keys(errors)[0];
      if (first) return this.focusAfterRender(`#${first}`);
    }
    this.busy = true;
    this.error = null;
    try {
      const param = { operatorId };
      await expectOk(
        this.mode === 'unlock'
          ? route.unlock.$post({ param, json: { token: this.token } })
          : route.password.$post({ param, json: { token: this.token, password: this.password } }),
      );
      this.password = '';
      this.confirm = '';
      this.doneHandler?.(this.mode);
    } catch (error) {
      this.showFailure(error, ['password'], this.t('network'));
      if (this.error) this.focusAfterRender('[part~="submit"]');
    } finally {
      this.busy = false;
    }
  };
}
