/**
 * Kabinet themes: `--kb-*` design tokens as declaration blocks. The portal puts one block
 * on `:host`, so a page can still override any token with `kb-portal { --kb-…: … }`.
 * Shared tokens (shape, type, spacing) live here; dark.ts only swaps colours.
 */
import { css } from 'lit';

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

export const lightTokens = css`
  --kb-color-primary: #4f46e5;
  --kb-color-on-primary: #ffffff;
  --kb-color-accent: #0ea5e9;
  --kb-color-bg: #ffffff;
  --kb-color-surface: #f6f7f9;
  --kb-color-text: #1b1f24;
  --kb-color-text-muted: #5b6472;
  --kb-color-border: #dde1e7;
  --kb-color-danger: #b42318;
  --kb-color-danger-bg: #fef3f2;
  --kb-color-warning: #8a5a00;
  --kb-color-warning-bg: #fff4d6;
  --kb-focus-ring-color: color-mix(in srgb, var(--kb-color-primary) 45%, transparent);
  --kb-shadow: 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1);
  color-scheme: light;
`;
