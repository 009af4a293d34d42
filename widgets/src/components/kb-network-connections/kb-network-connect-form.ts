/**
 * `<kb-network-connect-form>`: connects one network from the catalog (one input per setting, secret
 * ones as passwords) or, with no network, the operator's tracker. Checks required fields itself
 * and shows the server's 422 errors next to the field they name (`body.settings.<key>` → that
 * setting's input). Part of `<kb-network-connections>`, which sets its properties.
 *
 * @event kb-network-connected - `detail`: the new Connection (with its postback URLs). Bubbles and is composed.
 * @event kb-network-connect-cancel - The Cancel button was pressed; `detail: { networkKey }` (null for the
 *   tracker). Bubbles and is composed.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { alertMessage, fieldProblemMessage } from '../../internal/problem-messages.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import type { NetworkEntry } from './network-types.ts';

const NAME = 'name';
const CURRENCY = 'defaultCurrency';
const settingField = (key: string) => `settings.${key}`;
const fieldId = (field: string) => `connect-${field.replace(/[^\w-]/g, '-')}`;

export class KbNetworkConnectForm extends NetworkConsoleElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...NetworkConsoleElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override properties = {
    network: { attribute: false },
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  /** The catalog entry to connect; null connects a tracker. */
  declare network: NetworkEntry | null;
  declare private busy: boolean;
  declare private error: string | null;
  /** Messages by field: `name`, `defaultCurrency`, `settings.<key>`. */
  declare private fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.network = null;
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('network')) {
      this.error = null;
      this.fieldErrors = {};
    }
  }

  private get fields(): string[] {
    return [NAME, ...(this.network?.settings ?? []).map((s) => settingField(s.key)), CURRENCY];
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (field: string) => (form.elements.namedItem(field) as HTMLInputElement | null)?.value.trim() ?? '';
    const missing = Object.fromEntries(this.fields.filter((f) => !value(f)).map((f) => [f, this.m('form.required')]));
    this.fieldErrors = missing;
    this.error = null;
    if (Object.keys(missing).length) {
      this.error = this.m('form.fix');
      this.focusField(Object.keys(missing)[0]!);
      return;
    }
    const network = this.network;
    const body = network
      ? {
          kind: 'network' as const,
          networkKey: network.key,
          name: value(NAME),
          defaultCurrency: value(CURRENCY).toUpperCase(),
          settings: Object.fromEntries(network.settings.map((s) => [s.key, value(settingField(s.key))])),
        }
      : { kind: 'tracker' as const, name: value(NAME), defaultCurrency: value(CURRENCY).toUpperCase() };
    this.busy = true;
    try {
      const connection = await expectOk(this.api.client.v1.network_connections.$post({ json: body }));
      form.reset();
      this.emit('kb-network-connected', connection);
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.busy = false;
    }
  };

  /** A 422's errors go next to their fields; whatever names no field (or any other failure) goes in the alert. */
  private showFailure(error: unknown): void {
    if (!(error instanceof ApiError) || !error.errors.length) {
      this.error = this.failure(error);
      return;
    }
    const byField: Record<string, string> = {};
    for (const problem of error.errors) {
      const field = this.fields.find((f) => problem.path === `body.${f}`);
      if (field) byField[field] ??= fieldProblemMessage(this.uiLocale, problem);
    }
    this.fieldErrors = byField;
    const shown = (path: string) => this.fields.some((f) => path === `body.${f}`);
    const placed = error.errors.every((p) => shown(p.path));
    this.error = placed ? this.m('form.fix') : alertMessage(this.uiLocale, error, shown);
    const first = this.fields.find((f) => byField[f]);
    if (first) this.focusField(first);
  }

  private async focusField(field: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(field)}`)?.focus();
  }

  private cancel = (): void => {
    this.emit('kb-network-connect-cancel', { networkKey: this.network?.key ?? null });
  };

  private field(
    field: string,
    label: string,
    options: { type?: string; value?: string; hint?: string; autocomplete?: string; maxlength?: number } = {},
  ): TemplateResult {
    const id = fieldId(field);
    const message = this.fieldErrors[field];
    const described = [options.hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" data-field=${field}>
      <label part="label" for=${id}>${label}</label>
      <input part="input" id=${id} name=${field} type=${options.type ?? 'text'} .value=${options.value ?? ''} required
        autocomplete=${options.autocomplete ?? 'off'} maxlength=${options.maxlength ?? 500}
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || nothing}>
      ${options.hint ? html`<p part="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const network = this.network;
    const ru = this.uiLocale === 'ru';
    return html`<form part="connect-form" novalidate aria-labelledby="connect-heading" @submit=${this.submit}>
      <h3 part="subheading" id="connect-heading">${network ? this.m('form.headingNetwork', { name: network.name }) : this.m('form.headingTracker')}</h3>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${this.field(NAME, this.m('form.name'), { value: network?.name ?? '', maxlength: 120 })}
      ${(network?.settings ?? []).map((s) =>
        this.field(
          settingField(s.key),
          ru ? s.labelRu : s.label,
          s.secret ? { type: 'password', autocomplete: 'new-password', hint: this.m('form.secretHint') } : {},
        ),
      )}
      ${this.field(CURRENCY, this.m('form.currency'), { value: 'USD', hint: this.m('form.currencyHint'), maxlength: 8 })}
      <div part="actions">
        <button part="primary submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? this.m('form.busy') : this.m('form.submit')}</button>
        <button part="cancel" type="button" @click=${this.cancel}>${this.m('form.cancel')}</button>
      </div>
    </form>`;
  }
}
