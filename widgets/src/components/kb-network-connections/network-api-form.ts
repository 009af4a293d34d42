/**
 * The API adapter's form at work, over the descriptors of network-api-fields.ts: `renderField`
 * renders any field (label, input, hint, problem); the values are one nested object of what the
 * inputs hold; `toAdapter` turns the shown fields into the JSON PUT …/api takes (empty text left
 * out: the server's defaults apply), `fromAdapter` fills the values from a saved adapter, and
 * `placeProblems` puts each of a 422's problems under the field its path names (`body.` stripped).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldError } from '../../internal/api-client.ts';
import type { Locale } from '../../internal/i18n.ts';
import { fieldProblemMessage } from '../../internal/problem-messages.ts';
import type { ConsoleKey } from './kb-network-connections.messages.ts';
import type { ApiAdapter, ApiAdapterInput } from './network-types.ts';
import {
  SECTIONS,
  VARIABLES,
  sectionIsOn,
  switchPath,
  valueAt,
  withValue,
  type FieldSpec,
  type FormValue,
  type FormValues,
  type SectionSpec,
} from './network-api-fields.ts';

/** The fields shown now: their section switched on, their condition met. */
export function shownFields(values: FormValues): FieldSpec[] {
  return SECTIONS.flatMap((s) => (sectionIsOn(values, s) ? s.fields.filter((f) => !f.when || f.when(values)) : []));
}

