/**
 * The header controls of `<kb-portal>`: the signed-in user with "Sign out", the language
 * switcher and the theme toggle. Plain render functions; the portal owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionState } from '../../internal/contexts.ts';
import { LOCALE_NAMES, type Locale, type LocaleState } from '../../internal/i18n.ts';

export interface HeaderControls {
  i18n: LocaleState;
  session: SessionState;
  /** Languages to offer: what the operator supports (all catalogs before its config arrives). */
  locales: readonly Locale[];
  dark: boolean;
  signOut(): void;
  chooseLocale(locale: Locale): void;
  toggleTheme(): void;
}

export function renderHeaderControls(c: HeaderControls): TemplateResult {
  return html`<div part="controls">${renderAccount(c)} ${renderLocaleSwitcher(c)} ${renderThemeToggle(c)}</div>`;
}

function renderAccount({
  i18n: { t },
  session: { status, user },
  signOut,
}: HeaderControls): TemplateResult | typeof nothing {
  if (status === 'anonymous' || !user) return nothing;
  // Embed sessions belong to the operator's site: it signs the partner out, not this button.
  return html`<div part="account" role="group" aria-label=${t('portal.account')}>
    <span part="user-email">${user.email}</span>
    ${status === 'signed_in' ? html`<button part="sign-out" type="button" @click=${signOut}>${t('portal.signOut')}</button>` : nothing}
  </div>`;
}

function renderLocaleSwitcher({
  i18n: { t, locale: current },
  locales,
  chooseLocale,
}: HeaderControls): TemplateResult | typeof nothing {
  if (locales.length < 2) return nothing;
  return html`<div part="locale-switcher" role="group" aria-label=${t('portal.language')}>
    ${locales.map(
      (l) => html`<button part=${l === current ? 'locale-option locale-option-active' : 'locale-option'}
      lang=${l} aria-label=${LOCALE_NAMES[l]} aria-pressed=${l === current ? 'true' : 'false'}
      @click=${() => chooseLocale(l)}>${l.toUpperCase()}</button>`,
    )}
  </div>`;
}

function renderThemeToggle({ i18n: { t }, dark, toggleTheme }: HeaderControls): TemplateResult {
  const label = t(dark ? 'portal.themeToLight' : 'portal.themeToDark');
  return html`<button part="theme-toggle" aria-label=${label} title=${label} @click=${toggleTheme}>
    <span aria-hidden="true">${dark ? '☀' : '☾'}</span>
  </button>`;
}
