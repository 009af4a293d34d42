/**
 * One responsive pattern for every list table (styles in responsive-table.styles.ts). Markup stays
 * a real `<table>` inside `<div part="table-wrap">`; the wrapper is a CSS container, so the layout
 * follows the width the table gets on the operator's page, not the viewport:
 *
 * - wide: every column;
 * - narrower: columns hide by priority (4 first, then 3, then 2; 1 never hides);
 * - narrow (a phone): each row becomes a card, its row header (`<th scope="row">`) as the title,
 *   the other cells as "label: value" lines (the label is the column's header text, from the
 *   cell's `data-label`), the actions cell last with its buttons wrapping.
 *
 * Should a table still be wider than its wrapper, the wrapper scrolls, and only then it becomes a
 * named, focusable region (`role="region"`, `aria-label`, `tabindex="0"`) so keyboard users can
 * scroll it (axe: scrollable-region-focusable); a table that fits adds no tab stop.
 *
 * Usage:
 * ```ts
 * const cols = columns({ email: { label: m('col.email'), primary: true }, name: { label: m('col.name'), priority: 2 },
 *   actions: { label: m('col.actions'), actions: true } });
 * html`<div part="table-wrap" ${scrollRegion(m('members'))}><table part="members">
 *   <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
 * <tbody><tr><th part="cell" scope="row" ${cell(cols.email)}>…</th><td part="cell"
 *   ${cell(cols.name)}>…</td>…</tr></tbody>
 * </table></div>`;
 * ```
 */
import { html, nothing, noChange, type TemplateResult } from 'lit';
import { AsyncDirective, directive, PartType, type ElementPart, type PartInfo } from 'lit/async-directive.js';

/**
 * 1: always shown; 2: hides when the table is narrower than 48rem; 3: narrower than 60rem;
 * 4: narrower than 72rem (only on wide pages). Cards show every cell.
 */
export type ColumnPriority = 1 | 2 | 3 | 4;

export interface ColumnSpec {
  /** The header text; also the cell's label in the card layout. */
  label: string;
  priority?: ColumnPriority;
  /** The row header column (`<th scope="row">`): the card's title, never hidden. */
  primary?: boolean;
  /** The buttons column: never hidden, last in the card, without a label. */
  actions?: boolean;
  /** The header is for screen readers only (e.g. an actions column whose buttons say enough). */
  hiddenHeader?: boolean;
}

export interface Column extends ColumnSpec {
  key: string;
  priority: ColumnPriority;
}

/** `columns()`'s result: each column by key (undefined for one left out), and all in order as `list`. */
export type Columns<S> = { [K in keyof S]: undefined extends S[K] ? Column | undefined : Column } & { list: Column[] };

/**
 * Column definitions by key, in display order (the object's order); a key given `undefined` is left
 * out (e.g. the actions column for read-only users). Primary and actions columns never hide.
 */
export function columns<S extends Record<string, ColumnSpec | undefined>>(specs: S): Columns<S> {
  const list: Column[] = [];
  const byKey: Record<string, Column | undefined> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (!spec) continue;
    const col: Column = { ...spec, key, priority: spec.primary || spec.actions ? 1 : (spec.priority ?? 1) };
    byKey[key] = col;
    list.push(col);
  }
  return Object.assign(byKey, { list }) as Columns<S>;
}

/** The `data-*` attributes a column's cells carry; the styles read only these. */
export function cellAttributes(col: Column): Record<string, string> {
  const out: Record<string, string> = {};
  if (col.actions) out['data-actions'] = '';
  else if (!col.primary) out['data-label'] = col.label;
  if (col.priority > 1) out['data-priority'] = String(col.priority);
  return out;
}

/** The header cells of `cols` (`<th part="header-cell" scope="col">`, or another `part`), with their priorities. */
export function headerCells(cols: { list: readonly Column[] }, part = 'header-cell'): TemplateResult[] {
  return cols.list.map(
    (c) =>
      html`<th part=${part} scope="col" data-priority=${c.priority > 1 ? String(c.priority) : nothing}>${
        c.hiddenHeader ? html`<span class="visually-hidden">${c.label}</span>` : c.label
      }</th>`,
  );
}

/** Element directive for a `<td>`/`<th>`: sets `data-label`, `data-priority`, `data-actions` from its column. */
class CellDirective extends AsyncDirective {
  private applied: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cell() goes on a <td> or <th> element');
  }

  render(_col: Column): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [col]: [Column]): typeof noChange {
    const attributes = cellAttributes(col);
    for (const name of this.applied) if (!(name in attributes)) part.element.removeAttribute(name);
    for (const [name, value] of Object.entries(attributes)) {
      if (part.element.getAttribute(name) !== value) part.element.setAttribute(name, value);
    }
    this.applied = Object.keys(attributes);
    return noChange;
  }
}
export const cell = directive(CellDirective);

/**
 * An e-mail (or a dotted id) with line-break opportunities where a reader expects them: before `@`,
 * after `.`, `-` and `_` (`<wbr>`). A narrow column then breaks it into readable pieces instead of
 * at any character, and its narrowest width is its longest piece, not the whole address.
 */
export function breakable(text: string): Array<string | TemplateResult> {
  return text.split(/(?=@)|(?<=[.\-_])/).flatMap((piece, i) => (i === 0 ? [piece] : [html`<wbr>`, piece]));
}

/** A box scrolls sideways when its content is wider than it (a pixel of rounding aside). */
export function scrollsSideways(box: { scrollWidth: number; clientWidth: number }): boolean {
  return box.scrollWidth > box.clientWidth + 1;
}

/**
 * Element directive for `<div part="table-wrap">`: while the table is wider than the wrapper (so
 * it scrolls), the wrapper is a focusable region named `label`; otherwise it is a plain `div`.
 */
class ScrollRegionDirective extends AsyncDirective {
  private element: HTMLElement | null = null;
  private label = '';
  private observer: ResizeObserver | null = null;
  private observed: Element | null = null;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('scrollRegion() goes on the table-wrap element');
  }

  render(_label: string): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [label]: [string]): typeof noChange {
    this.element = part.element as HTMLElement;
    this.label = label;
    if (this.isConnected) this.observe();
    this.sync();
    return noChange;
  }

  /** Watches the wrapper (its width) and its table (its content): either change may start or end the scrolling. */
  private observe(): void {
    const element = this.element;
    if (!element || typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver(() => this.sync());
    const table = element.firstElementChild;
    if (this.observed === table) return;
    this.observer.disconnect();
    this.observer.observe(element);
    if (table) this.observer.observe(table);
    this.observed = table;
  }

  private sync(): void {
    const element = this.element;
    if (!element) return;
    if (element.isConnected && scrollsSideways(element)) {
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', this.label);
      element.tabIndex = 0;
    } else {
      element.removeAttribute('role');
      element.removeAttribute('aria-label');
      element.removeAttribute('tabindex');
    }
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.observed = null;
  }

  protected override reconnected(): void {
    this.observe();
    this.sync();
  }
}
export const scrollRegion = directive(ScrollRegionDirective);
