/**
 * What `<kb-payment-accounts>` lends its two parts (the account actions and the add form): the API,
 * the words, the user's 2FA state and error handling; and the one 2FA code field both forms use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type ApiClient } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import type { PaymentAccountsKey } from './kb-payment-accounts.messages.ts';
import type { OfferedMethod, PaymentAccount } from './payment-kinds.ts';

export interface PaymentHost {
  requestUpdate(): void;
  api(): ApiClient | undefined;
  locale(): Locale;
  m(key: PaymentAccountsKey, params?: MessageParams): string;
  tc(key: CommonKey, params?: MessageParams): string;
  /** True when the user has 2FA on (the profile's answer, else the session's). */
  twoFactorOn(): boolean;
  /** The server said otherwise (a code asked for, or reveal refused for 2FA off): the element follows. */
  setTwoFactor(on: boolean): void;
  methods(): OfferedMethod[];
  accounts(): PaymentAccount[];
  /** Puts the changed list in place and says so in the notice (a live region). */
  changed(accounts: PaymentAccount[], notice: string, focus: string): void;
  /** Loads the lists again (the server knows of a change this page missed). */
  reload(notice?: string): void;
  /** The message for a failed call (and the portal is told about a 401). */
  fail(error: unknown): string;
  focusAfterRender(selector: string): void;
  /** The link to Security was followed: the portal moves there (whatever its routing mode). */
  openSecurity(event: Event): void;
}

/** The 2FA code was missing, malformed or wrong: the server's 422 names `body.code`. */
export const codeProblem = (error: unknown) =>
  error instanceof ApiError && error.status === 422 ? (error.errors.find((e) => e.path === 'body.code') ?? null) : null;

/** The words for a refused code: asked for (2FA turned on meanwhile), not the right shape, or wrong. */
export function codeMessage(host: PaymentHost, reason: string | undefined, hadField: boolean): string {
  if (reason === 'required') return hadField ? host.m('codeMissing') : host.m('codeNeeded');
  if (reason === 'wrong_code') return host.m('codeWrong');
  return host.m('codeShape');
}

/** The code field: the one-time-code autofill, its error announced; a text keyboard, as recovery codes have letters. */
export function codeField(
  host: PaymentHost,
  o: { id: string; error: string | null; hint: string; disabled?: boolean },
): TemplateResult {
  const described = [`${o.id}-hint`, o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field code-field">
    <label part="label" for=${o.id}>${host.m('code')}</label>
    <input part="input code-input" id=${o.id} name="code" inputmode="text" autocomplete="one-time-code"
      maxlength="11" size="12" spellcheck="false" ?disabled=${o.disabled} aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${described} />
    <p part="hint" id=${`${o.id}-hint`}>${o.hint} ${host.m('codeHint')}</p>
    ${o.error ? html`<p part="field-error" id=${`${o.id}-error`} role="alert">${o.error}</p>` : nothing}
  </div>`;
}

/** The link to the portal's Security section, where 2FA is turned on (`#/security` for a page without a portal). */
export const securityLink = (host: PaymentHost) =>
  html`<a part="security-link" href="#/security" @click=${(e: Event) => host.openSecurity(e)}>${host.m('tfaLink')}</a>`;
