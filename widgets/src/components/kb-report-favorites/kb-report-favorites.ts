/**
 * `<kb-report-favorites>`: the partner's saved report setups (`GET /v1/partner/reports/favorites`,
 * newest first, shared by the team), the favorites view of the Reports section
 * (`#/reports/favorites`). Each shows its name, period (a relative one as such: "Last 7 days"),
 * groupings, currency, who saved it and when; Open shows it in the performance report (the
 * `kb-open-report` event, which `<kb-reports>` handles through the address), Rename in place,
 * Delete after an inline confirmation, Download in a chosen format, and its JSON and XML feed links
 * built with the user's statistic token (`GET /v1/partner/statistic_token`, as `<kb-security>`
 * reads it), masked until shown, each with Copy.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { SectionAddress } from '../../internal/router.ts';
import { StatisticsSection } from '../../internal/statistics/statistics-section.ts';
import { ReportDownload } from '../../internal/statistics/report/report-download.ts';
import { favoriteAddress, favoriteMetrics, type Favorite } from '../../internal/statistics/report/report-favorites.ts';
import { reportsMessages } from '../../internal/statistics/report/report.messages.ts';
import { renderFavoriteCard, type CardView } from './favorite-card.ts';
import { favoritesMessages, type FavoritesKey } from './kb-report-favorites.messages.ts';
import { favoritesStyles } from './kb-report-favorites.styles.ts';

const FEED_PATH = '/api/customer/v1/partner/report/feeds';
/** Dots with the token's last four characters, as the Security section shows a hidden token. */
const maskToken = (token: string) => `${'•'.repeat(12)}${token.slice(-4)}`;

