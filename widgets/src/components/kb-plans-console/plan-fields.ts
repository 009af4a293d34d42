/**
 * The plan form's inputs: a labelled field (input or select) named by its body path, with its hint
 * and its problem from a 422 beside it, a checkbox, and an amount with its currency. Render
 * functions over a `FieldKit` (the form's words and the problems by input name).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import type { PlansKey } from './kb-plans-console.messages.ts';

export interface FieldKit {
  m(key: PlansKey, params?: MessageParams): string;
  /** Problems by input name. */
  errors: Readonly<Record<string, string>>;
}
/** An option: its value and its words (already in the UI language). */
export type Option = readonly [value: string, label: string];
export interface FieldOptions {
  type?: string;
  value?: string;
  hint?: string;
  options?: readonly Option[];
  inputmode?: string;
  placeholder?: string;
  /** A select's change (the form re-renders what depends on it). */
  onChange?: (value: string) => void;
}

export const fieldId = (name: string) => `plan-${name.replace(/[^\w-]/g, '-')}`;

export function field(kit: FieldKit, name: string, label: string, o: FieldOptions = {}): TemplateResult {
  const id = fieldId(name);
  const message = kit.errors[name];
  const described = [o.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const invalid = message ? 'true' : 'false';
  const change = o.onChange && ((e: Event) => o.onChange!((e.target as HTMLSelectElement).value));
  const control = o.options
    ? html`<select part="input select" id=${id} name=${name} aria-invalid=${invalid} aria-describedby=${described}
        @change=${change ?? nothing}>${o.options.map(
          ([value, words]) => html`<option value=${value} ?selected=${value === o.value}>${words}</option>`,
        )}</select>`
    : html`<input part="input" id=${id} name=${name} type=${o.type ?? 'text'} .value=${o.value ?? ''}
        autocomplete="off" inputmode=${o.inputmode ?? nothing} placeholder=${o.placeholder ?? nothing}
        aria-invalid=${invalid} aria-describedby=${described}>`;
  return html`<div part="field" data-field=${name}>
    <label part="label" for=${id}>${label}</label>${control}
    ${o.hint ? html`<p part="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
  </div>`;
}

export function checkbox(kit: FieldKit, name: string, label: string, checked: boolean): TemplateResult {
  const message = kit.errors[name];
  return html`<div part="field" data-field=${name}>
    <label part="toggle"><input type="checkbox" id=${fieldId(name)} name=${name} .checked=${checked}> ${label}</label>
    ${message ? html`<p part="field-error">${message}</p>` : nothing}
  </div>`;
}

/**
 * A choice of a few options as radio buttons (every option's words in view, however narrow the
 * page), labelled as a group; the first option carries the field's id, so a problem focuses it.
 */
export function choice(
  kit: FieldKit,
  name: string,
  label: string,
  o: { value: string; options: readonly Option[]; hint?: string; onChange?: (value: string) => void },
): TemplateResult {
  const id = fieldId(name);
  const message = kit.errors[name];
  const described = [o.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  return html`<div part="field choice" role="radiogroup" aria-labelledby=${`${id}-label`} aria-describedby=${described}
    data-field=${name}>
    <p part="label" id=${`${id}-label`}>${label}</p>
    ${o.options.map(
      ([value, words], i) => html`<label part="choice-option"><input type="radio" id=${i === 0 ? id : nothing}
        name=${name} value=${value} .checked=${value === o.value} aria-invalid=${message ? 'true' : 'false'}
        @change=${() => o.onChange?.(value)}> ${words}</label>`,
    )}
    ${o.hint ? html`<p part="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
  </div>`;
}

/** An amount and its currency (`<path>.amount`, `<path>.currency`); `label` names the amount. */
export function money(
  kit: FieldKit,
  path: string,
  value: { amount?: string | undefined; currency?: string | undefined } = {},
  label = kit.m('amount'),
  currencyHint?: string,
): TemplateResult {
  return html`${field(kit, `${path}.amount`, label, { value: value.amount ?? '', inputmode: 'decimal' })}
    ${field(kit, `${path}.currency`, kit.m('currency'), { value: value.currency || 'EUR', hint: currencyHint })}`;
}
