/**
 * The "publish a new version" form of `<kb-terms-console>`: title, summary of changes, the Markdown
 * body with a preview rendered by the server, and a confirmation that names what publishing does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ApiError } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { TermsConsoleKey } from './kb-terms-console.messages.ts';
import type { PublishTermsInput } from './terms-types.ts';

export interface PublishFormView {
  locale: Locale;
  m(key: TermsConsoleKey, params?: MessageParams): string;
  /** The number the new version will get. */
  nextVersion: number;
  signInUsers: number;
  /** The preview's HTML (null: the Markdown is shown). */
  preview: string | null;
  confirming: boolean;
  error: ApiError | null;
  busy: boolean;
  onPreview(show: boolean, form: HTMLFormElement): void;
  /** Submitting asks for the confirmation first. */
  onSubmit(event: SubmitEvent): void;
  onConfirm(form: HTMLFormElement): void;
  onBack(): void;
  onCancel(): void;
}

const FIELDS = ['title', 'summaryOfChanges', 'bodyMarkdown'];

export function readPublishForm(form: HTMLFormElement): PublishTermsInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const summary = text('summaryOfChanges').trim();
  return {
    title: text('title').trim(),
    bodyMarkdown: text('bodyMarkdown'),
    ...(summary ? { summaryOfChanges: summary } : {}),
  };
}

const formOf = (e: Event) => (e.currentTarget as HTMLElement).closest('form')!;

export function renderPublishForm(v: PublishFormView): TemplateResult {
  const message = (field: string) => v.error?.fieldMessage(field, v.locale) ?? null;
  const fieldError = (field: string) =>
    message(field)
      ? html`<p part="field-error" id=${`terms-${field}-error`} role="alert">${message(field)}</p>`
      : nothing;
  const describedBy = (field: string, hint?: string) =>
    [hint, message(field) ? `terms-${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  const invalid = (field: string) => (message(field) ? 'true' : 'false');
  const previewing = v.preview !== null;
  return html`<form part="form editor" novalidate aria-labelledby="terms-editor-heading" @submit=${v.onSubmit}>
    <h3 part="subheading" id="terms-editor-heading" tabindex="-1">${v.m('newTitle', { version: v.nextVersion })}</h3>
    <div part="field">
      <label part="label" for="terms-title">${v.m('field.title')}</label>
      <input part="input" id="terms-title" name="title" required maxlength="200" ?readonly=${v.confirming}
        aria-invalid=${invalid('title')} aria-describedby=${describedBy('title')} />
      ${fieldError('title')}
    </div>
    <div part="field">
      <label part="label" for="terms-summary">${v.m('field.summary')}</label>
      <textarea part="input textarea" id="terms-summary" name="summaryOfChanges" maxlength="2000" rows="3"
        ?readonly=${v.confirming} aria-invalid=${invalid('summaryOfChanges')}
        aria-describedby=${describedBy('summaryOfChanges', 'terms-summary-hint')}></textarea>
      <p part="hint" id="terms-summary-hint">${v.m('field.summaryHint')}</p>
      ${fieldError('summaryOfChanges')}
    </div>
    <div part="field body-field">
      <div part="tabs" role="group" aria-label=${v.m('field.body')}>
        <button part="button tab" type="button" aria-pressed=${previewing ? 'false' : 'true'}
          @click=${(e: Event) => v.onPreview(false, formOf(e))}>${v.m('write')}</button>
        <button part="button tab" type="button" aria-pressed=${previewing ? 'true' : 'false'}
          @click=${(e: Event) => v.onPreview(true, formOf(e))}>${v.m('preview')}</button>
      </div>
      <label part="label" for="terms-body">${v.m('field.body')}</label>
      <textarea part="input textarea markdown" id="terms-body" name="bodyMarkdown" rows="16" maxlength="30000" required
        ?hidden=${previewing} ?readonly=${v.confirming} aria-invalid=${invalid('bodyMarkdown')}
        aria-describedby=${describedBy('bodyMarkdown', 'terms-body-hint')}></textarea>
      <p part="hint" id="terms-body-hint" ?hidden=${previewing}>${v.m('field.bodyHint')}</p>
      ${
        previewing
          ? html`<div part="preview body" role="region" aria-label=${v.m('preview')} tabindex="0">${
              // Rendered by the server (POST /v1/terms/preview): the same safe HTML partners are shown.
              v.preview ? unsafeHTML(v.preview) : html`<p part="hint">${v.m('previewEmpty')}</p>`
            }</div>`
          : nothing
      }
      ${fieldError('bodyMarkdown')}
    </div>
    ${v.error && !FIELDS.some((f) => message(f)) ? html`<p part="error" role="alert">${v.error.localized(v.locale)}</p>` : nothing}
    ${
      v.confirming
        ? html`<div part="confirm" role="alertdialog" aria-labelledby="terms-confirm-text">
            <p id="terms-confirm-text">${v.m('confirmText', { version: v.nextVersion, users: v.signInUsers })}</p>
            <div part="actions">
              <button part="button primary confirm-publish" type="button" ?disabled=${v.busy}
                @click=${(e: Event) => v.onConfirm(formOf(e))}>${
                  v.busy ? v.m('publishing') : v.m('confirmYes', { version: v.nextVersion })
                }</button>
              <button part="button back-to-form" type="button" @click=${v.onBack}>${v.m('confirmBack')}</button>
            </div>
          </div>`
        : html`<div part="actions">
            <button part="button primary publish" type="submit">${v.m('publish')}</button>
            <button part="button cancel" type="button" @click=${v.onCancel}>${v.m('cancel')}</button>
          </div>`
    }
  </form>`;
}
