/** I/O contracts of cash-outs: the partner's request, the lists and the operator's moves. */
import { z } from '@hono/zod-openapi';
import { CurrencySchema } from '../catalog/schemas.ts';
import { SecondFactorSchema } from '../identity/schemas.ts';
import { CASH_OUT_STATES } from './table.ts';

export const CashOutRequestSchema = z
  .object({
    currency: CurrencySchema,
    paymentAccountId: z.string().min(3).max(64).openapi({ description: 'One of your live payment accounts' }),
    amount: z
      .string()
      .max(40)
      .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50')
      .openapi({ description: "A decimal string within the method's minimum and maximum", example: '150.00' }),
    code: SecondFactorSchema.optional().openapi({ description: 'A current 2FA code (required: 2FA must be on)' }),
    idempotencyKey: z.string().min(1).max(100).openapi({
      description: 'Your key for this request: sending it again (a retry) withdraws nothing more and answers the same',
      example: 'withdraw-2026-12-02-1',
    }),
  })
  .strict()
  .openapi('CashOutRequest');

export const CashOutSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    state: z.enum(CASH_OUT_STATES),
    amount: z.string().openapi({ description: 'A decimal string in the currency' }),
    currency: z.string(),
    paymentAccount: z.object({
      id: z.string(),
      summary: z.string().openapi({ description: 'The account as it read masked when the cash-out was asked for' }),
      method: z.object({ id: z.string(), name: z.string() }),
    }),
    idempotencyKey: z.string(),
    reference: z.string().nullable().openapi({ description: "The payment system's reference, once paid" }),
    cancelledBy: z.enum(['partner', 'operator']).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CashOut');

export const CashOutListSchema = z
  .object({ data: z.array(CashOutSchema), nextBefore: z.string().nullable() })
  .openapi('CashOutList');

const listQuery = {
  state: z.enum(CASH_OUT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(64).optional().openapi({ description: 'The `nextBefore` cursor of the previous page' }),
};

export const CashOutQuerySchema = z.object(listQuery);

export const OperatorCashOutQuerySchema = z.object({
  ...listQuery,
  partnerId: z.string().min(3).max(64).optional().openapi({ description: "Only this partner's cash-outs" }),
});

export const CashOutExportQuerySchema = z.object({
  state: z
    .enum([...CASH_OUT_STATES, 'all'])
    .default('pending')
    .openapi({ description: 'The cash-outs in this state (`all`: every state); pending unless given' }),
  partnerId: OperatorCashOutQuerySchema.shape.partnerId,
});

/** The export's body: CSV text (documented as a string, since it is no JSON). */
export const CashOutExportSchema = z.string().openapi({
  description:
    'UTF-8 CSV with a byte-order mark, CRLF lines, RFC 4180 quoting; text cells starting with = + - @, a tab or CR ' +
    'begin with an apostrophe (numbers stay numbers). One row per cash-out: id, requested at (ISO UTC), partner id, name and e-mail, ' +
    'currency, amount (decimal string), method kind and name, account id, masked summary, whether it was ' +
    'deleted, the payee details in full (one column per field of every kind), state and reference',
  example: 'cash_out_id,requested_at,partner_id,…\r\ncout_…,2026-12-01T10:00:00.000Z,prt_…,…',
});

export const CashOutPaidSchema = z
  .object({
    reference: z.string().trim().min(1).max(200).openapi({ description: "The payment system's reference" }),
  })
  .strict()
  .openapi('CashOutPaid');