/**
 * The favorites view. Must sit inside `<kb-portal>` (api, session and locale contexts), usually in `<kb-reports>`.
 *
 * @event kb-open-report - Open on a favorite (`detail: { query, metrics }`: the performance report's address query and columns).
 * @event kb-open-section - "Create one on the Security page" when the user has no statistic token (`detail: { section: 'security' }`).
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The heading. @csspart hint - Help text (also `feeds-hint`). @csspart count - How many favorites.
 * @csspart favorite-list - The favorites. @csspart favorite - One (`data-favorite`: its id).
 * @csspart favorite-name - Its name. @csspart favorite-facts - What it asks and who saved it. @csspart fact - One fact
 *   (`fact-label`, `fact-value` with `favorite-period`, `favorite-groupings`, `favorite-currency`, `favorite-saved`).
 * @csspart actions - Buttons row (also `favorite-actions`). @csspart open, rename, delete - Its buttons.
 * @csspart rename-form - The inline rename (`rename-row`, `rename-input`, `save-name`, `cancel-rename`).
 * @csspart field - A label with its input. @csspart label - A label. @csspart input - An input or select.
 * @csspart field-error - A field's problem. @csspart confirm - The delete confirmation (`confirm-text`,
 *   `confirm-yes`, `confirm-no`). @csspart download - The download control (`download-format`, `download-report`,
 *   `download-status`, `save-file`, `download-error`).
 * @csspart feeds - A favorite's feed links. @csspart feed - One (`data-feed`: json or xml) with `feed-label` and
 *   `feed-link` (masked until shown). @csspart copy-button - Copy (the real link). @csspart copy-status - "Copied".
 * @csspart reveal-links - Show or hide the links. @csspart no-token - No statistic token yet, with `security-link`.
 * @csspart success - What the last rename or delete did. @csspart empty - No favorites (`empty-message`,
 *   `empty-hint`, `empty-action`). @csspart button - Any button (also `primary`, `danger`, `retry`).
 * @csspart error - An error. @csspart error-detail - A load error's text. @csspart status - Loading notes.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and labels.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - A favorite's card.
 * @cssproperty --kb-color-bg - Inputs. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Its text. @cssproperty --kb-color-link - Links.
 * @cssproperty --kb-color-danger - Errors and Delete. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Card corners. @cssproperty --kb-radius-small - Inputs.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbReportFavorites extends StatisticsSection {
  static override styles = [accountSectionStyles, favoritesStyles];
  static override properties: PropertyDeclarations = {
    ...StatisticsSection.properties,
    favorites: { state: true },
    token: { state: true },
    tokenError: { state: true },
    revealed: { state: true },
    renaming: { state: true },
    confirmingDelete: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  declare private favorites: Favorite[] | null;
  /** The user's statistic token: undefined while asked for, null when there is none. */
  declare private token: string | null | undefined;
  declare private tokenError: string | null;
  declare private revealed: boolean;
  declare private renaming: CardView['renaming'];
  declare private confirmingDelete: string | null;
  declare private busy: boolean;
  declare private notice: string | null;
  private readonly downloads = new Map<string, ReportDownload>();
  /** Inside a portal the Security link moves there; outside it the page may act on the event. */
  private readonly address = new SectionAddress(this, () => {});

  constructor() {
    super();
    this.favorites = null;
    this.token = undefined;
    this.tokenError = null;
    this.revealed = false;
    this.renaming = null;
    this.confirmingDelete = null;
    this.busy = false;
    this.notice = null;
  }

  private m(key: FavoritesKey, params?: MessageParams): string {
    return favoritesMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.token = undefined;
    void this.loadToken(api);
    await this.loadNewest(
      async () => (await expectOk(api.client.v1.partner.reports.favorites.$get())).favorites,
      (favorites) => (this.favorites = favorites),
    );
  }

  private async loadToken(api: ApiClient): Promise<void> {
    try {
      this.token = (await expectOk(api.client.v1.partner.statistic_token.$get())).token;
      this.tokenError = null;
    } catch (error) {
      this.token = null;
      this.tokenError = this.errorMessage(error);
    }
  }

  private feeds(favorite: Favorite) {
    const token = this.token;
    const api = this.api;
    if (!token || !api) return null;
    const url = (kind: 'json' | 'xml', shown: string) =>
      `${api.baseUrl}${FEED_PATH}/${encodeURIComponent(favorite.id)}/report.${kind}?token=${shown}`;
    const masked = maskToken(token);
    return {
      json: url('json', encodeURIComponent(token)),
      xml: url('xml', encodeURIComponent(token)),
      masked: { json: url('json', masked), xml: url('xml', masked) },
    };
  }

  /** Each favorite's download control, made when first shown (its object URL dropped with the element). */
  private downloadOf(favorite: Favorite): ReportDownload {
    let download = this.downloads.get(favorite.id);
    if (!download) {
      download = new ReportDownload(this, {
        question: () => favorite.query as never,
        fetchFile: async ({ format, bom }) =>
          (await this.api!.client.v1.partner.reports.favorites[':favoriteId'].export.$get({
            param: { favoriteId: favorite.id },
            query: { format, ...(bom ? { bom } : {}) },
          })) as unknown as Response,
        failure: (error) => this.errorMessage(error),
        labels: () => ({ ...this.statistics, m: (key, params) => reportsMessages(this.i18n.locale, key, params) }),
      });
      this.downloads.set(favorite.id, download);
    }
    return download;
  }

  private readonly open = (favorite: Favorite): void => {
    this.emit('kb-open-report', { query: favoriteAddress(favorite.query), metrics: favoriteMetrics(favorite.query) });
  };

  private readonly rename = async (event: Event, favorite: Favorite): Promise<void> => {
    event.preventDefault();
    const renaming = this.renaming;
    const api = this.api;
    if (!renaming || !api || renaming.busy) return;
    const name = renaming.value.trim();
    if (!name) {
      this.renaming = { ...renaming, problem: this.m('needName') };
      return this.focusAfterRender(`#favorite-${favorite.id}-rename`);
    }
    this.renaming = { ...renaming, busy: true, problem: null };
    try {
      const renamed = await expectOk(
        api.client.v1.partner.reports.favorites[':favoriteId'].$patch({
          param: { favoriteId: favorite.id },
          json: { name },
        }),
      );
      this.favorites = (this.favorites ?? []).map((f) => (f.id === renamed.id ? renamed : f));
      this.renaming = null;
      this.notice = this.m('renamed', { name: renamed.name });
      this.focusAfterRender(`#favorite-${favorite.id}-name`);
    } catch (error) {
      const problem = fieldErrorsOf(error, this.i18n.locale).name ?? this.errorMessage(error);
      this.renaming = { ...renaming, busy: false, problem };
      this.focusAfterRender(`#favorite-${favorite.id}-rename`);
    }
  };

  private readonly deleteFavorite = async (favorite: Favorite): Promise<void> => {
    const api = this.api;
    if (!api || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const res = await api.client.v1.partner.reports.favorites[':favoriteId'].$delete({
        param: { favoriteId: favorite.id },
      });
      if (!res.ok) await expectOk(res as never);
      this.favorites = (this.favorites ?? []).filter((f) => f.id !== favorite.id);
      this.confirmingDelete = null;
      this.notice = this.m('deleted', { name: favorite.name });
      this.focusAfterRender('#favorites-heading');
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  };

  private readonly toSecurity = (event: Event): void => {
    // The link's own `#/security` stays for a page outside a portal; inside one the portal moves.
    if (this.address.routed) event.preventDefault();
    this.emit('kb-open-section', { section: 'security' });
  };

  private cardView(): CardView {
    return {
      m: (key, params) => this.m(key, params),
      labels: this.statistics,
      dateTime: (value) => this.dateTime(value),
      feeds: (favorite) => this.feeds(favorite),
      revealed: this.revealed,
      renaming: this.renaming,
      confirmingDelete: this.confirmingDelete,
      busy: this.busy,
      download: (favorite) => this.downloadOf(favorite).render(),
      copy: (key, text, label) => this.renderCopy(key, text, label),
      open: this.open,
      startRename: (favorite) => {
        this.confirmingDelete = null;
        this.renaming = { id: favorite.id, value: favorite.name, problem: null, busy: false };
        this.focusAfterRender(`#favorite-${favorite.id}-rename`);
      },
      editName: (value) => {
        if (this.renaming) this.renaming = { ...this.renaming, value };
      },
      rename: (event, favorite) => void this.rename(event, favorite),
      cancelRename: () => {
        const id = this.renaming?.id;
        this.renaming = null;
        if (id) this.focusAfterRender(`[data-favorite="${id}"] [part~="rename"]`);
      },
      askDelete: (favorite) => {
        this.renaming = null;
        this.confirmingDelete = favorite.id;
        this.focusAfterRender(`[data-favorite="${favorite.id}"] [part~="confirm-no"]`);
      },
      remove: (favorite) => void this.deleteFavorite(favorite),
      cancelDelete: () => {
        const id = this.confirmingDelete;
        this.confirmingDelete = null;
        if (id) this.focusAfterRender(`[data-favorite="${id}"] [part~="delete"]`);
      },
      toggleLinks: () => (this.revealed = !this.revealed),
    };
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const favorites = this.favorites;
    return html`<h2 part="heading" id="favorites-heading" tabindex="-1">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      ${
        favorites === null
          ? this.error
            ? this.renderLoadError(this.error)
            : this.renderLoading()
          : favorites.length === 0
            ? renderEmptyState({
                message: this.m('empty'),
                hint: this.m('emptyHint'),
                action: {
                  label: this.m('toReport'),
                  onClick: () => this.emit('kb-open-report', { query: '', metrics: [] }),
                },
              })
            : html`<div part="error" role="alert">${this.error ?? nothing}</div>
                ${this.renderFeedsNote()}
                <p part="count">${this.m('count', { count: favorites.length })}</p>
                <ul part="favorite-list">${favorites.map((f) => renderFavoriteCard(f, this.cardView()))}</ul>`
      }`;
  }

  /** What the feed links are, and the switch that shows them; or why there are none. */
  private renderFeedsNote(): TemplateResult {
    if (this.token === undefined) return this.renderLoading();
    if (this.tokenError) return html`<p part="hint no-token">${this.m('tokenError', { error: this.tokenError })}</p>`;
    if (!this.token)
      return html`<p part="hint no-token">${this.m('noToken')}
        <a part="security-link" href="#/security" @click=${this.toSecurity}>${this.m('createToken')}</a></p>`;
    return html`<div part="feeds-note">
      <p part="hint feeds-hint">${this.m('feedsHint')}</p>
      <button part="button reveal-links" type="button" aria-pressed=${this.revealed ? 'true' : 'false'}
        @click=${() => (this.revealed = !this.revealed)}>${this.revealed ? this.m('hideLinks') : this.m('showLinks')}</button>
    </div>`;
  }
}
