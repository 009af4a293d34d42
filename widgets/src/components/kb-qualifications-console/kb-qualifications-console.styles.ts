/** Styles of `<kb-qualifications-console>` beyond the shared sheet: the filters and the table's cells. */
import { css } from 'lit';

export const qualificationsConsoleStyles = css`
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  [part~='filters'] [part~='field'] { flex: 0 1 auto; min-width: 9rem; max-width: 100%; }
  /* A long partner name is cut rather than widen a phone's page. */
  [part~='filters'] select { max-width: 18rem; }
  [part~='filters'] [part~='hint'] { margin: 0; font-size: 0.85em; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='zone'] { font-size: 0.9em; }
  [part~='player'] code { overflow-wrap: anywhere; }
  [part~='qualified-at'] { white-space: nowrap; font-weight: 600; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
