import { sqliteTable, text, integer, index, uniqueIndex, primaryKey, customType } from 'drizzle-orm/sqlite-core';

export interface OperatorBranding {
  displayName: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  theme: 'light' | 'dark';
  supportEmail: string | null;
  /** The partner program's terms; sign-up requires accepting them when set. Added later: older rows lack the key. */
  termsUrl: string | null;
}

/**
 * Branding as stored (JSON), completed on every read: keys added after a row was written read as
 * their "none" value, so no migration rewrites the rows. The one place branding is read from the
 * database: selects, and the scalar subqueries mapped with this column (operatorBrandingOf).
 */
function completeBranding(stored: Omit<OperatorBranding, 'termsUrl'> & Partial<OperatorBranding>) {
  return { ...stored, termsUrl: stored.termsUrl ?? null } satisfies OperatorBranding;
}

const brandingJson = customType<{ data: OperatorBranding; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => completeBranding(JSON.parse(value)),
});

/** Operators are the tenants: every other row names one. */
export const operators = sqliteTable('operators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  branding: brandingJson('branding').notNull(),
  /** Failed sign-ins before a partner user is locked (identity issue reads it). */
  lockoutThreshold: integer('lockout_threshold').notNull().default(5),
  /** Where unknown tracking codes on this operator's hosts send players. */
  fallbackUrl: text('fallback_url'),
  /** IANA zone reports default to, and whose days relative periods ("today", "this month") mean. */
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Browser origins allowed to call this operator's public and embedded routes (CORS). */
export const operatorOrigins = sqliteTable(
  'operator_origins',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.origin] }), index('operator_origins_origin').on(t.origin)],
);

/** Secret keys are shown once; only a SHA-256 of the full key is kept (keys are 128-bit random). */
export const operatorApiKeys = sqliteTable(
  'operator_api_keys',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** First characters of the key, safe to display so a person can tell keys apart. */
    displayPrefix: text('display_prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('operator_api_keys_hash').on(t.secretHash), index('operator_api_keys_operator').on(t.operatorId)],
);
