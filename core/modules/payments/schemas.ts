/**
 * I/O contracts of payment methods: the operator's catalog (limits as decimal strings, as every
 * amount in this API) and the partner's accounts (details per kind: kinds.ts).
 */
import { z } from '@hono/zod-openapi';
import { currencyExponent, formatMoney, MAX_PAYOUT_MINOR, money, MoneyError, parsePayout } from '../../lib/money.ts';
import { SecondFactorSchema } from '../identity/schemas.ts';
import { AccountDetailsSchema, PAYMENT_KINDS, WALLET_COINS } from './kinds.ts';

const amount = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50');

/** What a bad amount is, as the field problem's params (the one payout rule reads it). */
function amountIssue(value: string, currency: string): { message: string; params: Record<string, unknown> } | null {
  try {
    parsePayout(value, currency);
    return null;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const params =
      error.reason === 'too_precise'
        ? { reason: 'money_format', decimals: currencyExponent(currency.trim().toUpperCase()) }
        : { reason: 'too_big', maximum: formatMoney(money(MAX_PAYOUT_MINOR, currency.trim().toUpperCase())) };
    return { message: error.message, params };
  }
}

/** The least and the most one cash-out by this method may be, in one currency. */
export const MethodLimitSchema = z
  .object({
    currency: z
      .string()
      .trim()
      .min(3)
      .max(10)
      .transform((v) => v.toUpperCase())
      .openapi({ example: 'EUR' }),
    min: amount.openapi({ example: '50.00' }),
    max: amount.openapi({ example: '10000.00' }),
  })
  .strict()
  .superRefine((limit, ctx) => {
    try {
      currencyExponent(limit.currency);
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'not a supported currency',
        params: { reason: 'unknown_currency' },
      });
      return;
    }
    const bad = (['min', 'max'] as const).map((key) => {
      const issue = amountIssue(limit[key], limit.currency);
      if (issue) ctx.addIssue({ code: 'custom', path: [key], message: issue.message, params: issue.params });
      return issue;
    });
    if (bad.some(Boolean)) return;
    const min = parsePayout(limit.min, limit.currency).minor;
    const max = parsePayout(limit.max, limit.currency).minor;
    if (max === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'must be above zero',
        params: { reason: 'too_small', minimum: limit.max },
      });
    else if (min > max) {
      // Both fields are named: which one is wrong is the operator's call.
      const message = `the minimum ${limit.min} is above the maximum ${limit.max}`;
      ctx.addIssue({ code: 'custom', path: ['min'], message, params: { reason: 'too_big', maximum: limit.max } });
      ctx.addIssue({ code: 'custom', path: ['max'], message, params: { reason: 'too_small', minimum: limit.min } });
    }
  });
export type MethodLimitInput = z.infer<typeof MethodLimitSchema>;

/** One entry per currency; the currencies a method pays in are the ones listed. */
const limits = z
  .array(MethodLimitSchema)
  .min(1)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((limit, index) => {
      if (seen.has(limit.currency))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'currency'],
          message: `${limit.currency} is listed twice`,
          params: { reason: 'already_exists' },
        });
      seen.add(limit.currency);
    });
  });

const name = z.string().trim().min(1).max(80);

export const CreatePaymentMethodSchema = z
  .object({
    name: name.openapi({ example: 'Bank transfer (SEPA)' }),
    kind: z.enum(PAYMENT_KINDS),
    limits,
    enabled: z.boolean().default(true),
  })
  .strict()
  .openapi('CreatePaymentMethod');

/** The kind never changes: partners' accounts were checked against it. */
export const UpdatePaymentMethodSchema = z
  .object({ name: name.optional(), limits: limits.optional(), enabled: z.boolean().optional() })
  .strict()
  .openapi('UpdatePaymentMethod');

const LimitOutSchema = z.object({ currency: z.string(), min: z.string(), max: z.string() });

export const PaymentMethodSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PAYMENT_KINDS),
    /** The currencies it pays in, in the order of `limits`. */
    currencies: z.array(z.string()),
    limits: z.array(LimitOutSchema),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PaymentMethod');
export const PaymentMethodListSchema = z.object({ data: z.array(PaymentMethodSchema) }).openapi('PaymentMethodList');

/** What a partner sees of an offered method: enough to pick it and fill in its fields. */
export const OfferedPaymentMethodSchema = PaymentMethodSchema.pick({
  id: true,
  name: true,
  kind: true,
  currencies: true,
  limits: true,
})
  .extend({ coins: z.array(z.enum(WALLET_COINS)).openapi({ description: 'Coins a wallet address may be for' }) })
  .openapi('OfferedPaymentMethod');
export const OfferedPaymentMethodListSchema = z
  .object({ data: z.array(OfferedPaymentMethodSchema) })
  .openapi('OfferedPaymentMethodList');

const code = SecondFactorSchema.optional().openapi({
  description: 'A current 2FA code (or a recovery code); needed when the user has two-factor authentication on',
});

export const AddPaymentAccountSchema = z
  .object({ methodId: z.string().min(3).max(64), details: AccountDetailsSchema, code })
  .strict()
  .openapi('AddPaymentAccount');

export const TwoFactorOptionalBodySchema = z.object({ code }).strict().openapi('OptionalSecondFactorCode');
export const RevealPaymentAccountSchema = z
  .object({ code: SecondFactorSchema.optional().openapi({ description: 'A current 2FA code (always needed)' }) })
  .strict()
  .openapi('RevealPaymentAccount');

export const PaymentAccountSchema = z
  .object({
    id: z.string(),
    method: z.object({ id: z.string(), name: z.string(), kind: z.enum(PAYMENT_KINDS), enabled: z.boolean() }),
    /** Each field of the kind, identifiers masked ("•••• 4821", "j•••@example.com"). */
    masked: z.record(z.string(), z.string()),
    /** The masked account in one line ("•••• 3000", "BTC •••• x0wlh"). */
    summary: z.string(),
    createdAt: z.string(),
  })
  .openapi('PaymentAccount');
export const PaymentAccountListSchema = z.object({ data: z.array(PaymentAccountSchema) }).openapi('PaymentAccountList');

export const RevealedPaymentAccountSchema = PaymentAccountSchema.extend({ details: AccountDetailsSchema }).openapi(
  'RevealedPaymentAccount',
);
