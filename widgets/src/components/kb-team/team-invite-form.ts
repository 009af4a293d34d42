/** The "Invite a member" form of `<kb-team>`: email, name, role (not owner) and invitation language. */
import { html, nothing, type TemplateResult } from 'lit';
import { LOCALES, LOCALE_NAMES, type Locale, type MessageParams } from '../../internal/i18n.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import { ASSIGNABLE_ROLES, type InviteInput } from '../../internal/account/account-types.ts';
import type { TeamKey } from './kb-team.messages.ts';

export interface InviteFormView {
  m(key: TeamKey, params?: MessageParams): string;
  tc(key: CommonKey, params?: MessageParams): string;
  locale: Locale;
  sending: boolean;
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
    role: value('role') as InviteInput['role'],
    locale: value('locale') as Locale,
  };
}

export function renderInviteForm(view: InviteFormView): TemplateResult {
  const { m, tc } = view;
  const field = (name: string, label: string, control: TemplateResult, hint?: string) => {
    const error = view.errors[name];
    return html`<div part="field">
      <label part="label" for=${`team-invite-${name}`}>${label}</label>
      ${control}
      ${hint ? html`<p part="hint" id=${`team-invite-${name}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p part="field-error" id=${`team-invite-${name}-error`}>${error}</p>` : nothing}
    </div>`;
  };
  const a11y = (name: string, hint = false) => ({
    invalid: view.errors[name] ? 'true' : 'false',
    describedBy:
      [hint ? `team-invite-${name}-hint` : '', view.errors[name] ? `team-invite-${name}-error` : '']
        .filter(Boolean)
        .join(' ') || nothing,
  });
  const email = a11y('email');
  const name = a11y('name');
  const role = a11y('role', true);
  const locale = a11y('locale');
  return html`<section part="panel invite" aria-labelledby="team-invite-heading">
    <h3 part="subheading" id="team-invite-heading">${m('invite.heading')}</h3>
    <p part="hint">${m('invite.explain')}</p>
    <p part="success" role="status">${view.notice ?? nothing}</p>
    <div part="error" role="alert">${view.formError ?? nothing}</div>
    <form part="form invite-form" novalidate @submit=${view.onSubmit}>
      ${field(
        'email',
        m('invite.email'),
        html`<input part="input" id="team-invite-email" name="email" type="email" autocomplete="off"
        maxlength="254" aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />`,
      )}
      ${field(
        'name',
        m('invite.name'),
        html`<input part="input" id="team-invite-name" name="name" autocomplete="off"
        maxlength="120" aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />`,
      )}
      ${field(
        'role',
        m('invite.role'),
        html`<select part="input" id="team-invite-role" name="role" aria-invalid=${role.invalid} aria-describedby=${role.describedBy}>
        ${ASSIGNABLE_ROLES.map((r) => html`<option value=${r} ?selected=${r === 'analyst'}>${tc(`role.${r}`)}</option>`)}
      </select>`,
        ASSIGNABLE_ROLES.map((r) => m(`roleHint.${r}`)).join(' '),
      )}
      ${field(
        'locale',
        m('invite.locale'),
        html`<select part="input" id="team-invite-locale" name="locale" aria-invalid=${locale.invalid} aria-describedby=${locale.describedBy}>
        ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === view.locale}>${LOCALE_NAMES[l]}</option>`)}
      </select>`,
      )}
      <div part="actions">
        <button part="button primary invite-submit" type="submit" ?disabled=${view.sending}>${view.sending ? m('invite.sending') : m('invite.submit')}</button>
      </div>
    </form>
  </section>`;
}
