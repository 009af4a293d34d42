/** Styles of `<kb-bills>` beyond the shared account-section sheet: filters, totals, the table and a bill's page. */
import { css } from 'lit';

export const billsStyles = css`
  /* Bill and correction ids are long and unbroken: they may break anywhere rather than widen a phone's page. */
  [part~='heading'], [part~='subheading'], code { overflow-wrap: anywhere; }
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  /* Two fields a row on a phone (the dates side by side), all in one row on a wide page. */
  [part~='filters'] [part~='field'] { flex: 1 1 8rem; max-width: 15rem; }
  [part~='filters'] :is(input, select) { width: 100%; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='totals'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='totals'] [part~='subheading'] { margin: 0 0 var(--_space-1); font-size: 1em; }
  [part~='total-list'] { margin: 0 0 var(--_space-1); padding: 0; list-style: none; display: grid; gap: var(--_space-1); }
  [part~='totals'] [part~='hint'] { margin: 0; font-size: 0.9em; }
  /* A bill is named by its period (the button), its id small under it. */
  [part~='open'] {
    border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline;
    text-align: start; font-weight: 600;
  }
  /* The id keeps one line while the table has room (its column is as wide as it), and breaks only when it must. */
  [part~='bill-code'] { display: block; color: var(--_muted); font-size: 0.8em; font-weight: normal; }
  [part~='table-wrap'] [part~='bill-code'] { overflow-wrap: break-word; }
  @container kb-table (max-width: 48rem) { [part~='table-wrap'] [part~='bill-code'] { overflow-wrap: anywhere; } }
  [part~='fact-id'] { grid-column: 1 / -1; }
  [part~='bill-created'] { white-space: nowrap; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
  [part~='back'] { margin: 0 0 var(--_space); }
  [part~='waiting'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    background: var(--_warning-bg); border-inline-start: 4px solid var(--_warning);
  }
  [part~='waiting-for'] { margin: 0 0 var(--_space-1); font-weight: 600; }
  [part~='waiting'] [part~='hint'] { margin: 0; color: var(--_text); }
  [part~='facts'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr));
    gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space-4);
  }
  [part~='fact'] { min-width: 0; padding: var(--_space-2); border-radius: var(--_radius-small); background: var(--_surface); }
  [part~='fact-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='fact-value'] { margin: 0; overflow-wrap: anywhere; }
  [part~='fact-to-pay'] [part~='fact-value'] { font-size: 1.15em; }
  /* A fact's box is narrow: a very long amount wraps there rather than widen the page. */
  [part~='fact-value'] [part~='money'] { white-space: normal; overflow-wrap: anywhere; }
  [part~='line-text'] { font-weight: normal; }
  th[part~='line-text'] { font-weight: normal; }
  [part~='correction-comment'] { overflow-wrap: anywhere; min-width: 10rem; }
  /* The two views as one segmented switch; on a phone each button takes half the row and its words may wrap. */
  [part~='views'] {
    display: inline-flex; max-width: 100%; margin: 0 0 var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius-small); overflow: hidden;
  }
  [part~='view'] { flex: 1 1 auto; border: 0; border-radius: 0; padding: var(--_space-1) var(--_space); }
  [part~='view'] + [part~='view'] { border-inline-start: 1px solid var(--_border); }
  [part~='view-current'] { background: var(--_primary); color: var(--_on-primary); font-weight: 600; }
  [part~='views'] :focus-visible { outline-offset: -4px; }
`;
