/**
 * The reference part of `<kb-api-docs>`: the report's query parameters, built from this partner's
 * report attributes (the same answer as /report/attributes) so only the metrics, groupings and
 * filters the operator lets them use are listed, and the error answers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import { RELATIVE_PERIODS, type ReportOptions } from '../../internal/statistics/statistics-types.ts';
import type { ApiDocsKey } from './kb-api-docs.messages.ts';

type M = (key: ApiDocsKey, params?: MessageParams) => string;
type Named = { id: string; name: string };

/** How many values of a list are spelled out before "and N more". */
const SHOWN_VALUES = 8;

/** Filters by id (or value), the grouping whose hiding also hides the filter, and where the values are. */
const FILTERS = [
  ['brandId', 'brand', 'brands'],
  ['planId', 'plan', 'plans'],
  ['campaignId', 'campaign', 'campaigns'],
  ['promoId', 'promo', 'promos'],
  ['landingId', 'landing', 'landings'],
  ['creativeId', 'creative', null],
  ['trafficSourceId', 'trafficSource', 'trafficSources'],
  ['country', 'country', 'countries'],
  ['device', 'device', 'devices'],
  ['os', 'os', 'operatingSystems'],
] as const;

function values(m: M, list: ReadonlyArray<string | Named>): TemplateResult | typeof nothing {
  if (list.length === 0) return nothing;
  const shown = list.slice(0, SHOWN_VALUES);
  const rest = list.length - shown.length;
  return html`<span part="values"
    >${m('values')}
    ${shown.map(
      (v, i) =>
        html`${i ? ', ' : ''}<code part="value">${typeof v === 'string' ? v : v.id}</code>${typeof v === 'string' ? '' : ` (${v.name})`}`,
    )}${rest > 0 ? html` ${m('more', { count: rest })}` : nothing}</span
  >`;
}

function param(name: string, text: string, list: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<dt part="param-name"><code>${name}</code></dt>
    <dd part="param-text">${text} ${list}</dd>`;
}

/** The report's query parameters this partner may use. */
export function renderReportParameters(m: M, options: ReportOptions): TemplateResult {
  const groupings = options.groupings as readonly string[];
  const filters = FILTERS.filter(([, grouping]) => groupings.includes(grouping));
  return html`<dl part="params">
    ${param('period', m('param.period'), values(m, [...RELATIVE_PERIODS, 'custom']))}
    ${param('from, to', m('param.fromTo'))}
    ${param('timeZone', m('param.timeZone', { zone: options.timeZone }))}
    ${param('groupBy', m('param.groupBy'), values(m, options.groupings))}
    ${groupings.includes('parameter') ? param('parameter', m('param.parameter'), values(m, options.parameters)) : nothing}
    ${param('metrics', m('param.metrics'), values(m, options.metrics))}
    ${
      options.currencies.length
        ? html`${param('currency', m('param.currency'), values(m, options.currencies))}
          ${param('ratesDate', m('param.ratesDate'))}`
        : nothing
    }
    ${filters.map(([name, , list]) => {
      const known = list ? (options[list] as ReadonlyArray<string | Named>) : [];
      const text =
        typeof known[0] === 'string'
          ? m('param.filterValues')
          : m('param.filter', { what: m(`what.${name}` as ApiDocsKey) });
      return param(name, text, values(m, known));
    })}
    ${groupings.includes('promo') ? param('promoCode', m('param.promoCode')) : nothing}
    ${param('sort, order', m('param.sort'))}
    ${param('limit, offset', m('param.paging'))}
  </dl>`;
}

/** The error answers: status, code and what to do. */
export function renderErrors(m: M): TemplateResult {
  const rows: Array<[string, string, string]> = [
    ['401', 'unauthorized', m('error.unauthorized')],
    ['401', 'statistic_token_rotated', m('error.rotated')],
    ['401', 'statistic_token_expired', m('error.expired')],
    ['422', 'validation_failed', m('error.invalid')],
    ['429', 'rate_limited', m('error.limited')],
  ];
  return html`<dl part="params errors">
    ${rows.map(
      ([status, code, text]) => html`<dt part="param-name error-code"><code>${status} ${code}</code></dt>
        <dd part="param-text">${text}</dd>`,
    )}
  </dl>`;
}
