/**
 * A promo's tracking link and HTML snippet with their Copy buttons, shown by the wizard's result
 * and by each promo card. The snippet is markup the partner pastes elsewhere: it is shown as text
 * in a read-only textarea, never rendered here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CampaignKey } from './campaign.messages.ts';
import type { Promo } from './campaign-types.ts';

export type CopyButton = (key: string, text: string, label: string) => TemplateResult;

export function renderPromoLinks(promo: Promo, c: (key: CampaignKey) => string, copy: CopyButton): TemplateResult {
  const link = `promo-link-${promo.id}`;
  const snippet = `promo-snippet-${promo.id}`;
  return html`<div part="field link-field">
      <label part="label" for=${link}>${c('trackingLink')}</label>
      <div part="copy-row">
        <input part="input tracking-link" id=${link} readonly .value=${promo.trackingLink} />
        ${copy(link, promo.trackingLink, c('copyLink'))}
      </div>
    </div>
    ${
      promo.htmlSnippet
        ? html`<div part="field snippet-field">
      <label part="label" for=${snippet}>${c('snippet')}</label>
      <textarea part="snippet" id=${snippet} readonly rows="3" .value=${promo.htmlSnippet}></textarea>
      <div part="copy-row">${copy(snippet, promo.htmlSnippet, c('copyCode'))}</div>
    </div>`
        : nothing
    }`;
}
