/**
 * Adding or editing a schedule: the account and a currency its method pays in (fixed when editing:
 * a schedule is its account and currency), how often (every day, days of the week, dates of the
 * month), the minimum and maximum within the method's limits, active or paused, and a fresh 2FA
 * code. Checked here as the server checks it; the server's field problems land beside their fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { alertMessage, fieldProblemMessage } from '../../internal/problem-messages.ts';
import { formatAmount } from '../../internal/money-format.ts';
import { codeField, codeMessage, codeProblem, type ScheduleHost } from './schedule-host.ts';
import {
  accountWords,
  compareDecimals,
  isDecimal,
  isSecondFactorShape,
  type CashOutSchedule,
  type ScheduleKind,
} from './schedule-words.ts';
import { renderAmountFields, renderPlanFields } from './plan-fields.ts';

const FIELD_ORDER = ['account', 'currency', 'kind', 'weekdays', 'dates', 'min', 'max', 'code'] as const;
const FOCUS: Record<string, string> = {
  account: '#sch-account',
  currency: '#sch-currency',
  kind: '#sch-kind-daily',
  weekdays: '#sch-weekday-1',
  dates: '#sch-date-1',
  min: '#sch-min',
  max: '#sch-max',
  code: '#sch-code',
};

/** The form field a server problem is about (`body.weekdays.0` → weekdays), or null for the form's alert. */
function fieldOf(path: string): string | null {
  const name = path.replace(/^body\./, '').split('.')[0] ?? '';
  if (name === 'paymentAccountId') return 'account';
  return (FIELD_ORDER as readonly string[]).includes(name) ? name : null;
}

export class ScheduleForm {
  open = false;
  editing: CashOutSchedule | null = null;
  private accountId = '';
  private currency = '';
  private kind: ScheduleKind = 'weekly';
  private weekdays = new Set<number>();
  private dates = new Set<number>();
  private min = '';
  private max = '';
  private enabled = true;
  private errors: Record<string, string> = {};
  private error: string | null = null;
  private busy = false;

  constructor(private readonly host: ScheduleHost) {}

  reset(): void {
    Object.assign(this, { open: false, editing: null, accountId: '', currency: '', kind: 'weekly', min: '', max: '' });
    Object.assign(this, { weekdays: new Set(), dates: new Set(), enabled: true, errors: {}, error: null, busy: false });
  }

  /** Live accounts of offered methods, each with the currencies that have no schedule yet. */
  free(): Array<{ accountId: string; label: string; currencies: string[] }> {
    const methods = this.host.methods();
    const taken = new Set(this.host.schedules().map((s) => `${s.paymentAccount.id} ${s.currency}`));
    return this.host.accounts().flatMap((account) => {
      const method = methods.find((x) => x.id === account.method.id);
      const currencies = (method?.currencies ?? []).filter((c) => !taken.has(`${account.id} ${c}`));
      return currencies.length
        ? [{ accountId: account.id, label: `${account.method.name} ${account.summary}`, currencies }]
        : [];
    });
  }

  readonly add = (): void => {
    this.reset();
    this.open = true;
    const free = this.free();
    if (free.length === 1) this.accountId = free[0]!.accountId;
    const currencies = free.find((f) => f.accountId === this.accountId)?.currencies ?? [];
    if (currencies.length === 1) this.currency = currencies[0]!;
    this.host.focusAfterRender(this.accountId ? '#sch-kind-weekly' : '#sch-account');
  };

  readonly edit = (schedule: CashOutSchedule): void => {
    this.reset();
    Object.assign(this, {
      open: true,
      editing: schedule,
      accountId: schedule.paymentAccount.id,
      currency: schedule.currency,
      kind: schedule.kind,
      weekdays: new Set(schedule.weekdays),
      dates: new Set(schedule.dates),
      min: schedule.min,
      max: schedule.max,
      enabled: schedule.enabled,
    });
    this.host.focusAfterRender(`#sch-kind-${schedule.kind}`);
  };

