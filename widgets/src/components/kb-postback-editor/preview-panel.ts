/**
 * The preview and "send test" parts of `<kb-postback-editor>`: the rendered request (URL, and the
 * body for POST), whether its values came from a real click or are samples, the confirmation a
 * test send needs, and the tracker's answer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import type { PostbackPreview, PostbackTestResult } from '../../internal/postback/postback-types.ts';
import type { EditorKey } from './kb-postback-editor.messages.ts';

export interface PreviewState {
  result: PostbackPreview;
  /** Shown before a test send: the saved postback rendered, waiting for the partner's go-ahead. */
  forTest: boolean;
}

export interface PreviewView {
  m(key: EditorKey, params?: MessageParams): string;
  preview: PreviewState | null;
  testResult: PostbackTestResult | null;
  /** The form differs from the saved postback (a test sends the saved one). */
  dirty: boolean;
  sending: boolean;
  ms(value: number): string;
  onConfirm(): void;
  onDismiss(): void;
}

const source = (v: PreviewView, r: { sample: boolean; clickId: string | null }) =>
  r.sample || !r.clickId ? v.m('previewSample') : v.m('previewReal', { clickId: r.clickId });

export function renderPreview(v: PreviewView): TemplateResult | typeof nothing {
  const p = v.preview;
  if (!p) return nothing;
  const r = p.result;
  return html`<section part=${p.forTest ? 'preview test-preview' : 'preview'} aria-labelledby="postback-preview-heading">
    <h4 part="subheading preview-heading" id="postback-preview-heading" tabindex="-1">${v.m('previewHeading')}</h4>
    ${p.forTest && v.dirty ? html`<p part="hint saved-version">${v.m('savedVersion')}</p>` : nothing}
    <p part="preview-source">${source(v, r)}</p>
    <p part="request"><span part="badge request-method">${r.method}</span> <code part="request-url preview-url">${r.url}</code></p>
    ${r.body !== null ? html`<p part="label">${v.m('previewBody')}</p><pre part="request-body preview-body">${r.body}</pre>` : nothing}
    ${
      p.forTest
        ? html`<p part="confirm-question">${v.m('confirmQuestion')}</p>
      <div part="actions">
        <button part="button primary confirm-test" type="button" ?disabled=${v.sending} @click=${v.onConfirm}>${v.sending ? v.m('sending') : v.m('confirmSend')}</button>
        <button part="button dont-send" type="button" ?disabled=${v.sending} @click=${v.onDismiss}>${v.m('dontSend')}</button>
      </div>`
        : nothing
    }
  </section>`;
}

/** Always present, so the answer is announced when it arrives. */
export function renderTestResult(v: PreviewView): TemplateResult {
  const t = v.testResult;
  return html`<div part="test-status" role="status">${
    t
      ? html`<div part=${t.delivered ? 'test-result test-delivered' : 'test-result test-failed'}>
    <p part="test-answer">${
      t.responseCode !== null
        ? v.m('testAnswered', { code: t.responseCode, ms: v.ms(t.durationMs) })
        : v.m('testNoAnswer', { error: t.error ?? '', ms: v.ms(t.durationMs) })
    }</p>
    ${t.responseCode !== null && t.error ? html`<p part="test-error">${t.error}</p>` : nothing}
    <p part="request"><span part="badge request-method">${t.method}</span> <code part="request-url test-url">${t.url}</code></p>
    <p part="hint">${source(v, t)}</p>
  </div>`
      : nothing
  }</div>`;
}
