/**
 * `<kb-plans-console>`: the operator console's commission plans — each plan's name, kind, whether it
 * is the default, its terms in words (today's and each scheduled version from its date); a form to
 * create a plan and one to give a plan new terms from a date (`<kb-plan-form>`); and offering a plan
 * to one partner or stopping it. Calls go through the operator's own backend (`api-base` forwards
 * `/v1/plans…` and reads `GET /v1/partners` and `GET /v1/brands`, the CPA amounts' brand picker,
 * with the secret key added).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { localDateWords, renderPlanTerms } from '../../internal/campaign/plan-terms.ts';
import { PlansConsoleElement } from './plans-console-element.ts';
import type { BrandSummary, OperatorPlan, PartnerSummary } from './plans-types.ts';

interface Saved {
  plan: OperatorPlan;
  effectiveFrom: string | null;
}
/** Per plan: the offer's outcome (`ok`: a status line; else an alert). */
interface AssignNote {
  ok: boolean;
  text: string;
}

/**
 * The operator's commission plans. Attributes: `api-base` (the operator backend's prefix that
 * forwards to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 * Uses `<kb-plan-form>` (defined by kabinet-operator.js), whose events reach the page.
 *
 * @event kb-plan-saved - A plan was created or got new terms: `detail: { plan, effectiveFrom }` (null when created).
 *
 * @csspart heading, intro, status, error, error-detail, retry, empty, button, primary - The panel and its states.
 * @csspart plan-list, plan, plan-name, badges, badge, terms-lines, term, scheduled, scheduled-from, hint - A plan and its terms in words.
 * @csspart actions, new-version, assign, field, label, input, select, assign-button, unassign-button - A plan's actions.
 * @csspart plan-form, subheading, terms-part, toggle, field-row, field-error, submit, cancel - The form (in `<kb-plan-form>`).
 * @csspart rows, row, row-label, add-row, remove-row - Its lists: CPA and CPL amounts, tier steps.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-link, --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbPlansConsole extends PlansConsoleElement {
  static override properties = {
    ...PlansConsoleElement.properties,
    plans: { state: true },
    partners: { state: true },
    brands: { state: true },
    loadError: { state: true },
    editing: { state: true },
    notice: { state: true },
    assignNotes: { state: true },
  };

  declare private plans: OperatorPlan[] | null;
  declare private partners: PartnerSummary[];
  /** The operator's brands for the form's brand picker; empty when they could not load (then "All brands" only). */
  declare private brands: BrandSummary[];
  declare private loadError: string | null;
  /** 'new' while creating; a plan id while giving it new terms. */
  declare private editing: string | null;
  declare private notice: string | null;
  declare private assignNotes: Record<string, AssignNote>;

  constructor() {
    super();
    this.plans = null;
    this.partners = [];
    this.brands = [];
    this.loadError = null;
    this.editing = null;
    this.notice = null;
    this.assignNotes = {};
  }

  protected override apiBaseChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.plans = null;
    this.loadError = null;
    void expectOk(this.api.client.v1.brands.$get()).then(
      (r) => (this.brands = r.data.map(({ id, name }) => ({ id, name }))),
      () => (this.brands = []),
    );
    try {
      const [plans, partners] = await Promise.all([
        expectOk(this.api.client.v1.plans.$get({ query: {} })),
        expectOk(this.api.client.v1.partners.$get({ query: {} })),
      ]);
      this.plans = plans.data;
      this.partners = partners.data;
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private onSaved = (event: CustomEvent<Saved>): void => {
    const { plan, effectiveFrom } = event.detail;
    const known = this.plans?.some((p) => p.id === plan.id);
    this.plans = known
      ? this.plans!.map((p) => (p.id === plan.id ? plan : p))
      : [...(this.plans ?? []), plan].sort((a, b) => a.name.localeCompare(b.name));
    this.notice = effectiveFrom
      ? this.m('versioned', { name: plan.name, date: localDateWords(effectiveFrom, this.uiLocale) })
      : this.m('created', { name: plan.name });
    this.close();
  };

  private open(what: string): void {
    this.editing = this.editing === what ? null : what;
    this.notice = null;
  }

  private async close(): Promise<void> {
    const was = this.editing;
    this.editing = null;
    await this.updateComplete;
    const opener = was === 'new' ? '[part~="create"]' : `[data-plan="${was}"] [part~="new-version"]`;
    this.renderRoot.querySelector<HTMLElement>(opener)?.focus();
  }

  private async offer(plan: OperatorPlan, assign: boolean): Promise<void> {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#partner-${plan.id}`);
    const partner = this.partners.find((p) => p.id === select?.value);
    const note = (ok: boolean, text: string) => (this.assignNotes = { ...this.assignNotes, [plan.id]: { ok, text } });
    if (!partner) {
      note(false, this.m('pickPartner'));
      select?.focus();
      return;
    }
    try {
      const planId = plan.id;
      const saved = assign
        ? await expectOk(
            this.api.client.v1.plans[':planId'].assignments.$post({
              param: { planId },
              json: { partnerId: partner.id },
            }),
          )
        : await expectOk(
            this.api.client.v1.plans[':planId'].assignments[':partnerId'].$delete({
              param: { planId, partnerId: partner.id },
            }),
          );
      this.plans = this.plans?.map((p) => (p.id === saved.id ? saved : p)) ?? null;
      note(true, this.m(assign ? 'assigned' : 'unassigned', { partner: partner.name }));
    } catch (error) {
      note(false, this.failure(error));
    }
  }

  private renderPlan(plan: OperatorPlan): TemplateResult {
    const locale = this.uiLocale;
    const note = this.assignNotes[plan.id];
    const editing = this.editing === plan.id;
    return html`<li part="plan" data-plan=${plan.id}>
      <h3 part="plan-name">${plan.name}</h3>
      <p part="badges"><span part="badge badge-kind">${this.m(`kind.${plan.kind}`)}</span>
        ${plan.isDefault ? html`<span part="badge badge-default">${this.m('default')}</span>` : nothing}</p>
      ${renderPlanTerms({ ...plan, individual: false }, locale)}
      <div part="actions"><button part="button new-version" type="button" aria-expanded=${editing ? 'true' : 'false'}
        aria-label=${this.m('newVersionLabel', { name: plan.name })} @click=${() => this.open(plan.id)}>${this.m('newVersion')}</button></div>
      ${editing ? html`<kb-plan-form api-base=${this.apiBase} locale=${locale} .plan=${plan} .brands=${this.brands}></kb-plan-form>` : nothing}
      ${plan.isDefault ? html`<p part="hint">${this.m('partners.hint')}</p>` : this.renderAssign(plan)}
      ${note ? html`<p part=${note.ok ? 'status assign-status' : 'field-error assign-error'} role=${note.ok ? 'status' : 'alert'}>${note.text}</p>` : nothing}
    </li>`;
  }

  /** Offer a plan that is not a default one to one partner, or stop offering it. */
  private renderAssign(plan: OperatorPlan) {
    const name = (id: string) => this.partners.find((p) => p.id === id)?.name ?? id;
    const offered = plan.offeredTo.length
      ? this.m('offeredTo', { partners: plan.offeredTo.map(name).join(', ') })
      : this.m('offeredToNobody');
    return html`<p part="offered-to">${offered}</p>
      <div part="assign" role="group" aria-label=${`${this.m('partners.heading')}: ${plan.name}`}>
        <div part="field">
          <label part="label" for=${`partner-${plan.id}`}>${this.m('partners.heading')}</label>
          <select part="input select" id=${`partner-${plan.id}`}>
            <option value="">${this.partners.length ? this.m('partner.choose') : this.m('partners.none')}</option>
            ${this.partners.map((p) => html`<option value=${p.id}>${p.name} (${p.id})</option>`)}
          </select>
        </div>
        <button part="button assign-button" type="button" @click=${() => this.offer(plan, true)}>${this.m('assign')}</button>
        <button part="button unassign-button" type="button" @click=${() => this.offer(plan, false)}>${this.m('unassign')}</button>
      </div>`;
  }

  protected override render(): TemplateResult {
    const intro = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro hint">${this.m('intro')}</p>`;
    if (!this.apiBase) return html`${intro}<p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    if (this.loadError)
      return html`${intro}<div part="error" role="alert"><p part="error-detail">${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`;
    if (!this.plans) return html`${intro}<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    return html`${intro}
      <div @kb-plan-saved=${this.onSaved} @kb-plan-form-cancel=${() => this.close()}>
        <p part="status" role="status">${this.notice ?? nothing}</p>
        <div part="actions"><button part="primary create" type="button" aria-expanded=${this.editing === 'new' ? 'true' : 'false'}
          @click=${() => this.open('new')}>${this.m('create')}</button></div>
        ${this.editing === 'new' ? html`<kb-plan-form api-base=${this.apiBase} locale=${this.uiLocale} .brands=${this.brands}></kb-plan-form>` : nothing}
        ${
          this.plans.length
            ? html`<ul part="plan-list">${this.plans.map((plan) => this.renderPlan(plan))}</ul>`
            : html`<p part="empty">${this.m('empty')}</p>`
        }
      </div>`;
  }
}
