/**
 * The partner's available balance in the portal's header: what a partner looks for first on every
 * page. Asked for when a session may see the wallet, again whenever the wallet or the dashboard is
 * opened, and whenever a section says money moved (`kb-balance-changed`: a cash-out asked for or
 * cancelled). A failed answer shows nothing: the wallet section says what went wrong.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { SessionState } from '../../internal/contexts.ts';
import type { Locale } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/money-format.ts';
import { portalMessages } from './kb-portal.messages.ts';

/** Sections dispatch this (bubbling, composed) after moving money, so the header shows the new balance. */
export const BALANCE_CHANGED = 'kb-balance-changed';

export interface Balance {
  currency: string;
  available: string;
  pending: string;
}

/** How many currencies the header names; the rest are counted ("+2") and all are in the label. */
const SHOWN = 2;

export class PortalBalances implements ReactiveController {
  /** null: not asked for, not allowed, or the last answer failed. */
  balances: Balance[] | null = null;
  private asked: string | null = null;
  private seq = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener(BALANCE_CHANGED, this.refresh);
  }
  hostDisconnected(): void {
    this.host.removeEventListener(BALANCE_CHANGED, this.refresh);
  }

  private api: ApiClient | undefined;

  /**
   * Called on every portal update: asks once per user and section visit (`visit` changes when the
   * wallet or the dashboard is shown again), and forgets the balance when the wallet is not allowed.
   */
  follow(api: ApiClient | undefined, session: SessionState, walletAllowed: boolean, visit: string): void {
    this.api = api;
    const key = api && walletAllowed && session.user ? `${session.user.id}:${visit}` : null;
    if (key === this.asked) return;
    this.asked = key;
    if (!key) {
      this.seq++;
      if (this.balances) {
        this.balances = null;
        this.host.requestUpdate();
      }
      return;
    }
    void this.load();
  }

  private readonly refresh = (): void => void this.load();

  private async load(): Promise<void> {
    const api = this.api;
    if (!api || !this.asked) return;
    const seq = ++this.seq;
    try {
      const body = await expectOk(api.client.v1.partner.wallet.balances.$get());
      if (seq !== this.seq) return;
      this.balances = body.data;
    } catch {
      if (seq !== this.seq) return;
      this.balances = null;
    }
    this.host.requestUpdate();
  }
}

/** The header's balance button: the first currencies' available amounts, opening the wallet. */
export function renderBalance(
  locale: Locale,
  balances: readonly Balance[] | null,
  open: () => void,
): TemplateResult | typeof nothing {
  if (!balances || balances.length === 0) return nothing;
  const amounts = balances.map((b) => formatAmount(locale, b.currency, b.available));
  const more = amounts.length - SHOWN;
  const label = portalMessages(locale, 'balanceLabel', { amounts: amounts.join(', ') });
  return html`<button part="balance" type="button" aria-label=${label} title=${label} @click=${open}>
    <span part="balance-label" aria-hidden="true">${portalMessages(locale, 'balance')}</span>
    ${amounts.slice(0, SHOWN).map((a) => html`<span part="balance-amount" aria-hidden="true">${a}</span>`)}
    ${more > 0 ? html`<span part="balance-more" aria-hidden="true">${portalMessages(locale, 'balanceMore', { count: String(more) })}</span>` : nothing}
  </button>`;
}
