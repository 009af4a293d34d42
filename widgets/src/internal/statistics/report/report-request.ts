/**
 * Requesting the shown report as a file (`POST /v1/partner/reports/requested`), a reactive
 * controller of `<kb-reports>`: "Request report" opens a short form (a name made from the question,
 * Zipped CSV or XLSX), then says the file is being prepared, that an e-mail will come, and links
 * the request's page. It is also where a report too slow to show lands (the report controller's
 * `tooSlow`): the same request made at once, as zipped CSV, said plainly. Each form and each slow
 * question sends one idempotency key, so a retry after a lost answer does not request twice.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api-client.ts';
import type { Locale, MessageParams } from '../../i18n.ts';
import { SectionAddress } from '../../router.ts';
import type { ReportQuery } from '../statistics-types.ts';
import { questionName } from './question-words.ts';
import { requestMessages, type RequestKey } from './report-request.messages.ts';
import {
  REQUESTED_FORMATS,
  requestReport,
  requestedQuery,
  type RequestedFormat,
  type RequestedQuery,
  type RequestedReport,
} from './requested-api.ts';

export interface RequestSource {
  /** The shown report's question, or null before there is one. */
  question(): ReportQuery | null;
  api(): ApiClient | undefined;
  locale(): Locale;
  failure(error: unknown): string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface RequestForm {
  name: string;
  format: RequestedFormat;
  /** One per opened form: a retry of the same form is the same request. */
  key: string;
  busy: boolean;
  nameError: string | null;
  error: string | null;
}

interface SlowRequest {
  query: RequestedQuery;
  key: string;
  seconds: number;
  report: RequestedReport | null;
  error: string | null;
}

/** A random idempotency key (crypto.randomUUID needs a secure context; an operator's page may not be one). */
export function newRequestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const requestStyles = css`
  [part~='request'] { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space); }
  [part~='request-form'] { padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); max-width: 36rem; }
  [part~='request-heading'] { margin: 0; font-size: 1em; }
  [part~='request-form'] [part~='hint'] { margin: 0; }
  [part~='request-name'] { width: 100%; }
  [part~='format-option'] { display: flex; align-items: center; gap: var(--_space-2); min-height: 2.25em; }
  [part~='requested-link'] { color: var(--_link); }
  [part~='slow'] { margin: 0 0 var(--_space); }
  [part~='slow'] p { margin: 0 0 var(--_space-2); }
`;

export class ReportRequest implements ReactiveController {
  form: RequestForm | null = null;
  done: RequestedReport | null = null;
  slow: SlowRequest | null = null;
  /** The slow questions' keys (question → key): the same question timing out again asks for the same request. */
  private readonly slowKeys = new Map<string, string>();
  private readonly address: SectionAddress;

  constructor(
    private readonly host: Host,
    private readonly source: RequestSource,
  ) {
    host.addController(this);
    this.address = new SectionAddress(host, () => undefined);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.form = null;
  }

  private m(key: RequestKey, params?: MessageParams): string {
    return requestMessages(this.source.locale(), key, params);
  }

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  open(): void {
    const question = this.source.question();
    if (!question) return;
    const name = questionName(this.source.locale(), requestedQuery(question));
    this.form = { name, format: 'csv_zip', key: newRequestKey(), busy: false, nameError: null, error: null };
    this.done = null;
    this.host.requestUpdate();
    this.focus('#report-request-name');
  }

  private close(): void {
    this.form = null;
    this.host.requestUpdate();
    this.focus('[part~="request-report"]');
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const { form } = this;
    const question = this.source.question();
    const api = this.source.api();
    if (!form || form.busy || !question || !api) return;
    const name = form.name.trim();
    form.nameError = name ? (name.length > 100 ? this.m('request.nameTooLong') : null) : this.m('request.needName');
    form.error = null;
    if (form.nameError) {
      this.host.requestUpdate();
      return this.focus('#report-request-name');
    }
    form.busy = true;
    this.host.requestUpdate();
    try {
      const query = requestedQuery(question);
      this.done = await requestReport(api, { name, format: form.format, query }, form.key);
      this.form = null;
      this.host.requestUpdate();
      this.focus('[part~="request"] [part~="requested-link"]');
    } catch (error) {
      form.busy = false;
      form.error = this.source.failure(error);
      this.host.requestUpdate();
      this.focus('[part~="request-error"]');
    }
  }

  /** The report took longer than `seconds`: requests it as zipped CSV instead (a repeat of the question: the same request). */
  fallback(question: ReportQuery, seconds: number): void {
    const query = requestedQuery(question);
    const id = JSON.stringify(query);
    const key = this.slowKeys.get(id) ?? newRequestKey();
    this.slowKeys.set(id, key);
    this.slow = { query, key, seconds, report: null, error: null };
    void this.sendSlow(this.slow);
  }

