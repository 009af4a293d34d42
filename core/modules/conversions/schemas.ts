/** I/O contracts: inbound tracker and network postbacks, conversions, costs. */
import { z } from '@hono/zod-openapi';
import { CONVERSION_STATUSES } from './table.ts';

const param = (description: string) => z.string().max(500).optional().openapi({ description });

export const TrackerPostbackQuerySchema = z
  .object({
    // Optional in the schema so a call without it gets the same 404 as a wrong one.
    t: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "Required: the connection's secret token (part of the URL the operator copies)" }),
    click_id: param("Kabinet's visit id the tracker got on the landing (aliases: clickid, subid, visit_id)"),
    status: param(
      'lead / sale / rejected (or approve, cancel, trash, hold…); unknown values are kept raw with a warning',
    ),
    payout: param('Payout as a decimal string, e.g. 12.50'),
    currency: param("ISO 4217 code (default: the connection's currency)"),
    txid: param(
      'Transaction id: a new one on the same click is an upsell, a repeat counts once (alias: transaction_id)',
    ),
  })
  .passthrough();

export const NetworkPostbackQuerySchema = z
  .object({
    t: z.string().max(200).optional().openapi({ description: "Required: the connection's secret token" }),
    oid: param('Order id: the id Kabinet sent to the network (the visit id), or `eid`'),
    eid: param('Alternative name for the order id'),
    status: param("The network's status value"),
    sta: param("The network's own value meaning approve"),
    stc: param("The network's own value meaning cancel"),
    stt: param("The network's own value meaning trash"),
    stw: param("The network's own value meaning wait (hold)"),
    pay: param('Payout, decimal string'),
    cc: param('Payout currency'),
    comment: param('Free text from the network'),
    reason: param('Rejection reason code from the network'),
  })
  .passthrough();

export const InboundResultSchema = z
  .object({
    ok: z.literal(true),
    result: z.enum(['created', 'changed', 'duplicate', 'refused', 'unknown_status']),
    conversionId: z.string(),
    status: z.enum(CONVERSION_STATUSES),
    warning: z.string().nullable(),
  })
  .openapi('InboundPostbackResult');

export const ConversionSchema = z
  .object({
    id: z.string(),
    source: z.enum(['tracker', 'network', 'operator']),
    connectionId: z.string().nullable(),
    externalId: z.string().nullable(),
    clickId: z.string().nullable(),
    partnerId: z.string().nullable(),
    campaignId: z.string().nullable(),
    promoId: z.string().nullable(),
    status: z.enum(CONVERSION_STATUSES),
    rawStatus: z.string().nullable(),
    payout: z.string().nullable(),
    currency: z.string().nullable(),
    comment: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Conversion');
export const ConversionChangeSchema = z
  .object({
    at: z.string(),
    source: z.enum(['tracker', 'network', 'operator']),
    fromStatus: z.enum(CONVERSION_STATUSES).nullable(),
    toStatus: z.enum(CONVERSION_STATUSES).nullable(),
    rawStatus: z.string().nullable(),
    payout: z.string().nullable(),
    currency: z.string().nullable(),
    outcome: z.enum(['created', 'changed', 'duplicate', 'refused', 'unknown_status']),
    warning: z.string().nullable(),
    received: z.record(z.string(), z.string()).nullable(),
  })
  .openapi('ConversionChange');
export const ConversionDetailSchema = ConversionSchema.extend({ changes: z.array(ConversionChangeSchema) }).openapi(
  'ConversionDetail',
);
export const ConversionListQuerySchema = z.object({
  status: z.enum(CONVERSION_STATUSES).optional(),
  source: z.enum(['tracker', 'network', 'operator']).optional(),
  connectionId: z.string().max(64).optional(),
  clickId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const UpdateConversionSchema = z
  .object({
    status: z.enum(CONVERSION_STATUSES).optional(),
    // Read by the same rule as inbound postbacks (parsePayout): a plain non-negative decimal string,
    // at most the currency's decimals and 10^12 minor units; refusals name body.payout or body.currency.
    payout: z
      .string()
      .max(100)
      .optional()
      .openapi({ description: 'Decimal string, e.g. "12.50": not negative, at most the currency\'s decimal places' }),
    currency: z.string().max(10).optional().openapi({
      description:
        "ISO 4217 (or supported crypto) code; only together with payout (default: the conversion's currency)",
    }),
    comment: z.string().max(1000).optional(),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.payout !== undefined, {
    message: 'change the status, the payout, or both',
    params: { reason: 'required_one_of', fields: ['status', 'payout'] },
  })
  .openapi('UpdateConversion');

export const CostItemSchema = z
  .object({
    campaignId: z.string().min(3).max(64),
    date: z.iso.date({ error: 'must be a date like 2026-11-24' }),
    amount: z.string().regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50'),
    // Checked against the supported list when the amount is read (USDT and USDC have four letters).
    currency: z.string().min(3).max(10),
  })
  .strict();
export const UploadCostsSchema = z
  .object({ costs: z.array(CostItemSchema).min(1).max(1000) })
  .strict()
  .openapi('UploadCosts');
export const CostSchema = z
  .object({ campaignId: z.string(), date: z.string(), amount: z.string(), currency: z.string(), updatedAt: z.string() })
  .openapi('Cost');
export const CostQuerySchema = z.object({
  campaignId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** What a partner sees of the conversions trackers and networks report on its clicks. */
export const PartnerConversionSchema = z
  .object({
    id: z.string(),
    source: z.enum(['tracker', 'network', 'operator']),
    status: z.enum(CONVERSION_STATUSES),
    payout: z.string().nullable(),
    currency: z.string().nullable(),
    clickId: z.string().nullable(),
    externalId: z.string().nullable(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
    promoId: z.string().nullable(),
    promoTitle: z.string().nullable(),
    /** The sender's own reason code (a network's, e.g. IKON's 7 for a duplicate), as sent. */
    reason: z.string().nullable(),
    /** The sender's free-text comment, as sent. */
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PartnerConversion');
export const PartnerConversionQuerySchema = z.object({
  status: z.enum(CONVERSION_STATUSES).optional(),
  campaignId: z.string().max(64).optional(),
  clickId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
