/**
 * Styles of `<kb-payment-accounts>` beyond the shared account-section sheet: the details and limits
 * lists inside the table, the panel row under an account, and the add form. Tokens only (`--_…`).
 */
import { css } from 'lit';

export const paymentAccountsStyles = css`
  [part~='subheading'] { margin-top: 0; }
  [part~='subheading']:focus { outline: none; }
  [part~='tfa-off'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    border-inline-start: 4px solid var(--_danger); background: var(--_surface);
  }
  [part~='security-link'] { color: var(--_link); }
  [part~='toolbar'] { margin: 0 0 var(--_space); }
  [part~='account-row'] [part~='toolbar'] { margin: 0; }
  [part~='method-name'] { display: block; overflow-wrap: anywhere; }
  [part~='account-method'] [part~='badge'] { margin: var(--_space-1) 0 0; }
  [part~='account-method']:focus { outline: none; }
  [part~='not-offered'] { display: block; margin-top: var(--_space-1); color: var(--_danger); font-weight: normal; font-size: 0.9em; }
  /* Label and value side by side in a wide table; stacked in a card, where the column is narrow. */
  [part~='details'] {
    display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: var(--_space-1) var(--_space-2); margin: 0;
  }
  [part~='detail'] { display: contents; }
  [part~='detail-label'] { color: var(--_muted); font-size: 0.9em; }
  /* Words wrap whole (a bank's name, an e-mail); only identifiers, one long word, break anywhere. The column
     keeps room for a label and a value side by side, so a wide table never squeezes them letter by letter. */
  [part~='account-details'] { min-width: 17rem; }
  [part~='detail-value'] { margin: 0; overflow-wrap: break-word; white-space: pre-line; }
  [part~='detail-value'][part~='mono'] { overflow-wrap: anywhere; }
  [part~='account-actions'] button { white-space: nowrap; }
  [part~='details-revealed'] { padding: var(--_space-1) var(--_space-2); border-radius: var(--_radius-small); background: var(--_surface); }
  [part~='details-revealed']:focus-visible {
    outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px;
  }
  [part~='limits'] { margin: 0; padding: 0; list-style: none; }
  [part~='account-added'] { white-space: nowrap; }
  [part~='panel-cell'] { background: var(--_surface); }
  [part~='panel-cell'] [part~='form'] { max-width: 32rem; }
  [part~='panel-title'], [part~='confirm-text'] { margin: 0; }
  [part~='panel-body'] p { margin: 0 0 var(--_space-2); }
  [part~='panel-body'] p:focus { outline: none; }
  [part~='code-input'] { width: 10em; letter-spacing: 0.1em; }
  [part~='add-panel'] {
    margin: 0 0 var(--_space-4); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='add-heading'] { margin: 0 0 var(--_space); font-size: 1em; }
  [part~='add-form'] :is(input:not([part~='code-input']), select, textarea) { width: 100%; }
  [part~='method-limits'] { display: grid; gap: var(--_space-1); }
  textarea {
    font: inherit; color: var(--_text); background: var(--_bg); resize: vertical; max-width: 100%;
    border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space-2);
  }
  textarea[aria-invalid='true'] { border-color: var(--_danger); }
  textarea:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px; }
  [part~='error']:focus { outline: none; }
  @container kb-table (max-width: 40rem) {
    [part~='details'] { grid-template-columns: minmax(0, 1fr); gap: 0; }
    [part~='detail-value'] { margin-bottom: var(--_space-1); }
    [part~='table-wrap'] tbody > tr[part~='panel-row'] { display: block; padding: 0; }
    [part~='panel-cell'] { padding: var(--_space-2) var(--_space) !important; }
  }
`;
