/**
 * Private fallbacks (`--_…`) for the portal's `--kb-*` tokens, shared by every section's styles.
 * Sections read tokens through these and never set a `--kb-*` token on :host, which would
 * shadow the portal's theme; alone on a page they still look right.
 */
import { css } from 'lit';

export const tokenFallbacks = css`
  :host {
    --_text: var(--kb-color-text, #1b1f24);
    --_muted: var(--kb-color-text-muted, #5b6472);
    --_border: var(--kb-color-border, #dde1e7);
    --_surface: var(--kb-color-surface, #f6f7f9);
    --_bg: var(--kb-color-bg, #ffffff);
    --_primary: var(--kb-color-primary, #4f46e5);
    --_on-primary: var(--kb-color-on-primary, #ffffff);
    --_link: var(--kb-color-link, var(--kb-color-primary, #4f46e5));
    --_danger: var(--kb-color-danger, #b42318);
    --_danger-bg: var(--kb-color-danger-bg, #fef3f2);
    --_radius: var(--kb-radius, 10px);
    --_radius-small: var(--kb-radius-small, 6px);
  }
`;
