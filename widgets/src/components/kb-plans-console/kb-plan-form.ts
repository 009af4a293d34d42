/**
 * `<kb-plan-form>`: creates a commission plan (name, default, terms) or, given a `plan`, saves new
 * terms for it as a version from "effective from". Inputs are named by their body path, so the
 * API's 422 (`body.terms.cpa.amounts.0.amount`) lands beside its input, worded in the UI language;
 * what names no input goes in the alert. Part of `<kb-plans-console>`, which sets its properties.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { alertMessage, fieldProblemMessage } from '../../internal/problem-messages.ts';
import { fieldFor, formReader, hasUnshown, partsOf, termsFrom, today } from './plan-terms-draft.ts';
import { PlansConsoleElement } from './plans-console-element.ts';
import type { PlansKey } from './kb-plans-console.messages.ts';
import { MAX_LEVELS, TERMS_PARTS, type OperatorPlan, type PlanTerms, type TermsPart } from './plans-types.ts';

const fieldId = (name: string) => `plan-${name.replace(/[^\w-]/g, '-')}`;
type Option = [value: string, label: PlansKey];
interface FieldOptions {
  type?: string;
  value?: string;
  hint?: string;
  options?: Option[];
  inputmode?: string;
}

/**
 * The plan form (inside `<kb-plans-console>`). Property `plan`: the plan to give new terms; null creates one.
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
    parts: { state: true },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  /** The plan to give new terms; null creates a plan. */
  declare plan: OperatorPlan | null;
  declare private parts: Set<TermsPart>;
  declare private busy: boolean;
  declare private error: string | null;
  declare private fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.plan = null;
    this.parts = partsOf(null);
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
    const terms = termsFrom(read, this.parts, this.base);
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
      const field = fieldFor(problem.path, fields);
      if (field) byField[field] ??= fieldProblemMessage(this.uiLocale, problem);
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

  private field(name: string, label: string, o: FieldOptions = {}): TemplateResult {
    const id = fieldId(name);
    const message = this.fieldErrors[name];
    const described = [o.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
    const common = { id, invalid: message ? 'true' : 'false', described: described || nothing };
    const control = o.options
      ? html`<select part="input select" id=${common.id} name=${name} aria-invalid=${common.invalid}
          aria-describedby=${common.described}>${o.options.map(
            ([value, key]) => html`<option value=${value} ?selected=${value === o.value}>${this.m(key)}</option>`,
          )}</select>`
      : html`<input part="input" id=${common.id} name=${name} type=${o.type ?? 'text'} .value=${o.value ?? ''}
          autocomplete="off" inputmode=${o.inputmode ?? nothing} aria-invalid=${common.invalid}
          aria-describedby=${common.described}>`;
    return html`<div part="field" data-field=${name}>
      <label part="label" for=${id}>${label}</label>${control}
      ${o.hint ? html`<p part="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
      ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
    </div>`;
  }

  private checkbox(name: string, label: string, checked: boolean): TemplateResult {
    const message = this.fieldErrors[name];
    return html`<div part="field" data-field=${name}>
      <label part="toggle"><input type="checkbox" id=${fieldId(name)} name=${name} .checked=${checked}> ${label}</label>
      ${message ? html`<p part="field-error">${message}</p>` : nothing}
    </div>`;
  }

  private money(path: string, amount = '', currency = ''): TemplateResult {
    return html`${this.field(`${path}.amount`, this.m('amount'), { value: amount, inputmode: 'decimal' })}
    ${this.field(`${path}.currency`, this.m('currency'), { value: currency || 'EUR', hint: this.m('currencyHint') })}`;
  }

  private partFields(part: TermsPart, t: PlanTerms | null): TemplateResult {
    const q = t?.cpa?.qualification;
    const number = (name: string, key: PlansKey, value?: number) =>
      this.field(name, this.m(key), { value: value === undefined ? '' : String(value), inputmode: 'numeric' });
    switch (part) {
      case 'cpa':
        return html`<div part="field-row">${this.money('terms.cpa.amounts.0', t?.cpa?.amounts[0]?.amount, t?.cpa?.amounts[0]?.currency)}
            ${this.field('terms.cpa.amounts.0.brandId', this.m('brandId'), { value: t?.cpa?.amounts[0]?.brandId ?? '' })}</div>
          <p part="label qualification">${this.m('qualification')}</p>
          <div part="field-row">
            ${this.field('terms.cpa.qualification.minFirstDeposit.0.amount', this.m('minFirstDeposit'), {
              value: q?.minFirstDeposit?.[0]?.amount ?? '',
              inputmode: 'decimal',
            })}
            ${this.field('terms.cpa.qualification.minFirstDeposit.0.currency', this.m('currency'), {
              value: q?.minFirstDeposit?.[0]?.currency ?? 'EUR',
            })}
            ${number('terms.cpa.qualification.minDeposits', 'minDeposits', q?.minDeposits)}
            ${number('terms.cpa.qualification.withinDays', 'withinDays', q?.withinDays)}
            ${this.field('terms.cpa.qualification.countries', this.m('countries'), {
              value: q?.countries?.join(', ') ?? '',
            })}
          </div>`;
      case 'revshare':
        return html`<div part="field-row">
            ${this.field('terms.revshare.percent', this.m('percent'), {
              value: t?.revshare?.percent ?? '',
              inputmode: 'decimal',
            })}
          </div>
          ${this.checkbox(
            'terms.revshare.negativeCarryOver',
            this.m('negativeCarryOver'),
            t?.revshare?.negativeCarryOver ?? false,
          )}`;
      case 'cpl':
        return html`<div part="field-row">${this.field('terms.cpl.per', this.m('cplPer'), {
          value: t?.cpl?.per ?? 'registration',
          options: [
            ['lead', 'per.lead'],
            ['registration', 'per.registration'],
          ],
        })}${this.money('terms.cpl.amounts.0', t?.cpl?.amounts[0]?.amount, t?.cpl?.amounts[0]?.currency)}</div>`;
      case 'subAffiliate':
        return html`<p part="hint">${this.m('levelsHint')}</p><div part="field-row">${Array.from(
          { length: MAX_LEVELS },
          (_, i) =>
            this.field(`terms.subAffiliate.levels.${i}`, this.m('level', { level: i + 1 }), {
              value: t?.subAffiliate?.levels[i] ?? '',
              inputmode: 'decimal',
            }),
        )}</div>`;
    }
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
          ? this.field('effectiveFrom', this.m('form.effectiveFrom'), {
              type: 'date',
              value: today(),
              hint: this.m('form.effectiveHint'),
            })
          : html`${this.field('name', this.m('form.name'))}${this.checkbox('isDefault', this.m('form.isDefault'), false)}`
      }
      ${this.field('terms.billingPeriod', this.m('form.billingPeriod'), {
        value: t?.billingPeriod ?? 'monthly',
        options: [
          ['daily', 'period.daily'],
          ['weekly', 'period.weekly'],
          ['monthly', 'period.monthly'],
        ],
      })}
      ${TERMS_PARTS.map(
        (part) => html`<fieldset part="terms-part" data-part=${part}>
          <legend><label part="toggle"><input type="checkbox" data-toggle=${part} .checked=${this.parts.has(part)}
            @change=${(e: Event) => this.toggle(part, (e.target as HTMLInputElement).checked)}> ${this.m(`part.${part}`)}</label></legend>
          ${this.parts.has(part) ? this.partFields(part, t) : nothing}
        </fieldset>`,
      )}
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
