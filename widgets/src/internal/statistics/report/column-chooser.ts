/**
 * Choosing the report's columns and their order: a checkbox per metric the operator shows, the
 * chosen ones first in their order. Each chosen row moves by pointer (mouse, pen or touch: drag its
 * handle) or by its Up and Down buttons (keyboard); each move is announced.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { metricKind, type Metric } from '../statistics-types.ts';
import type { ReportsKey } from './report.messages.ts';
import { chartMetric, loadColumns, moved, saveColumns } from './report-setup.ts';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
const isCount = (metric: Metric) => metricKind(metric) === 'count';

export interface ColumnsView {
  m(key: ReportsKey, params?: Record<string, string | number>): string;
  metricLabel(metric: Metric): string;
  /** Every metric the operator shows, in the default order. */
  available: readonly Metric[];
  chosen: readonly Metric[];
  /** The last move, for the live region. */
  announcement: string;
  drag: ColumnDrag;
  toggle(metric: Metric, on: boolean): void;
  move(from: number, to: number): void;
}

/**
 * The partner's columns: loaded from and saved to this browser (per operator and user), toggled and
 * moved; tells the host when the report must be asked again (a column more or less, or another
 * first count column for the chart). A move keeps the focus on the moved column's button.
 */
export class ReportColumns {
  chosen: Metric[] = [];
  announcement = '';
  readonly drag: ColumnDrag;
  private key = '';

  constructor(
    private readonly host: Host,
    private readonly hooks: { refetch(): void; moved(metric: Metric, position: number, count: number): string },
  ) {
    this.drag = new ColumnDrag(host, (from, to) => this.move(from, to));
  }

  /** The kept columns for `key`, among those the operator shows. */
  load(key: string, allowed: readonly Metric[]): void {
    this.key = key;
    this.chosen = loadColumns(key, allowed);
    this.host.requestUpdate();
  }

  readonly toggle = (metric: Metric, on: boolean): void => {
    const next = on ? [...this.chosen, metric] : this.chosen.filter((m) => m !== metric);
    if (next.length === 0) return;
    this.set(next);
    this.hooks.refetch();
  };

  readonly move = (from: number, to: number): void => {
    if (to < 0 || to >= this.chosen.length || from === to) return;
    const before = chartMetric(this.chosen, isCount);
    const next = moved(this.chosen, from, to);
    this.set(next);
    const metric = next[to]!;
    this.announcement = this.hooks.moved(metric, to + 1, next.length);
    const button = `[data-metric="${metric}"] [part~="${from > to ? 'move-up' : 'move-down'}"]:not([disabled])`;
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(button)?.focus());
    if (chartMetric(next, isCount) !== before) this.hooks.refetch();
  };

  private set(next: Metric[]): void {
    this.chosen = next;
    saveColumns(this.key, next);
    this.host.requestUpdate();
  }
}

/**
 * Pointer drag of a chosen column by its handle: while dragging, the row under the pointer is the
 * drop target (`dragging`, `target` for the styles); releasing moves the column there.
 */
export class ColumnDrag implements ReactiveController {
  /** Index of the dragged column, or null. */
  dragging: number | null = null;
  /** Where it would land. */
  target: number | null = null;
  private pointerId: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onDrop: (from: number, to: number) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  readonly start = (event: PointerEvent, index: number): void => {
    if (event.button !== 0 || this.pointerId !== null) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    this.pointerId = event.pointerId;
    this.dragging = index;
    this.target = index;
    try {
      handle.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks: the document listeners below still follow it.
    }
    const list = handle.closest('[part~="column-list"]');
    const move = (e: PointerEvent) => {
      if (e.pointerId !== this.pointerId || !list) return;
      const rows = [...list.querySelectorAll<HTMLElement>('[part~="column-chosen"]')];
      let to = rows.length - 1;
      for (const [i, row] of rows.entries()) {
        const box = row.getBoundingClientRect();
        if (e.clientY < box.top + box.height / 2) {
          to = i;
          break;
        }
      }
      if (to !== this.target) {
        this.target = to;
        this.host.requestUpdate();
      }
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== this.pointerId) return;
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', end);
      document.removeEventListener('pointercancel', end);
      const from = this.dragging;
      const to = this.target;
      this.reset();
      if (e.type === 'pointerup' && from !== null && to !== null && from !== to) this.onDrop(from, to);
    };
    document.addEventListener('pointermove', move);
    document.addEventListener('pointerup', end);
    document.addEventListener('pointercancel', end);
    this.host.requestUpdate();
  };

  private reset(): void {
    this.pointerId = null;
    this.dragging = null;
    this.target = null;
    this.host.requestUpdate();
  }
}

export function renderColumns(v: ColumnsView): TemplateResult {
  const { chosen, drag } = v;
  const rest = v.available.filter((metric) => !chosen.includes(metric));
  // live(): rows are reused as columns move between the lists, and a box the user just clicked holds a
  // state Lit never set; comparing with the box itself keeps each box showing its own metric's choice.
  const checkbox = (metric: Metric, on: boolean) =>
    html`<input part="checkbox" type="checkbox" id=${`report-column-${metric}`} .checked=${live(on)}
        ?disabled=${on && chosen.length === 1} @change=${(e: Event) => v.toggle(metric, (e.target as HTMLInputElement).checked)} />
      <label part="column-name" for=${`report-column-${metric}`}>${v.metricLabel(metric)}</label>`;
  return html`<details part="columns-panel">
    <summary part="columns-summary">${v.m('columnsSummary', { count: chosen.length })}</summary>
    <p part="hint">${v.m('columnsHint')}</p>
    <ol part="column-list">
      ${chosen.map((metric, i) => {
        const name = v.metricLabel(metric);
        const parts = ['column', 'column-chosen'];
        if (drag.dragging === i) parts.push('column-dragging');
        if (drag.dragging !== null && drag.target === i && drag.target !== drag.dragging)
          parts.push(drag.target < drag.dragging ? 'drop-before' : 'drop-after');
        return html`<li part=${parts.join(' ')} data-metric=${metric}>
          <span part="drag-handle" title=${v.m('dragHandle')} aria-hidden="true"
            @pointerdown=${(e: PointerEvent) => drag.start(e, i)}>⠿</span>
          ${checkbox(metric, true)}
          <span part="row-actions">
            <button part="button move-up" type="button" ?disabled=${i === 0} aria-label=${v.m('moveUpLabel', { name })}
              @click=${() => v.move(i, i - 1)}>${v.m('moveUp')}</button>
            <button part="button move-down" type="button" ?disabled=${i === chosen.length - 1}
              aria-label=${v.m('moveDownLabel', { name })} @click=${() => v.move(i, i + 1)}>${v.m('moveDown')}</button>
          </span>
        </li>`;
      })}
      ${rest.map(
        (metric) =>
          html`<li part="column" data-metric=${metric}><span part="drag-space"></span>${checkbox(metric, false)}</li>`,
      )}
    </ol>
    <p part="move-status" class="visually-hidden" role="status">${v.announcement}</p>
  </details>`;
}
