/**
 * A statistics section's question in the portal's address (`#/reports?period=…&groupBy=…`,
 * `#/dashboard?period=…&campaignId=…`), so a refresh, Back and Forward and a shared link show the
 * same screen. Each section says how its question reads and writes as a query; this is the part
 * they share: the query the section was opened with, writing a new one, and following another.
 */
import type { ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { routeContext } from '../contexts.ts';
import type { SectionRoute } from '../router.ts';
import type { PeriodChoice } from './period-picker.ts';
import { isPeriod } from './period-picker.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date the address may carry (`YYYY-MM-DD`), else empty. */
export const addressDay = (value: string | null): string => (value && DAY.test(value) ? value : '');

/** Writes the period (`period`, and `from`/`to` when custom). */
export function writePeriod(q: URLSearchParams, choice: PeriodChoice): void {
  q.set('period', choice.period);
  if (choice.period === 'custom') {
    q.set('from', choice.from);
    q.set('to', choice.to);
  }
}

/** The period an address names (dates that are not dates left empty), or null for none or an unknown one. */
export function readPeriod(q: URLSearchParams): PeriodChoice | null {
  const period = q.get('period') ?? '';
  if (!isPeriod(period)) return null;
  return { period, from: addressDay(q.get('from')), to: addressDay(q.get('to')) };
}

/** The query as the address shows it: lists keep their commas readable. */
export const addressText = (q: URLSearchParams): string => q.toString().replaceAll('%2C', ',');

/**
 * The section's side of its address inside `<kb-portal>` (nothing outside one): the query it was
 * opened with, writing a new one, and `onChange` when Back, Forward or a link bring another.
 */
export class QueryAddress {
  private readonly consumer: ContextConsumer<typeof routeContext, ReactiveControllerHost & HTMLElement>;
  /** The section the address was first given for (a route of another section is the portal leaving). */
  private section: string | null = null;
  /** The query the shown screen answers (read or written). */
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

  /** The address's query now; the screen shown answers it from here on. */
  take(): string {
    this.shown = this.consumer.value?.route.query ?? '';
    return this.shown;
  }

  /** A new history entry for a new question, or (`replace`) the same one for a refinement (a sort, a page). */
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
