/**
 * `<kb-security>`: the signed-in user's security settings: two-factor authentication, active
 * sessions and the statistic token. Each lives in its own panel object (security-*.ts); this
 * element gives them the portal's contexts and renders them in order.
 */
import { html, type TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { securityMessages, type SecurityKey } from './kb-security.messages.ts';
import { securityStyles } from './kb-security.styles.ts';
import type { SecurityPanelHost } from './security-panel-host.ts';
import { SessionsPanel } from './security-sessions.ts';
import { TokenPanel } from './security-token.ts';
import { TwoFactorPanel } from './security-two-factor.ts';

/**
 * Two-factor authentication (enrol with a QR code, recovery codes, disable), the user's active
 * sessions (terminate one or all others) and their statistic token (reveal, copy, rotate, expire).
 * Must sit inside `<kb-portal>` (it reads the portal's api, session and locale contexts); alone it
 * shows a waiting note.
 *
 * @event kb-session-expired - A call answered 401; `detail: { reason: 'expired' }`. `<kb-portal>` renews or
 *   ends the session.
 *
 * @csspart heading - Section heading.
 * @csspart panel - Each panel (also `two-factor`, `sessions-panel`, `statistic-token`).
 * @csspart subheading - A panel's heading.
 * @csspart hint - Help text.
 * @csspart badge - A small label (also `tfa-on`, `tfa-off`, `current-badge`).
 * @csspart tfa-status - The 2FA on/off line.
 * @csspart enrol-steps - The enrolment steps list.
 * @csspart enrol-step - One step.
 * @csspart qr - The QR code image. @csspart secret - The manual-entry key. @csspart code-form - The code form.
 * @csspart form - Any form.
 * @csspart field - A label with its input.
 * @csspart label - A field label.
 * @csspart input - An input (also `code-input`).
 * @csspart field-error - A field's error.
 * @csspart recovery - The recovery-codes block.
 * @csspart recovery-heading - Its heading.
 * @csspart recovery-codes - The codes list.
 * @csspart recovery-code - One code.
 * @csspart download - The .txt download link.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart sessions - The sessions table.
 * @csspart sessions-header-row - Its header row.
 * @csspart header-cell - A column header.
 * @csspart session-row - A session (also `session-row-current`).
 * @csspart cell - A cell (also `session-device`, `session-ip`, `session-created`, `session-last-seen`,
 *   `session-actions`).
 * @csspart session-kind - "embedded portal" note.
 * @csspart token-row - The token with its buttons.
 * @csspart token - The (masked) token.
 * @csspart token-created - Its creation date.
 * @csspart confirm - The rotate/expire confirmation. @csspart confirm-text - Its question.
 * @csspart locked - The "account locked" note shown instead of the 2FA code form.
 * @csspart locked-heading - Its heading.
 * @csspart locked-text - Its text.
 * @csspart actions - A row of buttons.
 * @csspart toolbar - An inline row.
 * @csspart button - Any button (also `primary`, `danger`, `enable-2fa`,
 * `disable-2fa`, `submit-code`, `cancel`, `saved-codes`, `terminate`, `terminate-others`, `reveal`,
 *   `copy-button`, `rotate`, `expire`,
 *   `confirm-yes`, `confirm-no`, `retry`, `recheck-lock`).
 * @csspart copy-status - "Copied" note. @csspart success - Success note. @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart empty - Nothing-to-show notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and notes.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, badge and note backgrounds.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Primary button text.
 * @cssproperty --kb-color-danger - Errors and destructive buttons.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Panel corners.
 * @cssproperty --kb-radius-small - Input corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbSecurity extends AccountSection {
  static override styles = [accountSectionStyles, securityStyles];

  private readonly panelHost: SecurityPanelHost = {
    requestUpdate: () => this.requestUpdate(),
    api: () => this.api,
    user: () => this.user,
    m: (key, params) => this.m(key, params),
    tc: (key, params) => this.tc(key, params),
    dateTime: (value) => this.dateTime(value),
    fail: (error) => this.errorMessage(error),
    renderCopy: (key, text, label) => this.renderCopy(key, text, label),
    focusAfterRender: (selector) => this.focusAfterRender(selector),
  };
  private readonly twoFactor = new TwoFactorPanel(this.panelHost);
  private readonly sessions = new SessionsPanel(this.panelHost);
  private readonly token = new TokenPanel(this.panelHost);

  private m(key: SecurityKey, params?: MessageParams): string {
    return securityMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    // A new user (or a retry) starts clean: never show the previous user's sessions or token meanwhile.
    for (const panel of [this.twoFactor, this.sessions, this.token]) panel.reset();
    await Promise.all([this.twoFactor.load(api), this.sessions.load(api), this.token.load(api)]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.twoFactor.dispose();
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      ${this.twoFactor.render()}
      ${this.sessions.render()}
      ${this.token.render()}`;
  }
}
