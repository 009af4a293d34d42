/**
 * "Add a payment account": pick one of the offered methods the partner has no account for yet
 * (one per method), fill in its kind's fields (checked here as the server checks them), and give
 * the 2FA code when 2FA is on. The server's field problems land beside their fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ApiError, expectOk, type PublicBrand } from '../../internal/api-client.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { alertMessage, fieldProblemMessage } from '../../internal/problem-messages.ts';
import { kindLabel, limitLines } from './accounts-table.ts';
import type { PaymentAccountsKey } from './kb-payment-accounts.messages.ts';
import { codeField, codeMessage, type PaymentHost } from './payment-host.ts';
import {
  detailsFrom,
  isSecondFactorShape,
  KIND_FIELDS,
  type AccountDetails,
  type FieldSpec,
  type OfferedMethod,
} from './payment-kinds.ts';

/** Typed in capitals (IBAN, BIC, Capitalist, WebMoney); never a wallet address, whose letter case matters. */
const CAPITALS = new Set(['iban', 'bic', 'account', 'purse']);
const HINTED = new Set([
  'accountHolder',
  'iban',
  'bic',
  'email',
  'address',
  'account',
  'purse',
  'playerId',
  'label',
  'details',
]);

export class AddAccountForm {
  open = false;
  private methodId = '';
  private errors: Record<string, string> = {};
  private error: string | null = null;
  private busy = false;

  constructor(
    private readonly host: PaymentHost,
    private readonly brands: () => PublicBrand[] | null,
  ) {}

  reset(): void {
    Object.assign(this, { open: false, methodId: '', errors: {}, error: null, busy: false });
  }

  /** Offered methods without an account of the partner's: one account per method. */
  available(): OfferedMethod[] {
    const taken = new Set(this.host.accounts().map((a) => a.method.id));
    return this.host.methods().filter((method) => !taken.has(method.id));
  }

  readonly show = (): void => {
    if (!this.open) {
      const available = this.available();
      this.reset();
      this.open = true;
      this.methodId = available.length === 1 ? available[0]!.id : '';
    }
    this.host.focusAfterRender('#pay-method');
  };

  private readonly close = (): void => {
    this.reset();
    this.host.focusAfterRender('[part~="add"]');
  };

