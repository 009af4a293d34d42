import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const STAFF_ROLES = ['owner', 'manager', 'finance', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** People of an operator who use the console with a password and a required second factor (no secret key). */
export const operatorStaff = sqliteTable(
  'operator_staff',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    /** Stored lower-cased: unique per operator whatever the case typed. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null until the invited person sets one through the emailed link. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    /** Sealed with the secret box: enrolled but not yet confirmed while totpConfirmedAt is null. */
    totpSecret: text('totp_secret'),
    totpConfirmedAt: integer('totp_confirmed_at', { mode: 'timestamp_ms' }),
    /** The last accepted time step, so a code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    /** Consecutive wrong passwords and codes; reaching the operator's lockout threshold locks. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('operator_staff_email').on(t.operatorId, t.email)],
);

/**
 * Staff sign-in state, one row per token (only its SHA-256 is stored): `challenge` waits for the
 * TOTP code after a right password; `enrol` may only set up TOTP; `full` is the console session.
 */
export const operatorStaffSessions = sqliteTable(
  'operator_staff_sessions',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    staffId: text('staff_id')
      .notNull()
      .references(() => operatorStaff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    stage: text('stage', { enum: ['challenge', 'enrol', 'full'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('operator_staff_sessions_token').on(t.tokenHash),
    index('operator_staff_sessions_staff').on(t.staffId, t.endedAt),
  ],
);

/** Single-use set-password links (invitations), stored hashed. */
export const operatorStaffTokens = sqliteTable(
  'operator_staff_tokens',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    staffId: text('staff_id')
      .notNull()
      .references(() => operatorStaff.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('operator_staff_tokens_hash').on(t.tokenHash)],
);
