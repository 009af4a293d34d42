/**
 * Dark colour tokens. Same names as light.ts, so components never branch on the theme;
 * the brand colours (primary, accent) are left to the operator's branding either way,
 * and the tokens derived from them are recomputed against these surfaces.
 */
import { css, unsafeCSS } from 'lit';
import { brandTokenCss, deriveBrandTokens } from '../internal/brand-colours.ts';
import type { ThemePalette } from './light.ts';

export const darkPalette: ThemePalette = {
  primary: '#818cf8',
  accent: '#38bdf8',
  surfaces: { bg: '#111318', surface: '#1a1d24', dangerBg: '#3a1a17', warningBg: '#33260a' },
};

const { primary, accent, surfaces } = darkPalette;

export const darkTokens = css`
  ${unsafeCSS(brandTokenCss(deriveBrandTokens(primary, accent, surfaces)))}
  --kb-color-bg: ${unsafeCSS(surfaces.bg)};
  --kb-color-surface: ${unsafeCSS(surfaces.surface)};
  --kb-color-text: #e8eaee;
  --kb-color-text-muted: #a0a8b6;
  --kb-color-border: #2e333d;
  --kb-color-danger: #fda29b;
  --kb-color-danger-bg: ${unsafeCSS(surfaces.dangerBg)};
  --kb-color-warning: #fdb022;
  --kb-color-warning-bg: ${unsafeCSS(surfaces.warningBg)};
  --kb-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
  color-scheme: dark;
`;
