/** The "Invite someone" form of `<kb-staff-console>`: e-mail, name, role and the e-mail's language. */
import { html, nothing, type TemplateResult } from 'lit';
import { LOCALES, LOCALE_NAMES, type Locale, type MessageParams } from '../../internal/i18n.ts';
import type { StaffConsoleKey } from './kb-staff-console.messages.ts';
import { STAFF_ROLES, type StaffRole } from './staff-types.ts';

export interface InviteInput {
  email: string;
  name: string;
  role: StaffRole;
  locale: Locale;
}

export interface InviteFormView {
  m(key: StaffConsoleKey, params?: MessageParams): string;
  locale: Locale;
  sending: boolean;
  /** Messages by field name (`email`, `name`, `role`, `locale`). */
  errors: Record<string, string>;
  formError: string | null;
  notice: string | null;
  onSubmit(event: SubmitEvent): void;
}

export function readInviteForm(form: HTMLFormElement): InviteInput {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
  return {
    email: value('email'),
    name: value('name'),
    role: value('role') as StaffRole,
    locale: value('locale') as Locale,
  };
}

export function renderInviteForm(view: InviteFormView): TemplateResult {
  const { m } = view;
  const a11y = (name: string) => ({
    invalid: view.errors[name] ? 'true' : 'false',
    describedBy: view.errors[name] ? `staff-invite-${name}-error` : nothing,
  });
  const field = (name: string, label: string, control: TemplateResult) => html`<div part="field">
      <label part="label" for=${`staff-invite-${name}`}>${label}</label>
      ${control}
      ${view.errors[name] ? html`<p part="field-error" id=${`staff-invite-${name}-error`}>${view.errors[name]}</p>` : nothing}
    </div>`;
  const email = a11y('email');
  const name = a11y('name');
  const role = a11y('role');
  const locale = a11y('locale');
  return html`<section part="panel invite" aria-labelledby="staff-invite-heading">
    <h3 part="subheading" id="staff-invite-heading">${m('invite.heading')}</h3>
    <p part="hint">${m('invite.explain')}</p>
    <p part="success" role="status">${view.notice ?? nothing}</p>
    <div part="error" role="alert">${view.formError ?? nothing}</div>
    <form part="form invite-form" novalidate @submit=${view.onSubmit}>
      ${field(
        'email',
        m('invite.email'),
        html`<input part="input" id="staff-invite-email" name="email" type="email" autocomplete="off" required
          maxlength="254" aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />`,
      )}
      ${field(
        'name',
        m('invite.name'),
        html`<input part="input" id="staff-invite-name" name="name" autocomplete="off" required maxlength="100"
          aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />`,
      )}
      ${field(
        'role',
        m('invite.role'),
        html`<select part="input" id="staff-invite-role" name="role" aria-invalid=${role.invalid} aria-describedby=${role.describedBy}>
          ${STAFF_ROLES.map((r) => html`<option value=${r} ?selected=${r === 'viewer'}>${m(`role.${r}`)}</option>`)}
        </select>`,
      )}
      ${field(
        'locale',
        m('invite.locale'),
        html`<select part="input" id="staff-invite-locale" name="locale" aria-invalid=${locale.invalid} aria-describedby=${locale.describedBy}>
          ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === view.locale}>${LOCALE_NAMES[l]}</option>`)}
        </select>`,
      )}
      <div part="actions">
        <button part="button primary send" type="submit" ?disabled=${view.sending}>${
          view.sending ? m('invite.sending') : m('invite.send')
        }</button>
      </div>
    </form>
  </section>`;
}

/** The role guide: each role's name and what it may do, in words (the truth is core/http/operator-roles.ts). */
export function renderRoleGuide(m: InviteFormView['m']): TemplateResult {
  return html`<section part="panel roles" aria-labelledby="staff-roles-heading">
    <h3 part="subheading" id="staff-roles-heading">${m('roles.heading')}</h3>
    <dl part="role-list">
      ${STAFF_ROLES.map(
        (r) =>
          html`<div part="role-entry"><dt part="role-name">${m(`role.${r}`)}</dt><dd part="role-does">${m(`roleHint.${r}`)}</dd></div>`,
      )}
    </dl>
  </section>`;
}
