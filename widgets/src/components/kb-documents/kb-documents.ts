/**
 * `<kb-documents>`: the partner's Documents section: upload a document for the program to verify
 * (type and file, checked here as the server will, which still decides by the bytes), and the
 * list of documents with their state (pending, approved, declined with the reviewer's comment),
 * each viewable, and deletable while pending (owner and admins; other roles read).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection, fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { documentsMessages, type DocumentsKey } from './kb-documents.messages.ts';
import { documentsStyles } from './kb-documents.styles.ts';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_KINDS,
  DocumentFileViewer,
  checkDocumentFile,
  formatSize,
  type DocumentKind,
} from '../../internal/document-files.ts';

type ListCall = KabinetClient['v1']['partner']['documents']['$get'];
export type PartnerDocument = SuccessBody<Awaited<ReturnType<ListCall>>>['items'][number];

/**
 * The partner's documents. Must sit inside `<kb-portal>` (it reads the portal's api, session and
 * locale contexts); alone it shows a waiting note.
 *
 * @event kb-session-expired - A call answered 401; `<kb-portal>` renews or ends the session.
 *
 * @csspart heading - Section heading. @csspart intro - What the section is for.
 * @csspart subheading - "Upload a new document" and "Your documents". @csspart panel - The upload form's box.
 * @csspart form - The upload form. @csspart field - A label with its control. @csspart label - A field's label.
 * @csspart kind-select - The document type. @csspart file-input - The file chooser. @csspart hint - Allowed types and size.
 * @csspart field-error - Why the file will not do. @csspart button - Every button (also `primary`, `view`, `delete`, `danger`).
 * @csspart success - What the last upload or delete did. @csspart read-only - Said to roles that cannot upload.
 * @csspart list - The documents. @csspart item - One document (also `item-pending`, `item-approved`, `item-declined`).
 * @csspart file-name - The document's name. @csspart meta - Type, size, upload date and uploader.
 * @csspart badge - The state (also `badge-pending`, `badge-approved`, `badge-declined`).
 * @csspart comment - The reviewer's comment. @csspart item-actions - View and delete.
 * @csspart confirm - The delete confirmation. @csspart open-file - The link to the opened file.
 * @csspart empty - Said when there are no documents. @csspart status - Waiting and loading notes.
 * @csspart error - A failure (also `view-error`). @csspart retry - The load error's retry button.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and meta lines.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Item and badge background.
 * @cssproperty --kb-color-primary - The Upload button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-success - Approved badges (else the text colour). @cssproperty --kb-color-warning - Pending badges (also `--kb-color-warning-bg`).
 * @cssproperty --kb-color-danger - Declined badges, errors, Delete. @cssproperty --kb-radius - Corners.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbDocuments extends AccountSection {
  static override styles = [accountSectionStyles, documentsStyles];
  static override properties = {
    documents: { state: true },
    loading: { state: true },
    loadError: { state: true },
    kind: { state: true },
    fileError: { state: true },
    uploading: { state: true },
    actionError: { state: true },
    done: { state: true },
    confirming: { state: true },
    deleting: { state: true },
  };

  declare private documents: PartnerDocument[] | null;
  declare private loading: boolean;
  declare private loadError: string | null;
  declare private kind: DocumentKind;
  declare private fileError: string | null;
  declare private uploading: boolean;
  declare private actionError: string | null;
  declare private done: string | null;
  declare private confirming: string | null;
  declare private deleting: string | null;
  private readonly viewer = new DocumentFileViewer(this, {
    fetchFile: async (documentId) =>
      (await this.api!.client.v1.partner.documents[':documentId'].file.$get({
        param: { documentId },
      })) as unknown as Response,
    m: (key, params) => this.m(key, params),
    failure: (error) => this.errorMessage(error),
  });

  constructor() {
    super();
    this.documents = null;
    this.loading = false;
    this.loadError = null;
    this.kind = 'identity';
    this.fileError = null;
    this.uploading = false;
    this.actionError = null;
    this.done = null;
    this.confirming = null;
    this.deleting = null;
  }

  private m(key: DocumentsKey, params?: MessageParams): string {
    return documentsMessages(this.i18n.locale, key, params);
  }

  /** Owner and admins upload and delete; finance and analysts see the list. */
  private get canWrite(): boolean {
    return this.userRole === 'owner' || this.userRole === 'admin';
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.loading = true;
    this.loadError = null;
    try {
      this.documents = (await expectOk(api.client.v1.partner.documents.$get())).items;
    } catch (error) {
      this.loadError = this.errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private fileInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]');
  }

  private checkFile(): File | null {
    const file = this.fileInput()?.files?.[0] ?? null;
    const problem = checkDocumentFile(file);
    this.fileError = problem
      ? this.m(`check.${problem}`, { size: file ? formatSize(this.i18n.locale, file.size) : '' })
      : null;
    return problem ? null : file;
  }

  private async upload(event: Event): Promise<void> {
    event.preventDefault();
    const api = this.api;
    const file = this.checkFile();
    this.done = null;
    this.actionError = null;
    if (!api || !file) {
      this.focusAfterRender('input[type="file"]');
      return;
    }
    this.uploading = true;
    try {
      const document = await expectOk(api.client.v1.partner.documents.$post({ form: { kind: this.kind, file } }));
      this.documents = [document, ...(this.documents ?? [])];
      this.done = this.m('upload.done', { name: document.fileName });
      const input = this.fileInput();
      if (input) input.value = '';
    } catch (error) {
      // The server's word on the file (a renamed executable, say) goes beside the file input.
      this.fileError = this.serverFileError(error);
      if (!this.fileError) this.actionError = this.errorMessage(error);
      this.focusAfterRender(this.fileError ? 'input[type="file"]' : '[part~="action-error"]');
    } finally {
      this.uploading = false;
    }
  }

  /** What the server said about the file, in this section's words for a file (else the generic field wording). */
  private serverFileError(error: unknown): string | null {
    if (!(error instanceof ApiError)) return null;
    if (error.status === 413) return this.m('check.tooLarge');
    const problem = error.errors.find((e) => e.path === 'body.file');
    if (!problem) return null;
    if (problem.reason === 'invalid_choice') return this.m('check.refused');
    if (problem.reason === 'required') return this.m('check.empty');
    return fieldErrorsOf(error, this.i18n.locale).file ?? null;
  }

  private async deleteDocument(document: PartnerDocument): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.deleting = document.id;
    this.actionError = null;
    this.done = null;
    try {
      await expectOk(api.client.v1.partner.documents[':documentId'].$delete({ param: { documentId: document.id } }));
      this.documents = (this.documents ?? []).filter((d) => d.id !== document.id);
      this.done = this.m('deleted', { name: document.fileName });
      this.focusAfterRender('[part~="success"]');
    } catch (error) {
      this.actionError = this.errorMessage(error);
      // A document reviewed meanwhile cannot be deleted: show its state now.
      void this.load(api);
    } finally {
      this.deleting = null;
      this.confirming = null;
    }
  }

  protected override render(): TemplateResult {
    const heading = html`<h2 part="heading">${this.m('heading')}</h2>`;
    if (!this.ready) return html`${heading}${this.renderWaiting()}`;
    if (this.loadError && !this.documents) return html`${heading}${this.renderLoadError(this.loadError)}`;
    if (!this.documents) return html`${heading}${this.renderLoading()}`;
    return html`${heading}
      <p part="intro">${this.m('intro')}</p>
      ${this.canWrite ? this.renderUpload() : html`<p part="read-only hint">${this.m('upload.readOnly')}</p>`}
      <p part="success" role="status" tabindex="-1">${this.done ?? nothing}</p>
      ${this.actionError ? html`<p part="error action-error" role="alert" tabindex="-1">${this.actionError}</p>` : nothing}
      <section aria-labelledby="documents-heading">
        <h3 part="subheading" id="documents-heading">${this.m('list.heading')}</h3>
        ${
          this.documents.length
            ? html`<ul part="list" role="list">${this.documents.map((d) => this.renderDocument(d))}</ul>`
            : html`<p part="empty">${this.m('empty')}</p>`
        }
      </section>`;
  }

  private renderUpload(): TemplateResult {
    return html`<section part="panel" aria-labelledby="upload-heading">
      <h3 part="subheading" id="upload-heading">${this.m('upload.heading')}</h3>
      <form part="form" novalidate @submit=${this.upload}>
        <label part="field">
          <span part="label">${this.m('upload.kind')}</span>
          <select part="kind-select" name="kind" .value=${this.kind}
            @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as DocumentKind)}>
            ${DOCUMENT_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${this.m(`kind.${k}`)}</option>`)}
          </select>
        </label>
        <div part="field">
          <label part="label" for="document-file">${this.m('upload.file')}</label>
          <input part="file-input" id="document-file" type="file" name="file" accept=${DOCUMENT_ACCEPT} required
            aria-describedby="document-file-hint${this.fileError ? ' document-file-error' : ''}"
            aria-invalid=${this.fileError ? 'true' : 'false'} @change=${() => this.checkFile()} />
          <p part="hint" id="document-file-hint">${this.m('upload.fileHint')}</p>
          ${this.fileError ? html`<p part="field-error" id="document-file-error">${this.fileError}</p>` : nothing}
        </div>
        <div part="actions">
          <button part="button primary" type="submit" ?disabled=${this.uploading} aria-busy=${this.uploading ? 'true' : 'false'}>
            ${this.m(this.uploading ? 'upload.busy' : 'upload.submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderDocument(document: PartnerDocument): TemplateResult {
    const date = this.i18n.formatDate(document.createdAt, { dateStyle: 'medium' });
    const meta = [
      this.m(`kind.${document.kind}`),
      formatSize(this.i18n.locale, document.size),
      document.uploadedBy ? this.m('uploaded', { date, who: document.uploadedBy }) : this.m('uploadedNoOne', { date }),
    ].join(' · ');
    return html`<li part="item item-${document.status}">
      <div class="item-head">
        <span part="file-name">${document.fileName}</span>
        <span part="badge badge-${document.status}">${this.m(`status.${document.status}`)}</span>
      </div>
      <p part="meta">${meta}</p>
      ${document.comment ? html`<p part="comment">${this.m('comment', { comment: document.comment })}</p>` : nothing}
      <div part="item-actions">
        ${this.viewer.render(document)}
        ${document.status === 'pending' && this.canWrite ? this.renderDelete(document) : nothing}
      </div>
    </li>`;
  }

  private renderDelete(document: PartnerDocument): TemplateResult {
    const busy = this.deleting === document.id;
    if (this.confirming !== document.id)
      return html`<button part="button delete danger" type="button" aria-label=${this.m('deleteLabel', { name: document.fileName })}
        @click=${() => {
          this.confirming = document.id;
          this.focusAfterRender('[part~="confirm"] [part~="danger"]');
        }}>${this.m('delete')}</button>`;
    return html`<div part="confirm" role="group" aria-label=${this.m('deleteLabel', { name: document.fileName })}>
      <span>${this.m('delete.confirm', { name: document.fileName })}</span>
      <button part="button danger" type="button" ?disabled=${busy} @click=${() => this.deleteDocument(document)}>
        ${this.m(busy ? 'delete.busy' : 'delete.yes')}
      </button>
      <button part="button" type="button" ?disabled=${busy} @click=${() => {
        this.confirming = null;
        this.focusAfterRender('[part~="delete"]');
      }}>${this.m('delete.no')}</button>
    </div>`;
  }
}
