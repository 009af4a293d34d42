/** Styles of `<kb-postbacks>` beyond the shared sheets: the table, its badges and the in-place editor. */
import { css } from 'lit';

export const postbacksStyles = css`
  :host { --_warning: var(--kb-color-warning, #8a5a00); }
  [part~='heading']:focus { outline: none; }
  /* The URL column keeps room to read; the columns that hide first make it. */
  [part~='postback-url'] { min-width: 14rem; }
  [part~='url'] { overflow-wrap: anywhere; }
  /* A promo's scope names its id (26 characters, one word): it breaks rather than widen the table. */
  [part~='postback-scope'] { overflow-wrap: anywhere; min-width: 8rem; }
  [part~='row-warning'] { margin: var(--_space-1) 0 0; color: var(--_warning); font-size: 0.9em; }
  [part~='method-badge'], [part~='status-badge'] { margin-inline-start: 0; }
  [part~='status-on'] { border-color: var(--_link); }
  [part~='status-off'] { color: var(--_muted); }
  [part~='confirm-delete'] { margin: 0 0 var(--_space-1); white-space: normal; font-weight: 600; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='editor'] { margin: 0 0 var(--_space-4); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='filters'] [part~='field'] { max-width: 16rem; }
  /* Four scope tabs do not fit a phone in one row: they wrap rather than widen the section. */
  [part~='tab-list'] { flex-wrap: wrap; }
`;
