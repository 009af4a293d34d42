/** Styles of `<kb-api-docs>` beyond the shared account-section sheet: endpoints, the command, parameter lists. */
import { css } from 'lit';

export const apiDocsStyles = css`
  [part~='panel'] > p { margin: 0 0 var(--_space-2); }
  [part~='panel'] > p:last-child { margin-bottom: 0; }
  [part~='endpoint'] code, [part~='token'], [part~='command'] {
    background: var(--_surface); border-radius: var(--_radius-small); overflow-wrap: anywhere;
  }
  [part~='endpoint'] code { padding: var(--_space-1) var(--_space-2); font-weight: 600; }
  [part~='token'] { padding: var(--_space-1) var(--_space-2); letter-spacing: 0.04em; }
  [part~='token-row'] { margin-bottom: var(--_space-2); }
  [part~='token-row'] [part~='label'] { flex-basis: 100%; }
  [part~='command'] {
    margin: var(--_space-1) 0 var(--_space-2); padding: var(--_space-2) var(--_space);
    border: 1px solid var(--_border); white-space: pre-wrap; word-break: break-all; font-size: 0.92em;
  }
  /* One column at every width: names such as 401 statistic_token_expired would not fit beside their text on a phone. */
  [part~='params'] { margin: 0; }
  [part~='param-name'] { margin-top: var(--_space-2); font-weight: 600; overflow-wrap: anywhere; }
  [part~='param-name']:first-child { margin-top: 0; }
  [part~='param-text'] { margin: var(--_space-1) 0 0; padding-inline-start: var(--_space); min-width: 0; }
  [part~='values'] { display: block; color: var(--_muted); overflow-wrap: anywhere; }
  [part~='value'] { color: var(--_text); }
  a { color: var(--_link); }
  [part~='openapi'] { overflow-wrap: anywhere; }
`;
