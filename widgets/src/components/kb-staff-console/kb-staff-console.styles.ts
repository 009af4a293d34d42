/** Styles of `<kb-staff-console>` beyond the shared sheet (which lays out the responsive table): rows, the invite form, the role guide. */
import { css } from 'lit';

export const staffConsoleStyles = css`
  [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 46rem; }
  [part~='notice'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='notice']:empty { display: none; }
  [part~='staff-name'] { font-weight: 600; overflow-wrap: anywhere; min-width: 8rem; }
  [part~='staff-email'] { overflow-wrap: anywhere; min-width: 10rem; }
  [part~='staff-row-deactivated'] > * { color: var(--_muted); }
  [part~='badge'] { margin-inline-start: 0; }
  [part~='flag-badge'] { border-color: var(--_danger); color: var(--_danger); }
  [part~='status-deactivated'] { border-color: var(--_danger); }
  [part~='status-active'] { border-color: var(--_primary); }
  [part~='role-select'] { min-width: 9em; max-width: 100%; }
  [part~='confirm'] p { margin: 0 0 var(--_space-2); max-width: 26rem; }
  [part~='row-error'] { margin-top: var(--_space-2); max-width: 26rem; }
  [part~='columns'] {
    display: grid; gap: var(--_space); margin-top: var(--_space-4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); align-items: start;
  }
  [part~='columns'] > [part~='panel'] { margin: 0; min-width: 0; }
  [part~='invite'] > [part~='hint'] { margin-bottom: var(--_space); }
  [part~='staff-actions'] button { white-space: nowrap; }
  [part~='invite'] input, [part~='invite'] select { width: 100%; }
  [part~='role-list'] { margin: 0; display: grid; gap: var(--_space-2); }
  [part~='role-name'] { font-weight: 600; }
  [part~='role-does'] { margin: 0; color: var(--_muted); }
`;
