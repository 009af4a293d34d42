/**
 * `<kb-staff-console>`: the operator's staff users (owner only). The list with role, two-factor,
 * lockout and status; invite (the API e-mails a set-password link); change a role; deactivate and
 * reactivate, unlock, reset two-factor (after a confirmation where it signs someone out). Calls go
 * to `api-base`: '' is Kabinet's own origin with the staff session cookie (the demo console page
 * sets it once an owner signs in).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { staffConsoleMessages, type StaffConsoleKey } from './kb-staff-console.messages.ts';
import { staffConsoleStyles } from './kb-staff-console.styles.ts';
import { readInviteForm, renderInviteForm, renderRoleGuide } from './staff-invite-form.ts';
import { renderStaffTable } from './staff-table.ts';
import type { StaffConfirm, StaffRole, StaffUser } from './staff-types.ts';

const INVITE_FIELDS = ['email', 'name', 'role', 'locale'] as const;

/**
 * The operator's staff. Attributes: `api-base` ('' for Kabinet's own origin and the staff session;
 * else a backend prefix that forwards `/v1/operator/staff`) and `locale` (`en`, `ru`; else the
 * browser's languages). Only an owner (or a secret key) may read the list: others see the refusal.
 *
 * @csspart heading, intro, status, notice, error, empty, empty-message, button, primary, danger, retry - The panel and its states.
 * @csspart table-wrap, staff, header-row, header-cell, staff-row, staff-row-active, staff-row-invited,
 *   staff-row-deactivated, cell - The list (`data-staff-id` on a row).
 * @csspart staff-name, staff-email, staff-role, staff-two-factor, staff-locked, staff-status, staff-added, staff-actions - Its cells.
 * @csspart badge, self-badge, flag-badge, status-badge, status-active, status-invited, status-deactivated, role-select - In the cells.
 * @csspart toolbar, deactivate, reactivate, unlock, reset-two-factor, confirm, confirm-yes, cancel, row-error - Row actions and the confirmation.
 * @csspart panel, invite, subheading, hint, success, form, invite-form, field, label, input, field-error, actions, send - The invite form.
 * @csspart roles, role-list, role-entry, role-name, role-does - What each role may do.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbStaffConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, staffConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    staff: { state: true },
    selfId: { state: true },
    loadError: { state: true },
    notice: { state: true },
    confirming: { state: true },
    rowError: { state: true },
    busyIds: { state: true },
    sending: { state: true },
    inviteErrors: { state: true },
    inviteFormError: { state: true },
    inviteNotice: { state: true },
  };

  declare private staff: StaffUser[] | null;
  declare private selfId: string | null;
  declare private loadError: string | null;
  declare private notice: string | null;
  declare private confirming: StaffConfirm | null;
  declare private rowError: { id: string; message: string } | null;
  declare private busyIds: ReadonlySet<string>;
  declare private sending: boolean;
  declare private inviteErrors: Record<string, string>;
  declare private inviteFormError: string | null;
  declare private inviteNotice: string | null;
  /** The `api-base` the list was loaded for; undefined before the first load ('' is a real base). */

  constructor() {
    super();
    this.staff = null;
    this.selfId = null;
    this.loadError = null;
    this.notice = null;
    this.confirming = null;
    this.rowError = null;
    this.busyIds = new Set();
    this.sending = false;
    this.inviteErrors = {};
    this.inviteFormError = null;
    this.inviteNotice = null;
  }

  private m(key: StaffConsoleKey, params?: MessageParams): string {
    return staffConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override apiBaseChanged(): void {
    void this.reload();
  }

  /** No session, or a staff role other than owner (the role table allows owners only), in the console's words. */
  private loadFailure(error: unknown): string {
    if (error instanceof ApiError && error.status === 401) return this.m('signedOut');
    if (error instanceof ApiError && error.status === 403 && error.code.startsWith('forbidden'))
      return this.m('ownerOnly');
    return this.failure(error);
  }

  /** Loads the list again (e.g. after a staff sign-in on the page). */
  async reload(): Promise<void> {
    this.loadError = null;
    const operator = this.api.client.v1.operator;
    try {
      const [list, me] = await Promise.all([
        expectOk(operator.staff.$get()),
        // Who is signed in, to mark their row; a secret key has no "me".
        expectOk(operator.me.$get()).catch(() => null),
      ]);
      this.staff = list.items;
      this.selfId = me?.id ?? null;
    } catch (error) {
      this.staff = null;
      this.loadError = this.loadFailure(error);
    }
  }

  /** The refusal in words; the last owner's 409 in the console's own words. */
  private refusal(error: unknown): string {
    if (error instanceof ApiError && error.status === 409 && error.params.state === 'owner') return this.m('lastOwner');
    return this.failure(error);
  }

  private replace(updated: StaffUser): void {
    this.staff = (this.staff ?? []).map((u) => (u.id === updated.id ? updated : u));
  }

  /** Runs one row's change; the answer replaces the row, a refusal is shown in it. */
  private async change(user: StaffUser, call: () => Promise<StaffUser>, done: StaffConsoleKey): Promise<void> {
    this.busyIds = new Set([...this.busyIds, user.id]);
    this.rowError = null;
    this.notice = null;
    try {
      const updated = await call();
      this.replace(updated);
      this.confirming = null;
      this.notice = this.m(done, { name: updated.name, role: this.m(`role.${updated.role}`) });
    } catch (error) {
      this.confirming = null;
      this.rowError = { id: user.id, message: this.refusal(error) };
      // The select shows the role the server still has.
      this.staff = [...(this.staff ?? [])];
    } finally {
      const ids = new Set(this.busyIds);
      ids.delete(user.id);
      this.busyIds = ids;
    }
  }

  private one(user: StaffUser) {
    const param = { staffId: user.id };
    const staff = this.api.client.v1.operator.staff[':staffId'];
    return {
      update: (json: { role?: StaffRole; disabled?: boolean }) => expectOk(staff.$patch({ param, json })),
      unlock: () => expectOk(staff.unlock.$post({ param })),
      resetTwoFactor: () => expectOk(staff.reset_two_factor.$post({ param })),
    };
  }

  private confirmChange(): void {
    const confirm = this.confirming;
    const user = this.staff?.find((u) => u.id === confirm?.id);
    if (!confirm || !user) return;
    const one = this.one(user);
    if (confirm.action === 'demoteSelf') {
      void this.change(user, () => one.update({ role: confirm.role }), 'done.role');
      return;
    }
    const call =
      confirm.action === 'resetTwoFactor'
        ? one.resetTwoFactor
        : () => one.update({ disabled: confirm.action === 'deactivate' });
    void this.change(user, call, `done.${confirm.action}`);
  }

  /** A role change; the signed-in owner demoting themselves is asked first (the select shows the role until then). */
  private changeRole(user: StaffUser, role: StaffRole): void {
    if (user.id === this.selfId && user.role === 'owner' && role !== 'owner') {
      this.staff = [...(this.staff ?? [])];
      this.ask({ id: user.id, action: 'demoteSelf', role });
      return;
    }
    void this.change(user, () => this.one(user).update({ role }), 'done.role');
  }

  private ask(confirm: StaffConfirm): void {
    this.confirming = confirm;
    this.rowError = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="confirm-yes"]')?.focus());
  }

  private readonly invite = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = readInviteForm(form);
    this.sending = true;
    this.inviteErrors = {};
    this.inviteFormError = null;
    this.inviteNotice = null;
    try {
      const user = await expectOk(this.api.client.v1.operator.staff.$post({ json: input }));
      this.staff = [...(this.staff ?? []), user];
      this.inviteNotice = this.m('invite.sent', { email: user.email });
      form.reset();
    } catch (error) {
      this.showInviteError(error);
    } finally {
      this.sending = false;
    }
  };

  private showInviteError(error: unknown): void {
    if (error instanceof ApiError && error.status === 409 && error.params.state === 'exists') {
      this.inviteErrors = { email: this.m('invite.exists') };
    } else if (error instanceof ApiError && error.errors.length) {
      const errors: Record<string, string> = {};
      for (const field of INVITE_FIELDS) {
        const message = error.fieldMessage(field, this.uiLocale);
        if (message) errors[field] = message;
      }
      this.inviteErrors = errors;
      this.inviteFormError = Object.keys(errors).length ? this.m('fixFields') : this.failure(error);
    } else {
      this.inviteFormError = this.failure(error);
    }
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="invite-form"] [aria-invalid="true"]')?.focus(),
    );
  }

  protected override render(): TemplateResult {
    const head = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro">${this.m('intro')}</p>`;
    if (this.loadError)
      return html`${head}<div part="error" role="alert"><p>${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.reload()}>${this.m('retry')}</button></div>`;
    if (!this.staff) return html`${head}<p part="status" role="status">${this.m('loading')}</p>`;
    return html`${head}
      <p part="notice" role="status">${this.notice ?? nothing}</p>
      ${renderStaffTable({
        staff: this.staff,
        selfId: this.selfId,
        confirming: this.confirming,
        rowError: this.rowError,
        m: (key, params) => this.m(key, params),
        dateTime: (value) => this.dateTime(value),
        isBusy: (id) => this.busyIds.has(id),
        onRole: (user, role) => this.changeRole(user, role),
        onAsk: (confirm) => this.ask(confirm),
        onConfirm: () => this.confirmChange(),
        onCancel: () => (this.confirming = null),
        onUnlock: (user) => void this.change(user, () => this.one(user).unlock(), 'done.unlock'),
      })}
      <div part="columns">
        ${renderInviteForm({
          m: (key, params) => this.m(key, params),
          locale: this.uiLocale,
          sending: this.sending,
          errors: this.inviteErrors,
          formError: this.inviteFormError,
          notice: this.inviteNotice,
          onSubmit: (e) => void this.invite(e),
        })}
        ${renderRoleGuide((key, params) => this.m(key, params))}
      </div>`;
  }
}
