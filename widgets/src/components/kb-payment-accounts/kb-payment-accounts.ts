/**
 * `<kb-payment-accounts>`: where the program pays the partner. Lists the partner's accounts
 * (`GET /v1/partner/payment_accounts`, details masked) beside the operator's offered methods
 * (`GET /v1/partner/payment_methods`: kind, currencies and limits), adds one account per method
 * (`POST /v1/partner/payment_accounts`), shows one in full with a fresh 2FA code (`POST …/reveal`)
 * and deletes one after asking (`DELETE …/{accountId}`, with the code when 2FA is on). The user's
 * 2FA state comes from the profile, as `<kb-security>` reads it; the server's answers correct it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { brandingContext, routeContext } from '../../internal/contexts.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { AccountActions } from './account-actions.ts';
import { renderAccountsTable } from './accounts-table.ts';
import { AddAccountForm } from './add-account-form.ts';
import { paymentAccountsMessages, type PaymentAccountsKey } from './kb-payment-accounts.messages.ts';
import { paymentAccountsStyles } from './kb-payment-accounts.styles.ts';
import { securityLink, type PaymentHost } from './payment-host.ts';
import type { OfferedMethod, PaymentAccount } from './payment-kinds.ts';

/** Who may add, show and delete payment details (the payments routes' `writers`). */
const MONEY_ROLES = ['owner', 'admin', 'finance'];

