/**
 * The overview's transactions of `<kb-wallet>`: the filter form (type, action, currency, amount
 * range, dates) with its checks, and the table. `<kb-wallet>` owns the paged log and its state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dateRange, selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import { formValues } from '../../internal/campaign/campaign-types.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { WalletKey } from './kb-wallet.messages.ts';
import {
  DECIMAL,
  decimalOf,
  details,
  lessThan,
  signedAmount,
  TRANSACTION_TYPES,
  typeWords,
  type Transaction,
  type TransactionQuery,
} from './wallet-format.ts';

export type TransactionFilters = Omit<TransactionQuery, 'limit' | 'before'>;
export type FilterErrors = Partial<Record<'amountFrom' | 'amountTo' | 'to', string>>;
type Words = (key: WalletKey, params?: MessageParams) => string;

/** The filters of the form, or the errors to show (amounts as decimal strings, compared exactly). */
export function readFilters(
  form: HTMLFormElement,
  m: Words,
): { filters: TransactionFilters; errors: null } | { filters: null; errors: FilterErrors } {
  const values = formValues(form);
  const amountFrom = decimalOf(values.amountFrom);
  const amountTo = decimalOf(values.amountTo);
  const errors: FilterErrors = {};
  if (amountFrom && !DECIMAL.test(amountFrom)) errors.amountFrom = m('badAmount');
  if (amountTo && !DECIMAL.test(amountTo)) errors.amountTo = m('badAmount');
  else if (amountFrom && amountTo && !errors.amountFrom && lessThan(amountTo, amountFrom))
    errors.amountTo = m('amountOrder');
  if (values.from && values.to && values.to < values.from) errors.to = m('toBeforeFrom');
  if (Object.keys(errors).length > 0) return { filters: null, errors };
  const { type, action, currency, from, to } = values;
  return { filters: { type, action, currency, amountFrom, amountTo, from, to } as TransactionFilters, errors: null };
}

export function renderTransactionFilters(v: {
  m: Words;
  currencies: readonly string[];
  errors: FilterErrors;
  loading: boolean;
  onSubmit: (event: SubmitEvent) => void;
}): TemplateResult {
  const { m, errors } = v;
  return html`<form part="filters" aria-label=${m('filters')} novalidate @submit=${v.onSubmit}>
      ${selectField({
        id: 'wallet-type',
        name: 'type',
        label: m('type'),
        options: [['', m('anyType')], ...TRANSACTION_TYPES.map((t) => [t, m(`type.${t}`)] as const)],
      })}
      ${selectField({
        id: 'wallet-action',
        name: 'action',
        label: m('action'),
        options: [
          ['', m('anyAction')],
          ['add', m('action.add')],
          ['subtract', m('action.subtract')],
        ],
      })}
      ${
        v.currencies.length > 1
          ? selectField({
              id: 'wallet-currency',
              name: 'currency',
              label: m('currency'),
              options: [['', m('anyCurrency')], ...v.currencies.map((c) => [c, c] as const)],
            })
          : nothing
      }
      ${textField({ id: 'wallet-amountFrom', name: 'amountFrom', label: m('amountFrom'), error: errors.amountFrom, alert: true, maxlength: 40 })}
      ${textField({ id: 'wallet-amountTo', name: 'amountTo', label: m('amountTo'), error: errors.amountTo, alert: true, maxlength: 40 })}
      ${dateRange('wallet', { from: m('from'), to: m('to') }, errors.to ?? null)}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${v.loading}>${m('apply')}</button></div>
    </form>`;
}

export function renderTransactionTable(
  v: { locale: Locale; m: Words; dateTime: (value: string) => string },
  rows: Transaction[],
): TemplateResult {
  const { locale, m } = v;
  const cols = columns({
    when: { label: m('col.when'), primary: true },
    type: { label: m('col.type') },
    details: { label: m('col.details'), priority: 2 },
    amount: { label: m('col.amount') },
  });
  return html`<div part="table-wrap" ${scrollRegion(m('transactions'))}>
      <table part="transactions" aria-labelledby="wallet-transactions-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${rows.map(
          (t) => html`<tr part="transaction-row" data-transaction-id=${t.id}>
            <th part="cell transaction-when" scope="row" ${cell(cols.when)}>${v.dateTime(t.createdAt)}</th>
            <td part="cell transaction-type" ${cell(cols.type)}>${typeWords(locale, t)}</td>
            <td part="cell transaction-details" ${cell(cols.details)}>${details(locale, t)}</td>
            <td part="cell transaction-amount" ${cell(cols.amount)}>${signedAmount(locale, t)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
}
