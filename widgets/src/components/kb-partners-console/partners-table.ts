/**
 * The console's partner list as a responsive table: the partner (the button that opens its page,
 * its id under it), the owner's e-mail, country, sign-up date and status. Rows become cards on a phone.
 */
import { html, type TemplateResult } from 'lit';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { PartnersConsoleElement } from './partners-console-element.ts';
import type { PartnerRow, PartnerStatus } from './partners-types.ts';

export const statusBadge = (h: PartnersConsoleElement, status: PartnerStatus): TemplateResult =>
  html`<span part=${`status-badge status-${status}`}>${h.m(`status.${status}`)}</span>`;

export function renderPartnersTable(
  h: PartnersConsoleElement,
  rows: readonly PartnerRow[],
  open: (partnerId: string) => void,
): TemplateResult {
  const cols = columns({
    partner: { label: h.m('col.partner'), primary: true },
    email: { label: h.m('col.email') },
    country: { label: h.m('col.country'), priority: 3 },
    signedUp: { label: h.m('col.signedUp'), priority: 2 },
    status: { label: h.m('col.status') },
  });
  return html`<div part="table-wrap" ${scrollRegion(h.m('heading'))}>
    <table part="partners">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map(
        (p) => html`<tr part="partner-row" data-partner-id=${p.id}>
        <th part="cell partner-name" scope="row" ${cell(cols.partner)}><button part="open" type="button"
          aria-describedby=${`partner-code-${p.id}`} @click=${() => open(p.id)}>${p.name}</button>
          <code part="partner-code" id=${`partner-code-${p.id}`}>${p.id}</code></th>
        <td part="cell owner-email" ${cell(cols.email)}>${p.owner?.email ?? h.m('none')}</td>
        <td part="cell partner-country" ${cell(cols.country)}>${h.country(p.country)}</td>
        <td part="cell partner-signed-up" ${cell(cols.signedUp)}>${h.day(p.createdAt)}</td>
        <td part="cell partner-status" ${cell(cols.status)}>${statusBadge(h, p.status)}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
