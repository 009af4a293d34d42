/** Styles of `<kb-subaffiliate-report>` beyond the shared sheets: the period form, the overall summary and the level tables. */
import { css } from 'lit';

export const subAffiliateReportStyles = css`
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  [part~='filters'] [part~='field'] { flex: 0 1 16rem; min-width: 10rem; }
  [part~='period'] { margin: 0; font-weight: 600; }
  [part~='summary'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: var(--_space-2); margin: 0;
  }
  [part~='summary-item'] {
    margin: 0; padding: var(--_space-2); border: 1px solid var(--_border); border-radius: var(--_radius-small);
    background: var(--_surface); min-width: 0;
  }
  [part~='summary-name'] { color: var(--_muted); font-size: 0.9em; }
  [part~='summary-value'] { margin: var(--_space-1) 0 0; font-weight: 600; font-size: 1.1em; overflow-wrap: anywhere; }
  [part~='summary-value'] [part~='value'] { white-space: normal; }
  [part~='level-count'] { margin-inline-start: var(--_space-2); color: var(--_muted); font-weight: 400; font-size: 0.9em; }
  [part~='level'] [part~='note'] { margin: 0 0 var(--_space-2); }
  th[part~='partner'] { font-weight: 600; overflow-wrap: anywhere; min-width: 8rem; }
  [part~='signed-up'], [part~='status-badge'] { white-space: nowrap; }
  [part~='earned'] { text-align: end; }
  [part~='totals-row'] > * { font-weight: 600; background: var(--_surface); }
  a[part~='empty-action'] { color: var(--_link); font-weight: 600; }
  /* A phone: the totals row is a card too, without the cells a total has nothing in. */
  @container kb-table (max-width: 40rem) {
    [part~='totals-row'] > td:empty { display: none; }
    [part~='table-wrap'] tbody > tr[part~='totals-row'] { background: var(--_surface); }
    [part~='totals-row'] > * { background: none; }
    [part~='earned'], [part~='metric-cell'] { text-align: start; }
  }
`;
