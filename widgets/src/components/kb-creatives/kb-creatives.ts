/**
 * `<kb-creatives>`: the program's creative gallery with filters (title, language, format,
 * privacy, size, tag, orientation). On its own it is the "Creatives" section; with `selectable`
 * it is the campaign wizard's banner picker, with a "Direct link" choice above the cards.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import { isSafeUrl } from '../../internal/base-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import { formValues, type Creative, type CreativeQuery } from '../../internal/campaign/campaign-types.ts';
import { creativesMessages, type CreativesKey } from './kb-creatives.messages.ts';
import { hasFilters, renderEmptyState } from '../../internal/empty-state.ts';
import { creativesStyles } from './kb-creatives.styles.ts';

const FORMATS = ['banner', 'html5', 'video', 'text', 'email'] as const satisfies ReadonlyArray<Creative['format']>;
const PRIVACY = ['public', 'private'] as const satisfies ReadonlyArray<Creative['privacy']>;
const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const satisfies ReadonlyArray<Creative['orientation']>;
const SIZE = /^\d{1,5}x\d{1,5}$/;

/**
 * The creative gallery. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-creative-selected - With `selectable`: a banner or the direct link was picked; `detail: {
 *   creativeId }` (null = direct link).
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - Section heading (not shown with `selectable`). @csspart hint - Help text.
 * @csspart filters - The filter form. @csspart field - A label with its input. @csspart label - A label.
 * @csspart input - A filter input or select. @csspart field-error - A filter's error. @csspart actions - Buttons row.
 * @csspart count - How many creatives are shown. @csspart fieldset - The picker group (also `choices`).
 * @csspart check - The direct-link choice (also `direct-link`).
 * @csspart check-label - Its label.
 * @csspart radio - A radio button.
 * @csspart cards - The gallery.
 * @csspart card - One creative (also `card-selected`).
 * @csspart card-body - Its content (a label with `selectable`).
 * @csspart thumbnail - The banner image, or a `placeholder` for other formats. @csspart card-title - The title.
 * @csspart meta - Size, format and language. @csspart tags - The tags. @csspart badge - One tag (also `tag`).
 * @csspart button - Any button (also `primary`, `apply`, `retry`).
 * @csspart empty - No creatives (with `empty-message`; while filters are set, the `empty-action`
 *   `clear-filters` button).
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints and meta.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Thumbnail background. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button and the picked card.
 * @cssproperty --kb-color-on-primary - Primary button text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Card corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbCreatives extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, creativesStyles];
  static override properties = {
    selectable: { type: Boolean },
    brandId: { attribute: 'brand-id' },
    selected: { attribute: false },
    creatives: { state: true },
    sizeError: { state: true },
  };

  /** Picker mode: radios on the cards and a "Direct link" choice. */
  declare selectable: boolean;
  /** Show only this brand's creatives and the brand-neutral ones (a banner of another brand would mislead). */
  declare brandId: string | null;
  /** The picked creative: an id, null for the direct link, undefined for none yet. */
  declare selected: string | null | undefined;
  declare private creatives: Creative[] | null;
  declare private sizeError: string | null;
  private filters: CreativeQuery = {};

  constructor() {
    super();
    this.selectable = false;
    this.brandId = null;
    this.selected = undefined;
    this.creatives = null;
    this.sizeError = null;
  }

  private m(key: CreativesKey, params?: MessageParams): string {
    return creativesMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.creatives = null;
    await this.fetch(api);
  }

  private fetch(api: ApiClient): Promise<void> {
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.creatives.$get({ query: this.filters })),
      ({ data }) => {
        this.creatives = data;
      },
    );
  }

  private apply = (event: SubmitEvent): void => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const size = values.size?.replace(/\s+/g, '').replace('×', 'x').toLowerCase();
    this.sizeError = size && !SIZE.test(size) ? this.m('sizeFormat') : null;
    if (this.sizeError) {
      this.focusAfterRender('#creatives-size');
      return;
    }
    this.filters = { ...values, size } as CreativeQuery;
    const api = this.api;
    if (api) void this.fetch(api);
  };

  /** Empties the filter form and loads every creative again. */
  private clearFilters = (): void => {
    this.renderRoot.querySelector<HTMLFormElement>('form[part~="filters"]')?.reset();
    this.sizeError = null;
    this.filters = {};
    const api = this.api;
    if (api) void this.fetch(api);
    this.focusAfterRender('#creatives-title');
  };

  private choose(creativeId: string | null): void {
    this.selected = creativeId;
    this.emit('kb-creative-selected', { creativeId });
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`${this.selectable ? nothing : html`<h2 part="heading">${this.m('heading')}</h2><p part="hint">${this.m('intro')}</p>`}
      ${this.renderFilters()}${this.renderResults()}`;
  }

  private renderFilters(): TemplateResult {
    const choices = <T extends string>(list: readonly T[], label: (value: T) => string) => [
      ['', this.c('any')] as const,
      ...list.map((value) => [value, label(value)] as const),
    ];
    return html`<form part="filters" aria-label=${this.c('filters')} novalidate @submit=${this.apply}>
      ${textField({ id: 'creatives-title', name: 'title', label: this.m('title'), maxlength: 120 })}
      ${textField({ id: 'creatives-language', name: 'language', label: this.m('language'), maxlength: 8, placeholder: 'en' })}
      ${selectField({ id: 'creatives-format', name: 'format', label: this.m('format'), options: choices(FORMATS, (f) => this.m(`format.${f}`)) })}
      ${selectField({ id: 'creatives-privacy', name: 'privacy', label: this.m('privacy'), options: choices(PRIVACY, (p) => this.m(`privacy.${p}`)) })}
      ${textField({ id: 'creatives-size', name: 'size', label: this.m('size'), maxlength: 11, placeholder: '300x250', error: this.sizeError, alert: true })}
      ${textField({ id: 'creatives-tag', name: 'tag', label: this.m('tag'), maxlength: 40 })}
      ${selectField({ id: 'creatives-orientation', name: 'orientation', label: this.m('orientation'), options: choices(ORIENTATIONS, (o) => this.m(`orientation.${o}`)) })}
      <div part="actions"><button part="button primary apply" type="submit" ?disabled=${this.loading}>${this.c('filter')}</button></div>
    </form>`;
  }

  private renderResults(): TemplateResult {
    if (!this.creatives) return this.error ? this.renderLoadError(this.error) : this.renderLoading();
    const shown = this.creatives.filter((c) => !this.brandId || !c.brandId || c.brandId === this.brandId);
    const cards =
      shown.length > 0
        ? html`<ul part="cards">${shown.map((c) => this.renderCard(c))}</ul>`
        : hasFilters(this.filters)
          ? renderEmptyState({
              message: this.m('empty'),
              action: { label: this.c('clearFilters'), part: 'clear-filters', onClick: this.clearFilters },
            })
          : renderEmptyState({ message: this.m(this.brandId ? 'nothingYetBrand' : 'nothingYet') });
    return html`<p part="count" role="status">${this.m('count', { count: shown.length })}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        this.selectable
          ? html`<fieldset part="fieldset choices">
        <legend part="label">${this.m('pick')}</legend>
        <div part="check direct-link">
          <input part="radio" type="radio" name="creative" id="creative-direct" .checked=${live(this.selected === null)} @change=${() => this.choose(null)} />
          <label part="check-label" for="creative-direct">${this.c('directLink')}</label>
        </div>
        ${cards}
      </fieldset>`
          : cards
      }`;
  }

  private renderCard(creative: Creative): TemplateResult {
    const { id, format } = creative;
    const picked = this.selectable && this.selected === id;
    const inputId = `creative-${id}`;
    const thumbnail =
      format === 'banner' && isSafeUrl(creative.assetUrl)
        ? html`<img part="thumbnail" src=${creative.assetUrl} width=${creative.width} height=${creative.height} alt="" loading="lazy" />`
        : html`<span part="thumbnail placeholder" aria-hidden="true">${this.m(`format.${format}`)}</span>`;
    const body = html`${thumbnail}<span part="card-title">${creative.title}</span>
      <span part="meta">${creative.width}x${creative.height} · ${this.m(`format.${format}`)} · ${creative.language.toUpperCase()}</span>
      ${creative.tags.length > 0 ? html`<span part="tags">${creative.tags.map((tag) => html`<span part="badge tag">${tag}</span>`)}</span>` : nothing}`;
    return html`<li part=${picked ? 'card card-selected' : 'card'} data-creative-id=${id}>
      ${
        this.selectable
          ? html`<input part="radio" type="radio" name="creative" id=${inputId} .checked=${live(picked)} @change=${() => this.choose(id)} />
          <label part="card-body" for=${inputId}>${body}</label>`
          : html`<div part="card-body">${body}</div>`
      }
    </li>`;
  }
}
