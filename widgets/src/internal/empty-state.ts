/**
 * A list's empty state, the same in every section: what the list shows once it has rows (or why
 * nothing matches), an optional hint, and the next step as a button (`part="empty-action"`). "Nothing
 * yet" offers the way to the first row; "nothing matches these filters" offers "Clear filters".
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface EmptyAction {
  label: string;
  onClick(event: Event): void;
  /** Extra part names for the button, e.g. `clear-filters`. */
  part?: string;
}

export interface EmptyState {
  message: string;
  hint?: string | undefined;
  action?: EmptyAction | null | undefined;
}

/** `<div part="empty" role="status">` with the message, the hint and the action button. */
export function renderEmptyState({ message, hint, action }: EmptyState): TemplateResult {
  return html`<div part="empty" role="status">
    <p part="empty-message">${message}</p>
    ${hint ? html`<p part="empty-hint">${hint}</p>` : nothing}
    ${
      action
        ? html`<button part=${`button empty-action${action.part ? ` ${action.part}` : ''}`} type="button"
          @click=${(e: Event) => action.onClick(e)}>${action.label}</button>`
        : nothing
    }
  </div>`;
}

/** True when any filter value is set (empty strings, null and undefined are "not set"). */
export function hasFilters(filters: unknown): boolean {
  if (typeof filters !== 'object' || filters === null)
    return filters !== undefined && filters !== null && filters !== '';
  return Object.values(filters).some((v) => v !== undefined && v !== null && v !== '');
}
