/**
 * A requested report's file, fetched through the portal's own client (`GET …/requested/{id}/file`
 * with the partner's session: an embedded portal's bearer token never reaches a plain link) and
 * offered through a Blob link named as the server named it, like the report's Download control.
 * One per element; each request's file is kept apart, and every object URL is dropped when the
 * element leaves the page.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { fetchRequestedFile, type RequestedReport } from '../../internal/statistics/report/requested-api.ts';
import type { RequestedKey } from './kb-requested-reports.messages.ts';

const TYPE = {
  csv_zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const EXTENSION = { csv_zip: 'zip', xlsx: 'xlsx' } as const;

export interface FileSource {
  api(): ApiClient | undefined;
  m(key: RequestedKey, params?: Record<string, string>): string;
  failure(error: unknown): string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type FileState = { busy: true } | { url: string; name: string } | { error: string };

/** The name from `content-disposition: attachment; filename="…"` when it is a plain one, else one made from the request. */
function fileName(disposition: string | null, report: RequestedReport): string {
  const named = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  if (named && /^[\w.-]+$/.test(named)) return named;
  const base = report.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || report.id;
  return `${base}.${EXTENSION[report.format]}`;
}

/** A successful request's file is there until `expiresAt` (none given: no end). */
export const isExpired = (report: RequestedReport, now = Date.now()): boolean =>
  report.expiresAt !== null && Date.parse(report.expiresAt) <= now;

export class RequestedFiles implements ReactiveController {
  private readonly files = new Map<string, FileState>();

  constructor(
    private readonly host: Host,
    private readonly source: FileSource,
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

  async download(report: RequestedReport, scope: string): Promise<void> {
    const api = this.source.api();
    const now = this.files.get(report.id);
    if (!api || (now && 'busy' in now)) return;
    this.forget(report.id);
    this.files.set(report.id, { busy: true });
    this.host.requestUpdate();
    try {
      const res = await fetchRequestedFile(api, report.id);
      if (!res.ok) await expectOk(res as never);
      const blob = new Blob([await res.arrayBuffer()], { type: TYPE[report.format] });
      this.files.set(report.id, {
        url: URL.createObjectURL(blob),
        name: fileName(res.headers.get('content-disposition'), report),
      });
    } catch (error) {
      this.files.set(report.id, { error: this.source.failure(error) });
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>(`${scope} :is([part~="save-file"], [part~="download-error"])`)
      ?.focus();
  }

  /** Download (when the file is there), or why not: being prepared, failed, expired. */
  render(report: RequestedReport, scope: string): TemplateResult {
    const { m } = this.source;
    if (report.status === 'processing') return html`<span part="preparing">${m('preparing')}</span>`;
    if (report.status === 'failed') return html`${nothing}`;
    if (isExpired(report)) return html`<span part="expired">${m('expired')}</span>`;
    const file = this.files.get(report.id);
    const busy = file !== undefined && 'busy' in file;
    return html`<button part="button download" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}
        aria-label=${busy ? nothing : m('downloadLabel', { name: report.name })}
        @click=${() => this.download(report, scope)}>${m(busy ? 'download.busy' : 'download')}</button>
      <span part="download-status" role="status">${
        file && 'url' in file
          ? html`<a part="save-file" href=${file.url} download=${file.name}>${m('download.save', { file: file.name })}</a>`
          : nothing
      }</span>
      ${file && 'error' in file ? html`<p part="error download-error" role="alert" tabindex="-1">${file.error}</p>` : nothing}`;
  }
}
