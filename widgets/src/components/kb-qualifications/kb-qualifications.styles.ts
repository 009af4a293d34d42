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
  /* A player id ("lu-p124") keeps its line, not broken at its hyphen; on a card (a phone) a long one breaks anywhere. */
  [part~='player'] code { white-space: nowrap; }
  @container kb-table (max-width: 40rem) { [part~='player'] code { white-space: normal; overflow-wrap: anywhere; } }
  /* The day over its time: a narrower first column leaves the amounts room on one line. */
  [part~='qualified-day'] { display: block; white-space: nowrap; font-weight: 600; }
  [part~='qualified-time'] { color: var(--_muted); font-weight: normal; font-size: 0.9em; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
