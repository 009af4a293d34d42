/**
 * The four views of the Wallet section, each with its address inside `<kb-portal>`: the overview
 * (balances and transactions, `#/wallet`), the cash-outs (`#/wallet/cash_outs`), the payment
 * methods (`<kb-payment-accounts>`, `#/wallet/methods`) and the automatic cash-outs
 * (`<kb-cash-out-schedules>`, `#/wallet/schedules`). The seed's Wallet tab holds all four, and the
 * portal's navigation has no room for more sections.
 */
import { html, nothing, type TemplateResult } from 'lit';

export const WALLET_VIEWS = ['overview', 'cash_outs', 'methods', 'schedules'] as const;
export type WalletView = (typeof WALLET_VIEWS)[number];

/** The view an address names; the section's own address (or one it does not know) is the overview. */
export function viewOf(path: readonly string[]): WalletView {
  const [first] = path;
  return WALLET_VIEWS.find((v) => v !== 'overview' && v === first) ?? 'overview';
}

/** The address of a view inside the section: `[]` for the overview, `['cash_outs']`… */
export const pathOf = (view: WalletView): string[] => (view === 'overview' ? [] : [view]);

/** The switch between the views: the current one is marked (aria-current) and stays a button. */
export function renderViewSwitch(
  current: WalletView,
  m: (key: 'views' | `view.${WalletView}`) => string,
  show: (view: WalletView) => void,
): TemplateResult {
  const button = (view: WalletView) =>
    html`<button part=${view === current ? 'button view view-current' : 'button view'} type="button"
      data-view=${view} aria-current=${view === current ? 'page' : 'false'} @click=${() => show(view)}>${m(`view.${view}`)}</button>`;
  return html`<nav part="views" aria-label=${m('views')}>${WALLET_VIEWS.map(button)}</nav>`;
}

/** The views another element fills with its own data; nothing for the overview and the cash-outs. */
export function renderElementView(view: WalletView): TemplateResult | typeof nothing {
  if (view === 'methods') return html`<kb-payment-accounts part="payment-accounts"></kb-payment-accounts>`;
  if (view === 'schedules') return html`<kb-cash-out-schedules part="schedules"></kb-cash-out-schedules>`;
  return nothing;
}
