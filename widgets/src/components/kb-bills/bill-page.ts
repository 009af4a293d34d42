/**
 * A bill's page inside `<kb-bills>`: its facts, what it waits for when not priced yet, its lines
 * (worded by the server, so late arrivals and tiers read the same in every client) and its
 * corrections. A render function; the section owns loading and the address.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { money, period, stateBadge, waitingWords } from '../../internal/billing/bill-format.ts';
import type { Locale } from '../../internal/i18n.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import type { BillDetail } from './bill-format.ts';
import { billsMessages, type BillsKey } from './kb-bills.messages.ts';

interface PageContext {
  locale: Locale;
  dateTime(value: string | null): string;
}

export function renderBillPage(bill: BillDetail, c: PageContext): TemplateResult {
  const m = (key: BillsKey, params?: Record<string, string>) => billsMessages(c.locale, key, params);
  const amount = (value: string) => money(c.locale, value, bill.currency, bill.coin);
  // The coin mark once per bill (its totals), not on every line and correction.
  const plain = (value: string) => money(c.locale, value, bill.currency, false);
  const waiting = waitingWords(c.locale, bill);
  const fact = (key: BillsKey, value: TemplateResult | string, part: string) =>
    html`<div part=${`fact ${part}`}><dt part="fact-label">${m(key)}</dt><dd part="fact-value">${value}</dd></div>`;
  const carriedOut = bill.carriedOut && Number(bill.carriedOut) !== 0 ? bill.carriedOut : null;
  return html`<article part="bill" aria-labelledby="bill-heading" data-bill-id=${bill.id}>
    <h2 part="heading" id="bill-heading" tabindex="-1">${m('billHeading', { period: period(c.locale, bill.period) })}</h2>
    ${
      waiting
        ? html`<div part="waiting" role="status"><p part="waiting-for">${waiting}</p><p part="hint">${m('waitingHint')}</p></div>`
        : html`<p part="hint state-hint">${m(`stateHint.${bill.state}`)}</p>`
    }
    <dl part="facts" aria-label=${m('facts')}>
      ${fact('fact.id', html`<code>${bill.id}</code>`, 'fact-id')}
      ${fact('fact.issued', waiting ? m('notPriced') : amount(bill.issued), 'fact-issued')}
      ${fact('fact.corrections', plain(bill.corrections), 'fact-corrections')}
      ${fact('fact.toPay', waiting ? m('notPriced') : html`<strong>${amount(bill.toPay)}</strong>`, 'fact-to-pay')}
      ${fact('fact.brand', bill.brand.name ?? bill.brand.id, 'fact-brand')}
      ${fact('fact.plan', bill.plan.name ?? bill.plan.id, 'fact-plan')}
      ${fact('fact.source', m(`source.${bill.source}`), 'fact-source')}
      ${fact('fact.period', period(c.locale, bill.period), 'fact-period')}
      ${fact('fact.state', stateBadge(c.locale, bill.state), 'fact-state')}
      ${fact('fact.created', c.dateTime(bill.createdAt), 'fact-created')}
      ${fact('fact.processed', bill.processedAt ? c.dateTime(bill.processedAt) : m('notProcessed'), 'fact-processed')}
      ${carriedOut ? fact('fact.carriedOut', amount(carriedOut), 'fact-carried-out') : nothing}
    </dl>
    ${waiting ? nothing : renderLines(bill, c.locale, m, plain)}
    ${renderCorrections(bill, c, m, plain)}
  </article>`;
}

type Words = (key: BillsKey, params?: Record<string, string>) => string;
type Amount = (value: string) => TemplateResult;

function renderLines(bill: BillDetail, locale: Locale, m: Words, amount: Amount): TemplateResult {
  const cols = columns({ line: { label: m('col.line'), primary: true }, amount: { label: m('col.amount') } });
  return html`<h3 part="subheading" id="bill-lines-heading">${m('lines')}</h3>
    ${
      bill.lines.length === 0
        ? html`<p part="hint">${m('noLines')}</p>`
        : html`<div part="table-wrap" ${scrollRegion(m('lines'))}>
      <table part="lines" aria-labelledby="bill-lines-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${bill.lines.map(
          (line) => html`<tr part=${line.lateFrom ? 'line line-late' : 'line'} data-kind=${line.kind}>
          <th part="cell line-text" scope="row" ${cell(cols.line)}>${line.text[locale]}</th>
          <td part="cell line-amount" ${cell(cols.amount)}>${amount(line.amount)}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`
    }`;
}

function renderCorrections(bill: BillDetail, c: PageContext, m: Words, amount: Amount): TemplateResult {
  const cols = columns({
    id: { label: m('col.correction'), primary: true },
    when: { label: m('col.when') },
    action: { label: m('col.action') },
    amount: { label: m('col.amount') },
    comment: { label: m('col.comment'), priority: 2 },
  });
  return html`<h3 part="subheading" id="bill-corrections-heading">${m('corrections')}</h3>
    ${
      bill.correctionList.length === 0
        ? html`<p part="hint no-corrections">${m('noCorrections')}</p>`
        : html`<div part="table-wrap" ${scrollRegion(m('corrections'))}>
      <table part="corrections" aria-labelledby="bill-corrections-heading">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${bill.correctionList.map(
          (k) => html`<tr part="correction" data-correction-id=${k.id}>
          <th part="cell correction-id" scope="row" ${cell(cols.id)}><code>${k.id}</code></th>
          <td part="cell correction-when" ${cell(cols.when)}><time datetime=${k.createdAt}>${c.dateTime(k.createdAt)}</time></td>
          <td part="cell correction-action" ${cell(cols.action)}>${m(`action.${k.action}`)}</td>
          <td part="cell correction-amount" ${cell(cols.amount)}>${amount(k.amount)}</td>
          <td part="cell correction-comment" ${cell(cols.comment)}>${k.comment}</td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`
    }`;
}
