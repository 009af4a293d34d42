/**
 * `<kb-activity>`: the partner account's events log, newest first, filtered by event type, team
 * member and date range, paged with "Load more" (the server's `nextBefore` cursor).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import {
  isManager,
  type ActivityEntry,
  type ActivityQuery,
  type Member,
} from '../../internal/account/account-types.ts';
import { ACTIVITY_TYPES, activityTypeFilterLabel, activityMessages, type ActivityKey } from './kb-activity.messages.ts';
import { activityStyles } from './kb-activity.styles.ts';
import { renderActivityTable } from './activity-table.ts';
import { localDayRange } from '../../internal/local-days.ts';
import { PagedLog } from '../../internal/paged-log.ts';

type Filters = Pick<NonNullable<ActivityQuery>, 'type' | 'userId' | 'from' | 'to'>;

/**
 * The events log. Must sit inside `<kb-portal>` (it reads the portal's api, session and locale
 * contexts); alone it shows a waiting note. Owners and admins can filter by team member; other
 * roles see their own events (the server decides).
 *
 * @event kb-session-expired - A call answered 401; `detail: { reason: 'expired' }`. `<kb-portal>` renews or
 *   ends the session.
 *
 * @csspart heading - Section heading. @csspart subheading - The results heading. @csspart hint - Help text.
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A field label.
 * @csspart input - A select or date input (also `type-filter`, `member-filter`, `from-filter`, `to-filter`).
 * @csspart field-error - A field's error. @csspart actions - Buttons row.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart events - The events table.
 * @csspart events-header-row - Its header row.
 * @csspart header-cell - A column header. @csspart event-row - One event.
 * @csspart cell - A cell (also `event-time`, `event-type`, `event-actor`, `event-subject`, `event-ip`, `event-detail`).
 * @csspart detail-list - An event's details. @csspart detail-item - One sentence about it.
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`).
 * @csspart count - How many events are shown.
 * @csspart empty - No events (with `empty-message`; while filters are set, the `empty-action` `clear-filters`
 *   button).
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and notes.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header background.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Primary button text. @cssproperty --kb-color-danger - Errors.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-radius-small - Input corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbActivity extends AccountSection {
  static override styles = [accountSectionStyles, activityStyles];
  static override properties = { members: { state: true }, dateError: { state: true } };

  declare private members: Member[];
  declare private dateError: string | null;
  private readonly log = new PagedLog<ActivityEntry, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, before) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        // Unset filters stay undefined, which the client leaves out of the URL.
        return expectOk(api.client.v1.partner.activity.$get({ query: { ...filters, ...(before ? { before } : {}) } }));
      },
      errorMessage: (error) => this.errorMessage(error),
      // The Load more button disappears on the last page; keep keyboard focus in the section.
      onLastPage: () => this.focusAfterRender('#events-results-heading'),
    },
  );

  constructor() {
    super();
    this.members = [];
    this.dateError = null;
  }

  private m(key: ActivityKey, params?: MessageParams): string {
    return activityMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    // A new user (or a retry) starts clean: never show the previous user's events meanwhile.
    this.log.reset();
    this.members = [];
    await Promise.all([this.log.fetch(false), this.loadMembers(api)]);
  }

  /** The member filter is a convenience: without the team list (or for non-managers) it is simply not shown. */
  private async loadMembers(api: ApiClient): Promise<void> {
    if (!isManager(this.userRole)) return;
    try {
      this.members = (await expectOk(api.client.v1.partner.team.$get())).data;
    } catch {
      this.members = [];
    }
  }

  private applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    const from = value('from');
    const to = value('to');
    this.dateError = from && to && to < from ? this.m('toBeforeFrom') : null;
    if (this.dateError) {
      this.focusAfterRender('#events-to');
      return;
    }
    const filters: Filters = {
      type: (value('type') || undefined) as Filters['type'],
      userId: value('userId') || undefined,
      ...localDayRange(from, to),
    };
    if (this.api) void this.log.apply(filters);
  };

  /** Empties the filter form and loads the newest events again. */
  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    if (this.api) void this.log.clear();
    this.focusAfterRender('#events-type');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderFilters()}
      <h3 part="subheading" id="events-results-heading" tabindex="-1">${this.m('results')}</h3>
      ${this.renderResults()}`;
  }

  private renderFilters(): TemplateResult {
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      <div part="field">
        <label part="label" for="events-type">${this.m('type')}</label>
        <select part="input type-filter" id="events-type" name="type">
          <option value="">${this.m('allTypes')}</option>
          ${ACTIVITY_TYPES.map((type) => html`<option value=${type}>${activityTypeFilterLabel(this.i18n.locale, type)}</option>`)}
        </select>
      </div>
      ${
        this.members.length > 0
          ? html`<div part="field">
        <label part="label" for="events-member">${this.m('member')}</label>
        <select part="input member-filter" id="events-member" name="userId">
          <option value="">${this.m('allMembers')}</option>
          ${this.members.map((member) => html`<option value=${member.id}>${member.email}</option>`)}
        </select>
      </div>`
          : nothing
      }
      <div part="field">
        <label part="label" for="events-from">${this.m('from')}</label>
        <input part="input from-filter" id="events-from" name="from" type="date" />
      </div>
      <div part="field">
        <label part="label" for="events-to">${this.m('to')}</label>
        <input part="input to-filter" id="events-to" name="to" type="date" aria-invalid=${this.dateError ? 'true' : 'false'}
          aria-describedby=${this.dateError ? 'events-to-error' : nothing} />
        ${this.dateError ? html`<p part="field-error" id="events-to-error" role="alert">${this.dateError}</p>` : nothing}
      </div>
      <div part="actions">
        <button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button>
      </div>
    </form>`;
  }

  private renderResults(): TemplateResult {
    const text = {
      locale: this.i18n.locale,
      m: this.m.bind(this),
      tc: this.tc.bind(this),
      dateTime: this.dateTime.bind(this),
    };
    return this.log.render({
      count: (events) => (events.length > 0 ? this.m('count', { count: events.length }) : nothing),
      empty: this.m('nothingYet'),
      noMatch: { message: this.m('empty'), clear: this.m('clearFilters'), onClear: this.clearFilters },
      loadMore: this.m('loadMore'),
      loadingMore: this.m('loadingMore'),
      table: (events) => renderActivityTable(text, events),
      loading: () => this.renderLoading(),
      loadError: (message) => this.renderLoadError(message),
    });
  }
}
