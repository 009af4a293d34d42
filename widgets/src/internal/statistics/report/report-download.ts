/**
 * "Download" under a report: the shown report's question (filters, groupings, columns, currency,
 * sort; no paging, since the file holds every row) as CSV, CSV for Excel (with the byte-order mark
 * Excel needs to read UTF-8), an Excel workbook (XLSX), JSON or XML. The file comes through the screen's own client (the
 * partner's session, or the console's backend) and is offered through a Blob link named as the
 * server named it; its object URL is dropped when another replaces it or the screen leaves the page.
 * A reactive controller of `<kb-reports>` and `<kb-operator-reports>`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../api-client.ts';
import type { ReportQuery } from '../statistics-types.ts';
import type { ReportLabels } from './report-view.ts';

export const DOWNLOAD_FORMATS = ['csv', 'excel', 'xlsx', 'json', 'xml'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
/** What the export routes take: the report's query without paging, the file format and (CSV) the byte-order mark. */
type Extension = 'csv' | 'xlsx' | 'json' | 'xml';
export type ExportQuery = Omit<ReportQuery, 'limit' | 'offset'> & { format: Extension; bom?: 'true' };

export interface DownloadSource {
  /** The shown report's question, or null before there is one. */
  question(): ReportQuery | null;
  fetchFile(query: ExportQuery): Promise<Response>;
  failure(error: unknown): string;
  labels(): ReportLabels;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const EXTENSION: Record<DownloadFormat, Extension> = {
  csv: 'csv',
  excel: 'csv',
  xlsx: 'xlsx',
  json: 'json',
  xml: 'xml',
};
const TYPE: Record<Extension, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  xml: 'application/xml',
};

/** The cap a workbook hit (the server builds XLSX whole, so a big report is refused on `format`), or null. */
function workbookCap(error: unknown): number | null {
  const problem = error instanceof ApiError ? error.errors.find((e) => e.path === 'query.format') : undefined;
  return problem?.reason === 'too_big' && typeof problem.params?.maximum === 'number' ? problem.params.maximum : null;
}

/** The export query of a report question: paging dropped, the format added. */
export function exportQuery(question: ReportQuery, format: DownloadFormat): ExportQuery {
  const kept = Object.entries(question).filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'offset');
  return {
    ...(Object.fromEntries(kept) as Omit<ReportQuery, 'limit' | 'offset'>),
    format: EXTENSION[format],
    ...(format === 'excel' ? { bom: 'true' as const } : {}),
  };
}

/** The name from `content-disposition: attachment; filename="…"`, when it is a plain one. */
function fileName(disposition: string | null, extension: string): string {
  const named = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return named && /^[\w.-]+$/.test(named) ? named : `performance.${extension}`;
}

export class ReportDownload implements ReactiveController {
  format: DownloadFormat = 'csv';
  busy = false;
  error: string | null = null;
  file: { url: string; name: string } | null = null;

  constructor(
    private readonly host: Host,
    private readonly source: DownloadSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.forget();
  }

  private forget(): void {
    if (this.file) URL.revokeObjectURL(this.file.url);
    this.file = null;
  }

  async download(): Promise<void> {
    const question = this.source.question();
    if (this.busy || !question) return;
    this.busy = true;
    this.error = null;
    this.forget();
    this.host.requestUpdate();
    const extension = EXTENSION[this.format];
    try {
      const res = await this.source.fetchFile(exportQuery(question, this.format));
      if (!res.ok) await expectOk(res as never);
      // The bytes as sent: a TextDecoder would drop the byte-order mark Excel needs.
      const blob = new Blob([await res.arrayBuffer()], { type: TYPE[extension] });
      this.file = { url: URL.createObjectURL(blob), name: fileName(res.headers.get('content-disposition'), extension) };
    } catch (error) {
      const cap = workbookCap(error);
      const labels = this.source.labels();
      this.error =
        cap === null ? this.source.failure(error) : labels.m('download.tooBig', { maximum: labels.formatCount(cap) });
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>(this.file ? '[part~="save-file"]' : '[part~="download-error"]')
      ?.focus();
  }

  render(): TemplateResult {
    const { m } = this.source.labels();
    return html`<div part="download">
      <label part="field download-format-field"><span part="label">${m('download.format')}</span>
        <select part="input download-format" .value=${this.format}
          @change=${(e: Event) => {
            this.format = (e.target as HTMLSelectElement).value as DownloadFormat;
            this.forget();
            this.host.requestUpdate();
          }}>
          ${DOWNLOAD_FORMATS.map(
            (f) => html`<option value=${f} ?selected=${f === this.format}>${m(`download.${f}`)}</option>`,
          )}
        </select></label>
      <button part="button download-report" type="button" ?disabled=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.download()}>${m(
          this.busy ? 'download.busy' : 'download',
        )}</button>
      <p part="status download-status" role="status">${
        this.file
          ? html`${m('download.ready')} <a part="save-file" href=${this.file.url} download=${this.file.name}>${m(
              'download.save',
              { file: this.file.name },
            )}</a>`
          : nothing
      }</p>
      ${this.error ? html`<p part="error download-error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
    </div>`;
  }
}
