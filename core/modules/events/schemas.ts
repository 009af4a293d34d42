/** I/O contracts of player events (operator → Kabinet) and the partner's conversion log. */
import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES } from '../../lib/money.ts';
import { PLAYER_EVENT_TYPES, ATTRIBUTION_METHODS } from './table.ts';

export const MAX_EVENTS_PER_BATCH = 1000;

/** One event; validated one by one so a bad event does not sink the batch. */
export const PlayerEventSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    type: z.enum(PLAYER_EVENT_TYPES),
    playerId: z.string().trim().min(1).max(100),
    brand: z.string().min(3).max(64),
    visitId: z.string().max(100).optional(),
    promoCode: z.string().max(40).optional(),
    /** A decimal string in the currency's units ("25.50"): never a float. */
    amount: z
      .string()
      .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string like "25.50" (numbers are refused: no floats for money)')
      .optional(),
    currency: z
      .enum(CURRENCY_CODES as [string, ...string[]], { error: 'must be a supported currency code like EUR' })
      .optional(),
    occurredAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time like 2026-11-24T10:00:00Z' }),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((e) => (e.amount === undefined) === (e.currency === undefined), {
    message: 'amount and currency come together',
    path: ['currency'],
    params: { reason: 'requires_field', field: 'amount' },
  })
  .openapi('PlayerEvent');

/**
 * The batch is checked whole here; each item is checked by itself when it is ingested, so the
 * schema takes any item (a bad event gets its own `rejected` result) while the document tells
 * clients what an item is: a PlayerEvent (registered with the events routes).
 */
export const EventBatchSchema = z
  .object({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`)
      .openapi({ items: { $ref: '#/components/schemas/PlayerEvent' } }),
  })
  .strict()
  .openapi('PlayerEventBatch');

const AttributionSchema = z
  .object({
    partnerId: z.string(),
    campaignId: z.string(),
    promoId: z.string(),
    clickId: z.string().nullable(),
    method: z.enum(ATTRIBUTION_METHODS),
  })
  .openapi('Attribution');

export const EventResultSchema = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    /** accepted: stored now; duplicate: same id and content seen before (counted once); conflict: same id, different content; rejected: invalid. */
    status: z.enum(['accepted', 'duplicate', 'conflict', 'rejected']),
    attribution: AttributionSchema.nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('PlayerEventResult');

export const EventBatchResultSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    conflicts: z.number().int(),
    rejected: z.number().int(),
    results: z.array(EventResultSchema),
  })
  .openapi('PlayerEventBatchResult');

export const RecordedEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(PLAYER_EVENT_TYPES),
    playerId: z.string(),
    brandId: z.string(),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    occurredAt: z.string(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
    promoId: z.string().nullable(),
    promoTitle: z.string().nullable(),
    clickId: z.string().nullable(),
    attributedBy: z.enum(ATTRIBUTION_METHODS).nullable(),
  })
  .openapi('RecordedEvent');

export const EventQuerySchema = z.object({
  type: z.enum(PLAYER_EVENT_TYPES).optional(),
  campaignId: z.string().max(64).optional(),
  clickId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const RecordedEventListSchema = z.object({ data: z.array(RecordedEventSchema) }).openapi('RecordedEventList');
