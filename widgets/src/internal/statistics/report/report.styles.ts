/**
 * Styles of the report screens (`<kb-reports>`, `<kb-operator-reports>`) beyond the shared sheets:
 * the form's blocks, the group-by and column lists (with the drag handle and drop marker), sortable
 * headers, the pager and the billed commissions' cards. The headers' sort buttons give way to the
 * Sort by select in the card layout (`kb-table` and `kb-stats` containers).
 */
import { css } from 'lit';

export const reportsStyles = css`
  [part~='filters'] { display: grid; gap: var(--_space); }
  [part~='filter-fields'], [part~='currency-fields'], [part~='sort-controls'], [part~='add-grouping'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space);
  }
  :is([part~='filter-fields'], [part~='currency-fields'], [part~='sort-controls'], [part~='add-grouping']) [part~='field'] {
    min-width: 9rem; flex: 1 1 9rem;
  }
  :is([part~='filter-fields'], [part~='currency-fields'], [part~='sort-controls'], [part~='add-grouping']) :is(input, select) {
    width: 100%; min-width: 0;
  }
  [part~='currency-fields'] [part~='hint'] { margin: 0; font-size: 0.9em; }
  /* A filter of several values looks like the selects beside it; its list drops over what is below, as theirs does. */
  [part~='multi-field'] { position: relative; }
  [part~='multi-summary'] {
    display: flex; align-items: center; gap: var(--_space-1); min-height: 2.25em; cursor: pointer; list-style: none;
    padding: var(--_space-1) var(--_space-2); background: var(--_bg); color: var(--_text);
    border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='multi-summary']::-webkit-details-marker { display: none; }
  [part~='multi-summary']::after { content: '▾'; margin-inline-start: auto; color: var(--_muted); }
  [part~='multi-select'][open] [part~='multi-summary']::after { content: '▴'; }
  [part~='multi-summary']:focus-visible {
    outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px;
  }
  [part~='multi-value'] { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  [part~='multi-options'] {
    position: absolute; z-index: 3; inset-inline-start: 0; top: 100%; margin: 2px 0 0;
    width: max(100%, 14rem); max-width: min(22rem, 90vw); max-height: 18rem; overflow: auto;
    display: grid; padding: var(--_space-1); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius-small); box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
  }
  [part~='multi-option'] {
    display: flex; align-items: center; gap: var(--_space-2); min-height: 2.5rem; padding: 0 var(--_space-2);
    border-radius: var(--_radius-small); cursor: pointer; overflow-wrap: anywhere;
  }
  [part~='multi-option']:hover { background: var(--_surface); }
  /* Not the fields' full-width inputs: a box before its name. */
  [part~='multi-options'] [part~='multi-option'] input[type='checkbox'] { flex: none; width: 1.1rem; height: 1.1rem; margin: 0; }
  [part~='multi-clear'] { justify-self: start; margin: var(--_space-1) var(--_space-2); }
  [part~='group-by'] { display: grid; gap: var(--_space-2); min-width: 0; }
  [part~='group-by'] [part~='hint'] { margin: 0; }
  [part~='grouping-list'], [part~='column-list'] { display: grid; gap: var(--_space-1); margin: 0; padding: 0; list-style: none; }
  [part~='grouping'], [part~='column'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-1) var(--_space-2); min-width: 0;
    padding: var(--_space-1) var(--_space-2); border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='grouping-name'], [part~='column-name'] { flex: 1 1 8rem; min-width: 0; overflow-wrap: anywhere; }
  [part~='row-actions'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); }
  [part~='row-actions'] button { padding: 0 var(--_space-2); }
  [part~='columns-panel'] { margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='columns-summary'] { cursor: pointer; font-weight: 600; }
  [part~='columns-panel'][open] [part~='columns-summary'] { margin-bottom: var(--_space-2); }
  [part~='drag-handle'] {
    cursor: grab; touch-action: none; user-select: none; color: var(--_muted);
    display: inline-grid; place-items: center; min-width: 1.75em; min-height: 1.75em;
  }
  [part~='drag-space'] { display: inline-block; min-width: 1.75em; }
  [part~='column-dragging'] { opacity: 0.6; background: var(--_surface); }
  [part~='column-dragging'] [part~='drag-handle'] { cursor: grabbing; }
  [part~='drop-before'] { box-shadow: 0 -3px 0 var(--_link); }
  [part~='drop-after'] { box-shadow: 0 3px 0 var(--_link); }
  [part~='results'] > [part~='status']:empty { display: none; }
  [part~='note'] { margin: 0; color: var(--_muted); }
  [part~='sort-button'] {
    border: 0; background: none; padding: 0; font: inherit; font-weight: 600; color: inherit; text-align: start;
    display: inline-flex; gap: var(--_space-1); align-items: baseline;
  }
  [part~='sort-button-active'] { color: var(--_link); }
  /* Numbers line up on their right edge, their headers with them. */
  [part~='metric-header'] { text-align: end; }
  [part~='metric-header'] [part~='sort-button'] { text-align: end; justify-content: flex-end; }
  [part~='sort-label'] { display: none; }
  [part~='metric-cell'], th:has([part~='sort-button']) { white-space: normal; }
  /* A date is one line (\`Nov 3, 2026\`, not the year under the day): the numbers give way first. */
  :is([part~='grouping-hour'], [part~='grouping-day'], [part~='grouping-week'], [part~='grouping-month']) {
    white-space: nowrap;
  }
  [part~='totals-row'] > * { font-weight: 600; background: var(--_surface); }
  [part~='pager'] { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: var(--_space-2) var(--_space); }
  [part~='pager'] [part~='page-status'] { margin: 0; color: var(--_muted); }
  [part~='pager'] [part~='field'] { flex: 0 1 9rem; }
  [part~='sort-controls'] { display: none; }
  /* Billed commissions under the table: a card per currency, the kinds then the total. */
  [part~='commissions'] { display: grid; gap: var(--_space-2); min-width: 0; }
  [part~='commissions'] > [part~='subheading'] { margin: var(--_space-2) 0 0; }
  [part~='commissions-note'], [part~='commissions-none'] { margin: 0; }
  [part~='commission-cards'] {
    display: grid; gap: var(--_space); align-items: start; margin: 0; padding: 0; list-style: none;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  [part~='commission-card'] {
    min-width: 0; padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='commission-list'] { display: grid; gap: var(--_space-1); margin: 0; }
  [part~='commission-kind'], [part~='commission-total'] {
    display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 var(--_space-2);
  }
  [part~='commission-name'] { color: var(--_muted); }
  [part~='commission-value'] { margin: 0; margin-inline-start: auto; text-align: end; }
  [part~='commission-total'] { padding-top: var(--_space-1); border-top: 1px solid var(--_border); font-weight: 600; }
  [part~='commission-total'] [part~='commission-name'] { color: var(--_text); }
  @container kb-stats (max-width: 40rem) {
    [part~='sort-controls'] { display: flex; }
  }
  @container kb-table (max-width: 40rem) {
    [part~='sort-button'] { display: none; }
    [part~='sort-label'] { display: inline; }
  }
`;
