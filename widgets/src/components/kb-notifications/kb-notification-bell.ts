/**
 * `<kb-notification-bell>`: the bell in the portal's header. Shows how many notifications the user
 * has not read (`GET /v1/partner/notifications/unread_count`), asked for when the session arrives,
 * every 60 seconds while the tab is visible (and at once when it becomes visible again), and after
 * every move in the portal; polling stops when the element leaves the page. The button opens a
 * popover with the latest 10 (worded in the user's language); picking one marks it read and opens
 * its place in the portal; "Mark all as read"; "See all" opens the notifications page. Escape or a
 * click outside closes it, focus back on the bell.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import { KabinetElement } from '../../internal/base-element.ts';
import { apiContext, localeContext, routeContext, sessionContext } from '../../internal/contexts.ts';
import { createLocaleState, negotiateLocale, type LocaleState } from '../../internal/i18n.ts';
import { notificationsMessages, type NotificationsKey } from './kb-notifications.messages.ts';
import { bellStyles, notificationListStyles } from './kb-notifications.styles.ts';
import { renderNotificationList } from './notification-list.ts';
import { placeOf, type PartnerNotification } from './notification-words.ts';

const POPOVER_ID = 'kb-notification-popover';
/** How many the popover lists; the page has them all. */
const LATEST = 10;

