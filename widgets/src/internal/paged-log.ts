/**
 * The paged, filtered log every "newest first, Load more" list shares (<kb-activity>,
 * <kb-postback-log>; next the reports and wallet lists): filters → first page → "Load more" with
 * the server's `nextBefore` cursor, the newest request wins, errors and the empty state. A
 * reactive controller, so a section keeps its own base class and only renders its filters and rows.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { hasFilters, renderEmptyState, type EmptyState } from './empty-state.ts';

/** One page of a log route: newest first, `nextBefore` null on the last page. */
export interface LogPage<Row> {
  data: Row[];
  nextBefore: string | null;
}

export interface PagedLogOptions<Row, Filters> {
  /** Fetches one page: the first (`before` null) or the one after the cursor. */
  fetchPage(filters: Filters, before: string | null): Promise<LogPage<Row>>;
  /** The user's message for a failed request (the section's own wording, 401 handling…). */
  errorMessage(error: unknown): string;
  /** Called when "Load more" reached the last page (its button goes away: move focus somewhere useful). */
  onLastPage?(): void;
  /** Whether `filters` narrow the log (default: any value set); decides between "nothing yet" and "nothing matches". */
  isFiltered?(filters: Filters): boolean;
}

/** What the results area says; the section supplies its words and its table. */
export interface PagedLogView<Row> {
  /** The live count line, e.g. "12 events" (nothing to leave it empty). */
  count(rows: Row[]): string | typeof nothing;
  /** No rows and no filters set: what fills the log, optionally a hint and the next step. */
  empty: string | EmptyState;
  /**
   * No rows under the filters set: the sentence and the "Clear filters" button, whose `onClear`
   * resets the section's form and calls `clear()`. Without it the `empty` sentence shows.
   */
  noMatch?: { message: string; clear: string; onClear(): void };
  loadMore: string;
  loadingMore: string;
  table(rows: Row[]): TemplateResult;
  /** Before the first page: its failure with a retry, or a loading note. */
  loading(): TemplateResult;
  loadError(message: string): TemplateResult;
}

export class PagedLog<Row, Filters> implements ReactiveController {
  /** null until the first page arrives (and again after `reset`). */
  rows: Row[] | null = null;
  nextBefore: string | null = null;
  loading = false;
  error: string | null = null;
  filters: Filters;
  /** Only the latest request may write: a slow "Load more" must not land after new filters. */
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly initial: Filters,
    private readonly options: PagedLogOptions<Row, Filters>,
  ) {
    this.filters = initial;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the rows (a new user, a retry, another campaign): never show the previous ones meanwhile. */
  reset(): void {
    this.rows = null;
    this.nextBefore = null;
    this.host.requestUpdate();
  }

  /** The first page under `filters` (the rows shown stay until it arrives). */
  apply(filters: Filters): Promise<void> {
    this.filters = filters;
    return this.fetch(false);
  }

  /** True when the current filters narrow the log. */
  get filtered(): boolean {
    return this.options.isFiltered ? this.options.isFiltered(this.filters) : hasFilters(this.filters);
  }

  /** Back to the filters it started with, and their first page. */
  clear(): Promise<void> {
    return this.apply(this.initial);
  }

  /** The next page, unless one is loading already. */
  loadMore(): Promise<void> {
    return this.loading ? Promise.resolve() : this.fetch(true);
  }

  /** The first page (`more` false) or the next one under the current filters. */
  async fetch(more: boolean): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.options.fetchPage(this.filters, more ? this.nextBefore : null);
      if (seq !== this.seq) return;
      this.rows = more ? [...(this.rows ?? []), ...page.data] : page.data;
      this.nextBefore = page.nextBefore;
      if (more && !page.nextBefore) this.options.onLastPage?.();
    } catch (error) {
      if (seq === this.seq) this.error = this.options.errorMessage(error);
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** "Nothing matches" with Clear filters while filters are set, else the section's "nothing yet". */
  private renderEmpty(view: PagedLogView<Row>): TemplateResult {
    const { noMatch } = view;
    if (noMatch && this.filtered) {
      return renderEmptyState({
        message: noMatch.message,
        action: { label: noMatch.clear, part: 'clear-filters', onClick: () => noMatch.onClear() },
      });
    }
    return renderEmptyState(typeof view.empty === 'string' ? { message: view.empty } : view.empty);
  }

  /** Count, alert region, the table or the empty note, and "Load more" while there are older rows. */
  render(view: PagedLogView<Row>): TemplateResult {
    const rows = this.rows;
    if (!rows) return this.error ? view.loadError(this.error) : view.loading();
    const busy = this.loading ? 'true' : 'false';
    return html`<p part="count" role="status" aria-busy=${busy}>${view.count(rows)}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${rows.length === 0 ? this.renderEmpty(view) : view.table(rows)}
      ${
        this.nextBefore
          ? html`<div part="actions">
        <button part="button load-more" type="button" ?disabled=${this.loading} aria-busy=${busy}
          @click=${() => void this.loadMore()}>${this.loading ? view.loadingMore : view.loadMore}</button>
      </div>`
          : nothing
      }`;
  }
}
