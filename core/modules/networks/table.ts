import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

/**
 * Where inbound postbacks come from: the operator's own tracker, or a CPA network from the
 * catalog. Each has a secret token in its postback URL (stored sealed, so the URL can be shown
 * again, and hashed, so a call is checked without decrypting); network settings are sealed too.
 */
export const networkConnections = sqliteTable(
  'network_connections',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['tracker', 'network'] }).notNull(),
    /** Catalog key (NETWORK_CATALOG) for networks; null for trackers. */
    networkKey: text('network_key'),
    name: text('name').notNull(),
    /** Sealed JSON of the network's settings (API tokens, user ids…). */
    settingsSealed: text('settings_sealed'),
    tokenSealed: text('token_sealed').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Currency of payouts that arrive without one. */
    defaultCurrency: text('default_currency').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('network_connections_operator').on(t.operatorId, t.createdAt)],
);

/** An operator offer (a brand, optionally one landing) mapped to the network's per-offer parameters. */
export const networkOffers = sqliteTable(
  'network_offers',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => networkConnections.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    brandId: text('brand_id'),
    landingId: text('landing_id'),
    parameters: text('parameters', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('network_offers_connection').on(t.operatorId, t.connectionId)],
);
