/** The contacts console's contact card form (a brand's or the program's), and reading it back. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import { invalid, readMessengers, renderMessengerRows, type MessengerInput } from './contact-fields.ts';
import type { ContactCard } from './contacts-console-types.ts';
import type { ContactsConsoleKey } from './kb-contacts-console.messages.ts';

export interface CardFormInput {
  supportEmail: string | null;
  messengers: MessengerInput[];
  hours: { en: string; ru: string };
  note: { en: string; ru: string };
}

export interface CardFormOptions {
  scope: string;
  title: string;
  card: ContactCard | null;
  errors: Record<string, string>;
  rows: number;
  saving: boolean;
  m: (key: ContactsConsoleKey, params?: MessageParams) => string;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
  onAddRow: () => void;
}

export function renderCardForm(o: CardFormOptions): TemplateResult {
  const { card, errors, m } = o;
  const id = `card-${o.scope}`;
  const text = (
    path: string,
    name: string,
    label: string,
    value: string,
    opts: { multiline?: boolean; placeholder?: string } = {},
  ) => {
    const state = invalid(errors, path, `${id}-${name}`);
    const common = {
      id: `${id}-${name}`,
      invalid: state.attrs.invalid,
      describedBy: state.attrs.describedBy || nothing,
    };
    return html`<div part="field">
      <label part="label" for=${common.id}>${label}</label>
      ${
        opts.multiline
          ? html`<textarea part="input" id=${common.id} name=${name} rows="2" maxlength="500" .value=${value}
              aria-invalid=${common.invalid} aria-describedby=${common.describedBy}></textarea>`
          : html`<input part="input" id=${common.id} name=${name} maxlength=${path === 'supportEmail' ? 254 : 120}
              type=${path === 'supportEmail' ? 'email' : 'text'} autocomplete="off" .value=${value}
              placeholder=${opts.placeholder ?? nothing} aria-invalid=${common.invalid} aria-describedby=${common.describedBy} />`
      }
      ${state.message}
    </div>`;
  };
  return html`<form part="form card-form" aria-label=${o.title} novalidate @submit=${o.onSubmit}>
    ${text('supportEmail', 'supportEmail', m('cards.supportEmail'), card?.supportEmail ?? '')}
    <fieldset part="fieldset">
      <legend>${m('messengers')}</legend>
      <p part="hint">${m('messengers.hint')}</p>
      ${renderMessengerRows({
        idPrefix: id,
        messengers: card?.messengers ?? [],
        rows: o.rows,
        errors,
        kindLabel: (kind) => m(`kind.${kind}`),
        rowLabels: (n) => ({ kind: m('messengers.kind', { n }), handle: m('messengers.handle', { n }) }),
      })}
      ${o.rows < 6 ? html`<button part="button add-row" type="button" @click=${o.onAddRow}>${m('messengers.add')}</button>` : nothing}
    </fieldset>
    <div part="pair">
      ${text('hours.en', 'hoursEn', m('cards.hoursEn'), card?.hours.en ?? '', { placeholder: 'Mon–Fri 09:00–18:00 CET' })}
      ${text('hours.ru', 'hoursRu', m('cards.hoursRu'), card?.hours.ru ?? '', { placeholder: 'Пн–Пт 09:00–18:00 CET' })}
    </div>
    <div part="pair">
      ${text('note.en', 'noteEn', m('cards.noteEn'), card?.note.en ?? '', { multiline: true })}
      ${text('note.ru', 'noteRu', m('cards.noteRu'), card?.note.ru ?? '', { multiline: true })}
    </div>
    <div part="actions">
      <button part="button primary save" type="submit" ?disabled=${o.saving}>${o.saving ? m('saving') : m('save')}</button>
      <button part="button cancel" type="button" @click=${o.onCancel}>${m('cancel')}</button>
    </div>
  </form>`;
}

export function readCardForm(form: HTMLFormElement): { input: CardFormInput; rowOf: number[] } {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const { messengers, rowOf } = readMessengers(data);
  return {
    input: {
      supportEmail: text('supportEmail') || null,
      messengers,
      hours: { en: text('hoursEn'), ru: text('hoursRu') },
      note: { en: text('noteEn'), ru: text('noteRu') },
    },
    rowOf,
  };
}
