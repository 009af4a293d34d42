/**
 * One promo of `<kb-campaign-detail>`: title (renamed inline by owners and admins while the
 * campaign is active), tracking link and HTML code to copy, landing, banner or direct link,
 * traffic source (settable once while empty) and promo code.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isSafeUrl } from '../../internal/base-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { CampaignKey } from '../../internal/campaign/campaign.messages.ts';
import { selectField, textField } from '../../internal/campaign/campaign-fields.ts';
import type { Catalog, Promo } from '../../internal/campaign/campaign-types.ts';
import type { DetailKey } from './kb-campaign-detail.messages.ts';
import { renderPromoLinks, type CopyButton } from '../../internal/campaign/promo-links.ts';
import { renderPromoPostbacks } from './campaign-postbacks.ts';

export interface PromoCardView {
  /** Owner or admin, and the campaign is active. */
  editable: boolean;
  busy: boolean;
  sources: Catalog['trafficSources'];
  renaming: { id: string; title: string } | null;
  /** Messages by input id (`rename-<promo>`, `source-<promo>`). */
  errors: Record<string, string>;
  m(key: DetailKey, params?: MessageParams): string;
  c(key: CampaignKey, params?: MessageParams): string;
  none: string;
  cancel: string;
  date(value: string): string;
  copy: CopyButton;
  onRename(promo: Promo): void;
  onDraft(title: string): void;
  onSaveRename(event: SubmitEvent): void;
  onCancelRename(): void;
  onSetSource(promo: Promo, event: SubmitEvent): void;
  archived: boolean;
  /** Postbacks per promo id; null when unknown. */
  postbackCounts: Record<string, number> | null;
  /** The promo whose postbacks are open. */
  openPostbacks: string | null;
  onTogglePostbacks(promo: Promo): void;
}

function renderPostbacksFact(view: PromoCardView, promo: Promo): TemplateResult {
  const count = view.postbackCounts ? (view.postbackCounts[promo.id] ?? 0) : null;
  const text = count === null ? view.m('postbacksShow') : count === 0 ? view.m('postbacksNone') : String(count);
  return html`<dt part="fact-label">${view.m('postbacks')}</dt>
    <dd part="fact-value promo-postbacks-count"><button part="link-button postbacks-toggle" type="button" aria-label=${view.m('postbacksLabel', { title: promo.title, count: text })}
      aria-expanded=${view.openPostbacks === promo.id ? 'true' : 'false'} aria-controls=${`promo-${promo.id}-postbacks`}
      @click=${() => view.onTogglePostbacks(promo)}>${text}</button></dd>`;
}

export function renderPromoCard(view: PromoCardView, promo: Promo): TemplateResult {
  const { m, c } = view;
  const renaming = view.renaming?.id === promo.id ? view.renaming : null;
  const titleId = `promo-${promo.id}-title`;
  const creative = promo.creative;
  return html`<article part="promo" data-promo-id=${promo.id} aria-labelledby=${titleId}>
    <div part="promo-header">
      <h4 part="promo-title" id=${titleId} tabindex="-1">${promo.title}</h4>
      ${
        view.editable && !renaming
          ? html`<button part="button rename" type="button" aria-label=${m('renameLabel', { title: promo.title })}
        ?disabled=${view.busy} @click=${() => view.onRename(promo)}>${m('rename')}</button>`
          : nothing
      }
    </div>
    ${
      renaming
        ? html`<form part="rename-form" novalidate @submit=${view.onSaveRename}>
      ${textField({
        id: `rename-${promo.id}`,
        name: 'title',
        label: c('promoTitle'),
        value: renaming.title,
        maxlength: 120,
        error: view.errors[`rename-${promo.id}`],
        alert: true,
        onInput: view.onDraft,
      })}
      <div part="actions">
        <button part="button primary save" type="submit" ?disabled=${view.busy}>${view.busy ? c('saving') : c('save')}</button>
        <button part="button cancel" type="button" @click=${view.onCancelRename}>${view.cancel}</button>
      </div>
    </form>`
        : nothing
    }
    ${renderPromoLinks(promo, c, view.copy)}
    <dl part="facts promo-facts">
      <dt part="fact-label">${c('landing')}</dt><dd part="fact-value promo-landing">${promo.landing.name} (${c(`audience.${promo.landing.audience}`)})</dd>
      <dt part="fact-label">${c('creative')}</dt>
      <dd part="fact-value promo-creative">${
        creative
          ? html`${
              creative.format === 'banner' && isSafeUrl(creative.assetUrl)
                ? html`<img part="thumbnail" src=${creative.assetUrl} width=${creative.width} height=${creative.height} alt="" loading="lazy" />`
                : nothing
            }
        <span part="creative-title">${creative.title} (${creative.width}x${creative.height})</span>`
          : c('directLink')
      }</dd>
      <dt part="fact-label">${c('trafficSource')}</dt><dd part="fact-value promo-source">${promo.trafficSource?.name ?? m('notSet')}</dd>
      <dt part="fact-label">${c('promoCode')}</dt><dd part="fact-value promo-code">${promo.promoCode ?? view.none}</dd>
      <dt part="fact-label">${c('created')}</dt><dd part="fact-value promo-created">${view.date(promo.createdAt)}</dd>
      ${renderPostbacksFact(view, promo)}
    </dl>
    ${view.openPostbacks === promo.id ? renderPromoPostbacks(promo.id, view.archived) : nothing}
    ${
      view.editable && !promo.trafficSource && view.sources.length > 0
        ? html`<form part="source-form" novalidate @submit=${(e: SubmitEvent) => view.onSetSource(promo, e)}>
      ${selectField({
        id: `source-${promo.id}`,
        name: 'trafficSourceId',
        label: c('trafficSource'),
        hint: c('tsOnce'),
        error: view.errors[`source-${promo.id}`],
        alert: true,
        options: [['', m('choose')], ...view.sources.map((s) => [s.id, s.name] as const)],
      })}
      <div part="actions"><button part="button set-source" type="submit" ?disabled=${view.busy}>${m('setSource')}</button></div>
    </form>`
        : nothing
    }
  </article>`;
}
