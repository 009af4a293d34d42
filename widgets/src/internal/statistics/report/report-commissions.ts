/**
 * The report's commissions block, under its table (or its empty state: a period without clicks may
 * still be billed, RevShare on earlier players): the bills' figures for the report's dates and its
 * partner, brand and plan filters, per currency the total and the split by kind, with a caption and
 * a note saying they are billed amounts; no bills said so; none for a finer filter, with why.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { commissionsByCurrency } from '../commissions.ts';
import type { Commissions } from '../statistics-types.ts';
import type { ReportLabels } from './report-view.ts';

export function renderCommissions(
  labels: ReportLabels,
  commissions: Commissions | null,
  audience: 'partner' | 'operator',
  /** The report shows a billed column (commission, profit, ROI, EPC) it cannot fill per row: say when it can. */
  billedColumnsUnknown = false,
): TemplateResult {
  const { m, locale } = labels;
  const currencies = commissions ? commissionsByCurrency(locale, commissions) : [];
  const state = !commissions ? 'not-billed' : currencies.length ? 'billed' : 'none';
  const cut = m(audience === 'operator' ? 'commissions.cut.operator' : 'commissions.cut');
  let body: TemplateResult;
  if (!commissions) {
    body = html`<p part="hint commissions-note">${m('commissions.finer', { cut })}</p>`;
  } else
    body = html`<p part="hint commissions-note">${m('commissions.note')}</p>
      ${
        currencies.length
          ? html`<ul part="commission-cards">
              ${currencies.map(
                (c) => html`<li part="commission-card" data-currency=${c.currency}>
                  <dl part="commission-list">
                    ${c.kinds.map(
                      (k) => html`<div part="commission-kind" data-kind=${k.kind}>
                        <dt part="commission-name">${m(`commissions.kind.${k.kind}`)}</dt>
                        <dd part="commission-value"><span part="value">${k.amount}</span></dd>
                      </div>`,
                    )}
                    <div part="commission-total">
                      <dt part="commission-name">${labels.s('total')}</dt>
                      <dd part="commission-value"><span part="value">${c.total}</span></dd>
                    </div>
                  </dl>
                </li>`,
              )}
            </ul>`
          : html`<p part="commissions-none">${m('commissions.none')}</p>`
      }`;
  return html`<section part="commissions" data-state=${state} aria-labelledby="report-commissions">
    <h3 part="subheading" id="report-commissions">${m('commissions')} <span part="commissions-caption">${labels.s('commission.billed')}</span></h3>
    ${body}
    ${
      billedColumnsUnknown ? html`<p part="hint commissions-columns">${m('commissions.columns', { cut })}</p>` : nothing
    }
  </section>`;
}
