/**
 * Styles of `<kb-portal>` and the runtime token sheet (theme + operator branding).
 * Everything themeable reads a `--kb-*` token; the tokens sit on `:host` only.
 */
import { css } from 'lit';
import type { Branding } from '../../internal/api-client.ts';
import type { Theme } from '../../internal/events.ts';
import { brandTokenCss, deriveBrandTokens } from '../../internal/brand-colours.ts';
import { baseTokens, lightPalette, lightTokens } from '../../themes/light.ts';
import { darkPalette, darkTokens } from '../../themes/dark.ts';

export const portalStyles = css`
  :host {
    ${baseTokens}
    ${lightTokens}
    display: block;
    font-family: var(--kb-font-family);
    font-size: var(--kb-font-size);
    line-height: var(--kb-line-height);
    color: var(--kb-color-text);
    background: var(--kb-color-bg);
    border: 1px solid var(--kb-color-border);
    border-radius: var(--kb-radius);
    overflow: hidden;
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  button { font: inherit; cursor: pointer; }
  button:focus-visible {
    outline: none;
    box-shadow: 0 0 0 var(--kb-focus-ring-width) var(--kb-focus-ring-color);
  }
  [part~='header'] {
    display: flex; align-items: center; justify-content: space-between; flex-wrap: wrap;
    gap: var(--kb-space-3); padding: var(--kb-space-3) var(--kb-space-4);
    border-bottom: 3px solid var(--kb-color-primary);
    background: var(--kb-color-surface);
  }
  /* Narrow layout below 640px of the portal's own width (it may sit in a column of a wide page). */
  [part~='shell'] { container: kb-portal / inline-size; }
  [part~='brand'] { display: flex; align-items: center; gap: var(--kb-space-2); min-width: 0; }
  [part~='logo'] { height: 32px; width: auto; max-width: 160px; object-fit: contain; }
  /* Words wrap; a single word longer than the line breaks rather than overflowing. */
  [part~='title'] { font-weight: 650; font-size: 1.15em; overflow-wrap: anywhere; min-width: 0; }
  [part~='controls'] { display: flex; align-items: center; gap: var(--kb-space-2); min-width: 0; max-width: 100%; }
  [part~='locale-switcher'] {
    display: inline-flex; border: 1px solid var(--kb-color-border);
    border-radius: var(--kb-radius-small); overflow: hidden;
  }
  [part~='locale-option'], [part~='theme-toggle'] {
    border: 0; background: transparent; color: var(--kb-color-text);
    padding: var(--kb-space-1) var(--kb-space-2); min-width: 2.5em;
  }
  [part~='locale-option-active'] { background: var(--kb-color-primary); color: var(--kb-color-on-primary); }
  [part~='theme-toggle'] { border: 1px solid var(--kb-color-border); border-radius: var(--kb-radius-small); }
  [part~='menu-button'] { display: none; }
  [part~='menu'] { position: relative; }
  [part~='nav'] { padding: 0 var(--kb-space-4); border-bottom: 1px solid var(--kb-color-border); }
  /* The work sections share one row in a portal of about 1000 px (the hosted page's column, a 1440 px screen): the
     entries are a little smaller and closer than the text; a roomy portal spaces them out. Narrower than they fit,
     they wrap to a second line: none is ever out of sight. The account sections wait in the account menu. */
  [part~='nav-list'] {
    display: flex; flex-wrap: wrap; column-gap: 0.5em; row-gap: 0; margin: 0; padding: 0; list-style: none;
  }
  [part~='nav-link'] {
    border: 0; background: transparent; color: var(--kb-color-text-muted); font-size: 0.86em;
    padding: var(--kb-space-2) 0; border-bottom: 2px solid transparent; white-space: nowrap;
  }
  @container kb-portal (min-width: 1200px) {
    [part~='nav-list'] { column-gap: var(--kb-space-3); }
    [part~='nav-link'] { font-size: 1em; }
  }
  [part~='nav-link-active'] { color: var(--kb-color-text); border-bottom-color: var(--kb-color-accent-ui); font-weight: 600; }
  [part~='main'] { padding: var(--kb-space-4); }
  [part~='main']:focus { outline: none; }
  [part~='account'] { display: flex; align-items: center; gap: var(--kb-space-2); min-width: 0; }
  /* Never broken mid-address: one line, cut with an ellipsis when it must be (the full address is its title). */
  [part~='user-email'] {
    color: var(--kb-color-text-muted); min-width: 0; max-width: 32ch;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  }
  [part~='account-button'] {
    display: inline-flex; align-items: center; gap: var(--kb-space-2); min-width: 0;
    border: 1px solid var(--kb-color-border); border-radius: var(--kb-radius-small);
    background: transparent; padding: var(--kb-space-1) var(--kb-space-2);
  }
  [part~='account-button'][aria-expanded='true'] { background: var(--kb-color-bg); }
  [part~='account-button-active'] { border-color: var(--kb-color-accent-ui); }
  [part~='account-button-active'] [part~='user-email'] { color: var(--kb-color-text); }
  [part~='account-caret'] {
    flex: none; width: 0.45em; height: 0.45em; margin-block-end: 0.2em;
    border: solid var(--kb-color-text-muted); border-width: 0 2px 2px 0; transform: rotate(45deg);
  }
  [part~='account-button'][aria-expanded='true'] [part~='account-caret'] { transform: rotate(225deg); margin: 0.2em 0 0; }
  /* The available balance: amounts in figures that line up, the word and a count of more currencies quieter. */
  [part~='balance'] {
    display: inline-flex; align-items: baseline; gap: var(--kb-space-1); white-space: nowrap;
    border: 1px solid var(--kb-color-border); border-radius: var(--kb-radius-small);
    background: transparent; color: var(--kb-color-text); padding: var(--kb-space-1) var(--kb-space-2);
    font-variant-numeric: tabular-nums;
  }
  [part~='balance-label'], [part~='balance-more'] { color: var(--kb-color-text-muted); font-size: 0.86em; }
  [part~='balance-amount'] { font-weight: 600; }
  [part~='balance-amount'] + [part~='balance-amount']::before {
    content: '·'; margin-inline-end: var(--kb-space-1); color: var(--kb-color-text-muted); font-weight: 400;
  }
  /* A dropdown from the header's right edge over the section row; on a narrow portal part of the menu (below). */
  [part~='account-menu'] {
    display: none; position: absolute; z-index: 10; top: 0; inset-inline-end: var(--kb-space-4);
    min-width: 14em; max-width: calc(100% - 2 * var(--kb-space-4)); padding: var(--kb-space-2);
    background: var(--kb-color-bg); border: 1px solid var(--kb-color-border);
    border-radius: var(--kb-radius-small); box-shadow: var(--kb-shadow);
  }
  [part~='account-menu-open'] { display: block; }
  [part~='account-menu'] > [part~='menu-email'], [part~='account-menu'] > [part~='theme-toggle'],
  [part~='account-menu'] > [part~='balance'] { display: none; }
  [part~='account-list'] { margin: 0; padding: 0; list-style: none; }
  [part~='account-link'] {
    display: block; width: 100%; text-align: start; font-size: 1em; white-space: normal;
    padding: var(--kb-space-2) var(--kb-space-3); border-bottom: 0; border-inline-start: 3px solid transparent;
    border-radius: 0 var(--kb-radius-small) var(--kb-radius-small) 0; color: var(--kb-color-text);
  }
  [part~='account-link']:hover { background: var(--kb-color-surface); }
  [part~='account-link'][part~='nav-link-active'] { border-inline-start-color: var(--kb-color-accent-ui); }
  [part~='sign-out'] {
    border: 1px solid var(--kb-color-border); border-radius: var(--kb-radius-small);
    background: transparent; color: var(--kb-color-text); padding: var(--kb-space-1) var(--kb-space-2);
    white-space: nowrap; flex: none;
  }
  [part~='account-menu'] > [part~='sign-out'] {
    display: block; margin: var(--kb-space-2) var(--kb-space-3) var(--kb-space-1); min-height: 36px;
  }
  [part~='account-nav'] { padding-bottom: var(--kb-space-1); border-bottom: 1px solid var(--kb-color-border); }
  [part~='locale-switcher'], [part~='theme-toggle'] { flex: none; }
  [part~='section-loading'] {
    display: flex; align-items: center; gap: var(--kb-space-2);
    padding: var(--kb-space-4) 0; color: var(--kb-color-text-muted);
  }
  [part~='spinner'] {
    flex: none; width: 1.25em; height: 1.25em; border-radius: 50%;
    border: 2px solid var(--kb-color-border); border-top-color: var(--kb-color-primary);
    animation: kb-spin 0.8s linear infinite;
  }
  @keyframes kb-spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { [part~='spinner'] { animation-duration: 2.4s; } }

  /* The narrow portal (a phone, or a narrow column): brand, language and a menu button in the header; the sections,
     the account and the theme in the menu it opens. */
  @container kb-portal (max-width: 639.98px) {
    [part~='header'] { flex-wrap: nowrap; gap: var(--kb-space-2); padding: var(--kb-space-2) var(--kb-space-3); }
    [part~='brand'] { flex: 1 1 auto; }
    [part~='logo'] { max-width: 96px; height: 28px; }
    [part~='controls'] { flex: none; }
    [part~='controls'] > [part~='account'], [part~='controls'] > [part~='theme-toggle'] { display: none; }
    /* The balance leaves the header (the operator's name keeps its room) for the top of the menu. */
    [part~='controls'] > [part~='balance'] { display: none; }
    [part~='account-menu'] > [part~='balance'] {
      display: flex; flex-wrap: wrap; align-self: flex-start; min-height: 40px; align-items: center;
      margin: 0 0 0 var(--kb-space-3); white-space: normal;
    }
    [part~='locale-option'] { min-width: 2.25em; min-height: 40px; padding: var(--kb-space-1); }
    [part~='menu-button'] {
      display: inline-flex; align-items: center; gap: var(--kb-space-2); min-height: 40px; flex: none;
      padding: var(--kb-space-1) var(--kb-space-2); white-space: nowrap;
      border: 1px solid var(--kb-color-border); border-radius: var(--kb-radius-small);
      background: transparent; color: var(--kb-color-text);
    }
    [part~='menu-button'][aria-expanded='true'] { background: var(--kb-color-bg); border-color: var(--kb-color-text-muted); }
    [part~='menu-icon'] {
      width: 1.1em; height: 0.8em;
      background:
        linear-gradient(currentColor 0 0) top / 100% 2px no-repeat,
        linear-gradient(currentColor 0 0) center / 100% 2px no-repeat,
        linear-gradient(currentColor 0 0) bottom / 100% 2px no-repeat;
    }
    [part~='menu'] {
      display: none; padding: var(--kb-space-2) var(--kb-space-3) var(--kb-space-3);
      border-bottom: 1px solid var(--kb-color-border); background: var(--kb-color-surface);
    }
    [part~='menu-open'] { display: block; }
    [part~='nav'] { padding: 0; border-bottom: 0; }
    [part~='nav-list'] { flex-direction: column; flex-wrap: nowrap; }
    [part~='nav-link'] {
      display: block; width: 100%; min-height: 44px; text-align: start; white-space: normal; font-size: 1em;
      padding: var(--kb-space-2) var(--kb-space-3); border-bottom: 0; border-inline-start: 3px solid transparent;
      border-radius: 0 var(--kb-radius-small) var(--kb-radius-small) 0;
    }
    [part~='nav-link-active'] { border-inline-start-color: var(--kb-color-accent-ui); background: var(--kb-color-bg); }
    /* In the menu, under the sections: the e-mail (the menu's whole width, cut only if longer), the account
       sections, Sign out and the theme. */
    [part~='account-menu'] {
      display: flex; flex-direction: column; align-items: stretch; gap: var(--kb-space-2); position: static;
      min-width: 0; max-width: none; margin-top: var(--kb-space-2); padding: var(--kb-space-3) 0 0;
      border: 0; border-top: 1px solid var(--kb-color-border); border-radius: 0; box-shadow: none; background: none;
    }
    [part~='account-nav'] { padding: 0; border: 0; }
    /* In the menu the account sections read like the sections above them. */
    [part~='account-link']:not([part~='nav-link-active']) { color: var(--kb-color-text-muted); }
    [part~='account-menu'] > [part~='menu-email'] { display: block; max-width: 100%; padding-inline-start: var(--kb-space-3); }
    [part~='account-menu'] > [part~='sign-out'], [part~='account-menu'] > [part~='theme-toggle'] {
      display: flex; align-self: flex-start; margin: 0 0 0 var(--kb-space-3);
    }
    [part~='account-menu'] [part~='sign-out'], [part~='menu-theme-toggle'] { min-height: 40px; }
    [part~='menu-theme-toggle'] {
      display: flex; align-items: center; gap: var(--kb-space-2); text-align: start;
      padding: var(--kb-space-1) var(--kb-space-3);
    }
    [part~='main'] { padding: var(--kb-space-3); }
  }
  [part~='notice'] {
    margin: 0 0 var(--kb-space-3); padding: var(--kb-space-2) var(--kb-space-3); border-radius: var(--kb-radius-small);
    background: var(--kb-color-surface); border-inline-start: 4px solid var(--kb-color-primary);
  }
  /* Empty, the notice stays in the tree (a live region must exist before its text arrives) but takes no room. */
  [part~='notice']:empty { margin: 0; padding: 0; border: 0; }
  [part~='public-layout'] {
    display: grid; gap: var(--kb-space-4); align-items: start;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
  }
  [part~='auth'] {
    padding: var(--kb-space-3); border: 1px solid var(--kb-color-border);
    border-radius: var(--kb-radius); background: var(--kb-color-bg); box-shadow: var(--kb-shadow);
  }
  [part~='auth-switch'] { margin: var(--kb-space-3) 0 0; color: var(--kb-color-text-muted); }
  [part~='auth-switch-button'] {
    border: 0; padding: 0; background: none; color: var(--kb-color-link); text-decoration: underline;
  }
  [part~='status'] { color: var(--kb-color-text-muted); }
  [part~='error'] {
    padding: var(--kb-space-3); border-radius: var(--kb-radius-small);
    background: var(--kb-color-danger-bg); color: var(--kb-color-danger);
  }
  [part~='error-title'] { margin: 0 0 var(--kb-space-1); font-weight: 650; }
  [part~='error-detail'] { margin: 0 0 var(--kb-space-3); overflow-wrap: anywhere; }
  [part~='retry'] {
    border: 0; border-radius: var(--kb-radius-small); padding: var(--kb-space-2) var(--kb-space-3);
    background: var(--kb-color-primary); color: var(--kb-color-on-primary);
  }
`;

