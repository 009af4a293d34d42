/**
 * The 2FA panel of `<kb-security>`: enrol (QR code, manual key, confirm with a code), show the
 * recovery codes once, and disable with a current code. The on/off state is read from the
 * profile, which is fetched again after every change (the session's user may be stale).
 * Wrong codes when disabling count toward the account lockout: a locked user (423
 * `account_locked`, or `locked` in the profile) sees why and how to unlock instead of a code form
 * that can no longer work.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import { groupsOfFour, svgDataUrl } from '../../internal/totp-enrolment.ts';
import type { SecurityPanelHost } from './security-panel-host.ts';

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}
type Stage = 'idle' | 'enrolling' | 'recovery' | 'disabling';

export class TwoFactorPanel {
  private enabled: boolean | null = null;
  /** Locked after too many wrong passwords or codes: the server refuses every code until unlocked. */
  private locked = false;
  private stage: Stage = 'idle';
  private enrolment: Enrolment | null = null;
  private recoveryCodes: string[] = [];
  private downloadUrl: string | null = null;
  private busy = false;
  private error: string | null = null;
  private codeError: string | null = null;
  private notice: string | null = null;

  constructor(private readonly host: SecurityPanelHost) {}

  async load(api: ApiClient): Promise<void> {
    try {
      const profile = await expectOk(api.client.v1.partner.profile.$get());
      this.enabled = profile.user.twoFactorEnabled;
      this.locked = profile.user.locked;
    } catch (error) {
      this.error = this.host.fail(error);
    }
    this.host.requestUpdate();
  }

  reset(): void {
    this.dispose();
    this.enabled = null;
    this.locked = false;
    this.stage = 'idle';
    this.enrolment = null;
    this.recoveryCodes = [];
    this.busy = false;
    this.error = null;
    this.codeError = null;
    this.notice = null;
  }

  /** Frees the recovery-codes file when the element leaves the page. */
  dispose(): void {
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = null;
  }

  private async run(work: (api: ApiClient) => Promise<void>): Promise<void> {
    const api = this.host.api();
    if (!api || this.busy) return;
    this.busy = true;
    this.error = null;
    this.codeError = null;
    this.notice = null;
    this.host.requestUpdate();
    try {
      await work(api);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'account_locked') {
        // No code is accepted until the account is unlocked, so the code form goes away.
        this.locked = true;
        this.stage = 'idle';
        this.host.focusAfterRender('#sec-2fa-locked-heading');
      } else if (
        error instanceof ApiError &&
        error.status === 422 &&
        (this.stage === 'enrolling' || this.stage === 'disabling')
      ) {
        // A wrong or malformed code belongs beside the code field, where the user retypes it; in
        // our words, as the server's detail is English only.
        this.codeError = this.host.m(this.stage === 'disabling' ? 'tfa.codeWrongDisable' : 'tfa.codeWrong');
        this.host.focusAfterRender('#sec-2fa-code');
      } else {
        this.error = this.host.fail(error);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private enrol = () =>
    this.run(async (api) => {
      this.enrolment = await expectOk(api.client.v1.partner['2fa'].enrol.$post());
      this.stage = 'enrolling';
      this.host.focusAfterRender('#sec-2fa-code');
    });

  private submitCode = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (!code) {
      this.codeError = this.host.m('tfa.codeMissing');
      this.host.requestUpdate();
      input.focus();
      return;
    }
    void (this.stage === 'disabling' ? this.disable(code) : this.confirm(code));
  };

  private confirm(code: string) {
    return this.run(async (api) => {
      const { recoveryCodes } = await expectOk(api.client.v1.partner['2fa'].confirm.$post({ json: { code } }));
      this.recoveryCodes = recoveryCodes;
      this.enrolment = null;
      this.stage = 'recovery';
      this.enabled = true;
      this.dispose();
      const file = `${this.host.m('tfa.fileTitle', { email: this.host.user()?.email ?? '' })}\n\n${recoveryCodes.join('\n')}\n`;
      this.downloadUrl = URL.createObjectURL(new Blob([file], { type: 'text/plain' }));
      this.host.focusAfterRender('#sec-recovery-heading');
      await this.load(api);
    });
  }

  private disable(code: string) {
    return this.run(async (api) => {
      await expectOk(api.client.v1.partner['2fa'].disable.$post({ json: { code } }));
      this.stage = 'idle';
      this.enabled = false;
      this.notice = this.host.m('tfa.disabledNotice');
      this.host.focusAfterRender('[part~="enable-2fa"]');
      await this.load(api);
    });
  }

  /** After the user opened the unlock link (or was unlocked by someone else), elsewhere. */
  private recheckLock = () =>
    this.run(async (api) => {
      await this.load(api);
      if (this.error) return;
      this.notice = this.host.m(this.locked ? 'tfa.stillLocked' : 'tfa.unlockedNotice');
      if (!this.locked) this.host.focusAfterRender('[part~="disable-2fa"]');
    });

  private finishRecovery = () => {
    this.recoveryCodes = [];
    this.dispose();
    this.stage = 'idle';
    this.notice = this.host.m('tfa.enabledNotice');
    this.host.focusAfterRender('[part~="disable-2fa"]');
    this.host.requestUpdate();
  };

  private setStage(stage: Stage, focus: string) {
    this.stage = stage;
    this.enrolment = null;
    this.codeError = null;
    this.error = null;
    this.notice = null;
    this.host.focusAfterRender(focus);
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const { m } = this.host;
    const enabled = this.enabled ?? this.host.user()?.twoFactorEnabled ?? false;
    return html`<section part="panel two-factor" aria-labelledby="sec-2fa-heading">
      <h3 part="subheading" id="sec-2fa-heading">${m('tfa.heading')}</h3>
      <p part="tfa-status">${m('tfa.status')} <span part=${enabled ? 'badge tfa-on' : 'badge tfa-off'}>${enabled ? m('tfa.on') : m('tfa.off')}</span></p>
      <p part="hint">${m('tfa.explain')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${this.renderStage(enabled)}
    </section>`;
  }

  private renderStage(enabled: boolean): TemplateResult {
    const { m } = this.host;
    switch (this.stage) {
      case 'enrolling':
        return this.enrolment ? this.renderEnrolment(this.enrolment) : html``;
      case 'recovery':
        return this.renderRecovery();
      case 'disabling':
        return html`<p part="hint">${m('tfa.disableExplain')}</p>${this.renderCodeForm(m('tfa.disableConfirm'), true)}`;
      default:
        if (enabled && this.locked) return this.renderLocked();
        return enabled
          ? html`<button part="button danger disable-2fa" type="button" @click=${() => this.setStage('disabling', '#sec-2fa-code')}>${m('tfa.disable')}</button>`
          : html`<button part="button primary enable-2fa" type="button" ?disabled=${this.busy} @click=${this.enrol}>${m('tfa.enable')}</button>`;
    }
  }

  private renderLocked(): TemplateResult {
    const { m } = this.host;
    return html`<div part="locked">
      <h4 part="locked-heading" id="sec-2fa-locked-heading" tabindex="-1">${m('tfa.lockedHeading')}</h4>
      <p part="locked-text" role="alert">${m('tfa.lockedText')} ${m('tfa.lockedEmail')}</p>
      <button part="button recheck-lock" type="button" ?disabled=${this.busy} @click=${this.recheckLock}>${m('tfa.lockedCheck')}</button>
    </div>`;
  }

  private renderEnrolment(enrolment: Enrolment): TemplateResult {
    const { m } = this.host;
    return html`<ol part="enrol-steps">
      <li part="enrol-step">
        <p>${m('tfa.scan')}</p>
        <img part="qr" src=${svgDataUrl(enrolment.qrSvg)} alt=${m('tfa.qrAlt')} width="200" height="200" />
      </li>
      <li part="enrol-step">
        <p id="sec-2fa-manual">${m('tfa.manual')}</p>
        <p part="toolbar"><code part="secret" aria-describedby="sec-2fa-manual">${groupsOfFour(enrolment.secret)}</code>
          ${this.host.renderCopy('secret', enrolment.secret, m('tfa.copyKey'))}</p>
      </li>
      <li part="enrol-step">
        <p>${m('tfa.enterCode')}</p>
        ${this.renderCodeForm(m('tfa.confirm'), false)}
      </li>
    </ol>`;
  }

  private renderCodeForm(submitLabel: string, danger: boolean): TemplateResult {
    const { m, tc } = this.host;
    return html`<form part="form code-form" novalidate @submit=${this.submitCode}>
      <div part="field">
        <label part="label" for="sec-2fa-code">${m('tfa.code')}</label>
        <input part="input code-input" id="sec-2fa-code" name="code" inputmode=${danger ? 'text' : 'numeric'}
          autocomplete="one-time-code" maxlength=${danger ? 11 : 7} size="8" aria-invalid=${this.codeError ? 'true' : 'false'}
          aria-describedby=${this.codeError ? 'sec-2fa-code-error' : nothing} />
        ${this.codeError ? html`<p part="field-error" id="sec-2fa-code-error" role="alert">${this.codeError}</p>` : nothing}
      </div>
      <div part="actions">
        <button part=${danger ? 'button danger submit-code' : 'button primary submit-code'} type="submit" ?disabled=${this.busy}>${submitLabel}</button>
        <button part="button cancel" type="button" @click=${() => this.setStage('idle', danger ? '[part~="disable-2fa"]' : '[part~="enable-2fa"]')}>${tc('cancel')}</button>
      </div>
    </form>`;
  }

  private renderRecovery(): TemplateResult {
    const { m } = this.host;
    return html`<div part="recovery">
      <h4 part="recovery-heading" id="sec-recovery-heading" tabindex="-1">${m('tfa.recoveryHeading')}</h4>
      <p part="hint">${m('tfa.recoveryExplain')}</p>
      <ol part="recovery-codes">${this.recoveryCodes.map((code) => html`<li part="recovery-code"><code>${code}</code></li>`)}</ol>
      <div part="actions">
        ${this.host.renderCopy('recovery', this.recoveryCodes.join('\n'), m('tfa.copyCodes'))}
        ${this.downloadUrl ? html`<a part="button download" href=${this.downloadUrl} download="recovery-codes.txt">${m('tfa.download')}</a>` : nothing}
        <button part="button primary saved-codes" type="button" @click=${this.finishRecovery}>${m('tfa.saved')}</button>
      </div>
    </div>`;
  }
}
