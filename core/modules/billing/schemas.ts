/** I/O contracts of bills and billing runs. */
import { z } from '@hono/zod-openapi';
import { BILL_LINE_KINDS, BILL_SOURCES, BILL_STATES } from './table.ts';

const STATES = BILL_STATES.join('|');
const localDate = z.iso.date({ error: 'must be a date like 2026-11-24' });
const named = z.object({ id: z.string(), name: z.string().nullable() });
const money = z.string().openapi({ description: 'A decimal string in the bill’s currency', example: '150.00' });
const words = z.object({ en: z.string(), ru: z.string() });

export const BillListQuerySchema = z.object({
  from: localDate.optional().openapi({ description: 'Bills whose period starts on or after this local date' }),
  to: localDate.optional().openapi({ description: 'Bills whose period starts on or before this local date' }),
  state: z
    .string()
    .regex(new RegExp(`^(${STATES})(,(${STATES}))*$`), 'states like pending,on_hold')
    .optional()
    .openapi({ description: 'One or more states, comma-separated: pending, approved, on_hold, cancelled, paid' }),
  brandId: z.string().min(3).max(64).optional(),
  planId: z.string().min(3).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().max(120).optional().openapi({ description: 'The `next` cursor of the previous page' }),
});
export const OperatorBillListQuerySchema = BillListQuerySchema.extend({
  partnerId: z.string().min(3).max(64).optional(),
});

export const BillSchema = z
  .object({
    id: z.string(),
    partner: named,
    brand: named,
    plan: named,
    source: z.enum(BILL_SOURCES),
    period: z.object({
      kind: z.enum(['daily', 'weekly', 'monthly']),
      from: z.string(),
      to: z.string().openapi({ description: 'The period’s last day (inclusive)' }),
      timeZone: z.string(),
    }),
    planVersion: z.string().openapi({ description: 'The plan version (its first day) that priced the bill' }),
    currency: z.string(),
    coin: z.boolean().openapi({ description: 'A crypto currency (shown as coin beside fiat)' }),
    issued: money,
    corrections: money,
    toPay: money,
    carriedIn: money.nullable(),
    carriedOut: money.nullable(),
    state: z.enum(BILL_STATES),
    waitingFor: z
      .object({
        reason: z.enum(['exchange_rate', 'previous_bill']),
        currency: z.string().nullable(),
        date: z.string().nullable(),
        billId: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'Why the bill is not priced yet; null once it is' }),
    createdAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi('Bill');

export const BillListSchema = z
  .object({
    data: z.array(BillSchema),
    next: z.string().nullable(),
    totals: z.array(
      z.object({ currency: z.string(), coin: z.boolean(), count: z.number().int(), issued: money, toPay: money }),
    ),
  })
  .openapi('BillList');

export const BillDetailSchema = BillSchema.extend({
  lines: z.array(
    z.object({
      kind: z.enum(BILL_LINE_KINDS),
      quantity: z.number().int().nullable(),
      basis: money.nullable(),
      rate: z.string().nullable().openapi({ description: 'Minor units per unit (CPA, CPL) or a percentage' }),
      amount: money,
      tier: z.number().int().nullable(),
      lateFrom: z.string().nullable(),
      country: z.string().nullable(),
      exchange: z.object({ from: z.string(), rate: z.string(), rateDate: z.string() }).nullable(),
      text: words,
    }),
  ),
  correctionList: z.array(
    z.object({
      id: z.string(),
      action: z.enum(['add', 'subtract']),
      amount: money,
      comment: z.string(),
      createdAt: z.string(),
    }),
  ),
}).openapi('BillDetail');

export const BillActionSchema = z
  .object({
    action: z.enum(['approve', 'hold', 'cancel', 'mark_paid']),
    comment: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('BillAction');

export const BillCorrectionSchema = z
  .object({
    action: z.enum(['add', 'subtract']),
    amount: z
      .string()
      .max(40)
      .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50'),
    comment: z.string().trim().min(1).max(500),
  })
  .strict()
  .openapi('BillCorrection');

export const BillingRunSchema = z
  .object({
    through: localDate.optional().openapi({ description: 'Bill periods starting on or before this date only' }),
  })
  .strict()
  .openapi('BillingRunRequest');

export const BillingRunResultSchema = z
  .object({
    qualified: z.number().int(),
    issued: z.number().int(),
    priced: z.number().int(),
    complete: z.boolean(),
  })
  .openapi('BillingRun');
