/** The overview's "Current balance" of `<kb-wallet>`: a card per currency, available and pending, with Withdraw where money is available. */
import { html, nothing, type TemplateResult } from 'lit';
import { money } from '../../internal/billing/bill-format.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { WalletKey } from './kb-wallet.messages.ts';
import { isPositive, type Balance } from './wallet-format.ts';

export function renderBalances(v: {
  locale: Locale;
  m: (key: WalletKey, params?: MessageParams) => string;
  /** null while loading. */
  balances: Balance[] | null;
  error: string | null;
  loading(): TemplateResult;
  /** The Withdraw button of a currency (nothing for a role that may not withdraw). */
  withdraw(currency: string): TemplateResult | typeof nothing;
}): TemplateResult {
  const { locale, m, balances } = v;
  const body = v.error
    ? html`<div part="error" role="alert"><p part="error-detail">${v.error}</p></div>`
    : !balances
      ? v.loading()
      : balances.length === 0
        ? renderEmptyState({ message: m('noBalance'), hint: m('noBalanceHint') })
        : html`<ul part="balance-list">${balances.map(
            (b) => html`<li part="balance" data-currency=${b.currency}>
              <span part="balance-currency">${b.currency}</span>
              <span part="balance-available"><span part="balance-label">${m('available')}</span>
                <strong part="balance-value">${money(locale, b.available, b.currency, b.coin)}</strong></span>
              <span part="balance-pending"><span part="balance-label">${m('pending')}</span>
                <span part="balance-value">${money(locale, b.pending, b.currency, b.coin)}</span></span>
              ${isPositive(b.available) ? v.withdraw(b.currency) : nothing}
            </li>`,
          )}</ul>`;
  return html`<section part="balances" aria-labelledby="wallet-balances-heading">
    <h3 part="subheading" id="wallet-balances-heading">${m('balances')}</h3>
    ${body}
  </section>`;
}
