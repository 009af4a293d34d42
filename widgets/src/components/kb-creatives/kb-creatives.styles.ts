/** Styles of `<kb-creatives>` beyond the shared sheets: the picker group and the card layout. */
import { css } from 'lit';

export const creativesStyles = css`
  [part~='choices'] { display: grid; gap: var(--_space); padding: var(--_space); }
  [part~='card'] { position: relative; grid-template-columns: auto 1fr; align-items: start; }
  [part~='card-body'] { display: grid; gap: var(--_space-1); grid-column: -2; cursor: default; }
  label[part~='card-body'] { cursor: pointer; }
  [part~='card-body']:only-child { grid-column: 1 / -1; }
  [part~='placeholder'] { min-height: 5rem; text-transform: uppercase; font-size: 0.85em; }
  [part~='card-title'] { font-weight: 600; overflow-wrap: anywhere; }
  [part~='tags'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); }
  [part~='tag'] { margin: 0; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
`;
