/**
 * What `<kb-network-api>` shows besides its form: the adapter's sync state, Test connection's
 * exchange (the request as sent with secrets masked, the HTTP status, the answer, the items its
 * paths read) and Sync now's counts. Plain render functions over the server's answers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { ConsoleKey } from './kb-network-connections.messages.ts';
import {
  CONVERSION_STATUSES,
  type ApiAdapterView,
  type ApiPolledItem,
  type ApiSyncResult,
  type ApiTestResult,
} from './network-types.ts';

export interface ResultView {
  m(key: ConsoleKey, params?: MessageParams): string;
  dateTime(value: string): string;
  number(value: number): string;
}

type Outcome = NonNullable<ApiAdapterView['sync']['lastOutcome']>;
const outcome = (v: ResultView, o: Outcome) =>
  html`<span part=${`status-pill outcome-${o}`}>${v.m(`api.outcome.${o}`)}</span>`;
const time = (v: ResultView, value: string | null, none: string) =>
  value ? html`<time datetime=${value}>${v.dateTime(value)}</time>` : none;
const fact = (label: string, value: unknown, part = '') =>
  html`<dt>${label}</dt><dd part=${part || nothing}>${value}</dd>`;

/** Last sync, its outcome and error, the next one, how far statuses are read, and a sync running now. */
export function renderSyncState(v: ResultView, view: ApiAdapterView): TemplateResult {
  const s = view.sync;
  const none = v.m('none');
  return html`<h4 part="term">${v.m('api.state.heading')}</h4>
    <dl part="facts sync-state">
      ${fact(v.m('api.state.lastSync'), time(v, s.lastSyncAt, v.m('api.state.never')), 'state-last')}
      ${s.lastOutcome ? fact(v.m('api.state.outcome'), outcome(v, s.lastOutcome), 'state-outcome') : nothing}
      ${s.lastError ? fact(v.m('api.state.error'), s.lastError, 'state-error') : nothing}
      ${fact(v.m('api.state.next'), time(v, s.nextSyncAt, view.adapter.statusPoll ? none : v.m('api.state.noSchedule')), 'state-next')}
      ${fact(v.m('api.state.syncedUntil'), time(v, s.syncedUntil, none), 'state-until')}
    </dl>
    ${s.running ? html`<p part="running" role="status">${v.m('api.state.running')}</p>` : nothing}`;
}

const isConversionStatus = (s: string): s is (typeof CONVERSION_STATUSES)[number] =>
  (CONVERSION_STATUSES as readonly string[]).includes(s);

function mapped(v: ResultView, status: string | null): TemplateResult | string {
  if (status === null) return html`<span part="unmapped">${v.m('api.item.unmapped')}</span>`;
  return isConversionStatus(status)
    ? html`<span part=${`status-pill status-${status}`}>${v.m(`status.${status}`)}</span>`
    : status;
}

