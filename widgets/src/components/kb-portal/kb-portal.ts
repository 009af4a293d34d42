/**
 * `<kb-portal>`: the shell of the partner portal. Owns the operator's configuration, locale,
 * theme, (through PortalSession) the session and its API client and (through PortalRouting) the
 * place and its address, and hands them to sections through @lit/context. Which sections show
 * follows from the session (portal-sections.ts).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { KabinetElement, isSafeUrl } from '../../internal/base-element.ts';
import type { PortalConfig, SessionResult } from '../../internal/api-client.ts';
import { brandingContext, localeContext, type SessionState } from '../../internal/contexts.ts';
import type { KabinetEventMap, Theme } from '../../internal/events.ts';
import { LOCALES, createLocaleState, isLocale, negotiateLocale, type Locale } from '../../internal/i18n.ts';
import { ROUTING_MODES, formatRoute, parseRoute, type RoutingMode } from '../../internal/router.ts';
import {
  ACCOUNT_MENU_ID,
  MENU_ID,
  renderAccountMenu,
  renderHeaderControls,
  type HeaderControls,
} from './portal-header.ts';
import { PortalAuthFlow } from './portal-auth.ts';
import { describeLoadFailure } from './portal-load-failure.ts';
import { PortalRouting } from './portal-routing.ts';
import { SectionLoader } from './portal-section-loader.ts';
import { PORTAL_SECTIONS, visibleSections, type PortalSection } from './portal-sections.ts';
import { PortalSession } from './portal-session.ts';
import { portalMessages, type PortalKey } from './kb-portal.messages.ts';
import { PortalBalances, renderBalance } from './portal-balances.ts';
import { PortalTerms, renderTermsBanner, renderTermsGate } from './portal-terms.ts';
import { applyRuntimeSheet, portalStyles, runtimeTokenCss } from './kb-portal.styles.ts';

export { PORTAL_SECTIONS, visibleSections, type PortalComponent, type PortalSection } from './portal-sections.ts';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; config: PortalConfig }
  | { status: 'error'; error: KabinetEventMap['kb-error'] };

const DARK_QUERY = '(prefers-color-scheme: dark)';
const routingMode = (value: string | null): RoutingMode =>
  ROUTING_MODES.includes(value as RoutingMode) ? (value as RoutingMode) : 'hash';

/**
 * The operator-branded partner portal.
 *
 * The header's account button (the signed-in e-mail) opens the account menu: the account sections (Profile,
 * Security, Team, Activity) and Sign out; the other sections share one row under the header.
 * Under 640 px of its own width (a phone, or a narrow column of the page) the header holds the operator's name, the
 * language switch and a Menu button; the menu lists the sections, then the signed-in e-mail, the account sections,
 * Sign out and the theme.
 * The first time a section's code loads, a status with a spinner shows until the section has rendered.
 *
 * Sessions and a refresh, by transport:
 * - Password sign-in on an operator's page (a bearer token): the token is kept in sessionStorage, for this
 *   tab only, so a
 *   refresh carries on signed in without a new sign-in (and without a new session on the server). It is removed on
 *   sign-out, when the server answers 401 and when the session ends. Never localStorage: another tab, or the browser
 * reopened, starts signed out. sessionStorage is readable by any script on the operator's page; that page
 *   already runs
 * this script and holds the token in its memory, so it must trust its own scripts either way. An operator who
 *   does not
 *   want that uses the hosted page.
 * - The hosted page `/portal/{operatorId}` (`auth="cookie"`): an HttpOnly cookie no script can read; a
 *   refresh finds it.
 * - An embed session (`client-secret`, `fetchClientSecret`): the token stays in memory only. A client secret
 *   is single-use,
 *   so after a refresh the portal starts again only from what the page gives it: `fetchClientSecret` (asked again) or a
 *   freshly minted `client-secret` in the reloaded page.
 *
 * @attr api - Base URL of the Kabinet server; defaults to the page's origin.
 * @attr operator - Operator id, e.g. `op_demo_luckyspin`.
 * @attr client-secret - Embed session secret minted by the operator's backend; exchanged for a session on load.
 * @attr auth - `cookie` on the hosted portal page: sign-in sets an HttpOnly cookie (default: a bearer token,
 *   kept for this tab as above).
 * @attr locale - `en` or `ru`; defaults to the browser's language, then English.
 * @attr theme - `light` or `dark`; defaults to the operator's branding, then the system setting.
 * @attr routing - Where the portal keeps its place (a section, and a view inside it such as a campaign's
 *   page), so Back,
 *   Forward, a refresh and a shared link land there. `hash` (default): `#/campaigns`, `#/campaigns/camp_123`,
 *   `#/postback-log?…`; needs nothing from the server, and only hashes starting with `#/` are the portal's (the page's
 *   own anchors and the emailed `#reset=` links are left alone). `path`: the History API under `base-path`
 *   (`/partners/campaigns/camp_123`); the operator's server must then answer every path under that prefix with the page
 *   that holds the portal (a rewrite), or a refresh or a shared link gets its 404. `none`: the page routes itself; the
 *   portal keeps its place in memory, emits `kb-navigate` with the path for the host's router to follow, and goes where
 *   `navigate(path)` says. One routed portal per page: two would share one address. A page opened on a portal address
 *   (a shared link) scrolls the portal into view.
 * @attr base-path - With `routing="path"`: the prefix the portal owns, e.g. `/partners/` (default `/`).
 * @attr section - The section to show when the address names none (default: the first the session may see).
 * @prop fetchClientSecret - `() => Promise<string>`: returns a fresh embed secret; asked on load when `client-secret`
 *   is not set, and before the session ends (Stripe Connect style).
 * @prop sections - The section registry (default PORTAL_SECTIONS).
 *
 * @event kb-ready - The operator's configuration loaded. `detail: { operatorId }`.
 * @event kb-error - Loading failed. `detail: { code, detail, status }`; `code` is the server's problem code,
 *   `origin_not_allowed`
 *   (the server answered, but this page's origin is not among the operator's allowed origins) or `network`.
 * @event kb-navigate - The user moved to another place: a section, or a view inside one such as a campaign's
 *   page (cancelable:
 * the portal then stays). `detail: { section, path }`, `path` like `/campaigns/camp_123`. Not sent for Back
 *   and Forward.
 * @event kb-locale-change - The user picked a language. `detail: { locale }`.
 * @event kb-theme-change - The user toggled the theme. `detail: { theme }`.
 * @event kb-signed-in - A partner user signed in (from `<kb-sign-in>`). `detail: { user }`.
 * @event kb-signed-up - An application was sent (from `<kb-sign-up>`). `detail: { partnerId }`.
 * @event kb-signed-out - The user signed out. `detail: { userId }`.
 * @event kb-session-expired - The session is ending or ended. `detail: { reason: 'expiring' | 'expired' }`.
 *
 * @csspart shell - Everything inside the host.
 * @csspart header - Top bar with the operator's brand and the controls.
 * @csspart brand - Logo and name group.
 * @csspart logo - The operator's logo.
 * @csspart title - The operator's display name.
 * @csspart controls - Balance, account, locale switcher, theme toggle and menu button.
 * @csspart balance - The available balance, a button that opens the wallet (when the session may see it): in the
 *   header, and on a narrow portal at the top of the menu.
 *   @csspart balance-label - Its word. @csspart balance-amount - One currency's amount (the first two).
 *   @csspart balance-more - How many more currencies there are ("+1").
 * @csspart account - The signed-in user's group.
 * @csspart account-button - Their e-mail as the button that opens the account menu (`account-button-active` while an
 *   account section shows). @csspart account-caret - Its arrow.
 * @csspart user-email - Their email (also `menu-email` in the narrow menu).
 * @csspart account-menu - The account sections and Sign out: a dropdown under the header (`account-menu-open` when
 *   open); on a narrow portal part of the menu, with the e-mail and the theme toggle.
 * @csspart account-nav - Its navigation. @csspart account-list - Its list. @csspart account-item - One entry.
 * @csspart account-link - Its button (also `nav-link`, and `nav-link-active` when current).
 * @csspart sign-out - Sign-out button.
 * @csspart locale-switcher - Group of language buttons.
 * @csspart locale-option - One language button (`locale-option-active` when chosen).
 * @csspart theme-toggle - Light/dark toggle button (also `menu-theme-toggle` in the menu).
 * @csspart theme-icon - Its sun or moon.
 * @csspart menu-button - On a narrow portal (under 640 px): opens the menu.
 * @csspart menu-icon - Its bars.
 * @csspart menu-label - Its text.
 * @csspart menu - The navigation and the account menu; on a narrow portal hidden until opened (`menu-open`).
 * @csspart nav - Section navigation.
 * @csspart nav-list - Its list.
 * @csspart nav-item - One entry.
 * @csspart nav-link - Its button (`nav-link-active` when current).
 * @csspart main - Where the current section, the loading or the error state renders.
 * @csspart section-terms-gate - `<kb-terms gate>`: the new terms to accept before any section (password sessions).
 * @csspart terms-banner - Embed sessions: new terms were published (with `terms-banner-link`).
 * @csspart section-loading - Shown while a section's code loads the first time. @csspart spinner - Its spinner.
 * @csspart notice - Session news for the sign-in form (session ended, password set…).
 * @csspart public-layout - While anonymous: the sign-in area beside the public section.
 * @csspart auth - The sign-in area.
 * @csspart sign-in, sign-up, account-link - The forms in it.
 * @csspart auth-switch - "New here? Create an account" line.
 * @csspart auth-switch-button - Its button.
 * @csspart section - The current section element (also `section-<id>`).
 * @csspart status - Loading message.
 * @csspart error - Error box (also `session-error`).
 * @csspart error-title, error-detail - Its texts.
 * @csspart retry - Retry button.
 *
 * @cssproperty --kb-color-primary - Brand colour as button fills (set from the operator's branding).
 * @cssproperty --kb-color-on-primary - Text on the brand colour.
 * @cssproperty --kb-color-link - The brand colour as text and state borders, adjusted to 4.5:1 on every
 *   surface of the theme.
 * @cssproperty --kb-color-accent - Accent colour (from branding).
 * @cssproperty --kb-color-accent-ui - The accent as the active-tab underline, at least 3:1.
 * @cssproperty --kb-color-bg - Background. @cssproperty --kb-color-surface - Raised surfaces.
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Secondary text.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-danger - Error text. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-font-family - Font stack.
 * @cssproperty --kb-font-size - Base size.
 * @cssproperty --kb-line-height - Line height.
 * @cssproperty --kb-radius - Corner radius.
 * @cssproperty --kb-radius-small - Small corner radius.
 * @cssproperty --kb-space-1 … --kb-space-5 - Spacing scale.
 * @cssproperty --kb-focus-ring-color - Focus ring colour (opaque, at least 3:1).
 * @cssproperty --kb-focus-ring-width - Focus ring width.
 * @cssproperty --kb-shadow - Card shadow.
 */
