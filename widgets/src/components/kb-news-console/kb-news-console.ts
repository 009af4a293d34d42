/**
 * `<kb-news-console>`: the operator's news. The articles with their status, a form to write or
 * edit one (Markdown with a preview rendered by the server, a banner upload with the image shown),
 * publish, unpublish and delete (after a confirmation).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { newsConsoleMessages, type NewsConsoleKey } from './kb-news-console.messages.ts';
import { newsConsoleStyles } from './kb-news-console.styles.ts';
import { readEditor, renderEditor, type ConsoleArticle } from './news-editor.ts';

/** The form: closed (null), a new article ('new'), or the article with this id. */
type Editing = null | 'new' | string;

/**
 * The operator's news articles. Attributes: `api-base` (the operator backend's prefix that forwards
 * to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, status, notice, error, empty, empty-message, empty-hint, button, primary - The panel and its states.
 * @csspart table-wrap, articles, header-row, header-cell, article-row, cell, article-title, brand, state-badge,
 *   state-draft, state-published, item-actions - The list (`data-article-id` on a row).
 * @csspart new, edit, publish, unpublish, delete, confirm, confirm-delete, cancel - Buttons and the delete confirmation.
 * @csspart form, editor, subheading, field, label, input, textarea, markdown, file, hint, field-error, actions - The form.
 * @csspart tabs, tab, preview, body - Write / Preview and the rendered Markdown.
 * @csspart banner-current, banner, remove-banner - The stored banner.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg, --kb-color-link - Accents.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbNewsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, newsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    articles: { state: true },
    brands: { state: true },
    loadError: { state: true },
    editing: { state: true },
    preview: { state: true },
    formError: { state: true },
    busy: { state: true },
    notice: { state: true },
    confirming: { state: true },
  };

  declare private articles: ConsoleArticle[] | null;
  declare private brands: Array<{ id: string; name: string }>;
  declare private loadError: string | null;
  declare private editing: Editing;
  declare private preview: string | null;
  declare private formError: ApiError | null;
  declare private busy: boolean;
  declare private notice: string | null;
  /** The article whose deletion awaits confirmation. */
  declare private confirming: string | null;

  constructor() {
    super();
    this.articles = null;
    this.brands = [];
    this.loadError = null;
    this.editing = null;
    this.preview = null;
    this.formError = null;
    this.busy = false;
    this.notice = null;
    this.confirming = null;
  }

  private m(key: NewsConsoleKey, params?: MessageParams): string {
    return newsConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override apiBaseChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loadError = null;
    try {
      const v1 = this.api.client.v1;
      const [articles, brands] = await Promise.all([expectOk(v1.news.$get()), expectOk(v1.brands.$get())]);
      this.articles = articles.data;
      this.brands = brands.data.map((b) => ({ id: b.id, name: b.name }));
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private get edited(): ConsoleArticle | null {
    return this.articles?.find((a) => a.id === this.editing) ?? null;
  }

  private open(editing: Editing): void {
    this.editing = editing;
    this.preview = null;
    this.formError = null;
    this.notice = null;
    this.confirming = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#news-editor-heading')?.focus());
  }

  /** Runs a change, then reloads the list; a failure is shown (on the form when it is open). */
  private async run(change: () => Promise<string>): Promise<boolean> {
    this.busy = true;
    this.formError = null;
    try {
      this.notice = await change();
      await this.load();
      return true;
    } catch (error) {
      if (this.editing && error instanceof ApiError) this.formError = error;
      else this.notice = this.failure(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { input, banner } = readEditor(event.currentTarget as HTMLFormElement);
    const news = this.api.client.v1.news;
    const editing = this.editing;
    const done = await this.run(async () => {
      const saved =
        editing && editing !== 'new'
          ? await expectOk(news[':articleId'].$patch({ param: { articleId: editing }, json: input }))
          : await expectOk(news.$post({ json: input }));
      // Saved first, so a refused banner is shown on the form of the saved article.
      this.editing = saved.id;
      if (banner) {
        await expectOk(
          news[':articleId'].banner.$put(
            { param: { articleId: saved.id } },
            {
              init: {
                method: 'PUT',
                body: banner,
                headers: { 'content-type': banner.type, accept: 'application/json' },
              },
            },
          ),
        );
      }
      return this.m('saved', { title: saved.title });
    });
    if (done) {
      this.editing = null;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus());
    }
  };

  private async showPreview(show: boolean, form: HTMLFormElement): Promise<void> {
    if (!show) {
      this.preview = null;
      return;
    }
    const { bodyMarkdown } = readEditor(form).input;
    try {
      this.preview = (await expectOk(this.api.client.v1.news.preview.$post({ json: { bodyMarkdown } }))).html;
    } catch (error) {
      this.formError = error instanceof ApiError ? error : null;
      if (!this.formError) this.notice = this.failure(error);
    }
  }

  private act(article: ConsoleArticle, action: 'publish' | 'unpublish' | 'delete'): void {
    const param = { articleId: article.id };
    const one = this.api.client.v1.news[':articleId'];
    this.confirming = null;
    void this.run(async () => {
      if (action === 'publish') await expectOk(one.publish.$post({ param }));
      else if (action === 'unpublish') await expectOk(one.unpublish.$post({ param }));
      else await expectOk(one.$delete({ param }));
      return this.m(action === 'publish' ? 'published' : action === 'unpublish' ? 'unpublished' : 'deleted', {
        title: article.title,
      });
    });
  }

  private bannerSrc(article: ConsoleArticle | null): string | null {
    if (!article?.hasBanner) return null;
    // Through the operator's backend (same origin, its login); the version in the query busts the browser's cache.
    return `${this.apiBase}/v1/news/${encodeURIComponent(article.id)}/banner?v=${encodeURIComponent(article.updatedAt)}`;
  }

  protected override render(): TemplateResult {
    const head = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro">${this.m('intro')}</p>`;
    if (this.loadError)
      return html`${head}<div part="error" role="alert"><p>${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`;
    const articles = this.articles;
    if (!articles) return html`${head}<p part="status" role="status">${this.m('loading')}</p>`;
    const article = this.edited;
    return html`${head}
      <p part="notice" role="status" tabindex="-1">${this.notice ?? nothing}</p>
      ${
        this.editing
          ? renderEditor({
              locale: this.uiLocale,
              m: (key, params) => this.m(key, params),
              article,
              brands: this.brands,
              bannerSrc: this.bannerSrc(article),
              preview: this.preview,
              error: this.formError,
              busy: this.busy,
              onPreview: (show, form) => void this.showPreview(show, form),
              onSubmit: (e) => void this.save(e),
              onCancel: () => {
                this.editing = null;
              },
              onRemoveBanner: () =>
                void this.run(async () => {
                  await expectOk(
                    this.api.client.v1.news[':articleId'].banner.$delete({ param: { articleId: article!.id } }),
                  );
                  return this.m('bannerRemoved');
                }),
            })
          : html`<p><button part="button primary new" type="button" @click=${() => this.open('new')}>${this.m('new')}</button></p>`
      }
      ${
        articles.length
          ? this.renderList(articles)
          : renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') })
      }`;
  }

  private renderList(articles: ConsoleArticle[]): TemplateResult {
    return html`<div part="table-wrap"><table part="articles">
      <thead><tr part="header-row">
        <th part="header-cell" scope="col">${this.m('col.title')}</th>
        <th part="header-cell" scope="col">${this.m('col.status')}</th>
        <th part="header-cell" scope="col">${this.m('col.published')}</th>
        <th part="header-cell" scope="col">${this.m('col.actions')}</th>
      </tr></thead>
      <tbody>${articles.map((a) => this.renderRow(a))}</tbody>
    </table></div>`;
  }

  private renderRow(a: ConsoleArticle): TemplateResult {
    const confirming = this.confirming === a.id;
    return html`<tr part="article-row" data-article-id=${a.id}>
      <th part="cell article-title" scope="row">${a.title}${a.brand ? html`<span part="brand">${a.brand.name}</span>` : nothing}</th>
      <td part="cell"><span part=${`state-badge state-${a.status}`}>${this.m(`status.${a.status}`)}</span></td>
      <td part="cell">${a.publishedAt ? this.dateTime(a.publishedAt) : this.m('notPublished')}</td>
      <td part="cell item-actions">${
        confirming
          ? html`<div part="confirm" role="alertdialog" aria-labelledby=${`confirm-${a.id}`}>
              <p id=${`confirm-${a.id}`}>${this.m('confirmDelete', { title: a.title })}</p>
              <button part="button confirm-delete" type="button" ?disabled=${this.busy} @click=${() => this.act(a, 'delete')}>${this.m('confirmYes')}</button>
              <button part="button cancel" type="button" @click=${() => (this.confirming = null)}>${this.m('cancel')}</button>
            </div>`
          : html`<button part="button edit" type="button" @click=${() => this.open(a.id)}
                aria-label=${`${this.m('edit')}: ${a.title}`}>${this.m('edit')}</button>
              ${
                a.status === 'draft'
                  ? html`<button part="button primary publish" type="button" ?disabled=${this.busy}
                      @click=${() => this.act(a, 'publish')} aria-label=${`${this.m('publish')}: ${a.title}`}>${this.m('publish')}</button>`
                  : html`<button part="button unpublish" type="button" ?disabled=${this.busy}
                      @click=${() => this.act(a, 'unpublish')} aria-label=${`${this.m('unpublish')}: ${a.title}`}>${this.m('unpublish')}</button>`
              }
              <button part="button delete" type="button" @click=${() => this.askDelete(a.id)}
                aria-label=${`${this.m('delete')}: ${a.title}`}>${this.m('delete')}</button>`
      }</td>
    </tr>`;
  }

  private askDelete(id: string): void {
    this.confirming = id;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part~="confirm-delete"]')?.focus(),
    );
  }
}
