/** Styles of `<kb-conversions>` beyond the shared sheets: the tables' cells and the status badges. */
import { css } from 'lit';

export const conversionsStyles = css`
  [part~='conversion-time'], [part~='conversion-amount'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  [part~='conversion-amount'] { text-align: end; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='reported-time'], [part~='reported-payout'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  [part~='reported-payout'] { text-align: end; }
  [part~='status-badge'] { margin-inline-start: 0; }
  [part~='status-hold'] { color: var(--_muted); }
  [part~='status-approve'] { border-color: var(--_link); }
  [part~='status-cancel'], [part~='status-trash'] { color: var(--_danger); border-color: currentColor; }
`;
