/**
 * The report's question in the portal's address (`#/reports?period=last_7_days&groupBy=day,campaign`),
 * so a refresh, Back and Forward and a shared link show the same report. The columns stay out: they
 * are each user's own (localStorage). Values the options do not allow are dropped when read.
 */
import type { ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { routeContext } from '../../contexts.ts';
import type { SectionRoute } from '../../router.ts';
import { isPeriod } from '../period-picker.ts';
import type { Grouping, ReportOptions } from '../statistics-types.ts';
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
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_VIEW: ReportView = { sort: '', order: 'desc', limit: 50, offset: 0 };

/** The address's query for a report: only what differs from an empty form, lists comma-separated. */
export function toAddress(setup: ReportSetup, view: ReportView): string {
  const q = new URLSearchParams();
  q.set('period', setup.period.period);
  if (setup.period.period === 'custom') {
    q.set('from', setup.period.from);
    q.set('to', setup.period.to);
  }
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
  return q.toString().replaceAll('%2C', ',');
}

/** The report an address asks for, or null when it names none (an empty query). */
export function fromAddress(query: string, options: ReportOptions): { setup: ReportSetup; view: ReportView } | null {
  const q = new URLSearchParams(query);
  if (!q.has('period') && !q.has('groupBy')) return null;
  const setup = initialSetup(options);
  const period = q.get('period') ?? '';
  if (isPeriod(period)) {
    const from = q.get('from') ?? '';
    const to = q.get('to') ?? '';
    setup.period = { period, from: DAY.test(from) ? from : '', to: DAY.test(to) ? to : '' };
  }
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
  // Partners are the operator's to filter by (a partner's options list none).
  if (!options.partners.some((p) => p.id === setup.filters.partnerId)) setup.filters.partnerId = '';
  if (q.has('currency')) {
    const currency = q.get('currency') ?? '';
    setup.currency = currency === '' || /^[A-Z0-9]{3,5}$/.test(currency) ? currency : setup.currency;
  }
  const ratesDate = q.get('ratesDate') ?? '';
  setup.ratesDate = setup.currency && DAY.test(ratesDate) ? ratesDate : '';
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

/**
 * The section's side of its address inside `<kb-portal>` (nothing outside one): the query it was
 * opened with, writing a new one, and `onChange` when Back, Forward or a link bring another.
 */
export class ReportAddress {
  private readonly consumer: ContextConsumer<typeof routeContext, ReactiveControllerHost & HTMLElement>;
  /** The section the address was first given for (a route of another section is the portal leaving). */
  private section: string | null = null;
  /** The query the shown report answers (read or written). */
  private shown = '';

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (query: string) => void,
  ) {
    this.consumer = new ContextConsumer(host, {
      context: routeContext,
      subscribe: true,
      callback: (state) => this.follow(state),
    });
  }

  /** The address's query now; the report shown answers it from here on. */
  take(): string {
    this.shown = this.consumer.value?.route.query ?? '';
    return this.shown;
  }

  /** A new history entry for a new question, or (`replace`) the same one for a sort or a page. */
  write(query: string, replace: boolean): void {
    if (query === this.shown) return;
    this.shown = query;
    this.consumer.value?.go([], { query, replace });
  }

  private follow(state: SectionRoute | undefined): void {
    if (!state) return;
    this.section ??= state.route.section;
    if (state.route.section !== this.section || state.route.query === this.shown) return;
    this.shown = state.route.query;
    this.onChange(this.shown);
  }
}
