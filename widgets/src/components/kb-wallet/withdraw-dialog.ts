/**
 * The withdraw dialog of `<kb-wallet>` (`POST /v1/partner/wallet/cash_outs`): a modal `<dialog>`
 * (Esc closes it, focus returns to the Withdraw button that opened it). It offers the currencies
 * with money available that one of the partner's payment accounts pays in, checks the amount against
 * the method's limits and the available balance (decimal strings compared exactly), and sends the
 * 2FA code with an idempotency key made when the dialog opens: a double click, a retry after a lost
 * answer or a corrected code sends the same key, and the server moves the money once.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { moneyText } from '../../internal/billing/bill-format.ts';
import { cashOutMessages, type CashOutKey } from './cash-out.messages.ts';
import { DECIMAL, decimalOf, isPositive, lessThan, type Balance } from './wallet-format.ts';
import {
  accountsFor,
  limitOf,
  limitsError,
  payable,
  renderLoadFailed,
  renderNothingToWithdraw,
  renderTwoFactorOff,
  renderWithdrawForm,
  serverProblems,
  WITHDRAW_FIELDS as FIELDS,
  withdrawable,
  type WithdrawField,
  type WithdrawOptions,
} from './withdraw-form.ts';

export interface WithdrawHost {
  element: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  api(): ApiClient | undefined;
  locale(): Locale;
  balances(): readonly Balance[];
  /** The session's word on two-factor authentication; the profile, read when the dialog opens, has the last word. */
  sessionTwoFactor(): boolean;
  /** The user's message for a failed call (a 401 also ends the session). */
  fail(error: unknown): string;
  /** Follows a link out of the dialog (to `#/wallet/methods` or `#/security`); the dialog has closed. */
  follow(event: Event, to: 'methods' | 'security'): void;
  /** A cash-out was asked for; `notice` says so. */
  withdrawn(notice: string): void;
}

type Phase =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | ({ kind: 'ready' } & WithdrawOptions);

const CODE = /^\d{3}\s?\d{3}$/;
const empty = (): Record<WithdrawField, string> => ({ currency: '', paymentAccountId: '', amount: '', code: '' });

export class WithdrawDialog {
  private phase: Phase = { kind: 'closed' };
  /** One per opening: every submission of this dialog carries it. */
  private key = '';
  private opener: HTMLElement | null = null;
  /** The currency of the balance card whose button opened the dialog. */
  private wanted: string | null = null;
  private values = empty();
  private errors: Partial<Record<WithdrawField, string>> = {};
  private formError: string | null = null;
  private twoFactorOff = false;
  private busy = false;
  /** Counts openings: an answer for an earlier one changes nothing here. */
  private seq = 0;

  constructor(private readonly h: WithdrawHost) {}

