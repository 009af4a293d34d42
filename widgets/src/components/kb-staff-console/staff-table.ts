/**
 * The staff table of `<kb-staff-console>`: one row per staff user with the role select and the
 * owner's actions. Deactivation, reactivation and the reset of two-factor ask first, in the row.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageParams } from '../../internal/i18n.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { breakable, cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { StaffConsoleKey } from './kb-staff-console.messages.ts';
import { STAFF_ROLES, type StaffConfirm, type StaffRole, type StaffUser } from './staff-types.ts';

export interface StaffTableView {
  staff: StaffUser[];
  /** The signed-in staff user's id (their row says "you"), or null for a secret key. */
  selfId: string | null;
  confirming: StaffConfirm | null;
  /** A refused change, shown in its row. */
  rowError: { id: string; message: string } | null;
  m(key: StaffConsoleKey, params?: MessageParams): string;
  dateTime(value: string): string;
  isBusy(id: string): boolean;
  onRole(user: StaffUser, role: StaffRole): void;
  onAsk(confirm: StaffConfirm): void;
  onConfirm(): void;
  onCancel(): void;
  onUnlock(user: StaffUser): void;
}

function staffColumns(m: StaffTableView['m']) {
  return columns({
    name: { label: m('col.name'), primary: true },
    email: { label: m('col.email'), priority: 2 },
    role: { label: m('col.role') },
    twoFactor: { label: m('col.twoFactor'), priority: 3 },
    locked: { label: m('col.locked'), priority: 3 },
    status: { label: m('col.status') },
    added: { label: m('col.added'), priority: 4 },
    actions: { label: m('col.actions'), actions: true },
  });
}
type StaffColumns = ReturnType<typeof staffColumns>;

export function renderStaffTable(view: StaffTableView): TemplateResult {
  if (view.staff.length === 0) return renderEmptyState({ message: view.m('empty') });
  const cols = staffColumns(view.m);
  return html`<div part="table-wrap" ${scrollRegion(view.m('members'))}>
    <table part="staff" aria-label=${view.m('members')}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${view.staff.map((user) => renderRow(view, cols, user))}</tbody>
    </table>
  </div>`;
}

const statusOf = (user: StaffUser) => (user.disabledAt ? 'deactivated' : user.passwordSet ? 'active' : 'invited');

function renderRow(view: StaffTableView, cols: StaffColumns, user: StaffUser): TemplateResult {
  const { m } = view;
  const busy = view.isBusy(user.id);
  const status = statusOf(user);
  const label = (action: string) => m('actionLabel', { action, name: user.name });
  const error = view.rowError?.id === user.id ? view.rowError.message : null;
  return html`<tr part=${`staff-row staff-row-${status}`} data-staff-id=${user.id}>
    <th part="cell staff-name" scope="row" ${cell(cols.name)}>${user.name}${
      user.id === view.selfId ? html` <span part="badge self-badge">${m('you')}</span>` : nothing
    }</th>
    <td part="cell staff-email" ${cell(cols.email)}>${breakable(user.email)}</td>
    <td part="cell staff-role" ${cell(cols.role)}>
      <label class="visually-hidden" for=${`staff-role-${user.id}`}>${m('roleOf', { name: user.name })}</label>
      <select part="input role-select" id=${`staff-role-${user.id}`} ?disabled=${busy}
        @change=${(e: Event) => view.onRole(user, (e.target as HTMLSelectElement).value as StaffRole)}>
        ${STAFF_ROLES.map((role) => html`<option value=${role} .selected=${live(role === user.role)}>${m(`role.${role}`)}</option>`)}
      </select>
    </td>
    <td part="cell staff-two-factor" ${cell(cols.twoFactor)}>${user.twoFactor === 'on' ? m('on') : m('off')}</td>
    <td part="cell staff-locked" ${cell(cols.locked)}>${
      user.locked ? html`<span part="badge flag-badge">${m('yes')}</span>` : m('no')
    }</td>
    <td part="cell staff-status" ${cell(cols.status)}><span part=${`badge status-badge status-${status}`}>${m(`status.${status}`)}</span></td>
    <td part="cell staff-added" ${cell(cols.added)}>${view.dateTime(user.createdAt)}</td>
    <td part="cell staff-actions" ${cell(cols.actions)}>
      ${view.confirming?.id === user.id ? renderConfirm(view, user, view.confirming) : renderActions(view, user, busy, label)}
      ${error ? html`<p part="field-error row-error" role="alert">${error}</p>` : nothing}
    </td>
  </tr>`;
}

function renderActions(
  view: StaffTableView,
  user: StaffUser,
  busy: boolean,
  label: (action: string) => string,
): TemplateResult {
  const { m } = view;
  const active = !user.disabledAt;
  const action = active ? 'deactivate' : 'reactivate';
  return html`<div part="toolbar">
    <button part=${active ? 'button danger deactivate' : 'button reactivate'} type="button" ?disabled=${busy}
      aria-label=${label(m(action))} @click=${() => view.onAsk({ id: user.id, action })}>${m(action)}</button>
    ${
      user.locked
        ? html`<button part="button unlock" type="button" ?disabled=${busy} aria-label=${label(m('unlock'))}
          @click=${() => view.onUnlock(user)}>${m('unlock')}</button>`
        : nothing
    }
    ${
      user.twoFactor === 'on'
        ? html`<button part="button reset-two-factor" type="button" ?disabled=${busy} aria-label=${label(m('resetTwoFactor'))}
          @click=${() => view.onAsk({ id: user.id, action: 'resetTwoFactor' })}>${m('resetTwoFactor')}</button>`
        : nothing
    }
  </div>`;
}

function renderConfirm(view: StaffTableView, user: StaffUser, confirm: StaffConfirm): TemplateResult {
  const { m } = view;
  const id = `staff-confirm-${user.id}`;
  const role = confirm.action === 'demoteSelf' ? m(`role.${confirm.role}`) : '';
  // Deactivating or resetting yourself ends your own session too: say so.
  const selfNote = user.id === view.selfId && confirm.action !== 'demoteSelf' && confirm.action !== 'reactivate';
  return html`<div part="confirm" role="alertdialog" aria-labelledby=${id}>
    <p id=${id}>${m(`confirm.${confirm.action}`, { name: user.name, role })}${selfNote ? ` ${m('confirm.selfNote')}` : ''}</p>
    <div part="toolbar">
      <button part=${confirm.action === 'reactivate' ? 'button primary confirm-yes' : 'button danger confirm-yes'} type="button"
        ?disabled=${view.isBusy(user.id)} @click=${() => view.onConfirm()}>${m(confirm.action)}</button>
      <button part="button cancel" type="button" @click=${() => view.onCancel()}>${m('cancel')}</button>
    </div>
  </div>`;
}
