/**
 * Renaming a requested report in place (`PATCH …/requested/{id}` with `{ name }`): Rename turns
 * the name into a field with Save and Cancel (Enter saves, Escape cancels), the name checked as
 * the server checks it (1–100 characters), the server's refusal shown beside it; focus goes back
 * to Rename afterwards. One request is renamed at a time.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import { renameRequested, type RequestedReport } from '../../internal/statistics/report/requested-api.ts';
import type { RequestedKey } from './kb-requested-reports.messages.ts';

export interface RenameSource {
  api(): ApiClient | undefined;
  m(key: RequestedKey, params?: Record<string, string>): string;
  failure(error: unknown): string;
  /** The server's answer: the request as it is now. */
  renamed(report: RequestedReport): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface Editing {
  id: string;
  /** Where the name is shown (a row or the page), for focus. */
  scope: string;
  draft: string;
  busy: boolean;
  error: string | null;
}

export class RequestedRename {
  editing: Editing | null = null;

  constructor(
    private readonly host: Host,
    private readonly source: RenameSource,
  ) {}

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  start(report: RequestedReport, scope: string): void {
    this.editing = { id: report.id, scope, draft: report.name, busy: false, error: null };
    this.host.requestUpdate();
    this.focus(`${scope} [part~="rename-input"]`);
  }

  cancel(): void {
    const scope = this.editing?.scope;
    this.editing = null;
    this.host.requestUpdate();
    if (scope) this.focus(`${scope} [part~="rename"]`);
  }

  private async save(report: RequestedReport): Promise<void> {
    const editing = this.editing;
    const api = this.source.api();
    if (!editing || editing.busy || !api) return;
    const name = editing.draft.trim();
    const { m } = this.source;
    editing.error = !name ? m('rename.needName') : name.length > 100 ? m('rename.tooLong') : null;
    if (editing.error) {
      this.host.requestUpdate();
      return this.focus(`${editing.scope} [part~="rename-input"]`);
    }
    if (name === report.name) return this.cancel();
    editing.busy = true;
    this.host.requestUpdate();
    try {
      const answer = await renameRequested(api, report.id, name);
      if (this.editing !== editing) return;
      this.source.renamed(answer);
      this.cancel();
    } catch (error) {
      editing.busy = false;
      editing.error = this.source.failure(error);
      this.host.requestUpdate();
      this.focus(`${editing.scope} [part~="rename-input"]`);
    }
  }

  /** The name with Rename, or the field while this request is being renamed. */
  render(report: RequestedReport, scope: string, name: TemplateResult): TemplateResult {
    const { m } = this.source;
    const editing = this.editing?.id === report.id ? this.editing : null;
    if (!editing)
      return html`${name} <button part="button rename" type="button" aria-label=${m('renameLabel', { name: report.name })}
        @click=${() => this.start(report, scope)}>${m('rename')}</button>`;
    const errorId = `rename-error-${report.id}`;
    return html`<form part="rename-form" novalidate @submit=${(e: Event) => {
      e.preventDefault();
      void this.save(report);
    }}>
      <input part="input rename-input" maxlength="100" .value=${editing.draft}
        aria-label=${m('rename.field', { name: report.name })} aria-invalid=${editing.error ? 'true' : 'false'}
        aria-describedby=${editing.error ? errorId : nothing}
        @input=${(e: Event) => {
          editing.draft = (e.target as HTMLInputElement).value;
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') this.cancel();
        }} />
      <span part="actions">
        <button part="button primary rename-save" type="submit" ?disabled=${editing.busy}>${m(
          editing.busy ? 'rename.busy' : 'rename.save',
        )}</button>
        <button part="button rename-cancel" type="button" @click=${() => this.cancel()}>${m('rename.cancel')}</button>
      </span>
      ${editing.error ? html`<p part="field-error" id=${errorId}>${editing.error}</p>` : nothing}
    </form>`;
  }
}
