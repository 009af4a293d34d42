/**
 * The kinds of payment method an operator may offer and, per kind, the fields a partner's account
 * of that kind needs (zod: the API validates them and the OpenAPI document lists them), and how
 * each field reads masked. IBAN and BIC are checked by ibantools (mod-97 plus each country's BBAN
 * length and shape; BIC: 8 or 11 characters with a valid country). Wallet addresses, purses and
 * account numbers get shape checks only: a checksum needs each coin's hashing, and a wrong-but-well-
 * shaped address is caught by the payment system when the operator pays.
 */
import { z } from '@hono/zod-openapi';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

import { PAYMENT_KINDS, type PaymentKind } from './table.ts';

export { PAYMENT_KINDS, type PaymentKind };

/** Coins a wallet address may be for; USDT names its chain, since an address only works on one. */
export const WALLET_COINS = ['BTC', 'ETH', 'USDT-ERC20', 'TRX', 'USDT-TRC20'] as const;
export type WalletCoin = (typeof WALLET_COINS)[number];

const BASE58 = '1-9A-HJ-NP-Za-km-z';
/** Address shapes: BTC bech32 (bc1…, one letter case) or base58 (1… / 3…); Ethereum 0x + 40 hex; Tron T + 33 base58. */
const ADDRESS_SHAPES: Record<WalletCoin, RegExp> = {
  'BTC': new RegExp(`^(bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71}|[13][${BASE58}]{25,34})$`),
  'ETH': /^0x[0-9a-fA-F]{40}$/,
  'USDT-ERC20': /^0x[0-9a-fA-F]{40}$/,
  'TRX': new RegExp(`^T[${BASE58}]{33}$`),
  'USDT-TRC20': new RegExp(`^T[${BASE58}]{33}$`),
};

/** True when the address has the shape of one of the coin's address types (not a checksum). */
export const isWalletAddressShape = (coin: WalletCoin, address: string) => ADDRESS_SHAPES[coin].test(address);

const formatIssue = (format: string) => ({ reason: 'invalid_format', format });
const text = (max: number) => z.string().trim().min(1).max(max);
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Spaces and letter case do not matter in an IBAN or BIC; they are stored in the electronic format. */
const ibanField = z
  .string()
  .max(64)
  .transform((v) => electronicFormatIBAN(v) ?? '')
  .refine((v) => isValidIBAN(v), {
    message: 'not a valid IBAN (country, length and check digits)',
    params: formatIssue('iban'),
  })
  .openapi({ example: 'DE89370400440532013000' });
const bicField = z
  .string()
  .max(20)
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => isValidBIC(v), { message: 'not a BIC/SWIFT code of 8 or 11 characters', params: formatIssue('bic') })
  .openapi({ example: 'COBADEFFXXX' });

const walletFields = {
  coin: z.enum(WALLET_COINS),
  address: z.string().trim().max(120).openapi({ example: '0x52908400098527886E0F7030069857D2E4169EE7' }),
};
/** The address is checked against the coin's shape, so the problem names `address`. */
const walletCheck = (value: { coin: WalletCoin; address: string }, ctx: z.RefinementCtx) => {
  if (!isWalletAddressShape(value.coin, value.address))
    ctx.addIssue({
      code: 'custom',
      path: ['address'],
      message: `not shaped like a ${value.coin} address`,
      params: { reason: 'invalid_format', format: 'wallet_address', coin: value.coin },
    });
};

