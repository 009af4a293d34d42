/**
 * Styles shared by the statistics widgets on top of the account and campaign sheets: formatted
 * values (one line per currency), the charts' grid, the notes under a report and the commissions'
 * "billed" caption. The host is a size container (`kb-stats`), so the layout follows the width the
 * section gets, not the viewport.
 */
import { css } from 'lit';

export const statisticsStyles = css`
  :host { container: kb-stats / inline-size; }
  [part~='value'] { font-variant-numeric: tabular-nums; white-space: nowrap; }
  [part~='amount-line'] { display: block; }
  [part~='metric-cell'] { text-align: end; }
  [part~='results'] { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space); min-width: 0; }
  [part~='results'] > [part~='error']:empty { display: none; }
  [part~='charts'] { display: grid; gap: var(--_space); grid-template-columns: minmax(0, 1fr); }
  [part~='charts'] > * {
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); min-width: 0;
  }
  @container kb-stats (min-width: 56rem) {
    [part~='charts'] { grid-template-columns: repeat(auto-fit, minmax(0, 1fr)); }
  }
  [part~='more'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); margin-top: var(--_space-2); }
  [part~='more'] [part~='hint'] { margin: 0; }
  /* "billed" beside a commission: a small tag, so the amount reads as the bills' figure, not the traffic's. */
  :is([part~='stat-caption'], [part~='commissions-caption']) {
    display: inline-block; margin-inline-start: 0.25em; padding: 0 0.45em; border: 1px solid var(--_border);
    border-radius: 999px; color: var(--_muted); font-size: 0.75rem; font-weight: 400; line-height: 1.5;
    vertical-align: 0.1em; white-space: nowrap;
  }
  [part~='warning'] {
    margin: 0; padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    background: var(--kb-color-warning-bg, #fffaeb); color: var(--_text);
    border-inline-start: 4px solid var(--kb-color-warning, #b54708);
  }
`;
