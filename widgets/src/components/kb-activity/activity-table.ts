/**
 * The events table of `<kb-activity>`: time, event, who did it, whose account, IP and details, all as
 * text. Responsive (responsive-table.ts): the event titles its card; account and IP hide first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import type { ActivityEntry } from '../../internal/account/account-types.ts';
import { activityLabel, type ActivityKey } from './kb-activity.messages.ts';
import { activitySentences } from './activity-detail.ts';
import { breakable, cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

export interface ActivityTableText {
  locale: Locale;
  m(key: ActivityKey, params?: MessageParams): string;
  tc(key: CommonKey, params?: MessageParams): string;
  dateTime(value: string): string;
}

export function renderActivityTable(text: ActivityTableText, events: ActivityEntry[]): TemplateResult {
  const { m } = text;
  const cols = columns({
    time: { label: m('col.time') },
    event: { label: m('col.event'), primary: true },
    actor: { label: m('col.actor'), priority: 2 },
    subject: { label: m('col.subject'), priority: 3 },
    ip: { label: m('col.ip'), priority: 3 },
    detail: { label: m('col.detail') },
  });
  return html`<div part="table-wrap" ${scrollRegion(m('results'))}>
    <table part="activity" aria-labelledby="events-results-heading">
      <thead>
        <tr part="events-header-row">${headerCells(cols)}</tr>
      </thead>
      <tbody>
        ${events.map(
          (event) => html`<tr part="event-row" data-event-id=${event.id} data-event-type=${event.type}>
          <td part="cell event-time" ${cell(cols.time)}><time datetime=${event.createdAt}>${text.dateTime(event.createdAt)}</time></td>
          <th part="cell event-type" scope="row" ${cell(cols.event)}>${activityLabel(text.locale, event)}</th>
          <td part="cell event-actor" ${cell(cols.actor)}>${breakable(actorOf(text, event))}</td>
          <td part="cell event-subject" ${cell(cols.subject)}>${breakable(event.subject.email ?? event.subject.id ?? text.tc('none'))}</td>
          <td part="cell event-ip" ${cell(cols.ip)}>${event.ip ? html`<code>${event.ip}</code>` : text.tc('none')}</td>
          <td part="cell event-detail" ${cell(cols.detail)}>${renderDetail(text, event)}</td>
        </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function actorOf(text: ActivityTableText, event: ActivityEntry): string {
  switch (event.actor.kind) {
    case 'operator':
      return text.m('actor.operator');
    case 'system':
      return text.m('actor.system');
    default:
      return event.actor.email ?? event.actor.id ?? text.tc('none');
  }
}

/** The event's details as sentences in the partner's language (activity-detail.ts); never `key: value`. */
function renderDetail(text: ActivityTableText, event: ActivityEntry): TemplateResult | typeof nothing {
  const sentences = activitySentences(text, event);
  if (sentences.length === 0) return nothing;
  return html`<ul part="detail-list">${sentences.map((line) => html`<li part="detail-item">${line}</li>`)}</ul>`;
}