/** One schema per kind; `kind` tells them apart in a request. */
export const DETAIL_SCHEMAS = {
  bank_transfer: z
    .object({
      kind: z.literal('bank_transfer'),
      accountHolder: text(140),
      iban: ibanField,
      bic: bicField,
      bankName: text(140),
    })
    .strict(),
  skrill: z.object({ kind: z.literal('skrill'), email }).strict(),
  neteller: z.object({ kind: z.literal('neteller'), email }).strict(),
  // CoinsPaid pays out to a crypto address, for crypto and fiat balances alike.
  coinspaid: z
    .object({ kind: z.literal('coinspaid'), ...walletFields })
    .strict()
    .superRefine(walletCheck),
  capitalist: z
    .object({
      kind: z.literal('capitalist'),
      account: z
        .string()
        .trim()
        .max(20)
        .refine((v) => /^[A-Z]\d{7,12}$/.test(v), {
          message: 'a Capitalist account is a letter and 7 to 12 digits, like U1234567',
          params: formatIssue('capitalist_account'),
        })
        .openapi({ example: 'U1234567' }),
    })
    .strict(),
  webmoney: z
    .object({
      kind: z.literal('webmoney'),
      purse: z
        .string()
        .trim()
        .max(20)
        .refine((v) => /^[A-Z]\d{12}$/.test(v), {
          message: 'a WebMoney purse is a letter and 12 digits, like Z123456789012',
          params: formatIssue('webmoney_purse'),
        })
        .openapi({ example: 'Z123456789012' }),
    })
    .strict(),
  player_account: z
    .object({
      kind: z.literal('player_account'),
      /** One of the operator's brands: the player account is at that casino. */
      brandId: z.string().min(3).max(64),
      playerId: text(64),
    })
    .strict(),
  crypto_wallet: z
    .object({ kind: z.literal('crypto_wallet'), ...walletFields })
    .strict()
    .superRefine(walletCheck),
  other: z.object({ kind: z.literal('other'), label: text(80), details: text(1000) }).strict(),
} satisfies Record<PaymentKind, z.ZodType>;

export const AccountDetailsSchema = z
  .discriminatedUnion('kind', [
    DETAIL_SCHEMAS.bank_transfer,
    DETAIL_SCHEMAS.skrill,
    DETAIL_SCHEMAS.neteller,
    DETAIL_SCHEMAS.coinspaid,
    DETAIL_SCHEMAS.capitalist,
    DETAIL_SCHEMAS.webmoney,
    DETAIL_SCHEMAS.player_account,
    DETAIL_SCHEMAS.crypto_wallet,
    DETAIL_SCHEMAS.other,
  ])
  .openapi('PaymentAccountDetails');
export type AccountDetails = z.infer<typeof AccountDetailsSchema>;

const DOT = '•';
/** "•••• 4821": the last four characters, or only dots when the value is too short to hide anything. */
export function maskTail(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return compact.length >= 8 ? `${DOT.repeat(4)} ${compact.slice(-4)}` : DOT.repeat(4);
}

/** "j•••@example.com": the first letter and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return maskTail(value);
  return `${value[0]}${DOT.repeat(3)}${value.slice(at)}`;
}

/** "J••• D•••": the initials of a name. */
const maskName = (value: string) =>
  value
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]}${DOT.repeat(3)}`)
    .join(' ');

/**
 * What a partner's list shows of an account: identifiers masked, labels (bank, BIC, coin, the
 * brand's name) as they are, since they say which account it is without being the account.
 */
export function maskDetails(details: AccountDetails, brandName?: string): Record<string, string> {
  switch (details.kind) {
    case 'bank_transfer':
      return {
        accountHolder: maskName(details.accountHolder),
        iban: maskTail(details.iban),
        bic: details.bic,
        bankName: details.bankName,
      };
    case 'skrill':
    case 'neteller':
      return { email: maskEmail(details.email) };
    case 'coinspaid':
    case 'crypto_wallet':
      return { coin: details.coin, address: maskTail(details.address) };
    case 'capitalist':
      return { account: maskTail(details.account) };
    case 'webmoney':
      return { purse: maskTail(details.purse) };
    case 'player_account':
      return { brand: brandName ?? details.brandId, playerId: maskTail(details.playerId) };
    case 'other':
      return { label: details.label, details: maskTail(details.details) };
  }
}

/** The masked account in one line ("•••• 3000", "BTC •••• x0wlh"), for lists and the activity log. */
export function accountSummary(kind: PaymentKind, masked: Record<string, string>): string {
  const parts: Record<PaymentKind, Array<string | undefined>> = {
    bank_transfer: [masked.iban],
    skrill: [masked.email],
    neteller: [masked.email],
    coinspaid: [masked.coin, masked.address],
    crypto_wallet: [masked.coin, masked.address],
    capitalist: [masked.account],
    webmoney: [masked.purse],
    player_account: [masked.brand, masked.playerId],
    other: [masked.label, masked.details],
  };
  return parts[kind].filter(Boolean).join(' ');
}
