import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const PARTNER_STATUSES = ['pending', 'active', 'rejected', 'blocked'] as const;
export const USER_ROLES = ['owner', 'admin', 'analyst', 'finance'] as const;

/** A partner (affiliate) account of one operator; its people are rows of `users`. */
export const partners = sqliteTable(
  'partners',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    company: text('company'),
    country: text('country'),
    status: text('status', { enum: PARTNER_STATUSES }).notNull().default('pending'),
    referrerPartnerId: text('referrer_partner_id'),
    /**
     * What brought a referred partner: the referrer's tracking click (visit id) that led to the
     * sign-up, and its campaign and promo. Null for a sign-up by code only. No foreign keys: the
     * raw click may be purged by retention, the names are looked up through their modules.
     */
    referredCampaignId: text('referred_campaign_id'),
    referredPromoId: text('referred_promo_id'),
    referredClickId: text('referred_click_id'),
    /** Sub-affiliate referral code: sign-ups that carry it are linked to this partner. */
    referralCode: text('referral_code').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('partners_operator_status').on(t.operatorId, t.status),
    // The sub-affiliate tree walks referrer → referred within an operator.
    index('partners_operator_referrer').on(t.operatorId, t.referrerPartnerId),
    uniqueIndex('partners_operator_referral').on(t.operatorId, t.referralCode),
  ],
);

export interface EmailPreferences {
  news: boolean;
  reports: boolean;
  payments: boolean;
  security: boolean;
}
export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = {
  news: true,
  reports: true,
  payments: true,
  security: true,
};

/** A team member of a partner account. Emails are unique per operator, not globally. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['en', 'ru'] })
      .notNull()
      .default('en'),
    messenger: text('messenger'),
    phone: text('phone'),
    defaultCurrency: text('default_currency').notNull().default('EUR'),
    emailPreferences: text('email_preferences', { mode: 'json' })
      .$type<EmailPreferences>()
      .notNull()
      .$defaultFn(() => DEFAULT_EMAIL_PREFERENCES),
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
  },
  (t) => [
    uniqueIndex('users_operator_email').on(t.operatorId, t.email),
    index('users_partner').on(t.partnerId),
    uniqueIndex('users_stat_token').on(t.statTokenHash),
  ],
);

export const RETIRED_TOKEN_REASONS = ['rotated', 'expired'] as const;

/**
 * Statistic tokens no longer valid, by SHA-256, so the Report API can answer "rotated" or
 * "expired" instead of "unknown". Written in the same batch that replaces or clears the user's
 * token; each user keeps only the last RETIRED_TOKENS_PER_USER (statistic-token.ts).
 */
export const retiredStatisticTokens = sqliteTable(
  'retired_statistic_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: RETIRED_TOKEN_REASONS }).notNull(),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('retired_statistic_tokens_user').on(t.userId, t.retiredAt)],
);

/** A signed-in browser or embed. Only a SHA-256 of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId, t.endedAt)],
);

export const ONE_TIME_PURPOSES = ['unlock', 'password_reset', 'invite', 'embed'] as const;

/** Emailed links and embed client secrets: single use, expiring, stored hashed. */
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ONE_TIME_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('one_time_tokens_hash').on(t.tokenHash), index('one_time_tokens_user').on(t.userId, t.purpose)],
);

/** 2FA recovery codes, shown once, stored hashed, each usable once. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/** The events log partners see (and the per-IP sign-in throttle counts failures in it). */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id'),
    /** The user the event is about. */
    userId: text('user_id'),
    actorKind: text('actor_kind', { enum: ['user', 'operator', 'system'] }).notNull(),
    actorUserId: text('actor_user_id'),
    type: text('type').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('audit_events_partner_id').on(t.operatorId, t.partnerId, t.id),
    index('audit_events_ip').on(t.ip, t.type, t.createdAt),
  ],
);
