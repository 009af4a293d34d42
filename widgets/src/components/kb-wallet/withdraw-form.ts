/**
 * What the withdraw dialog shows (withdraw-dialog.ts holds its state): the form (currency, payment
 * account, amount beside the available balance and the method's limits, the 2FA code), or why there
 * is no form — two-factor authentication off, nothing to withdraw, no account paying in a currency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { selectField } from '../../internal/campaign/campaign-fields.ts';
import { moneyText } from '../../internal/billing/bill-format.ts';
import type { FieldError } from '../../internal/api-client.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { fieldProblemMessage } from '../../internal/problem-messages.ts';
import type { CashOutKey } from './cash-out.messages.ts';
import { isPositive, type Balance, type OfferedMethod, type PaymentAccount } from './wallet-format.ts';

export type WithdrawField = 'currency' | 'paymentAccountId' | 'amount' | 'code';
export const WITHDRAW_FIELDS: readonly WithdrawField[] = ['currency', 'paymentAccountId', 'amount', 'code'];
export type Limit = OfferedMethod['limits'][number];
/** The partner's accounts and the offered (enabled) methods with their limits. */
export interface WithdrawOptions {
  accounts: PaymentAccount[];
  methods: OfferedMethod[];
}
type Words = (key: CashOutKey, params?: MessageParams) => string;

/** The account's method's limits in `currency`; null when it does not pay in it (or the method is off). */
export function limitOf(options: WithdrawOptions, account: PaymentAccount | undefined, currency: string): Limit | null {
  if (!account?.method.enabled) return null;
  const method = options.methods.find((m) => m.id === account.method.id);
  return method?.limits.find((l) => l.currency === currency) ?? null;
}

export const accountsFor = (options: WithdrawOptions, currency: string): PaymentAccount[] =>
  options.accounts.filter((a) => limitOf(options, a, currency));

/** The balances with money available. */
export const withdrawable = (balances: readonly Balance[]): Balance[] =>
  balances.filter((b) => isPositive(b.available));

/** The balances with money available that one of the accounts pays in: the currencies the dialog offers. */
export const payable = (balances: readonly Balance[], options: WithdrawOptions): Balance[] =>
  withdrawable(balances).filter((b) => accountsFor(options, b.currency).length > 0);

/** "Bank transfer pays from 10.00 to 5,000.00 EUR per cash-out": both ends, whichever was crossed. */
export const limitsError = (
  locale: Locale,
  m: Words,
  o: { method: string; min: string; max: string; currency: string },
) =>
  m('err.limits', {
    method: o.method,
    min: decimalText(locale, o.min),
    max: decimalText(locale, o.max),
    currency: o.currency,
  });

/**
 * A 422's field problems by the dialog's fields: the limits named in the partner's language (the
 * server's `minimum` and `maximum`), a key used before for other values, and what no field shows.
 */
export function serverProblems(
  words: { locale: Locale; m: Words },
  problems: readonly FieldError[],
  chosen: { method: string; currency: string },
): { errors: Partial<Record<WithdrawField, string>>; formError: string | null } {
  const errors: Partial<Record<WithdrawField, string>> = {};
  let formError: string | null = null;
  for (const problem of problems) {
    const field = problem.path.replace(/^body\./, '') as WithdrawField | 'idempotencyKey';
    const { minimum, maximum } = problem.params ?? {};
    if (field === 'idempotencyKey') formError = words.m('err.keyUsed');
    else if (!WITHDRAW_FIELDS.includes(field)) formError ??= fieldProblemMessage(words.locale, problem);
    else if (field === 'amount' && minimum !== undefined && maximum !== undefined)
      errors[field] ??= limitsError(words.locale, words.m, { ...chosen, min: String(minimum), max: String(maximum) });
    else errors[field] ??= fieldProblemMessage(words.locale, problem);
  }
  return { errors, formError };
}

export interface WithdrawFormView {
  locale: Locale;
  m(key: CashOutKey, params?: MessageParams): string;
  /** The currencies with money available and an account paying in them. */
  currencies: Balance[];
  /** The accounts paying in the chosen currency. */
  accounts: PaymentAccount[];
  /** The chosen account's limits in the chosen currency. */
  limit: Limit | null;
  values: Record<WithdrawField, string>;
  errors: Partial<Record<WithdrawField, string>>;
  formError: string | null;
  busy: boolean;
  /** The currency the partner asked for (its balance card) when no account pays in it. */
  unpaid: string | null;
  onChange(field: WithdrawField, value: string): void;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
  onMethods(event: Event): void;
}

/** A decimal string in the locale's digits ("5,000.00", "5 000,00"), formatted from the string itself, never a float. */
export function decimalText(locale: Locale, decimal: string): string {
  const digits = decimal.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(decimal as `${number}`);
}

/** "From 10.00 to 5,000.00 EUR." */
export const limitWords = (v: Pick<WithdrawFormView, 'locale' | 'm'>, min: string, max: string, currency: string) =>
  v.m('limits', { min: decimalText(v.locale, min), max: decimalText(v.locale, max), currency });

const closeButton = (v: Pick<WithdrawFormView, 'm' | 'onClose'>) =>
  html`<div part="actions"><button part="button close" type="button" @click=${v.onClose}>${v.m('dialog.close')}</button></div>`;

