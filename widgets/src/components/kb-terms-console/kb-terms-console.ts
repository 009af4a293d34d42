/**
 * `<kb-terms-console>`: the operator's terms and conditions. The published versions with how many
 * users accepted each (of how many must, for the current one), a form to publish the next version
 * (Markdown with a server-rendered preview, then a confirmation saying every partner user must
 * accept it at their next sign-in), and one version's text with who accepted it. Versions never
 * change once published, so there is no edit or delete.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { termsConsoleMessages, type TermsConsoleKey } from './kb-terms-console.messages.ts';
import { termsConsoleStyles } from './kb-terms-console.styles.ts';
import { readPublishForm, renderPublishForm } from './terms-publish-form.ts';
import type { TermsAcceptancePage, TermsVersionDetail, TermsVersionList } from './terms-types.ts';
import { ACCEPTANCES_PAGE, renderVersionView } from './terms-version-view.ts';

/** What the panel shows below the list's heading: the list (null), the publish form ('new'), or one version. */
type Showing = null | 'new' | { versionId: string };

/**
 * The operator's terms versions. Attributes: `api-base` (the operator backend's prefix that forwards
 * to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, hint, status, notice, error, empty, empty-message, empty-hint, button, primary, retry - The panel and its states.
 * @csspart table-wrap, versions, header-row, header-cell, version-row, cell, version-number, version-title, current-badge,
 *   accepted, item-actions, view - The versions list (`data-version-id` on a row).
 * @csspart new, form, editor, subheading, field, label, input, textarea, markdown, field-error, actions, publish, cancel - The publish form.
 * @csspart tabs, tab, preview, body - Write / Preview and rendered Markdown.
 * @csspart confirm, confirm-publish, back-to-form - The confirmation before publishing.
 * @csspart version, back, meta, summary, minor-heading, terms-text - One version's view.
 * @csspart acceptances, acceptance-row, acceptance-email, user-agent, pager, prev, next, page - Who accepted it (`data-user-id` on a row).
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg, --kb-color-link - Accents.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbTermsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, termsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    versions: { state: true },
    loadError: { state: true },
    showing: { state: true },
    preview: { state: true },
    confirming: { state: true },
    formError: { state: true },
    busy: { state: true },
    notice: { state: true },
    detail: { state: true },
    acceptances: { state: true },
    acceptancesError: { state: true },
  };

  declare private versions: TermsVersionList | null;
  declare private loadError: string | null;
  declare private showing: Showing;
  declare private preview: string | null;
  declare private confirming: boolean;
  declare private formError: ApiError | null;
  declare private busy: boolean;
  declare private notice: string | null;
  declare private detail: TermsVersionDetail | null;
  declare private acceptances: TermsAcceptancePage | null;
  declare private acceptancesError: string | null;

  constructor() {
    super();
    this.versions = null;
    this.loadError = null;
    this.showing = null;
    this.preview = null;
    this.confirming = false;
    this.formError = null;
    this.busy = false;
    this.notice = null;
    this.detail = null;
    this.acceptances = null;
    this.acceptancesError = null;
  }

  private m(key: TermsConsoleKey, params?: MessageParams): string {
    return termsConsoleMessages(this.uiLocale, key, params);
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
      this.versions = await expectOk(this.api.client.v1.terms.versions.$get());
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private openForm(): void {
    this.showing = 'new';
    this.preview = null;
    this.confirming = false;
    this.formError = null;
    this.notice = null;
    this.focusOn('#terms-editor-heading');
  }

  private closeToList(): void {
    this.showing = null;
    this.detail = null;
    this.acceptances = null;
  }

  private async showPreview(show: boolean, form: HTMLFormElement): Promise<void> {
    if (!show) {
      this.preview = null;
      return;
    }
    const { bodyMarkdown } = readPublishForm(form);
    try {
      this.preview = (await expectOk(this.api.client.v1.terms.preview.$post({ json: { bodyMarkdown } }))).html;
    } catch (error) {
      this.formError = error instanceof ApiError ? error : null;
      if (!this.formError) this.notice = this.failure(error);
    }
  }

  private readonly askConfirm = (event: SubmitEvent): void => {
    event.preventDefault();
    this.formError = null;
    this.confirming = true;
    this.focusOn('[part~="confirm-publish"]');
  };

  private async publish(form: HTMLFormElement): Promise<void> {
    this.busy = true;
    this.formError = null;
    try {
      const published = await expectOk(this.api.client.v1.terms.versions.$post({ json: readPublishForm(form) }));
      this.notice = this.m('published', { version: published.version, title: published.title });
      this.showing = null;
      await this.load();
      this.focusOn('[part~="notice"]');
    } catch (error) {
      // Back to the form, the refusal next to its field (or above the buttons).
      this.confirming = false;
      if (error instanceof ApiError) this.formError = error;
      else this.notice = this.failure(error);
    } finally {
      this.busy = false;
    }
  }

  private async openVersion(versionId: string): Promise<void> {
    this.showing = { versionId };
    this.notice = null;
    this.detail = null;
    this.acceptances = null;
    this.acceptancesError = null;
    try {
      this.detail = await expectOk(this.api.client.v1.terms.versions[':versionId'].$get({ param: { versionId } }));
      this.focusOn('#terms-version-heading');
      await this.loadAcceptances(versionId, 0);
    } catch (error) {
      if (!this.detail) {
        this.showing = null;
        this.notice = this.failure(error);
      }
    }
  }

  private async loadAcceptances(versionId: string, offset: number): Promise<void> {
    this.busy = true;
    this.acceptancesError = null;
    try {
      const page = await expectOk(
        this.api.client.v1.terms.versions[':versionId'].acceptances.$get({
          param: { versionId },
          query: { limit: String(ACCEPTANCES_PAGE), offset: String(offset) },
        }),
      );
      this.acceptances = { ...page, offset };
    } catch (error) {
      this.acceptancesError = this.failure(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const head = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro">${this.m('intro')}</p>
      <p part="hint">${this.m('immutable')}</p>`;
    if (this.loadError)
      return html`${head}<div part="error" role="alert"><p>${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`;
    const list = this.versions;
    if (!list) return html`${head}<p part="status" role="status">${this.m('loading')}</p>`;
    const notice = html`<p part="notice" role="status" tabindex="-1">${this.notice ?? nothing}</p>`;
    if (this.showing && this.showing !== 'new') return html`${head}${notice}${this.renderVersion()}`;
    return html`${head}${notice}
      ${
        this.showing === 'new'
          ? renderPublishForm({
              locale: this.uiLocale,
              m: (key, params) => this.m(key, params),
              nextVersion: (list.data[0]?.version ?? 0) + 1,
              signInUsers: list.signInUsers,
              preview: this.preview,
              confirming: this.confirming,
              error: this.formError,
              busy: this.busy,
              onPreview: (show, form) => void this.showPreview(show, form),
              onSubmit: this.askConfirm,
              onConfirm: (form) => void this.publish(form),
              onBack: () => {
                this.confirming = false;
                this.focusOn('#terms-title');
              },
              onCancel: () => this.closeToList(),
            })
          : html`<p><button part="button primary new" type="button" @click=${() => this.openForm()}>${this.m('new')}</button></p>`
      }
      ${list.data.length ? this.renderList(list) : renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') })}`;
  }

  private renderVersion(): TemplateResult {
    if (!this.detail) return html`<p part="status" role="status">${this.m('loading')}</p>`;
    const versionId = this.detail.id;
    return renderVersionView({
      m: (key, params) => this.m(key, params),
      dateTime: (value) => this.dateTime(value),
      version: this.detail,
      acceptances: this.acceptances,
      acceptancesError: this.acceptancesError,
      busy: this.busy,
      onPage: (offset) => void this.loadAcceptances(versionId, offset),
      onBack: () => {
        this.closeToList();
        this.focusOn(`[data-version-id="${versionId}"] [part~="view"]`);
      },
    });
  }

  private renderList(list: TermsVersionList): TemplateResult {
    return html`<div part="table-wrap"><table part="versions">
      <thead><tr part="header-row">
        <th part="header-cell" scope="col">${this.m('col.version')}</th>
        <th part="header-cell" scope="col">${this.m('col.title')}</th>
        <th part="header-cell" scope="col">${this.m('col.published')}</th>
        <th part="header-cell" scope="col">${this.m('col.accepted')}</th>
        <th part="header-cell" scope="col">${this.m('col.actions')}</th>
      </tr></thead>
      <tbody>${list.data.map(
        (v) => html`<tr part="version-row" data-version-id=${v.id}>
          <td part="cell version-number">${this.m('versionNumber', { version: v.version })}
            ${v.current ? html`<span part="current-badge">${this.m('current')}</span>` : nothing}</td>
          <th part="cell version-title" scope="row">${v.title}</th>
          <td part="cell">${this.dateTime(v.publishedAt)}</td>
          <td part="cell accepted">${
            v.current
              ? this.m('acceptedOfUsers', { accepted: v.acceptanceCount, users: list.signInUsers })
              : this.m('acceptedUsers', { accepted: v.acceptanceCount })
          }</td>
          <td part="cell item-actions"><button part="button view" type="button"
            aria-label=${this.m('viewLabel', { version: v.version, title: v.title })}
            @click=${() => void this.openVersion(v.id)}>${this.m('view')}</button></td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }
}
