/**
 * The header controls of `<kb-portal>`: the notification bell, the signed-in user's account button, the language
 * switcher, the theme toggle and, on a narrow portal, the menu button. The account button opens
 * the account menu: the sections about the partner's own account (Profile, Security, Team,
 * Activity: visited now and then, unlike the daily work sections) and Sign out, so the section
 * row stays one line wide. On a narrow portal the account menu is part of the open menu, with the
 * e-mail and the theme that leave the header there. Plain render functions; the portal owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionState } from '../../internal/contexts.ts';
import { LOCALE_NAMES, type Locale, type LocaleState } from '../../internal/i18n.ts';

/** The id of the menu panel the menu button opens (inside the portal's shadow root). */
export const MENU_ID = 'kb-portal-menu';
/** The id of the account menu the account button opens. */
export const ACCOUNT_MENU_ID = 'kb-portal-account-menu';

/** A section of the account menu. */
export interface AccountEntry {
  id: string;
  label: string;
  active: boolean;
}

export interface HeaderControls {
  i18n: LocaleState;
  session: SessionState;
  /** Languages to offer: what the operator supports (all catalogs before its config arrives). */
  locales: readonly Locale[];
  dark: boolean;
  menuOpen: boolean;
  menuLabel: string;
  /** The account group's sections this session may see (none while anonymous). */
  accountEntries: readonly AccountEntry[];
  accountOpen: boolean;
  /**
   * The available balance, opening the wallet (nothing when the session has no wallet): in the
   * header on a wide portal, at the top of the menu on a narrow one (the operator's name keeps its room).
   */
  balance: () => TemplateResult | typeof nothing;
  /** Whether this session may see notifications: the bell (`<kb-notification-bell>`) stays in the header at any width. */
  notifications: boolean;
  signOut(): void;
  pick(section: string): void;
  toggleAccount(): void;
  chooseLocale(locale: Locale): void;
  toggleTheme(): void;
  toggleMenu(): void;
}

export function renderHeaderControls(c: HeaderControls): TemplateResult {
  const bell =
    c.notifications && c.session.status !== 'anonymous'
      ? html`<kb-notification-bell part="notifications" exportparts="notification-bell, notification-count"></kb-notification-bell>`
      : nothing;
  return html`<div part="controls">${c.balance()} ${bell} ${renderAccount(c)} ${renderLocaleSwitcher(c)} ${renderThemeToggle(c, false)}
    <button part="menu-button" type="button" aria-expanded=${c.menuOpen ? 'true' : 'false'} aria-controls=${MENU_ID}
      @click=${c.toggleMenu}><span part="menu-icon" aria-hidden="true"></span><span part="menu-label">${c.menuLabel}</span></button>
  </div>`;
}

/** Whether the account button opens anything: account sections, or Sign out. */
const hasAccountMenu = ({ session, accountEntries }: HeaderControls): boolean =>
  accountEntries.length > 0 || session.status === 'signed_in';

/**
 * The account menu, after the section navigation: a dropdown under the header on a wide portal
 * (shown while `accountOpen`), and on a narrow one a part of the open menu, with the e-mail and
 * the theme toggle that leave the header there.
 */
export function renderAccountMenu(c: HeaderControls): TemplateResult | typeof nothing {
  const {
    i18n: { t },
    session: { status, user },
    accountEntries,
    accountOpen,
    signOut,
    pick,
  } = c;
  if (status === 'anonymous' || !user) return html`<div part="account-menu">${renderThemeToggle(c, true)}</div>`;
  return html`<div part=${accountOpen ? 'account-menu account-menu-open' : 'account-menu'} id=${ACCOUNT_MENU_ID}>
    ${c.balance()}
    <span part="user-email menu-email" title=${user.email}>${user.email}</span>
    ${
      accountEntries.length > 0
        ? html`<nav part="account-nav" aria-label=${t('portal.account')}><ul part="account-list">${accountEntries.map(
            (e) => html`<li part="account-item">
            <button part=${e.active ? 'nav-link account-link nav-link-active' : 'nav-link account-link'} type="button"
              aria-current=${e.active ? 'page' : 'false'} @click=${() => pick(e.id)}>${e.label}</button></li>`,
          )}</ul></nav>`
        : nothing
    }
    ${
      // Embed sessions belong to the operator's site: it signs the partner out, not this button.
      status === 'signed_in'
        ? html`<button part="sign-out" type="button" @click=${signOut}>${t('portal.signOut')}</button>`
        : nothing
    }
    ${renderThemeToggle(c, true)}
  </div>`;
}

function renderAccount(c: HeaderControls): TemplateResult | typeof nothing {
  const {
    i18n: { t },
    session: { status, user },
    accountEntries,
    accountOpen,
    toggleAccount,
  } = c;
  if (status === 'anonymous' || !user) return nothing;
  const inAccount = accountEntries.some((e) => e.active);
  return html`<div part="account" role="group" aria-label=${t('portal.account')}>
    ${
      hasAccountMenu(c)
        ? html`<button part=${inAccount ? 'account-button account-button-active' : 'account-button'} type="button"
          aria-expanded=${accountOpen ? 'true' : 'false'} aria-controls=${ACCOUNT_MENU_ID} title=${user.email}
          @click=${toggleAccount}><span part="user-email">${user.email}</span><span part="account-caret" aria-hidden="true"></span></button>`
        : html`<span part="user-email" title=${user.email}>${user.email}</span>`
    }
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
