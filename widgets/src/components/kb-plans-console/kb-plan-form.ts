/**
 * `<kb-plan-form>`: creates a commission plan (name, default, terms) or, given a `plan`, saves new
 * terms for it as a version from "effective from". Every term the API takes is here but minimum
 * wager and NGR: CPA amounts per currency and brand, CPL amounts per country, volume tiers and
 * sub-affiliate levels. Inputs are named by their body path, so the API's 422
 * (`body.terms.tiers.steps.1.minPlayers`) lands beside its input, worded in the UI language; what
 * names no input goes in the alert. Part of `<kb-plans-console>`, which sets its properties.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { alertMessage, fieldProblemMessage } from '../../internal/problem-messages.ts';
import { checkbox, field, fieldId, money, type FieldKit } from './plan-fields.ts';
import {
  cpaAmounts,
  cplAmounts,
  rowsFrom,
  stepKindsOf,
  tiersEditor,
  type RowsDraft,
  type RowsHost,
} from './plan-rows.ts';
import { fieldFor, formReader, hasUnshown, partsOf, stepKinds, termsFrom, today } from './plan-terms-draft.ts';
import { PlansConsoleElement } from './plans-console-element.ts';
import type { PlansKey } from './kb-plans-console.messages.ts';
import {
  MAX_LEVELS,
  TERMS_PARTS,
  type BrandSummary,
  type OperatorPlan,
  type PlanTerms,
  type TermsPart,
} from './plans-types.ts';

/**
 * The plan form (inside `<kb-plans-console>`). Property `plan`: the plan to give new terms; null creates one.
 * Property `brands`: the operator's brands, for the CPA amounts' brand picker.
 *
 * @event kb-plan-saved - `detail`: `{ plan, effectiveFrom }` (the server's plan; the date for a new version). Bubbles, composed.
 * @event kb-plan-form-cancel - The Cancel button was pressed. Bubbles and is composed.
 */