  private m(key: CashOutKey, params?: MessageParams): string {
    return cashOutMessages(this.h.locale(), key, params);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.h.element.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="withdraw-dialog"]');
  }

  private focusAfterRender(selector: string): void {
    this.h.element.requestUpdate();
    void this.h.element.updateComplete.then(() => this.dialog?.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Opens the dialog for `currency` (a balance card's) or for the first one that can be withdrawn. */
  async open(opener: HTMLElement, currency: string | null): Promise<void> {
    this.seq += 1;
    Object.assign(this, { opener, wanted: currency, key: crypto.randomUUID(), values: empty(), errors: {} });
    Object.assign(this, { formError: null, twoFactorOff: false, busy: false });
    this.phase = { kind: 'loading' };
    this.h.element.requestUpdate();
    await this.h.element.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    await this.load();
  }

  private async load(): Promise<void> {
    const api = this.h.api();
    if (!api) return;
    const seq = this.seq;
    this.phase = { kind: 'loading' };
    this.h.element.requestUpdate();
    // The session's flag may be older than a 2FA set up since; without the profile it still decides.
    const twoFactor = expectOk(api.client.v1.partner.profile.$get()).then(
      (profile) => profile.user.twoFactorEnabled,
      () => this.h.sessionTwoFactor(),
    );
    try {
      const [accounts, methods, on] = await Promise.all([
        expectOk(api.client.v1.partner.payment_accounts.$get()),
        expectOk(api.client.v1.partner.payment_methods.$get()),
        twoFactor,
      ]);
      if (seq !== this.seq) return;
      this.twoFactorOff = !on;
      const options = { accounts: accounts.data, methods: methods.data };
      this.phase = { kind: 'ready', ...options };
      const offered = payable(this.h.balances(), options);
      const first = offered.find((b) => b.currency === this.wanted) ?? offered[0];
      if (first) this.pickCurrency(options, first.currency);
      this.focusAfterRender(
        on
          ? payable.length
            ? '#withdraw-currency'
            : '[part~="methods-link"], [part~="close"]'
          : '[part~="security-link"]',
      );
    } catch (error) {
      if (seq !== this.seq) return;
      this.phase = { kind: 'failed', message: this.h.fail(error) };
      this.focusAfterRender('[part~="retry"]');
    }
  }

  close(): void {
    this.dialog?.close();
    this.closed();
  }

  /** The `close` event comes a task later (Esc too): by then the dialog may be open again, for a new withdrawal. */
  private readonly onCloseEvent = (): void => {
    if (!this.dialog?.open) this.closed();
  };

  /** The dialog closed (Esc, Cancel, Close, a success): forget the code, give focus back to the opener. */
  private readonly closed = (): void => {
    if (this.phase.kind === 'closed') return;
    this.seq += 1;
    this.phase = { kind: 'closed' };
    this.values = empty();
    const opener = this.opener;
    this.opener = null;
    this.h.element.requestUpdate();
    void this.h.element.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
    });
  };

  /** Esc while the request is out would hide its answer: the dialog stays until it arrives. */
  private readonly escape = (event: Event): void => {
    if (this.busy) event.preventDefault();
  };

  private follow(event: Event, to: 'methods' | 'security'): void {
    this.opener = null; // the partner goes elsewhere: focus moves with them, not back to the button
    this.close();
    this.h.follow(event, to);
  }

  private pickCurrency(options: WithdrawOptions, currency: string): void {
    const accounts = accountsFor(options, currency);
    const kept = accounts.find((a) => a.id === this.values.paymentAccountId);
    const paymentAccountId = kept?.id ?? (accounts.length === 1 ? accounts[0]!.id : '');
    this.values = { ...this.values, currency, paymentAccountId };
  }

  private readonly change = (field: WithdrawField, value: string): void => {
    if (this.phase.kind !== 'ready') return;
    if (field === 'currency') this.pickCurrency(this.phase, value);
    else this.values = { ...this.values, [field]: value };
    if (field !== 'amount' && field !== 'code') this.errors = { ...this.errors, amount: undefined, [field]: undefined };
    this.h.element.requestUpdate();
  };

  /** The request, or null after marking what is wrong (the limits and the balance checked here first). */
  private validate(options: WithdrawOptions) {
    const { currency, paymentAccountId } = this.values;
    const account = options.accounts.find((a) => a.id === paymentAccountId);
    const limit = limitOf(options, account, currency);
    const balance = withdrawable(this.h.balances()).find((b) => b.currency === currency);
    const amount = decimalOf(this.values.amount.trim()) ?? '';
    const code = this.values.code.replace(/\s/g, '');
    const errors: Partial<Record<WithdrawField, string>> = {};
    if (!account || !limit) errors.paymentAccountId = this.m('err.account');
    if (!DECIMAL.test(amount)) errors.amount = this.m('err.amount');
    else if (!isPositive(amount)) errors.amount = this.m('err.zero');
    else if (account && limit && (lessThan(amount, limit.min) || lessThan(limit.max, amount)))
      errors.amount = limitsError(this.h.locale(), (k, p) => this.m(k, p), { method: account.method.name, ...limit });
    else if (balance && lessThan(balance.available, amount))
      errors.amount = this.m('err.balance', {
        available: moneyText(this.h.locale(), balance.available, currency, balance.coin),
      });
    if (!CODE.test(this.values.code.trim())) errors.code = this.m('err.code');
    this.errors = errors;
    this.formError = null;
    const first = FIELDS.find((f) => errors[f]);
    if (first) {
      this.focusAfterRender(`#withdraw-${first}`);
      return null;
    }
    return { currency, paymentAccountId, amount, code, idempotencyKey: this.key };
  }

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.h.api();
    if (this.busy || this.phase.kind !== 'ready' || !api) return;
    const options = this.phase;
    const input = this.validate(options);
    if (!input) return;
    const seq = this.seq;
    this.busy = true;
    this.h.element.requestUpdate();
    try {
      const cashOut = await expectOk(api.client.v1.partner.wallet.cash_outs.$post({ json: input }));
      if (seq === this.seq) this.close();
      const coin = this.h.balances().find((b) => b.currency === cashOut.currency)?.coin ?? false;
      this.h.withdrawn(this.m('done', { amount: moneyText(this.h.locale(), cashOut.amount, cashOut.currency, coin) }));
    } catch (error) {
      if (seq === this.seq) this.failed(error, options);
    } finally {
      if (seq === this.seq) this.busy = false;
      this.h.element.requestUpdate();
    }
  };

  /** The server's refusal, by field where there is one; 2FA off replaces the form with the way to turn it on. */
  private failed(error: unknown, options: WithdrawOptions): void {
    this.errors = {};
    this.formError = null;
    if (error instanceof ApiError && error.status === 403 && error.params.resource === 'two_factor') {
      this.twoFactorOff = true;
      return this.focusAfterRender('[part~="security-link"]');
    }
    if (error instanceof ApiError && error.errors.length > 0) {
      const method = options.accounts.find((a) => a.id === this.values.paymentAccountId)?.method.name ?? '';
      const words = { locale: this.h.locale(), m: (key: CashOutKey, params?: MessageParams) => this.m(key, params) };
      Object.assign(this, serverProblems(words, error.errors, { method, currency: this.values.currency }));
    } else {
      this.formError = error instanceof TypeError ? this.m('err.network') : this.h.fail(error);
    }
    const first = FIELDS.find((f) => this.errors[f]);
    this.focusAfterRender(first && !this.formError ? `#withdraw-${first}` : '#withdraw-form-error');
  }

  render(): TemplateResult {
    return html`<dialog part="withdraw-dialog" aria-labelledby="withdraw-heading" @close=${this.onCloseEvent} @cancel=${this.escape}>
      <h3 part="dialog-heading" id="withdraw-heading">${this.m('dialog.heading')}</h3>
      ${this.phase.kind === 'closed' ? nothing : this.renderBody(this.phase)}
    </dialog>`;
  }

  private renderBody(phase: Exclude<Phase, { kind: 'closed' }>): TemplateResult {
    const close = () => this.close();
    const onMethods = (event: Event) => this.follow(event, 'methods');
    const m = (key: CashOutKey, params?: MessageParams) => this.m(key, params);
    if (phase.kind === 'loading') return html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    if (phase.kind === 'failed') return renderLoadFailed({ m, onClose: close }, phase.message, () => void this.load());
    if (this.twoFactorOff) return renderTwoFactorOff({ m, onClose: close }, (event) => this.follow(event, 'security'));
    const currencies = payable(this.h.balances(), phase);
    if (currencies.length === 0) {
      const unpaid = withdrawable(this.h.balances()).map((b) => b.currency);
      return renderNothingToWithdraw({ m, onClose: close, onMethods }, unpaid);
    }
    const { currency, paymentAccountId } = this.values;
    const account = phase.accounts.find((a) => a.id === paymentAccountId);
    const wanted = withdrawable(this.h.balances()).some((b) => b.currency === this.wanted) ? this.wanted : null;
    return html`<p part="hint">${this.m('dialog.intro')}</p>${renderWithdrawForm({
      locale: this.h.locale(),
      m,
      currencies,
      accounts: accountsFor(phase, currency),
      limit: limitOf(phase, account, currency),
      values: this.values,
      errors: this.errors,
      formError: this.formError,
      busy: this.busy,
      unpaid: wanted && !currencies.some((b) => b.currency === wanted) ? wanted : null,
      onChange: this.change,
      onSubmit: (event) => void this.submit(event),
      onClose: close,
      onMethods,
    })}`;
  }
}
