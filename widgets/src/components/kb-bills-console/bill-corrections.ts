/**
 * A bill's corrections in the console's panel: the table of those made, the form for a new one
 * (amount and comment checked here first, the server's problems shown beside the same fields) and
 * reading that form. Render functions; the panel (bill-panel.ts) owns sending and focus.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { BillsConsoleElement } from './bills-console-element.ts';
import type { OperatorBillDetail } from './bills-console-types.ts';

/** `action`: a state change's refusal; `correction`: the correction's, when no field is named. */
export type Problems = { action?: string; correction?: string; amount?: string; comment?: string };
export type CorrectionInput = { action: 'add' | 'subtract'; amount: string; comment: string };

const fieldError = (id: string, text: string | undefined) =>
  text ? html`<p part="field-error" id=${`${id}-error`}>${text}</p>` : nothing;

/** The form's values (a decimal comma read as a point) and what is missing or malformed. */
export function readCorrection(
  form: HTMLFormElement,
  h: BillsConsoleElement,
): { input: CorrectionInput; problems: Problems } {
  const data = new FormData(form);
  const action = String(data.get('action') ?? '') as 'add' | 'subtract';
  const amount = String(data.get('amount') ?? '')
    .trim()
    .replace(',', '.');
  const comment = String(data.get('comment') ?? '').trim();
  const required = h.m('correction.required');
  const problems: Problems = {
    ...(amount
      ? /^\d+(\.\d+)?$/.test(amount)
        ? {}
        : { amount: h.m('correction.amountFormat') }
      : { amount: required }),
    ...(comment ? {} : { comment: required }),
  };
  return { input: { action, amount, comment }, problems };
}

export function renderCorrections(
  h: BillsConsoleElement,
  bill: OperatorBillDetail,
  amount: (v: string) => TemplateResult,
): TemplateResult {
  if (bill.correctionList.length === 0) return html`<p part="hint no-corrections">${h.m('noCorrections')}</p>`;
  const cols = columns({
    id: { label: h.m('col.correction'), primary: true },
    when: { label: h.m('col.when') },
    action: { label: h.m('correction.action') },
    amount: { label: h.m('correction.amount', { currency: bill.currency }) },
    comment: { label: h.m('correction.comment') },
  });
  return html`<div part="table-wrap" ${scrollRegion(h.m('corrections'))}>
    <table part="corrections" aria-labelledby="bill-corrections-heading">
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${bill.correctionList.map(
        (k) => html`<tr part="correction" data-correction-id=${k.id}>
        <th part="cell correction-id" scope="row" ${cell(cols.id)}><code>${k.id}</code></th>
        <td part="cell correction-when" ${cell(cols.when)}>${h.when(k.createdAt)}</td>
        <td part="cell correction-action" ${cell(cols.action)}>${h.m(`action.${k.action}`)}</td>
        <td part="cell correction-amount" ${cell(cols.amount)}>${amount(k.amount)}</td>
        <td part="cell correction-comment" ${cell(cols.comment)}>${k.comment}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

export function renderCorrectionForm(
  h: BillsConsoleElement,
  bill: OperatorBillDetail,
  state: { problems: Problems; busy: boolean; submit: (event: SubmitEvent) => void },
): TemplateResult {
  const p = state.problems;
  return html`<form part="correction-form" novalidate aria-labelledby="correction-heading" @submit=${state.submit}>
    <h4 part="minor-heading" id="correction-heading">${h.m('correct')}</h4>
    ${bill.state === 'approved' ? html`<p part="hint">${h.m('correctHint')}</p>` : nothing}
    <div part="field-row">
      <div part="field"><label part="label" for="correction-action">${h.m('correction.action')}</label>
        <select part="input" id="correction-action" name="action">
          <option value="add">${h.m('action.add')}</option><option value="subtract">${h.m('action.subtract')}</option>
        </select></div>
      <div part="field"><label part="label" for="correction-amount">${h.m('correction.amount', { currency: bill.currency })}</label>
        <input part="input" id="correction-amount" name="amount" inputmode="decimal" autocomplete="off" required
          aria-invalid=${p.amount ? 'true' : 'false'} aria-describedby=${p.amount ? 'correction-amount-error' : nothing} />
        ${fieldError('correction-amount', p.amount)}</div>
    </div>
    <div part="field"><label part="label" for="correction-comment">${h.m('correction.comment')}</label>
      <input part="input" id="correction-comment" name="comment" maxlength="500" autocomplete="off" required
        aria-invalid=${p.comment ? 'true' : 'false'} aria-describedby=${p.comment ? 'correction-comment-error' : nothing} />
      ${fieldError('correction-comment', p.comment)}</div>
    ${p.correction ? html`<p part="error" role="alert">${p.correction}</p>` : nothing}
    <div part="actions"><button part="button primary submit-correction" type="submit" ?disabled=${state.busy}>${h.m('correction.submit')}</button></div>
  </form>`;
}
