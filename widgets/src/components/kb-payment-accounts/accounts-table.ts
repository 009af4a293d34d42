/**
 * The partner's payment accounts as a responsive table: the method (name and kind), the details
 * (masked, or in full once shown with a code), the method's limits per currency, when it was
 * added, and the row's actions; an open "show" or "delete" panel is a row of its own below.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { breakable, cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { formatAmount } from '../../internal/statistics/format.ts';
import type { PaymentAccountsKey } from './kb-payment-accounts.messages.ts';
import {
  groupIban,
  KIND_FIELDS,
  MASKED_KEYS,
  type AccountDetails,
  type OfferedMethod,
  type PaymentAccount,
  type PaymentKind,
} from './payment-kinds.ts';

export interface AccountsTableView {
  m(key: PaymentAccountsKey, params?: MessageParams): string;
  locale: Locale;
  accounts: PaymentAccount[];
  methods: OfferedMethod[];
  /** Owners, admins and finance members: analysts see the list without its buttons. */
  canChange: boolean;
  day(value: string): string;
  brandName(brandId: string): string;
  revealed(accountId: string): AccountDetails | null;
  openMode(accountId: string): 'reveal' | 'delete' | null;
  panel(account: PaymentAccount): TemplateResult | typeof nothing;
  onShow(account: PaymentAccount): void;
  onHide(account: PaymentAccount): void;
  onDelete(account: PaymentAccount): void;
}

const MONO = new Set(['iban', 'bic', 'address', 'account', 'purse', 'playerId']);
const fieldLabel = (view: AccountsTableView, key: string) => view.m(`field.${key}` as PaymentAccountsKey);
export const kindLabel = (m: AccountsTableView['m'], kind: PaymentKind) => m(`kind.${kind}`);

/** "EUR: €50.00 – €10,000.00", one line per currency the method pays in. */
export function limitLines(m: AccountsTableView['m'], locale: Locale, method: OfferedMethod): TemplateResult {
  return html`<ul part="limits">${method.limits.map(
    (l) =>
      html`<li part="limit" data-currency=${l.currency}>${m('limit', {
        currency: l.currency,
        min: formatAmount(locale, l.currency, l.min),
        max: formatAmount(locale, l.currency, l.max),
      })}</li>`,
  )}</ul>`;
}

function accountColumns(view: AccountsTableView) {
  const { m } = view;
  return columns({
    method: { label: m('col.method'), primary: true },
    details: { label: m('col.details') },
    limits: { label: m('col.limits'), priority: 2 },
    added: { label: m('col.added'), priority: 3 },
    actions: view.canChange ? { label: m('col.actions'), actions: true } : undefined,
  });
}
type AccountColumns = ReturnType<typeof accountColumns>;

export function renderAccountsTable(view: AccountsTableView): TemplateResult {
  const cols = accountColumns(view);
  return html`<div part="table-wrap" ${scrollRegion(view.m('accounts'))}>
    <table part="accounts" aria-label=${view.m('accounts')}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${view.accounts.map((account) => renderAccount(view, cols, account))}</tbody>
    </table>
  </div>`;
}

/** The details as label and value pairs, in the order the kind's form asks for them. */
function detailPairs(view: AccountsTableView, account: PaymentAccount, full: AccountDetails | null): string[][] {
  if (!full)
    return MASKED_KEYS[account.method.kind].filter((k) => account.masked[k]).map((k) => [k, account.masked[k]!]);
  const values = full as unknown as Record<string, string>;
  return KIND_FIELDS[full.kind].map(({ name }) => {
    const value = values[name] ?? '';
    if (name === 'brandId') return ['brand', view.brandName(value)];
    return [name, name === 'iban' ? groupIban(value) : value];
  });
}

function renderDetails(view: AccountsTableView, account: PaymentAccount): TemplateResult {
  const full = view.revealed(account.id);
  return html`<dl part=${full ? 'details details-revealed' : 'details details-masked'} id=${`pay-details-${account.id}`}
    tabindex=${full ? '-1' : nothing} aria-label=${full ? view.m('revealed') : nothing}>
    ${detailPairs(view, account, full).map(
      ([key, value]) => html`<div part="detail" data-field=${key!}>
        <dt part="detail-label">${fieldLabel(view, key!)}</dt>
        <dd part=${MONO.has(key!) ? 'detail-value mono' : 'detail-value'}>${key === 'email' ? breakable(value!) : value}</dd>
      </div>`,
    )}
  </dl>`;
}

function renderAccount(view: AccountsTableView, cols: AccountColumns, account: PaymentAccount): TemplateResult {
  const { m } = view;
  const method = view.methods.find((x) => x.id === account.method.id);
  const open = view.openMode(account.id);
  const shown = Boolean(view.revealed(account.id));
  const panelId = `pay-panel-${account.id}`;
  const name = account.method.name;
  const panel = view.panel(account);
  return html`<tr part="account-row" data-account-id=${account.id} data-kind=${account.method.kind}>
      <th part="cell account-method" scope="row" id=${`pay-row-${account.id}`} tabindex="-1" ${cell(cols.method)}>
        <span part="method-name">${name}</span>
        <span part="badge kind">${kindLabel(m, account.method.kind)}</span>
        ${method ? nothing : html`<span part="not-offered">${m('notOffered')}</span>`}
      </th>
      <td part="cell account-details" ${cell(cols.details)}>${renderDetails(view, account)}</td>
      <td part="cell account-limits" ${cell(cols.limits)}>${method ? limitLines(m, view.locale, method) : html`<span>—</span>`}</td>
      <td part="cell account-added" ${cell(cols.added)}><span>${view.day(account.createdAt)}</span></td>
      ${
        cols.actions
          ? html`<td part="cell account-actions" ${cell(cols.actions)}><div part="toolbar">
          ${
            shown
              ? html`<button part="button reveal hide" type="button" aria-label=${m('hideLabel', { method: name })}
                @click=${() => view.onHide(account)}>${m('hide')}</button>`
              : html`<button part="button reveal" type="button" aria-label=${m('showLabel', { method: name })}
                aria-expanded=${open === 'reveal' ? 'true' : 'false'} aria-controls=${open === 'reveal' ? panelId : nothing}
                @click=${() => view.onShow(account)}>${m('show')}</button>`
          }
          <button part="button danger delete" type="button" aria-label=${m('deleteLabel', { method: name })}
            aria-expanded=${open === 'delete' ? 'true' : 'false'} aria-controls=${open === 'delete' ? panelId : nothing}
            @click=${() => view.onDelete(account)}>${m('delete')}</button>
        </div></td>`
          : nothing
      }
    </tr>
    ${
      panel === nothing
        ? nothing
        : html`<tr part="panel-row"><td part="cell panel-cell" id=${panelId} colspan=${cols.list.length}>${panel}</td></tr>`
    }`;
}