/** The accounts or methods did not load: why, and a retry. */
export function renderLoadFailed(v: Pick<WithdrawFormView, 'm' | 'onClose'>, message: string, retry: () => void) {
  return html`<div part="error" role="alert"><p part="error-detail">${message}</p>
      <button part="button retry" type="button" @click=${retry}>${v.m('retry')}</button></div>
    ${closeButton(v)}`;
}

/** No form: two-factor authentication is off (the server refuses every cash-out until it is on). */
export function renderTwoFactorOff(
  v: Pick<WithdrawFormView, 'm' | 'onClose'>,
  onSecurity: (event: Event) => void,
): TemplateResult {
  return html`<div part="two-factor-off" role="alert">
      <p part="hint">${v.m('twoFactorOff')}</p>
      <p><a part="security-link" href="#/security" @click=${onSecurity}>${v.m('twoFactorLink')}</a></p>
    </div>
    ${closeButton(v)}`;
}

/** No form: nothing is available, or no account pays in the currencies that are (then where to add one). */
export function renderNothingToWithdraw(
  v: Pick<WithdrawFormView, 'm' | 'onClose' | 'onMethods'>,
  unpaid: readonly string[],
): TemplateResult {
  return html`<div part="nothing-to-withdraw" role="status">
      <p part="hint">${unpaid.length === 0 ? v.m('noneAvailable') : v.m('noAccount', { currencies: unpaid.join(', ') })}</p>
      ${unpaid.length ? methodsLink(v) : nothing}
    </div>
    ${closeButton(v)}`;
}

const methodsLink = (v: Pick<WithdrawFormView, 'm' | 'onMethods'>) =>
  html`<p><a part="methods-link" href="#/wallet/methods" @click=${v.onMethods}>${v.m('methodsLink')}</a></p>`;

/** A labelled input with its hint and error wired through aria-describedby (as campaign-fields does), for typed entry. */
function entryField(
  v: WithdrawFormView,
  field: 'amount' | 'code',
  o: { label: string; hint: TemplateResult | string; inputmode: string; autocomplete: string; maxlength: number },
): TemplateResult {
  const id = `withdraw-${field}`;
  const error = v.errors[field];
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field">
    <label part="label" for=${id}>${o.label}</label>
    <input part=${`input ${field}-input`} id=${id} name=${field} type="text" .value=${v.values[field]}
      inputmode=${o.inputmode} autocomplete=${o.autocomplete} maxlength=${o.maxlength} ?disabled=${v.busy}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
      @input=${(e: Event) => v.onChange(field, (e.target as HTMLInputElement).value)} />
    <p part="hint" id=${`${id}-hint`}>${o.hint}</p>
    ${error ? html`<p part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
  </div>`;
}

export function renderWithdrawForm(v: WithdrawFormView): TemplateResult {
  const { locale, values, limit } = v;
  const balance = v.currencies.find((b) => b.currency === values.currency);
  const available = balance ? moneyText(locale, balance.available, balance.currency, balance.coin) : '';
  const accountOptions = v.accounts.map(
    (a) => [a.id, v.m('accountOption', { method: a.method.name, summary: a.summary })] as const,
  );
  return html`${v.unpaid ? html`<p part="hint unpaid">${v.m('noAccount', { currencies: v.unpaid })} ${methodsLink(v)}</p>` : nothing}
    <form part="form withdraw-form" novalidate @submit=${v.onSubmit} aria-busy=${v.busy ? 'true' : 'false'}>
      <div part="error" role="alert" id="withdraw-form-error" tabindex="-1">${v.formError ?? nothing}</div>
      ${selectField({
        id: 'withdraw-currency',
        name: 'currency',
        label: v.m('currency'),
        value: values.currency,
        options: v.currencies.map((b) => [b.currency, b.currency] as const),
        error: v.errors.currency,
        disabled: v.busy,
        onChange: (value) => v.onChange('currency', value),
      })}
      ${selectField({
        id: 'withdraw-paymentAccountId',
        name: 'paymentAccountId',
        label: v.m('account'),
        value: values.paymentAccountId,
        options: accountOptions.length === 1 ? accountOptions : [['', v.m('chooseAccount')], ...accountOptions],
        error: v.errors.paymentAccountId,
        disabled: v.busy,
        onChange: (value) => v.onChange('paymentAccountId', value),
      })}
      ${entryField(v, 'amount', {
        label: v.m('amount'),
        hint: html`<span part="available">${v.m('available', { amount: available })}</span>${
          limit ? html` <span part="limits">${limitWords(v, limit.min, limit.max, limit.currency)}</span>` : nothing
        }`,
        inputmode: 'decimal',
        autocomplete: 'off',
        maxlength: 40,
      })}
      ${entryField(v, 'code', {
        label: v.m('code'),
        hint: v.m('codeHint'),
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        maxlength: 7,
      })}
      <div part="actions">
        <button part="button primary submit" type="submit" ?disabled=${v.busy} aria-busy=${v.busy ? 'true' : 'false'}>${
          v.busy ? v.m('submitting') : v.m('submit')
        }</button>
        <button part="button close" type="button" @click=${v.onClose}>${v.m('cancel')}</button>
      </div>
    </form>`;
}
