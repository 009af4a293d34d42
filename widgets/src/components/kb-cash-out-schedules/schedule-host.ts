/**
 * What `<kb-cash-out-schedules>` lends its form and its delete panel: the API, the words, the lists,
 * the user's 2FA state and error handling; and the one 2FA code field both use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type ApiClient } from '../../internal/api-client.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { CashOutSchedule, OfferedMethod, PaymentAccount, Words } from './schedule-words.ts';
import type { SchedulesKey } from './kb-cash-out-schedules.messages.ts';

export interface ScheduleHost extends Words {
  requestUpdate(): void;
  api(): ApiClient | undefined;
  tc(key: CommonKey, params?: MessageParams): string;
  twoFactorOn(): boolean;
  /** The server asked for a code the page did not show: 2FA was turned on meanwhile. */
  setTwoFactor(on: boolean): void;
  schedules(): CashOutSchedule[];
  accounts(): PaymentAccount[];
  methods(): OfferedMethod[];
  /** Puts the changed list in place and says so in the notice (a live region), then moves focus. */
  changed(schedules: CashOutSchedule[], notice: string, focus: string): void;
  /** Loads the lists again (the server knows of a change this page missed). */
  reload(notice?: string): void;
  /** The message for a failed call (and the portal is told about a 401). */
  fail(error: unknown): string;
  focusAfterRender(selector: string): void;
}

/** The 2FA code was missing, malformed or wrong: the server's 422 names `body.code`. */
export const codeProblem = (error: unknown) =>
  error instanceof ApiError && error.status === 422 ? (error.errors.find((e) => e.path === 'body.code') ?? null) : null;

/** The words for a refused code: asked for, not the right shape, or wrong. */
export function codeMessage(m: (key: SchedulesKey) => string, reason: string | undefined): string {
  if (reason === 'required') return m('check.codeMissing');
  if (reason === 'wrong_code') return m('check.codeWrong');
  return m('check.codeShape');
}

/** The code field: one-time-code autofill, its error announced; a text keyboard, as recovery codes have letters. */
export function codeField(host: ScheduleHost, o: { id: string; error: string | null; hint: string }): TemplateResult {
  const described = [`${o.id}-hint`, o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field code-field">
    <label part="label" for=${o.id}>${host.m('code')}</label>
    <input part="input code-input" id=${o.id} name="code" inputmode="text" autocomplete="one-time-code"
      maxlength="11" size="12" spellcheck="false" aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${described} />
    <p part="hint" id=${`${o.id}-hint`}>${o.hint} ${host.m('codeHint')}</p>
    ${o.error ? html`<p part="field-error" id=${`${o.id}-error`} role="alert">${o.error}</p>` : nothing}
  </div>`;
}

/** The link to the portal's Security section, where 2FA is turned on. */
export const securityLink = (host: ScheduleHost) =>
  html`<a part="security-link" href="#/security">${host.m('tfaLink')}</a>`;
