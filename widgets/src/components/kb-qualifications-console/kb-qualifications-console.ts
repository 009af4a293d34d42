/**
 * `<kb-qualifications-console>`: the operator console's qualified players over all partners
 * (`GET /v1/qualifications`), newest first with "Load more", filtered by the dates they qualified
 * on (the program's calendar), partner, brand, plan and player id. Calls go through the operator's
 * own backend (`api-base` forwards GET `/v1/qualifications`, and reads `/v1/partners`, `/v1/brands`
 * and `/v1/plans` for the filters, with the secret key added).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { renderQualificationsTable, type QualificationRow } from '../../internal/billing/qualifications.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { PagedLog } from '../../internal/paged-log.ts';
import { qualificationsConsoleMessages, type QualificationsConsoleKey } from './kb-qualifications-console.messages.ts';
import { qualificationsConsoleStyles } from './kb-qualifications-console.styles.ts';

type Named = { id: string; name: string };
type Filters = { from?: string; to?: string; partnerId?: string; brandId?: string; planId?: string; playerId?: string };
const FILTERS = ['from', 'to', 'partnerId', 'brandId', 'planId', 'playerId'] as const;

/** A list for a filter: ids and names; none when it could not load (the filter is then left out). */
const namesOf = (call: Promise<{ data: Array<{ id: string; name: string | null }> }>): Promise<Named[]> =>
  call.then(
    (r) => r.data.map((x) => ({ id: x.id, name: x.name ?? x.id })),
    () => [],
  );

/**
 * The operator's qualified players. Attributes: `api-base` (the operator backend's prefix that
 * forwards to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, hint, zone, status, error, error-detail, retry, empty, empty-message, button, primary - The panel and its states.
 * @csspart filters, field, label, input, field-error, apply, actions, clear-filters - The filters.
 * @csspart count, load-more - The list's count and paging.
 * @csspart table-wrap, qualifications, header-row, header-cell, qualification-row, cell, money - The list.
 * @csspart qualified-at, player, partner, brand, plan, country, first-deposit, deposits, wager, ngr - Its cells.
 * @csspart qualified-day, qualified-time - When a player qualified: the day, and the time under it.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbQualificationsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, billingStyles, qualificationsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    dateError: { state: true },
    choices: { state: true },
  };

  declare private dateError: string | null;
  /** Partners, brands and plans for the filters (a list that could not load leaves its filter out). */
  declare private choices: { partners: Named[]; brands: Named[]; plans: Named[] };
  /** The program's time zone, from the first page: the dates shown and filtered are on its calendar. */
  private timeZone: string | null = null;
  private readonly log = new PagedLog<QualificationRow, Filters>(
    this,
    {},
    {
      fetchPage: async (filters, after) => {
        const query = { ...filters, ...(after ? { after } : {}) };
        const page = await expectOk(this.api.client.v1.qualifications.$get({ query }));
        this.timeZone = page.timeZone;
        return { data: page.data, nextBefore: page.next };
      },
      errorMessage: (error) => this.failure(error),
    },
  );

  constructor() {
    super();
    this.dateError = null;
    this.choices = { partners: [], brands: [], plans: [] };
  }

  private m(key: QualificationsConsoleKey, params?: MessageParams): string {
    return qualificationsConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }

  protected override apiBaseChanged(): void {
    this.log.reset();
    void this.log.fetch(false);
    void this.loadChoices();
  }

  private async loadChoices(): Promise<void> {
    const v1 = this.api.client.v1;
    const [partners, brands, plans] = await Promise.all([
      namesOf(expectOk(v1.partners.$get({ query: {} }))),
      namesOf(expectOk(v1.brands.$get())),
      namesOf(expectOk(v1.plans.$get({ query: {} }))),
    ]);
    this.choices = { partners, brands, plans };
  }

  private readonly applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const filters: Filters = Object.fromEntries(FILTERS.map((k) => [k, value(k)]).filter(([, v]) => v));
    this.dateError = filters.from && filters.to && filters.to < filters.from ? this.m('q.toBeforeFrom') : null;
    if (this.dateError) return;
    void this.log.apply(filters);
  };

  private readonly clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.dateError = null;
    void this.log.clear();
  };

  protected override render(): TemplateResult {
    const intro = html`<h2 part="heading" id="qualifications-heading">${this.m('heading')}</h2>
      <p part="intro hint">${this.m('intro')}</p>`;
    if (!this.apiBase) return html`${intro}<p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    const { from, to, ...others } = this.log.filters;
    const datesOnly = Boolean(from || to) && Object.values(others).every((v) => !v);
    return html`${intro}
      ${this.timeZone ? html`<p part="hint zone">${this.m('q.zone', { zone: this.timeZone })}</p>` : nothing}
      ${this.renderFilters()}
      ${this.log.render({
        count: (rows) => (rows.length > 0 ? this.m('q.count', { count: rows.length }) : nothing),
        empty: this.m('empty'),
        noMatch: {
          message: this.m(datesOnly ? 'noMatchPeriod' : 'noMatch'),
          clear: this.m('clearFilters'),
          onClear: this.clearFilters,
        },
        loadMore: this.m('loadMore'),
        loadingMore: this.m('loading'),
        table: (rows) =>
          renderQualificationsTable(rows, {
            locale: this.uiLocale,
            timeZone: this.timeZone ?? 'UTC',
            label: this.m('heading'),
            labelledBy: 'qualifications-heading',
            withPartner: true,
          }),
        loading: () => html`<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`,
        loadError: (message) => html`<div part="error" role="alert"><p part="error-detail">${message}</p>
          <button part="button retry" type="button" @click=${() => this.log.fetch(false)}>${this.m('retry')}</button></div>`,
      })}`;
  }

  private renderFilters(): TemplateResult {
    const any = ['', this.m('any')] as const;
    const pick = (list: Named[]) => [any, ...list.map((x) => [x.id, x.name] as const)];
    const select = (name: string, label: string, list: Named[]) =>
      html`<div part="field"><label part="label" for=${`qualified-${name}`}>${label}</label>
        <select part="input" id=${`qualified-${name}`} name=${name}>${pick(list).map(
          ([v, text]) => html`<option value=${v}>${text}</option>`,
        )}</select></div>`;
    const { partners, brands, plans } = this.choices;
    return html`<form part="filters" aria-label=${this.m('filters')} novalidate @submit=${this.applyFilters}>
      <div part="field"><label part="label" for="qualified-from">${this.m('from')}</label>
        <input part="input" id="qualified-from" name="from" type="date" /></div>
      <div part="field"><label part="label" for="qualified-to">${this.m('to')}</label>
        <input part="input" id="qualified-to" name="to" type="date" aria-invalid=${this.dateError ? 'true' : 'false'}
          aria-describedby=${this.dateError ? 'qualified-to-error' : nothing} />
        ${this.dateError ? html`<p part="field-error" id="qualified-to-error" role="alert">${this.dateError}</p>` : nothing}</div>
      ${partners.length ? select('partnerId', this.m('partner'), partners) : nothing}
      ${brands.length > 1 ? select('brandId', this.m('brand'), brands) : nothing}
      ${plans.length > 1 ? select('planId', this.m('plan'), plans) : nothing}
      <div part="field"><label part="label" for="qualified-playerId">${this.m('player')}</label>
        <input part="input" id="qualified-playerId" name="playerId" type="search" maxlength="100" autocomplete="off"
          aria-describedby="qualified-playerId-hint" />
        <p part="hint" id="qualified-playerId-hint">${this.m('playerHint')}</p></div>
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.log.loading}>${this.m('apply')}</button></div>
    </form>`;
  }
}
