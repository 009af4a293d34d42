/**
 * The add / edit form of `<kb-registration-fields-console>`: key and kind (only when adding: the API
 * never changes them), labels in English and Russian, a select's options as value + label rows,
 * required and shown. The option rows live in the console's state, so adding or removing one keeps
 * what was typed in the others.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { RegistrationFieldsConsoleKey } from './kb-registration-fields-console.messages.ts';

export type FieldKind = 'text' | 'select' | 'checkbox';
export const FIELD_KINDS: FieldKind[] = ['text', 'select', 'checkbox'];

export interface ConsoleField {
  id: string;
  key: string;
  label: { en: string; ru: string };
  kind: FieldKind;
  options: Array<{ value: string; label: { en: string; ru: string } }>;
  required: boolean;
  position: number;
  active: boolean;
}

/** One option row as typed. */
export interface OptionRow {
  value: string;
  en: string;
  ru: string;
}

export interface FieldFormView {
  locale: Locale;
  m(key: RegistrationFieldsConsoleKey, params?: MessageParams): string;
  /** The field edited (null: a new one). */
  field: ConsoleField | null;
  kind: FieldKind;
  options: OptionRow[];
  error: ApiError | null;
  busy: boolean;
  onKind(kind: FieldKind): void;
  /** Option row changes go to the console's current rows (not this render's copy: typing is faster than rendering). */
  onOptionChange(index: number, key: keyof OptionRow, value: string): void;
  onOptionAdd(): void;
  onOptionRemove(index: number): void;
  onSubmit(event: SubmitEvent): void;
  onCancel(): void;
}

export interface FieldInput {
  key: string;
  label: { en: string; ru: string };
  kind: FieldKind;
  options: ConsoleField['options'];
  required: boolean;
  active: boolean;
}

export function optionRowsOf(field: ConsoleField | null): OptionRow[] {
  return field?.options.map((o) => ({ value: o.value, en: o.label.en, ru: o.label.ru })) ?? [];
}

/** The form's values; options only for a select (the API refuses them on other kinds). */
export function readFieldForm(form: HTMLFormElement, kind: FieldKind, rows: OptionRow[]): FieldInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    key: text('key'),
    label: { en: text('labelEn'), ru: text('labelRu') },
    kind,
    options:
      kind === 'select'
        ? rows.map((r) => ({ value: r.value.trim(), label: { en: r.en.trim(), ru: r.ru.trim() } }))
        : [],
    required: data.get('required') === 'on',
    active: data.get('active') === 'on',
  };
}

/** The DOM id of a problem's message, from its path (`options.1.value` → `rf-options-1-value-error`). */
const errorId = (path: string) => `rf-${path.replaceAll('.', '-')}-error`;

