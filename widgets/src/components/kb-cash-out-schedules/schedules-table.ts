/**
 * The partner's schedules as a responsive table: the account and currency, the plan in words, the
 * amounts, the next date and the last result; Edit and Delete for the money roles. An open panel
 * (the delete question) is a row of its own below its schedule.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import {
  accountWords,
  amountRange,
  lastWords,
  nextWords,
  planWords,
  type CashOutSchedule,
  type Words,
} from './schedule-words.ts';

export interface SchedulesTableView extends Words {
  schedules: CashOutSchedule[];
  canChange: boolean;
  /** Whose delete panel is open. */
  openId: string | null;
  panel(schedule: CashOutSchedule): TemplateResult | typeof nothing;
  onEdit(schedule: CashOutSchedule): void;
  onDelete(schedule: CashOutSchedule): void;
}

function scheduleColumns(view: SchedulesTableView) {
  const { m } = view;
  return columns({
    account: { label: m('col.account'), primary: true },
    currency: { label: m('col.currency') },
    plan: { label: m('col.plan') },
    amounts: { label: m('col.amounts'), priority: 2 },
    next: { label: m('col.next') },
    last: { label: m('col.last'), priority: 3 },
    actions: view.canChange ? { label: m('col.actions'), actions: true } : undefined,
  });
}
type ScheduleColumns = ReturnType<typeof scheduleColumns>;

export function renderSchedulesTable(view: SchedulesTableView): TemplateResult {
  const cols = scheduleColumns(view);
  return html`<div part="table-wrap" ${scrollRegion(view.m('schedules'))}>
    <table part="schedules" aria-label=${view.m('schedules')}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${view.schedules.map((s) => renderSchedule(view, cols, s))}</tbody>
    </table>
  </div>`;
}

function renderSchedule(view: SchedulesTableView, cols: ScheduleColumns, s: CashOutSchedule): TemplateResult {
  const { m } = view;
  const account = accountWords(view, s);
  const named = { account, currency: s.currency };
  const open = view.openId === s.id;
  const panelId = `sch-panel-${s.id}`;
  const panel = view.panel(s);
  const skipped = s.lastRun?.outcome === 'skipped';
  return html`<tr part=${s.enabled ? 'schedule-row' : 'schedule-row paused'} data-schedule-id=${s.id}>
      <th part="cell schedule-account" scope="row" id=${`sch-row-${s.id}`} tabindex="-1" ${cell(cols.account)}>
        <span part=${s.paymentAccount.summary === null ? 'account-name account-gone' : 'account-name'}>${account}</span>
      </th>
      <td part="cell schedule-currency" ${cell(cols.currency)}><span>${s.currency}</span></td>
      <td part="cell schedule-plan" ${cell(cols.plan)}><span part="plan">${planWords(view, s)}</span></td>
      <td part="cell schedule-amounts" ${cell(cols.amounts)}><span part="amounts">${amountRange(view, s)}</span></td>
      <td part="cell schedule-next" ${cell(cols.next)}><span part=${s.nextSlot ? 'next' : 'next paused-note'}>${nextWords(view, s)}</span></td>
      <td part="cell schedule-last" ${cell(cols.last)}><span part=${skipped ? 'last skipped' : 'last'}>${lastWords(view, s)}</span></td>
      ${
        cols.actions
          ? html`<td part="cell schedule-actions" ${cell(cols.actions)}><div part="toolbar">
          <button part="button edit" type="button" aria-label=${m('editLabel', named)}
            @click=${() => view.onEdit(s)}>${m('edit')}</button>
          <button part="button danger delete" type="button" aria-label=${m('deleteLabel', named)}
            aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? panelId : nothing}
            @click=${() => view.onDelete(s)}>${m('delete')}</button>
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