  private async sendSlow(slow: SlowRequest): Promise<void> {
    const api = this.source.api();
    if (!api) return;
    slow.error = null;
    slow.report = null;
    this.host.requestUpdate();
    const name = questionName(this.source.locale(), slow.query);
    try {
      const report = await requestReport(api, { name, format: 'csv_zip', query: slow.query }, slow.key);
      if (this.slow === slow) slow.report = report;
    } catch (error) {
      if (this.slow === slow) slow.error = this.source.failure(error);
    }
    this.host.requestUpdate();
  }

  /** The request's page in the portal (`#/reports/requested/<id>`); outside one the link is the page's to follow. */
  private link(report: RequestedReport): TemplateResult {
    const path = ['requested', report.id];
    return html`<a part="requested-link" href=${`#/reports/${path.map(encodeURIComponent).join('/')}`}
      @click=${(e: Event) => {
        if (this.address.go(path)) e.preventDefault();
      }}>${this.m('request.open')}</a>`;
  }

  /** "Request report", its form, and what the last request said. */
  render(): TemplateResult {
    const { form, done } = this;
    return html`<div part="request">
      <p part="success request-done" role="status">${
        done
          ? html`${this.m('request.done', { name: done.name, email: done.requestedBy.email })} ${this.link(done)}`
          : nothing
      }</p>
      <div part="actions"><button part="button request-report" type="button" aria-expanded=${form ? 'true' : 'false'}
        aria-controls="report-request-form" @click=${() => (form ? this.close() : this.open())}>${this.m('request')}</button></div>
      ${form ? this.renderForm(form) : nothing}
    </div>`;
  }

  private renderForm(form: RequestForm): TemplateResult {
    const nameInvalid = Boolean(form.nameError);
    return html`<form part="form request-form" id="report-request-form" aria-labelledby="report-request-heading"
      novalidate @submit=${(e: Event) => this.submit(e)}>
      <h3 part="request-heading" id="report-request-heading">${this.m('request.heading')}</h3>
      <p part="hint">${this.m('request.hint')}</p>
      <label part="field"><span part="label">${this.m('request.name')}</span>
        <input part="input request-name" id="report-request-name" maxlength="100" required .value=${form.name}
          aria-invalid=${nameInvalid ? 'true' : 'false'} aria-describedby="report-request-name-note"
          @input=${(e: Event) => {
            form.name = (e.target as HTMLInputElement).value;
          }} />
        <span part=${nameInvalid ? 'field-error' : 'hint'} id="report-request-name-note">${form.nameError ?? this.m('request.nameHint')}</span>
      </label>
      <fieldset part="fieldset request-format"><legend>${this.m('request.format')}</legend>
        ${REQUESTED_FORMATS.map(
          (f) => html`<label part="format-option"><input type="radio" name="report-request-format" value=${f}
            .checked=${form.format === f} @change=${() => {
              form.format = f;
            }} />${this.m(`format.${f}`)}</label>`,
        )}
      </fieldset>
      ${form.error ? html`<p part="error request-error" role="alert" tabindex="-1">${form.error}</p>` : nothing}
      <div part="actions">
        <button part="button primary request-submit" type="submit" ?disabled=${form.busy}
          aria-busy=${form.busy ? 'true' : 'false'}>${this.m(form.busy ? 'request.busy' : 'request.submit')}</button>
        <button part="button request-cancel" type="button" @click=${() => this.close()}>${this.m('request.cancel')}</button>
      </div>
    </form>`;
  }

  /** Where the report would be, when it was too slow: what happened instead, with the link to the request. */
  renderSlow(): TemplateResult {
    const { slow } = this;
    if (!slow) return html`${nothing}`;
    // "20 seconds", "20 секунд": the unit worded by the language, plural forms included.
    const seconds = new Intl.NumberFormat(this.source.locale(), {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    }).format(slow.seconds);
    return html`<div part="slow" data-state=${slow.report ? 'requested' : slow.error ? 'failed' : 'requesting'}>
      <p part="success slow-status" role="status">${
        slow.report
          ? html`${this.m('slow.done', { seconds, email: slow.report.requestedBy.email })} ${this.link(slow.report)}`
          : slow.error
            ? nothing
            : this.m('slow.requesting', { seconds })
      }</p>
      ${
        slow.error
          ? html`<div part="error slow-error" role="alert"><p part="error-detail">${this.m('slow.failed', { reason: slow.error })}</p>
              <button part="button retry slow-retry" type="button" @click=${() => this.sendSlow(slow)}>${this.m('slow.retry')}</button></div>`
          : nothing
      }
    </div>`;
  }
}
