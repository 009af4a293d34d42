/**
 * The console's cash-outs as a responsive table: requested at (the row header, the id under it),
 * partner, amount, method with the masked account, state, reference, and the moves the state allows
 * (buttons named with the amount and partner, since "Cancel" alone says nothing to a screen reader).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { money } from '../../internal/billing/bill-format.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { MovesHost } from './cash-out-moves.ts';
import { MOVES_BY_STATE, type CashOutMove, type OperatorCashOut } from './cash-outs-types.ts';

type TableHost = Pick<MovesHost, 'm' | 'uiLocaleOf' | 'wordsFor'> & { when(value: string): string };

export function renderCashOutsTable(
  h: TableHost,
  rows: readonly OperatorCashOut[],
  act: (cashOut: OperatorCashOut, move: CashOutMove, opener: HTMLElement) => void,
): TemplateResult {
  const locale = h.uiLocaleOf();
  const cols = columns({
    requested: { label: h.m('col.requested'), primary: true },
    partner: { label: h.m('col.partner') },
    amount: { label: h.m('col.amount') },
    method: { label: h.m('col.method'), priority: 2 },
    state: { label: h.m('col.state') },
    reference: { label: h.m('col.reference'), priority: 3 },
    actions: { label: h.m('col.actions'), actions: true },
  });
  return html`<div part="table-wrap" ${scrollRegion(h.m('heading'))}>
    <table part="cash-outs">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map((c) => {
        const words = h.wordsFor(c);
        const moves = MOVES_BY_STATE[c.state];
        return html`<tr part="cash-out-row" data-cash-out-id=${c.id}>
          <th part="cell requested" scope="row" ${cell(cols.requested)}><span part="requested-at">${h.when(c.createdAt)}</span>
            <code part="cash-out-code">${c.id}</code></th>
          <td part="cell partner" ${cell(cols.partner)}>${words.partner}</td>
          <td part="cell amount" ${cell(cols.amount)}>${money(locale, c.amount, c.currency, false)}</td>
          <td part="cell method" ${cell(cols.method)}><span part="method-name">${c.paymentAccount.method.name}</span>
            <span part="account-summary">${c.paymentAccount.summary}</span></td>
          <td part="cell state" ${cell(cols.state)}><span part=${`state-badge state-${c.state}`}>${h.m(`state.${c.state}`)}</span>${
            c.cancelledBy ? html` <span part="cancelled-by">${h.m(`cancelledBy.${c.cancelledBy}`)}</span>` : nothing
          }</td>
          <td part="cell reference" ${cell(cols.reference)}>${
            c.reference ? html`<code part="reference">${c.reference}</code>` : h.m('noReference')
          }</td>
          <td part="cell row-actions" ${cell(cols.actions)}>${moves.map(
            (
              move,
            ) => html`<button part=${`button action action-${move}${move === 'pay' ? ' primary' : ''}`} type="button"
              aria-label=${h.m(`doFor.${move}`, { amount: words.amount, partner: words.partner })}
              @click=${(e: Event) => act(c, move, e.currentTarget as HTMLElement)}>${h.m(`do.${move}`)}</button>`,
          )}</td>
        </tr>`;
      })}</tbody>
    </table>
  </div>`;
}
