/**
 * What `<kb-documents>` and `<kb-documents-console>` share: the client-side check of a chosen file
 * (mirroring the server's; the server still decides, by the bytes), sizes in the reader's language,
 * and opening a stored file. An embedded portal's bearer token never reaches a plain link, so the
 * file is fetched with the session and opened as an object URL (a link to it when the browser
 * blocks the new tab); every object URL is dropped when the element leaves the page.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from './api-client.ts';
import type { Locale } from './i18n.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const DOCUMENT_KINDS = ['identity', 'company', 'address', 'tax', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentStatus = 'pending' | 'approved' | 'declined';

/** "840 kB", "2.4 MB" in the reader's language. */
export function formatSize(locale: Locale, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(value);
}

/** Why a chosen file will not do, before it is sent; null when it looks like a PDF, JPEG or PNG under 10 MB. */
export function checkDocumentFile(file: File | null): 'required' | 'empty' | 'type' | 'size' | null {
  if (!file) return 'required';
  if (file.size === 0) return 'empty';
  const byType = ['application/pdf', 'image/jpeg', 'image/png'].includes(file.type);
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!byType && !byName) return 'type';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  return null;
}

type FileState = { busy: true } | { url: string; name: string } | { error: string };
type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface FileViewerSource {
  /** The file's answer, fetched with the session (partner or operator route). */
  fetchFile(documentId: string): Promise<Response>;
  m(key: 'view' | 'viewLabel' | 'view.busy' | 'view.open', params?: Record<string, string>): string;
  failure(error: unknown): string;
}

export class DocumentFileViewer implements ReactiveController {
  private readonly files = new Map<string, FileState>();

  constructor(
    private readonly host: Host,
    private readonly source: FileViewerSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const id of this.files.keys()) this.forget(id);
  }

  private forget(id: string): void {
    const file = this.files.get(id);
    if (file && 'url' in file) URL.revokeObjectURL(file.url);
    this.files.delete(id);
  }

  async open(document: { id: string; fileName: string; contentType: string }): Promise<void> {
    const now = this.files.get(document.id);
    if (now && 'busy' in now) return;
    this.forget(document.id);
    this.files.set(document.id, { busy: true });
    this.host.requestUpdate();
    try {
      const res = await this.source.fetchFile(document.id);
      if (!res.ok) {
        const problem = (await res.json().catch(() => ({}))) as { code?: string; detail?: string };
        throw new ApiError(res.status, problem.code ?? 'internal', problem.detail ?? res.statusText, null, [], {});
      }
      const blob = new Blob([await res.arrayBuffer()], { type: document.contentType });
      const url = URL.createObjectURL(blob);
      this.files.set(document.id, { url, name: document.fileName });
      // Still within the click's user activation in Chromium; a blocked tab leaves the link below.
      window.open(url, '_blank');
    } catch (error) {
      this.files.set(document.id, { error: this.source.failure(error) });
    }
    this.host.requestUpdate();
  }

  render(document: { id: string; fileName: string; contentType: string }): TemplateResult {
    const { m } = this.source;
    const file = this.files.get(document.id);
    const busy = file !== undefined && 'busy' in file;
    return html`<button part="button view" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}
        aria-label=${busy ? nothing : m('viewLabel', { name: document.fileName })}
        @click=${() => this.open(document)}>${m(busy ? 'view.busy' : 'view')}</button>
      ${
        file && 'url' in file
          ? html`<a part="open-file" href=${file.url} target="_blank" rel="noopener">${m('view.open', { name: file.name })}</a>`
          : nothing
      }
      ${file && 'error' in file ? html`<p part="error view-error" role="alert">${file.error}</p>` : nothing}`;
  }
}
