/** The contacts console's manager form (add or edit), and reading it back. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import {
  invalid,
  readMessengers,
  renderMessengerRows,
  type MessengerInput,
  type MessengerKind,
} from './contact-fields.ts';
import type { OperatorManager } from './contacts-console-types.ts';
import type { ContactsConsoleKey } from './kb-contacts-console.messages.ts';

export interface ManagerFormInput {
  name: string;
  email: string;
  languages: string[];
  active: boolean;
  messengers: MessengerInput[];
}

export interface ManagerFormOptions {
  manager: OperatorManager | null;
  errors: Record<string, string>;
  rows: number;
  saving: boolean;
  m: (key: ContactsConsoleKey, params?: MessageParams) => string;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  onAddRow: () => void;
  onRemovePhoto: () => void;
}

export function renderManagerForm(o: ManagerFormOptions): TemplateResult {
  const { manager, errors, m } = o;
  const id = `manager-${manager?.id ?? 'new'}`;
  const field = (
    path: string,
    label: string,
    input: (a: { invalid: string; describedBy: string }) => TemplateResult,
    hint?: string,
  ) => {
    const state = invalid(errors, path, `${id}-${path}`);
    return html`<div part="field">
      <label part="label" for=${`${id}-${path}`}>${label}</label>
      ${input(state.attrs)}
      ${hint ? html`<p part="hint" id=${`${id}-${path}-hint`}>${hint}</p>` : nothing}
      ${state.message}
    </div>`;
  };
  const heading = manager ? m('managers.formEdit', { name: manager.name }) : m('managers.formAdd');
  return html`<form part="form manager-form" aria-label=${heading} novalidate @submit=${o.onSubmit}>
    <h4 part="form-heading">${heading}</h4>
    ${field(
      'name',
      m('field.name'),
      (a) => html`<input part="input" id=${`${id}-name`} name="name" required maxlength="100"
      autocomplete="off" .value=${manager?.name ?? ''} aria-invalid=${a.invalid} aria-describedby=${a.describedBy || nothing} />`,
    )}
    ${field(
      'email',
      m('field.email'),
      (a) => html`<input part="input" id=${`${id}-email`} name="email" type="email" required
      maxlength="254" autocomplete="off" .value=${manager?.email ?? ''} aria-invalid=${a.invalid}
      aria-describedby=${a.describedBy || nothing} />`,
    )}
    ${field(
      'languages',
      m('field.languages'),
      (a) => html`<input part="input" id=${`${id}-languages`} name="languages" maxlength="40" autocomplete="off"
        .value=${manager?.languages.join(', ') ?? ''} aria-invalid=${a.invalid}
        aria-describedby=${`${id}-languages-hint ${a.describedBy}`.trim()} />`,
      m('field.languagesHint'),
    )}
    <fieldset part="fieldset">
      <legend>${m('messengers')}</legend>
      <p part="hint">${m('messengers.hint')}</p>
      ${renderMessengerRows({
        idPrefix: id,
        messengers: manager?.messengers ?? [],
        rows: o.rows,
        errors,
        kindLabel: (kind: MessengerKind) => m(`kind.${kind}`),
        rowLabels: (n) => ({ kind: m('messengers.kind', { n }), handle: m('messengers.handle', { n }) }),
      })}
      ${o.rows < 6 ? html`<button part="button add-row" type="button" @click=${o.onAddRow}>${m('messengers.add')}</button>` : nothing}
    </fieldset>
    ${field(
      'photo',
      m('field.photo'),
      (
        a,
      ) => html`<input part="input" id=${`${id}-photo`} name="photo" type="file" accept="image/png,image/jpeg,image/webp"
        aria-invalid=${a.invalid} aria-describedby=${`${id}-photo-hint ${a.describedBy}`.trim()} />`,
      m('field.photoHint'),
    )}
    ${
      manager?.photoUrl
        ? html`<div part="actions"><button part="button remove-photo" type="button" ?disabled=${o.saving}
            @click=${o.onRemovePhoto}>${m('photo.remove')}</button></div>`
        : nothing
    }
    <label part="check"><input type="checkbox" name="active" ?checked=${manager?.active ?? true} /> ${m('field.active')}</label>
    ${errors.body ? html`<p part="field-error" role="alert">${errors.body}</p>` : nothing}
    <div part="actions">
      <button part="button primary save" type="submit" ?disabled=${o.saving}>${o.saving ? m('saving') : m('save')}</button>
      <button part="button cancel" type="button" @click=${o.onCancel}>${m('cancel')}</button>
    </div>
  </form>`;
}

export function readManagerForm(form: HTMLFormElement): {
  input: ManagerFormInput;
  rowOf: number[];
  photo: File | null;
} {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const { messengers, rowOf } = readMessengers(data);
  const file = data.get('photo');
  return {
    input: {
      name: text('name'),
      email: text('email'),
      languages: text('languages')
        .split(/[\s,;]+/)
        .map((code) => code.toLowerCase())
        .filter(Boolean),
      active: data.get('active') !== null,
      messengers,
    },
    rowOf,
    photo: file instanceof File && file.size > 0 ? file : null,
  };
}
