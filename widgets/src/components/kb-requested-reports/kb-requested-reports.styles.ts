/**
 * Styles of `<kb-requested-reports>` beyond the shared account-section sheet: the question in words
 * as label–value lines, the state badges, the rename field in place and one request's facts (two
 * columns where there is room, one on a phone). Tokens only (`--_…`), so both themes apply.
 */
import { css } from 'lit';

export const requestedStyles = css`
  :host { --_warning: var(--kb-color-warning, #8a5a00); }
  [part~='subheading']:focus { outline: none; }
  a[part~='request-link'], a[part~='back-link'], a[part~='save-file'] { color: var(--_link); overflow-wrap: anywhere; }
  [part~='request-name'] { min-width: 8rem; }
  [part~='request-name'] [part~='rename'] { margin-top: var(--_space-1); font-weight: normal; }
  [part~='parameters'] { margin: 0; display: grid; gap: 2px; font-size: 0.95em; }
  [part~='parameter'] { display: flex; flex-wrap: wrap; gap: 0 var(--_space-1); }
  [part~='parameter'] dt { color: var(--_muted); }
  [part~='parameter'] dt::after { content: ':'; }
  [part~='parameter'] dd { margin: 0; overflow-wrap: anywhere; }
  [part~='filter'] { display: block; }
  [part~='state-badge'] {
    display: inline-block; white-space: nowrap; padding: 0 0.5em; border-radius: 999px;
    border: 1px solid currentColor; font-size: 0.9em;
  }
  [part~='state-processing'] { color: var(--_warning); }
  [part~='state-successful'] { color: var(--_text); border-color: var(--_primary); }
  [part~='state-failed'] { color: var(--_danger); }
  [part~='failure-reason'] { display: block; margin-top: var(--_space-1); color: var(--_danger); overflow-wrap: anywhere; }
  [part~='preparing'], [part~='expired'] { color: var(--_muted); }
  [part~='download-status']:empty { display: none; }
  [part~='download-error'] { margin: var(--_space-1) 0 0; flex-basis: 100%; }
  [part~='rename-form'] { display: grid; gap: var(--_space-1); font-weight: normal; }
  [part~='rename-input'] { width: 100%; min-width: 0; }
  [part~='request-page'] { max-width: 48rem; }
  [part~='request-page-title'] { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_space-2); margin: 0 0 var(--_space); }
  [part~='request-page-name'] { margin: 0; overflow-wrap: anywhere; }
  [part~='request-page-title'] [part~='rename-form'] { flex: 1 1 100%; max-width: 32rem; }
  [part~='facts'] {
    display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: var(--_space-2) var(--_space);
    margin: 0 0 var(--_space);
  }
  [part~='fact'] dt { color: var(--_muted); font-size: 0.9em; }
  [part~='fact'] dd { margin: 0; overflow-wrap: anywhere; }
  [part~='parameters-heading'] { margin: var(--_space) 0 var(--_space-2); font-size: 1em; }
  [part~='page-file'] { margin-top: var(--_space); }
  [part~='refreshing'] { font-size: 0.92em; }
`;
