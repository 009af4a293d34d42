/** Styles of `<kb-plans>` beyond the shared sheets: wider cards for the terms in words. */
import { css } from 'lit';

export const plansStyles = css`
  /* The intro is as far from the first card as the cards are from each other (the margins collapse). */
  [part~='cards'] {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); align-items: start; margin-top: var(--_space);
  }
  [part~='card'] { gap: var(--_space-2); padding: var(--_space); min-width: 0; }
  [part~='plan-header'] { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: var(--_space-1) var(--_space-2); }
  [part~='plan-name'] { margin: 0; font-size: 1.1em; overflow-wrap: anywhere; }
  [part~='plan-header'] [part~='badge'] { margin: 0; }
  [part~='badge-individual'] { border-color: var(--_link); color: var(--_link); }
  [part~='terms-lines'] { margin: 0; padding-inline-start: 1.25em; display: grid; gap: var(--_space-1); }
  [part~='scheduled-from'] { margin: var(--_space-1) 0 0; font-weight: 600; }
  [part~='card'] [part~='hint'] { margin: 0; }
`;
