/**
 * `<kb-campaign-detail campaign-id>`: one campaign with its promos (tracking links). Owners and
 * admins archive and unarchive it, and while it is active add promos (the wizard's steps 2–3),
 * rename promos and set an empty traffic source once. Archived links keep tracking.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { formValues, type CampaignDetail, type Catalog, type Promo } from '../../internal/campaign/campaign-types.ts';
import { detailMessages, type DetailKey } from './kb-campaign-detail.messages.ts';
import { detailStyles } from './kb-campaign-detail.styles.ts';
import { renderPromoCard, type PromoCardView } from './promo-card.ts';
import { loadPostbacksChunk, promoPostbackCounts, renderCampaignPostbacks } from './campaign-postbacks.ts';

/**
 * A campaign's page. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-promo-created - Bubbles up from the wizard when a promo was added; `detail: { campaignId, promoId }`.
 * @event kb-postback-saved - Bubbles up from the postbacks parts; `detail: { postback }`. Also
 *   `kb-postback-cancelled`, `kb-postback-deleted`.
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart header - Name, status and the archive button.
 * @csspart heading - The campaign's name.
 * @csspart badge - The status (also `status-badge`).
 * @csspart facts - A facts list (also `campaign-facts`, `promo-facts`). @csspart fact-label - A fact's name.
 * @csspart fact-value - Its value (also `campaign-brand`, `campaign-plan`, `campaign-created`, and the
 *   `promo-…` parts below).
 * @csspart note - The archived note (also `archived-note`).
 * @csspart promos - The promos section. @csspart toolbar - Its heading row. @csspart subheading - "Promos".
 * @csspart promo - A promo card. @csspart promo-header - Its title row. @csspart promo-title - Its title.
 * @csspart promo-landing - Landing.
 * @csspart promo-creative - Banner or direct link.
 * @csspart thumbnail - The banner image.
 * @csspart creative-title - Its title.
 * @csspart promo-source - Traffic source. @csspart promo-code - Promo code. @csspart promo-created - Creation date.
 * @csspart rename-form - Inline rename. @csspart source-form - Set the traffic source.
 * @csspart field - A label with its input (also `link-field`, `snippet-field`).
 * @csspart label - A label.
 * @csspart input - An input or select (also `tracking-link`).
 * @csspart hint - Help text. @csspart field-error - A field's error. @csspart snippet - The HTML code as text.
 * @csspart copy-row - Copy button row. @csspart copy-status - "Copied". @csspart wizard - The add-promo wizard.
 * @csspart actions - Buttons row.
 * @csspart button - Any button (also `primary`, `archive`, `unarchive`, `add-promo`, `rename`, `save`,
 *   `cancel`, `set-source`, `copy-button`, `retry`).
 * @csspart empty - No promos.
 * @csspart success - Done note.
 * @csspart error - Error message.
 * @csspart status - Waiting and loading notes.
 * @csspart error-detail - A load error's text.
 * @csspart campaign-postbacks - The campaign's `<kb-postbacks>` below the promos.
 * @csspart promo-postbacks-count - A promo's postback count.
 * @csspart postbacks-toggle - Opens its postbacks (also `link-button`).
 * @csspart promo-postbacks - A promo's `<kb-postbacks>`.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Labels and hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Notes and snippets. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Card corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbCampaignDetail extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, detailStyles];
  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    campaign: { state: true },
    sources: { state: true },
    loadError: { state: true },
    notice: { state: true },
    adding: { state: true },
    renaming: { state: true },
    errors: { state: true },
    busy: { state: true },
    postbackCounts: { state: true },
    openPostbacks: { state: true },
  };

  declare campaignId: string | null;
  declare private campaign: CampaignDetail | null;
  declare private sources: Catalog['trafficSources'];
  declare private loadError: string | null;
  declare private notice: string | null;
  /** The add-promo wizard is showing instead of the promo cards. */
  declare private adding: boolean;
  declare private renaming: { id: string; title: string } | null;
  declare private errors: Record<string, string>;
  /** One change at a time: its buttons are disabled meanwhile. */
  declare private busy: boolean;
  /** Postbacks per promo (the cards' "Postbacks: none / N"); null when unknown. */
  declare private postbackCounts: Record<string, number> | null;
  declare private openPostbacks: string | null;
  /** Only the latest load may write: `campaign-id` can change while an earlier load is in flight. */
  private loadSeq = 0;

  constructor() {
    super();
    this.campaignId = null;
    this.campaign = null;
    this.sources = [];
    this.loadError = null;
    this.notice = null;
    this.adding = false;
    this.renaming = null;
    this.errors = {};
    this.busy = false;
    this.postbackCounts = null;
    this.openPostbacks = null;
    // Postbacks saved or deleted in a promo's (or the campaign's) list change the cards' counts.
    this.addEventListener('kb-postback-saved', this.refreshCounts);
    this.addEventListener('kb-postback-deleted', this.refreshCounts);
  }

  private m(key: DetailKey, params?: MessageParams): string {
    return detailMessages(this.i18n.locale, key, params);
  }

  private get editable(): boolean {
    return this.canWrite && this.campaign?.status === 'active';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined && this.api && this.ready)
      void this.load(this.api);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.campaign = null;
    this.loadError = null;
    this.error = null;
    this.notice = null;
    this.adding = false;
    this.renaming = null;
    this.errors = {};
    this.postbackCounts = null;
    this.openPostbacks = null;
    const campaignId = this.campaignId;
    const seq = ++this.loadSeq;
    if (!campaignId) return;
    try {
      const [campaign, catalog, counts] = await Promise.all([
        expectOk(api.client.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId } })),
        // Traffic sources only matter to those who may set one; without them the select is simply not shown.
        this.canWrite ? expectOk(api.client.v1.partner.catalog.$get()).catch(() => null) : null,
        promoPostbackCounts(api, campaignId),
      ]);
      if (seq !== this.loadSeq) return;
      loadPostbacksChunk();
      this.postbackCounts = counts;
      this.sources = catalog?.trafficSources ?? [];
      this.campaign = campaign;
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = this.errorMessage(error);
    }
  }

  /** Runs one change; its outcome goes to the live regions (a null result says nothing). */
  private async act(work: (api: ApiClient, campaignId: string) => Promise<string | null>): Promise<void> {
    const { api, campaign } = this;
    if (!api || !campaign || this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      this.notice = await work(api, campaign.id);
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private refreshCounts = (): void => {
    const { api, campaign } = this;
    if (api && campaign)
      void promoPostbackCounts(api, campaign.id).then((counts) => {
        if (this.campaign?.id === campaign.id) this.postbackCounts = counts;
      });
  };

  private replace(promo: Promo): void {
    if (this.campaign)
      this.campaign = { ...this.campaign, promos: this.campaign.promos.map((p) => (p.id === promo.id ? promo : p)) };
  }

  /** A 422's message for `field` goes beside input `inputId`; anything else is thrown to the section's alert. */
  private fieldFailure(error: unknown, field: string, inputId: string): null {
    const message = fieldErrorsOf(error, this.i18n.locale)[field];
    if (!message) throw error;
    this.errors = { ...this.errors, [inputId]: message };
    this.focusAfterRender(`#${inputId}`);
    return null;
  }

  private toggleArchive = (): void =>
    void this.act(async (api, campaignId) => {
      const route = api.client.v1.partner.campaigns[':campaignId'];
      const archive = this.campaign?.status === 'active';
      this.campaign = archive
        ? await expectOk(route.archive.$post({ param: { campaignId } }))
        : await expectOk(route.unarchive.$post({ param: { campaignId } }));
      this.adding = false;
      this.renaming = null;
      return this.m(archive ? 'archivedNotice' : 'unarchivedNotice');
    });

  private saveRename = (event: SubmitEvent): void => {
    event.preventDefault();
    const draft = this.renaming;
    if (!draft) return;
    const inputId = `rename-${draft.id}`;
    const title = draft.title.trim();
    this.errors = title ? {} : { [inputId]: this.c('required') };
    if (!title) {
      this.focusAfterRender(`#${inputId}`);
      return;
    }
    void this.act(async (api) => {
      try {
        this.replace(
          await expectOk(
            api.client.v1.partner.promos[':promoId'].$patch({ param: { promoId: draft.id }, json: { title } }),
          ),
        );
      } catch (error) {
        return this.fieldFailure(error, 'title', inputId);
      }
      this.renaming = null;
      this.focusAfterRender(`#promo-${draft.id}-title`);
      return this.m('renamed');
    });
  };

  private setSource(promo: Promo, event: SubmitEvent): void {
    event.preventDefault();
    const inputId = `source-${promo.id}`;
    const trafficSourceId = formValues(event.currentTarget as HTMLFormElement).trafficSourceId;
    this.errors = trafficSourceId ? {} : { [inputId]: this.c('required') };
    if (!trafficSourceId) {
      this.focusAfterRender(`#${inputId}`);
      return;
    }
    void this.act(async (api) => {
      try {
        this.replace(
          await expectOk(
            api.client.v1.partner.promos[':promoId'].$patch({
              param: { promoId: promo.id },
              json: { trafficSourceId },
            }),
          ),
        );
      } catch (error) {
        return this.fieldFailure(error, 'trafficSourceId', inputId);
      }
      return this.m('sourceSet');
    });
  }

  private promoCreated = (event: Event): void => {
    const { promoId } = (event as CustomEvent<{ promoId: string }>).detail;
    this.adding = false;
    void this.act(async (api, campaignId) => {
      this.campaign = await expectOk(api.client.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId } }));
      this.focusAfterRender(`#promo-${promoId}-title`);
      return this.m('promoAdded');
    });
  };

  private showWizard(adding: boolean): void {
    this.adding = adding;
    this.notice = null;
    this.focusAfterRender(adding ? '[part~="cancel-add"]' : '[part~="add-promo"]');
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const campaign = this.campaign;
    if (!campaign) return this.loadError ? this.renderLoadError(this.loadError) : this.renderLoading();
    const archived = campaign.status === 'archived';
    return html`<div part="header">
        <h2 part="heading" id="detail-heading" tabindex="-1">${campaign.name}</h2>
        <span part="badge status-badge">${this.c(`status.${campaign.status}`)}</span>
        ${
          this.canWrite
            ? html`<button part=${archived ? 'button unarchive' : 'button archive'} type="button" ?disabled=${this.busy}
          @click=${this.toggleArchive}>${this.m(archived ? 'unarchive' : 'archive')}</button>`
            : nothing
        }
      </div>
      <dl part="facts campaign-facts">
        <dt part="fact-label">${this.c('brand')}</dt><dd part="fact-value campaign-brand">${campaign.brand.name}</dd>
        <dt part="fact-label">${this.c('plan')}</dt><dd part="fact-value campaign-plan">${campaign.plan.name}</dd>
        <dt part="fact-label">${this.c('created')}</dt><dd part="fact-value campaign-created">${this.date(campaign.createdAt)}</dd>
      </dl>
      ${archived ? html`<p part="note archived-note">${this.m('archivedNote')}</p>` : nothing}
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      <section part="promos" aria-labelledby="detail-promos">
        <div part="toolbar">
          <h3 part="subheading" id="detail-promos">${this.c('promos')} (${campaign.promos.length})</h3>
          ${this.editable && !this.adding ? html`<button part="button primary add-promo" type="button" @click=${() => this.showWizard(true)}>${this.m('addPromo')}</button>` : nothing}
        </div>
        ${this.adding ? this.renderWizard(campaign.id) : this.renderPromos(campaign)}
      </section>
      ${renderCampaignPostbacks(campaign.id, archived)}`;
  }

  private renderWizard(campaignId: string): TemplateResult {
    return html`<div part="actions"><button part="button cancel-add" type="button" @click=${() => this.showWizard(false)}>${this.tc('cancel')}</button></div>
      <kb-campaign-wizard part="wizard" campaign-id=${campaignId} @kb-promo-created=${this.promoCreated}></kb-campaign-wizard>`;
  }

  private renderPromos(campaign: CampaignDetail): TemplateResult {
    if (campaign.promos.length === 0) return html`<p part="empty">${this.m('noPromos')}</p>`;
    const view: PromoCardView = {
      editable: this.editable,
      busy: this.busy,
      sources: this.sources,
      renaming: this.renaming,
      errors: this.errors,
      m: this.m.bind(this),
      c: this.c.bind(this),
      none: this.tc('none'),
      cancel: this.tc('cancel'),
      date: (value) => this.date(value),
      copy: (key, text, label) => this.renderCopy(key, text, label),
      onRename: (promo) => {
        this.renaming = { id: promo.id, title: promo.title };
        this.errors = {};
        this.focusAfterRender(`#rename-${promo.id}`);
      },
      onDraft: (title) => {
        if (this.renaming) this.renaming = { ...this.renaming, title };
      },
      onSaveRename: this.saveRename,
      onCancelRename: () => {
        const id = this.renaming?.id;
        this.renaming = null;
        this.errors = {};
        if (id) this.focusAfterRender(`#promo-${id}-title`);
      },
      onSetSource: (promo, event) => this.setSource(promo, event),
      archived: campaign.status === 'archived',
      postbackCounts: this.postbackCounts,
      openPostbacks: this.openPostbacks,
      onTogglePostbacks: (promo) => {
        this.openPostbacks = this.openPostbacks === promo.id ? null : promo.id;
      },
    };
    return html`${campaign.promos.map((promo) => renderPromoCard(view, promo))}`;
  }
}
