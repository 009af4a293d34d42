import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const POSTBACK_SCOPES = ['account', 'campaign', 'promo'] as const;
/**
 * Player event types; `lead`, `sale` and `rejected` also fire when a tracker or network conversion
 * is created on hold, approved, or cancelled/trashed; `qualification` is fired by billing.
 */
export const POSTBACK_ACTIONS = [
  'registration',
  'first_deposit',
  'deposit',
  'withdrawal',
  'wager',
  'ngr',
  'chargeback',
  'lead',
  'sale',
  'rejected',
  'custom',
  'qualification',
] as const;
export type PostbackAction = (typeof POSTBACK_ACTIONS)[number];

/** A partner's postback to its own tracker: one scope, one action, one URL template. */
export const postbackConfigs = sqliteTable(
  'postback_configs',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    scope: text('scope', { enum: POSTBACK_SCOPES }).notNull(),
    campaignId: text('campaign_id'),
    promoId: text('promo_id'),
    action: text('action', { enum: POSTBACK_ACTIONS }).notNull(),
    method: text('method', { enum: ['GET', 'POST'] }).notNull(),
    /** POST only: send the macros' values as a form or a JSON body. */
    bodyFormat: text('body_format', { enum: ['form', 'json'] }),
    urlTemplate: text('url_template').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('postback_configs_partner').on(t.operatorId, t.partnerId, t.scope)],
);

export const DELIVERY_STATUSES = ['queued', 'retrying', 'delivered', 'failed'] as const;

/**
 * One postback owed for one trigger (an event, a conversion change, a qualification). The
 * unique (postback, trigger) pair makes a repeated trigger add nothing; the delivery job
 * carries its id, which is also the Idempotency-Key the receiver sees on every attempt.
 */
export const postbackDeliveries = sqliteTable(
  'postback_deliveries',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id').notNull(),
    postbackId: text('postback_id').notNull(),
    /** What caused it, e.g. `event:<id>`, `conversion:<id>:<revision>`, `test:<id>`. */
    triggerKey: text('trigger_key').notNull(),
    action: text('action', { enum: POSTBACK_ACTIONS }).notNull(),
    campaignId: text('campaign_id'),
    promoId: text('promo_id'),
    clickId: text('click_id'),
    method: text('method', { enum: ['GET', 'POST'] }).notNull(),
    /** The URL rendered when the trigger happened (values fixed then, encoded once). */
    url: text('url').notNull(),
    body: text('body'),
    contentType: text('content_type'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastResponseCode: integer('last_response_code'),
    lastError: text('last_error'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    firstAttemptAt: integer('first_attempt_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('postback_deliveries_trigger').on(t.postbackId, t.triggerKey),
    index('postback_deliveries_partner').on(t.operatorId, t.partnerId, t.createdAt),
  ],
);

/** Every attempt, as the partner's postback log shows it. */
export const postbackAttempts = sqliteTable(
  'postback_attempts',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    postbackId: text('postback_id').notNull(),
    action: text('action', { enum: POSTBACK_ACTIONS }).notNull(),
    campaignId: text('campaign_id'),
    promoId: text('promo_id'),
    method: text('method', { enum: ['GET', 'POST'] }).notNull(),
    url: text('url').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The receiver's HTTP status; null when the attempt failed before one arrived (see error). */
    responseCode: integer('response_code'),
    error: text('error'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('postback_attempts_partner_id').on(t.operatorId, t.partnerId, t.id)],
);