/** `Name: value` lines as a record; null when a line has no colon or no name. */
function parseLines(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const colon = line.indexOf(':');
    if (colon < 1 || !line.slice(0, colon).trim()) return null;
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

const formatLines = (record: unknown) =>
  Object.entries((record ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');

function setIn(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) at = (at[key] ??= {}) as Record<string, unknown>;
  at[last] = value;
}

function readIn(source: unknown, dotted: string): unknown {
  let at = source;
  for (const key of dotted.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * The JSON to save from the shown fields (empty text, numbers and lines left out: the server's
 * defaults apply), and the fields whose text could not be read (their message key).
 */
export function toAdapter(values: FormValues): { json: ApiAdapterInput; problems: Record<string, ConsoleKey> } {
  const out: Record<string, unknown> = {};
  const problems: Record<string, ConsoleKey> = {};
  for (const section of SECTIONS) if (!sectionIsOn(values, section)) out[section.key] = null;
  for (const field of shownFields(values)) {
    const text = String(valueAt(values, field.path)).trim();
    if (field.kind === 'numbers') {
      const list = text.split(/[\s,;]+/).filter(Boolean);
      if (list.some((n) => !/^\d+$/.test(n))) problems[field.path] = 'api.numbersProblem';
      else setIn(out, field.path, list.map(Number));
    } else if (!text) {
      continue;
    } else if (field.kind === 'lines') {
      const record = parseLines(text);
      if (record) setIn(out, field.path, record);
      else problems[field.path] = 'api.linesProblem';
    } else setIn(out, field.path, field.kind === 'number' ? Number(text) : text);
  }
  return { json: out as ApiAdapterInput, problems };
}

/** The form's values for a saved adapter, or a new form's (null). */
export function fromAdapter(adapter: ApiAdapter | null): FormValues {
  let values: FormValues = {};
  for (const section of SECTIONS) {
    if (section.switch) values = withValue(values, switchPath(section), !!adapter?.[section.key as 'leadPush']);
    for (const field of section.fields) {
      const saved = readIn(adapter, field.path);
      const text =
        saved === undefined || saved === null
          ? (field.initial ?? '')
          : field.kind === 'lines'
            ? formatLines(saved)
            : Array.isArray(saved)
              ? saved.join(', ')
              : String(saved);
      values = withValue(values, field.path, text);
    }
  }
  return values;
}

/**
 * Each problem under the shown field its path names (the longest field path it starts with), worded
 * in `locale`; a problem inside a lines field names its line. `unplaced` are the paths no field shows.
 */
export function placeProblems(
  locale: Locale,
  values: FormValues,
  errors: readonly FieldError[],
): { byField: Record<string, string>; unplaced: string[] } {
  const fields = shownFields(values);
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const problem of errors) {
    const at = problem.path.replace(/^body\./, '');
    const field = fields
      .filter((f) => at === f.path || at.startsWith(`${f.path}.`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!field) {
      unplaced.push(problem.path);
      continue;
    }
    const format = problem.params?.format;
    // Template and path problems name the variable or brace: the server's words say which (on their own line).
    const detail = format === 'api_template' || format === 'json_path' ? `\n${problem.message}` : '';
    const line = field.kind === 'lines' && at !== field.path ? `${at.slice(field.path.length + 1)}: ` : '';
    byField[field.path] ??= `${line}${fieldProblemMessage(locale, problem)}${detail}`;
  }
  return { byField, unplaced };
}

/** What `renderField` needs from the element. */
export interface FormView {
  idPrefix: string;
  values: FormValues;
  errors: Record<string, string>;
  m(key: ConsoleKey): string;
  change(path: string, value: FormValue): void;
}

export const fieldId = (view: Pick<FormView, 'idPrefix'>, field: string) =>
  `${view.idPrefix}-${field.replace(/[^\w-]/g, '-')}`;

/** One field: its label, its input, its hint and its problem (tied by `aria-describedby`). */
export function renderField(view: FormView, spec: FieldSpec): TemplateResult {
  const id = fieldId(view, spec.path);
  const message = view.errors[spec.path];
  const described = [spec.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value = String(valueAt(view.values, spec.path));
  const invalid = message ? 'true' : 'false';
  const onInput = (e: Event) => view.change(spec.path, (e.currentTarget as HTMLInputElement).value);
  const describedBy = described || nothing;
  const control =
    spec.kind === 'select'
      ? html`<select part="input" id=${id} name=${spec.path} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(value)} @change=${onInput}>
          ${(spec.options ?? []).map((o) => {
            const [v, label] = typeof o === 'string' ? [o, o] : [o[0], view.m(o[1])];
            return html`<option value=${v} ?selected=${v === value}>${label}</option>`;
          })}
        </select>`
      : spec.kind === 'textarea' || spec.kind === 'lines'
        ? html`<textarea part="input code-input" id=${id} name=${spec.path} rows=${spec.kind === 'lines' ? 3 : 4} spellcheck="false"
            autocomplete="off" aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(value)} @input=${onInput}></textarea>`
        : html`<input part="input code-input" id=${id} name=${spec.path} type=${spec.kind === 'number' ? 'number' : 'text'}
            min=${spec.min ?? nothing} max=${spec.max ?? nothing} spellcheck="false" autocomplete="off"
            aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(value)} @input=${onInput}>`;
  const wide = spec.wide || spec.kind === 'textarea' || spec.kind === 'lines';
  return html`<div part=${`field api-field${wide ? ' api-field-wide' : ''}`} data-field=${spec.path}>
    <label part="label" for=${id}>${view.m(spec.label)}</label>
    ${control}
    ${spec.hint ? html`<p part="hint" id=${`${id}-hint`}>${view.m(spec.hint)}</p>` : nothing}
    ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
  </div>`;
}

/** A section's on/off checkbox. */
export function renderSwitch(view: FormView, section: SectionSpec): TemplateResult | typeof nothing {
  if (!section.switch) return nothing;
  const field = switchPath(section);
  const id = fieldId(view, field);
  return html`<div part="field check api-switch" data-field=${field}>
    <input type="checkbox" id=${id} name=${field} .checked=${valueAt(view.values, field) === true}
      @change=${(e: Event) => view.change(field, (e.currentTarget as HTMLInputElement).checked)}>
    <label part="label" for=${id}>${view.m(section.switch)}</label>
  </div>`;
}

const renderVariables = (names: readonly string[]): TemplateResult =>
  html`<ul part="variables">${names.map((n) => html`<li part="variable"><code>${n}</code></li>`)}</ul>`;

/**
 * A section's hint: what its templates may use (its request's variables, the connection's
 * settings, for the lead push the offer's parameters; with HMAC, what the string to sign may add).
 */
export function renderSectionHint(
  view: FormView,
  section: SectionSpec,
  settingKeys: readonly string[],
  offerParameters: readonly string[],
): TemplateResult {
  const settings = settingKeys.map((k) => `settings.${k}`);
  const hint = (key: ConsoleKey) => html`<p part="hint">${view.m(key)}</p>`;
  switch (section.key) {
    case 'auth':
      return html`${hint('api.hint.auth')}${renderVariables([...settings, ...VARIABLES.common])}
        ${valueAt(view.values, 'auth.style') === 'hmac' ? html`${hint('api.hint.hmac')}${renderVariables(VARIABLES.signing)}` : nothing}`;
    case 'leadPush':
      return html`${hint('api.hint.leadPush')}${renderVariables([
        ...VARIABLES.lead,
        ...settings,
        ...offerParameters.map((p) => `offer.${p}`),
        ...VARIABLES.common,
      ])}`;
    case 'statusPoll':
      return html`${hint('api.hint.statusPoll')}${renderVariables([...VARIABLES.poll, ...settings, ...VARIABLES.common])}`;
    default:
      return hint('api.hint.limits');
  }
}