function renderItems(v: ResultView, items: readonly ApiPolledItem[]): TemplateResult {
  const none = v.m('none');
  const code = (value: string | null) => (value === null ? none : html`<code>${value}</code>`);
  const cols = columns({
    orderId: { label: v.m('api.item.orderId'), primary: true },
    subId: { label: v.m('api.item.subId') },
    raw: { label: v.m('api.item.raw') },
    status: { label: v.m('api.item.status') },
    payout: { label: v.m('api.item.payout') },
    currency: { label: v.m('api.item.currency'), priority: 2 },
  });
  return html`<div part="table-wrap" ${scrollRegion(v.m('api.test.firstItems'))}>
    <table part="items">
      <caption class="visually-hidden">${v.m('api.test.firstItems')}</caption>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${items.map(
        (item) => html`<tr part="item-row">
        <th part="cell item-order" scope="row" ${cell(cols.orderId)}>${code(item.orderId)}</th>
        <td part="cell item-sub" ${cell(cols.subId)}>${code(item.subId)}</td>
        <td part="cell item-raw" ${cell(cols.raw)}>${code(item.rawStatus)}</td>
        <td part="cell item-status" ${cell(cols.status)}>${mapped(v, item.status)}</td>
        <td part="cell item-payout" ${cell(cols.payout)}>${item.payout ?? none}</td>
        <td part="cell item-currency" ${cell(cols.currency)}>${item.currency ?? none}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

/** JSON indented for reading (the log keeps the first 4,000 characters, which may not parse: then as sent). */
function readable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** An answer or a body as text: wraps, and scrolls inside its own box when long (focusable to scroll). */
export const renderPre = (label: string, text: string, part = 'answer') =>
  html`<pre part=${part} tabindex="0" aria-label=${label}>${readable(text)}</pre>`;

/** The request as sent (secrets masked), the HTTP status and time, the answer, and the items read. */
export function renderTestResult(v: ResultView, r: ApiTestResult): TemplateResult {
  const headers = Object.entries(r.request.headers);
  const requestLine = html`<span part="badge method-badge">${r.request.method}</span>
    <code part="url">${r.request.url}</code>`;
  const headerList = html`<ul part="plain-list request-headers">
    ${headers.map(([k, val]) => html`<li><code>${k}: ${val}</code></li>`)}
  </ul>`;
  return html`<section part="test-result" aria-labelledby="api-test-heading">
    <h4 part="term" id="api-test-heading">${v.m('api.test.heading')}</h4>
    <dl part="facts test-facts">
      ${fact(v.m('api.test.request'), requestLine, 'request-line')}
      ${headers.length ? fact(v.m('api.test.headers'), headerList) : nothing}
      ${r.request.body === null ? nothing : fact(v.m('api.test.body'), renderPre(v.m('api.test.body'), r.request.body, 'answer request-body'))}
      ${fact(v.m('api.test.status'), r.status ?? v.m('api.test.noAnswer'), 'test-status')}
      ${fact(v.m('api.test.duration'), v.m('ms', { ms: v.number(r.durationMs) }), 'test-duration')}
    </dl>
    ${r.problem ? html`<p part="error test-problem">${v.m('api.test.problem', { problem: r.problem })}</p>` : nothing}
    ${
      r.answer === null
        ? nothing
        : html`<h5 part="term">${v.m('api.test.answer')}</h5>
      ${
        r.answer
          ? renderPre(v.m('api.test.answer'), r.answer)
          : html`<p part="empty">${v.m('api.test.emptyAnswer')}</p>`
      }`
    }
    <p part="item-count">${v.m('api.test.items', { count: r.itemCount })}</p>
    ${r.items.length ? renderItems(v, r.items) : nothing}
  </section>`;
}

/** Outcome, requests, items seen / changed / skipped, the error, and when it tries again. */
export function renderSyncResult(v: ResultView, r: ApiSyncResult): TemplateResult {
  const n = (value: number) => v.number(value);
  return html`<section part="sync-result" aria-labelledby="api-sync-heading">
    <h4 part="term" id="api-sync-heading">${v.m('api.sync.heading')}</h4>
    <dl part="facts sync-facts">
      ${fact(v.m('api.state.outcome'), outcome(v, r.outcome), 'sync-outcome')}
      ${fact(v.m('api.sync.requests'), n(r.requests), 'sync-requests')}
      ${fact(v.m('api.sync.seen'), n(r.itemsSeen), 'sync-seen')}
      ${fact(v.m('api.sync.changed'), n(r.itemsChanged), 'sync-changed')}
      ${fact(v.m('api.sync.skipped'), n(r.itemsSkipped), 'sync-skipped')}
      ${r.error ? fact(v.m('api.state.error'), r.error, 'sync-error') : nothing}
      ${r.retryAt ? fact(v.m('api.sync.retryAt'), time(v, r.retryAt, ''), 'sync-retry') : nothing}
      ${r.completeUntil ? fact(v.m('api.state.syncedUntil'), time(v, r.completeUntil, ''), 'sync-until') : nothing}
    </dl>
  </section>`;
}
