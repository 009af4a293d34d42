/**
 * Styles of `<kb-program>`. The section inherits the portal's `--kb-*` tokens; it only
 * declares private fallbacks (`--_…`) so it is readable on its own without shadowing
 * the portal's theme, which a `:host { --kb-…: … }` default here would do. The brands table is the
 * shared responsive table (responsive-table.styles.ts).
 */
import { css } from 'lit';
import { responsiveTableStyles } from '../../internal/responsive-table.styles.ts';

export const programStyles = [
  css`
  :host {
    --_text: var(--kb-color-text, #1b1f24);
    --_muted: var(--kb-color-text-muted, #5b6472);
    --_border: var(--kb-color-border, #dde1e7);
    --_surface: var(--kb-color-surface, #f6f7f9);
    --_link: var(--kb-color-link, var(--kb-color-primary, #4f46e5));
    --_radius: var(--kb-radius, 10px);
    --_space: var(--kb-space-3, 16px);
    display: block;
    color: var(--_text);
    font-family: var(--kb-font-family, inherit);
  }
  :host([hidden]) { display: none; }
  [part~='heading'] { margin: 0 0 var(--_space); font-size: 1.4em; line-height: 1.25; overflow-wrap: anywhere; }
  [part~='brands-heading'] { margin: 0 0 calc(var(--_space) / 2); font-size: 1.1em; }
  [part~='brand-count'], [part~='status'], [part~='empty'], [part~='support'] { color: var(--_muted); margin: 0 0 var(--_space); }
  [part~='brand-name'] { font-weight: 600; }
  [part~='table-wrap'] + [part~='support'] { margin-top: var(--_space); }
  [part~='brand-currency'] { font-variant-numeric: tabular-nums; letter-spacing: 0.03em; }
  a { color: var(--_link); overflow-wrap: anywhere; }
  a:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
`,
  responsiveTableStyles,
];
