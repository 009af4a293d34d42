/**
 * The console's list of bills as a responsive table: period (the button that opens the bill's
 * panel, its id under it), partner, brand, plan, amount to pay and state; the open bill's row marked.
 */
import { html, type TemplateResult } from 'lit';
import { period, stateBadge, toPay } from '../../internal/billing/bill-format.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { BillsConsoleElement } from './bills-console-element.ts';
import type { OperatorBill } from './bills-console-types.ts';

export function renderBillsTable(
  h: BillsConsoleElement,
  rows: readonly OperatorBill[],
  openId: string | null,
  open: (billId: string) => void,
): TemplateResult {
  const locale = h.uiLocaleOf();
  const cols = columns({
    bill: { label: h.m('col.bill'), primary: true },
    partner: { label: h.m('col.partner') },
    brand: { label: h.m('col.brand'), priority: 2 },
    plan: { label: h.m('col.plan'), priority: 3 },
    toPay: { label: h.m('col.toPay') },
    state: { label: h.m('col.state') },
  });
  return html`<div part="table-wrap" ${scrollRegion(h.m('heading'))}>
    <table part="bills">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map(
        (b) => html`<tr part=${b.id === openId ? 'bill-row bill-row-open' : 'bill-row'} data-bill-id=${b.id}>
        <th part="cell bill-id" scope="row" ${cell(cols.bill)}><button part="button open" type="button"
          aria-expanded=${b.id === openId ? 'true' : 'false'} aria-describedby=${`bill-code-${b.id}`}
          @click=${() => open(b.id)}>${period(locale, b.period)}</button>
          <code part="bill-code" id=${`bill-code-${b.id}`}>${b.id}</code></th>
        <td part="cell bill-partner" ${cell(cols.partner)}>${b.partner.name ?? b.partner.id}</td>
        <td part="cell bill-brand" ${cell(cols.brand)}>${b.brand.name ?? b.brand.id}</td>
        <td part="cell bill-plan" ${cell(cols.plan)}>${b.plan.name ?? b.plan.id}</td>
        <td part="cell bill-to-pay" ${cell(cols.toPay)}>${toPay(locale, b)}</td>
        <td part="cell bill-state" ${cell(cols.state)}>${stateBadge(locale, b.state)}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
