/** Styles of `<kb-terms>`: the terms' text in a readable column, the accept bar, the versions list. */
import { css } from 'lit';
import { markdownBodyStyles } from '../../internal/markdown-body.styles.ts';

export const termsStyles = [
  markdownBodyStyles,
  css`
    [part~='document'] { max-width: 46rem; }
    [part~='meta'] { margin: var(--_space-1) 0 var(--_space-2); color: var(--_muted); font-size: 0.9em; }
    [part~='changes'] {
      margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-inline-start: 4px solid var(--_primary);
      background: var(--_surface); border-radius: var(--_radius-small); overflow-wrap: anywhere;
    }
    [part~='changes'] strong { display: block; margin-bottom: var(--_space-1); }
    [part~='body'] {
      padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); overflow-wrap: anywhere;
    }
    :host([gate]) [part~='body'] { max-height: min(60vh, 40rem); overflow: auto; }
    [part~='status-line'] { margin: var(--_space) 0; }
    [part~='accepted'] { color: var(--_muted); }
    [part~='actions'] { display: flex; flex-wrap: wrap; gap: var(--_space-2); margin: var(--_space) 0; }
    [part~='history'] { margin-top: calc(var(--_space) * 2); }
    [part~='versions'] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space-2); }
    [part~='version-item'] {
      display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--_space-1) var(--_space);
      padding: var(--_space-2) var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius-small);
    }
    [part~='version-link'], [part~='back-link'] { color: var(--_link); overflow-wrap: anywhere; }
    [part~='version-state'] { color: var(--_muted); }
    [part~='badge'] {
      display: inline-block; margin-inline-start: var(--_space-1); padding: 0 0.5em; border-radius: 999px;
      background: var(--_primary); color: var(--kb-color-on-primary, #fff); font-size: 0.8em;
    }
    a:focus-visible, [part~='heading']:focus-visible {
      outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, var(--_link)); outline-offset: 2px;
    }
    [part~='heading']:focus { outline: none; }
  `,
];
