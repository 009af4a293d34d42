/** The look of what bill-format.ts renders (amounts, the coin mark, "Not priced yet", state badges), for every bills surface. */
import { css } from 'lit';

export const billingStyles = css`
  :host {
    --_warning: var(--kb-color-warning, #8a5a00);
    --_warning-bg: var(--kb-color-warning-bg, #fff4d6);
  }
  [part~='money'] { font-variant-numeric: tabular-nums; white-space: nowrap; }
  /* The amount keeps its line; its coin mark may go under it. */
  [part~='coin-badge'] {
    display: inline-block; padding: 0 0.4em; border: 1px solid var(--_border); border-radius: 999px;
    font-size: 0.8em; color: var(--_muted); vertical-align: 0.1em;
  }
  [part~='not-priced'] { color: var(--_warning); }
  [part~='state-badge'] {
    display: inline-block; white-space: nowrap; padding: 0 0.5em; border-radius: 999px;
    border: 1px solid currentColor; font-size: 0.9em;
  }
  [part~='state-pending'], [part~='state-on_hold'] { color: var(--_warning); }
  [part~='state-cancelled'] { color: var(--_muted); }
`;
