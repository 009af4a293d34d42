/**
 * Styles shared by the account sections: headings, forms, buttons, messages, and the list tables
 * (the responsive pattern of responsive-table.styles.ts).
 * Like kb-program, they read the portal's `--kb-*` tokens through private `--_…` fallbacks and
 * never set a `--kb-*` token on :host, which would shadow the portal's theme.
 */
import { css } from 'lit';
import { tokenFallbacks } from '../token-fallbacks.ts';
import { responsiveTableStyles } from '../responsive-table.styles.ts';

export const accountSectionStyles = [
  tokenFallbacks,
  css`
  :host {
    --_space-1: var(--kb-space-1, 4px);
    --_space-2: var(--kb-space-2, 8px);
    --_space: var(--kb-space-3, 16px);
    --_space-4: var(--kb-space-4, 24px);
    display: block;
    color: var(--_text);
    font-family: var(--kb-font-family, inherit);
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  [part~='heading'] { margin: 0 0 var(--_space); font-size: 1.4em; line-height: 1.25; }
  [part~='subheading'] { margin: var(--_space-4) 0 var(--_space-2); font-size: 1.1em; }
  [part~='subheading']:first-child { margin-top: 0; }
  [part~='panel'] { margin: 0 0 var(--_space-4); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='hint'], [part~='status'], [part~='empty'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='empty-message'], [part~='empty-hint'] { margin: 0 0 var(--_space-2); }
  [part~='form'] { display: grid; gap: var(--_space); max-width: 42rem; }
  [part~='field'] { display: grid; gap: var(--_space-1); min-width: 0; }
  [part~='fieldset'] { border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--_space-2) var(--_space); margin: 0; }
  [part~='check'] { display: flex; align-items: center; gap: var(--_space-2); }
  [part~='label'], legend { font-weight: 600; }
  input:not([type='checkbox']), select {
    font: inherit; color: var(--_text); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius-small);
    padding: var(--_space-1) var(--_space-2); min-height: 2.25em; max-width: 100%;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--_danger); }
  [part~='field-error'] { margin: 0; color: var(--_danger); font-size: 0.92em; }
  [part~='actions'], [part~='toolbar'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); }
  button {
    font: inherit; cursor: pointer; color: var(--_text); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius-small);
    padding: var(--_space-1) var(--_space);
  }
  button[part~='primary'] { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); }
  button[part~='danger'] { color: var(--_danger); border-color: currentColor; }
  button:disabled { cursor: not-allowed; opacity: 0.55; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, [tabindex]:focus-visible {
    outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px;
  }
  [part~='error'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    background: var(--_danger-bg); color: var(--_danger); overflow-wrap: anywhere;
  }
  [part~='error'] p { margin: 0 0 var(--_space-2); }
  [part~='error']:empty { display: none; }
  [part~='success'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    border-inline-start: 4px solid var(--_primary); background: var(--_surface);
  }
  [part~='success']:empty, [part~='copy-status']:empty { display: none; }
  [part~='copy-status'] { color: var(--_muted); font-size: 0.92em; }
  [part~='badge'] {
    display: inline-block; margin-inline-start: var(--_space-1); padding: 0 var(--_space-2);
    border-radius: 999px; background: var(--_surface); border: 1px solid var(--_border); font-size: 0.85em; white-space: nowrap;
  }
  code, [part~='mono'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-variant-numeric: tabular-nums; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
`,
  responsiveTableStyles,
];
