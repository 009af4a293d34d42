/**
 * Kabinet themes: `--kb-*` design tokens as declaration blocks. The portal puts one block
 * on `:host`, so a page can still override any token with `kb-portal { --kb-…: … }`.
 * Shared tokens (shape, type, spacing) live here; dark.ts only swaps colours.
 * The brand-derived tokens (link, focus ring, text on primary, accent UI) come from
 * brand-colours.ts, the same code that derives them from an operator's branding.
 */
import { css, unsafeCSS } from 'lit';
import { brandTokenCss, deriveBrandTokens, type ThemeSurfaces } from '../internal/brand-colours.ts';

/** A theme's default brand colours and the surfaces brand colours must read on. */
export interface ThemePalette {
  primary: string;
  accent: string;
  surfaces: ThemeSurfaces;
}

export const lightPalette: ThemePalette = {
  primary: '#4f46e5',
  accent: '#0ea5e9',
  surfaces: { bg: '#ffffff', surface: '#f6f7f9', dangerBg: '#fef3f2', warningBg: '#fff4d6' },
};

/** Tokens that do not depend on the colour scheme. */
export const baseTokens = css`
  --kb-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --kb-font-size: 15px;
  --kb-line-height: 1.5;
  --kb-radius: 10px;
  --kb-radius-small: 6px;
  --kb-space-1: 4px;
  --kb-space-2: 8px;
  --kb-space-3: 16px;
  --kb-space-4: 24px;
  --kb-space-5: 40px;
  --kb-focus-ring-width: 3px;
`;

const { primary, accent, surfaces } = lightPalette;

export const lightTokens = css`
  ${unsafeCSS(brandTokenCss(deriveBrandTokens(primary, accent, surfaces)))}
  --kb-color-bg: ${unsafeCSS(surfaces.bg)};
  --kb-color-surface: ${unsafeCSS(surfaces.surface)};
  --kb-color-text: #1b1f24;
  --kb-color-text-muted: #5b6472;
  --kb-color-border: #dde1e7;
  --kb-color-danger: #b42318;
  --kb-color-danger-bg: ${unsafeCSS(surfaces.dangerBg)};
  --kb-color-warning: #8a5a00;
  --kb-color-warning-bg: ${unsafeCSS(surfaces.warningBg)};
  --kb-shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1);
  color-scheme: light;
`;
