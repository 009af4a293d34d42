/**
 * The operator's extra registration fields (text, select, checkbox) as form controls, shared by
 * `<kb-sign-up>` (answered at sign-up) and `<kb-profile>` (changed later): the same labels in the
 * user's language, the same checks before sending, and the same shape of answers the API takes.
 * A field's name in a form's error map is `fields.<key>`, so the server's `body.fields.<key>`
 * problems land beside it; its DOM id is `<prefix><key>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api-client.ts';
import { defineMessages, type Locale } from './i18n.ts';

export interface LocalizedLabel {
  en: string;
  ru: string;
}
export interface RegistrationField {
  key: string;
  label: LocalizedLabel;
  kind: 'text' | 'select' | 'checkbox';
  options: Array<{ value: string; label: LocalizedLabel }>;
  required: boolean;
}
/** An answer: text and select values are strings, a checkbox's is true or false; null: none. */
export type FieldAnswer = string | boolean | null;
export type Answers = Record<string, FieldAnswer>;

/** The server's MAX_TEXT_VALUE (registration-fields/schemas.ts), repeated so the bundle needs no zod. */
export const MAX_ANSWER_LENGTH = 500;

const en = {
  optional: '{label} (optional)',
  choose: 'Choose…',
  textRequired: 'Fill in this field.',
  choiceRequired: 'Choose one of the options.',
  mustAccept: 'Tick this to continue.',
  yes: 'Yes',
  no: 'No',
  unanswered: 'Not answered',
};
type Key = keyof typeof en;
const ru: Record<Key, string> = {
  optional: '{label} (необязательно)',
  choose: 'Выберите…',
  textRequired: 'Заполните это поле.',
  choiceRequired: 'Выберите один из вариантов.',
  mustAccept: 'Отметьте, чтобы продолжить.',
  yes: 'Да',
  no: 'Нет',
  unanswered: 'Нет ответа',
};
const messages = defineMessages<Key>({ en, ru });

/** The label in the user's language (English when the Russian one is missing). */
export const localized = (label: LocalizedLabel, locale: Locale): string => label[locale] || label.en;

/** The field's name in a form's error map: the server's 422 path without `body.`. */
export const answerName = (key: string): string => `fields.${key}`;

/** Empty answers of every field: unticked boxes, no text, no choice. */
export function blankAnswers(fields: readonly RegistrationField[]): Answers {
  return Object.fromEntries(fields.map((f) => [f.key, f.kind === 'checkbox' ? false : '']));
}

const isBlank = (value: FieldAnswer): boolean => value === null || (typeof value === 'string' && value.trim() === '');

/** Required fields left empty (and required boxes unticked), worded in `locale`, by `fields.<key>`. */
export function checkAnswers(fields: readonly RegistrationField[], answers: Answers, locale: Locale) {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = answers[field.key] ?? null;
    if (field.kind === 'checkbox') {
      if (field.required && value !== true) errors[answerName(field.key)] = messages(locale, 'mustAccept');
    } else if (field.required && isBlank(value)) {
      errors[answerName(field.key)] = messages(locale, field.kind === 'select' ? 'choiceRequired' : 'textRequired');
    }
  }
  return errors;
}

/**
 * The answers as the API takes them: text trimmed; an empty one left out at sign-up, or sent as
 * null (clears it) when `clearEmpty`. A checkbox is true or false.
 */
export function answersToSend(
  fields: readonly RegistrationField[],
  answers: Answers,
  options: { clearEmpty: boolean },
): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {};
  for (const field of fields) {
    const value = answers[field.key] ?? null;
    if (field.kind === 'checkbox') out[field.key] = value === true;
    else if (!isBlank(value)) out[field.key] = String(value).trim();
    else if (options.clearEmpty) out[field.key] = null;
  }
  return out;
}

/**
 * Whether a refused save names a question the form does not have, or one the program no longer
 * asks (`unknown_field`): the operator added or withdrew a question since the form loaded them.
 */
export function questionsChanged(error: unknown, fields: readonly RegistrationField[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const asked = new Set(fields.map((f) => `body.${answerName(f.key)}`));
  return error.errors.some(
    (p) => p.path.startsWith('body.fields.') && (!asked.has(p.path) || p.reason === 'unknown_field'),
  );
}

/** An answer as text for reading (the option's label, Yes/No, or "Not answered"). */
export function answerText(field: RegistrationField, value: FieldAnswer, locale: Locale): string {
  if (field.kind === 'checkbox') return messages(locale, value === true ? 'yes' : 'no');
  if (isBlank(value)) return messages(locale, 'unanswered');
  const option = field.kind === 'select' ? field.options.find((o) => o.value === value) : undefined;
  return option ? localized(option.label, locale) : String(value);
}

export interface AnswerControlOptions {
  locale: Locale;
  value: FieldAnswer;
  /** The message shown under it (ours or the server's); none when valid. */
  error?: string | undefined;
  /** DOM ids are `<idPrefix><key>`, its error's `<idPrefix><key>-error`. */
  idPrefix: string;
  onChange: (value: string | boolean) => void;
}

/**
 * One field as a labelled control with the form parts the portal's forms share (`field`, `label`,
 * `input`, `select`, `checkbox-field`, `checkbox`, `field-error`); an optional input or select says so in its label.
 */
export function renderAnswerControl(field: RegistrationField, o: AnswerControlOptions): TemplateResult {
  const id = `${o.idPrefix}${field.key}`;
  const errorId = `${id}-error`;
  const text = localized(field.label, o.locale);
  // A box left unticked is an answer already, so only inputs and selects say "(optional)".
  const label = field.required || field.kind === 'checkbox' ? text : messages(o.locale, 'optional', { label: text });
  const error = o.error ? html`<p part="field-error" id=${errorId}>${o.error}</p>` : nothing;
  const invalid = o.error ? 'true' : 'false';
  const describedBy = o.error ? errorId : nothing;
  const part = `field registration-field registration-field-${field.key}`;
  if (field.kind === 'checkbox') {
    return html`<div part=${part}>
      <div part="checkbox-field">
        <input part="checkbox" id=${id} name=${id} type="checkbox" ?required=${field.required} .checked=${o.value === true}
          @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
          aria-invalid=${invalid} aria-describedby=${describedBy} />
        <label part="label" for=${id}>${label}</label>
      </div>
      ${error}
    </div>`;
  }
  if (field.kind === 'select') {
    const value = typeof o.value === 'string' ? o.value : '';
    return html`<div part=${part}>
      <label part="label" for=${id}>${label}</label>
      <select part="select" id=${id} name=${id} ?required=${field.required}
        @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
        aria-invalid=${invalid} aria-describedby=${describedBy}>
        <option value="" .selected=${value === ''}>${messages(o.locale, 'choose')}</option>
        ${field.options.map(
          (option) =>
            html`<option value=${option.value} .selected=${option.value === value}>${localized(option.label, o.locale)}</option>`,
        )}
      </select>
      ${error}
    </div>`;
  }
  return html`<div part=${part}>
    <label part="label" for=${id}>${label}</label>
    <input part="input" id=${id} name=${id} type="text" autocomplete="off" ?required=${field.required}
      maxlength=${MAX_ANSWER_LENGTH} .value=${typeof o.value === 'string' ? o.value : ''}
      @input=${(e: InputEvent) => o.onChange((e.target as HTMLInputElement).value)}
      aria-invalid=${invalid} aria-describedby=${describedBy} />
    ${error}
  </div>`;
}
