/**
 * The two views of the Bills section: the bills, and the qualified players the CPA lines of bills
 * count (`<kb-qualifications>`, at `#/bills/qualified`). The portal's navigation has no room for
 * another section, and the two belong together. Bill ids start with `bill_`, so the address
 * `qualified` never names a bill.
 */
import { html, type TemplateResult } from 'lit';

export type BillsView = 'bills' | 'qualified';
export const QUALIFIED_PATH = 'qualified';

/** The switch between the views: the current one is marked (aria-current) and stays a button. */
export function renderViewSwitch(
  current: BillsView,
  words: { label: string; bills: string; qualified: string },
  show: (view: BillsView) => void,
): TemplateResult {
  const button = (view: BillsView, text: string) =>
    html`<button part=${view === current ? 'button view view-current' : 'button view'} type="button"
      data-view=${view} aria-current=${view === current ? 'page' : 'false'} @click=${() => show(view)}>${text}</button>`;
  return html`<nav part="views" aria-label=${words.label}>
    ${button('bills', words.bills)}${button('qualified', words.qualified)}
  </nav>`;
}
