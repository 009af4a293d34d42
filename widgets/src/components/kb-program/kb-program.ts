/**
 * `<kb-program>`: the "Program" section. Shows the operator's welcome and its brands from
 * the configuration the portal provides through @lit/context (it fetches nothing itself).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { KabinetElement, isSafeUrl } from '../../internal/base-element.ts';
import { brandingContext, localeContext } from '../../internal/contexts.ts';
import { createLocaleState, negotiateLocale, type LocaleState } from '../../internal/i18n.ts';
import type { PublicBrand } from '../../internal/api-client.ts';
import { programStyles } from './kb-program.styles.ts';
import {
  cell,
  columns,
  headerCells,
  scrollRegion,
  type Columns,
  type ColumnSpec,
} from '../../internal/responsive-table.ts';

/**
 * The operator's program: welcome heading and the list of brands a partner can promote.
 * Must sit inside `<kb-portal>` (it reads the portal's contexts); alone it shows a waiting note.
 *
 * @csspart heading - Welcome heading with the operator's name.
 * @csspart brands-heading - "Brands" heading. @csspart brand-count - How many brands.
 * @csspart table-wrap - The brands table's box (narrow, each brand is a card).
 * @csspart brands - The brands table.
 * @csspart brands-header-row - Its header row.
 * @csspart brands-header-cell - A column header.
 * @csspart brand-row - One brand.
 * @csspart brand-cell - Any cell (also `brand-name`, `brand-currency`, `brand-website`).
 * @csspart brand-link - A brand's website link.
 * @csspart empty - Shown when there are no brands. @csspart status - Shown before the portal provides data.
 * @csspart support - Support e-mail line. @csspart support-link - Its mailto link.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Secondary text.
 * @cssproperty --kb-color-border - Table borders. @cssproperty --kb-color-surface - Table header background.
 * @cssproperty --kb-color-link - Link colour (else --kb-color-primary).
 * @cssproperty --kb-radius - Table corners.
 * @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-font-family - Font. @cssproperty --kb-focus-ring-color, --kb-focus-ring-width - Focus ring.
 */
export class KbProgram extends KabinetElement {
  static override styles = programStyles;

  // subscribe: true re-renders this section when the portal reloads config or switches language.
  private readonly branding = new ContextConsumer(this, { context: brandingContext, subscribe: true });
  private readonly localeState = new ContextConsumer(this, { context: localeContext, subscribe: true });
  /** Used only when no portal provides a locale, so the waiting note is still in the user's language. */
  private readonly fallbackLocale: LocaleState = createLocaleState(negotiateLocale(null));

  protected override render(): TemplateResult {
    const { t } = this.localeState.value ?? this.fallbackLocale;
    const config = this.branding.value;
    if (!config) return html`<p part="status" role="status">${t('program.waiting')}</p>`;
    const name = config.branding.displayName;
    const email = config.branding.supportEmail;
    return html`
      <h2 part="heading">${t('program.welcome', { name })}</h2>
      <h3 part="brands-heading" id="brands-heading">${t('program.brandsHeading')}</h3>
      ${
        config.brands.length === 0
          ? html`<p part="empty">${t('program.noBrands')}</p>`
          : html`<p part="brand-count">${t('program.brandCount', { count: config.brands.length })}</p>
            ${this.renderBrands(config.brands)}`
      }
      ${email ? html`<p part="support">${this.renderSupport(email)}</p>` : nothing}
    `;
  }

  /** The brands table: the shared responsive pattern (responsive-table.ts), each brand a card at a phone's width. */
  private renderBrands(brands: PublicBrand[]): TemplateResult {
    const { t } = this.localeState.value ?? this.fallbackLocale;
    const cols = columns({
      name: { label: t('program.colName'), primary: true },
      currency: { label: t('program.colCurrency') },
      website: { label: t('program.colWebsite') },
    });
    return html`<div part="table-wrap" ${scrollRegion(t('program.brandsHeading'))}>
      <table part="brands" aria-labelledby="brands-heading">
        <thead>
          <tr part="brands-header-row">${headerCells(cols, 'brands-header-cell')}</tr>
        </thead>
        <tbody>${brands.map((brand) => this.renderBrand(cols, brand))}</tbody>
      </table>
    </div>`;
  }

  private renderBrand(
    cols: Columns<Record<'name' | 'currency' | 'website', ColumnSpec>>,
    brand: PublicBrand,
  ): TemplateResult {
    const { t } = this.localeState.value ?? this.fallbackLocale;
    return html`<tr part="brand-row" data-brand-id=${brand.id}>
      <th part="brand-cell brand-name" scope="row" ${cell(cols.name)}>${brand.name}</th>
      <td part="brand-cell brand-currency" ${cell(cols.currency)}>${brand.currency}</td>
      <td part="brand-cell brand-website" ${cell(cols.website)}>${
        isSafeUrl(brand.websiteUrl)
          ? html`<a part="brand-link" href=${brand.websiteUrl} target="_blank" rel="noopener noreferrer"
              >${displayUrl(brand.websiteUrl)}<span class="visually-hidden"> ${t('program.newTab')}</span></a>`
          : brand.websiteUrl
      }</td>
    </tr>`;
  }

  /** The e-mail becomes a link inside the translated sentence without any HTML in the catalog. */
  private renderSupport(email: string): TemplateResult {
    const { t } = this.localeState.value ?? this.fallbackLocale;
    const marker = '\u0000';
    const [before = '', after = ''] = t('program.support', { email: marker }).split(marker);
    return html`${before}<a part="support-link" href=${`mailto:${email}`}>${email}</a>${after}`;
  }
}

/** Host and path without the scheme: shorter and what people read, e.g. `luckyspin.example/en`. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return (u.host + u.pathname).replace(/\/$/, '');
  } catch {
    return url;
  }
}