export function renderFieldForm(v: FieldFormView): TemplateResult {
  const f = v.field;
  const message = (path: string) => v.error?.fieldMessage(path, v.locale) ?? null;
  const fieldError = (path: string) =>
    message(path) ? html`<p part="field-error" id=${errorId(path)} role="alert">${message(path)}</p>` : nothing;
  const describedBy = (path: string, hint?: string) =>
    [hint, message(path) ? errorId(path) : ''].filter(Boolean).join(' ') || nothing;
  const invalid = (path: string) => (message(path) ? 'true' : 'false');
  const shown = ['key', 'label.en', 'label.ru', 'kind', 'options', 'required', 'active'];
  const optionPaths = v.options.flatMap((_, i) => [
    `options.${i}.value`,
    `options.${i}.label.en`,
    `options.${i}.label.ru`,
  ]);
  const unplaced = v.error && ![...shown, ...optionPaths].some((p) => message(p));
  return html`<form part="form editor" novalidate aria-labelledby="rf-editor-heading" @submit=${v.onSubmit}>
    <h3 part="subheading" id="rf-editor-heading" tabindex="-1">${
      f ? v.m('editTitle', { label: f.label[v.locale] }) : v.m('newTitle')
    }</h3>
    <div part="field">
      <label part="label" for="rf-key">${v.m('field.key')}</label>
      ${
        f
          ? html`<input part="input key" id="rf-key" name="key" readonly .value=${f.key} aria-describedby="rf-key-hint" />
              <p part="hint" id="rf-key-hint">${v.m('field.keyFixed')}</p>`
          : html`<input part="input key" id="rf-key" name="key" required maxlength="40" autocomplete="off" spellcheck="false"
                pattern="[a-z][a-z0-9_]{0,39}" aria-invalid=${invalid('key')} aria-describedby=${describedBy('key', 'rf-key-hint')} />
              <p part="hint" id="rf-key-hint">${v.m('field.keyHint')}</p>`
      }
      ${fieldError('key')}
    </div>
    <div part="field-pair">
      <div part="field">
        <label part="label" for="rf-label-en">${v.m('field.labelEn')}</label>
        <input part="input" id="rf-label-en" name="labelEn" required maxlength="120" lang="en" .value=${f?.label.en ?? ''}
          aria-invalid=${invalid('label.en')} aria-describedby=${describedBy('label.en')} />
        ${fieldError('label.en')}
      </div>
      <div part="field">
        <label part="label" for="rf-label-other">${v.m('field.labelRu')}</label>
        <input part="input" id="rf-label-other" name="labelRu" required maxlength="120" lang="ru" .value=${f?.label.ru ?? ''}
          aria-invalid=${invalid('label.ru')} aria-describedby=${describedBy('label.ru')} />
        ${fieldError('label.ru')}
      </div>
    </div>
    <div part="field">
      <label part="label" for="rf-kind">${v.m('field.kind')}</label>
      <select part="input" id="rf-kind" name="kind" ?disabled=${Boolean(f)} aria-describedby=${f ? 'rf-kind-hint' : nothing}
        @change=${(e: Event) => v.onKind((e.currentTarget as HTMLSelectElement).value as FieldKind)}>
        ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${v.kind === k}>${v.m(`kind.${k}`)}</option>`)}
      </select>
      ${f ? html`<p part="hint" id="rf-kind-hint">${v.m('field.kindFixed')}</p>` : nothing}
      ${fieldError('kind')}
    </div>
    ${v.kind === 'select' ? renderOptions(v, { message, fieldError, describedBy, invalid }) : nothing}
    <div part="field check">
      <label part="check-label"><input part="checkbox" type="checkbox" name="required" ?checked=${f?.required ?? false} />
        ${v.m('field.required')}</label>
    </div>
    <div part="field check">
      <label part="check-label"><input part="checkbox" type="checkbox" name="active" ?checked=${f?.active ?? true} />
        ${v.m('field.active')}</label>
    </div>
    ${unplaced ? html`<p part="error" role="alert">${v.error!.localized(v.locale)}</p>` : nothing}
    <div part="actions">
      <button part="button primary save" type="submit" ?disabled=${v.busy}>${v.busy ? v.m('saving') : v.m('save')}</button>
      <button part="button cancel" type="button" @click=${v.onCancel}>${v.m('cancel')}</button>
    </div>
  </form>`;
}

interface ErrorHelpers {
  message(path: string): string | null;
  fieldError(path: string): TemplateResult | typeof nothing;
  describedBy(path: string, hint?: string): string | typeof nothing;
  invalid(path: string): 'true' | 'false';
}

function renderOptions(v: FieldFormView, e: ErrorHelpers): TemplateResult {
  const input = (index: number, key: keyof OptionRow, path: string, label: string, lang?: string) => {
    const id = `rf-option-${index}-${key}`;
    return html`<div part="field option-field">
      <label part="label" for=${id}>${label}</label>
      <input part="input" id=${id} maxlength=${key === 'value' ? 60 : 120} lang=${lang ?? nothing} .value=${v.options[index]![key]}
        aria-invalid=${e.invalid(path)} aria-describedby=${e.describedBy(path)}
        @input=${(ev: Event) => v.onOptionChange(index, key, (ev.currentTarget as HTMLInputElement).value)} />
      ${e.fieldError(path)}
    </div>`;
  };
  return html`<fieldset part="options" aria-describedby="rf-options-hint">
    <legend part="label">${v.m('options')}</legend>
    <p part="hint" id="rf-options-hint">${v.m('optionsHint')}</p>
    ${v.options.map(
      (_row, i) => html`<div part="option-row" role="group" aria-label=${v.m('option.rowLabel', { n: i + 1 })}>
        ${input(i, 'value', `options.${i}.value`, v.m('option.value'))}
        ${input(i, 'en', `options.${i}.label.en`, v.m('option.labelEn'), 'en')}
        ${input(i, 'ru', `options.${i}.label.ru`, v.m('option.labelRu'), 'ru')}
        <button part="button remove-option" type="button" aria-label=${v.m('option.remove', { n: i + 1 })}
          @click=${() => v.onOptionRemove(i)}>×</button>
      </div>`,
    )}
    ${e.fieldError('options')}
    <button part="button add-option" type="button"
      @click=${v.onOptionAdd}>${v.m('option.add')}</button>
  </fieldset>`;
}
