/**
 * Dark colour tokens. Same names as light.ts, so components never branch on the theme;
 * the brand colours (primary, accent) are left to the operator's branding either way.
 */
import { css } from 'lit';

export const darkTokens = css`
  --kb-color-primary: #818cf8;
  --kb-color-on-primary: #111318;
  --kb-color-accent: #38bdf8;
  --kb-color-bg: #111318;
  --kb-color-surface: #1a1d24;
  --kb-color-text: #e8eaee;
  --kb-color-text-muted: #a0a8b6;
  --kb-color-border: #2e333d;
  --kb-color-danger: #fda29b;
  --kb-color-danger-bg: #3a1a17;
  --kb-color-warning: #fdb022;
  --kb-color-warning-bg: #33260a;
  --kb-focus-ring-color: color-mix(in srgb, var(--kb-color-primary) 55%, transparent);
  --kb-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
  color-scheme: dark;
`;
