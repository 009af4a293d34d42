/** Styles of `<kb-activity>` beyond the shared account-section sheet: the filter row and the events table. */
import { css } from 'lit';

export const activityStyles = css`
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space);
    margin: 0 0 var(--_space); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  /* A select is as wide as its longest option (an e-mail): the field sets the width, never the options. */
  [part~='filters'] [part~='field'] { min-width: 10rem; flex: 1 1 10rem; }
  [part~='filters'] [part~='field'] :is(input, select) { width: 100%; min-width: 0; }
  [part~='filters'] [part~='actions'] { padding-bottom: 1px; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  /* The details column never shrinks to a sliver; the columns that hide first make room for it. */
  [part~='event-detail'] { min-width: 12rem; }
  [part~='event-time'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  /* E-mails break at their dots and @ (breakable()), anywhere only if a piece is still too long. */
  [part~='event-actor'], [part~='event-subject'] { overflow-wrap: anywhere; min-width: 8rem; }
  th[part~='event-type'] { font-weight: 600; }
  [part~='detail-list'] { margin: 0; padding: 0; list-style: none; font-size: 0.92em; }
  [part~='detail-item'] { overflow-wrap: anywhere; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
