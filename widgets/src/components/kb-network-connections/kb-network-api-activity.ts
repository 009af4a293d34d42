/**
 * `<kb-network-api-activity>`: what a connection's API adapter did, newest first. The request log
 * (GET …/api/log: tests, syncs and lead pushes, each with its HTTP status or "no answer", its
 * duration, the items it saw and changed, its error, and the answer to expand) and the leads
 * (GET …/leads: the contact masked, the push state, the network's order id, attempts, the last
 * error), each paged with Load more; Refresh reads both again. Part of `<kb-network-api>`, which
 * sets its properties (and refreshes it after a test or a sync).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import type { ApiLogEntry, NetworkLead } from './network-types.ts';
import { renderPre } from './network-api-results.ts';
import type { ConsoleKey } from './kb-network-connections.messages.ts';

const PAGE = 20;
type NoFilters = Record<string, never>;

/**
 * @csspart activity - The panel. @csspart refresh - Refresh.
 * @csspart log-results - The request log's area. @csspart leads-results - The leads' area.
 * @csspart count - How many rows are shown. @csspart load-more - Load more.
 * @csspart table-wrap - A table's box (responsive: on a phone each row is a card).
 * @csspart log - The request log table. @csspart log-row - A request.
 * @csspart leads - The leads table. @csspart lead-row - A lead.
 * @csspart cell - A cell (also `log-time`, `log-purpose`, `log-request`, `log-status`, `log-duration`,
 *   `log-items`, `log-error`, `log-answer`, `lead-created`, `lead-id`, `lead-contact`, `lead-state`,
 *   `lead-order`, `lead-attempts`, `lead-error`; its card label is `::part(cell)::before`).
 * @csspart no-answer - "No answer" in the status column. @csspart lead-state-code - A lead's state as the API names it.
 * @csspart answer-details - The answer's `<details>`. @csspart answer - An answer or a request body (`<pre>`).
 */
export class KbNetworkApiActivity extends NetworkConsoleElement {
  static override properties = {
    connectionId: { attribute: 'connection-id' },
  };

  declare connectionId: string;

  private readonly log = new PagedLog<ApiLogEntry, NoFilters>(
    this,
    {},
    {
      fetchPage: (_filters, before) =>
        expectOk(
          this.connection$.api.log.$get({
            param: { connectionId: this.connectionId },
            query: { limit: String(PAGE), ...(before ? { before } : {}) },
          }),
        ),
      errorMessage: (error) => this.failure(error),
      onLastPage: () => this.focusAfterRender('#api-log-heading'),
    },
  );

  private readonly leads = new PagedLog<NetworkLead, NoFilters>(
    this,
    {},
    {
      fetchPage: (_filters, before) =>
        expectOk(
          this.connection$.leads.$get({
            param: { connectionId: this.connectionId },
            query: { limit: String(PAGE), ...(before ? { before } : {}) },
          }),
        ),
      errorMessage: (error) => this.failure(error),
      onLastPage: () => this.focusAfterRender('#api-leads-heading'),
    },
  );

  constructor() {
    super();
    this.connectionId = '';
  }