export class KbPortal extends KabinetElement {
  static override properties = {
    api: { type: String },
    operator: { type: String },
    clientSecret: { type: String, attribute: 'client-secret' },
    auth: { type: String },
    locale: { type: String },
    theme: { type: String },
    routing: { type: String },
    basePath: { type: String, attribute: 'base-path' },
    section: { type: String, noAccessor: true },
    sections: { attribute: false },
    fetchClientSecret: { attribute: false },
    loadState: { state: true },
    systemDark: { state: true },
    menuOpen: { state: true },
    accountOpen: { state: true },
  };
  static override styles = portalStyles;

  declare api: string | null;
  declare operator: string | null;
  declare clientSecret: string | null;
  declare auth: 'cookie' | 'bearer' | null;
  declare locale: string | null;
  declare theme: string | null;
  declare routing: RoutingMode | null;
  declare basePath: string | null;
  declare sections: readonly PortalSection[];
  /** Set by the page: returns a fresh embed client secret (Stripe Connect style). */
  declare fetchClientSecret: (() => Promise<string>) | null;
  declare protected loadState: LoadState;
  declare protected systemDark: boolean;
  /** The narrow portal's menu is open. */
  declare protected menuOpen: boolean;
  /** The wide portal's account menu is open. */
  declare protected accountOpen: boolean;

