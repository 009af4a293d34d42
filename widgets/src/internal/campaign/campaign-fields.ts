/**
 * Labelled inputs and selects for the campaign widgets' forms: every control has its label,
 * hint and error wired through `for`, `aria-describedby` and `aria-invalid`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  error?: string | null | undefined;
  hint?: string | undefined;
  /**
   * Given: a controlled field (re-rendered from state, `live` against the DOM). Absent: a filter
   * field the browser keeps; the binding never changes, so a re-render leaves the user's input alone.
   */
  value?: string;
  /** Extra part names for the control (the field always has `field`, the control `input`). */
  part?: string;
  disabled?: boolean;
  /** Announce the error as it appears (filter forms, which have no form-level alert). */
  alert?: boolean;
}
export interface TextFieldOptions extends FieldOptions {
  type?: 'text' | 'date' | 'search';
  maxlength?: number;
  placeholder?: string;
  onInput?: (value: string) => void;
}
export interface SelectFieldOptions extends FieldOptions {
  options: ReadonlyArray<readonly [string, string]>;
  onChange?: (value: string) => void;
}

const describedBy = ({ id, error, hint }: FieldOptions) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;

function wrap(o: FieldOptions, control: TemplateResult): TemplateResult {
  return html`<div part="field">
    <label part="label" for=${o.id}>${o.label}</label>${control}
    ${o.hint ? html`<p part="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing}
    ${o.error ? html`<p part="field-error" id=${`${o.id}-error`} role=${o.alert ? 'alert' : nothing}>${o.error}</p>` : nothing}
  </div>`;
}

export function textField(o: TextFieldOptions): TemplateResult {
  return wrap(
    o,
    html`<input part=${`input ${o.part ?? ''}`} id=${o.id} name=${o.name} type=${o.type ?? 'text'}
    .value=${o.value === undefined ? '' : live(o.value)} maxlength=${o.maxlength ?? nothing} placeholder=${o.placeholder ?? nothing} autocomplete="off"
    ?disabled=${o.disabled} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy(o)}
    @input=${(e: Event) => o.onInput?.((e.target as HTMLInputElement).value)} />`,
  );
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  return wrap(
    o,
    html`<select part=${`input ${o.part ?? ''}`} id=${o.id} name=${o.name} ?disabled=${o.disabled}
    aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy(o)}
    @change=${(e: Event) => o.onChange?.((e.target as HTMLSelectElement).value)}>
    ${o.options.map(([value, text]) => html`<option value=${value} .selected=${o.value === undefined ? value === '' : live(value === o.value)}>${text}</option>`)}
  </select>`,
  );
}

/** The From / To date pair of a filter form; `error` belongs to To (an end before the start). */
export function dateRange(prefix: string, labels: { from: string; to: string }, error: string | null): TemplateResult {
  return html`${textField({ id: `${prefix}-from`, name: 'from', label: labels.from, type: 'date' })}
    ${textField({ id: `${prefix}-to`, name: 'to', label: labels.to, type: 'date', error, alert: true })}`;
}
