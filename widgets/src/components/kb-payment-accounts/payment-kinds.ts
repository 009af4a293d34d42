/**
 * The payment routes' shapes from the typed client, and each kind's form: its fields in order and
 * the checks the server's zod schemas make (core/modules/payments/kinds.ts, schemas.ts). The checks
 * are repeated here, not imported, so the bundle carries neither zod nor ibantools; the server stays
 * the last word (an IBAN of the wrong length for its country is refused there, beside its field).
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type Partner = KabinetClient['v1']['partner'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type OfferedMethod = BodyOf<Partner['payment_methods']['$get']>['data'][number];
export type PaymentAccount = BodyOf<Partner['payment_accounts']['$get']>['data'][number];
export type RevealedAccount = BodyOf<Partner['payment_accounts'][':accountId']['reveal']['$post']>;
export type AccountDetails = RevealedAccount['details'];
export type PaymentKind = OfferedMethod['kind'];
export type WalletCoin = OfferedMethod['coins'][number];

export type FieldName =
  | 'accountHolder'
  | 'iban'
  | 'bic'
  | 'bankName'
  | 'email'
  | 'coin'
  | 'address'
  | 'account'
  | 'purse'
  | 'brandId'
  | 'playerId'
  | 'label'
  | 'details';

/** Why a value is refused, as a message key (kb-payment-accounts.messages.ts `check.*`). */
export type CheckKey =
  | 'required'
  | 'tooLong'
  | 'iban'
  | 'bic'
  | 'email'
  | 'address'
  | 'capitalist'
  | 'purse'
  | 'chooseCoin'
  | 'chooseBrand';

export interface FieldSpec {
  name: FieldName;
  control: 'text' | 'email' | 'textarea' | 'coin' | 'brand';
  maxlength: number;
  /** Identifiers are shown in a monospace font and never autocorrected. */
  mono?: boolean;
  /** What is sent: the server stores IBAN and BIC without spaces, upper case. */
  normalise?: (value: string) => string;
  check?: (value: string, values: Record<string, string>) => CheckKey | null;
}

const BASE58 = '1-9A-HJ-NP-Za-km-z';
/** The server's ADDRESS_SHAPES (kinds.ts): BTC bech32 or base58, Ethereum 0x + 40 hex, Tron T + 33 base58. */
const ADDRESS_SHAPES: Record<WalletCoin, RegExp> = {
  'BTC': new RegExp(`^(bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71}|[13][${BASE58}]{25,34})$`),
  'ETH': /^0x[0-9a-fA-F]{40}$/,
  'USDT-ERC20': /^0x[0-9a-fA-F]{40}$/,
  'TRX': new RegExp(`^T[${BASE58}]{33}$`),
  'USDT-TRC20': new RegExp(`^T[${BASE58}]{33}$`),
};

const compactUpper = (value: string) => value.replace(/[\s-]+/g, '').toUpperCase();

/** ISO 13616: country, check digits, then the BBAN; the whole must leave 1 modulo 97. */
export function isIbanShape(value: string): boolean {
  const iban = compactUpper(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = [...(iban.slice(4) + iban.slice(0, 4))]
    .map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55)))
    .join('');
  let rest = 0;
  // Seven digits at a time keep the running remainder well inside a safe integer.
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest === 1;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00", as banks print it. */
export const groupIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

const text =
  (max: number) =>
  (value: string): CheckKey | null =>
    !value.trim() ? 'required' : value.trim().length > max ? 'tooLong' : null;
const shaped =
  (pattern: RegExp, key: CheckKey) =>
  (value: string): CheckKey | null =>
    !value.trim() ? 'required' : pattern.test(value.trim()) ? null : key;

const emailField: FieldSpec = {
  name: 'email',
  control: 'email',
  maxlength: 254,
  normalise: (v) => v.trim().toLowerCase(),
  check: shaped(/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/, 'email'),
};
const walletFields: FieldSpec[] = [
  { name: 'coin', control: 'coin', maxlength: 20, check: (v) => (v ? null : 'chooseCoin') },
  {
    name: 'address',
    control: 'text',
    maxlength: 120,
    mono: true,
    check: (value, values) => {
      if (!value.trim()) return 'required';
      const pattern = ADDRESS_SHAPES[values.coin as WalletCoin];
      return !pattern || pattern.test(value.trim()) ? null : 'address';
    },
  },
];

export const KIND_FIELDS: Record<PaymentKind, FieldSpec[]> = {
  bank_transfer: [
    { name: 'accountHolder', control: 'text', maxlength: 140, check: text(140) },
    {
      name: 'iban',
      control: 'text',
      maxlength: 64,
      mono: true,
      normalise: compactUpper,
      check: (v) => (!v.trim() ? 'required' : isIbanShape(v) ? null : 'iban'),
    },
    {
      name: 'bic',
      control: 'text',
      maxlength: 20,
      mono: true,
      normalise: compactUpper,
      check: (v) =>
        !v.trim() ? 'required' : /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compactUpper(v)) ? null : 'bic',
    },
    { name: 'bankName', control: 'text', maxlength: 140, check: text(140) },
  ],
  skrill: [emailField],
  neteller: [emailField],
  coinspaid: walletFields,
  capitalist: [
    { name: 'account', control: 'text', maxlength: 20, mono: true, check: shaped(/^[A-Z]\d{7,12}$/, 'capitalist') },
  ],
  webmoney: [{ name: 'purse', control: 'text', maxlength: 20, mono: true, check: shaped(/^[A-Z]\d{12}$/, 'purse') }],
  player_account: [
    { name: 'brandId', control: 'brand', maxlength: 64, check: (v) => (v ? null : 'chooseBrand') },
    { name: 'playerId', control: 'text', maxlength: 64, mono: true, check: text(64) },
  ],
  crypto_wallet: walletFields,
  other: [
    { name: 'label', control: 'text', maxlength: 80, check: text(80) },
    { name: 'details', control: 'textarea', maxlength: 1000, check: text(1000) },
  ],
};

/** Each masked key in the order the kind's form asks for it (`brand` is the brand's name, masked lists say). */
export const MASKED_KEYS: Record<PaymentKind, string[]> = {
  bank_transfer: ['accountHolder', 'iban', 'bic', 'bankName'],
  skrill: ['email'],
  neteller: ['email'],
  coinspaid: ['coin', 'address'],
  capitalist: ['account'],
  webmoney: ['purse'],
  player_account: ['brand', 'playerId'],
  crypto_wallet: ['coin', 'address'],
  other: ['label', 'details'],
};

/** The server's SecondFactorSchema: six digits (a space in the middle allowed) or a recovery code. */
export const isSecondFactorShape = (code: string) =>
  /^(\d{3}\s?\d{3}|[0-9A-Za-z]{5}-[0-9A-Za-z]{5})$/.test(code.trim());

/**
 * The details to send for `kind` from the form's values, or the refused fields. Text is trimmed as
 * the server trims it; nothing is sent that the kind does not take (its schemas are strict).
 */
export function detailsFrom(
  kind: PaymentKind,
  values: Record<string, string>,
): { details: AccountDetails } | { errors: Partial<Record<FieldName, CheckKey>> } {
  const errors: Partial<Record<FieldName, CheckKey>> = {};
  const details: Record<string, string> = { kind };
  for (const field of KIND_FIELDS[kind]) {
    const raw = values[field.name] ?? '';
    const problem = field.check?.(raw, values) ?? null;
    if (problem) errors[field.name] = problem;
    details[field.name] = field.normalise ? field.normalise(raw) : raw.trim();
  }
  return Object.keys(errors).length ? { errors } : { details: details as unknown as AccountDetails };
}
