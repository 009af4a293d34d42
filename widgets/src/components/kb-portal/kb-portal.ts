/**
 * `<kb-portal>`: the shell of the partner portal. Owns the operator's configuration, locale,
 * theme and (through PortalSession) the session and its API client, and hands them to
 * sections through @lit/context. Which sections show follows from the session (portal-sections.ts).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { KabinetElement, isSafeUrl } from '../../internal/base-element.ts';
import type { PortalConfig, SessionResult } from '../../internal/api-client.ts';
import { brandingContext, localeContext, type SessionState } from '../../internal/contexts.ts';
import type { KabinetEventMap, Theme } from '../../internal/events.ts';
import { LOCALES, createLocaleState, isLocale, negotiateLocale, type Locale } from '../../internal/i18n.ts';
import { renderHeaderControls } from './portal-header.ts';
import { PortalAuthFlow } from './portal-auth.ts';
import { describeLoadFailure } from './portal-load-failure.ts';
import { PORTAL_SECTIONS, visibleSections, type PortalSection } from './portal-sections.ts';
import { PortalSession } from './portal-session.ts';
import { applyRuntimeSheet, portalStyles, runtimeTokenCss } from './kb-portal.styles.ts';

export { PORTAL_SECTIONS, visibleSections, type PortalComponent, type PortalSection } from './portal-sections.ts';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; config: PortalConfig }
  | { status: 'error'; error: KabinetEventMap['kb-error'] };

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * The operator-branded partner portal.
 *
 * @attr api - Base URL of the Kabinet server; defaults to the page's origin.
 * @attr operator - Operator id, e.g. `op_demo_luckyspin`.
 * @attr client-secret - Embed session secret minted by the operator's backend; exchanged for a session on load.
 * @attr auth - `cookie` on the hosted portal page: sign-in sets an HttpOnly cookie (default: a bearer token in memory).
 * @attr locale - `en` or `ru`; defaults to the browser's language, then English.
 * @attr theme - `light` or `dark`; defaults to the operator's branding, then the system setting.
 * @prop fetchClientSecret - `() => Promise<string>`: returns a fresh embed secret; asked on load when `client-secret`
 *   is not set, and before the session ends (Stripe Connect style).
 * @prop sections - The section registry (default PORTAL_SECTIONS).
 *
 * @event kb-ready - The operator's configuration loaded. `detail: { operatorId }`.
 * @event kb-error - Loading failed. `detail: { code, detail, status }`; `code` is the server's problem code, `origin_not_allowed`
 *   (the server answered, but this page's origin is not among the operator's allowed origins) or `network`.
 * @event kb-navigate - The user picked a section (cancelable). `detail: { section }`.
 * @event kb-locale-change - The user picked a language. `detail: { locale }`.
 * @event kb-theme-change - The user toggled the theme. `detail: { theme }`.
 * @event kb-signed-in - A partner user signed in (from `<kb-sign-in>`). `detail: { user }`.
 * @event kb-signed-up - An application was sent (from `<kb-sign-up>`). `detail: { partnerId }`.
 * @event kb-signed-out - The user signed out. `detail: { userId }`.
 * @event kb-session-expired - The session is ending or ended. `detail: { reason: 'expiring' | 'expired' }`.
 *
 * @csspart shell - Everything inside the host.
 * @csspart header - Top bar with the operator's brand and the controls.
 * @csspart brand - Logo and name group. @csspart logo - The operator's logo. @csspart title - The operator's display name.
 * @csspart controls - Account, locale switcher and theme toggle.
 * @csspart account - The signed-in user's group. @csspart user-email - Their email. @csspart sign-out - Sign-out button.
 * @csspart locale-switcher - Group of language buttons. @csspart locale-option - One language button (`locale-option-active` when chosen).
 * @csspart theme-toggle - Light/dark toggle button.
 * @csspart nav - Section navigation. @csspart nav-list - Its list. @csspart nav-item - One entry. @csspart nav-link - Its button (`nav-link-active` when current).
 * @csspart main - Where the current section, the loading or the error state renders.
 * @csspart notice - Session news for the sign-in form (session ended, password set…).
 * @csspart public-layout - While anonymous: the sign-in area beside the public section. @csspart auth - The sign-in area.
 * @csspart sign-in, sign-up, account-link - The forms in it. @csspart auth-switch - "New here? Create an account" line. @csspart auth-switch-button - Its button.
 * @csspart section - The current section element (also `section-<id>`).
 * @csspart status - Loading message. @csspart error - Error box (also `session-error`). @csspart error-title, error-detail - Its texts. @csspart retry - Retry button.
 *
 * @cssproperty --kb-color-primary - Brand colour as button fills (set from the operator's branding). @cssproperty --kb-color-on-primary - Text on the brand colour.
 * @cssproperty --kb-color-link - The brand colour as text and state borders, adjusted to 4.5:1 on every surface of the theme.
 * @cssproperty --kb-color-accent - Accent colour (from branding). @cssproperty --kb-color-accent-ui - The accent as the active-tab underline, at least 3:1.
 * @cssproperty --kb-color-bg - Background. @cssproperty --kb-color-surface - Raised surfaces.
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Secondary text. @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-danger - Error text. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-font-family - Font stack. @cssproperty --kb-font-size - Base size. @cssproperty --kb-line-height - Line height.
 * @cssproperty --kb-radius - Corner radius. @cssproperty --kb-radius-small - Small corner radius. @cssproperty --kb-space-1 … --kb-space-5 - Spacing scale.
 * @cssproperty --kb-focus-ring-color - Focus ring colour (opaque, at least 3:1). @cssproperty --kb-focus-ring-width - Focus ring width. @cssproperty --kb-shadow - Card shadow.
 */
