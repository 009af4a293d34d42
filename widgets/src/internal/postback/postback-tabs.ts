/**
 * A row of tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move and select) for the
 * postback widgets: the list/log switch and the scope filter.
 */
import { html, type TemplateResult } from 'lit';

export interface TabsOptions<T extends string> {
  id: string;
  label: string;
  tabs: ReadonlyArray<readonly [T, string]>;
  current: T;
  /** `focus`: the keyboard moved, so the newly selected tab should take focus. */
  onSelect(value: T, focus: boolean): void;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

export const tabId = (id: string, value: string): string => `${id}-tab-${value}`;
export const panelId = (id: string): string => `${id}-panel`;

export function renderTabs<T extends string>(o: TabsOptions<T>): TemplateResult {
  const values = o.tabs.map(([value]) => value);
  const onKey = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const n = values.length;
    o.onSelect(values[(move(values.indexOf(o.current), n) + n) % n]!, true);
  };
  return html`<div part="tab-list" role="tablist" aria-label=${o.label} @keydown=${onKey}>
    ${o.tabs.map(
      ([
        value,
        text,
      ]) => html`<button part=${value === o.current ? 'button tab tab-selected' : 'button tab'} role="tab" type="button"
      id=${tabId(o.id, value)} aria-selected=${value === o.current ? 'true' : 'false'} aria-controls=${panelId(o.id)}
      tabindex=${value === o.current ? '0' : '-1'} data-tab=${value} @click=${() => o.onSelect(value, false)}>${text}</button>`,
    )}
  </div>`;
}
