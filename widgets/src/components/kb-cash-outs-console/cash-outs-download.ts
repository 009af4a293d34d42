/**
 * "Download CSV for the payment run": fetches `GET /v1/cash_outs/export` under the list's filters
 * through the console's own client (the operator backend's prefix, the page's credentials, like
 * every other call), then offers the file through a Blob link, named as the server named it. The
 * file holds payees' full details, so its object URL is dropped as soon as another replaces it or
 * the console leaves the page. A reactive controller of `<kb-cash-outs-console>`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import type { MovesHost } from './cash-out-moves.ts';
import type { CashOutFilters } from './cash-outs-types.ts';

type DownloadHost = Pick<
  MovesHost,
  'addController' | 'requestUpdate' | 'updateComplete' | 'renderRoot' | 'client' | 'm' | 'failureOf'
>;

/** The file name from `content-disposition: attachment; filename="…"`, or the server's pattern for today. */
function fileName(disposition: string | null): string {
  const named = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return named && /^[\w.-]+$/.test(named) ? named : `cash-outs-${new Date().toISOString().slice(0, 10)}.csv`;
}

export class CashOutsDownload implements ReactiveController {
  busy = false;
  error: string | null = null;
  file: { url: string; name: string } | null = null;

  constructor(private readonly host: DownloadHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.forget();
  }

  /** Drops the previous file's object URL (and the link to it). */
  forget(): void {
    if (this.file) URL.revokeObjectURL(this.file.url);
    this.file = null;
  }

  async download(filters: CashOutFilters): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.forget();
    this.host.requestUpdate();
    try {
      const query = {
        state: filters.state ?? ('all' as const),
        ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
      };
      const res = await this.host.client.v1.cash_outs.export.$get(
        { query },
        { headers: { accept: 'text/csv, application/problem+json' } },
      );
      if (!res.ok) await expectOk(res);
      // The bytes as sent (the byte-order mark Excel needs included), typed so the browser saves a CSV.
      const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
      this.file = { url: URL.createObjectURL(blob), name: fileName(res.headers.get('content-disposition')) };
    } catch (error) {
      this.error = this.host.failureOf(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>(this.file ? '[part~="save-file"]' : '[part~="download-error"]')
      ?.focus();
  }

  render(filters: CashOutFilters): TemplateResult {
    const h = this.host;
    return html`<div part="download">
      <button part="button download-csv" type="button" ?disabled=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'} aria-describedby="cash-outs-download-hint"
        @click=${() => this.download(filters)}>${h.m(this.busy ? 'downloading' : 'download')}</button>
      <p part="hint download-hint" id="cash-outs-download-hint">${h.m('downloadHint')}</p>
      <p part="status download-status" role="status">${
        this.file
          ? html`${h.m('downloadReady')} <a part="save-file" href=${this.file.url} download=${this.file.name}>${h.m(
              'save',
              {
                file: this.file.name,
              },
            )}</a>`
          : nothing
      }</p>
      ${this.error ? html`<p part="error download-error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
    </div>`;
  }
}