export class KbPortal extends KabinetElement {
  static override properties = {
    api: { type: String },
    operator: { type: String },
    clientSecret: { type: String, attribute: 'client-secret' },
    auth: { type: String },
    locale: { type: String },
    theme: { type: String },
    section: { type: String },
    sections: { attribute: false },
    fetchClientSecret: { attribute: false },
    loadState: { state: true },
    systemDark: { state: true },
  };
  static override styles = portalStyles;

  declare api: string | null;
  declare operator: string | null;
  declare clientSecret: string | null;
  declare auth: 'cookie' | 'bearer' | null;
  declare locale: string | null;
  declare theme: string | null;
  /** Id of the shown section (see PORTAL_SECTIONS). */
  declare section: string;
  declare sections: readonly PortalSection[];
  /** Set by the page: returns a fresh embed client secret (Stripe Connect style). */
  declare fetchClientSecret: (() => Promise<string>) | null;
  declare protected loadState: LoadState;
  declare protected systemDark: boolean;

  private readonly session = new PortalSession(this, {
    emit: (name, detail) => this.emit(name, detail),
    fetchClientSecret: () => this.fetchClientSecret,
    t: (key) => this.localeProvider.value.t(key),
  });
  private readonly localeProvider = new ContextProvider(this, {
    context: localeContext,
    initialValue: createLocaleState('en'),
  });
  private readonly brandingProvider = new ContextProvider(this, {
    context: brandingContext,
    initialValue: null as PortalConfig | null,
  });
  /** Each load gets a number so a slow, stale response can't overwrite a newer one. */
  private loadSeq = 0;
  private runtimeSheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private darkQuery: MediaQueryList | null = null;
  private readonly authFlow = new PortalAuthFlow(this, this.session);
  /** After sign-in, focus goes to the section that replaced the form. */
  private focusMain = false;

