/**
 * `<kb-operator-account>`: who is signed in to the console (name, role, operator) and "Sign out".
 * The page sets `staff` from `kb-operator-signed-in`; without it, the element asks GET
 * /v1/operator/me itself and shows nothing while nobody is signed in.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { StaffMe } from '../../internal/events.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { operatorSignInMessages, type OperatorSignInKey } from './kb-operator-sign-in.messages.ts';
import { operatorAccountStyles } from './kb-operator-sign-in.styles.ts';

/**
 * The signed-in staff user and the sign-out button. Attributes: `api-base` (Kabinet's origin; empty,
 * the default, is the page's own) and `locale`. Property: `staff` (GET /v1/operator/me's answer).
 *
 * @event kb-operator-signed-out - The session ended (signed out here, or found already over).
 *
 * @csspart account, who, name, role, sign-out, button, error - The parts.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-danger, --kb-color-danger-bg, --kb-radius-small, --kb-font-family - Errors, shape and font.
 * @cssproperty --kb-focus-ring-color, --kb-focus-ring-width - Focus ring.
 */
export class KbOperatorAccount extends ConsoleElement {
  static override styles = [...accountSectionStyles, operatorAccountStyles];
  static override properties = {
    ...ConsoleElement.properties,
    staff: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  declare staff: StaffMe | null;
  declare private busy: boolean;
  declare private error: string | null;
  private asked = false;

  constructor() {
    super();
    this.staff = null;
    this.busy = false;
    this.error = null;
  }

  private m(key: OperatorSignInKey, params?: MessageParams): string {
    return operatorSignInMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('staff')) this.error = null;
    // Asked once, on the first render without a user: the page may hand one over instead.
    if (!this.asked && !this.staff) {
      this.asked = true;
      void expectOk(this.api.client.v1.operator.me.$get())
        .then((me) => {
          if (!this.staff && me.session === 'full') this.staff = me;
        })
        .catch(() => {});
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const staff = this.staff;
    if (!staff) return nothing;
    const role = this.m(`role.${staff.role}`);
    return html`<div part="account" role="group" aria-label=${this.m('account')}>
      <p part="who">
        <span part="name">${this.m('signedInAs', { name: staff.name })}</span>
        <span part="role">${this.m('roleOf', { role, operator: staff.operator.name })} · ${staff.email}</span>
      </p>
      <button part="button sign-out" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.signOut}>
        ${this.m(this.busy ? 'signingOut' : 'signOut')}
      </button>
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private readonly signOut = async (): Promise<void> => {
    if (this.busy) return;
    const staffId = this.staff?.id ?? null;
    this.busy = true;
    this.error = null;
    try {
      await expectOk(this.api.client.v1.operator.sessions.current.$delete());
      this.ended(staffId);
    } catch (error) {
      // Already over (idle, expired, signed out elsewhere): the page should know just the same.
      if (error instanceof ApiError && error.status === 401) this.ended(staffId);
      else this.error = this.failure(error);
    } finally {
      this.busy = false;
    }
  };

  private ended(staffId: string | null): void {
    this.staff = null;
    this.emit('kb-operator-signed-out', { staffId });
  }
}
