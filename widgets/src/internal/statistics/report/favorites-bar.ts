/**
 * The favorites controls under the performance report: "Save as favorite" (a name; saves the shown
 * question with its period as chosen, so "last 7 days" stays relative, its columns in their order
 * and its currency) and a quick list of the newest favorites to open one, with "Show all" (the
 * favorites view).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { fieldErrorsOf } from '../../account/account-section.ts';
import { expectOk, type ApiClient } from '../../api-client.ts';
import type { Locale } from '../../i18n.ts';
import type { ReportQuery } from '../statistics-types.ts';
import { favoriteQuestion, type Favorite } from './report-favorites.ts';
import { reportViewsMessages, type ReportViewsKey } from './report-views.messages.ts';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
/** How many favorites the quick list shows; "Show all" has the rest. */
const QUICK = 5;

export interface FavoritesBarSource {
  api(): ApiClient | null;
  locale(): Locale;
  /** The shown report's question (null before one is shown). */
  question(): ReportQuery | null;
  failure(error: unknown): string;
  open(favorite: Favorite): void;
  showAll(): void;
}

export class FavoritesBar {
  private favorites: Favorite[] | null = null;
  private loadError: string | null = null;
  private name = '';
  private nameProblem: string | null = null;
  private error: string | null = null;
  private notice: string | null = null;
  private saving = false;

  constructor(
    private readonly host: Host,
    private readonly source: FavoritesBarSource,
  ) {}

  private m(key: ReportViewsKey, params?: Record<string, string | number>): string {
    return reportViewsMessages(this.source.locale(), key, params);
  }

  /** Asks for the favorites (again: after the favorites view changed them). */
  async load(): Promise<void> {
    const api = this.source.api();
    if (!api) return;
    try {
      this.favorites = (await expectOk(api.client.v1.partner.reports.favorites.$get())).favorites;
      this.loadError = null;
    } catch (error) {
      this.loadError = this.source.failure(error);
    }
    this.host.requestUpdate();
  }

  private readonly save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const api = this.source.api();
    const query = this.source.question();
    if (!api || !query || this.saving) return;
    this.notice = null;
    this.error = null;
    this.nameProblem = this.name.trim() ? null : this.m('bar.needName');
    if (this.nameProblem) return this.focusName();
    this.saving = true;
    this.host.requestUpdate();
    try {
      const json = { name: this.name.trim(), query: favoriteQuestion(query) };
      const saved = await expectOk(api.client.v1.partner.reports.favorites.$post({ json }));
      this.favorites = [saved, ...(this.favorites ?? [])];
      this.notice = this.m('bar.saved', { name: saved.name });
      this.name = '';
    } catch (error) {
      const fields = fieldErrorsOf(error, this.source.locale());
      this.nameProblem = fields.name ?? null;
      if (this.nameProblem) this.focusName();
      else this.error = this.source.failure(error);
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  };

  private focusName(): void {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('#report-favorite-name')?.focus(),
    );
  }

  render(): TemplateResult {
    const favorites = this.favorites;
    return html`<section part="favorites-bar" aria-labelledby="report-favorites-heading">
      <h3 part="subheading" id="report-favorites-heading">${this.m('bar.heading')}</h3>
      <p part="hint" id="report-favorite-hint">${this.m('bar.hint')}</p>
      <form part="save-favorite" novalidate @submit=${this.save}>
        <label part="field" for="report-favorite-name"><span part="label">${this.m('bar.name')}</span></label>
        <div part="save-favorite-row">
          <input part="input favorite-name" id="report-favorite-name" maxlength="100" autocomplete="off"
            aria-describedby="report-favorite-hint report-favorite-problem" aria-invalid=${this.nameProblem ? 'true' : 'false'}
            .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          <button part="button primary save-favorite-button" type="submit"
            ?disabled=${this.saving || !this.source.question()}>${this.saving ? this.m('bar.saving') : this.m('bar.save')}</button>
        </div>
        <p part="field-error" id="report-favorite-problem">${this.nameProblem ?? nothing}</p>
      </form>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? this.loadError ?? nothing}</div>
      ${
        favorites === null
          ? this.loadError
            ? nothing
            : html`<p part="status" role="status">${this.m('bar.loading')}</p>`
          : this.renderQuick(favorites)
      }
    </section>`;
  }

  private renderQuick(favorites: readonly Favorite[]): TemplateResult {
    if (favorites.length === 0) return html`<p part="hint favorites-none">${this.m('bar.none')}</p>`;
    return html`<nav part="favorite-quick" aria-label=${this.m('bar.quick')}>
      <ul part="favorite-quick-list">
        ${favorites.slice(0, QUICK).map(
          (f) => html`<li part="favorite-quick-item"><button part="button open-favorite" type="button"
            data-favorite=${f.id} aria-label=${this.m('bar.open', { name: f.name })}
            @click=${() => this.source.open(f)}>${f.name}</button></li>`,
        )}
      </ul>
      <button part="button show-all-favorites" type="button" @click=${() => this.source.showAll()}>
        ${this.m('bar.showAll', { count: favorites.length })}</button>
    </nav>`;
  }
}