/** Only `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`: anything else could smuggle CSS (`red;background:url(…)`). */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value);
}

/**
 * The `:host` rule that switches to the dark palette and applies the operator's brand
 * colours: the fills exactly, and the link, focus-ring and accent-UI tokens derived from
 * them to pass WCAG AA on this theme's surfaces (brand-colours.ts). Built only from token
 * blocks and validated hex values, so server data can never inject a declaration.
 */
export function runtimeTokenCss(theme: Theme, branding: Branding | null | undefined): string {
  const declarations: string[] = [];
  if (theme === 'dark') declarations.push(darkTokens.cssText);
  const primary = branding && isHexColor(branding.primaryColor) ? branding.primaryColor : null;
  const accent = branding && isHexColor(branding.accentColor) ? branding.accentColor : null;
  if (primary || accent) {
    // A colour missing or invalid falls back to the theme's own, so its tokens equal the theme's.
    const palette = theme === 'dark' ? darkPalette : lightPalette;
    declarations.push(
      brandTokenCss(deriveBrandTokens(primary ?? palette.primary, accent ?? palette.accent, palette.surfaces)),
    );
  }
  return `:host { ${declarations.join('\n')} }`;
}

/**
 * Puts the runtime tokens in one extra `:host` sheet after the static styles, so they beat the
 * light defaults while a page's own `kb-portal { --kb-…: … }` still wins. Returns the sheet to
 * reuse next time (a <style> element where constructable sheets are missing).
 */
export function applyRuntimeSheet(
  root: ShadowRoot,
  sheet: CSSStyleSheet | HTMLStyleElement | null,
  text: string,
): CSSStyleSheet | HTMLStyleElement {
  if (!sheet) {
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      sheet = document.createElement('style');
      root.append(sheet);
    }
  }
  if (sheet instanceof CSSStyleSheet) sheet.replaceSync(text);
  else sheet.textContent = text;
  return sheet;
}