export class KbPlanForm extends PlansConsoleElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...PlansConsoleElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override properties = {
    plan: { attribute: false },
    brands: { attribute: false },
    parts: { state: true },
    rows: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  /** The plan to give new terms; null creates a plan. */
  declare plan: OperatorPlan | null;
  /** The operator's brands (`GET /v1/brands`); empty when they could not load (then only "All brands"). */
  declare brands: readonly BrandSummary[];
  declare private parts: Set<TermsPart>;
  /** The lists' rows (CPA and CPL amounts, tier steps) and the tiers' basis and way of paying. */
  declare private rows: RowsDraft;
  declare private busy: boolean;
  declare private error: string | null;
  declare private fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.plan = null;
    this.brands = [];
    this.parts = partsOf(null);
    this.rows = rowsFrom(null);
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  /** The terms the form starts from: the newest version's (scheduled ones are later than today's). */
  private get base(): PlanTerms | null {
    return this.plan?.scheduled.at(-1)?.terms ?? this.plan?.current?.terms ?? null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('plan')) {
      this.parts = partsOf(this.base);
      this.rows = rowsFrom(this.base);
      this.error = null;
      this.fieldErrors = {};
    }
  }

  private toggle(part: TermsPart, on: boolean): void {
    const parts = new Set(this.parts);
    if (on) parts.add(part);
    else parts.delete(part);
    this.parts = parts;
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const read = formReader(form);
    const counts = {
      cpa: this.rows.cpa.length,
      cpl: this.rows.cpl.length,
      steps: stepKindsOf(this.rows, stepKinds(this.parts)),
    };
    const terms = termsFrom(read, this.parts, counts, this.base);
    const plan = this.plan;
    const effectiveFrom = read.value('effectiveFrom');
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    try {
      const saved = plan
        ? await expectOk(
            this.api.client.v1.plans[':planId'].$patch({
              param: { planId: plan.id },
              json: { terms, ...(effectiveFrom ? { effectiveFrom } : {}) },
            }),
          )
        : await expectOk(
            this.api.client.v1.plans.$post({
              json: { name: read.value('name'), isDefault: read.checked('isDefault'), terms },
            }),
          );
      this.dispatchEvent(
        new CustomEvent('kb-plan-saved', {
          detail: { plan: saved, effectiveFrom: plan ? effectiveFrom || today() : null },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.showFailure(error, [...form.elements].map((e) => (e as HTMLInputElement).name).filter(Boolean));
    } finally {
      this.busy = false;
    }
  };

  /** A 422's problems beside their inputs; what names none (or any other failure) in the alert. */
  private showFailure(error: unknown, fields: string[]): void {
    if (!(error instanceof ApiError) || !error.errors.length) {
      this.error = this.failure(error);
      return;
    }
    const byField: Record<string, string> = {};
    for (const problem of error.errors) {
      const name = fieldFor(problem.path, fields);
      if (name) byField[name] ??= fieldProblemMessage(this.uiLocale, problem);
    }
    this.fieldErrors = byField;
    const shown = (path: string) => fieldFor(path, fields) !== undefined;
    this.error = error.errors.every((p) => shown(p.path))
      ? this.m('form.fix')
      : alertMessage(this.uiLocale, error, shown);
    const first = fields.find((f) => byField[f]);
    if (first)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus());
  }

  private cancel = (): void => {
    this.dispatchEvent(new CustomEvent('kb-plan-form-cancel', { bubbles: true, composed: true }));
  };

  /** What the field helpers read: the words and the problems by input name. */
  private get kit(): FieldKit {
    return { m: (key, params) => this.m(key, params), errors: this.fieldErrors };
  }

  /** What the lists' editors read and call (plan-rows.ts). */
  private get rowsHost(): RowsHost {
    return {
      ...this.kit,
      changed: (renumbered) => {
        if (renumbered) this.fieldErrors = {};
        this.requestUpdate();
      },
      currencyOf: (name) =>
        this.renderRoot
          .querySelector<HTMLInputElement>(`#${fieldId(name)}`)
          ?.value.trim()
          .toUpperCase() ?? '',
    };
  }

  private partFields(part: TermsPart, t: PlanTerms | null): TemplateResult {
    const k = this.kit;
    const q = t?.cpa?.qualification;
    const number = (name: string, key: PlansKey, value?: number) =>
      field(k, name, this.m(key), { value: value === undefined ? '' : String(value), inputmode: 'numeric' });
    switch (part) {
      case 'cpa':
        return html`${cpaAmounts(this.rowsHost, this.rows, this.brands)}
          <p part="label qualification">${this.m('qualification')}</p>
          <div part="field-row">
            ${money(k, 'terms.cpa.qualification.minFirstDeposit.0', q?.minFirstDeposit?.[0], this.m('minFirstDeposit'))}
            ${number('terms.cpa.qualification.minDeposits', 'minDeposits', q?.minDeposits)}
            ${number('terms.cpa.qualification.withinDays', 'withinDays', q?.withinDays)}
            ${field(k, 'terms.cpa.qualification.countries', this.m('countries'), { value: q?.countries?.join(', ') ?? '' })}
          </div>`;
      case 'revshare':
        return html`<div part="field-row">
            ${field(k, 'terms.revshare.percent', this.m('percent'), { value: t?.revshare?.percent ?? '', inputmode: 'decimal' })}
          </div>
          ${checkbox(k, 'terms.revshare.negativeCarryOver', this.m('negativeCarryOver'), t?.revshare?.negativeCarryOver ?? false)}`;
      case 'cpl':
        return html`<div part="field-row">${field(k, 'terms.cpl.per', this.m('cplPer'), {
          value: t?.cpl?.per ?? 'registration',
          options: [
            ['lead', this.m('per.lead')],
            ['registration', this.m('per.registration')],
          ],
        })}</div>
          ${cplAmounts(this.rowsHost, this.rows)}`;
      case 'tiers':
        return tiersEditor(this.rowsHost, this.rows, stepKinds(this.parts));
      case 'subAffiliate':
        return html`<p part="hint">${this.m('levelsHint')}</p><div part="field-row">${Array.from(
          { length: MAX_LEVELS },
          (_, i) =>
            field(k, `terms.subAffiliate.levels.${i}`, this.m('level', { level: i + 1 }), {
              value: t?.subAffiliate?.levels[i] ?? '',
              inputmode: 'decimal',
            }),
        )}</div>`;
    }
  }

  /** One part's fieldset: its switch, and its fields while on. Tiers need CPA or RevShare to raise. */
  private renderPart(part: TermsPart, t: PlanTerms | null): TemplateResult {
    const blocked = part === 'tiers' && stepKinds(this.parts).length === 0;
    const on = this.parts.has(part) && !blocked;
    return html`<fieldset part="terms-part" data-part=${part}>
      <legend><label part="toggle"><input type="checkbox" data-toggle=${part} .checked=${on} ?disabled=${blocked}
        aria-describedby=${blocked ? 'plan-tiers-need' : nothing}
        @change=${(e: Event) => this.toggle(part, (e.target as HTMLInputElement).checked)}> ${this.m(`part.${part}`)}</label></legend>
      ${blocked ? html`<p part="hint" id="plan-tiers-need">${this.m('tiersNeed')}</p>` : nothing}
      ${on ? this.partFields(part, t) : nothing}
    </fieldset>`;
  }

  protected override render(): TemplateResult {
    const plan = this.plan;
    const t = this.base;
    const heading = plan ? this.m('form.versionHeading', { name: plan.name }) : this.m('form.createHeading');
    return html`<form part="plan-form" novalidate aria-labelledby="plan-form-heading" @submit=${this.submit}>
      <h3 part="subheading" id="plan-form-heading">${heading}</h3>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        plan
          ? field(this.kit, 'effectiveFrom', this.m('form.effectiveFrom'), {
              type: 'date',
              value: today(),
              hint: this.m('form.effectiveHint'),
            })
          : html`${field(this.kit, 'name', this.m('form.name'))}${checkbox(this.kit, 'isDefault', this.m('form.isDefault'), false)}`
      }
      ${field(this.kit, 'terms.billingPeriod', this.m('form.billingPeriod'), {
        value: t?.billingPeriod ?? 'monthly',
        options: (['daily', 'weekly', 'monthly'] as const).map((p) => [p, this.m(`period.${p}`)] as const),
      })}
      ${TERMS_PARTS.map((part) => this.renderPart(part, t))}
      ${plan && hasUnshown(t) ? html`<p part="hint">${this.m('kept')}</p>` : nothing}
      <div part="actions">
        <button part="primary submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.m('form.busy') : this.m('form.save')}
        </button>
        <button part="cancel" type="button" @click=${this.cancel}>${this.m('form.cancel')}</button>
      </div>
    </form>`;
  }
}
