/**
 * `<kb-portal>`: the shell of the partner portal. Owns the API client, the operator's
 * configuration, locale and theme, and hands them to sections through @lit/context.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { KabinetElement, isSafeUrl } from '../../internal/base-element.ts';
import { ApiError, createApiClient, type ApiClient, type PortalConfig } from '../../internal/api-client.ts';
import { apiContext, brandingContext, localeContext, sessionContext } from '../../internal/contexts.ts';
import type { KabinetEventMap, Theme } from '../../internal/events.ts';
import { LOCALE_NAMES, LOCALES, createLocaleState, isLocale, negotiateLocale, type Locale, type MessageKey } from '../../internal/i18n.ts';
import { portalStyles, runtimeTokenCss } from './kb-portal.styles.ts';

/** A portal section. Later sections (dashboard, campaigns, wallet…) are new entries here. */
export interface PortalSection {
  id: string;
  labelKey: MessageKey;
  render: () => TemplateResult;
}

export const PORTAL_SECTIONS: readonly PortalSection[] = [
  { id: 'program', labelKey: 'nav.program', render: () => html`<kb-program part="section section-program"></kb-program>` },
];

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
 * @attr client-secret - Embed session secret minted by the operator's backend.
 * @attr locale - `en` or `ru`; defaults to the browser's language, then English.
 * @attr theme - `light` or `dark`; defaults to the operator's branding, then the system setting.
 *
 * @event kb-ready - The operator's configuration loaded. `detail: { operatorId }`.
 * @event kb-error - Loading failed. `detail: { code, detail, status }`.
 * @event kb-navigate - The user picked a section (cancelable). `detail: { section }`.
 * @event kb-locale-change - The user picked a language. `detail: { locale }`.
 * @event kb-theme-change - The user toggled the theme. `detail: { theme }`.
 *
 * @csspart shell - Everything inside the host.
 * @csspart header - Top bar with the operator's brand and the controls.
 * @csspart brand - Logo and name group. @csspart logo - The operator's logo. @csspart title - The operator's display name.
 * @csspart controls - Locale switcher and theme toggle.
 * @csspart locale-switcher - Group of language buttons. @csspart locale-option - One language button (`locale-option-active` when chosen).
 * @csspart theme-toggle - Light/dark toggle button.
 * @csspart nav - Section navigation. @csspart nav-list - Its list. @csspart nav-item - One entry. @csspart nav-link - Its button (`nav-link-active` when current).
 * @csspart main - Where the current section, the loading or the error state renders.
 * @csspart section - The current section element (also `section-<id>`).
 * @csspart status - Loading message. @csspart error - Error box. @csspart error-title, error-detail - Its texts. @csspart retry - Retry button.
 *
 * @cssproperty --kb-color-primary - Brand colour (set from the operator's branding). @cssproperty --kb-color-on-primary - Text on the brand colour.
 * @cssproperty --kb-color-accent - Accent colour (from branding). @cssproperty --kb-color-bg - Background. @cssproperty --kb-color-surface - Raised surfaces.
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Secondary text. @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-danger - Error text. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-font-family - Font stack. @cssproperty --kb-font-size - Base size. @cssproperty --kb-line-height - Line height.
 * @cssproperty --kb-radius - Corner radius. @cssproperty --kb-radius-small - Small corner radius. @cssproperty --kb-space-1 … --kb-space-5 - Spacing scale.
 * @cssproperty --kb-focus-ring-color - Focus ring colour. @cssproperty --kb-focus-ring-width - Focus ring width. @cssproperty --kb-shadow - Card shadow.
 */
export class KbPortal extends KabinetElement {
  static override properties = {
    api: { type: String },
    operator: { type: String },
    clientSecret: { type: String, attribute: 'client-secret' },
    locale: { type: String },
    theme: { type: String },
    section: { type: String },
    loadState: { state: true },
    systemDark: { state: true },
  };
  static override styles = portalStyles;

  declare api: string | null;
  declare operator: string | null;
  declare clientSecret: string | null;
  declare locale: string | null;
  declare theme: string | null;
  /** Id of the shown section (see PORTAL_SECTIONS). */
  declare section: string;
  protected declare loadState: LoadState;
  protected declare systemDark: boolean;

  private readonly apiProvider = new ContextProvider(this, { context: apiContext, initialValue: undefined as ApiClient | undefined });
  private readonly sessionProvider = new ContextProvider(this, { context: sessionContext, initialValue: { clientSecret: null, status: 'anonymous' } });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext, initialValue: createLocaleState('en') });
  private readonly brandingProvider = new ContextProvider(this, { context: brandingContext, initialValue: null as PortalConfig | null });
  /** Each load gets a number so a slow, stale response can't overwrite a newer one. */
  private loadSeq = 0;
  private runtimeSheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private darkQuery: MediaQueryList | null = null;

  constructor() {
    super();
    this.api = null;
    this.operator = null;
    this.clientSecret = null;
    this.locale = null;
    this.theme = null;
    this.section = PORTAL_SECTIONS[0]?.id ?? '';
    this.loadState = { status: 'loading' };
    this.systemDark = false;
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

  /** Reloads the operator's configuration (what the Retry button does). */
  async reload(): Promise<void> {
    const seq = ++this.loadSeq;
    const client = this.apiProvider.value;
    this.brandingProvider.setValue(null);
    if (!this.operator || !client) {
      return this.fail({ code: 'missing_operator', detail: this.localeProvider.value.t('portal.missingOperator'), status: 0 });
    }
    this.loadState = { status: 'loading' };
    try {
      const config = await client.getPortalConfig(this.operator);
      if (seq !== this.loadSeq) return;
      this.loadState = { status: 'ready', config };
      this.brandingProvider.setValue(config);
      this.emit('kb-ready', { operatorId: config.operator.id });
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.fail(error instanceof ApiError
        ? { code: error.code, detail: error.detail, status: error.status }
        : { code: 'network', detail: this.localeProvider.value.t('portal.networkError'), status: 0 });
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
    if (!this.hasUpdated || changed.has('api') || changed.has('clientSecret')) {
      const baseUrl = this.api || (typeof location === 'undefined' ? '' : location.origin);
      this.apiProvider.setValue(createApiClient(baseUrl, { clientSecret: this.clientSecret }));
      this.sessionProvider.setValue({ clientSecret: this.clientSecret || null, status: this.clientSecret ? 'embedded' : 'anonymous' });
    }
    const locale = negotiateLocale(this.locale);
    if (locale !== this.localeProvider.value.locale) this.localeProvider.setValue(createLocaleState(locale));
    if (!this.hasUpdated || changed.has('api') || changed.has('operator') || changed.has('clientSecret')) void this.reload();
    this.applyRuntimeTokens();
  }

  protected override render(): TemplateResult {
    const { t } = this.localeProvider.value;
    const config = this.loadState.status === 'ready' ? this.loadState.config : null;
    return html`
      <div part="shell">
        <header part="header">
          <div part="brand">
            ${config?.branding.logoUrl && isSafeUrl(config.branding.logoUrl)
              ? html`<img part="logo" src=${config.branding.logoUrl} alt=${t('portal.logoAlt', { name: config.branding.displayName })} />`
              : nothing}
            ${config ? html`<span part="title">${config.branding.displayName}</span>` : nothing}
          </div>
          <div part="controls">${this.renderLocaleSwitcher(config)} ${this.renderThemeToggle()}</div>
        </header>
        <nav part="nav" aria-label=${t('portal.nav')}>
          <ul part="nav-list">
            ${PORTAL_SECTIONS.map((s) => {
              const active = s.id === this.section;
              return html`<li part="nav-item">
                <button part=${active ? 'nav-link nav-link-active' : 'nav-link'} aria-current=${active ? 'page' : 'false'}
                  @click=${() => this.navigate(s.id)}>${t(s.labelKey)}</button>
              </li>`;
            })}
          </ul>
        </nav>
        <!-- Not <main>: the host page already has its own main landmark. -->
        <div part="main">${this.renderMain()}</div>
      </div>
    `;
  }

  private renderMain(): TemplateResult {
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
      case 'ready':
        return (PORTAL_SECTIONS.find((s) => s.id === this.section) ?? PORTAL_SECTIONS[0])?.render() ?? html``;
    }
  }

  private renderLocaleSwitcher(config: PortalConfig | null): TemplateResult | typeof nothing {
    const { t, locale: current } = this.localeProvider.value;
    // Offer what the operator supports; before the config arrives, offer every catalog.
    const offered = config ? LOCALES.filter((l) => config.locales.includes(l)) : [...LOCALES];
    if (offered.length < 2) return nothing;
    return html`<div part="locale-switcher" role="group" aria-label=${t('portal.language')}>
      ${offered.map((l) => html`<button part=${l === current ? 'locale-option locale-option-active' : 'locale-option'}
        lang=${l} aria-label=${LOCALE_NAMES[l]} aria-pressed=${l === current ? 'true' : 'false'}
        @click=${() => this.chooseLocale(l)}>${l.toUpperCase()}</button>`)}
    </div>`;
  }

  private renderThemeToggle(): TemplateResult {
    const { t } = this.localeProvider.value;
    const dark = this.effectiveTheme === 'dark';
    return html`<button part="theme-toggle" aria-label=${t(dark ? 'portal.themeToLight' : 'portal.themeToDark')}
      title=${t(dark ? 'portal.themeToLight' : 'portal.themeToDark')} @click=${this.toggleTheme}>
      <span aria-hidden="true">${dark ? '☀' : '☾'}</span>
    </button>`;
  }

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

  /**
   * Theme and brand colours go into one extra `:host` sheet after the static styles, so
   * they beat the light defaults while a page's own `kb-portal { --kb-…: … }` still wins.
   */
  private applyRuntimeTokens(): void {
    const root = this.renderRoot as ShadowRoot;
    const text = runtimeTokenCss(this.effectiveTheme, this.loadState.status === 'ready' ? this.loadState.config.branding : null);
    if (!this.runtimeSheet) {
      if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
        this.runtimeSheet = new CSSStyleSheet();
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.runtimeSheet];
      } else {
        this.runtimeSheet = document.createElement('style');
        root.append(this.runtimeSheet);
      }
    }
    if (this.runtimeSheet instanceof CSSStyleSheet) this.runtimeSheet.replaceSync(text);
    else this.runtimeSheet.textContent = text;
  }
}

