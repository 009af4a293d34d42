/**
 * The attempts table of `<kb-postback-log>`: when, the full URL as sent (wrapping), the action,
 * the tracker's answer (its code, or why there was none), how long it took, the campaign and
 * promo, and a badge on test sends.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { ACTION_LABELS } from '../../internal/postback/postback-labels.ts';
import type { PostbackAttempt } from '../../internal/postback/postback-types.ts';
import type { LogKey } from './kb-postback-log.messages.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

export interface LogTableView {
  locale: Locale;
  m(key: LogKey, params?: MessageParams): string;
  dateTime(value: string): string;
  number(value: number): string;
  none: string;
}

const codeClass = (code: number) => `response-${Math.floor(code / 100)}xx`;

function response(v: LogTableView, a: PostbackAttempt): TemplateResult {
  if (a.responseCode === null)
    return html`<span part="response-none">${v.m('noResponse', { error: a.error ?? v.none })}</span>`;
  return html`<span part=${`response-code ${codeClass(a.responseCode)}`}>${a.responseCode}</span>${a.error ? html` <span part="response-error">${a.error}</span>` : nothing}`;
}

/**
 * A campaign's name or a promo's title; under it, as a secondary line to copy into the filters
 * (which take ids and promo codes), the promo code and the id.
 */
const named = (name: string | null, id: string | null, none: string, code: string | null = null) =>
  id
    ? html`<span part="ref-name">${name ?? code ?? none}</span>
        <span part="ref-secondary">${name && code ? html`<code part="mono ref-code">${code}</code> ` : nothing}<code part="mono ref-id">${id}</code></span>`
    : none;

export function renderLogTable(v: LogTableView, rows: readonly PostbackAttempt[]): TemplateResult {
  const actions = ACTION_LABELS[v.locale];
  const cols = columns({
    time: { label: v.m('col.time') },
    url: { label: v.m('col.url'), priority: 2 },
    action: { label: v.m('col.action'), primary: true },
    response: { label: v.m('col.response') },
    duration: { label: v.m('col.duration'), priority: 4 },
    campaign: { label: v.m('col.campaign'), priority: 2 },
    promo: { label: v.m('col.promo'), priority: 3 },
  });
  return html`<div part="table-wrap" ${scrollRegion(v.m('heading'))}>
    <table part="attempts">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map(
        (a) => html`<tr part=${a.isTest ? 'attempt-row test-row' : 'attempt-row'} data-attempt-id=${a.id}>
        <td part="cell attempt-time" ${cell(cols.time)}><time datetime=${a.sentAt}>${v.dateTime(a.sentAt)}</time></td>
        <td part="cell attempt-url" ${cell(cols.url)}><span part="badge method-badge">${a.method}</span> <code part="url">${a.url}</code></td>
        <th part="cell attempt-action" scope="row" ${cell(cols.action)}>${actions[a.action] ?? a.action}${a.isTest ? html` <span part="badge test-badge">${v.m('test')}</span>` : nothing}</th>
        <td part="cell attempt-response" ${cell(cols.response)}>${response(v, a)}</td>
        <td part="cell attempt-duration" ${cell(cols.duration)}>${v.m('ms', { ms: v.number(a.durationMs) })}</td>
        <td part="cell attempt-campaign" ${cell(cols.campaign)}>${named(a.campaignName, a.campaignId, v.none)}</td>
        <td part="cell attempt-promo" ${cell(cols.promo)}>${named(a.promoTitle, a.promoId, v.none, a.promoCode)}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