/**
 * The partner's payment methods. Must sit inside `<kb-portal>` (api, session, locale and branding
 * contexts); `<kb-wallet>` shows it in its "Payment methods" view. It has no page heading of its
 * own: its h3 sits under the wallet's.
 *
 * @event kb-session-expired - A call answered 401.
 * @event kb-open-section - "Turn on two-factor authentication on the Security page" (`detail: { section: 'security' }`).
 *
 * @csspart subheading - The "Payment methods" heading. @csspart hint - Help text (also `read-only`).
 * @csspart success - What was just added or deleted. @csspart tfa-off - The "2FA is off" note.
 * @csspart security-link - Its link to the Security section. @csspart toolbar - The Add row and a row's buttons.
 * @csspart all-taken - "An account for every method" (or "no method offered now") note.
 * @csspart empty - No method offered or no account (with `empty-message`, `empty-hint`).
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart accounts - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart account-row - One account. @csspart cell - A cell (also `account-method`, `account-details`,
 *   `account-limits`, `account-added`, `account-actions`, `panel-cell`).
 * @csspart method-name - The method's name. @csspart badge - A small label (also `kind`).
 * @csspart not-offered - A method the program no longer offers.
 * @csspart details - The details list (also `details-masked`, `details-revealed`). @csspart detail - One of them.
 * @csspart detail-label - Its label. @csspart detail-value - Its value (also `mono`).
 * @csspart limits - The limits list. @csspart limit - One currency's min – max.
 * @csspart panel-row - The row under an account with its open panel. @csspart panel-body - The 2FA-off panel.
 * @csspart form - A form (also `reveal-form`, `confirm`, `delete-confirm`, `add-form`).
 * @csspart panel-title - What showing details needs. @csspart confirm-text - The delete question.
 * @csspart add-panel - The add form's box. @csspart add-heading - Its heading. @csspart method-limits - The chosen method's limits.
 * @csspart field - A label with its control (also `code-field`). @csspart label - A label.
 * @csspart input - An input, select or textarea (also `code-input`, `mono`, `textarea`).
 * @csspart field-error - A field's error. @csspart actions - A row of buttons.
 * @csspart button - Any button (also `primary`, `danger`, `add`, `reveal`, `hide`, `delete`, `reveal-submit`,
 *   `confirm-yes`, `confirm-no`, `cancel`, `add-submit`, `retry`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and labels.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, panels and badges.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - The Security link.
 * @cssproperty --kb-color-danger - Errors and Delete. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbPaymentAccounts extends AccountSection {
  static override styles = [accountSectionStyles, paymentAccountsStyles];
  static override properties = {
    accounts: { state: true },
    methods: { state: true },
    loadError: { state: true },
    twoFactor: { state: true },
    notice: { state: true },
  };

  /** null while loading. */
  declare private accounts: PaymentAccount[] | null;
  declare private methods: OfferedMethod[] | null;
  declare private loadError: string | null;
  /** The profile's 2FA state; null until read (the session's user stands in meanwhile). */
  declare private twoFactor: boolean | null;
  declare private notice: string | null;

  private readonly branding = new ContextConsumer(this, { context: brandingContext, subscribe: true });
  /** Present inside a portal, whose routing may not be by hash: the Security link then goes through it. */
  private readonly route = new ContextConsumer(this, { context: routeContext, subscribe: true });
  private readonly host: PaymentHost = {
    requestUpdate: () => this.requestUpdate(),
    api: () => this.api,
    locale: () => this.i18n.locale,
    m: (key, params) => this.m(key, params),
    tc: (key, params) => this.tc(key, params),
    twoFactorOn: () => this.twoFactor ?? this.user?.twoFactorEnabled ?? false,
    setTwoFactor: (on) => {
      this.twoFactor = on;
    },
    methods: () => this.methods ?? [],
    accounts: () => this.accounts ?? [],
    changed: (accounts, notice, focus) => {
      this.accounts = accounts;
      this.notice = notice;
      this.focusAfterRender(focus);
    },
    reload: (notice) => {
      this.notice = notice ?? null;
      const api = this.api;
      if (api) void this.fetchLists(api);
    },
    fail: (error) => this.errorMessage(error),
    focusAfterRender: (selector) => this.focusAfterRender(selector),
    openSecurity: (event) => {
      // Outside a portal the page may act on the event; the link's own `#/security` stays for it.
      if (this.route.value) event.preventDefault();
      this.emit('kb-open-section', { section: 'security' });
    },
  };
  private readonly actions = new AccountActions(this.host);
  private readonly form = new AddAccountForm(this.host, () => this.branding.value?.brands ?? null);

  constructor() {
    super();
    this.accounts = null;
    this.methods = null;
    this.loadError = null;
    this.twoFactor = null;
    this.notice = null;
  }

  private m(key: PaymentAccountsKey, params?: MessageParams): string {
    return paymentAccountsMessages(this.i18n.locale, key, params);
  }

  private get canChange(): boolean {
    const role = this.userRole;
    return role === null || MONEY_ROLES.includes(role);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.actions.reset();
    this.form.reset();
    this.accounts = null;
    this.methods = null;
    this.loadError = null;
    this.twoFactor = null;
    this.notice = null;
    // The session's user may be stale (2FA turned on since sign-in): the profile says now.
    const profile = expectOk(api.client.v1.partner.profile.$get()).then(
      (body) => {
        this.twoFactor = body.user.twoFactorEnabled;
      },
      () => undefined,
    );
    await Promise.all([this.fetchLists(api), profile]);
  }

  private async fetchLists(api: ApiClient): Promise<void> {
    try {
      const [accounts, methods] = await Promise.all([
        expectOk(api.client.v1.partner.payment_accounts.$get()),
        expectOk(api.client.v1.partner.payment_methods.$get()),
      ]);
      this.accounts = accounts.data;
      this.methods = methods.data;
      this.loadError = null;
    } catch (error) {
      this.loadError = this.errorMessage(error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Full details are shown until the view is left, never longer.
    this.actions.reset();
    this.form.reset();
    this.notice = null;
  }

  private brandName(brandId: string): string {
    return this.branding.value?.brands.find((b) => b.id === brandId)?.name ?? brandId;
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h3 part="subheading" id="pay-heading" tabindex="-1">${this.m('heading')}</h3>
      <p part="hint">${this.m('intro')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (this.loadError) return this.renderLoadError(this.loadError);
    const { accounts, methods } = this;
    if (!accounts || !methods) return this.renderLoading();
    const canChange = this.canChange;
    const tfaOn = this.host.twoFactorOn();
    if (methods.length === 0 && accounts.length === 0)
      return renderEmptyState({ message: this.m('noMethods'), hint: this.m('noMethodsHint') });
    const available = this.form.available();
    return html`${
      canChange && !tfaOn ? html`<p part="tfa-off">${this.m('tfaOff')} ${securityLink(this.host)}</p>` : nothing
    }
      ${canChange ? nothing : html`<p part="hint read-only">${this.m('readOnly')}</p>`}
      ${
        canChange && available.length > 0
          ? html`<div part="toolbar"><button part="button primary add" type="button" aria-expanded=${this.form.open ? 'true' : 'false'}
            aria-controls=${this.form.open ? 'pay-add-panel' : nothing} @click=${this.startAdding}>${this.m('add')}</button></div>`
          : nothing
      }
      ${
        canChange && available.length === 0
          ? html`<p part="hint all-taken">${this.m(methods.length > 0 ? 'allTaken' : 'noMethods')}</p>`
          : nothing
      }
      ${canChange ? this.form.render() : nothing}
      ${
        accounts.length === 0
          ? renderEmptyState({ message: this.m('empty'), hint: canChange ? this.m('emptyHint') : undefined })
          : renderAccountsTable({
              m: (key, params) => this.m(key, params),
              locale: this.i18n.locale,
              accounts,
              methods,
              canChange,
              day: (value) => this.i18n.formatDate(value, { dateStyle: 'medium' }),
              brandName: (id) => this.brandName(id),
              revealed: (id) => this.actions.revealedOf(id),
              openMode: (id) => this.actions.openMode(id),
              panel: (account) => this.actions.renderPanel(account),
              onShow: (account) => this.act(() => this.actions.open(account, 'reveal')),
              onHide: (account) => this.act(() => this.actions.hide(account)),
              onDelete: (account) => this.act(() => this.actions.open(account, 'delete')),
            })
      }`;
  }

  private readonly startAdding = (): void => this.act(() => this.form.show());

  /** A new step clears the last notice (it was announced) and re-renders. */
  private act(step: () => void): void {
    this.notice = null;
    step();
    this.requestUpdate();
  }
}
