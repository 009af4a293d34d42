/** Styles of `<kb-documents-console>` beyond the shared sheet: filters, document items, state badges, the decline form. */
import { css } from 'lit';

export const documentsConsoleStyles = css`
  [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 48rem; }
  [part~='filters'] { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space); }
  [part~='filters'] [part~='field'] { flex: 1 1 12rem; max-width: 20rem; }
  [part~='notice']:empty { display: none; }
  [part~='notice'] { color: var(--_muted); }
  [part~='list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space-2); }
  [part~='item'] {
    padding: var(--_space-2) var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface); min-width: 0;
  }
  .item-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-2); }
  [part~='partner-name'], [part~='file-name'] { font-weight: 600; overflow-wrap: anywhere; }
  [part~='file-name'] { margin: var(--_space-1) 0 0; }
  [part~='meta'] { margin: var(--_space-1) 0 0; color: var(--_muted); font-size: 0.92em; overflow-wrap: anywhere; }
  [part~='badge'] { margin: 0; font-weight: 600; }
  [part~='badge-pending'] {
    color: var(--kb-color-warning, #8a5a00); background: var(--kb-color-warning-bg, #fff4d6); border-color: currentColor;
  }
  [part~='badge-approved'] { color: var(--kb-color-success, var(--_text)); border-color: currentColor; }
  [part~='badge-approved']::before { content: '✓ '; }
  [part~='badge-declined'] { color: var(--_danger); background: var(--_danger-bg); border-color: currentColor; }
  [part~='comment'] {
    margin: var(--_space-2) 0 0; padding: var(--_space-1) var(--_space-2); border-radius: var(--_radius-small);
    background: var(--_bg); overflow-wrap: anywhere;
  }
  [part~='item-actions'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); margin-top: var(--_space-2); }
  [part~='open-file'] { color: var(--_link); overflow-wrap: anywhere; }
  [part~='view-error'] { flex-basis: 100%; margin: 0; }
  [part~='decline-form'] { display: grid; gap: var(--_space-1); margin-top: var(--_space-2); max-width: 36rem; }
  textarea {
    font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border);
    border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space-2); width: 100%; resize: vertical;
  }
  textarea[aria-invalid='true'] { border-color: var(--_danger); }
  textarea:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px; }
`;
