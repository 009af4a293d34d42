/** One list of notifications, shared by the bell's popover and the page: newest first, unread marked. */
import { html, type TemplateResult } from 'lit';
import type { LocaleState } from '../../internal/i18n.ts';
import { notificationsMessages as m } from './kb-notifications.messages.ts';
import { describeNotification, type PartnerNotification } from './notification-words.ts';

export function renderNotificationList(
  i18n: LocaleState,
  items: readonly PartnerNotification[],
  open: (n: PartnerNotification) => void,
): TemplateResult {
  return html`<ul part="notification-list">
    ${items.map((n) => {
      const text = describeNotification(i18n.locale, n);
      const when = i18n.formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
      return html`<li part="notification-item">
        <button part=${n.read ? 'notification' : 'notification notification-unread'} type="button" data-notification=${n.id}
          data-kind=${n.kind} @click=${() => open(n)}>
          <span part="notification-dot" aria-hidden="true"></span>
          <span part="notification-body">
            <span part="notification-text">${text}</span>
            <span part="notification-time"><time datetime=${n.createdAt}>${when}</time>${
              n.read ? '' : html`<span part="visually-hidden"> · ${m(i18n.locale, 'unread')}</span>`
            }</span>
          </span>
        </button>
      </li>`;
    })}
  </ul>`;
}
