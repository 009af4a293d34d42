/**
 * `<kb-notifications>`: every notification of the signed-in user, newest first (`GET
 * /v1/partner/notifications`, 20 a page, "Show older" for the next), the account page
 * `#/notifications`. Unread ones stand out; picking one marks it read and opens its place;
 * "Mark all as read" marks them all for this user (teammates keep their own).
 */
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { notificationsMessages, type NotificationsKey } from './kb-notifications.messages.ts';
import { notificationListStyles, pageStyles } from './kb-notifications.styles.ts';
import { renderNotificationList } from './notification-list.ts';
import { placeOf, type PartnerNotification } from './notification-words.ts';

/**
 * The page. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-open-section - A notification picked (`detail: { section, path }`: its place). `<kb-portal>` shows it.
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The heading. @csspart toolbar - The unread count and `mark-all`. @csspart count - The unread count.
 * @csspart notification-list - The list. @csspart notification-item - One row.
 * @csspart notification - One notification's button (also `notification-unread`), with `notification-dot`,
 *   `notification-body`, `notification-text` and `notification-time`.
 * @csspart more - "Show older". @csspart button - Any button. @csspart empty - No notifications (with `empty-hint`).
 * @csspart status - Loading. @csspart error - A failed call (with `retry`).
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Times and counts.
 * @cssproperty --kb-color-bg - The list. @cssproperty --kb-color-surface - A hovered row.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-primary - The unread dot.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - List corners. @cssproperty --kb-radius-small - Buttons.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Padding. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbNotifications extends AccountSection {
  static override styles = [notificationListStyles, pageStyles];
  static override properties: PropertyDeclarations = {
    ...AccountSection.properties,
    items: { state: true },
    nextCursor: { state: true },
    unreadCount: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare private items: PartnerNotification[] | null;
  declare private nextCursor: string | null;
  declare private unreadCount: number;
  declare private error: string | null;
  declare private busy: boolean;

  constructor() {
    super();
    this.items = null;
    this.nextCursor = null;
    this.unreadCount = 0;
    this.error = null;
    this.busy = false;
  }

  private m(key: NotificationsKey, params?: Record<string, string | number>): string {
    return notificationsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.error = null;
    this.items = null;
    await this.fetchPage(api, undefined);
  }

  private async fetchPage(api: ApiClient, cursor: string | undefined): Promise<void> {
    this.busy = true;
    try {
      const body = await expectOk(api.client.v1.partner.notifications.$get({ query: cursor ? { cursor } : {} }));
      this.items = cursor ? [...(this.items ?? []), ...body.notifications] : body.notifications;
      this.nextCursor = body.nextCursor;
      this.unreadCount = body.unreadCount;
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async open(n: PartnerNotification): Promise<void> {
    const api = this.api;
    if (api && !n.read) {
      try {
        await expectOk(
          api.client.v1.partner.notifications[':notificationId'].read.$post({ param: { notificationId: n.id } }),
        );
        this.items = (this.items ?? []).map((i) => (i.id === n.id ? { ...i, read: true } : i));
        this.unreadCount = Math.max(0, this.unreadCount - 1);
      } catch (error) {
        this.error = this.errorMessage(error);
        return;
      }
    }
    const place = placeOf(n.link);
    if (place) this.emit('kb-open-section', place);
  }

  private async markAll(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    try {
      await expectOk(api.client.v1.partner.notifications.read.$post());
      this.items = (this.items ?? []).map((i) => ({ ...i, read: true }));
      this.unreadCount = 0;
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    return html`<h2 part="heading">${this.m('heading')}</h2>
      ${
        this.error
          ? html`<p part="error" role="alert">${this.error}
        <button part="button retry" type="button" @click=${() => this.api && void this.load(this.api)}>${this.m('retry')}</button></p>`
          : ''
      }
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult | string {
    if (!this.items) return this.error ? '' : html`<p part="status" role="status">${this.m('loading')}</p>`;
    if (this.items.length === 0)
      return html`<div part="empty"><p>${this.m('empty')}</p><p part="empty-hint">${this.m('emptyHint')}</p></div>`;
    return html`<div part="toolbar">
        <span part="count" role="status">${
          this.unreadCount > 0 ? this.m('unreadCount', { count: this.unreadCount }) : this.m('allRead')
        }</span>
        <button part="button mark-all" type="button" ?disabled=${this.busy || this.unreadCount === 0}
          @click=${() => void this.markAll()}>${this.m('markAll')}</button>
      </div>
      ${renderNotificationList(this.i18n, this.items, (n) => void this.open(n))}
      ${
        this.nextCursor
          ? html`<button part="button more" type="button" ?disabled=${this.busy}
              @click=${() => this.api && void this.fetchPage(this.api, this.nextCursor ?? undefined)}>${this.m('more')}</button>`
          : ''
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-notifications': KbNotifications;
  }
}
