/** Styles of `<kb-cash-outs-console>` beyond the shared sheets: filters, the file, the list's cells and the move dialog. */
import { css } from 'lit';

export const cashOutsConsoleStyles = css`
  /* Ids and references are long and unbroken: they may break anywhere rather than widen a phone's page. */
  code { overflow-wrap: anywhere; }
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  [part~='filters'] [part~='field'] { min-width: 9rem; max-width: 100%; }
  [part~='filters'] select { max-width: 18rem; }
  [part~='download'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='download-hint'] { margin: var(--_space-2) 0 0; }
  [part~='download-status'] { margin: var(--_space-2) 0 0; color: var(--_text); }
  [part~='download-status']:empty { display: none; }
  [part~='save-file'] { color: var(--_link); font-weight: 600; overflow-wrap: anywhere; }
  [part~='download-error'] { margin: var(--_space-2) 0 0; }
  [part~='notice'] { margin: 0 0 var(--_space); }
  [part~='notice']:focus { outline: none; }
  [part~='notice']:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='cash-out-code'] { display: block; color: var(--_muted); font-size: 0.8em; font-weight: normal; }
  [part~='requested-at'] { font-weight: 600; }
  [part~='method-name'] { display: block; }
  [part~='account-summary'] { display: block; color: var(--_muted); font-size: 0.9em; overflow-wrap: anywhere; }
  [part~='cancelled-by'] { color: var(--_muted); font-size: 0.9em; }
  [part~='state-success'] { color: var(--_text); }
  [part~='state-refunded'] { color: var(--_muted); }
  [part~='row-actions'] button { margin: 2px 0; }
  [part~='move-dialog'] {
    width: min(32rem, calc(100vw - 2rem)); max-height: calc(100dvh - 2rem); overflow: auto;
    padding: var(--_space); color: var(--_text); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='move-dialog']::backdrop { background: rgb(0 0 0 / 0.45); }
  [part~='move-form'] { display: grid; gap: var(--_space-2); }
  [part~='dialog-heading'] { margin: 0; font-size: 1.15em; }
  [part~='dialog-text'] { margin: 0; overflow-wrap: anywhere; }
  [part~='move-form'] [part~='hint'] { margin: 0; }
  [part~='move-form'] [part~='error'] { margin: 0; }
  [part~='reference-input'] { width: 100%; }
`;