  private readonly session = new PortalSession(this, {
    emit: (name, detail) => this.emit(name, detail),
    fetchClientSecret: () => this.fetchClientSecret,
    t: (key) => this.localeProvider.value.t(key),
    locale: () => this.localeProvider.value.locale,
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
  private readonly balances = new PortalBalances(this);
  private readonly termsGate = new PortalTerms(this);
  /** Counts openings of the wallet and the dashboard: each one asks for the header's balance again. */
  private moneyVisits = 0;
  private readonly routingController = new PortalRouting(this, {
    navigate: (route) => this.emit('kb-navigate', { section: route.section, path: formatRoute(route) }),
  });
  private readonly sectionLoader = new SectionLoader(this, () =>
    this.renderRoot.querySelector('[part~="main"] [part~="section"]'),
  );
  /** The section shown at the last update. */
  private current: PortalSection | undefined;
  /** After sign-in, focus goes to the section that replaced the form. */
  private focusMain = false;
  private focusMenuButton = false;
  /** Where focus goes after the next render (the account menu's first entry, or back to its button). */
  private focusAfter: string | null = null;

  constructor() {
    super();
    this.api = null;
    this.operator = null;
    this.clientSecret = null;
    this.auth = null;
    this.locale = null;
    this.theme = null;
    this.routing = null;
    this.basePath = null;
    this.sections = PORTAL_SECTIONS;
    this.fetchClientSecret = null;
    this.loadState = { status: 'loading' };
    this.systemDark = false;
    this.menuOpen = false;
    this.accountOpen = false;
    // Sections report a 401 this way (detail optional). The portal renews or ends the session and
    // tells the page with its own event; registered first, so the section's never reaches the page.
    this.addEventListener('kb-session-expired', (e) => {
      if (e.composedPath()[0] === this) return;
      e.stopImmediatePropagation();
      void this.session.expire('expired');
    });
    // A section's way to another section (an empty list's next step): like a pick in the navigation.
    this.addEventListener('kb-open-section', (e) => {
      if (e.composedPath()[0] === this) return;
      e.stopPropagation();
      const place = e.detail.path ? parseRoute(e.detail.path) : null;
      if (place) this.routingController.go(place);
      else this.pick(e.detail.section);
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
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  /**
   * Id of the shown section (see PORTAL_SECTIONS). Setting it shows that section: before the first
   * render it is the section to show when the address names none.
   */
  get section(): string {
    return this.current?.id ?? this.routingController.place.section;
  }
  set section(id: string | null) {
    const old = this.section;
    const route = { section: id ?? '', path: [], query: '' };
    if (this.hasUpdated) this.routingController.go(route, { emit: false });
    else this.routingController.place = route;
    this.requestUpdate('section', old);
  }

  /** The place shown, as a portal path: `/campaigns/camp_123` (`#/campaigns/camp_123` in hash routing). */
  get path(): string {
    const { shown, place } = this.routingController;
    return formatRoute(shown ?? place);
  }

  /**
   * Shows the place at `path` (`/campaigns/camp_123`, `/postback-log?…`), e.g. for a host router with
   * `routing="none"`; in hash and path routing the address follows. Sends no `kb-navigate`.
   */
  navigate(path: string, options: { replace?: boolean } = {}): void {
    const route = parseRoute(path);
    if (route) this.routingController.go(route, { replace: options.replace ?? false, emit: false });
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
    // A password session this tab kept gives way to the page's embed session.
    if (
      fetchFirstSecret &&
      this.fetchClientSecret &&
      !this.clientSecret &&
      this.auth !== 'cookie' &&
      (this.session.state.status === 'anonymous' || this.session.restored)
    )
      void this.session.startFromPage();
    if (!this.hasUpdated || changed.has('api') || changed.has('operator')) void this.reload();
    if (!this.hasUpdated || changed.has('routing') || changed.has('basePath'))
      this.routingController.configure(routingMode(this.routing), this.basePath);
    const shownBefore = this.routingController.shown;
    this.current = this.routingController.resolve(
      this.sections,
      visibleSections(this.sections, this.session.state),
      this.session.state,
      this.session.phase.kind !== 'checking',
    );
    const moved = this.routingController.shown !== shownBefore;
    if (moved && (this.current?.id === 'wallet' || this.current?.id === 'dashboard')) this.moneyVisits++;
    const walletAllowed = visibleSections(this.sections, this.session.state).some((s) => s.id === 'wallet');
    this.balances.follow(this.session.api, this.session.state, walletAllowed, String(this.moneyVisits));
    this.termsGate.follow(this.session.api, this.session.state);
    // Another place (Back, Forward, a link): an open menu has done its job.
    if ((this.menuOpen || this.accountOpen) && moved) {
      this.menuOpen = false;
      this.accountOpen = false;
      if (this.renderRoot.querySelector(`#${MENU_ID}`)?.contains((this.renderRoot as ShadowRoot).activeElement))
        this.focusMain = true;
    }
    this.runtimeSheet = applyRuntimeSheet(
      this.renderRoot as ShadowRoot,
      this.runtimeSheet,
      runtimeTokenCss(this.effectiveTheme, this.loadState.status === 'ready' ? this.loadState.config.branding : null),
    );
  }

  protected override render(): TemplateResult {
    const { t } = this.localeProvider.value;
    const config = this.loadState.status === 'ready' ? this.loadState.config : null;
    // Until new terms are accepted, the gate is the only place (no navigation to sections the server holds).
    const gated = this.termsGate.blocks(this.session.state);
    const visible = gated ? [] : visibleSections(this.sections, this.session.state);
    const sections = visible.filter((s) => s.group !== 'account');
    const current = this.current;
    const controls: HeaderControls = {
      i18n: this.localeProvider.value,
      session: this.session.state,
      dark: this.effectiveTheme === 'dark',
      // Offer what the operator supports; before the config arrives, offer every catalog.
      locales: config ? LOCALES.filter((l) => config.locales.includes(l)) : LOCALES,
      menuOpen: this.menuOpen,
      menuLabel: this.m('menu'),
      accountEntries: visible
        .filter((s) => s.group === 'account')
        .map((s) => ({ id: s.id, label: t(s.labelKey), active: s === current })),
      accountOpen: this.accountOpen,
      balance: () => renderBalance(this.localeProvider.value.locale, this.balances.balances, () => this.pick('wallet')),
      notifications: visible.some((s) => s.id === 'notifications'),
      signOut: () => void this.signOut(),
      pick: (id) => this.pick(id),
      toggleAccount: this.toggleAccount,
      chooseLocale: (l) => this.chooseLocale(l),
      toggleTheme: this.toggleTheme,
      toggleMenu: this.toggleMenu,
    };
    return html`
      <div part="shell" @keydown=${this.onShellKeydown}>
        <header part="header">
          <div part="brand">
            ${
              config?.branding.logoUrl && isSafeUrl(config.branding.logoUrl)
                ? html`<img part="logo" src=${config.branding.logoUrl} alt=${t('portal.logoAlt', { name: config.branding.displayName })} />`
                : nothing
            }
            ${config ? html`<span part="title">${config.branding.displayName}</span>` : nothing}
          </div>
          ${renderHeaderControls(controls)}
        </header>
        <div part=${this.menuOpen ? 'menu menu-open' : 'menu'} id=${MENU_ID}>
          <nav part="nav" aria-label=${t('portal.nav')}>
            <ul part="nav-list">
              ${sections.map((s) => {
                const active = s === current;
                return html`<li part="nav-item">
                  <button part=${active ? 'nav-link nav-link-active' : 'nav-link'} type="button" aria-current=${active ? 'page' : 'false'}
                    @click=${() => this.pick(s.id)}>${t(s.labelKey)}</button>
                </li>`;
              })}
            </ul>
          </nav>
          ${renderAccountMenu(controls)}
        </div>
        <!-- Not <main>: the host page already has its own main landmark. -->
        <div part="main" tabindex="-1">
          <p part="notice" role="status">${this.session.notice ? t(this.session.notice) : nothing}</p>
          ${this.renderMain(current)}
        </div>
      </div>
    `;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // A link to a place in the portal opens there even when the portal sits low on a long page (a
    // reload or Back keeps the browser's own scroll position instead).
    if (this.routingController.openedOnAddress) requestAnimationFrame(() => this.scrollIntoView({ block: 'start' }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusMain) this.renderRoot.querySelector<HTMLElement>('[part~="main"]')?.focus();
    this.focusMain = false;
    if (this.focusMenuButton) this.renderRoot.querySelector<HTMLElement>('[part~="menu-button"]')?.focus();
    this.focusMenuButton = false;
    if (this.focusAfter) this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = null;
    this.authFlow.focusIfPending(this.renderRoot);
    if (changed.has('menuOpen') || changed.has('accountOpen')) {
      // An open menu closes when the partner presses or taps anywhere outside it.
      if (this.menuOpen || this.accountOpen) document.addEventListener('pointerdown', this.onOutsidePointer, true);
      else document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    }
  }

  private m(key: PortalKey, params?: Record<string, string>): string {
    return portalMessages(this.localeProvider.value.locale, key, params);
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
          <button part="retry" type="button" @click=${() => void this.reload()}>${t('portal.retry')}</button>
        </div>`;
      case 'ready': {
        if (this.termsGate.blocks(this.session.state)) return renderTermsGate(() => void this.signOut());
        const banner =
          this.termsGate.pending && this.session.state.status === 'embedded'
            ? renderTermsBanner(this.localeProvider.value.locale, () => this.pick('terms'))
            : nothing;
        const content = html`${banner}${this.renderSection(current)}`;
        if (this.session.state.status !== 'anonymous') return content;
        return html`<div part="public-layout">
          <section part="auth" aria-label=${t('portal.authArea')}>${this.authFlow.render(t, Boolean(this.fetchClientSecret), this.adoptSession)}</section>
          ${content}
        </div>`;
      }
    }
  }

  /**
   * The section, with a status while its code loads the first time (the element is already in
   * place and upgrades when its chunk defines it), or an error with Retry if the chunk failed.
   */
  private renderSection(current: PortalSection | undefined): TemplateResult {
    if (!current) return html``;
    const { t } = this.localeProvider.value;
    const status = this.sectionLoader.status(current);
    if (status === 'failed') {
      return html`<div part="error section-error" role="alert">
        <p part="error-title">${this.m('sectionFailedTitle')}</p>
        <p part="error-detail">${this.m('sectionFailedDetail')}</p>
        <button part="retry" type="button" @click=${() => this.sectionLoader.retry(current)}>${t('portal.retry')}</button>
      </div>`;
    }
    const waiting =
      status === 'loading'
        ? html`<div part="section-loading" role="status">
            <span part="spinner" aria-hidden="true"></span><span>${this.m('loadingSection', { section: t(current.labelKey) })}</span>
          </div>`
        : nothing;
    return html`${waiting}${current.render()}`;
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

  /** A section picked in the navigation: its first view (kb-navigate first: a host router may take over). */
  private pick(section: string): void {
    this.routingController.go({ section, path: [], query: '' });
    if (this.menuOpen || this.accountOpen) {
      this.menuOpen = false;
      this.accountOpen = false;
      this.focusMain = true; // the picked button is gone with the menu
    }
  }

  private readonly toggleMenu = (): void => {
    this.menuOpen = !this.menuOpen;
  };

  /**
   * Opens the account menu with focus on its first entry: in the page's order it comes after the
   * section row, so Tab from the button would not reach it next. Closing leaves focus on the button.
   */
  private readonly toggleAccount = (): void => {
    this.accountOpen = !this.accountOpen;
    if (this.accountOpen) this.focusAfter = `#${ACCOUNT_MENU_ID} button`;
  };

  private readonly onShellKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !(this.menuOpen || this.accountOpen)) return;
    e.stopPropagation();
    if (this.accountOpen) this.focusAfter = '[part~="account-button"]';
    else this.focusMenuButton = true;
    this.menuOpen = false;
    this.accountOpen = false;
  };

  private readonly onOutsidePointer = (e: PointerEvent): void => {
    const path = e.composedPath();
    const within = (...parts: string[]) =>
      parts.some((part) => {
        const el = this.renderRoot.querySelector(`[part~="${part}"]`);
        return el !== null && path.includes(el);
      });
    if (this.menuOpen && !within('menu', 'menu-button')) this.menuOpen = false;
    if (this.accountOpen && !within('account-menu', 'account-button')) this.accountOpen = false;
  };

  private fail(error: KabinetEventMap['kb-error']): void {
    this.loadState = { status: 'error', error };
    this.emit('kb-error', error);
  }

  private readonly onSchemeChange = (e: MediaQueryListEvent): void => {
    this.systemDark = e.matches;
  };
}
