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
  /** Sub-affiliate referral code: sign-ups that carry it are linked to this partner. */
  referralCode: text('referral_code').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('partners_operator_status').on(t.operatorId, t.status), uniqueIndex('partners_operator_referral').on(t.operatorId, t.referralCode)]);

export interface EmailPreferences { news: boolean; reports: boolean; payments: boolean; security: boolean }
export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = { news: true, reports: true, payments: true, security: true };

/** A team member of a partner account. Emails are unique per operator, not globally. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull().references(() => operators.id, { onDelete: 'cascade' }),
  partnerId: text('partner_id').notNull().references(() => partners.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale', { enum: ['en', 'ru'] }).notNull().default('en'),
  messenger: text('messenger'),
  phone: text('phone'),
  defaultCurrency: text('default_currency').notNull().default('EUR'),
  emailPreferences: text('email_preferences', { mode: 'json' }).$type<EmailPreferences>().notNull().$defaultFn(() => DEFAULT_EMAIL_PREFERENCES),
  blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
  /** Consecutive failed sign-ins; reset by a successful one or an unlock. */
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
  /** TOTP secrets are encrypted at rest (AES-GCM, deps.secretBox); the pending one awaits confirmation. */
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
  /** Highest 30-second step accepted, so a code cannot be used twice. */
  totpLastStep: integer('totp_last_step'),
  /** Statistic token: SHA-256 for lookup, encrypted copy so the profile page can show it again. */
  statTokenHash: text('stat_token_hash'),
  statTokenSealed: text('stat_token_sealed'),
  statTokenCreatedAt: integer('stat_token_created_at', { mode: 'timestamp_ms' }),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [uniqueIndex('users_operator_email').on(t.operatorId, t.email), index('users_partner').on(t.partnerId), uniqueIndex('users_stat_token').on(t.statTokenHash)]);
