/**
 * `<kb-wallet>`: the partner's wallet in four views (wallet-views.ts). The overview (`#/wallet`):
 * the balance per currency (`GET /v1/partner/wallet/balances`: available and pending), each with
 * Withdraw (withdraw-dialog.ts), and the transactions (`GET /v1/partner/wallet/transactions`), newest
 * first with "Load more", filtered by type, action, currency, amount range and dates. The cash-outs
 * (`#/wallet/cash_outs`, cash-outs-view.ts); the payment methods (`<kb-payment-accounts>`) and the
 * automatic cash-outs (`<kb-cash-out-schedules>`), elements of their own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { SectionAddress } from '../../internal/router.ts';
import { renderBalances } from './balances-view.ts';
import { CashOutsView } from './cash-outs-view.ts';
import { walletMessages, type WalletKey } from './kb-wallet.messages.ts';
import { walletStyles } from './kb-wallet.styles.ts';
import {
  readFilters,
  renderTransactionFilters,
  renderTransactionTable,
  type FilterErrors,
  type TransactionFilters,
} from './transactions-view.ts';
import { compact, MONEY_ROLES, type Balance, type Transaction, type TransactionQuery } from './wallet-format.ts';
import { pathOf, renderElementView, renderViewSwitch, viewOf, type WalletView } from './wallet-views.ts';
import { WithdrawDialog } from './withdraw-dialog.ts';

/**
 * The partner's wallet. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-balance-changed - A cash-out was asked for or cancelled (the portal shows its header balance anew).
 * @event kb-open-section - The withdraw dialog's "Turn on two-factor authentication on the Security page"
 *   (`detail: { section: 'security' }`).
 *
 * @csspart heading - The section heading. @csspart subheading - The balances, transactions and cash-outs headings.
 * @csspart views - The switch between the views. @csspart view - One of its buttons (also `view-current`).
 * @csspart overview - The overview view. @csspart notice - What a withdrawal or a cancel did (also `success`).
 * @csspart hint - Help text. @csspart balances - The balances. @csspart balance-list - Their list.
 * @csspart balance - One currency (with `balance-currency`, `balance-available`, `balance-pending`,
 *   `balance-label`, `balance-value`). @csspart money - An amount. @csspart coin-badge - "coin" beside a crypto amount.
 * @csspart withdraw - A Withdraw button (on a balance card and atop the cash-outs).
 * @csspart filters - A filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - An input or select (also `amount-input`, `code-input`). @csspart field-error - A field's error.
 * @csspart actions - Buttons row.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart transactions - The transactions table. @csspart header-row - A header row. @csspart header-cell - A column header.
 * @csspart transaction-row - One transaction. @csspart cell - A cell (also `transaction-when`, `transaction-type`,
 *   `transaction-details`, `transaction-amount`, `cash-out-requested`, `cash-out-amount`, `cash-out-account`,
 *   `cash-out-state`, `cash-out-reference`, `cash-out-actions`).
 * @csspart signed - A signed amount (also `action-add`, `action-subtract`).
 * @csspart bill-ref - The bill a transaction came from. @csspart comment - A correction's comment.
 * @csspart cash-out-words - What a cash-out's transaction did (held, released on a cancel, refunded).
 * @csspart count - How many transactions or cash-outs are shown.
 * @csspart empty - Nothing to show (with `empty-message`, `empty-hint`, and `clear-filters` when filtered).
 * @csspart cash-outs-view - The cash-outs view. @csspart view-header - Its heading with the Withdraw button.
 * @csspart cash-outs - The cash-outs table. @csspart cash-out-row - One cash-out. @csspart method-name - Its method.
 * @csspart account-summary - The masked account. @csspart state-badge - A cash-out's state (also `state-<state>`).
 * @csspart cancelled-by - Who cancelled it. @csspart reference - The payment system's reference.
 * @csspart no-reference - No reference yet. @csspart confirm-cancel - "Cancel this cash-out?".
 * @csspart withdraw-dialog - The withdraw dialog. @csspart dialog-heading - Its heading. @csspart form - Its form
 *   (also `withdraw-form`). @csspart available - The available balance beside the amount. @csspart limits - The
 *   method's least and most per cash-out. @csspart unpaid - No account pays in the chosen currency.
 * @csspart two-factor-off - Why no cash-out can be asked for yet. @csspart security-link - The way to the Security page.
 * @csspart nothing-to-withdraw - Nothing available or no account for it. @csspart methods-link - The way to the payment methods.
 * @csspart payment-accounts - The `<kb-payment-accounts>` of the payment methods view.
 * @csspart schedules - The `<kb-cash-out-schedules>` of the automatic cash-outs view.
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`, `submit`, `close`, `danger`,
 *   `cancel-cash-out`, `confirm-cancel-button`, `keep`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and labels.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Balance cards, table header, the dialog.
 * @cssproperty --kb-color-bg - Input and dialog background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - Links.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-color-warning - A pending cash-out's badge.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbWallet extends AccountSection {
  static override styles = [accountSectionStyles, billingStyles, walletStyles];
  static override properties = {
    balances: { state: true },
    balanceError: { state: true },
    fieldErrors: { state: true },
    view: { state: true },
    notice: { state: true },
  };

  /** null while loading. */
  declare private balances: Balance[] | null;
  declare private balanceError: string | null;
  declare private fieldErrors: FilterErrors;
  declare private view: WalletView;
  /** What the last withdrawal or cancel did, announced (role="status"). */
  declare private notice: string | null;
  /** Set by the first load: before it the cash-outs wait for it rather than load twice. */
  private loaded = false;
  private readonly address = new SectionAddress(this, (path) => this.showView(viewOf(path)));
  private readonly log = new PagedLog<Transaction, TransactionFilters>(
    this,
    {},
    {
      fetchPage: async (filters, before) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query = compact({ ...filters, before }) as TransactionQuery;
        return expectOk(api.client.v1.partner.wallet.transactions.$get({ query }));
      },
      errorMessage: (error) => this.errorMessage(error),
      onLastPage: () => this.focusAfterRender('#wallet-transactions-heading'),
    },
  );
  private readonly withdraw = new WithdrawDialog({
    element: this,
    api: () => this.api,
    locale: () => this.i18n.locale,
    balances: () => this.balances ?? [],
    sessionTwoFactor: () => this.user?.twoFactorEnabled ?? false,
    fail: (error) => this.errorMessage(error),
    follow: (event, to) => this.follow(event, to),
    withdrawn: (notice) => this.moneyMoved(notice),
  });
  private readonly cashOuts = new CashOutsView({
    element: this,
    api: () => this.api,
    locale: () => this.i18n.locale,
    dateTime: (value) => this.dateTime(value),
    canMove: () => this.canMove,
    coin: (currency) => this.coin(currency),
    fail: (error) => this.errorMessage(error),
    loading: () => this.renderLoading(),
    withdrawButton: () => this.renderWithdrawButton(null),
    cancelled: (notice) => this.moneyMoved(notice, false),
  });

  constructor() {
    super();
    this.balances = null;
    this.balanceError = null;
    this.fieldErrors = {};
    this.view = 'overview';
    this.notice = null;
  }

  private m(key: WalletKey, params?: MessageParams): string {
    return walletMessages(this.i18n.locale, key, params);
  }

  /** The roles the server lets withdraw and cancel; the others see no Withdraw and no Cancel. */
  private get canMove(): boolean {
    return MONEY_ROLES.includes(this.userRole ?? '');
  }

  private coin(currency: string): boolean {
    return this.balances?.find((b) => b.currency === currency)?.coin ?? false;
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.loaded = true;
    this.log.reset();
    this.cashOuts.reset();
    this.balances = null;
    await Promise.all([
      this.log.fetch(false),
      this.refreshBalances(api),
      this.view === 'cash_outs' ? this.cashOuts.reload() : null,
    ]);
  }

  private async refreshBalances(api: ApiClient): Promise<void> {
    this.balanceError = null;
    try {
      this.balances = (await expectOk(api.client.v1.partner.wallet.balances.$get())).data;
    } catch (error) {
      this.balanceError = this.errorMessage(error);
    }
  }

  /**
   * A withdrawal or a cancel moved money: say so, and show the balances and transactions as they are now, and the
   * cash-outs after a withdrawal (a cancel has put its answer in its row, and the pages loaded stay).
   */
  private moneyMoved(notice: string, cashOuts = true): void {
    this.notice = notice;
    this.emit('kb-balance-changed', { currency: null });
    const api = this.api;
    if (!api) return;
    void this.refreshBalances(api);
    void this.log.fetch(false);
    if (cashOuts) void this.cashOuts.reload(true);
  }

  private showView(view: WalletView): void {
    if (view !== this.view) this.notice = null;
    this.view = view;
    if (view === 'cash_outs') this.cashOuts.show(this.loaded);
  }

  /** Shows a view: through its address inside a portal, else in place. */
  private readonly show = (view: WalletView): void => {
    if (!this.address.go(pathOf(view))) this.showView(view);
  };

  /** A link out of the withdraw dialog: the payment methods view here, or the Security section through the portal. */
  private follow(event: Event, to: 'methods' | 'security'): void {
    if (to === 'methods') {
      event.preventDefault();
      this.show('methods');
      this.focusAfterRender('[part~="view-current"]');
      return;
    }
    // Outside a portal the page may act on the event; the link's own `#/security` stays for it.
    if (this.address.routed) event.preventDefault();
    this.emit('kb-open-section', { section: 'security' });
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const { filters, errors } = readFilters(event.currentTarget as HTMLFormElement, (k, p) => this.m(k, p));
    this.fieldErrors = errors ?? {};
    const first = (['amountFrom', 'amountTo', 'to'] as const).find((k) => errors?.[k]);
    if (first) return this.focusAfterRender(`#wallet-${first}`);
    if (this.api && filters) void this.log.apply(filters);
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('[part~="overview"] form[part~="filters"]')?.reset();
    this.fieldErrors = {};
    if (this.api) void this.log.clear();
    this.focusAfterRender('#wallet-type');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const view = this.view;
    // The overview (and the cash-outs once shown) stay in the DOM under the other views, so their filters keep their values.
    return html`<h2 part="heading" id="wallet-heading" tabindex="-1">${this.m('heading')}</h2>
      ${renderViewSwitch(view, (key) => this.m(key), this.show)}
      <p part="success notice" role="status">${this.notice ?? nothing}</p>
      <div part="overview" ?hidden=${view !== 'overview'}>${this.renderOverview()}</div>
      ${this.cashOuts.shown ? this.cashOuts.render(view !== 'cash_outs') : nothing}
      ${renderElementView(view)}
      ${this.canMove ? this.withdraw.render() : nothing}`;
  }

  private renderOverview(): TemplateResult {
    const locale = this.i18n.locale;
    return html`<p part="hint">${this.m('intro')}</p>
      ${this.renderBalances()}
      <section aria-labelledby="wallet-transactions-heading">
        <h3 part="subheading" id="wallet-transactions-heading" tabindex="-1">${this.m('transactions')}</h3>
        ${renderTransactionFilters({
          m: (k, p) => this.m(k, p),
          currencies: this.balances?.map((b) => b.currency) ?? [],
          errors: this.fieldErrors,
          loading: this.log.loading,
          onSubmit: this.applyFilters,
        })}
        ${this.log.render({
          count: (rows) => (rows.length > 0 ? this.m('count', { count: rows.length }) : nothing),
          empty: { message: this.m('empty'), hint: this.m('emptyHint') },
          noMatch: { message: this.m('noMatch'), clear: this.m('clearFilters'), onClear: this.clearFilters },
          loadMore: this.m('loadMore'),
          loadingMore: this.m('loadingMore'),
          table: (rows) =>
            renderTransactionTable({ locale, m: (k, p) => this.m(k, p), dateTime: (v) => this.dateTime(v) }, rows),
          loading: () => this.renderLoading(),
          loadError: (message) => this.renderLoadError(message),
        })}
      </section>`;
  }

  /** Withdraw for one balance (its currency first in the dialog) or, atop the cash-outs, for any. */
  private renderWithdrawButton(currency: string | null): TemplateResult | typeof nothing {
    if (!this.canMove) return nothing;
    return html`<button part="button withdraw" type="button" aria-haspopup="dialog"
      aria-label=${currency ? this.m('withdrawLabel', { currency }) : nothing}
      @click=${(e: Event) => void this.withdraw.open(e.currentTarget as HTMLElement, currency)}>${this.m('withdraw')}</button>`;
  }

  private renderBalances(): TemplateResult {
    return renderBalances({
      locale: this.i18n.locale,
      m: (k, p) => this.m(k, p),
      balances: this.balances,
      error: this.balanceError,
      loading: () => this.renderLoading(),
      withdraw: (currency) => this.renderWithdrawButton(currency),
    });
  }
}