/**
 * The bell. Must sit inside `<kb-portal>` (api, session and locale contexts); the portal's header has one.
 *
 * @event kb-open-section - A notification picked (`detail: { section, path }`: its place), or "See all"
 *   (`detail: { section: 'notifications' }`). `<kb-portal>` shows it.
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart notification-bell - The bell button (`aria-expanded` while the popover is open).
 * @csspart bell-icon - Its icon. @csspart notification-count - The unread badge (99+ above 99).
 * @csspart popover - The latest notifications (`popover-header` with `popover-heading` and `mark-all`;
 *   `popover-footer` with `see-all`). @csspart notification-list - The list. @csspart notification-item - One row.
 * @csspart notification - One notification's button (also `notification-unread`), with `notification-dot`,
 *   `notification-body`, `notification-text` and `notification-time`.
 * @csspart button - Any other button. @csspart empty - No notifications. @csspart status - Loading.
 * @csspart error - A failed load (with `retry`).
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Times and notes.
 * @cssproperty --kb-color-bg - The popover. @cssproperty --kb-color-surface - A hovered row.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-primary - The unread dot.
 * @cssproperty --kb-color-danger - The badge and errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Popover corners. @cssproperty --kb-radius-small - Buttons.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Padding. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbNotificationBell extends KabinetElement {
  static override styles = [notificationListStyles, bellStyles];
  static override properties: PropertyDeclarations = {
    pollMs: { type: Number, attribute: 'poll-ms' },
    count: { state: true },
    open: { state: true },
    items: { state: true },
    error: { state: true },
  };

  /** How often the count is asked for while the tab is visible (ms). */
  declare pollMs: number;
  declare private count: number | null;
  declare private open: boolean;
  declare private items: PartnerNotification[] | null;
  declare private error: string | null;

  private readonly apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly sessionConsumer = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  private readonly localeConsumer = new ContextConsumer(this, { context: localeContext, subscribe: true });
  // Every move in the portal provides a new route: the count is asked for again after navigation.
  private readonly routeConsumer = new ContextConsumer(this, {
    context: routeContext,
    subscribe: true,
    callback: () => void this.refreshCount(),
  });
  private readonly fallbackLocale: LocaleState = createLocaleState(negotiateLocale(null));
  private timer: ReturnType<typeof setInterval> | undefined;
  private askedFor: { api: ApiClient; userId: string } | null = null;
  private seq = 0;

  constructor() {
    super();
    this.pollMs = 60_000;
    this.count = null;
    this.open = false;
    this.items = null;
    this.error = null;
  }

  private get api(): ApiClient | undefined {
    return this.apiConsumer.value;
  }
  private get i18n(): LocaleState {
    return this.localeConsumer.value ?? this.fallbackLocale;
  }
  private m(key: NotificationsKey, params?: Record<string, string | number>): string {
    return notificationsMessages(this.i18n.locale, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('click', this.onDocumentClick, true);
    this.restartTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('click', this.onDocumentClick, true);
    clearInterval(this.timer);
    this.timer = undefined;
    this.seq++;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('pollMs') && this.isConnected) this.restartTimer();
    const api = this.api;
    const user = this.sessionConsumer.value?.user;
    if (!api || !user) {
      this.askedFor = null;
      this.count = null;
      this.open = false;
      return;
    }
    if (this.askedFor?.api === api && this.askedFor.userId === user.id) return;
    this.askedFor = { api, userId: user.id };
    this.items = null;
    void this.refreshCount();
  }

  private restartTimer(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refreshCount();
    }, this.pollMs);
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.refreshCount();
  };

  private readonly onDocumentClick = (event: MouseEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  /** Asks for the unread count; a failed answer keeps the last one (the bell is no place for errors). */
  private async refreshCount(): Promise<void> {
    const api = this.api;
    if (!api || !this.sessionConsumer.value?.user) return;
    const seq = ++this.seq;
    try {
      const body = await expectOk(api.client.v1.partner.notifications.unread_count.$get());
      if (seq === this.seq) this.count = body.unreadCount;
    } catch (error) {
      this.noteExpired(error);
    }
  }

  private async loadLatest(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.error = null;
    try {
      const body = await expectOk(api.client.v1.partner.notifications.$get({ query: {} }));
      this.items = body.notifications.slice(0, LATEST);
      this.count = body.unreadCount;
    } catch (error) {
      this.noteExpired(error);
      this.error = error instanceof ApiError ? error.localized(this.i18n.locale) || error.message : String(error);
    }
  }

  private noteExpired(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) this.emit('kb-session-expired', { reason: 'expired' });
  }

  private readonly toggle = (): void => {
    this.open = !this.open;
    if (this.open) void this.loadLatest();
  };

  private close(focusBell: boolean): void {
    this.open = false;
    if (focusBell) void this.updateComplete.then(() => this.bellButton?.focus());
  }

  private get bellButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part~="notification-bell"]');
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close(true);
      return;
    }
    if (!this.open || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    const rows = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="notification"]')];
    if (rows.length === 0) return;
    event.preventDefault();
    const at = rows.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % rows.length : (at <= 0 ? rows.length : at) - 1;
    rows[next]!.focus();
  };

  /** Marks it read (for this user), then opens its place; a failed mark still opens it. */
  private async openNotification(n: PartnerNotification): Promise<void> {
    const api = this.api;
    if (api && !n.read) {
      try {
        await expectOk(
          api.client.v1.partner.notifications[':notificationId'].read.$post({ param: { notificationId: n.id } }),
        );
        this.items = (this.items ?? []).map((i) => (i.id === n.id ? { ...i, read: true } : i));
        if (this.count !== null) this.count = Math.max(0, this.count - 1);
      } catch (error) {
        this.noteExpired(error);
      }
    }
    this.close(false);
    const place = placeOf(n.link);
    if (place) this.emit('kb-open-section', place);
  }

  private async markAll(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await expectOk(api.client.v1.partner.notifications.read.$post());
      this.items = (this.items ?? []).map((i) => ({ ...i, read: true }));
      this.count = 0;
    } catch (error) {
      this.noteExpired(error);
      this.error = error instanceof ApiError ? error.localized(this.i18n.locale) || error.message : String(error);
    }
  }

  private readonly seeAll = (): void => {
    this.close(false);
    this.emit('kb-open-section', { section: 'notifications' });
  };

  protected override render(): TemplateResult | typeof nothing {
    if (!this.api || !this.sessionConsumer.value?.user) return nothing;
    const count = this.count ?? 0;
    const label = count > 0 ? this.m('bellUnread', { count }) : this.m('bell');
    return html`<div @keydown=${this.onKeydown}>
      <button part="notification-bell" type="button" aria-label=${label} title=${label}
        aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${POPOVER_ID} @click=${this.toggle}>
        <svg part="bell-icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2"
          stroke-linecap="round" stroke-linejoin="round"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"></path>
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"></path></svg>
        ${count > 0 ? html`<span part="notification-count" aria-hidden="true">${count > 99 ? '99+' : count}</span>` : nothing}
      </button>
      ${this.open ? this.renderPopover() : nothing}
    </div>`;
  }

  private renderPopover(): TemplateResult {
    const unread = (this.count ?? 0) > 0 || (this.items ?? []).some((i) => !i.read);
    return html`<div part="popover" id=${POPOVER_ID} role="dialog" aria-label=${this.m('heading')}>
      <div part="popover-header">
        <h2 part="popover-heading">${this.m('heading')}</h2>
        <button part="button mark-all" type="button" ?disabled=${!unread} @click=${() => void this.markAll()}>
          ${this.m('markAll')}</button>
      </div>
      ${this.renderBody()}
      <div part="popover-footer">
        <button part="button see-all" type="button" @click=${this.seeAll}>${this.m('seeAll')}</button>
      </div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.error)
      return html`<p part="error" role="alert">${this.m('loadFailed', { error: this.error })}
        <button part="button retry" type="button" @click=${() => void this.loadLatest()}>${this.m('retry')}</button></p>`;
    if (!this.items) return html`<p part="status" role="status">${this.m('loading')}</p>`;
    if (this.items.length === 0) return html`<p part="empty">${this.m('empty')}</p>`;
    return renderNotificationList(this.i18n, this.items, (n) => void this.openNotification(n));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-notification-bell': KbNotificationBell;
  }
}
