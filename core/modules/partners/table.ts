import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const PARTNER_STATUSES = ['pending', 'active', 'rejected', 'blocked'] as const;
export const USER_ROLES = ['owner', 'admin', 'analyst', 'finance'] as const;

/** A partner (affiliate) account of one operator; its people are rows of `users`. */
export const partners = sqliteTable('partners', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  company: text('company'),
  country: text('country'),
  status: text('status', { enum: PARTNER_STATUSES }).notNull().default('pending'),
  referrerPartnerId: text('referrer_partner_id'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('partners_operator_status').on(t.operatorId, t.status)]);

/** A team member of a partner account. Emails are unique per operator, not globally. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  partnerId: text('partner_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('en'),
  blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [uniqueIndex('users_operator_email').on(t.operatorId, t.email), index('users_partner').on(t.partnerId)]);
