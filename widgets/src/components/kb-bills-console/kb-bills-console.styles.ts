/** Styles of `<kb-bills-console>` beyond the shared sheet: the toolbar, filters, totals, the list and a bill's panel. */
import { css } from 'lit';

export const billsConsoleStyles = css`
  /* Bill and correction ids are long and unbroken: they may break anywhere rather than widen a phone's page. */
  [part~='heading'], [part~='subheading'], code { overflow-wrap: anywhere; }
  [part~='toolbar'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space); }
  [part~='run-status'] { margin: 0; flex: 1 1 16rem; }
  [part~='run-status']:empty { display: none; }
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  [part~='filters'] [part~='field'] { min-width: 9rem; max-width: 100%; }
  /* Wide enough for "Pending and on hold" in Russian; a long partner name is cut rather than widen a phone's page. */
  [part~='filters'] select { max-width: 18rem; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='totals'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='totals'] [part~='subheading'] { margin: 0 0 var(--_space-1); font-size: 1em; }
  [part~='total-list'] { margin: 0; padding: 0; list-style: none; display: grid; gap: var(--_space-1); }
  /* A bill is named by its period (the button), its id small under it. */
  [part~='open'] {
    border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline; text-align: start; font-weight: 600;
  }
  /* The id keeps one line while the table has room (its column is as wide as it), and breaks only when it must. */
  [part~='bill-code'] { display: block; color: var(--_muted); font-size: 0.8em; font-weight: normal; }
  [part~='table-wrap'] [part~='bill-code'] { overflow-wrap: break-word; }
  @container kb-table (max-width: 64rem) { [part~='table-wrap'] [part~='bill-code'] { overflow-wrap: anywhere; } }
  [part~='bill-row-open'] > * { background: var(--_surface); }
  [part~='bill-panel'] { border-color: var(--_primary); background: var(--_bg); }
  [part~='panel-header'] { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-2); }
  [part~='panel-header'] [part~='subheading'] { margin: 0; overflow-wrap: anywhere; }
  [part~='waiting'] {
    margin: var(--_space-2) 0; padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    background: var(--_warning-bg); border-inline-start: 4px solid var(--_warning); font-weight: 600;
  }
  [part~='facts'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space-2); margin: var(--_space) 0;
  }
  [part~='fact'] { min-width: 0; padding: var(--_space-1) var(--_space-2); border-radius: var(--_radius-small); background: var(--_surface); }
  [part~='fact-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='fact-value'] { margin: 0; overflow-wrap: anywhere; }
  [part~='fact-value'] [part~='money'] { white-space: normal; overflow-wrap: anywhere; }
  [part~='bill-actions'] { margin: 0 0 var(--_space); }
  [part~='bill-actions'] [part~='status']:empty { display: none; }
  [part~='confirm'] {
    padding: var(--_space-2) var(--_space); border: 1px solid var(--_warning); border-radius: var(--_radius-small);
    background: var(--_warning-bg);
  }
  [part~='confirm-text'] { margin: 0 0 var(--_space-2); overflow-wrap: anywhere; }
  [part~='fact-id'] { grid-column: 1 / -1; }
  [part~='minor-heading'] { margin: var(--_space) 0 var(--_space-2); font-size: 1em; }
  [part~='lines'] { margin: 0; padding: 0; list-style: none; border: 1px solid var(--_border); border-radius: var(--_radius-small); }
  [part~='line'] {
    display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--_space-1) var(--_space);
    padding: var(--_space-1) var(--_space-2); border-bottom: 1px solid var(--_border);
  }
  [part~='line']:last-child { border-bottom: 0; }
  [part~='line-text'] { flex: 1 1 18rem; min-width: 0; }
  [part~='correction-comment'] { overflow-wrap: anywhere; }
  [part~='correction-form'] {
    display: grid; gap: var(--_space-2); max-width: 40rem; margin-top: var(--_space); padding-top: var(--_space-2);
    border-top: 1px solid var(--_border);
  }
  [part~='correction-form'] [part~='minor-heading'] { margin: 0; }
  [part~='field-row'] { display: grid; gap: var(--_space-2); grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); }
  [part~='correction-form'] input, [part~='correction-form'] select { width: 100%; }
`;
