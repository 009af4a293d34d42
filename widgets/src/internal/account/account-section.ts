/**
 * Base of the signed-in account sections (<kb-profile>, <kb-security>, <kb-team>, <kb-activity>).
 * Reads the portal's api, session and locale contexts, loads the section's data once per
 * (client, user), turns failures into a message for the user, and tells the portal when the
 * session has expired (a 401 answer) so it can show sign-in again.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { KabinetElement } from '../base-element.ts';
import { ApiError, type ApiClient } from '../api-client.ts';
import { apiContext, localeContext, sessionContext, type SessionUser } from '../contexts.ts';
import { createLocaleState, negotiateLocale, type Locale, type LocaleState, type MessageParams } from '../i18n.ts';
import { fieldProblemMessage } from '../problem-messages.ts';
import { commonMessages, type CommonKey } from './account-section.messages.ts';
import type { UserRole } from './account-types.ts';

export abstract class AccountSection extends KabinetElement {
  static override properties: PropertyDeclarations = { copied: { state: true } };

  /** The last copy-to-clipboard outcome, shown in that button's live region for a few seconds. */
  declare protected copied: { key: string; ok: boolean } | null;

  // subscribe: true so a new sign-in, another user or a language switch re-render the section.
  private readonly apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly sessionConsumer = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  private readonly localeConsumer = new ContextConsumer(this, { context: localeContext, subscribe: true });
  /** Used only when no portal provides a locale, so the waiting note is still in the user's language. */
  private readonly fallbackLocale: LocaleState = createLocaleState(negotiateLocale(null));
  private loadedFor: { api: ApiClient; userId: string | null } | null = null;
  private copyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.copied = null;
  }

  protected get api(): ApiClient | undefined {
    return this.apiConsumer.value;
  }
  protected get user(): SessionUser | null {
    return this.sessionConsumer.value?.user ?? null;
  }
  protected get userRole(): UserRole | null {
    return this.user?.role ?? null;
  }
  /** True once the portal has a session (password or embed) and an API client. */
  protected get ready(): boolean {
    const session = this.sessionConsumer.value;
    return Boolean(this.api && session && session.status !== 'anonymous');
  }
  protected get i18n(): LocaleState {
    return this.localeConsumer.value ?? this.fallbackLocale;
  }

  protected tc(key: CommonKey, params?: MessageParams): string {
    return commonMessages(this.i18n.locale, key, params);
  }

  /** Date and time in the user's language, e.g. "12 Mar 2025, 14:05". */
  protected dateTime(value: string | null | undefined): string {
    return value ? this.i18n.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : this.tc('none');
  }

  /** Fetches the section's data: when the API first becomes available, and again for a new client or user. */
  protected abstract load(api: ApiClient): Promise<void>;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (!api || !this.ready) {
      this.loadedFor = null;
      return;
    }
    const userId = this.user?.id ?? null;
    if (this.loadedFor?.api === api && this.loadedFor.userId === userId) return;
    this.loadedFor = { api, userId };
    void this.load(api);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copyTimer);
  }

  /**
   * The message to show for a failed call: the problem worded in the user's language, or a
   * network note. A 401 also tells the portal, which owns the session, that it has ended.
   */
  protected errorMessage(error: unknown): string {
    if (error instanceof ApiError) {
      // `<kb-portal>` listens (the event bubbles and is composed), then renews or ends the session.
      if (error.status === 401) this.emit('kb-session-expired', { reason: 'expired' });
      return error.localized(this.i18n.locale) || this.tc('error.generic');
    }
    // fetch rejects with a TypeError when no response arrives at all.
    return error instanceof TypeError ? this.tc('error.network') : this.tc('error.generic');
  }

  /** Focuses the first match after the next render, so keyboard users stay where the action moved them. */
  protected focusAfterRender(selector: string): void {
    this.requestUpdate(); // so updateComplete waits for the render that shows the target
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  protected async copy(key: string, text: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    this.copied = { key, ok };
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      this.copied = null;
    }, 4000);
  }

  /** A copy button with its always-present live region, so "Copied" is announced when it appears. */
  protected renderCopy(key: string, text: string, label: string = this.tc('copy')): TemplateResult {
    const state = this.copied?.key === key ? this.copied : null;
    return html`<button part="button copy-button" type="button" @click=${() => this.copy(key, text)}>${label}</button>
      <span part="copy-status" role="status">${state ? (state.ok ? this.tc('copied') : this.tc('copyFailed')) : nothing}</span>`;
  }

  protected renderWaiting(): TemplateResult {
    return html`<p part="status" role="status">${this.tc('waiting')}</p>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<p part="status" role="status" aria-busy="true">${this.tc('loading')}</p>`;
  }

  /** A load failure with a retry button. */
  protected renderLoadError(message: string): TemplateResult {
    return html`<div part="error" role="alert">
      <p part="error-detail">${message}</p>
      <button part="button retry" type="button" @click=${() => {
        const api = this.api;
        if (api) void this.load(api);
      }}>${this.tc('retry')}</button>
    </div>`;
  }
}

/**
 * A 422's field messages in `locale` by top-level field (`body.emailPreferences.news` →
 * `emailPreferences`), first message wins.
 */
export function fieldErrorsOf(error: unknown, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const problem of error.errors) {
    const field = problem.path.replace(/^(?:body|query|path)\./, '').split('.')[0] ?? '';
    if (field && !(field in out)) out[field] = fieldProblemMessage(locale, problem);
  }
  return out;
}
