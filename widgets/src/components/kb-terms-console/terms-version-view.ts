/** One version in `<kb-terms-console>`: its rendered text, the summary of changes and who accepted it (paged). */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { MessageParams } from '../../internal/i18n.ts';
import type { TermsConsoleKey } from './kb-terms-console.messages.ts';
import type { TermsAcceptancePage, TermsVersionDetail } from './terms-types.ts';

/** Acceptances per page (the API allows up to 500). */
export const ACCEPTANCES_PAGE = 50;

export interface VersionView {
  m(key: TermsConsoleKey, params?: MessageParams): string;
  dateTime(value: string): string;
  version: TermsVersionDetail;
  acceptances: TermsAcceptancePage | null;
  /** A failed acceptances load, worded. */
  acceptancesError: string | null;
  busy: boolean;
  onPage(offset: number): void;
  onBack(): void;
}

export function renderVersionView(v: VersionView): TemplateResult {
  const t = v.version;
  // "Who accepted" is an h3, not an h4 like "Text": the terms' own ## headings (h2) come right before it, and a
  // heading may step down only one level.
  return html`<section part="version" aria-labelledby="terms-version-heading" data-version-id=${t.id}>
    <p><button part="button back" type="button" @click=${v.onBack}>${v.m('back')}</button></p>
    <h3 part="subheading" id="terms-version-heading" tabindex="-1">
      ${v.m('versionHeading', { version: t.version, title: t.title })}
      ${t.current ? html`<span part="current-badge">${v.m('current')}</span>` : nothing}
    </h3>
    <p part="meta">${v.m('publishedAt', { date: v.dateTime(t.publishedAt) })}</p>
    ${
      t.summaryOfChanges
        ? html`<div part="summary"><h4 part="minor-heading">${v.m('summary')}</h4><p>${t.summaryOfChanges}</p></div>`
        : nothing
    }
    <h4 part="minor-heading">${v.m('text')}</h4>
    <div part="body terms-text" tabindex="0" role="region" aria-label=${v.m('text')}>${
      // Rendered by the server from the stored Markdown (renderMarkdown): the same safe HTML partners read.
      unsafeHTML(t.html)
    }</div>
    <h3 part="minor-heading" id="terms-acceptances-heading">${v.m('acceptances')}</h3>
    ${renderAcceptances(v)}
  </section>`;
}

function renderAcceptances(v: VersionView): TemplateResult {
  if (v.acceptancesError) return html`<p part="error" role="alert">${v.acceptancesError}</p>`;
  const page = v.acceptances;
  if (!page) return html`<p part="status" role="status">${v.m('loading')}</p>`;
  if (page.total === 0) return html`<p part="status">${v.m('acceptancesNone')}</p>`;
  const to = page.offset + page.data.length;
  return html`<p part="status">${v.m('acceptancesCount', { total: page.total })}</p>
    <div part="table-wrap"><table part="acceptances" aria-labelledby="terms-acceptances-heading">
      <thead><tr part="header-row">
        <th part="header-cell" scope="col">${v.m('acc.user')}</th>
        <th part="header-cell" scope="col">${v.m('acc.partner')}</th>
        <th part="header-cell" scope="col">${v.m('acc.when')}</th>
        <th part="header-cell" scope="col">${v.m('acc.ip')}</th>
        <th part="header-cell" scope="col">${v.m('acc.browser')}</th>
      </tr></thead>
      <tbody>${page.data.map(
        (a) => html`<tr part="acceptance-row" data-user-id=${a.userId}>
          <th part="cell acceptance-email" scope="row">${a.email}</th>
          <td part="cell" data-label=${v.m('acc.partner')}>${a.partnerName}</td>
          <td part="cell" data-label=${v.m('acc.when')}>${v.dateTime(a.acceptedAt)}</td>
          <td part="cell" data-label=${v.m('acc.ip')}>${a.ip ?? v.m('unknown')}</td>
          <td part="cell user-agent" data-label=${v.m('acc.browser')} title=${a.userAgent ?? nothing}>${a.userAgent ?? v.m('unknown')}</td>
        </tr>`,
      )}</tbody>
    </table></div>
    ${
      page.total > ACCEPTANCES_PAGE
        ? html`<nav part="pager" aria-label=${v.m('pager')}>
            <button part="button prev" type="button" ?disabled=${v.busy || page.offset === 0}
              @click=${() => v.onPage(Math.max(0, page.offset - ACCEPTANCES_PAGE))}>${v.m('prev')}</button>
            <span part="page">${v.m('page', { from: page.offset + 1, to, total: page.total })}</span>
            <button part="button next" type="button" ?disabled=${v.busy || to >= page.total}
              @click=${() => v.onPage(page.offset + ACCEPTANCES_PAGE)}>${v.m('next')}</button>
          </nav>`
        : nothing
    }`;
}
