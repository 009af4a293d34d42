/**
 * The keys table of `<kb-api-keys-console>`: name, the secret's first characters, dates and status,
 * with Rotate and Revoke on active keys; both ask first, in the row. Revoked keys stay listed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { ApiKeysConsoleKey } from './kb-api-keys-console.messages.ts';
import type { ApiKey } from './api-keys-types.ts';

export type KeyConfirm = { id: string; action: 'revoke' | 'rotate' };

export interface KeysTableView {
  keys: ApiKey[];
  confirming: KeyConfirm | null;
  rowError: { id: string; message: string } | null;
  busy: boolean;
  m(key: ApiKeysConsoleKey, params?: MessageParams): string;
  dateTime(value: string): string;
  onAsk(confirm: KeyConfirm): void;
  onConfirm(): void;
  onCancel(): void;
}

function keyColumns(m: KeysTableView['m']) {
  return columns({
    name: { label: m('col.name'), primary: true },
    prefix: { label: m('col.prefix') },
    created: { label: m('col.created'), priority: 3 },
    lastUsed: { label: m('col.lastUsed'), priority: 2 },
    status: { label: m('col.status') },
    actions: { label: m('col.actions'), actions: true },
  });
}

export function renderKeysTable(view: KeysTableView): TemplateResult {
  const { m } = view;
  if (view.keys.length === 0) return renderEmptyState({ message: m('empty'), hint: m('emptyHint') });
  const cols = keyColumns(m);
  return html`<div part="table-wrap" ${scrollRegion(m('keys'))}>
    <table part="keys" aria-label=${m('keys')}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${view.keys.map(
        (key) => html`<tr part=${key.revokedAt ? 'key-row key-row-revoked' : 'key-row'} data-key-id=${key.id}>
          <th part="cell key-name" scope="row" ${cell(cols.name)}>${key.name}</th>
          <td part="cell key-prefix" ${cell(cols.prefix)}><code part="mono">${key.prefix}…</code></td>
          <td part="cell key-created" ${cell(cols.created)}>${view.dateTime(key.createdAt)}</td>
          <td part="cell key-last-used" ${cell(cols.lastUsed)}>${key.lastUsedAt ? view.dateTime(key.lastUsedAt) : m('never')}</td>
          <td part="cell key-status" ${cell(cols.status)}>${
            key.revokedAt
              ? html`<span part="badge status-badge status-revoked">${m('status.revoked', { date: view.dateTime(key.revokedAt) })}</span>`
              : html`<span part="badge status-badge status-active">${m('status.active')}</span>`
          }</td>
          <td part="cell key-actions" ${cell(cols.actions)}>${key.revokedAt ? nothing : renderActions(view, key)}${
            view.rowError?.id === key.id
              ? html`<p part="field-error row-error" role="alert">${view.rowError.message}</p>`
              : nothing
          }</td>
        </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

function renderActions(view: KeysTableView, key: ApiKey): TemplateResult {
  const { m } = view;
  const confirm = view.confirming?.id === key.id ? view.confirming : null;
  if (confirm) {
    const id = `key-confirm-${key.id}`;
    return html`<div part="confirm" role="alertdialog" aria-labelledby=${id}>
      <p id=${id}>${m(`confirm.${confirm.action}`, { name: key.name })}</p>
      <div part="toolbar">
        <button part="button danger confirm-yes" type="button" ?disabled=${view.busy}
          @click=${() => view.onConfirm()}>${m(confirm.action)}</button>
        <button part="button cancel" type="button" @click=${() => view.onCancel()}>${m('cancel')}</button>
      </div>
    </div>`;
  }
  const label = (action: string) => m('actionLabel', { action, name: key.name });
  return html`<div part="toolbar">
    <button part="button rotate" type="button" ?disabled=${view.busy} aria-label=${label(m('rotate'))}
      @click=${() => view.onAsk({ id: key.id, action: 'rotate' })}>${m('rotate')}</button>
    <button part="button danger revoke" type="button" ?disabled=${view.busy} aria-label=${label(m('revoke'))}
      @click=${() => view.onAsk({ id: key.id, action: 'revoke' })}>${m('revoke')}</button>
  </div>`;
}
