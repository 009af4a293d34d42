/**
 * What `<kb-requested-reports>` draws: the list (a responsive table: ID, name with Rename,
 * parameters in words, who asked, state with the failure's reason, when, and the file) and one
 * request's page (`#/reports/requested/<id>`, the e-mail's link) with the same facts and more.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../internal/i18n.ts';
import { breakable, cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { QuestionWords } from '../../internal/statistics/report/question-words.ts';
import type { RequestedReport } from '../../internal/statistics/report/requested-api.ts';
import type { RequestedKey } from './kb-requested-reports.messages.ts';
import { isExpired, type RequestedFiles } from './requested-file.ts';
import type { RequestedRename } from './requested-rename.ts';

export interface RequestedView {
  locale: Locale;
  m(key: RequestedKey, params?: Record<string, string>): string;
  dateTime(value: string | null): string;
  words(report: RequestedReport): QuestionWords;
  files: RequestedFiles;
  rename: RequestedRename;
  /** Follows a link to a request's page (`id`) or back to the list (null) inside the portal. */
  open(event: Event, id: string | null): void;
}

/** The address of a request's page (or of the list) in a hash-routed portal; a click goes through `open`. */
const hrefOf = (id: string | null) => (id ? `#/reports/requested/${encodeURIComponent(id)}` : '#/reports/requested');

/** "1.2 MB", "340 kB" in the reader's language. */
function fileSize(locale: Locale, bytes: number): string {
  const [unit, value] = bytes >= 1_000_000 ? ['megabyte', bytes / 1_000_000] : ['kilobyte', bytes / 1000];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function renderParameters(v: RequestedView, report: RequestedReport): TemplateResult {
  const words = v.words(report);
  const line = (label: RequestedKey, value: string | TemplateResult, part: string) =>
    html`<div part=${`parameter ${part}`}><dt>${v.m(label)}</dt><dd>${value}</dd></div>`;
  return html`<dl part="parameters">
    ${line('param.period', words.period, 'parameter-period')}
    ${line('param.groupBy', words.groupings, 'parameter-groupings')}
    ${line(
      'param.filters',
      words.filters.length
        ? html`${words.filters.map((f, i, all) => html`<span part="filter">${f}${i < all.length - 1 ? ';' : ''}</span> `)}`
        : v.m('param.noFilters'),
      'parameter-filters',
    )}
    ${line('param.currency', words.currency, 'parameter-currency')}
  </dl>`;
}

export function renderState(v: RequestedView, report: RequestedReport): TemplateResult {
  return html`<span part=${`state-badge state-${report.status}`}>${v.m(`state.${report.status}`)}</span> ${
    report.status === 'failed' && report.failureReason
      ? html`<span part="failure-reason">${v.m('failedBecause', { reason: report.failureReason })}</span>`
      : nothing
  }`;
}

function listColumns(v: RequestedView) {
  const { m } = v;
  return columns({
    name: { label: m('col.name'), primary: true },
    // On a portal's usual width the ID gives way first: each request's page shows it.
    id: { label: m('col.id'), priority: 4 },
    parameters: { label: m('col.parameters') },
    actor: { label: m('col.actor'), priority: 2 },
    state: { label: m('col.state') },
    requestedAt: { label: m('col.requestedAt'), priority: 2 },
    actions: { label: m('col.actions'), actions: true },
  });
}

export function renderList(v: RequestedView, reports: readonly RequestedReport[]): TemplateResult {
  const cols = listColumns(v);
  return html`<div part="table-wrap" ${scrollRegion(v.m('list'))}>
    <table part="requests" aria-label=${v.m('list')}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${reports.map((r) => {
        const scope = `[part~="request-row"][data-request-id="${r.id}"]`;
        const name = html`<a part="request-link" href=${hrefOf(r.id)} @click=${(e: Event) => v.open(e, r.id)}>${r.name}</a>`;
        return html`<tr part="request-row" data-request-id=${r.id} data-state=${r.status}>
          <th part="cell request-name" scope="row" ${cell(cols.name)}>${v.rename.render(r, scope, name)}</th>
          <td part="cell request-id" ${cell(cols.id)}><span part="mono">${breakable(r.id)}</span></td>
          <td part="cell request-parameters" ${cell(cols.parameters)}>${renderParameters(v, r)}</td>
          <td part="cell request-actor" ${cell(cols.actor)}>${breakable(r.requestedBy.email)}</td>
          <td part="cell request-state" ${cell(cols.state)}>${renderState(v, r)}</td>
          <td part="cell request-requested-at" ${cell(cols.requestedAt)}>${v.dateTime(r.requestedAt)}</td>
          <td part="cell request-file" ${cell(cols.actions)}><div part="toolbar">${v.files.render(r, scope)}</div></td>
        </tr>`;
      })}</tbody>
    </table>
  </div>`;
}

/** One request's page: its facts, its parameters, and its file. */
export function renderDetail(v: RequestedView, r: RequestedReport): TemplateResult {
  const { m } = v;
  const scope = '[part~="request-page"]';
  const fact = (label: RequestedKey, value: string | TemplateResult, part: string) =>
    html`<div part=${`fact ${part}`}><dt>${m(label)}</dt><dd>${value}</dd></div>`;
  return html`<article part="request-page" data-request-id=${r.id} data-state=${r.status} aria-labelledby="request-page-name">
    <p><a part="back-link" href=${hrefOf(null)} @click=${(e: Event) => v.open(e, null)}>${m('back')}</a></p>
    <div part="request-page-title">${v.rename.render(
      r,
      scope,
      html`<h3 part="subheading request-page-name" id="request-page-name" tabindex="-1">${r.name}</h3>`,
    )}</div>
    <dl part="facts">
      ${fact('fact.id', html`<span part="mono">${breakable(r.id)}</span>`, 'fact-id')}
      ${fact('fact.state', renderState(v, r), 'fact-state')}
      ${fact('fact.format', m(`format.${r.format}`), 'fact-format')}
      ${fact('fact.actor', html`${breakable(r.requestedBy.email)}`, 'fact-actor')}
      ${fact('fact.requestedAt', v.dateTime(r.requestedAt), 'fact-requested-at')}
      ${fact('fact.finishedAt', v.dateTime(r.finishedAt), 'fact-finished-at')}
      ${r.rowCount === null ? nothing : fact('fact.rows', new Intl.NumberFormat(v.locale).format(r.rowCount), 'fact-rows')}
      ${r.fileSize === null ? nothing : fact('fact.size', fileSize(v.locale, r.fileSize), 'fact-size')}
      ${r.expiresAt === null ? nothing : fact('fact.expiresAt', v.dateTime(r.expiresAt), 'fact-expires-at')}
    </dl>
    <h4 part="parameters-heading">${m('fact.parameters')}</h4>
    ${renderParameters(v, r)}
    ${
      r.status === 'successful' && isExpired(r) && r.expiresAt
        ? html`<p part="hint expired-note">${m('expiredOn', { date: v.dateTime(r.expiresAt) })}</p>`
        : nothing
    }
    <div part="toolbar page-file">${v.files.render(r, scope)}</div>
  </article>`;
}
