/** Styles of `<kb-campaigns>` beyond the shared sheets: the table, its name and "Add promo" buttons. */
import { css } from 'lit';

export const campaignsStyles = css`
  [part~='open'] { border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline; text-align: start; font-weight: 600; }
  [part~='add-promo'] { white-space: nowrap; }
  [part~='campaign-promos'] { font-variant-numeric: tabular-nums; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
`;
