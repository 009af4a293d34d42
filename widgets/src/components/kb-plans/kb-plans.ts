/**
 * `<kb-plans>`: the commission plans this partner can put campaigns on (`GET /v1/partner/plans`),
 * the partner's individual plans first, then the program's default ones. Each card shows the
 * plan's name, kind and badge, and its terms in the server's words (plan-terms.ts): today's, then
 * each scheduled change under its date.
 */
import { html, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import type { Plan } from '../../internal/campaign/campaign-types.ts';
import { renderPlanTerms } from '../../internal/campaign/plan-terms.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import { plansMessages, type PlansKey } from './kb-plans.messages.ts';
import { plansStyles } from './kb-plans.styles.ts';

/** Individual plans first, each group in the server's order (by name). */
export const individualFirst = (plans: readonly Plan[]): Plan[] =>
  [...plans].sort((a, b) => Number(b.individual) - Number(a.individual));

/**
 * The partner's commission plans. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - Section heading. @csspart hint - The introduction, and "Terms not set up yet" on a card.
 * @csspart cards - The list of plans. @csspart card - One plan (also `plan`, `plan-individual` or `plan-default`).
 * @csspart plan-header - The plan's name and badge. @csspart plan-name - The plan's name.
 * @csspart badge - "Individual" or "Default" (also `badge-individual`, `badge-default`).
 * @csspart meta - The plan's kind (CPA, RevShare, Hybrid, CPL).
 * @csspart terms-lines - The terms in words (also `scheduled` for a scheduled change). @csspart term - One sentence.
 * @csspart scheduled-from - "From 1 January 2027:" before a scheduled change.
 * @csspart empty - No plans (with `empty-message` and `empty-hint`).
 * @csspart error - Error message. @csspart error-detail - A load error's text.
 * @csspart button - Any button (also `retry`).
 * @csspart status - Waiting and loading notes.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints and the kind.
 * @cssproperty --kb-color-border - Card borders.
 * @cssproperty --kb-color-surface - Badges.
 * @cssproperty --kb-color-link - The "Individual" badge.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Card corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbPlans extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, plansStyles];
  static override properties = { plans: { state: true } };

  declare private plans: Plan[] | null;

  constructor() {
    super();
    this.plans = null;
  }

  private m(key: PlansKey, params?: MessageParams): string {
    return plansMessages(this.i18n.locale, key, params);
  }

  protected override load(api: ApiClient): Promise<void> {
    this.plans = null;
    return this.loadNewest(
      () => expectOk(api.client.v1.partner.plans.$get()),
      ({ data }) => {
        this.plans = individualFirst(data);
      },
    );
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderList()}`;
  }

  private renderList(): TemplateResult {
    if (!this.plans) return this.error ? this.renderLoadError(this.error) : this.renderLoading();
    if (this.plans.length === 0) return renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') });
    return html`<ul part="cards">${this.plans.map((p) => this.renderCard(p))}</ul>`;
  }

  private renderCard(plan: Plan): TemplateResult {
    const group = plan.individual ? 'individual' : 'default';
    return html`<li part=${`card plan plan-${group}`} data-plan-id=${plan.id}>
      <div part="plan-header">
        <h3 part="plan-name">${plan.name}</h3>
        <span part=${`badge badge-${group}`}>${this.m(group)}</span>
      </div>
      <p part="meta"><span class="visually-hidden">${this.m('kindLabel')}: </span>${this.m(`kind.${plan.kind}`)}</p>
      ${renderPlanTerms(plan, this.i18n.locale)}
    </li>`;
  }
}
