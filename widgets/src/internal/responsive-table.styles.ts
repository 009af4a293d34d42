/**
 * The responsive list table (markup helpers and the why in responsive-table.ts). Container
 * queries on `[part~='table-wrap']` (container `kb-table`), never viewport media queries: a
 * widget sits in an operator's page of any width. Tiers, by the wrapper's width:
 *
 *   ≥ 72rem  every column
 *   < 72rem  priority-4 columns hide (the least needed columns of the widest tables)
 *   < 60rem  priority-3 columns hide too
 *   < 48rem  priority-2 columns hide too
 *   < 40rem  cards: the row header is the title, the other cells "label  value", actions last
 *
 * Tokens only through the `--_…` fallbacks (with their own fallbacks, so a section whose sheet
 * defines fewer of them still gets sizes). Themeable through the existing parts: `table-wrap`,
 * the table's own part, `header-cell`, `cell` (its card label is `::part(cell)::before`).
 */
import { css } from 'lit';

export const responsiveTableStyles = css`
  [part~='table-wrap'] {
    container: kb-table / inline-size;
    /* Absolutely positioned text inside (visually-hidden labels) is placed here, never past the page's edge. */
    position: relative;
    max-width: 100%;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='table-wrap']:focus-visible {
    outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor);
    outline-offset: 2px;
  }
  /* The table mode's rules weigh nothing (:where), so a section's own cell rules override them. */
  :where([part~='table-wrap']) table { width: 100%; border-collapse: collapse; }
  /* Long ids and e-mails may break anywhere; words only at word boundaries. */
  :where([part~='table-wrap']) :is(th, td) {
    text-align: start; vertical-align: top; padding: var(--_space-2, 8px) calc(var(--_space, 16px) * 0.75);
    border-bottom: 1px solid var(--_border); overflow-wrap: break-word;
  }
  :where([part~='table-wrap']) td :is(code, [part~='mono']) { overflow-wrap: anywhere; }
  :where([part~='table-wrap']) thead th { background: var(--_surface); font-weight: 600; }
  :where([part~='table-wrap']) tbody tr:last-child > * { border-bottom: 0; }
  /* A row's buttons wrap onto more lines (and, squeezed, their words too) rather than widen the table. */
  :where([part~='table-wrap']) [data-actions] :is([part~='actions'], [part~='toolbar'], [part~='row-actions']) {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-1, 4px);
  }

  @container kb-table (max-width: 72rem) {
    [data-priority='4'] { display: none; }
  }
  @container kb-table (max-width: 60rem) {
    [data-priority='3'] { display: none; }
  }
  @container kb-table (max-width: 48rem) {
    [data-priority='2'] { display: none; }
  }

  @container kb-table (max-width: 40rem) {
    [part~='table-wrap'] :is(table, tbody, tr, th, td) { display: block; }
    /* The header row stays for screen readers (it names the cells), out of sight and out of the way. */
    [part~='table-wrap'] thead {
      position: absolute; width: 1px; height: 1px; overflow: hidden;
      clip-path: inset(50%); white-space: nowrap;
    }
    /* A card: two columns, the labels' as wide as the longest label needs (at most 45%). */
    [part~='table-wrap'] tbody > tr {
      display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: var(--_space-1, 4px) var(--_space-2, 8px);
      padding: var(--_space-2, 8px) var(--_space, 16px); border-bottom: 1px solid var(--_border);
    }
    [part~='table-wrap'] tbody > tr:last-child { border-bottom: 0; }
    [part~='table-wrap'] tbody > tr > :is(th, td) {
      grid-column: 1 / -1; padding: 0; border: 0; min-width: 0; text-align: start; white-space: normal;
    }
    [part~='table-wrap'] tbody > tr > [data-priority] { display: block; }
    /* The card's title. */
    [part~='table-wrap'] tbody > tr > th[scope='row'] { order: -1; font-size: 1.05em; font-weight: 600; }
    /* "Label  value": the label from the column header, the value's pieces stacked beside it, every
       line of the card on the card's two columns (subgrid; a fixed split where subgrid is missing). */
    [part~='table-wrap'] tbody > tr > td[data-label] {
      display: grid; grid-template-columns: min(40%, 10rem) minmax(0, 1fr); grid-template-columns: subgrid;
      align-items: start;
    }
    [part~='table-wrap'] tbody > tr > td[data-label]::before {
      content: attr(data-label);
      /* Screen readers already hear the column header: the visible label is not read twice. */
      content: attr(data-label) / '';
      grid-column: 1; grid-row: 1 / span 8;
      color: var(--_muted); font-size: 0.9em; font-weight: normal; overflow-wrap: break-word;
    }
    [part~='table-wrap'] tbody > tr > td[data-label] > * { grid-column: 2; justify-self: start; min-width: 0; max-width: 100%; }
    /* A cell with nothing in it (Lit's markers are comments, which :empty ignores) leaves no bare label. */
    [part~='table-wrap'] tbody > tr > td[data-label]:empty { display: none; }
    /* Actions last, their buttons wrapping; a row without any has no empty line for them. */
    [part~='table-wrap'] tbody > tr > [data-actions] { order: 1; padding-top: var(--_space-1, 4px); }
    [part~='table-wrap'] tbody > tr > [data-actions]:not(:has(button, a, select, input)) { display: none; }
  }
`;
