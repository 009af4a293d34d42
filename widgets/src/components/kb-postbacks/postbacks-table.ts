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
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

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

/** The campaign's name and the promo's title (the server's), never their ids. */
function scopeText(v: TableView, p: Postback): string {
  const campaign = p.campaignName ?? v.campaignName(p.campaignId) ?? v.m('unnamedCampaign');
  if (p.scope === 'promo') return v.m('promoIn', { promo: p.promoTitle ?? v.m('unnamedPromo'), campaign });
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
  const cols = columns({
    action: { label: v.m('col.action'), primary: true },
    scope: { label: v.m('col.scope'), priority: 2 },
    method: { label: v.m('col.method'), priority: 3 },
    url: { label: v.m('col.url') },
    status: { label: v.m('col.status'), priority: 2 },
    actions: v.canWrite ? { label: v.m('col.actions'), actions: true } : undefined,
  });
  return html`<div part="table-wrap" ${scrollRegion(v.m('heading'))}>
    <table part="postbacks">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map(
        (p) => html`<tr part="postback-row" data-postback-id=${p.id}>
        <th part="cell postback-action" scope="row" ${cell(cols.action)}>${actions[p.action] ?? p.action}</th>
        <td part="cell postback-scope" ${cell(cols.scope)}>${scopeText(v, p)}</td>
        <td part="cell postback-method" ${cell(cols.method)}><span part="badge method-badge">${p.method === 'POST' && p.bodyFormat ? `POST ${p.bodyFormat.toUpperCase()}` : p.method}</span></td>
        <td part="cell postback-url" ${cell(cols.url)}><code part="url">${p.url}</code>
          ${p.warnings.map((w) => html`<p part="row-warning">${problemText(v.locale, w)}</p>`)}</td>
        <td part="cell postback-status" ${cell(cols.status)}><span part=${p.enabled ? 'badge status-badge status-on' : 'badge status-badge status-off'}>${v.m(p.enabled ? 'on' : 'off')}</span></td>
        ${cols.actions ? html`<td part="cell postback-actions" ${cell(cols.actions)}>${renderActions(v, p, actions[p.action] ?? p.action)}</td>` : nothing}
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
