/** Styles of `<kb-dashboard>` beyond the shared sheets: the balance, the quick stats cards and their commission. */
import { css } from 'lit';

export const dashboardStyles = css`
  [part~='quick-stats'] { margin: 0 0 var(--_space-4); }
  [part~='balances'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space-4); margin: 0 0 var(--_space-4);
  }
  [part~='balances'] [part~='subheading'] { flex-basis: 100%; margin: 0; }
  [part~='balance-list'] { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space-4); margin: 0; padding: 0; list-style: none; }
  [part~='balance'] { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space); align-items: baseline; font-variant-numeric: tabular-nums; }
  [part~='balance-available'], [part~='balance-pending'] { display: inline-flex; gap: var(--_space-1); align-items: baseline; }
  [part~='balance-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='balance-available'] [part~='balance-value'] { font-size: 1.25em; }
  [part~='stat-cards'] {
    display: grid; gap: var(--_space); margin: 0; padding: 0; list-style: none;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
  }
  [part~='stat-card'] {
    display: grid; align-content: start; gap: var(--_space-1); min-width: 0;
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='stat-period'] { margin: 0; font-size: 1em; }
  [part~='stat-range'] { margin: 0 0 var(--_space-1); color: var(--_muted); font-size: 0.9em; }
  [part~='stat-list'] { display: grid; gap: var(--_space-1); margin: 0; }
  [part~='stat'] { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 var(--_space-2); }
  [part~='stat-name'] { color: var(--_muted); }
  [part~='stat-value'] { margin: 0; margin-inline-start: auto; font-weight: 600; text-align: end; }
  /* The commission is the bills' figure, not the period's traffic: set apart, its caption says so. */
  [part~='stat-commission'] { margin-top: var(--_space-1); padding-top: var(--_space-1); border-top: 1px solid var(--_border); }
  [part~='commission-note'] { margin: var(--_space-2) 0 0; font-size: 0.9em; }
  [part~='campaigns'] [part~='subheading'] { margin-top: 0; }
  /* Numbers line up on their right edge, their headers with them. */
  [part~='campaign-table'] thead th:not(:first-child) { text-align: end; }
`;
