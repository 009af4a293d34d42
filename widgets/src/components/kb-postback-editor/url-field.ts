/**
 * The URL part of `<kb-postback-editor>`: the template field, the macro chips with their
 * meanings, and the live problem list. Each problem shows the checked URL again with the
 * problem's characters in a `<mark>`, and "at column N" selects them in the field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { BUILT_IN_MACROS, type BuiltInMacro, type TemplateProblem } from '../../internal/postback/postback-types.ts';
import { MACRO_DOCS, type EditorKey } from './kb-postback-editor.messages.ts';
import { insertMacro, problemRange } from './template-marks.ts';
import type { CheckedUrl } from './template-check.ts';
import { problemText } from '../../internal/postback/problem-text.ts';

export interface UrlFieldView {
  locale: Locale;
  m(key: EditorKey, params?: MessageParams): string;
  url: string;
  checked: CheckedUrl | null;
  checking: boolean;
  disabled: boolean;
  error: string | undefined;
  onInput(event: Event): void;
  onInsert(name: BuiltInMacro): void;
  onSelectProblem(problem: TemplateProblem): void;
}

export const URL_FIELD_ID = 'postback-url';

/** Puts `${name}` over the field's selection (or at its caret), keeps focus there and returns the new value. */
export function insertAtCursor(field: HTMLTextAreaElement, name: BuiltInMacro): string {
  const { value, caret } = insertMacro(
    field.value,
    field.selectionStart ?? field.value.length,
    field.selectionEnd ?? field.value.length,
    name,
  );
  field.value = value;
  field.focus();
  field.setSelectionRange(caret, caret);
  return value;
}

/** Selects in the field the characters a problem of `checkedUrl` (the trimmed URL the server saw) is about. */
export function selectProblemIn(field: HTMLTextAreaElement, checkedUrl: string, position: number): void {
  const offset = field.value.length - field.value.trimStart().length;
  const { start, end } = problemRange(checkedUrl, position);
  field.focus();
  field.setSelectionRange(start + offset, end + offset);
}

export function renderUrlField(v: UrlFieldView): TemplateResult {
  const invalid = Boolean(v.error) || Boolean(v.checked?.problems.some((p) => p.severity === 'error'));
  const describedBy = [`${URL_FIELD_ID}-hint`, v.error ? `${URL_FIELD_ID}-error` : '', `${URL_FIELD_ID}-problems`]
    .filter(Boolean)
    .join(' ');
  return html`<div part="field url-field">
      <label part="label" for=${URL_FIELD_ID}>${v.m('url')}</label>
      <textarea part="input url-input" id=${URL_FIELD_ID} name="url" rows="3" maxlength="2000" spellcheck="false" autocomplete="off"
        placeholder="https://tracker.example/postback?click=\${visit_id}" .value=${live(v.url)} ?disabled=${v.disabled}
        aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
        @input=${v.onInput} @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') e.preventDefault();
        }}></textarea>
      <p part="hint" id=${`${URL_FIELD_ID}-hint`}>${v.m('urlHint')}</p>
      ${v.error ? html`<p part="field-error" id=${`${URL_FIELD_ID}-error`}>${v.error}</p>` : nothing}
      <div part="problems" id=${`${URL_FIELD_ID}-problems`} aria-live="polite">${renderProblems(v)}</div>
    </div>
    ${renderMacros(v)}`;
}

function renderProblems(v: UrlFieldView): TemplateResult | typeof nothing {
  const checking = v.checking ? html`<p part="status checking">${v.m('checking')}</p>` : nothing;
  const checked = v.checked;
  if (!checked) return checking;
  if (checked.problems.length === 0) return html`${checking}<p part="valid">${v.m('noProblems')}</p>`;
  return html`${checking}<p part="subheading problems-heading">${v.m('problems')}</p>
    <ul part="problem-list">${checked.problems.map((p) => renderProblem(v, checked.url, p))}</ul>`;
}

function renderProblem(v: UrlFieldView, url: string, problem: TemplateProblem): TemplateResult {
  const { start, end } = problemRange(url, problem.position);
  const column = problem.position + 1;
  // One line: whitespace inside <code> would show in the mirrored URL.
  const mirror = html`<code part="problem-mirror">${url.slice(0, start)}<mark part=${end > start ? 'problem-mark' : 'problem-mark problem-mark-end'}>${url.slice(start, end)}</mark>${url.slice(end)}</code>`;
  return html`<li part=${`problem problem-${problem.severity}`} data-position=${problem.position}>
    <span part="problem-severity">${v.m(`severity.${problem.severity}`)}</span>
    <span part="problem-message">${problemText(v.locale, problem)}</span>
    <button part="link-button problem-position" type="button" aria-label=${v.m('selectProblem', { column })}
      @click=${() => v.onSelectProblem(problem)}>${problem.position >= url.length ? v.m('atEnd') : v.m('atColumn', { column })}</button>
    ${mirror}
  </li>`;
}

function renderMacros(v: UrlFieldView): TemplateResult {
  const docs = MACRO_DOCS[v.locale];
  return html`<section part="macros" aria-labelledby="postback-macros-heading">
    <p part="label" id="postback-macros-heading">${v.m('macros')}</p>
    <ul part="macro-list">${BUILT_IN_MACROS.map(
      (name) => html`<li part="macro">
      <button part="button macro-chip" type="button" data-macro=${name} ?disabled=${v.disabled}
        aria-label=${v.m('insert', { macro: `\${${name}}` })} aria-describedby=${`macro-doc-${name}`}
        @click=${() => v.onInsert(name)}>\${${name}}</button>
      <span part="macro-doc" id=${`macro-doc-${name}`}>${docs[name]}</span>
    </li>`,
    )}</ul>
    <p part="hint custom-macros">${v.m('custom')}</p>
  </section>`;
}
