/** Styles of `<kb-postback-log>` beyond the shared sheets: the attempts table's cells and the answer colours. */
import { css } from 'lit';

export const logStyles = css`
  :host { --_warning: var(--kb-color-warning, #8a5a00); }
  [part~='heading']:focus, [part~='subheading']:focus { outline: none; }
  /* The URL column keeps room to read; the columns that hide first make it. */
  [part~='attempt-url'] { min-width: 14rem; }
  [part~='url'] { overflow-wrap: anywhere; }
  [part~='method-badge'] { margin-inline-start: 0; }
  [part~='attempt-time'], [part~='attempt-duration'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  [part~='attempt-duration'] { text-align: end; }
  [part~='response-code'] { font-weight: 600; font-variant-numeric: tabular-nums; }
  [part~='response-4xx'] { color: var(--_warning); }
  [part~='response-5xx'], [part~='response-none'], [part~='response-error'] { color: var(--_danger); }
  /* A transport error names a host: it may break anywhere rather than widen the table. */
  [part~='response-none'], [part~='response-error'] { overflow-wrap: anywhere; }
  [part~='ref-name'], [part~='ref-secondary'] { display: block; }
  [part~='ref-secondary'] { color: var(--_muted); font-size: 0.875em; }
  [part~='test-badge'] { font-weight: normal; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