  constructor() {
    super();
    this.api = null;
    this.operator = null;
    this.clientSecret = null;
    this.auth = null;
    this.locale = null;
    this.theme = null;
    this.sections = PORTAL_SECTIONS;
    this.section = PORTAL_SECTIONS[0]?.id ?? '';
    this.fetchClientSecret = null;
    this.loadState = { status: 'loading' };
    this.systemDark = false;
    // Sections report a 401 this way (detail optional). The portal renews or ends the session and
    // tells the page with its own event; registered first, so the section's never reaches the page.
    this.addEventListener('kb-session-expired', (e) => {
      if (e.composedPath()[0] === this) return;
      e.stopImmediatePropagation();
      void this.session.expire('expired');
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
    this.systemDark = this.darkQuery?.matches ?? false;
    this.darkQuery?.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
  }

  /** The current session (anonymous, signed in, embedded). */
  get sessionState(): SessionState {
    return this.session.state;
  }

  /** Call (or dispatch `kb-session-expired` from inside) when a partner call answered 401. */
  handleSessionExpired(): Promise<void> {
    return this.session.expire('expired');
  }

  /** Ends the session here and on the server, and shows the sign-in form. */
  async signOut(): Promise<void> {
    this.authFlow.show('sign-in');
    await this.session.signOut();
  }

  /** Reloads the operator's configuration (what the Retry button does). */
  async reload(): Promise<void> {
    const seq = ++this.loadSeq;
    const client = this.session.api;
    this.brandingProvider.setValue(null);
    if (!this.operator || !client) {
      return this.fail({
        code: 'missing_operator',
        detail: this.localeProvider.value.t('portal.missingOperator'),
        status: 0,
      });
    }
    this.loadState = { status: 'loading' };
    try {
      const config = await client.getPortalConfig(this.operator);
      if (seq !== this.loadSeq) return;
      this.loadState = { status: 'ready', config };
      this.brandingProvider.setValue(config);
      this.emit('kb-ready', { operatorId: config.operator.id });
    } catch (error) {
      const failure = await describeLoadFailure(error, client.baseUrl, this.localeProvider.value.locale);
      if (seq === this.loadSeq) this.fail(failure);
    }
  }

  /** The theme in effect: attribute, else the operator's branding, else the system setting. */
  get effectiveTheme(): Theme {
    if (this.theme === 'light' || this.theme === 'dark') return this.theme;
    const branded = this.loadState.status === 'ready' ? this.loadState.config.branding.theme : undefined;
    if (branded === 'light' || branded === 'dark') return branded;
    return this.systemDark ? 'dark' : 'light';
  }

  protected override willUpdate(changed: PropertyValues): void {
    const locale = negotiateLocale(this.locale);
    if (locale !== this.localeProvider.value.locale) this.localeProvider.setValue(createLocaleState(locale));
    const reconfigure = !this.hasUpdated || changed.has('api') || changed.has('operator') || changed.has('auth');
    if (reconfigure || (changed.has('clientSecret') && !this.clientSecret)) {
      const baseUrl = this.api || (typeof location === 'undefined' ? '' : location.origin);
      this.session.configure({
        baseUrl,
        operatorId: this.operator,
        cookie: this.auth === 'cookie',
        clientSecret: this.clientSecret || null,
      });
    } else if (changed.has('clientSecret') && this.clientSecret) {
      // A fresh secret from the page (e.g. answering kb-session-expired): the current session stays until it is exchanged.
      void this.session.exchange(this.clientSecret);
    }
    // Stripe-style: a page that only sets `fetchClientSecret` gets its first secret asked for too.
    const fetchFirstSecret = reconfigure || changed.has('fetchClientSecret');
    if (
      fetchFirstSecret &&
      this.fetchClientSecret &&
      !this.clientSecret &&
      this.auth !== 'cookie' &&
      this.session.state.status === 'anonymous'
    )
      void this.session.startFromPage();
    if (!this.hasUpdated || changed.has('api') || changed.has('operator')) void this.reload();
    this.runtimeSheet = applyRuntimeSheet(
      this.renderRoot as ShadowRoot,
      this.runtimeSheet,
      runtimeTokenCss(this.effectiveTheme, this.loadState.status === 'ready' ? this.loadState.config.branding : null),
    );
  }

  protected override render(): TemplateResult {
    const { t } = this.localeProvider.value;
    const config = this.loadState.status === 'ready' ? this.loadState.config : null;
    const sections = visibleSections(this.sections, this.session.state);
    const current = sections.find((s) => s.id === this.section) ?? sections[0];
    return html`
      <div part="shell">
        <header part="header">
          <div part="brand">
            ${
              config?.branding.logoUrl && isSafeUrl(config.branding.logoUrl)
                ? html`<img part="logo" src=${config.branding.logoUrl} alt=${t('portal.logoAlt', { name: config.branding.displayName })} />`
                : nothing
            }
            ${config ? html`<span part="title">${config.branding.displayName}</span>` : nothing}
          </div>
          ${renderHeaderControls({
            i18n: this.localeProvider.value,
            session: this.session.state,
            dark: this.effectiveTheme === 'dark',
            // Offer what the operator supports; before the config arrives, offer every catalog.
            locales: config ? LOCALES.filter((l) => config.locales.includes(l)) : LOCALES,
            signOut: () => void this.signOut(),
            chooseLocale: (l) => this.chooseLocale(l),
            toggleTheme: this.toggleTheme,
          })}
        </header>
        <nav part="nav" aria-label=${t('portal.nav')}>
          <ul part="nav-list">
            ${sections.map((s) => {
              const active = s === current;
              return html`<li part="nav-item">
                <button part=${active ? 'nav-link nav-link-active' : 'nav-link'} aria-current=${active ? 'page' : 'false'}
                  @click=${() => this.navigate(s.id)}>${t(s.labelKey)}</button>
              </li>`;
            })}
          </ul>
        </nav>
        <!-- Not <main>: the host page already has its own main landmark. -->
        <div part="main" tabindex="-1">
          <p part="notice" role="status">${this.session.notice ? t(this.session.notice) : nothing}</p>
          ${this.renderMain(current)}
        </div>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusMain) this.renderRoot.querySelector<HTMLElement>('[part~="main"]')?.focus();
    this.focusMain = false;
    this.authFlow.focusIfPending(this.renderRoot);
  }

  private renderMain(current: PortalSection | undefined): TemplateResult {
    const { t } = this.localeProvider.value;
    switch (this.loadState.status) {
      case 'loading':
        return html`<p part="status" role="status">${t('portal.loading')}</p>`;
      case 'error':
        return html`<div part="error" role="alert">
          <p part="error-title">${t('portal.errorTitle')}</p>
          <p part="error-detail">${this.loadState.error.detail}</p>
          <button part="retry" @click=${() => void this.reload()}>${t('portal.retry')}</button>
        </div>`;
      case 'ready': {
        void current?.load?.();
        const content = current?.render() ?? nothing;
        if (this.session.state.status !== 'anonymous') return html`${content}`;
        return html`<div part="public-layout">
          <section part="auth" aria-label=${t('portal.authArea')}>${this.authFlow.render(t, Boolean(this.fetchClientSecret), this.adoptSession)}</section>
          ${content}
        </div>`;
      }
    }
  }

  /** `<kb-sign-in>` hands its session here (a property, so the token never travels in a DOM event). */
  private readonly adoptSession = (result: SessionResult): void => {
    this.session.signIn(result);
    this.focusMain = true;
  };

  private chooseLocale(locale: Locale): void {
    if (!isLocale(locale) || locale === this.localeProvider.value.locale) return;
    this.locale = locale;
    this.emit('kb-locale-change', { locale });
  }

  private readonly toggleTheme = (): void => {
    const theme: Theme = this.effectiveTheme === 'dark' ? 'light' : 'dark';
    this.theme = theme;
    this.emit('kb-theme-change', { theme });
  };

  private navigate(section: string): void {
    // Cancelable: an integrator that routes itself can preventDefault and keep control.
    if (this.emit('kb-navigate', { section })) this.section = section;
  }

  private fail(error: KabinetEventMap['kb-error']): void {
    this.loadState = { status: 'error', error };
    this.emit('kb-error', error);
  }

  private readonly onSchemeChange = (e: MediaQueryListEvent): void => {
    this.systemDark = e.matches;
  };
}
