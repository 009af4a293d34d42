import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import type { Adapter } from './adapter.ts';

/**
 * A network connection's API adapter and its sync state. `syncedUntil` is the cursor: the end of
 * the last window every page of which was read. `leaseUntil` is the database's guard that one
 * sync of a connection runs at a time, whichever process or isolate starts it.
 */
export const networkAdapters = sqliteTable(
  'network_adapters',
  {
    connectionId: text('connection_id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    adapter: text('adapter', { mode: 'json' }).$type<Adapter>().notNull(),
    syncedUntil: integer('synced_until', { mode: 'timestamp_ms' }),
    nextSyncAt: integer('next_sync_at', { mode: 'timestamp_ms' }),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastSyncAt: integer('last_sync_at', { mode: 'timestamp_ms' }),
    /** ok, partial (stopped early: 429, a page limit), failed; null before the first sync. */
    lastOutcome: text('last_outcome', { enum: ['ok', 'partial', 'failed'] }),
    lastError: text('last_error'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('network_adapters_due').on(t.nextSyncAt), index('network_adapters_operator').on(t.operatorId)],
);

/** Every request an adapter made (test, sync, lead push) and its answer, secrets and contacts masked. */
export const networkApiLog = sqliteTable(
  'network_api_log',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    connectionId: text('connection_id').notNull(),
    /** The sync run, test or push this request belongs to. */
    runId: text('run_id').notNull(),
    purpose: text('purpose', { enum: ['test', 'sync', 'push'] }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    method: text('method').notNull(),
    url: text('url').notNull(),
    requestBody: text('request_body'),
    /** HTTP status; null when no answer came (timeout, refused address). */
    status: integer('status'),
    durationMs: integer('duration_ms').notNull(),
    /** The answer's first 4,000 characters. */
    answer: text('answer'),
    itemsSeen: integer('items_seen').notNull().default(0),
    itemsChanged: integer('items_changed').notNull().default(0),
    error: text('error'),
  },
  (t) => [
    index('network_api_log_connection').on(t.operatorId, t.connectionId, t.id),
    index('network_api_log_time').on(t.at),
  ],
);

/** The state of a report per network order: a poll that brings nothing new applies nothing. */
export const networkOrderReports = sqliteTable(
  'network_order_reports',
  {
    operatorId: text('operator_id').notNull(),
    connectionId: text('connection_id').notNull(),
    orderId: text('order_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    appliedAt: integer('applied_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.connectionId, t.orderId] })],
);

export const LEAD_PUSH_STATES = ['queued', 'pushed', 'duplicate', 'rejected', 'retrying', 'failed'] as const;

/**
 * A lead the operator sent for a network offer: the contact sealed (and a masked copy to show),
 * both erased after the adapter's retention; the push's state and the network's order id, kept
 * with our visit id so a polled status finds its conversion.
 */
export const networkLeads = sqliteTable(
  'network_leads',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    connectionId: text('connection_id').notNull(),
    offerId: text('offer_id').notNull(),
    /** The operator's own id of the lead: a repeat with it is the same lead. */
    leadId: text('lead_id').notNull(),
    visitId: text('visit_id').notNull(),
    contactSealed: text('contact_sealed'),
    contactMasked: text('contact_masked', { mode: 'json' }).$type<Record<string, string>>(),
    state: text('state', { enum: LEAD_PUSH_STATES }).notNull(),
    networkOrderId: text('network_order_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    pushedAt: integer('pushed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('network_leads_lead').on(t.operatorId, t.connectionId, t.leadId),
    index('network_leads_order').on(t.operatorId, t.connectionId, t.networkOrderId),
    index('network_leads_list').on(t.operatorId, t.connectionId, t.id),
    index('network_leads_retention').on(t.createdAt),
  ],
);
