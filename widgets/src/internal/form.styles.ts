/**
 * Shared look of the portal's forms (sign-in, sign-up, emailed links): labelled fields, field
 * errors, buttons, notices. Elements inherit the portal's `--kb-*` tokens and only declare
 * private fallbacks (`--_…`), so a form stays readable on its own without shadowing the theme.
 */
import { css } from 'lit';
import { tokenFallbacks } from './token-fallbacks.ts';

export const formStyles = [
  tokenFallbacks,
  css`
  :host {
    --_space: var(--kb-space-3, 16px);
    --_ring: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor);
    display: block;
    color: var(--_text);
    font-family: var(--kb-font-family, inherit);
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  [part~='heading'] { margin: 0 0 var(--_space); font-size: 1.25em; line-height: 1.25; }
  [part~='heading']:focus { outline: none; }
  [part~='intro'], [part~='hint'], [part~='status'] { color: var(--_muted); margin: 0; }
  [part~='hint'] { font-size: 0.9em; }
  [part~='form'] { display: grid; gap: var(--_space); margin: 0; }
  [part~='field'] { display: grid; gap: 4px; min-width: 0; }
  [part~='label'] { font-weight: 600; }
  [part~='input'], [part~='select'] {
    font: inherit; color: inherit; width: 100%; padding: 8px 10px;
    border: 1px solid var(--_border); border-radius: var(--_radius-small); background: var(--_bg);
  }
  [part~='input'][aria-invalid='true'], [part~='select'][aria-invalid='true'] { border-color: var(--_danger); }
  [part~='checkbox-field'] { display: flex; gap: var(--kb-space-2, 8px); align-items: flex-start; }
  [part~='checkbox'] { margin: 0.25em 0 0; width: 1.1em; height: 1.1em; accent-color: var(--_link); }
  [part~='field-error'] { color: var(--_danger); margin: 0; font-size: 0.9em; }
  [part~='actions'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space); }
  [part~='submit'] {
    font: inherit; font-weight: 600; cursor: pointer; border: 0; border-radius: var(--_radius-small);
    padding: 9px 18px; background: var(--_primary); color: var(--_on-primary);
  }
  [part~='submit'][aria-disabled='true'] { opacity: 0.7; cursor: progress; }
  [part~='link-button'] {
    font: inherit; cursor: pointer; border: 0; padding: 0; background: none;
    color: var(--_link); text-decoration: underline;
  }
  [part~='error'] {
    margin: 0; padding: 10px 12px; border-radius: var(--_radius-small);
    background: var(--_danger-bg); color: var(--_danger); overflow-wrap: anywhere;
  }
  [part~='success'] {
    margin: 0; padding: 10px 12px; border-radius: var(--_radius-small);
    background: var(--_surface); border-inline-start: 4px solid var(--_primary); overflow-wrap: anywhere;
  }
  input:focus-visible, select:focus-visible, button:focus-visible { outline: var(--_ring); outline-offset: 1px; }
`,
];
