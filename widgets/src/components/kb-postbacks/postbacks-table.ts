/**
 * The table of `<kb-postbacks>`: one row per postback with its action, scope, method, full URL
 * (and the server's warnings about it), status, and for owners and admins Edit, Enable/Disable
 * and Delete (which asks first, in the row).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { ACTION_LABELS, SCOPE_LABELS } from '../../internal/postback/postback-labels.ts';
import type { Postback } from '../../internal/postback/postback-types.ts';
import type { PostbacksKey } from './kb-postbacks.messages.ts';
import { problemText } from '../../internal/postback/problem-text.ts';

export interface TableView {
  locale: Locale;
  m(key: PostbacksKey, params?: MessageParams): string;
  canWrite: boolean;
  /** A change to this row is in flight. */
  busyId: string | null;
  /** This row asks "Delete this postback?". */
  confirmingId: string | null;
  campaignName(id: string | null): string | null;
  onEdit(p: Postback): void;
  onToggle(p: Postback): void;
  onDelete(p: Postback): void;
  onConfirmDelete(p: Postback): void;
  onKeep(p: Postback): void;
}

function scopeText(v: TableView, p: Postback): string {
  const campaign = v.campaignName(p.campaignId) ?? p.campaignId ?? '';
  if (p.scope === 'promo') return v.m('promoIn', { promo: p.promoId ?? '', campaign });
  return p.scope === 'campaign' ? campaign : SCOPE_LABELS[v.locale].account;
}

function renderActions(v: TableView, p: Postback, action: string): TemplateResult {
  const busy = v.busyId === p.id;
  if (v.confirmingId === p.id) {
    return html`<p part="confirm-delete" id=${`postback-${p.id}-confirm`}>${v.m('confirmDelete')}</p>
      <div part="actions">
        <button part="button danger confirm-delete-button" type="button" ?disabled=${busy} aria-describedby=${`postback-${p.id}-confirm`}
          @click=${() => v.onConfirmDelete(p)}>${v.m('confirmDeleteButton')}</button>
        <button part="button keep" type="button" @click=${() => v.onKeep(p)}>${v.m('keep')}</button>
      </div>`;
  }
  const params = { action, url: p.url };
  return html`<div part="actions">
    <button part="button edit" type="button" aria-label=${v.m('editLabel', params)} ?disabled=${busy} @click=${() => v.onEdit(p)}>${v.m('edit')}</button>
    <button part=${p.enabled ? 'button toggle disable' : 'button toggle enable'} type="button" ?disabled=${busy}
      @click=${() => v.onToggle(p)}>${v.m(p.enabled ? 'disable' : 'enable')}</button>
    <button part="button danger delete" type="button" aria-label=${v.m('deleteLabel', params)} ?disabled=${busy}
      @click=${() => v.onDelete(p)}>${v.m('delete')}</button>
  </div>`;
}

export function renderPostbacksTable(v: TableView, rows: readonly Postback[]): TemplateResult {
  const actions = ACTION_LABELS[v.locale];
  const headers = [
    v.m('col.action'),
    v.m('col.scope'),
    v.m('col.method'),
    v.m('col.url'),
    v.m('col.status'),
    ...(v.canWrite ? [v.m('col.actions')] : []),
  ];
  return html`<div part="table-wrap">
    <table part="postbacks">
      <thead><tr part="header-row">${headers.map((h) => html`<th part="header-cell" scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map(
        (p) => html`<tr part="postback-row" data-postback-id=${p.id}>
        <th part="cell postback-action" scope="row">${actions[p.action] ?? p.action}</th>
        <td part="cell postback-scope">${scopeText(v, p)}</td>
        <td part="cell postback-method"><span part="badge method-badge">${p.method === 'POST' && p.bodyFormat ? `POST ${p.bodyFormat.toUpperCase()}` : p.method}</span></td>
        <td part="cell postback-url"><code part="url">${p.url}</code>
          ${p.warnings.map((w) => html`<p part="row-warning">${problemText(v.locale, w)}</p>`)}</td>
        <td part="cell postback-status"><span part=${p.enabled ? 'badge status-badge status-on' : 'badge status-badge status-off'}>${v.m(p.enabled ? 'on' : 'off')}</span></td>
        ${v.canWrite ? html`<td part="cell postback-actions">${renderActions(v, p, actions[p.action] ?? p.action)}</td>` : nothing}
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
