/**
 * The dashboard's "Your balance": what the partner may withdraw now and what is held for cash-outs
 * in flight, per currency, with the way to the wallet. Shown only when the wallet answers: a
 * session without the wallet (an embed that left it out) sees the dashboard without it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/money-format.ts';
import type { DashboardKey } from './kb-dashboard.messages.ts';

export interface DashboardBalance {
  currency: string;
  coin: boolean;
  available: string;
  pending: string;
}

/** A zero amount of any precision ("0", "0.00", "0.000000"). */
const isZero = (decimal: string) => /^0*(\.0*)?$/.test(decimal);

export function renderBalances(
  locale: Locale,
  m: (key: DashboardKey) => string,
  balances: readonly DashboardBalance[] | null,
  openWallet: () => void,
): TemplateResult | typeof nothing {
  if (!balances) return nothing;
  return html`<section part="balances" aria-labelledby="dashboard-balances-heading">
    <h3 part="subheading" id="dashboard-balances-heading">${m('balances')}</h3>
    ${
      balances.length === 0
        ? html`<p part="hint balances-empty">${m('noBalance')}</p>`
        : html`<ul part="balance-list">${balances.map(
            (b) => html`<li part="balance" data-currency=${b.currency}>
              <span part="balance-available"><span part="balance-label">${m('available')}</span>
                <strong part="balance-value">${formatAmount(locale, b.currency, b.available)}</strong></span>
              ${
                isZero(b.pending)
                  ? nothing
                  : html`<span part="balance-pending"><span part="balance-label">${m('pending')}</span>
                      <span part="balance-value">${formatAmount(locale, b.currency, b.pending)}</span></span>`
              }
            </li>`,
          )}</ul>`
    }
    <button part="button open-wallet" type="button" @click=${openWallet}>${m('openWallet')}</button>
  </section>`;
}
