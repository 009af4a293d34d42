/** Styles of `<kb-campaign-wizard>` beyond the shared sheets: the step form, terms and the result. */
import { css } from 'lit';

export const wizardStyles = css`
  [part~='step'] { max-width: none; }
  [part~='step'] > [part~='field'], [part~='audience'] { max-width: 42rem; }
  [part~='step-heading']:focus { outline: none; }
  [part~='step-heading']:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); }
  [part~='terms'] { padding: var(--_space-2) var(--_space); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='terms'][hidden] { display: none; }
  [part~='result'] { display: grid; gap: var(--_space); max-width: 48rem; }
  [part~='gallery'] { margin: 0 0 var(--_space-2); }
`;
