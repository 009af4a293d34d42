/**
 * `<kb-cash-out-schedules>`: the partner's automatic cash-outs. Lists the schedules
 * (`GET /v1/partner/wallet/schedules`: the plan, the amounts, the next date and the last result)
 * beside the partner's payment accounts and the offered methods' currencies and limits; adds or
 * edits one (`PUT`, with a fresh 2FA code) and deletes one after asking (`DELETE …/{scheduleId}`,
 * with a code). The user's 2FA state comes from the profile; the server's answers correct it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { DeleteSchedule } from './delete-schedule.ts';
import { schedulesMessages, type SchedulesKey } from './kb-cash-out-schedules.messages.ts';
import { schedulesStyles } from './kb-cash-out-schedules.styles.ts';
import { ScheduleForm } from './schedule-form.ts';
import { securityLink, type ScheduleHost } from './schedule-host.ts';
import type { CashOutSchedule, OfferedMethod, PaymentAccount } from './schedule-words.ts';
import { renderSchedulesTable } from './schedules-table.ts';

/** Who may save and delete schedules (the routes' money roles). */
const MONEY_ROLES = ['owner', 'admin', 'finance'];

/**
 * The partner's automatic cash-out schedules. Must sit inside `<kb-portal>` (api, session and locale
 * contexts); `<kb-wallet>` shows it at `#/wallet/schedules`. It has no page heading of its own: its
 * h3 sits under the wallet's.
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart subheading - The "Automatic cash-outs" heading. @csspart hint - Help text (also `read-only`, `zone`).
 * @csspart success - What was just saved or deleted. @csspart tfa-off - The "2FA is off" note.
 * @csspart security-link - Its link to the Security section. @csspart toolbar - The Add row and a row's buttons.
 * @csspart no-accounts - "Add a payment account first" with `methods-link`. @csspart methods-link - Its link.
 * @csspart all-taken - Every account and currency has a schedule.
 * @csspart empty - No schedule yet (with `empty-message`, `empty-hint`).
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart schedules - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart schedule-row - One schedule (also `paused`). @csspart cell - A cell (also `schedule-account`,
 *   `schedule-currency`, `schedule-plan`, `schedule-amounts`, `schedule-next`, `schedule-last`, `schedule-actions`, `panel-cell`).
 * @csspart account-name - The method and masked account (also `account-gone`). @csspart plan - The plan in words.
 * @csspart amounts - Minimum – maximum. @csspart next - The next date (also `paused-note`).
 * @csspart last - The last result (also `skipped`).
 * @csspart panel-row - The row under a schedule with the delete question.
 * @csspart form - A form (also `schedule-form`, `confirm`, `delete-confirm`). @csspart confirm-text - The delete question.
 * @csspart form-panel - The add or edit form's box. @csspart form-heading - Its heading.
 * @csspart fieldset - A group of choices (also `kind-group`, `weekday-group`, `date-group`). @csspart legend - Its name.
 * @csspart kind-options - The how-often radios. @csspart weekday-options - The weekday checkboxes.
 * @csspart date-grid - The 1–31 checkboxes. @csspart choice - One radio or checkbox with its label
 *   (also `kind-option`, `weekday-option`, `date-option`).
 * @csspart method-limits - The method's limits for the currency. @csspart amounts-row - Minimum and maximum side by side.
 * @csspart field - A label with its control (also `amount-field`, `code-field`, `check`, `enabled-field`).
 * @csspart label - A label. @csspart input - An input or select (also `amount-input`, `code-input`).
 * @csspart field-error - A field's error. @csspart actions - A row of buttons.
 * @csspart button - Any button (also `primary`, `danger`, `add`, `edit`, `delete`, `save`, `cancel`,
 *   `confirm-yes`, `confirm-no`, `retry`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and labels.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, panels and chosen dates.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button and chosen dates' border.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - Links.
 * @cssproperty --kb-color-danger - Errors, skips and Delete. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbCashOutSchedules extends AccountSection {
  static override styles = [accountSectionStyles, schedulesStyles];
  static override properties = {
    schedules: { state: true },
    accounts: { state: true },
    methods: { state: true },
    loadError: { state: true },
    twoFactor: { state: true },
    notice: { state: true },
  };

  /** null while loading. */
  declare private schedules: CashOutSchedule[] | null;
  declare private accounts: PaymentAccount[] | null;
  declare private methods: OfferedMethod[] | null;
  declare private loadError: string | null;
  /** The profile's 2FA state; null until read (the session's user stands in meanwhile). */
  declare private twoFactor: boolean | null;
  declare private notice: string | null;

  private readonly host: ScheduleHost = Object.defineProperty(
    {
      requestUpdate: () => this.requestUpdate(),
      api: () => this.api,
      m: (key, params) => this.m(key, params),
      tc: (key, params) => this.tc(key, params),
      twoFactorOn: () => this.twoFactor ?? this.user?.twoFactorEnabled ?? false,
      setTwoFactor: (on) => {
        this.twoFactor = on;
      },
      schedules: () => this.schedules ?? [],
      accounts: () => this.accounts ?? [],
      methods: () => this.methods ?? [],
      changed: (schedules, notice, focus) => {
        this.schedules = schedules;
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
    } satisfies Omit<ScheduleHost, 'locale'>,
    // The language may change while the element lives: read it each time.
    'locale',
    { get: () => this.i18n.locale },
  ) as ScheduleHost;
  private readonly form = new ScheduleForm(this.host);
  private readonly deleting = new DeleteSchedule(this.host);

  constructor() {
    super();
    this.schedules = null;
    this.accounts = null;
    this.methods = null;
    this.loadError = null;
    this.twoFactor = null;
    this.notice = null;
  }

  private m(key: SchedulesKey, params?: MessageParams): string {
    return schedulesMessages(this.i18n.locale, key, params);
  }

  private get canChange(): boolean {
    const role = this.userRole;
    return role === null || MONEY_ROLES.includes(role);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.form.reset();
    this.deleting.reset();
    Object.assign(this, { schedules: null, accounts: null, methods: null, loadError: null, notice: null });
    this.twoFactor = null;
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
      const [schedules, accounts, methods] = await Promise.all([
        expectOk(api.client.v1.partner.wallet.schedules.$get()),
        expectOk(api.client.v1.partner.payment_accounts.$get()),
        expectOk(api.client.v1.partner.payment_methods.$get()),
      ]);
      this.schedules = schedules.data;
      this.accounts = accounts.data;
      this.methods = methods.data;
      this.loadError = null;
    } catch (error) {
      this.loadError = this.errorMessage(error);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.form.reset();
    this.deleting.reset();
    this.notice = null;
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const zone = this.schedules?.[0]?.timeZone;
    return html`<h3 part="subheading" id="sch-heading" tabindex="-1">${this.m('heading')}</h3>
      <p part="hint">${this.m('intro')}</p>
      ${zone ? html`<p part="hint zone">${this.m('zone', { zone })}</p>` : nothing}
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (this.loadError) return this.renderLoadError(this.loadError);
    const { schedules, accounts } = this;
    if (!schedules || !accounts || !this.methods) return this.renderLoading();
    const canChange = this.canChange;
    const free = this.form.free();
    return html`${
      canChange && !this.host.twoFactorOn()
        ? html`<p part="tfa-off">${this.m('tfaOff')} ${securityLink(this.host)}</p>`
        : nothing
    }
      ${canChange ? nothing : html`<p part="hint read-only">${this.m('readOnly')}</p>`}
      ${
        canChange && accounts.length === 0
          ? html`<p part="no-accounts">${this.m('noAccounts')} <a part="methods-link" href="#/wallet/methods">${this.m('noAccountsLink')}</a></p>`
          : nothing
      }
      ${
        canChange && free.length > 0 && !this.form.open
          ? html`<div part="toolbar"><button part="button primary add" type="button" aria-expanded="false"
            @click=${() => this.act(() => this.form.add())}>${this.m('add')}</button></div>`
          : nothing
      }
      ${canChange && accounts.length > 0 && free.length === 0 ? html`<p part="hint all-taken">${this.m('allTaken')}</p>` : nothing}
      ${canChange ? this.form.render() : nothing}
      ${
        schedules.length === 0
          ? renderEmptyState({
              message: this.m('empty'),
              hint: canChange && accounts.length ? this.m('emptyHint') : undefined,
            })
          : renderSchedulesTable({
              m: (key, params) => this.m(key, params),
              locale: this.i18n.locale,
              schedules,
              canChange,
              openId: this.deleting.openId,
              panel: (s) => this.deleting.render(s),
              onEdit: (s) => this.act(() => this.form.edit(s)),
              onDelete: (s) => this.act(() => this.deleting.open(s)),
            })
      }`;
  }

  /** A new step clears the last notice (it was announced), closes the other panel and re-renders. */
  private act(step: () => void): void {
    this.notice = null;
    this.deleting.reset();
    step();
    this.requestUpdate();
  }
}
