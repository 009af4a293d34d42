/** The article form of `<kb-news-console>`: title, excerpt, brand, Markdown body with a preview tab, banner. */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ApiError } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { NewsConsoleKey } from './kb-news-console.messages.ts';

export interface ConsoleArticle {
  id: string;
  title: string;
  excerpt: string;
  bodyMarkdown: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  brand: { id: string; name: string } | null;
  hasBanner: boolean;
  bannerType: string | null;
  bannerUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleInput {
  title: string;
  excerpt: string;
  bodyMarkdown: string;
  brandId: string | null;
}

export interface EditorView {
  locale: Locale;
  m(key: NewsConsoleKey, params?: MessageParams): string;
  /** The article edited (null: a new one). */
  article: ConsoleArticle | null;
  brands: Array<{ id: string; name: string }>;
  /** Where the operator's backend serves the stored banner (same origin, its login applies). */
  bannerSrc: string | null;
  /** The preview tab's HTML (null: the Markdown tab is shown). */
  preview: string | null;
  error: ApiError | null;
  busy: boolean;
  onPreview(show: boolean, form: HTMLFormElement): void;
  onSubmit(event: SubmitEvent): void;
  onCancel(): void;
  onRemoveBanner(): void;
}

/** The fields a problem may name next to its input (`body` is the banner upload's bytes). */
const FIELDS = ['title', 'excerpt', 'brandId', 'bodyMarkdown', 'body'];

export const BANNER_ACCEPT = 'image/png,image/jpeg,image/webp';

/** The form's values and the chosen banner file (null: keep the banner as it is). */
export function readEditor(form: HTMLFormElement): { input: ArticleInput; banner: File | null } {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const file = data.get('banner');
  return {
    input: {
      title: text('title').trim(),
      excerpt: text('excerpt').trim(),
      bodyMarkdown: text('bodyMarkdown'),
      brandId: text('brandId') || null,
    },
    banner: file instanceof File && file.size > 0 ? file : null,
  };
}

export function renderEditor(v: EditorView): TemplateResult {
  const a = v.article;
  const fieldError = (field: string) => {
    const message = v.error?.fieldMessage(field, v.locale) ?? null;
    return message ? html`<p part="field-error" id=${`news-${field}-error`} role="alert">${message}</p>` : nothing;
  };
  const describedBy = (field: string, hint?: string) =>
    [hint, v.error?.fieldMessage(field) ? `news-${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  const previewing = v.preview !== null;
  return html`<form part="form editor" novalidate aria-labelledby="news-editor-heading" @submit=${v.onSubmit}>
    <h3 part="subheading" id="news-editor-heading" tabindex="-1">${a ? v.m('editTitle') : v.m('newTitle')}</h3>
    <div part="field">
      <label part="label" for="news-title">${v.m('field.title')}</label>
      <input part="input" id="news-title" name="title" required maxlength="150" .value=${a?.title ?? ''}
        aria-invalid=${v.error?.fieldMessage('title') ? 'true' : 'false'} aria-describedby=${describedBy('title')} />
      ${fieldError('title')}
    </div>
    <div part="field">
      <label part="label" for="news-excerpt">${v.m('field.excerpt')}</label>
      <textarea part="input textarea" id="news-excerpt" name="excerpt" required maxlength="400" rows="2"
        .value=${a?.excerpt ?? ''} aria-describedby=${describedBy('excerpt', 'news-excerpt-hint')}
        aria-invalid=${v.error?.fieldMessage('excerpt') ? 'true' : 'false'}></textarea>
      <p part="hint" id="news-excerpt-hint">${v.m('field.excerptHint')}</p>
      ${fieldError('excerpt')}
    </div>
    <div part="field">
      <label part="label" for="news-brand">${v.m('field.brand')}</label>
      <select part="input" id="news-brand" name="brandId" aria-describedby=${describedBy('brandId')}>
        <option value="" ?selected=${!a?.brand}>${v.m('field.allBrands')}</option>
        ${v.brands.map((b) => html`<option value=${b.id} ?selected=${a?.brand?.id === b.id}>${b.name}</option>`)}
      </select>
      ${fieldError('brandId')}
    </div>
    <div part="field body-field">
      <div part="tabs" role="group" aria-label=${v.m('field.body')}>
        <button part="button tab" type="button" aria-pressed=${previewing ? 'false' : 'true'}
          @click=${(e: Event) => v.onPreview(false, (e.currentTarget as HTMLElement).closest('form')!)}>${v.m('write')}</button>
        <button part="button tab" type="button" aria-pressed=${previewing ? 'true' : 'false'}
          @click=${(e: Event) => v.onPreview(true, (e.currentTarget as HTMLElement).closest('form')!)}>${v.m('preview')}</button>
      </div>
      <label part="label" for="news-body">${v.m('field.body')}</label>
      <textarea part="input textarea markdown" id="news-body" name="bodyMarkdown" rows="14" maxlength="50000"
        ?hidden=${previewing} .value=${a?.bodyMarkdown ?? ''}
        aria-describedby=${describedBy('bodyMarkdown', 'news-body-hint')}></textarea>
      <p part="hint" id="news-body-hint" ?hidden=${previewing}>${v.m('field.bodyHint')}</p>
      ${
        previewing
          ? html`<div part="preview body" role="region" aria-label=${v.m('preview')} tabindex="0">${
              // The server rendered it with renderMarkdown (POST /v1/news/preview): the same safe HTML partners get.
              v.preview ? unsafeHTML(v.preview) : html`<p part="hint">${v.m('previewEmpty')}</p>`
            }</div>`
          : nothing
      }
      ${fieldError('bodyMarkdown')}
    </div>
    <div part="field">
      <label part="label" for="news-banner">${v.m('field.banner')}</label>
      ${
        a?.hasBanner && v.bannerSrc
          ? html`<figure part="banner-current">
              <img part="banner" src=${v.bannerSrc} alt=${v.m('bannerCurrent')} />
              <figcaption><button part="button remove-banner" type="button" ?disabled=${v.busy}
                @click=${v.onRemoveBanner}>${v.m('removeBanner')}</button></figcaption>
            </figure>`
          : nothing
      }
      <input part="input file" id="news-banner" name="banner" type="file" accept=${BANNER_ACCEPT}
        aria-describedby=${describedBy('body', 'news-banner-hint')} />
      <p part="hint" id="news-banner-hint">${v.m('field.bannerHint')}</p>
      ${fieldError('body')}
    </div>
    ${v.error && !FIELDS.some((f) => v.error!.fieldMessage(f)) ? html`<p part="error" role="alert">${v.error.localized(v.locale)}</p>` : nothing}
    <div part="actions">
      <button part="button primary" type="submit" ?disabled=${v.busy}>${v.busy ? v.m('saving') : v.m('save')}</button>
      <button part="button" type="button" @click=${v.onCancel}>${v.m('cancel')}</button>
    </div>
  </form>`;
}
