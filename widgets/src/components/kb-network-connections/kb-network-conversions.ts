/**
 * `<kb-network-conversions>`: the conversions one connection brought in (status, the network's raw
 * status, payout, click id, last change), filtered by status, with approve / cancel / trash
 * buttons (PATCH /v1/conversions/{id}). The server's state machine decides: a refused change
 * (409) shows its message. Part of `<kb-network-connections>`, which sets its properties.
 *
 * @event kb-network-conversions-close - The Close button; `detail: { connectionId }`. Bubbles and is composed.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import { CONVERSION_STATUSES, type ConversionStatus, type OperatorConversion } from './network-types.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

/** The changes an operator makes by hand (hold is where conversions start). */
const ACTIONS = ['approve', 'cancel', 'trash'] as const satisfies readonly ConversionStatus[];

/**
 * @csspart table-wrap - The conversions table's box (responsive: columns hide by priority, on a phone each
 *   conversion is a card).
 * @csspart conversions - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart conversion-row - A conversion.
 * @csspart cell - A cell (also `conversion-status`, `conversion-raw`, `conversion-payout`,
 *   `conversion-click`, `conversion-updated`, `conversion-actions`; its card label is `::part(cell)::before`).
 * @csspart row-actions - A conversion's buttons.
 * @csspart action - A button (also `action-approve`, `action-cancel`, `action-trash`).
 */
export class KbNetworkConversions extends NetworkConsoleElement {
  static override properties = {
    connectionId: { attribute: 'connection-id' },
    connectionName: { attribute: 'connection-name' },
    rows: { state: true },
    status: { state: true },
    error: { state: true },
    notice: { state: true },
    pending: { state: true },
  };

  declare connectionId: string;
  declare connectionName: string;
  declare private rows: OperatorConversion[] | null;
  /** The status filter ('' = all). */
  declare private status: ConversionStatus | '';
  declare private error: string | null;
  declare private notice: string | null;
  /** The conversion whose change is in flight. */
  declare private pending: string | null;
  private loadSeq = 0;

  constructor() {
    super();
    this.connectionId = '';
    this.connectionName = '';
    this.rows = null;
    this.status = '';
    this.error = null;
    this.notice = null;
    this.pending = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      (changed.has('connectionId') || changed.has('apiBase') || changed.has('status')) &&
      this.connectionId &&
      this.apiBase
    )
      void this.load();
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.rows = null;
    this.error = null;
    const query = { connectionId: this.connectionId, ...(this.status ? { status: this.status } : {}) };
    try {
      const { data } = await expectOk(this.api.client.v1.conversions.$get({ query }));
      if (seq === this.loadSeq) this.rows = data;
    } catch (error) {
      if (seq === this.loadSeq) {
        this.rows = [];
        this.error = this.failure(error);
      }
    }
  }

  private async change(row: OperatorConversion, status: ConversionStatus): Promise<void> {
    if (this.pending) return;
    this.pending = row.id;
    this.error = null;
    this.notice = null;
    try {
      const updated = await expectOk(
        this.api.client.v1.conversions[':conversionId'].$patch({ param: { conversionId: row.id }, json: { status } }),
      );
      const { changes: _changes, ...conversion } = updated;
      this.rows = (this.rows ?? []).map((r) => (r.id === row.id ? conversion : r));
      this.notice = this.m('conversions.changed', { id: row.id, status: this.m(`status.${conversion.status}`) });
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 409
          ? this.m('conversions.refused', { detail: error.localized(this.uiLocale) })
          : this.failure(error);
    } finally {
      this.pending = null;
    }
  }

  private filter = (event: Event): void => {
    this.status = (event.currentTarget as HTMLSelectElement).value as ConversionStatus | '';
  };

  protected override render(): TemplateResult {
    return html`<section part="conversions-panel" aria-labelledby="conversions-heading">
      <div part="header">
        <h3 part="subheading" id="conversions-heading">${this.m('conversions.heading', { name: this.connectionName })}</h3>
        <div part="toolbar">
          <label part="field"><span part="label">${this.m('conversions.status')}</span>
            <select part="input status-filter" .value=${this.status} @change=${this.filter}>
              <option value="">${this.m('conversions.allStatuses')}</option>
              ${CONVERSION_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${this.m(`status.${s}`)}</option>`)}
            </select>
          </label>
          <button part="refresh" type="button" @click=${() => this.load()}>${this.m('conversions.refresh')}</button>
          <button part="close" type="button" @click=${() => this.emit('kb-network-conversions-close', { connectionId: this.connectionId })}>${this.m('close')}</button>
        </div>
      </div>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${
        this.rows === null
          ? html`<p part="status">${this.m('conversions.loading')}</p>`
          : this.rows.length === 0
            ? html`<p part="empty">${this.m('conversions.empty')}</p>`
            : this.renderTable(this.rows)
      }
    </section>`;
  }

  private renderTable(rows: OperatorConversion[]): TemplateResult {
    const none = this.m('none');
    const cols = columns({
      status: { label: this.m('conversions.colStatus'), primary: true },
      raw: { label: this.m('conversions.colRaw'), priority: 3 },
      payout: { label: this.m('conversions.colPayout') },
      click: { label: this.m('conversions.colClick'), priority: 2 },
      updated: { label: this.m('conversions.colUpdated'), priority: 2 },
      actions: { label: this.m('conversions.colActions'), actions: true },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('conversions.heading', { name: this.connectionName }))}>
      <table part="conversions">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr part="conversion-row" data-conversion-id=${r.id}>
          <th part="cell conversion-status" scope="row" ${cell(cols.status)}><span part=${`status-pill status-${r.status}`}>${this.m(`status.${r.status}`)}</span></th>
          <td part="cell conversion-raw" ${cell(cols.raw)}>${r.rawStatus ? html`<code>${r.rawStatus}</code>` : none}</td>
          <td part="cell conversion-payout" ${cell(cols.payout)}>${r.payout === null ? none : `${r.payout} ${r.currency ?? ''}`.trim()}</td>
          <td part="cell conversion-click" ${cell(cols.click)}>${r.clickId ? html`<code>${r.clickId}</code>` : none}</td>
          <td part="cell conversion-updated" ${cell(cols.updated)}><time datetime=${r.updatedAt}>${this.dateTime(r.updatedAt)}</time></td>
          <td part="cell conversion-actions" ${cell(cols.actions)}><div part="row-actions">${ACTIONS.map(
            (a) => html`<button part=${`action action-${a}${a === 'approve' ? '' : ' danger'}`} type="button"
            ?disabled=${r.status === a || this.pending !== null} aria-label=${this.m('conversions.actionLabel', { action: this.m(`action.${a}`), id: r.id })}
            @click=${() => this.change(r, a)}>${this.m(`action.${a}`)}</button>`,
          )}</div></td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
