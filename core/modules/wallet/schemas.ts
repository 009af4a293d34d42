/** I/O contracts of the wallet: balances, the transactions list and the operator's balance corrections. */
import { z } from '@hono/zod-openapi';
import { CurrencySchema } from '../catalog/schemas.ts';
import { WALLET_TRANSACTION_TYPES } from './transaction-types.ts';

const localDate = z.iso.date({ error: 'must be a date like 2026-11-24' });
const decimal = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50');
const money = z.string().openapi({ description: 'A decimal string in the currency', example: '150.00' });

export const WalletBalanceSchema = z
  .object({
    currency: z.string(),
    coin: z.boolean().openapi({ description: 'A crypto currency (shown as coin beside fiat)' }),
    available: money.openapi({ description: 'What the partner may be paid' }),
    pending: money.openapi({ description: 'Held for cash-outs in flight' }),
  })
  .openapi('WalletBalance');

export const WalletBalancesSchema = z
  .object({ data: z.array(WalletBalanceSchema).openapi({ description: 'One per currency the partner has money in' }) })
  .openapi('WalletBalances');

export const WalletTransactionQuerySchema = z.object({
  type: z
    .enum(WALLET_TRANSACTION_TYPES)
    .optional()
    .openapi({
      description:
        'Only this type: `bill` (an approved bill and its corrections), `balance_correction`, `cash_out` (a cash-out held, ' +
        'or released when cancelled) or `refund` (a paid cash-out returned)',
    }),
  action: z
    .enum(['add', 'subtract'])
    .optional()
    .openapi({ description: 'Money added to or subtracted from the balance' }),
  currency: CurrencySchema.optional(),
  amountFrom: decimal.optional().openapi({ description: 'At least this amount (a decimal string, in any currency)' }),
  amountTo: decimal.optional().openapi({ description: 'At most this amount (a decimal string, in any currency)' }),
  from: localDate.optional().openapi({ description: "Posted on or after this local date (the operator's time zone)" }),
  to: localDate.optional().openapi({ description: "Posted on or before this local date (the operator's time zone)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional().openapi({ description: 'The `nextBefore` cursor of the previous page' }),
});

export const WalletTransactionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    type: z.enum(WALLET_TRANSACTION_TYPES),
    action: z.enum(['add', 'subtract']),
    amount: money,
    currency: z.string(),
    coin: z.boolean(),
    bill: z
      .object({
        id: z.string(),
        period: z.object({ from: z.string(), to: z.string().openapi({ description: 'Its last day (inclusive)' }) }),
        brand: z.object({ id: z.string(), name: z.string().nullable() }),
        correctionId: z
          .string()
          .nullable()
          .openapi({ description: 'Set when this is a correction of the approved bill, not its approval' }),
      })
      .nullable()
      .openapi({ description: 'The bill the money came from (type `bill`)' }),
    comment: z.string().nullable().openapi({ description: "A correction's comment" }),
    cashOutId: z.string().nullable().openapi({ description: 'The cash-out (types `cash_out` and `refund`)' }),
  })
  .openapi('WalletTransaction');

export const WalletTransactionListSchema = z
  .object({ data: z.array(WalletTransactionSchema), nextBefore: z.string().nullable() })
  .openapi('WalletTransactionList');

export const BalanceCorrectionSchema = z
  .object({
    action: z.enum(['add', 'subtract']),
    amount: decimal.openapi({ description: 'A positive decimal string in the currency', example: '25.00' }),
    currency: CurrencySchema,
    comment: z.string().trim().min(1).max(500).openapi({ description: 'Why: the partner reads it' }),
    idempotencyKey: z.string().min(1).max(100).openapi({
      description: 'Your key for this correction: sending it again (a retry) posts nothing new and answers the same',
      example: 'crm-4821',
    }),
  })
  .strict()
  .openapi('BalanceCorrection');
