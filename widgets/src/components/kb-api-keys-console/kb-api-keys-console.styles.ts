/** Styles of `<kb-api-keys-console>` beyond the shared sheet (which lays out the responsive table): rows, the once-shown secret. */
import { css } from 'lit';

export const apiKeysConsoleStyles = css`
  [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 46rem; }
  [part~='notice'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='notice']:empty { display: none; }
  [part~='key-name'] { font-weight: 600; overflow-wrap: anywhere; min-width: 8rem; }
  [part~='key-row-revoked'] > * { color: var(--_muted); }
  [part~='badge'] { margin-inline-start: 0; white-space: normal; }
  [part~='status-active'] { border-color: var(--_primary); }
  [part~='status-revoked'] { border-color: var(--_danger); }
  [part~='confirm'] p { margin: 0 0 var(--_space-2); max-width: 28rem; }
  [part~='row-error'] { margin-top: var(--_space-2); max-width: 28rem; }
  [part~='create'] { margin-top: var(--_space-4); max-width: 42rem; }
  [part~='key-actions'] button { white-space: nowrap; }
  [part~='create'] input { width: 100%; }
  [part~='secret'] {
    margin: 0 0 var(--_space); padding: var(--_space); border-radius: var(--_radius);
    border: 2px solid var(--_primary); background: var(--_surface);
  }
  [part~='secret-title']:focus { outline: none; }
  [part~='secret-title']:focus-visible {
    outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px;
  }
  [part~='secret-once'] { margin: 0 0 var(--_space-2); }
  [part~='secret-value'] {
    display: block; margin: 0 0 var(--_space-2); padding: var(--_space-2); border: 1px solid var(--_border);
    border-radius: var(--_radius-small); background: var(--_bg); overflow-wrap: anywhere; word-break: break-all;
    user-select: all;
  }
`;
