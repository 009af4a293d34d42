/** Styles of `<kb-qualifications>` beyond the shared account-section sheet: the filters and the table's cells. */
import { css } from 'lit';

export const qualificationsStyles = css`
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  /* Two fields a row on a phone (the dates side by side), all in one row on a wide page. */
  [part~='filters'] [part~='field'] { flex: 1 1 8rem; max-width: 15rem; }
  [part~='filters'] :is(input, select) { width: 100%; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='zone'] { font-size: 0.9em; }
  /* Player ids are the operator's and may be long and unbroken: they break rather than widen a phone's page. */
  [part~='player'] code { overflow-wrap: anywhere; }
  [part~='qualified-at'] { white-space: nowrap; font-weight: 600; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
