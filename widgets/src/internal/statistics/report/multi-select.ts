/**
 * A filter that takes several values (the report's campaigns and countries): a `<details>` whose
 * summary says what is chosen ("Any", the one name, "2 selected") and opens a list of checkboxes.
 * Native controls throughout: Enter or Space opens it, Tab walks the boxes, Space ticks one, Escape
 * closes it and returns to the summary, leaving it (focus or a press elsewhere) closes it too; on a phone the
 * list drops below at the field's full width with rows a finger can hit. The value is the API's:
 * ids comma-separated, empty for any.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** `a,b` → `['a', 'b']` (empty: none). */
export const listOf = (value: string): string[] => value.split(',').filter(Boolean);

export interface MultiSelectOptions {
  /** The details' id (`report-campaignId`); the label and the summary's text use it as a prefix. */
  id: string;
  label: string;
  /** Comma-separated ids; empty: any. */
  value: string;
  items: ReadonlyArray<{ id: string; name: string }>;
  /** What the summary says for none, several, and on the button that unticks them all. */
  words: { any: string; several(count: number): string; clear: string };
  onChange(value: string): void;
}

const closeOn = (details: HTMLDetailsElement, focusSummary: boolean) => {
  details.open = false;
  if (focusSummary) details.querySelector('summary')?.focus();
};

/** Open lists and their listeners for a press outside (which closes them, as a select's list). */
const outside = new WeakMap<HTMLDetailsElement, (e: Event) => void>();

function toggled(e: Event): void {
  const details = e.currentTarget as HTMLDetailsElement;
  const listener = outside.get(details);
  if (listener) document.removeEventListener('pointerdown', listener, true);
  outside.delete(details);
  if (!details.open) return;
  const press = (event: Event) => {
    if (details.isConnected && event.composedPath().includes(details)) return;
    document.removeEventListener('pointerdown', press, true);
    outside.delete(details);
    details.open = false;
  };
  outside.set(details, press);
  document.addEventListener('pointerdown', press, true);
}

/** Escape closes an open list and returns to its summary. */
function keydown(e: KeyboardEvent): void {
  const details = e.currentTarget as HTMLDetailsElement;
  if (e.key === 'Escape' && details.open) {
    e.preventDefault();
    e.stopPropagation();
    closeOn(details, true);
  }
}

/** Focus moving out of an open list closes it. */
function focusout(e: FocusEvent): void {
  const details = e.currentTarget as HTMLDetailsElement;
  const next = e.relatedTarget as Node | null;
  if (details.open && next && !details.contains(next)) closeOn(details, false);
}

export function multiSelectField(o: MultiSelectOptions): TemplateResult {
  const chosen = listOf(o.value);
  const names = o.items.filter((i) => chosen.includes(i.id)).map((i) => i.name);
  const summary =
    chosen.length === 0 ? o.words.any : chosen.length === 1 ? (names[0] ?? chosen[0]!) : o.words.several(chosen.length);
  /** The boxes ticked now (two ticks between renders both count), in the options' order: one choice, one address. */
  const change = (e: Event) => {
    const list = (e.target as HTMLElement).closest('fieldset');
    const boxes = [...(list?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
    o.onChange(
      boxes
        .filter((b) => b.checked)
        .map((b) => b.value)
        .join(','),
    );
  };
  return html`<div part="field multi-field">
    <span part="label" id=${`${o.id}-label`}>${o.label}</span>
    <details part="multi-select" id=${o.id} @keydown=${keydown} @focusout=${focusout} @toggle=${toggled}>
      <summary part="input multi-summary" aria-labelledby=${`${o.id}-label ${o.id}-value`}>
        <span part="multi-value" id=${`${o.id}-value`}>${summary}</span>
      </summary>
      <fieldset part="multi-options">
        <legend class="visually-hidden">${o.label}</legend>
        ${o.items.map(
          (item) => html`<label part="multi-option">
            <input part="checkbox" type="checkbox" name=${o.id} value=${item.id} .checked=${live(chosen.includes(item.id))}
              @change=${change} />
            <span>${item.name}</span>
          </label>`,
        )}
        ${
          chosen.length
            ? html`<button part="button multi-clear" type="button" @click=${() => o.onChange('')}>${o.words.clear}</button>`
            : nothing
        }
      </fieldset>
    </details>
  </div>`;
}
