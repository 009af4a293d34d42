/**
 * The sessions table, shared by `<kb-security>` (your sessions) and `<kb-team>` (a member's).
 * The current session gets a "This device" badge and no Terminate button: signing out is the
 * portal's own action, not something to do by accident from a list. Responsive as every list
 * table (responsive-table.ts): at a phone's width each session is a card.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../i18n.ts';
import type { CommonKey } from './account-section.messages.ts';
import type { SessionInfo } from './account-types.ts';
import { cell, columns, headerCells, scrollRegion } from '../responsive-table.ts';
import { renderEmptyState } from '../empty-state.ts';

export interface SessionsTableText {
  tc(key: CommonKey, params?: MessageParams): string;
  dateTime(value: string): string;
}

export interface SessionsTableOptions {
  /** Accessible name of the table. */
  label: string;
  isBusy(sessionId: string): boolean;
  onTerminate(session: SessionInfo): void;
}

export function renderSessionsTable(
  text: SessionsTableText,
  sessions: SessionInfo[],
  options: SessionsTableOptions,
): TemplateResult {
  if (sessions.length === 0) return renderEmptyState({ message: text.tc('sessions.empty') });
  const cols = columns({
    device: { label: text.tc('sessions.device'), primary: true },
    ip: { label: text.tc('sessions.ip'), priority: 2 },
    created: { label: text.tc('sessions.created'), priority: 3 },
    lastSeen: { label: text.tc('sessions.lastSeen') },
    actions: { label: text.tc('sessions.actions'), actions: true, hiddenHeader: true },
  });
  return html`<div part="table-wrap" ${scrollRegion(options.label)}>
    <table part="sessions" aria-label=${options.label}>
      <thead>
        <tr part="sessions-header-row">${headerCells(cols)}</tr>
      </thead>
      <tbody>
        ${sessions.map(
          (
            session,
          ) => html`<tr part=${session.current ? 'session-row session-row-current' : 'session-row'} data-session-id=${session.id}>
          <th part="cell session-device" scope="row" ${cell(cols.device)}>
            ${deviceName(text, session)}${session.kind === 'embed' ? html` <span part="session-kind">(${text.tc('sessions.embedded')})</span>` : nothing}
            ${session.current ? html`<span part="badge current-badge">${text.tc('sessions.current')}</span>` : nothing}
          </th>
          <td part="cell session-ip" ${cell(cols.ip)}><code>${session.ip ?? text.tc('none')}</code></td>
          <td part="cell session-created" ${cell(cols.created)}>${text.dateTime(session.createdAt)}</td>
          <td part="cell session-last-seen" ${cell(cols.lastSeen)}>${text.dateTime(session.lastSeenAt)}</td>
          <td part="cell session-actions" ${cell(cols.actions)}>
            ${
              session.current
                ? nothing
                : html`<button part="button danger terminate" type="button"
              aria-label=${text.tc('sessions.terminateLabel', { device: deviceName(text, session) })}
              ?disabled=${options.isBusy(session.id)} @click=${() => options.onTerminate(session)}>${text.tc('sessions.terminate')}</button>`
            }
          </td>
        </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** "Chrome 124 on macOS (phone)" in the partner's language, from the parts the server sends. */
export function deviceName(text: Pick<SessionsTableText, 'tc'>, session: SessionInfo): string {
  const { browser, os, deviceType } = session;
  const name =
    browser && os
      ? text.tc('sessions.browserOnOs', { browser, os })
      : (browser ?? os ?? text.tc('sessions.unknownDevice'));
  return deviceType ? `${name} (${text.tc(deviceType === 'mobile' ? 'sessions.mobile' : 'sessions.tablet')})` : name;
}
