/**
 * `<kb-documents-console>`: the operator console's review queue of partners' documents, oldest
 * first, filtered by state (pending by default) and partner: view a file, approve it, or decline
 * it with a required reason the partner reads. Calls go through the operator's own backend
 * (`api-base` forwards `/v1/documents` with the secret key added). A document another reviewer
 * decided meanwhile answers 409: the message says so and the queue is read again.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import { DocumentFileViewer, formatSize, type DocumentStatus } from '../../internal/document-files.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { documentsConsoleMessages, type DocumentsConsoleKey } from './kb-documents-console.messages.ts';
import { documentsConsoleStyles } from './kb-documents-console.styles.ts';

type QueueCall = KabinetClient['v1']['documents']['$get'];
export type ConsoleDocument = SuccessBody<Awaited<ReturnType<QueueCall>>>['items'][number];
type StatusFilter = DocumentStatus | '';

/**
 * The review queue. Attributes: `api-base` (the operator backend's prefix that forwards to
 * Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, status, error, error-detail, retry, empty, notice - The panel and its states.
 * @csspart filters, field, label, status-filter, partner-filter - The filters.
 * @csspart list, item, item-pending, item-approved, item-declined - The documents.
 * @csspart partner-name, file-name, meta, badge, badge-pending, badge-approved, badge-declined, comment - One document.
 * @csspart item-actions, button, view, approve, decline, open-file, view-error - Its actions.
 * @csspart decline-form, reason, field-error, actions, danger, cancel - Declining with a reason.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-color-warning, --kb-color-warning-bg - Pending badges.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbDocumentsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, documentsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    documents: { state: true },
    partners: { state: true },
    status: { state: true },
    partnerId: { state: true },
    loadError: { state: true },
    declining: { state: true },
    reasonError: { state: true },
    saving: { state: true },
    notice: { state: true },
    actionError: { state: true },
  };

  declare private documents: ConsoleDocument[] | null;
  /** Partners with documents in the chosen state, for the partner filter (id → name). */
  declare private partners: Map<string, string>;
  declare private status: StatusFilter;
  declare private partnerId: string;
  declare private loadError: string | null;
  declare private declining: string | null;
  declare private reasonError: string | null;
  declare private saving: string | null;
  declare private notice: string | null;
  declare private actionError: string | null;
  /** The api-base and filters of the list shown: it reads again when any of them changes. */
  private loadedQuery = '';
  private readonly viewer = new DocumentFileViewer(this, {
    fetchFile: async (documentId) =>
      (await this.api.client.v1.documents[':documentId'].file.$get({ param: { documentId } })) as unknown as Response,
    m: (key, params) => this.m(key, params),
    failure: (error) => this.failure(error),
  });

  constructor() {
    super();
    this.documents = null;
    this.partners = new Map();
    this.status = 'pending';
    this.partnerId = '';
    this.loadError = null;
    this.declining = null;
    this.reasonError = null;
    this.saving = null;
    this.notice = null;
    this.actionError = null;
  }

  private m(key: DocumentsConsoleKey, params?: MessageParams): string {
    return documentsConsoleMessages(this.uiLocale, key, params);
  }

  protected override get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const key = `${this.apiBase}|${this.status}|${this.partnerId}`;
    if (this.apiBase && key !== this.loadedQuery) {
      this.loadedQuery = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loadError = null;
    const query = {
      ...(this.status ? { status: this.status } : {}),
      ...(this.partnerId ? { partnerId: this.partnerId } : {}),
    };
    try {
      const items = (await expectOk(this.api.client.v1.documents.$get({ query }))).items;
      this.documents = items;
      // The partner filter offers the partners seen in this state (kept while one partner is chosen).
      if (!this.partnerId)
        this.partners = new Map(items.map((d) => [d.partnerId, d.partnerName ?? this.m('unknownPartner')]));
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private async review(document: ConsoleDocument, decision: 'approve' | 'decline'): Promise<void> {
    let comment: string | undefined;
    if (decision === 'decline') {
      comment = this.renderRoot.querySelector<HTMLTextAreaElement>(`#reason-${document.id}`)?.value.trim() ?? '';
      if (!comment) {
        this.reasonError = this.m('decline.required');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#reason-${document.id}`)?.focus();
        return;
      }
    }
    this.saving = document.id;
    this.actionError = null;
    this.notice = null;
    try {
      await expectOk(
        this.api.client.v1.documents[':documentId'].review.$post({
          param: { documentId: document.id },
          json: { decision, ...(comment ? { comment } : {}) },
        }),
      );
      this.notice = this.m(decision === 'approve' ? 'approved' : 'declined', { name: document.fileName });
      this.declining = null;
      this.reasonError = null;
    } catch (error) {
      this.actionError = this.failure(error);
    } finally {
      this.saving = null;
    }
    // Decided (by us, or by someone else first): the queue is read again either way.
    await this.load();
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(this.actionError ? '[part~="action-error"]' : '[part~="notice"]')
      ?.focus();
  }

  protected override render(): TemplateResult {
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="intro">${this.m('intro')}</p>
      ${this.renderFilters()}
      <p part="notice" role="status" tabindex="-1">${this.notice ?? nothing}</p>
      ${this.actionError ? html`<p part="error action-error" role="alert" tabindex="-1">${this.actionError}</p>` : nothing}
      ${this.renderList()}`;
  }

  private renderFilters(): TemplateResult {
    return html`<div part="filters">
      <label part="field">
        <span part="label">${this.m('filter.status')}</span>
        <select part="status-filter" .value=${this.status}
          @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value as StatusFilter;
            this.partnerId = '';
          }}>
          ${(['pending', 'approved', 'declined'] as const).map(
            (s) => html`<option value=${s} ?selected=${this.status === s}>${this.m(`status.${s}`)}</option>`,
          )}
          <option value="" ?selected=${this.status === ''}>${this.m('filter.allStates')}</option>
        </select>
      </label>
      <label part="field">
        <span part="label">${this.m('filter.partner')}</span>
        <select part="partner-filter" .value=${this.partnerId}
          @change=${(e: Event) => (this.partnerId = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.partnerId}>${this.m('filter.allPartners')}</option>
          ${[...this.partners].map(
            ([id, name]) => html`<option value=${id} ?selected=${this.partnerId === id}>${name}</option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private renderList(): TemplateResult {
    if (this.loadError)
      return html`<div part="error" role="alert">
        <p part="error-detail">${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button>
      </div>`;
    if (!this.documents) return html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    if (!this.documents.length)
      return html`<p part="empty">${this.m(this.status === 'pending' ? 'emptyPending' : 'empty')}</p>`;
    return html`<ul part="list" role="list">${this.documents.map((d) => this.renderItem(d))}</ul>`;
  }

  private renderItem(document: ConsoleDocument): TemplateResult {
    const meta = this.m('meta', {
      kind: this.m(`kind.${document.kind}`),
      size: formatSize(this.uiLocale, document.size),
      date: this.dateTime(document.createdAt),
      who: document.uploadedBy ?? this.m('formerMember'),
    });
    return html`<li part="item item-${document.status}">
      <div class="item-head">
        <span part="partner-name">${document.partnerName ?? this.m('unknownPartner')}</span>
        <span part="badge badge-${document.status}">${this.m(`status.${document.status}`)}</span>
      </div>
      <p part="file-name">${document.fileName}</p>
      <p part="meta">${meta}</p>
      ${document.reviewedAt ? html`<p part="meta">${this.m('reviewed', { date: this.dateTime(document.reviewedAt) })}</p>` : nothing}
      ${document.comment ? html`<p part="comment">${this.m('comment', { comment: document.comment })}</p>` : nothing}
      <div part="item-actions">
        ${this.viewer.render(document)}
        ${document.status === 'pending' && this.declining !== document.id ? this.renderDecisionButtons(document) : nothing}
      </div>
      ${this.declining === document.id ? this.renderDeclineForm(document) : nothing}
    </li>`;
  }

  private renderDecisionButtons(document: ConsoleDocument): TemplateResult {
    const busy = this.saving === document.id;
    return html`<button part="button primary approve" type="button" ?disabled=${busy}
        aria-label=${this.m('approveLabel', { name: document.fileName })}
        @click=${() => this.review(document, 'approve')}>${this.m(busy ? 'busy' : 'approve')}</button>
      <button part="button danger decline" type="button" ?disabled=${busy}
        aria-label=${this.m('declineLabel', { name: document.fileName })}
        @click=${async () => {
          this.declining = document.id;
          this.reasonError = null;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>(`#reason-${document.id}`)?.focus();
        }}>${this.m('decline')}</button>`;
  }

  private renderDeclineForm(document: ConsoleDocument): TemplateResult {
    const busy = this.saving === document.id;
    return html`<form part="decline-form" novalidate @submit=${(e: Event) => {
      e.preventDefault();
      void this.review(document, 'decline');
    }}>
      <label part="label" for="reason-${document.id}">${this.m('decline.reason')}</label>
      <textarea part="reason" id="reason-${document.id}" rows="3" maxlength="1000" required
        aria-invalid=${this.reasonError ? 'true' : 'false'}
        aria-describedby=${this.reasonError ? `reason-error-${document.id}` : nothing}></textarea>
      ${this.reasonError ? html`<p part="field-error" id="reason-error-${document.id}">${this.reasonError}</p>` : nothing}
      <div part="actions">
        <button part="button danger" type="submit" ?disabled=${busy}>${this.m(busy ? 'busy' : 'decline.submit')}</button>
        <button part="button cancel" type="button" ?disabled=${busy} @click=${() => {
          this.declining = null;
          this.reasonError = null;
        }}>${this.m('cancel')}</button>
      </div>
    </form>`;
  }
}
