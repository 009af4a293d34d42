/**
 * `<kb-qualifications>`: the partner's qualified players (`GET /v1/partner/qualifications`), newest
 * first with "Load more", filtered by the dates they qualified on (the program's calendar), brand
 * and plan. Inside `<kb-bills>` it is the "Qualified players" view (`#/bills/qualified`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { renderQualificationsTable, type QualificationRow } from '../../internal/billing/qualifications.ts';
import { dateRange, selectField } from '../../internal/campaign/campaign-fields.ts';
import { formValues, type Catalog } from '../../internal/campaign/campaign-types.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { qualificationsMessages, type QualificationsKey } from './kb-qualifications.messages.ts';
import { qualificationsStyles } from './kb-qualifications.styles.ts';

type Filters = { from?: string; to?: string; brandId?: string; planId?: string };

/**
 * The partner's qualified players. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The heading. @csspart hint - Help text (also `zone`: the program's time zone).
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart count - How many players are shown.
 * @csspart table-wrap - The table's box (responsive: columns hide by priority, rows become cards on a phone).
 * @csspart qualifications - The table. @csspart header-row - Its header row. @csspart header-cell - A column header.
 * @csspart qualification-row - One player. @csspart cell - A cell (also `qualified-at`, `player`, `brand`, `plan`,
 *   `country`, `first-deposit`, `deposits`, `wager`, `ngr`). @csspart qualified-day - The day a player qualified.
 * @csspart qualified-time - Its time, under it. @csspart money - An amount.
 * @csspart empty - No players (with `empty-message`, `empty-hint`, and `clear-filters` when filtered).
 * @csspart button - Any button (also `primary`, `apply`, `load-more`, `retry`). @csspart error - Error message.
 * @csspart error-detail - A load error's text. @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header background.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-danger - Errors.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Corners.
 * @cssproperty --kb-radius-small - Small corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbQualifications extends AccountSection {
  static override styles = [accountSectionStyles, billingStyles, qualificationsStyles];
  static override properties = {
    catalog: { state: true },
    dateError: { state: true },
  };

  /** The partner's brands and plans for the filters; without them those filters are not shown. */
  declare private catalog: Pick<Catalog, 'brands' | 'plans'> | null;
  declare private dateError: string | null;
  /** The program's time zone, from the first page: the dates shown and filtered are on its calendar. */
  private timeZone: string | null = null;
  private readonly log = new PagedLog<QualificationRow, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, after) => {
        const api = this.api;
        if (!api) throw new Error('No API client');
        const query = Object.fromEntries(Object.entries({ ...filters, after }).filter(([, v]) => v)) as Filters;
        const page = await expectOk(api.client.v1.partner.qualifications.$get({ query }));
        this.timeZone = page.timeZone;
        return { data: page.data, nextBefore: page.next };
      },
      errorMessage: (error) => this.errorMessage(error),
      onLastPage: () => this.focusAfterRender('#qualifications-heading'),
    },
  );

  constructor() {
    super();
    this.catalog = null;
    this.dateError = null;
  }

  private m(key: QualificationsKey, params?: MessageParams): string {
    return qualificationsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.log.reset();
    const catalog = expectOk(api.client.v1.partner.catalog.$get()).then(
      (c) => {
        this.catalog = c;
      },
      () => {
        this.catalog = null;
      },
    );
    await Promise.all([this.log.fetch(false), catalog]);
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const { from, to, brandId, planId } = formValues(event.currentTarget as HTMLFormElement);
    this.dateError = from && to && to < from ? this.m('q.toBeforeFrom') : null;
    if (this.dateError) return this.focusAfterRender('#qualified-to');
    const filters = Object.fromEntries(Object.entries({ from, to, brandId, planId }).filter(([, v]) => v));
    if (this.api) void this.log.apply(filters as Filters);
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    if (this.api) void this.log.clear();
    this.focusAfterRender('#qualified-from');
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const { brandId, planId } = this.log.filters;
    return html`<h2 part="heading" id="qualifications-heading" tabindex="-1">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.timeZone ? html`<p part="hint zone">${this.m('q.zone', { zone: this.timeZone })}</p>` : nothing}
      ${this.renderFilters()}
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('q.count', { count: rows.length }) : nothing),
        empty: { message: this.m('empty'), hint: this.m('emptyHint') },
        noMatch: {
          // Dates alone: say so about the period, not about "filters".
          message: this.m(brandId || planId ? 'noMatch' : 'noMatchPeriod'),
          clear: this.m('clearFilters'),
          onClear: this.clearFilters,
        },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loadingMore'),
        table: (rows) =>
          renderQualificationsTable(rows, {
            locale: this.i18n.locale,
            timeZone: this.timeZone ?? 'UTC',
            label: this.m('heading'),
            labelledBy: 'qualifications-heading',
          }),
        loading: () => this.renderLoading(),
        loadError: (message) => this.renderLoadError(message),
      })}`;
  }

  private renderFilters(): TemplateResult {
    const { brands, plans } = this.catalog ?? { brands: [], plans: [] };
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      ${dateRange('qualified', { from: this.m('from'), to: this.m('to') }, this.dateError)}
      ${
        brands.length > 1
          ? selectField({
              id: 'qualified-brand',
              name: 'brandId',
              label: this.m('brand'),
              options: [['', this.m('anyBrand')], ...brands.map((b) => [b.id, b.name] as const)],
            })
          : nothing
      }
      ${
        plans.length > 1
          ? selectField({
              id: 'qualified-plan',
              name: 'planId',
              label: this.m('plan'),
              options: [['', this.m('anyPlan')], ...plans.map((p) => [p.id, p.name] as const)],
            })
          : nothing
      }
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }
}