  private get connection$() {
    return this.api.client.v1.network_connections[':connectionId'];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('connectionId') || changed.has('apiBase')) && this.connectionId && this.apiBase) {
      this.log.reset();
      this.leads.reset();
      void this.refresh();
    }
  }

  /** Reads the first page of both lists again (the rows shown stay until it arrives). */
  refresh(): Promise<void> {
    if (!this.connectionId || !this.apiBase) return Promise.resolve();
    return Promise.all([this.log.fetch(false), this.leads.fetch(false)]).then(() => undefined);
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render(): TemplateResult {
    const loading = (key: ConsoleKey) => () => html`<p part="status" role="status">${this.m(key)}</p>`;
    const paging = {
      loadMore: this.m('loadMore'),
      loadingMore: this.m('loadingMore'),
      loadError: (message: string) => this.renderLoadError(message),
    };
    return html`<section part="activity" aria-labelledby="api-activity-heading">
      <div part="header">
        <h4 part="term" id="api-activity-heading">${this.m('api.activity.heading')}</h4>
        <button part="refresh" type="button" @click=${() => this.refresh()}>${this.m('api.activity.refresh')}</button>
      </div>
      <h5 part="term" id="api-log-heading" tabindex="-1">${this.m('api.log.heading')}</h5>
      <div part="log-results">${this.log.render({
        ...paging,
        count: (rows) => this.m('api.log.count', { count: rows.length }),
        empty: this.m('api.log.empty'),
        loading: loading('api.log.loading'),
        table: (rows) => this.renderLog(rows),
      })}</div>
      <h5 part="term" id="api-leads-heading" tabindex="-1">${this.m('api.leads.heading')}</h5>
      <div part="leads-results">${this.leads.render({
        ...paging,
        count: (rows) => this.m('api.leads.count', { count: rows.length }),
        empty: this.m('api.leads.empty'),
        loading: loading('api.leads.loading'),
        table: (rows) => this.renderLeads(rows),
      })}</div>
    </section>`;
  }

  private renderLoadError(message: string): TemplateResult {
    return html`<div part="error" role="alert"><p>${message}</p>
      <button part="retry" type="button" @click=${() => this.refresh()}>${this.m('retry')}</button></div>`;
  }

  private time(value: string): TemplateResult {
    return html`<time datetime=${value}>${this.dateTime(value)}</time>`;
  }

  private renderLog(rows: ApiLogEntry[]): TemplateResult {
    const none = this.m('none');
    const number = (n: number) => new Intl.NumberFormat(this.uiLocale).format(n);
    const cols = columns({
      time: { label: this.m('api.log.time') },
      purpose: { label: this.m('api.log.purpose'), primary: true },
      request: { label: this.m('api.log.request') },
      status: { label: this.m('api.log.status') },
      duration: { label: this.m('api.log.duration'), priority: 4 },
      items: { label: this.m('api.log.items'), priority: 3 },
      error: { label: this.m('api.log.error'), priority: 2 },
      answer: { label: this.m('api.log.answer') },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('api.log.heading'))}>
      <table part="log">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr part="log-row" data-log-id=${r.id}>
          <td part="cell log-time" ${cell(cols.time)}>${this.time(r.at)}</td>
          <th part="cell log-purpose" scope="row" ${cell(cols.purpose)}>${this.m(`api.purpose.${r.purpose}`)}</th>
          <td part="cell log-request" ${cell(cols.request)}><span part="badge method-badge">${r.method}</span> <code part="url">${r.url}</code></td>
          <td part="cell log-status" ${cell(cols.status)}>${r.status ?? html`<span part="no-answer">${this.m('api.test.noAnswer')}</span>`}</td>
          <td part="cell log-duration" ${cell(cols.duration)}>${this.m('ms', { ms: number(r.durationMs) })}</td>
          <td part="cell log-items" ${cell(cols.items)}>${number(r.itemsSeen)} / ${number(r.itemsChanged)}</td>
          <td part="cell log-error" ${cell(cols.error)}>${r.error ?? none}</td>
          <td part="cell log-answer" ${cell(cols.answer)}>${this.renderAnswer(r)}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }

  private renderAnswer(r: ApiLogEntry): TemplateResult | string {
    if (r.answer === null && r.requestBody === null) return this.m('none');
    return html`<details part="answer-details">
      <summary>${this.m('api.log.showAnswer')}</summary>
      ${r.requestBody === null ? nothing : html`<p part="meta">${this.m('api.log.requestBody')}</p>${renderPre(this.m('api.log.requestBody'), r.requestBody)}`}
      ${r.answer === null ? nothing : r.answer ? renderPre(this.m('api.log.answer'), r.answer) : html`<p part="meta">${this.m('api.test.emptyAnswer')}</p>`}
    </details>`;
  }

  private renderLeads(rows: NetworkLead[]): TemplateResult {
    const none = this.m('none');
    const cols = columns({
      created: { label: this.m('api.leads.created') },
      lead: { label: this.m('api.leads.lead'), primary: true },
      contact: { label: this.m('api.leads.contact') },
      state: { label: this.m('api.leads.state') },
      order: { label: this.m('api.leads.order'), priority: 2 },
      attempts: { label: this.m('api.leads.attempts'), priority: 3 },
      error: { label: this.m('api.leads.error'), priority: 2 },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('api.leads.heading'))}>
      <table part="leads">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (l) => html`<tr part="lead-row" data-lead-id=${l.id}>
          <td part="cell lead-created" ${cell(cols.created)}>${this.time(l.createdAt)}</td>
          <th part="cell lead-id" scope="row" ${cell(cols.lead)}><code>${l.leadId}</code></th>
          <td part="cell lead-contact" ${cell(cols.contact)}>${l.contact ? Object.values(l.contact).join(', ') || none : this.m('api.leads.erased')}</td>
          <td part="cell lead-state" ${cell(cols.state)}><span part=${`status-pill lead-${l.state}`}>${this.m(`lead.${l.state}`)}</span>
            <code part="lead-state-code">${l.state}</code></td>
          <td part="cell lead-order" ${cell(cols.order)}>${l.networkOrderId ? html`<code>${l.networkOrderId}</code>` : none}</td>
          <td part="cell lead-attempts" ${cell(cols.attempts)}>${l.attempts}</td>
          <td part="cell lead-error" ${cell(cols.error)}>${l.lastError ?? none}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
