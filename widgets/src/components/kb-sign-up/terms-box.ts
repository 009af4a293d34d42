/**
 * The terms parts of `<kb-sign-up>`: the required checkbox linking to the operator's terms page,
 * or the current published version in a scrollable box above the checkbox that accepts it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isSafeUrl } from '../../internal/base-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { SignUpKey } from './kb-sign-up.messages.ts';

export type PublishedTerms = { id: string; version: number; title: string; html: string };

/** What the parts take from the form: its words, the checkbox's state and its error wiring. */
export interface TermsBox {
  t(key: SignUpKey, params?: MessageParams): string;
  checked: boolean;
  onChange(checked: boolean): void;
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
  error: TemplateResult | typeof nothing;
}

function checkbox(box: TermsBox, label: TemplateResult | string): TemplateResult {
  return html`<div part="checkbox-field">
    <input part="checkbox" id="acceptTerms" name="acceptTerms" type="checkbox" required .checked=${box.checked}
      @change=${(e: Event) => box.onChange((e.target as HTMLInputElement).checked)}
      aria-invalid=${box.invalid} aria-describedby=${box.describedBy} />
    <label part="label" for="acceptTerms">${label}</label>
  </div>`;
}

/**
 * The required checkbox whose label links to the operator's terms (a new tab, so the form keeps
 * what was typed). The link sits inside the translated sentence without any HTML in the catalog.
 */
export function renderTermsLink(box: TermsBox, url: string): TemplateResult {
  const marker = '\u0000';
  const [before = '', after = ''] = box.t('terms', { terms: marker }).split(marker);
  const words = box.t('termsLink');
  const link = isSafeUrl(url)
    ? html`<a part="terms-link" href=${url} target="_blank" rel="noopener" aria-describedby="terms-new-tab">${words}</a>`
    : words;
  return html`<div part="field">
    ${checkbox(box, html`${before}${link}${after}`)}
    <span id="terms-new-tab" hidden>${box.t('newTab')}</span>
    ${box.error}
  </div>`;
}

/** Published terms: the text in a scrollable box, then the required checkbox that accepts this version. */
export function renderPublishedTerms(box: TermsBox, terms: PublishedTerms): TemplateResult {
  return html`<div part="field terms-box">
    <p part="terms-title" id="terms-title">${box.t('termsVersion', { title: terms.title, version: terms.version })}</p>
    <div part="body" tabindex="0" role="region" aria-labelledby="terms-title">${
      // Server-rendered by renderMarkdown (core/lib/markdown.ts): raw HTML escaped, links limited to http(s)/mailto.
      unsafeHTML(terms.html)
    }</div>
    ${checkbox(box, box.t('termsAccept'))}
    ${box.error}
  </div>`;
}
