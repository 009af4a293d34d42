/** Styles of `<kb-team>` beyond the shared account-section sheet (which lays the table out: responsive-table.styles.ts): its rows. */
import { css } from 'lit';

export const teamStyles = css`
  [part~='note'] { padding: var(--_space-2) var(--_space); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='member-row-blocked'] > * { color: var(--_muted); }
  /* E-mails break at their dots and @ (breakable()), anywhere only if a piece is still too long. */
  [part~='member-email'] { font-weight: 600; overflow-wrap: anywhere; min-width: 10rem; }
  [part~='flag-badge'] { border-color: var(--_danger); color: var(--_danger); margin-inline-start: 0; }
  [part~='invited-badge'] { margin-inline-start: 0; }
  [part~='member-sessions'] { background: var(--_surface); }
  [part~='member-sessions'] [part~='table-wrap'] { background: var(--_bg); }
  [part~='role-select'] { min-width: 9em; max-width: 100%; }
`;