  private readonly pick = (methodId: string): void => {
    this.methodId = methodId;
    this.errors = {};
    this.error = null;
    this.host.requestUpdate();
  };

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    const values: Record<string, string> = {};
    for (const [key, value] of new FormData(event.currentTarget as HTMLFormElement)) values[key] = String(value);
    const method = this.available().find((x) => x.id === this.methodId);
    if (!method) return this.refuse({ method: this.host.m('chooseFirst') });
    const result = detailsFrom(method.kind, values);
    const errors: Record<string, string> = {};
    if ('errors' in result)
      for (const [name, key] of Object.entries(result.errors)) errors[name] = this.host.m(`check.${key}`);
    const withCode = this.host.twoFactorOn();
    const code = (values.code ?? '').trim();
    if (withCode && !code) errors.code = this.host.m('codeMissing');
    else if (withCode && !isSecondFactorShape(code)) errors.code = this.host.m('codeShape');
    if (Object.keys(errors).length || !('details' in result)) return this.refuse(errors, method);
    void this.save(method, result.details, withCode ? code : null);
  };

  /** Shows the refused fields and moves to the first of them, in the form's order. */
  private refuse(errors: Record<string, string>, method?: OfferedMethod): void {
    this.errors = errors;
    this.error = method ? this.host.m('fixFields') : null;
    const order = ['method', ...(method ? KIND_FIELDS[method.kind].map((f) => f.name) : []), 'code'];
    const first = order.find((name) => errors[name]);
    if (first) this.host.focusAfterRender(first === 'code' ? '#pay-add-code' : `#pay-${first}`);
    this.host.requestUpdate();
  }

  private async save(method: OfferedMethod, details: AccountDetails, code: string | null): Promise<void> {
    const api = this.host.api();
    if (!api) return;
    this.busy = true;
    this.error = null;
    this.errors = {};
    this.host.requestUpdate();
    try {
      const json = { methodId: method.id, details, ...(code ? { code } : {}) };
      const account = await expectOk(api.client.v1.partner.payment_accounts.$post({ json }));
      this.reset();
      const accounts = [account, ...this.host.accounts()];
      this.host.changed(accounts, this.host.m('added', { method: method.name }), `#pay-row-${account.id}`);
    } catch (error) {
      this.failed(method, error, code !== null);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** A 422 or 409 lands on its fields (`body.details.iban` → IBAN); anything else is the form's alert. */
  private failed(method: OfferedMethod, error: unknown, withCode: boolean): void {
    if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 409)) {
      this.error = this.host.fail(error);
      this.host.focusAfterRender('[part~="add-form"] [part~="error"]');
      return;
    }
    const names = new Set<string>(KIND_FIELDS[method.kind].map((f) => f.name));
    const fieldOf = (path: string) => {
      const name =
        path === 'body.methodId' ? 'method' : path === 'body.code' ? 'code' : path.replace(/^body\.details\./, '');
      return name === 'method' || name === 'code' || names.has(name) ? name : null;
    };
    const errors: Record<string, string> = {};
    for (const problem of error.errors) {
      const name = fieldOf(problem.path);
      if (!name || errors[name]) continue;
      if (name === 'code') errors.code = codeMessage(this.host, problem.reason, withCode);
      else if (name === 'method' && problem.reason === 'already_exists') errors.method = this.host.m('methodTaken');
      else if (name === 'method') errors.method = this.host.m('methodGone');
      else errors[name] = fieldProblemMessage(this.host.locale(), problem);
    }
    // The server knows better than the page: 2FA turned on meanwhile, or the method taken or withdrawn.
    if (errors.code && !withCode) this.host.setTwoFactor(true);
    if (errors.method) this.host.reload();
    const unplaced = error.errors.filter((e) => !fieldOf(e.path));
    this.refuse(errors, method);
    if (unplaced.length || !Object.keys(errors).length)
      this.error = alertMessage(this.host.locale(), error, (path) => Boolean(fieldOf(path)));
  }

  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const { m, tc } = this.host;
    const available = this.available();
    const method = available.find((x) => x.id === this.methodId);
    const someTaken = available.length < this.host.methods().length;
    return html`<section part="add-panel" id="pay-add-panel" aria-labelledby="pay-add-heading">
      <h4 part="add-heading" id="pay-add-heading">${m('addHeading')}</h4>
      <form part="form add-form" novalidate aria-labelledby="pay-add-heading" @submit=${this.submit}>
        ${this.error ? html`<p part="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
        ${selectField({
          id: 'pay-method',
          name: 'methodId',
          label: m('method'),
          value: this.methodId,
          error: this.errors.method,
          hint: someTaken ? m('methodHint') : undefined,
          options: [
            ['', m('chooseMethod')],
            ...available.map((x) => {
              const kind = kindLabel(m, x.kind);
              return [x.id, x.name === kind ? x.name : m('methodOption', { name: x.name, kind })] as const;
            }),
          ],
          onChange: this.pick,
        })}
        ${method ? keyed(method.id, this.renderMethod(method)) : nothing}
        <div part="actions">
          <button part="button primary add-submit" type="submit" ?disabled=${this.busy}>${this.busy ? m('saving') : m('addSubmit')}</button>
          <button part="button cancel" type="button" @click=${this.close}>${tc('cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderMethod(method: OfferedMethod): TemplateResult {
    const { m } = this.host;
    return html`<div part="method-limits"><span part="label">${m('paysIn')}</span>${limitLines(m, this.host.locale(), method)}</div>
      ${method.kind === 'coinspaid' ? html`<p part="hint">${m('hint.coinspaid')}</p>` : nothing}
      ${KIND_FIELDS[method.kind].map((field) => this.renderField(field, method))}
      ${
        this.host.twoFactorOn()
          ? codeField(this.host, { id: 'pay-add-code', error: this.errors.code ?? null, hint: m('addCodeHint') })
          : nothing
      }`;
  }

  private renderField(field: FieldSpec, method: OfferedMethod): TemplateResult {
    const { m } = this.host;
    const id = `pay-${field.name}`;
    const label = m(`field.${field.name}`);
    const error = this.errors[field.name] ?? null;
    if (field.control === 'coin' || field.control === 'brand') {
      const coin = field.control === 'coin';
      const brands = coin ? null : this.brands();
      const options = coin
        ? method.coins.map((c) => [c, m(`coin.${c}` as PaymentAccountsKey)] as const)
        : (brands ?? []).map((b) => [b.id, b.name] as const);
      return selectField({
        id,
        name: field.name,
        label,
        error,
        hint: !coin && !brands?.length ? m('noBrands') : undefined,
        options: [['', m(coin ? 'chooseCoin' : 'chooseBrand')], ...options],
      });
    }
    const hint = HINTED.has(field.name) ? m(`hint.${field.name}` as PaymentAccountsKey) : null;
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const common = { id, name: field.name, invalid: error ? 'true' : 'false' };
    const control =
      field.control === 'textarea'
        ? html`<textarea part="input textarea" id=${common.id} name=${common.name} rows="4" maxlength=${field.maxlength}
            aria-invalid=${common.invalid} aria-describedby=${described}></textarea>`
        : html`<input part=${field.mono ? 'input mono' : 'input'} id=${common.id} name=${common.name}
            type=${field.control === 'email' ? 'email' : 'text'} maxlength=${field.maxlength}
            autocomplete=${field.control === 'email' ? 'email' : 'off'} spellcheck="false"
            autocapitalize=${CAPITALS.has(field.name) ? 'characters' : 'off'} aria-invalid=${common.invalid} aria-describedby=${described} />`;
    return html`<div part="field" data-field=${field.name}>
      <label part="label" for=${id}>${label}</label>${control}
      ${hint ? html`<p part="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }
}
