/** Styles of `<kb-documents>` and the console's review queue: document items with state badges, usable at 390 px. */
import { css } from 'lit';

export const documentsStyles = css`
  [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 48rem; }
  [part~='panel'] [part~='form'] { max-width: 32rem; }
  input[type='file'] { padding: var(--_space-1); width: 100%; }
  select { width: 100%; }
  [part~='hint'] { margin: 0; font-size: 0.92em; }
  [part~='list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space-2); }
  [part~='item'] {
    padding: var(--_space-2) var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface); min-width: 0;
  }
  [part~='item-declined'] { border-inline-start: 4px solid var(--_danger); }
  .item-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-2); }
  [part~='file-name'] { font-weight: 600; overflow-wrap: anywhere; min-width: 0; }
  [part~='meta'] { margin: var(--_space-1) 0 0; color: var(--_muted); font-size: 0.92em; overflow-wrap: anywhere; }
  [part~='badge'] { margin: 0; font-weight: 600; }
  [part~='badge-pending'] {
    color: var(--kb-color-warning, #8a5a00); background: var(--kb-color-warning-bg, #fff4d6); border-color: currentColor;
  }
  /* No success token in the themes: approved reads in the text colour, marked with a tick. */
  [part~='badge-approved'] { color: var(--kb-color-success, var(--_text)); border-color: currentColor; }
  [part~='badge-approved']::before { content: '✓ '; }
  [part~='badge-declined'] { color: var(--_danger); background: var(--_danger-bg); border-color: currentColor; }
  [part~='comment'] {
    margin: var(--_space-2) 0 0; padding: var(--_space-1) var(--_space-2); border-radius: var(--_radius-small);
    background: var(--_danger-bg); color: var(--_text); overflow-wrap: anywhere;
  }
  [part~='item-actions'], [part~='confirm'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); margin-top: var(--_space-2);
  }
  [part~='confirm'] { margin-top: 0; }
  [part~='open-file'] { color: var(--kb-color-link, var(--_primary)); overflow-wrap: anywhere; }
  [part~='view-error'] { flex-basis: 100%; margin: 0; }
`;
