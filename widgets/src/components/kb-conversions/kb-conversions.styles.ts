/** Styles of `<kb-conversions>` beyond the shared sheets: the wide table. */
import { css } from 'lit';

export const conversionsStyles = css`
  [part~='conversions'] { min-width: 56rem; }
  [part~='conversion-time'], [part~='conversion-amount'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  [part~='conversion-amount'] { text-align: end; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
`;
