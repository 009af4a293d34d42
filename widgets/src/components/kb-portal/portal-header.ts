/**
 * The header controls of `<kb-portal>`: the signed-in user with "Sign out", the language
 * switcher, the theme toggle and, on a narrow portal, the menu button. The menu (sections, and
 * the account and theme that leave the header there) is the portal's; `renderMenuExtras` gives
 * its account part. Plain render functions; the portal owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionState } from '../../internal/contexts.ts';
import { LOCALE_NAMES, type Locale, type LocaleState } from '../../internal/i18n.ts';

/** The id of the menu panel the menu button opens (inside the portal's shadow root). */
export const MENU_ID = 'kb-portal-menu';

export interface HeaderControls {
  i18n: LocaleState;
  session: SessionState;
  /** Languages to offer: what the operator supports (all catalogs before its config arrives). */
  locales: readonly Locale[];
  dark: boolean;
  menuOpen: boolean;
  menuLabel: string;
  signOut(): void;
  chooseLocale(locale: Locale): void;
  toggleTheme(): void;
  toggleMenu(): void;
}

export function renderHeaderControls(c: HeaderControls): TemplateResult {
  return html`<div part="controls">${renderAccount(c)} ${renderLocaleSwitcher(c)} ${renderThemeToggle(c, false)}
    <button part="menu-button" type="button" aria-expanded=${c.menuOpen ? 'true' : 'false'} aria-controls=${MENU_ID}
      @click=${c.toggleMenu}><span part="menu-icon" aria-hidden="true"></span><span part="menu-label">${c.menuLabel}</span></button>
  </div>`;
}

/** What leaves the header on a narrow portal and shows in its menu instead: the account and the theme. */
export function renderMenuExtras(c: HeaderControls): TemplateResult {
  return html`<div part="menu-extras">${renderAccount(c)} ${renderThemeToggle(c, true)}</div>`;
}

function renderAccount({
  i18n: { t },
  session: { status, user },
  signOut,
}: HeaderControls): TemplateResult | typeof nothing {
  if (status === 'anonymous' || !user) return nothing;
  // Embed sessions belong to the operator's site: it signs the partner out, not this button.
  return html`<div part="account" role="group" aria-label=${t('portal.account')}>
    <span part="user-email" title=${user.email}>${user.email}</span>
    ${status === 'signed_in' ? html`<button part="sign-out" type="button" @click=${signOut}>${t('portal.signOut')}</button>` : nothing}
  </div>`;
}

function renderLocaleSwitcher({
  i18n: { t, locale: current },
  locales,
  chooseLocale,
}: HeaderControls): TemplateResult | typeof nothing {
  if (locales.length < 2) return nothing;
  // The name starts with the visible code ("EN English"), so a voice-control user can say what they see (WCAG 2.5.3).
  return html`<div part="locale-switcher" role="group" aria-label=${t('portal.language')}>
    ${locales.map(
      (l) => html`<button part=${l === current ? 'locale-option locale-option-active' : 'locale-option'} type="button"
      lang=${l} aria-label=${`${l.toUpperCase()} ${LOCALE_NAMES[l]}`} title=${LOCALE_NAMES[l]}
      aria-pressed=${l === current ? 'true' : 'false'} @click=${() => chooseLocale(l)}>${l.toUpperCase()}</button>`,
    )}
  </div>`;
}

/** The header's toggle is an icon with a label; the menu's shows the label as text. */
function renderThemeToggle({ i18n: { t }, dark, toggleTheme }: HeaderControls, inMenu: boolean): TemplateResult {
  const label = t(dark ? 'portal.themeToLight' : 'portal.themeToDark');
  const icon = html`<span part="theme-icon" aria-hidden="true">${dark ? '☀' : '☾'}</span>`;
  return inMenu
    ? html`<button part="theme-toggle menu-theme-toggle" type="button" @click=${toggleTheme}>${icon} ${label}</button>`
    : html`<button part="theme-toggle" type="button" aria-label=${label} title=${label} @click=${toggleTheme}>${icon}</button>`;
}
