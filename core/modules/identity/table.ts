import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';
import { users } from '../partners/table.ts';

/** A signed-in browser or embed. Only a SHA-256 of the token is stored. */
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  kind: text('kind', { enum: ['password', 'embed'] }).notNull(),
  transport: text('transport', { enum: ['bearer', 'cookie'] }).notNull(),
  /** Embed sessions may show only these components; null means all. */
  components: text('components', { mode: 'json' }).$type<string[] | null>(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
}, (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId, t.endedAt)]);

export const ONE_TIME_PURPOSES = ['unlock', 'password_reset', 'invite', 'embed'] as const;

/** Emailed links and embed client secrets: single use, expiring, stored hashed. */
export const oneTimeTokens = sqliteTable('one_time_tokens', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ONE_TIME_PURPOSES }).notNull(),
  tokenHash: text('token_hash').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
}, (t) => [uniqueIndex('one_time_tokens_hash').on(t.tokenHash), index('one_time_tokens_user').on(t.userId, t.purpose)]);

/** 2FA recovery codes, shown once, stored hashed, each usable once. */
export const recoveryCodes = sqliteTable('recovery_codes', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
}, (t) => [index('recovery_codes_user').on(t.userId)]);

/** The events log partners see (and the per-IP sign-in throttle counts failures in it). */
export const auditEvents = sqliteTable('audit_events', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  partnerId: text('partner_id'),
  /** The user the event is about. */
  userId: text('user_id'),
  actorKind: text('actor_kind', { enum: ['user', 'operator', 'system'] }).notNull(),
  actorUserId: text('actor_user_id'),
  type: text('type').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  ip: text('ip'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [
  index('audit_events_partner').on(t.operatorId, t.partnerId, t.createdAt),
  index('audit_events_ip').on(t.ip, t.type, t.createdAt),
]);
