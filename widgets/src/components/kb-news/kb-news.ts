/**
 * `<kb-news>`: the program's news for partners. The list (banner, title, date, excerpt, an unread
 * marker, "Show more"), "Mark all as read", older news by pages, and one article's page at
 * `#/news/<id>` (where the publish e-mail and the notification link): opening it marks it read.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { SectionAddress } from '../../internal/router.ts';
import { newsMessages, type NewsKey } from './kb-news.messages.ts';
import { newsStyles } from './kb-news.styles.ts';

type ListCall = KabinetClient['v1']['partner']['news']['$get'];
type ArticleCall = KabinetClient['v1']['partner']['news'][':articleId']['$get'];
export type NewsList = SuccessBody<Awaited<ReturnType<ListCall>>>;
export type NewsItem = NewsList['data'][number];
export type NewsArticle = SuccessBody<Awaited<ReturnType<ArticleCall>>>;

/** Articles per page of the list. */
export const NEWS_PAGE_SIZE = 10;

const hrefOf = (id: string | null) => (id ? `#/news/${encodeURIComponent(id)}` : '#/news');
const isWebUrl = (url: string | null): url is string => Boolean(url && /^https?:\/\//.test(url));

/**
 * The program's news. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The section heading. @csspart toolbar - The unread count and "Mark all as read".
 * @csspart unread-count - "2 unread" / "All read". @csspart success - What changed, announced.
 * @csspart items - The list. @csspart item - One article (also `item-unread`; `data-article-id`).
 * @csspart banner - A banner image (list and page). @csspart item-body - The text beside the banner.
 * @csspart item-title - An article's title. @csspart title-link - Its link to the page.
 * @csspart unread-dot - The unread marker (with visually hidden "Unread"). @csspart meta - Date and brand.
 * @csspart excerpt - The excerpt. @csspart show-more - "Show more", to the article's page.
 * @csspart more - "Older news" and the count shown. @csspart empty - No news (with `empty-message`, `empty-hint`).
 * @csspart article - One article's page (`data-article-id`). @csspart back-link - Back to the list.
 * @csspart article-title - Its title. @csspart body - The article's text (rendered Markdown).
 * @csspart button - Any button (also `mark-all-read`, `older`, `retry`). @csspart status - Waiting and loading notes.
 * @csspart error - An error. @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Dates, hints.
 * @cssproperty --kb-color-border - Card borders, rules, table lines. @cssproperty --kb-color-surface - Cards, code and quotes.
 * @cssproperty --kb-color-primary - The unread marker, buttons. @cssproperty --kb-color-on-primary - Button text.
 * @cssproperty --kb-color-link - Links. @cssproperty --kb-radius - Card corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbNews extends AccountSection {
  static override styles = [accountSectionStyles, newsStyles];
  static override properties = {
    ...AccountSection.properties,
    articleId: { attribute: 'article-id' },
    list: { state: true },
    page: { state: true },
    busy: { state: true },
    loadError: { state: true },
    notice: { state: true },
  };

  /** The article whose page is shown (null: the list); inside a portal the address sets it. */
  declare articleId: string | null;
  declare private list: NewsList | null;
  /** The shown article, 'missing' (404), or null while loading. */
  declare private page: NewsArticle | 'missing' | null;
  declare private busy: boolean;
  declare private loadError: string | null;
  declare private notice: string | null;
  private loadedId: string | null | undefined = undefined;
  private focusNext: string | null = null;

  private readonly address = new SectionAddress(this, (path) => {
    this.articleId = path[0] ?? null;
  });

  constructor() {
    super();
    this.articleId = null;
    this.list = null;
    this.page = null;
    this.busy = false;
    this.loadError = null;
    this.notice = null;
  }

  private m(key: NewsKey, params?: MessageParams): string {
    return newsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.loadedId = this.articleId;
    await this.fetchShown(api);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (changed.has('articleId') && this.loadedId !== undefined && this.loadedId !== this.articleId && api) {
      this.loadedId = this.articleId;
      this.notice = null;
      void this.fetchShown(api);
    }
  }

  /** Loads what is shown: one article (marked read once shown), or the list's first page. */
  private async fetchShown(api: ApiClient): Promise<void> {
    const id = this.articleId;
    this.loadError = null;
    try {
      if (id) {
        this.page = null;
        const param = { articleId: id };
        const article = await expectOk(api.client.v1.partner.news[':articleId'].$get({ param }));
        if (this.articleId !== id) return;
        this.page = article;
        if (!article.read) {
          await expectOk(api.client.v1.partner.news[':articleId'].read.$post({ param }));
          this.markShownRead([id]);
        }
      } else {
        this.list = null;
        this.list = await expectOk(api.client.v1.partner.news.$get({ query: { limit: String(NEWS_PAGE_SIZE) } }));
      }
    } catch (error) {
      if (id && error instanceof ApiError && error.status === 404) this.page = 'missing';
      else this.loadError = this.errorMessage(error);
    }
    if (this.focusNext) this.focusAfterRender(this.focusNext);
    this.focusNext = null;
  }

  /** The next page of older news, added under the shown ones. */
  private async showOlder(): Promise<void> {
    const api = this.api;
    const list = this.list;
    if (!api || !list || this.busy) return;
    this.busy = true;
    try {
      const query = { limit: String(NEWS_PAGE_SIZE), offset: String(list.data.length) };
      const next = await expectOk(api.client.v1.partner.news.$get({ query }));
      const shown = new Set(list.data.map((n) => n.id));
      this.list = { ...next, data: [...list.data, ...next.data.filter((n) => !shown.has(n.id))] };
      this.focusAfterRender(`[data-article-id="${next.data[0]?.id ?? ''}"] [part~="title-link"]`);
    } catch (error) {
      this.notice = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async markAllRead(): Promise<void> {
    const api = this.api;
    if (!api || this.busy) return;
    this.busy = true;
    try {
      await expectOk(api.client.v1.partner.news.read.$post());
      this.markShownRead(null);
      this.notice = this.m('markedAllRead');
    } catch (error) {
      this.notice = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** Marks shown articles read (`ids` null: every one) and keeps the unread count in step. */
  private markShownRead(ids: string[] | null): void {
    if (this.page && this.page !== 'missing' && (!ids || ids.includes(this.page.id)))
      this.page = { ...this.page, read: true };
    const list = this.list;
    if (!list) return;
    const newlyRead = list.data.filter((n) => !n.read && (!ids || ids.includes(n.id))).length;
    this.list = {
      ...list,
      data: list.data.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)),
      unreadCount: ids ? Math.max(0, list.unreadCount - newlyRead) : 0,
    };
  }

  /** A link to an article's page or the list: the portal's address when inside one, else in place. */
  private open(event: Event, id: string | null): void {
    event.preventDefault();
    this.focusNext = id ? '#article-title' : '#news-heading';
    if (!this.address.go(id ? [id] : [])) this.articleId = id;
  }

  private date(value: string): string {
    return this.i18n.formatDate(value, { dateStyle: 'long' });
  }

  protected override render(): TemplateResult {
    const heading = html`<h2 part="heading" id="news-heading" tabindex="-1">${this.m('heading')}</h2>`;
    if (!this.ready) return html`${heading}${this.renderWaiting()}`;
    if (this.loadError) return html`${heading}${this.renderLoadError(this.loadError)}`;
    if (this.articleId) return this.renderArticle();
    const list = this.list;
    if (!list) return html`${heading}${this.renderLoading()}`;
    return html`${heading}
      ${list.total > 0 ? this.renderToolbar(list) : nothing}
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${
        list.data.length
          ? html`<ul part="items" role="list">${list.data.map((item) => this.renderItem(item))}</ul>`
          : renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') })
      }
      ${list.data.length < list.total ? this.renderOlder(list) : nothing}`;
  }

  private renderToolbar(list: NewsList): TemplateResult {
    return html`<div part="toolbar">
      <span part="unread-count">${
        list.unreadCount ? this.m('unreadCount', { count: list.unreadCount }) : this.m('allRead')
      }</span>
      ${
        list.unreadCount
          ? html`<button part="button mark-all-read" type="button" ?disabled=${this.busy}
              @click=${() => this.markAllRead()}>${this.m('markAllRead')}</button>`
          : nothing
      }
    </div>`;
  }

  private renderItem(item: NewsItem): TemplateResult {
    const open = (e: Event) => this.open(e, item.id);
    return html`<li part=${item.read ? 'item' : 'item item-unread'} data-article-id=${item.id}>
      ${
        isWebUrl(item.bannerUrl)
          ? html`<img part="banner" src=${item.bannerUrl} alt="" loading="lazy" decoding="async" />`
          : nothing
      }
      <div part="item-body">
        <h3 part="item-title">
          ${
            item.read
              ? nothing
              : html`<span part="unread-dot" aria-hidden="true"></span><span class="visually-hidden">${this.m('unread')}: </span>`
          }<a part="title-link" href=${hrefOf(item.id)} @click=${open}>${item.title}</a>
        </h3>
        ${this.renderMeta(item)}
        <p part="excerpt">${item.excerpt}</p>
        <a part="show-more" href=${hrefOf(item.id)} @click=${open}
          aria-label=${this.m('showMoreAbout', { title: item.title })}>${this.m('showMore')}</a>
      </div>
    </li>`;
  }

  private renderMeta(item: NewsItem): TemplateResult {
    return html`<p part="meta">
      <time datetime=${item.publishedAt}>${this.date(item.publishedAt)}</time>
      ${item.brand ? html`<span>· ${this.m('forBrand', { brand: item.brand.name })}</span>` : nothing}
    </p>`;
  }

  private renderOlder(list: NewsList): TemplateResult {
    return html`<div part="more">
      <button part="button older" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => this.showOlder()}>${this.busy ? this.m('loadingOlder') : this.m('older')}</button>
      <span>${this.m('shownOf', { shown: list.data.length, total: list.total })}</span>
    </div>`;
  }

  private renderArticle(): TemplateResult {
    const back = html`<p><a part="back-link" href=${hrefOf(null)} @click=${(e: Event) => this.open(e, null)}>← ${this.m('back')}</a></p>`;
    const page = this.page;
    if (!page) return html`${back}${this.renderLoading()}`;
    if (page === 'missing') return html`${back}<p part="error" role="alert">${this.m('missing')}</p>`;
    return html`${back}
      <article part="article" data-article-id=${page.id} aria-labelledby="article-title">
        <h2 part="heading article-title" id="article-title" tabindex="-1">${page.title}</h2>
        ${this.renderMeta(page)}
        ${isWebUrl(page.bannerUrl) ? html`<img part="banner" src=${page.bannerUrl} alt="" decoding="async" />` : nothing}
        <div part="body">${
          // unsafeHTML only because `html` comes from the server's renderMarkdown (core/lib/markdown.ts):
          // raw HTML in the source is escaped there and links/images are limited to http(s)/mailto.
          unsafeHTML(page.html)
        }</div>
      </article>`;
  }
}