  private readonly close = (): void => {
    const editing = this.editing;
    this.reset();
    this.host.focusAfterRender(editing ? `[data-schedule-id="${editing.id}"] [part~="edit"]` : '[part~="add"]');
  };

  /** The method's limits for the chosen account and currency. */
  private limit() {
    const account = this.host.accounts().find((a) => a.id === this.accountId);
    const method = this.host.methods().find((x) => x.id === account?.method.id);
    const limit = method?.limits.find((l) => l.currency === this.currency);
    return method && limit ? { name: method.name, ...limit } : null;
  }

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('code') ?? '').trim();
    const { m } = this.host;
    const errors: Record<string, string> = {};
    if (!this.accountId) errors.account = m('check.chooseAccount');
    if (!this.currency) errors.currency = m('check.chooseCurrency');
    if (this.kind === 'weekly' && this.weekdays.size === 0) errors.weekdays = m('check.weekdays');
    if (this.kind === 'monthly' && this.dates.size === 0) errors.dates = m('check.dates');
    const min = this.min.trim();
    const max = this.max.trim();
    if (!isDecimal(min)) errors.min = m('check.amount');
    if (!isDecimal(max)) errors.max = m('check.amount');
    const limit = this.limit();
    const money = (decimal: string) => formatAmount(this.host.locale, this.currency, decimal);
    if (!errors.min && !errors.max && compareDecimals(min, max) > 0) errors.min = m('check.minAboveMax');
    if (limit && !errors.min && compareDecimals(min, limit.min) < 0)
      errors.min = m('check.belowLimit', { min: money(limit.min) });
    if (limit && !errors.max && compareDecimals(max, limit.max) > 0)
      errors.max = m('check.aboveLimit', { max: money(limit.max) });
    if (!code) errors.code = m('check.codeMissing');
    else if (!isSecondFactorShape(code)) errors.code = m('check.codeShape');
    if (Object.keys(errors).length) return this.refuse(errors);
    void this.save({ min, max, code });
  };

  /** Shows the refused fields and moves to the first of them, in the form's order. */
  private refuse(errors: Record<string, string>): void {
    this.errors = errors;
    this.error = this.host.m('fixFields');
    const first = FIELD_ORDER.find((name) => errors[name]);
    if (first) this.host.focusAfterRender(FOCUS[first]!);
    this.host.requestUpdate();
  }

  private async save(input: { min: string; max: string; code: string }): Promise<void> {
    const api = this.host.api();
    if (!api) return;
    this.busy = true;
    this.error = null;
    this.errors = {};
    this.host.requestUpdate();
    try {
      const json = {
        paymentAccountId: this.accountId,
        currency: this.currency,
        kind: this.kind,
        ...(this.kind === 'weekly' && { weekdays: [...this.weekdays].sort((a, b) => a - b) }),
        ...(this.kind === 'monthly' && { dates: [...this.dates].sort((a, b) => a - b) }),
        ...input,
        enabled: this.enabled,
      };
      const saved = await expectOk(api.client.v1.partner.wallet.schedules.$put({ json }));
      this.reset();
      const rest = this.host.schedules().filter((s) => s.id !== saved.id);
      const list = this.host.schedules().some((s) => s.id === saved.id)
        ? this.host.schedules().map((s) => (s.id === saved.id ? saved : s))
        : [...rest, saved];
      const notice = this.host.m('saved', { account: accountWords(this.host, saved), currency: saved.currency });
      this.host.changed(list, notice, `#sch-row-${saved.id}`);
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** A 422 lands on its fields (`body.weekdays.0` → the weekdays); anything else is the form's alert. */
  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 403 && error.params.resource === 'two_factor') {
      this.host.setTwoFactor(false);
      this.error = this.host.fail(error);
      this.host.focusAfterRender('[part~="schedule-form"] [part~="error"]');
      return;
    }
    if (!(error instanceof ApiError) || error.status !== 422) {
      this.error = this.host.fail(error);
      this.host.focusAfterRender('[part~="schedule-form"] [part~="error"]');
      return;
    }
    const errors: Record<string, string> = {};
    const code = codeProblem(error);
    if (code) errors.code = codeMessage(this.host.m, code.reason);
    for (const problem of error.errors) {
      const name = fieldOf(problem.path);
      if (name && !errors[name]) errors[name] = fieldProblemMessage(this.host.locale, problem);
    }
    if (errors.account) this.host.reload();
    this.refuse(errors);
    if (error.errors.some((e) => !fieldOf(e.path)) || !Object.keys(errors).length)
      this.error = alertMessage(this.host.locale, error, (path) => Boolean(fieldOf(path)));
  }

  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const { m, tc } = this.host;
    const editing = this.editing;
    const heading = editing
      ? m('editHeading', { account: accountWords(this.host, editing), currency: editing.currency })
      : m('addHeading');
    return html`<section part="form-panel" id="sch-form-panel" aria-labelledby="sch-form-heading">
      <h4 part="form-heading" id="sch-form-heading">${heading}</h4>
      <form part="form schedule-form" novalidate aria-labelledby="sch-form-heading" @submit=${this.submit}>
        ${this.error ? html`<p part="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
        ${editing ? nothing : this.renderTarget()}
        ${renderPlanFields(this.host, {
          kind: this.kind,
          weekdays: this.weekdays,
          dates: this.dates,
          errors: this.errors,
          onKind: (kind) => this.set({ kind }),
          onToggle: (which, value, on) => {
            const set = which === 'weekdays' ? this.weekdays : this.dates;
            if (on) set.add(value);
            else set.delete(value);
            this.host.requestUpdate();
          },
        })}
        ${renderAmountFields(this.host, {
          currency: this.currency,
          min: this.min,
          max: this.max,
          limit: this.limit(),
          errors: this.errors,
          onInput: (field, value) => this.set({ [field]: value }),
        })}
        <div part="field check enabled-field">
          <input type="checkbox" id="sch-enabled" .checked=${live(this.enabled)} aria-describedby="sch-enabled-hint"
            @change=${(e: Event) => this.set({ enabled: (e.target as HTMLInputElement).checked })} />
          <label part="label" for="sch-enabled">${m('enabled')}</label>
        </div>
        <p part="hint" id="sch-enabled-hint">${m('enabledHint')}</p>
        ${codeField(this.host, { id: 'sch-code', error: this.errors.code ?? null, hint: m('saveCodeHint') })}
        <div part="actions">
          <button part="button primary save" type="submit" ?disabled=${this.busy}>${this.busy ? m('saving') : m('save')}</button>
          <button part="button cancel" type="button" @click=${this.close}>${tc('cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  private set(changes: Record<string, unknown>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** The account and currency selects (adding only). */
  private renderTarget(): TemplateResult {
    const { m } = this.host;
    const free = this.free();
    const currencies = free.find((f) => f.accountId === this.accountId)?.currencies ?? [];
    return html`${selectField({
      id: 'sch-account',
      name: 'paymentAccountId',
      label: m('account'),
      value: this.accountId,
      error: this.errors.account,
      options: [['', m('chooseAccount')], ...free.map((f) => [f.accountId, f.label] as const)],
      onChange: (value) => this.pick('sch-account', value),
    })}
    ${selectField({
      id: 'sch-currency',
      name: 'currency',
      label: m('currency'),
      value: this.currency,
      error: this.errors.currency,
      options: [['', m('chooseCurrency')], ...currencies.map((c) => [c, c] as const)],
      onChange: (value) => this.pick('sch-currency', value),
    })}`;
  }

  private pick(id: string, value: string): void {
    if (id === 'sch-account') {
      const currencies = this.free().find((f) => f.accountId === value)?.currencies ?? [];
      this.set({ accountId: value, currency: currencies.length === 1 ? currencies[0] : '' });
    } else this.set({ currency: value });
  }
}
