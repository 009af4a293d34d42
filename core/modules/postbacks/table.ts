import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const POSTBACK_SCOPES = ['account', 'campaign', 'promo'] as const;
/** Player event types plus `qualification`, which the billing issue fires. */
export const POSTBACK_ACTIONS = ['registration', 'first_deposit', 'deposit', 'withdrawal', 'wager', 'ngr', 'chargeback', 'lead', 'sale', 'custom', 'qualification'] as const;

/** A partner's postback to its own tracker: one scope, one action, one URL template. */
export const postbackConfigs = sqliteTable('postback_configs', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
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
}, (t) => [index('postback_configs_partner').on(t.operatorId, t.partnerId, t.scope)]);
