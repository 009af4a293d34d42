/**
 * The report's question in the portal's address (`#/reports?period=last_7_days&groupBy=day,campaign`),
 * so a refresh, Back and Forward and a shared link show the same report. The columns stay out: they
 * are each user's own (localStorage). Values the options do not allow are dropped when read. The
 * address itself is kept by a `QueryAddress` (query-address.ts).
 */
import { addressDay, addressText, readPeriod, writePeriod } from '../query-address.ts';
import type { Grouping, ReportOptions } from '../statistics-types.ts';
import { listOf } from './multi-select.ts';
import {
  MAX_GROUPINGS,
  NO_FILTERS,
  addableGroupings,
  initialSetup,
  type ReportFilterValues,
  type ReportSetup,
  type ReportView,
} from './report-setup.ts';

const FILTER_KEYS = Object.keys(NO_FILTERS) as Array<keyof ReportFilterValues>;
const LIST_KEYS = ['campaignId', 'country'] as const;
const readList = (value: string | null): string =>
  [...new Set(listOf(value ?? '').map((v) => v.slice(0, 64)))].slice(0, 50).join(',');
export const DEFAULT_VIEW: ReportView = { sort: '', order: 'desc', limit: 50, offset: 0 };

/** The address's query for a report: only what differs from an empty form, lists comma-separated. */
export function toAddress(setup: ReportSetup, view: ReportView): string {
  const q = new URLSearchParams();
  writePeriod(q, setup.period);
  q.set('groupBy', setup.groupBy.join(','));
  if (setup.groupBy.includes('parameter') && setup.parameter) q.set('parameter', setup.parameter);
  for (const key of FILTER_KEYS) if (setup.filters[key]) q.set(key, setup.filters[key]);
  q.set('currency', setup.currency);
  if (setup.currency && setup.ratesDate) q.set('ratesDate', setup.ratesDate);
  if (view.sort) {
    q.set('sort', view.sort);
    q.set('order', view.order);
  }
  if (view.limit !== DEFAULT_VIEW.limit) q.set('limit', String(view.limit));
  if (view.offset) q.set('offset', String(view.offset));
  return addressText(q);
}

/** The report an address asks for, or null when it names none (an empty query). */
export function fromAddress(query: string, options: ReportOptions): { setup: ReportSetup; view: ReportView } | null {
  const q = new URLSearchParams(query);
  if (!q.has('period') && !q.has('groupBy')) return null;
  const setup = initialSetup(options);
  setup.period = readPeriod(q) ?? setup.period;
  if (q.has('groupBy')) {
    const groupBy: Grouping[] = [];
    for (const g of (q.get('groupBy') ?? '').split(',')) {
      const allowed = addableGroupings(options.groupings, groupBy, options.parameters) as string[];
      if (groupBy.length < MAX_GROUPINGS && allowed.includes(g)) groupBy.push(g as Grouping);
    }
    setup.groupBy = groupBy;
  }
  const parameter = q.get('parameter');
  if (parameter && options.parameters.includes(parameter)) setup.parameter = parameter;
  for (const key of FILTER_KEYS) setup.filters[key] = (q.get(key) ?? '').slice(0, 64);
  // Campaigns and countries are lists: a few dozen values at most, each as long as one value may be.
  for (const key of LIST_KEYS) setup.filters[key] = readList(q.get(key));
  // Partners are the operator's to filter by (a partner's options list none).
  if (!options.partners.some((p) => p.id === setup.filters.partnerId)) setup.filters.partnerId = '';
  if (q.has('currency')) {
    const currency = q.get('currency') ?? '';
    setup.currency = currency === '' || /^[A-Z0-9]{3,5}$/.test(currency) ? currency : setup.currency;
  }
  setup.ratesDate = setup.currency ? addressDay(q.get('ratesDate')) : '';
  const limit = Number(q.get('limit'));
  const offset = Number(q.get('offset'));
  const sort = q.get('sort') ?? '';
  const known = (options.metrics as string[]).includes(sort) || (setup.groupBy as string[]).includes(sort);
  return {
    setup,
    view: {
      sort: known ? sort : '',
      order: q.get('order') === 'asc' ? 'asc' : 'desc',
      // A link may ask for any page size the API takes (up to 1000 rows).
      limit: Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : DEFAULT_VIEW.limit,
      offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    },
  };
}
