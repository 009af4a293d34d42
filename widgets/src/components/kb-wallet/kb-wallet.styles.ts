/** Styles of `<kb-wallet>` beyond the shared account-section sheet: the views, balance cards, filters, tables and the withdraw dialog. */
import { css } from 'lit';

export const walletStyles = css`
  [part~='balances'] { margin: 0 0 var(--_space-4); }
  /* One card per currency, as many a row as fit; a phone stacks them. */
  [part~='balance-list'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space-2); margin: 0; padding: 0; list-style: none;
  }
  [part~='balance'] {
    display: grid; gap: var(--_space-1); padding: var(--_space-2) var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='balance-currency'] { font-weight: 600; color: var(--_muted); letter-spacing: 0.04em; }
  [part~='balance-available'], [part~='balance-pending'] {
    display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 var(--_space-2);
  }
  [part~='balance-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='balance-available'] [part~='balance-value'] { font-size: 1.35em; }
  /* A very long amount wraps inside its card rather than widen the page. */
  [part~='balance-value'] [part~='money'] { white-space: normal; overflow-wrap: anywhere; }
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  /* Two fields a row on a phone, as many as fit on a wide page. */
  [part~='filters'] [part~='field'] { flex: 1 1 8rem; max-width: 13rem; }
  /* A date input is as wide as its own picker: never narrower than that, or it spills out of its field. */
  [part~='filters'] [part~='field']:has(input[type='date']) { flex-basis: 9rem; max-width: 15rem; }
  [part~='filters'] :is(input, select) { width: 100%; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  [part~='transaction-when'] { font-weight: normal; white-space: nowrap; }
  [part~='transaction-amount'] { white-space: nowrap; }
  [part~='transaction-details'] { min-width: 12rem; }
  [part~='bill-ref'], [part~='comment'] { display: block; overflow-wrap: anywhere; }
  [part~='comment'] { color: var(--_muted); }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
  /* Four views: a row of buttons that wraps on a phone (two a row there), the current one filled. */
  [part~='views'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); margin: 0 0 var(--_space); }
  [part~='view'] { flex: 1 1 auto; }
  [part~='view-current'] { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); font-weight: 600; }
  [part~='notice'] { margin: 0 0 var(--_space); }
  [part~='balance'] > [part~='withdraw'] { justify-self: start; margin-top: var(--_space-1); }
  [part~='view-header'] {
    display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: var(--_space-2);
  }
  [part~='view-header'] [part~='subheading'] { margin-top: 0; }
  [part~='cash-out-requested'] { font-weight: normal; white-space: nowrap; }
  [part~='cash-out-amount'] { white-space: nowrap; }
  [part~='method-name'], [part~='account-summary'] { display: block; overflow-wrap: anywhere; }
  [part~='account-summary'], [part~='cancelled-by'], [part~='no-reference'] { color: var(--_muted); }
  [part~='cancelled-by'] { display: block; font-size: 0.9em; }
  [part~='state-success'] { color: var(--_text); }
  [part~='state-refunded'] { color: var(--_muted); }
  [part~='reference'] { overflow-wrap: anywhere; }
  [part~='confirm-cancel'] { margin: 0 0 var(--_space-1); min-width: 12rem; }
  a[part~='security-link'], a[part~='methods-link'] { color: var(--_link); }
  [part~='withdraw-dialog'] {
    width: min(32rem, calc(100vw - 2rem)); max-height: calc(100dvh - 2rem); overflow: auto;
    padding: var(--_space); color: var(--_text); background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='withdraw-dialog']::backdrop { background: rgb(0 0 0 / 0.45); }
  [part~='dialog-heading'] { margin: 0 0 var(--_space-2); font-size: 1.15em; }
  [part~='withdraw-form'] { gap: var(--_space-2); }
  [part~='withdraw-form'] [part~='hint'], [part~='withdraw-form'] [part~='error'] { margin: 0; }
  [part~='withdraw-form'] :is(input, select) { width: 100%; }
`;
