/**
 * The members table of `<kb-team>`: one row per member with its controls, and a row below it with
 * the member's sessions when expanded. Controls on your own row and on the owner's are disabled:
 * you manage yourself in Profile and Security, and nobody manages the owner from here.
 */
import { renderEmptyState } from '../../internal/empty-state.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageParams } from '../../internal/i18n.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import {
  ASSIGNABLE_ROLES,
  type Member,
  type SessionInfo,
  type UserRole,
} from '../../internal/account/account-types.ts';
import { renderSessionsTable } from '../../internal/account/sessions-table.ts';
import { breakable, cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { TeamKey } from './kb-team.messages.ts';

/** A member's sessions while expanded: the list, `'loading'`, or an error message. */
export type MemberSessions = SessionInfo[] | 'loading' | { error: string };

export interface MembersTableView {
  members: Member[];
  selfId: string | null;
  m(key: TeamKey, params?: MessageParams): string;
  tc(key: CommonKey, params?: MessageParams): string;
  dateTime(value: string): string;
  isBusy(id: string): boolean;
  /** The role picked in a row's select while its PATCH runs. */
  pendingRole(id: string): UserRole | undefined;
  sessionsOf(id: string): MemberSessions | undefined;
  onRole(member: Member, role: UserRole): void;
  onBlock(member: Member): void;
  onUnlock(member: Member): void;
  onToggleSessions(member: Member): void;
  onExpireToken(member: Member): void;
  onTerminate(member: Member, session: SessionInfo): void;
}

/** The members table's columns: e-mail titles a member's card; dates and flags hide first as the table narrows. */
function memberColumns(m: MembersTableView['m']) {
  return columns({
    email: { label: m('col.email'), primary: true },
    name: { label: m('col.name'), priority: 2 },
    role: { label: m('col.role') },
    created: { label: m('col.created'), priority: 4 },
    lastSignIn: { label: m('col.lastSignIn'), priority: 2 },
    twoFactor: { label: m('col.twoFactor'), priority: 3 },
    // A blocked member's row is dimmed and offers Unblock: the column is the first to go.
    blocked: { label: m('col.blocked'), priority: 4 },
    locked: { label: m('col.locked'), priority: 3 },
    actions: { label: m('col.actions'), actions: true },
  });
}
type MemberColumns = ReturnType<typeof memberColumns>;

export function renderMembersTable(view: MembersTableView): TemplateResult {
  if (view.members.length === 0) return renderEmptyState({ message: view.m('empty') });
  const cols = memberColumns(view.m);
  return html`<div part="table-wrap" ${scrollRegion(view.m('members'))}>
    <table part="members" aria-labelledby="team-members-heading">
      <thead>
        <tr part="members-header-row">${headerCells(cols)}</tr>
      </thead>
      <tbody>${view.members.map((member) => renderMember(view, cols, member))}</tbody>
    </table>
  </div>`;
}

function renderMember(view: MembersTableView, cols: MemberColumns, member: Member): TemplateResult {
  const { m, tc } = view;
  const self = member.id === view.selfId;
  const locked = self || member.role === 'owner';
  const disabled = locked || view.isBusy(member.id);
  const sessions = view.sessionsOf(member.id);
  const sessionsId = `team-sessions-${member.id}`;
  const roles: readonly UserRole[] = (ASSIGNABLE_ROLES as readonly UserRole[]).includes(member.role)
    ? ASSIGNABLE_ROLES
    : [member.role, ...ASSIGNABLE_ROLES];
  const picked = view.pendingRole(member.id) ?? member.role;
  const label = (action: string) => m('actionLabel', { action, email: member.email });
  // Why the controls are disabled, for screen readers (a disabled button has no tooltip on touch).
  const describedBy = locked ? 'team-self-or-owner' : nothing;
  return html`<tr part=${member.blocked ? 'member-row member-row-blocked' : 'member-row'} data-member-id=${member.id}>
      <th part="cell member-email" scope="row" ${cell(cols.email)}>${breakable(member.email)}${self ? html` <span part="badge self-badge">${m('you')}</span>` : nothing}</th>
      <td part="cell member-name" ${cell(cols.name)}>${member.name}</td>
      <td part="cell member-role" ${cell(cols.role)}>
        <label class="visually-hidden" for=${`team-role-${member.id}`}>${m('roleOf', { email: member.email })}</label>
        <select part="input role-select" id=${`team-role-${member.id}`} ?disabled=${disabled} aria-describedby=${describedBy}
          @change=${(e: Event) => view.onRole(member, (e.target as HTMLSelectElement).value as UserRole)}>
          ${roles.map((role) => html`<option value=${role} .selected=${live(role === picked)}>${tc(`role.${role}`)}</option>`)}
        </select>
      </td>
      <td part="cell member-created" ${cell(cols.created)}>${view.dateTime(member.createdAt)}</td>
      <td part="cell member-last-sign-in" ${cell(cols.lastSignIn)}>${member.lastSignInAt ? view.dateTime(member.lastSignInAt) : html`<span part="badge invited-badge">${m('invited')}</span>`}</td>
      <td part="cell member-2fa" ${cell(cols.twoFactor)}>${member.twoFactorEnabled ? m('on') : m('off')}</td>
      <td part="cell member-blocked" ${cell(cols.blocked)}>${member.blocked ? html`<span part="badge flag-badge">${m('yes')}</span>` : m('no')}</td>
      <td part="cell member-locked" ${cell(cols.locked)}>${member.locked ? html`<span part="badge flag-badge">${m('yes')}</span>` : m('no')}</td>
      <td part="cell member-actions" ${cell(cols.actions)}>
        <div part="toolbar">
          <button part=${member.blocked ? 'button unblock' : 'button danger block'} type="button" ?disabled=${disabled} aria-describedby=${describedBy}
            aria-label=${label(member.blocked ? m('unblock') : m('block'))} @click=${() => view.onBlock(member)}>${member.blocked ? m('unblock') : m('block')}</button>
          ${
            member.locked
              ? html`<button part="button unlock" type="button" ?disabled=${disabled} aria-describedby=${describedBy}
            aria-label=${label(m('unlock'))} @click=${() => view.onUnlock(member)}>${m('unlock')}</button>`
              : nothing
          }
          <button part="button sessions-toggle" type="button" ?disabled=${locked} aria-describedby=${describedBy}
            aria-expanded=${sessions ? 'true' : 'false'} aria-controls=${sessions ? sessionsId : nothing}
            aria-label=${label(m('sessions'))} @click=${() => view.onToggleSessions(member)}>${m('sessions')}</button>
          <button part="button expire-token" type="button" ?disabled=${disabled} aria-describedby=${describedBy}
            aria-label=${label(m('expireToken'))} @click=${() => view.onExpireToken(member)}>${m('expireToken')}</button>
        </div>
      </td>
    </tr>
    ${
      sessions
        ? html`<tr part="member-sessions-row" id=${sessionsId}>
      <td part="cell member-sessions" colspan=${cols.list.length}>${renderMemberSessions(view, member, sessions)}</td>
    </tr>`
        : nothing
    }`;
}

function renderMemberSessions(view: MembersTableView, member: Member, sessions: MemberSessions): TemplateResult {
  if (sessions === 'loading') return html`<p part="status" role="status" aria-busy="true">${view.tc('loading')}</p>`;
  if (!Array.isArray(sessions)) return html`<p part="error" role="alert">${sessions.error}</p>`;
  return renderSessionsTable(view, sessions, {
    label: view.m('sessionsOf', { email: member.email }),
    isBusy: (id) => view.isBusy(id),
    onTerminate: (session) => view.onTerminate(member, session),
  });
}
